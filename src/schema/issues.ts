/**
 * The schema checks in fp-edifact's own words. zod is a dependency under a caret range, and its
 * default messages ("Invalid input: expected string, received number") are its own: any minor
 * release may reword them. Every check whose issues reach an error (ProfileError,
 * MessageEncodeError, a decode error, a snapshot that does not load) parses with
 * {@link checkSchema}, which words each issue here: what is wrong with the value at its path.
 * Messages a schema gives itself (`.regex(re, 'a date as YYYY-MM-DD')`, a refinement's text)
 * take precedence, as zod does with a schema's own messages; they are ours already.
 */
import type { z } from 'zod';
import { describeValue } from '../syntax/options.js';

/** One problem of a checked value: the dotted path (`''` for the value itself) and what is wrong. */
export interface SchemaIssue {
  path: string;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;

/** `invalid_type`: the type a value must have, by zod's name for it. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
  null: 'null',
  date: 'a Date',
  bigint: 'a bigint',
  function: 'a function',
};

/** `too_small` / `too_big`: what is counted of a value of that origin (`undefined`: the value itself is compared). */
const COUNTED: Readonly<Record<string, readonly [one: string, many: string] | undefined>> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
  set: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

const quoteAll = (values: readonly unknown[]): string => values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
const plural = (n: number | bigint, [one, many]: readonly [string, string]): string => `${String(n)} ${n === 1 || n === 1n ? one : many}`;

/** How big a value is, in what {@link COUNTED} counts for its origin. */
function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string') return [...input].length;
  if (Array.isArray(input)) return input.length;
  if (input instanceof Set) return input.size;
  return undefined;
}

/** `must have at least 3 characters, got 2` / `must be at most 99, got 100`. */
function sizeText(issue: RawIssue & { origin: string; inclusive?: boolean; exact?: boolean }, bound: number | bigint, side: 'least' | 'most'): string {
  const counted = COUNTED[issue.origin];
  const size = sizeOf(issue.input);
  if (counted !== undefined) {
    const how = issue.exact ? 'exactly' : `at ${side}`;
    return `must have ${how} ${plural(bound, counted)}${size === undefined ? '' : `, got ${size}`}`;
  }
  const how = issue.exact ? '' : issue.inclusive === false ? (side === 'least' ? 'greater than ' : 'less than ') : `at ${side} `;
  return `must be ${how}${String(bound)}, got ${describeValue(issue.input)}`;
}

/** `invalid_format`: the regular-expression check names its pattern; the others their format. */
function formatText(issue: RawIssue & { format: string; pattern?: string; prefix?: string; suffix?: string; includes?: string }): string {
  const got = `, got ${describeValue(issue.input)}`;
  if (issue.format === 'starts_with') return `must start with ${JSON.stringify(issue.prefix)}${got}`;
  if (issue.format === 'ends_with') return `must end with ${JSON.stringify(issue.suffix)}${got}`;
  if (issue.format === 'includes') return `must contain ${JSON.stringify(issue.includes)}${got}`;
  // Shown as a regular-expression literal, however zod gives it (it gives `String(regex)` today).
  if (issue.pattern !== undefined) return `must match ${issue.pattern.startsWith('/') ? issue.pattern : `/${issue.pattern}/`}${got}`;
  return `is not a valid ${issue.format}${got}`;
}

/** A discriminated union names the allowed values of its discriminator; another union only that nothing fits. */
function unionText(issue: RawIssue & { discriminator?: string; options?: readonly unknown[] }): string {
  if (issue.discriminator !== undefined && issue.options !== undefined) {
    const value = typeof issue.input === 'object' && issue.input !== null ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
    return value === undefined ? 'is missing' : `must be one of ${quoteAll(issue.options)}, got ${describeValue(value)}`;
  }
  return `fits none of the forms allowed here, got ${describeValue(issue.input)}`;
}

/** Our wording of each kind of issue zod reports; a kind not listed (a later zod's) is "is invalid". */
const WORDING: Readonly<Record<string, (issue: never) => string>> = {
  invalid_type: (issue: RawIssue & { expected: string }) => {
    if (issue.input === undefined) return 'is missing';
    if (issue.expected === 'never') return 'is not allowed here';
    return `must be ${TYPE_NAMES[issue.expected] ?? `of type ${issue.expected}`}, got ${describeValue(issue.input)}`;
  },
  invalid_value: (issue: RawIssue & { values: readonly unknown[] }) =>
    `must be ${issue.values.length === 1 ? '' : 'one of '}${quoteAll(issue.values)}, got ${describeValue(issue.input)}`,
  too_small: (issue: RawIssue & { origin: string; minimum: number | bigint }) => sizeText(issue, issue.minimum, 'least'),
  too_big: (issue: RawIssue & { origin: string; maximum: number | bigint }) => sizeText(issue, issue.maximum, 'most'),
  invalid_format: formatText,
  not_multiple_of: (issue: RawIssue & { divisor: number }) => `must be a multiple of ${issue.divisor}, got ${describeValue(issue.input)}`,
  unrecognized_keys: (issue: RawIssue & { keys: readonly string[] }) => `has ${issue.keys.length === 1 ? 'an unknown key' : 'unknown keys'} ${quoteAll(issue.keys)}`,
  invalid_union: unionText,
  invalid_key: () => 'has a key that is not allowed',
  invalid_element: () => 'has an entry that is not allowed',
};

/** What is wrong with the value of `issue`, in our words (zod's error-map form: every issue a schema gives no message of its own). */
export function issueText(issue: RawIssue): string {
  const word = issue.code === undefined ? undefined : WORDING[issue.code];
  return word === undefined ? 'is invalid' : (word as (i: RawIssue) => string)(issue);
}

/** The outcome of {@link checkSchema}: the parsed value, or the issues in our words. */
export type SchemaCheck<T> = { success: true; data: T } | { success: false; issues: ReadonlyArray<SchemaIssue & { at: readonly PropertyKey[] }> };

/** `schema.safeParse(value)`, its issues worded by {@link issueText} (`at` is the path as keys, `path` dotted). */
export function checkSchema<T>(schema: z.ZodType<T>, value: unknown): SchemaCheck<T> {
  const r = schema.safeParse(value, { error: issueText });
  if (r.success) return { success: true, data: r.data };
  return { success: false, issues: r.error.issues.map((i) => ({ at: i.path, path: i.path.map(String).join('.'), message: i.message })) };
}

/** `issues` as one line: `path: message; path: message` (`empty` names the value itself). */
export function issuesLine(issues: readonly SchemaIssue[], empty: string): string {
  return issues.map((i) => `${i.path || empty}: ${i.message}`).join('; ');
}
