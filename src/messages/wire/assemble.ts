/**
 * From the kind-independent "wire" record a family reader builds to the typed value of one
 * kind, and back: a kind is a list of fields it takes from the wire record (optionally under
 * another name). Anything the wire record has that the kind does not take is reported as
 * "not allowed in this kind" at the segment it came from; schema problems are reported at
 * the value's origin.
 */
import type { z } from 'zod';
import { checkSchema } from '../../schema/issues.js';
import type { DecodeContext } from './reader.js';

/** A field of a kind: `'policyNumber'` (same name on the wire) or `['endDate', 'policyEndDate']` (typed, wire). */
export type FieldMapping = string | readonly [typed: string, wire: string];

const typedKey = (f: FieldMapping): string => (typeof f === 'string' ? f : f[0]);
const wireKey = (f: FieldMapping): string => (typeof f === 'string' ? f : f[1]);

/** `true` for a present wire value (not `undefined`, not an empty array). */
export function present(v: unknown): boolean {
  return v !== undefined && !(Array.isArray(v) && v.length === 0);
}

/** Result of {@link takeFields}. */
export interface Assembled {
  /** The typed candidate (not yet validated). */
  value: Record<string, unknown>;
  /** typed top-level key → wire key, for locating schema issues. */
  renames: Map<string, string>;
}

/**
 * Copies the kind's fields from the wire record into a typed candidate and reports every
 * other present wire field (except `hooked` ones, which the caller handles) as `15`.
 *
 * @param describe names a wire field for people, e.g. `'policyNumber'` → `'RFF POL (policy number)'`
 */
export function takeFields(
  kind: string,
  wire: Record<string, unknown>,
  fields: readonly FieldMapping[],
  hooked: readonly string[],
  ctx: DecodeContext,
  describe: (wireKey: string) => string,
): Assembled {
  const value: Record<string, unknown> = { kind };
  const renames = new Map<string, string>();
  const taken = new Set<string>(hooked);
  for (const f of fields) {
    taken.add(wireKey(f));
    renames.set(typedKey(f), wireKey(f));
    const v = wire[wireKey(f)];
    if (present(v)) value[typedKey(f)] = v;
  }
  for (const [k, v] of Object.entries(wire)) {
    if (taken.has(k) || !present(v)) continue;
    const at = ctx.originOf(k);
    ctx.error('15', `${describe(k)} is not allowed in a ${kind} message`, at);
  }
  return { value, renames };
}

/** Copies typed fields back into a wire record (the inverse of {@link takeFields}). */
export function putFields(value: Record<string, unknown>, fields: readonly FieldMapping[], wire: Record<string, unknown>): void {
  for (const f of fields) {
    const v = value[typedKey(f)];
    if (v !== undefined) wire[wireKey(f)] = v;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Validates a typed candidate with its kind's schema, turning zod issues into positioned
 * errors (`13` when the value is absent, else `12`). Issues about values a reader already
 * reported are dropped. Returns the parsed value, or `undefined` when invalid.
 *
 * @param tagOf the segment tag a wire field lives in, for "missing" errors with no origin
 */
export function validateCandidate<T>(
  schema: z.ZodType<T>,
  candidate: Assembled,
  ctx: DecodeContext,
  tagOf: (wireKey: string) => string | null,
): T | undefined {
  const parsed = checkSchema(schema, candidate.value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.issues) {
    const [first, ...rest] = issue.at.map(String);
    const wk = first === undefined ? '' : (candidate.renames.get(first) ?? first);
    const wirePath = [wk, ...rest].filter((p) => p !== '').join('.');
    if (wirePath !== '' && ctx.hasFailed(wirePath)) continue;
    const missing = valueAt(candidate.value, issue.at) === undefined;
    const at = ctx.originOf(wirePath);
    const reason = `${issue.path || 'message'}: ${missing ? 'is missing' : issue.message}`;
    if (at) ctx.error(missing ? '13' : '12', reason, at);
    else ctx.error(missing ? '13' : '12', reason, { segment: tagOf(wk) ?? undefined });
  }
  return undefined;
}
