/**
 * Guide profiles: everything fp-edifact knows about one F&P exchange's wire format, as
 * JSON-serialisable data checked by a zod schema. Shape and key names follow
 * `docs/internal/profile-contract.md`; every fact about the wire format is an
 * {@link Annotated} value that says whether it is our assumption and where it comes from.
 */
import { z } from 'zod';
import { describeValue, isObject, isRecord, type OptionCheck } from '../syntax/options.js';
import { compileVirRule } from './identifiers.js';
import { checkSchema, issuesLine } from './issues.js';
import { requiredPositionIssues } from './required.js';
import { narrowLayout, segmentLayoutSchema, usedPositionIssues, type SegmentLayout } from './segments.js';
import { messageStructureSchema, structureTags } from './structure.js';

/** A fact about the wire format, with whether it is our assumption and its source. */
export interface Annotated<T> {
  /** The fact itself: what the code reads and writes (a qualifier, a document code, a rule). */
  value: T;
  /** `true`: our assumption (no public source); `false`: seed- or standard-backed. */
  assumption: boolean;
  /** Short source note, e.g. `seed 002 p.7` or `default-profile.md (A)`. */
  source: string;
}

/** zod schema of an {@link Annotated} value. */
export function annotatedSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, assumption: z.boolean(), source: z.string().min(1) });
}

const str = annotatedSchema(z.string().min(1));
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case rule id');

/** zod schema of one code of a code list. */
export const codeEntrySchema = z.strictObject({ name: z.string(), assumption: z.boolean(), source: z.string().min(1) });

/** zod schema of a code list. */
export const codeListSchema = z.strictObject({
  source: z.string().min(1),
  assumption: z.boolean(),
  codes: z.record(z.string().min(1), codeEntrySchema),
});

/** The five content-error codes of a 12'er. */
export const CONTENT_ERROR_CODES = ['F01', 'F02', 'F03', 'F04', 'F05'] as const;

/** zod schema of a content rule (a named rule → F01–F05). */
export const contentRuleSchema = z.strictObject({
  code: annotatedSchema(z.enum(CONTENT_ERROR_CODES)),
  description: z.string().min(1),
  guideRef: z.string().min(1),
});

/** zod schema of a branch group (opsigelser BRC first component). */
export const branchGroupSchema = z.strictObject({
  name: z.string().min(1),
  assumption: z.boolean(),
  source: z.string().min(1),
  bonusProductGroups: z.array(z.string()),
  requiresInsuredLocation: z.boolean(),
  nameMustMatch: z.boolean(),
  shortenedNoticeAllowed: z.boolean(),
  /**
   * A cancellation of a policy with two holders must name both (accident, pleasure boat: the
   * accept policy's `accept.two-holders`). Absent: false.
   */
  bothHoldersRequired: z.boolean().optional(),
  /**
   * Message kind → the RFF roles (keys of `qualifiers.RFF`) a message of that kind must carry for
   * this branch group: the reference that identifies the insured object. Absent: none.
   */
  requiredReferences: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
  /**
   * The furthest a cancellation (9) may ask for its cancellation date, in whole years after its
   * message date (seed 002, 2.9.1: "DTM med opsigelsesdato (kan være op til 5 år frem i tiden på
   * erhverv og landbrug)"). Absent: no limit.
   */
  cancellationYearsAhead: z.number().int().min(1).max(99).optional(),
});

/**
 * Roles of `qualifiers.<tag>` that share a code but narrow `layout` differently (`byQualifier`;
 * a role without an entry uses the whole layout): a segment with that code cannot say which
 * role it is, so one role's positions would win silently. Lists that narrow the layout the same
 * way (the same positions in another order) do not conflict.
 */
function sharedCodeConflicts(tag: string, layout: SegmentLayout, roles: Record<string, { value: string }>): string[] {
  const byQualifier = layout.byQualifier ?? {};
  const firstByCode = new Map<string, { role: string; narrowed: string }>();
  const out: string[] = [];
  const describe = (role: string) => (Object.hasOwn(byQualifier, role) ? byQualifier[role]!.join(', ') : 'the whole layout');
  for (const [role, { value }] of Object.entries(roles)) {
    const used = Object.hasOwn(byQualifier, role) ? byQualifier[role]! : undefined;
    const narrowed = JSON.stringify((used === undefined ? layout : narrowLayout(layout, used)).elements);
    const first = firstByCode.get(value);
    if (first === undefined) firstByCode.set(value, { role, narrowed });
    else if (first.narrowed !== narrowed) {
      out.push(`${tag} qualifier code ${value} is used by roles ${first.role} (${describe(first.role)}) and ${role} (${describe(role)}), which use different positions: a ${tag} ${value} cannot tell them apart; give them the same positions or different codes`);
    }
  }
  return out;
}

/**
 * Every shared-code conflict of the profile's `byQualifier` layouts, as `[tag, message]` pairs:
 * `loadProfile` refuses them, and the validator refuses a hand-built profile that has one.
 */
export function qualifierConflicts(p: Pick<GuideProfile, 'segments' | 'qualifiers'>): Array<[tag: string, message: string]> {
  const out: Array<[string, string]> = [];
  for (const [tag, layout] of Object.entries(p.segments)) {
    if (layout.byQualifier === undefined) continue;
    for (const message of sharedCodeConflicts(tag, layout, p.qualifiers[tag] ?? {})) out.push([tag, message]);
  }
  return out;
}

/** zod schema of a {@link GuideProfile}. */
export const guideProfileSchema = z
  .strictObject({
    id: z.string().min(1),
    exchange: z.enum(['opsigelser', 'panthaver']),
    title: z.string(),
    interchange: z.strictObject({
      syntaxId: str,
      syntaxVersion: str,
      idQualifier: str,
      acceptedSyntaxIds: annotatedSchema(z.array(z.string().min(1)).min(1)),
      /** The VIR number format (UNB ids, NAD MR/MS) for `validateVir` and `validate`'s `vir-malformed` warning (NAD ids typed VIR); absent: `DEFAULT_VIR_RULE`. */
      virRule: annotatedSchema(z.strictObject({ pattern: z.string().min(1), description: z.string().min(1) })).optional(),
    }),
    messageIdentifier: z.strictObject({ type: str, version: str, release: str, agency: str }),
    dateFormat: str,
    documentCodes: z.record(z.string().min(1), str),
    qualifiers: z.record(z.string().min(1), z.record(z.string().min(1), str)),
    codeLists: z.record(z.string().min(1), codeListSchema),
    rejectionReasons: z.record(z.string().min(1), str),
    contentRules: z.record(kebab, contentRuleSchema),
    branchGroups: z.record(z.string().min(1), branchGroupSchema),
    segments: z.record(z.string(), segmentLayoutSchema),
    structure: messageStructureSchema,
  })
  .superRefine((p, ctx) => {
    for (const [tag, layout] of Object.entries(p.segments)) {
      if (layout.tag !== tag) ctx.addIssue({ code: 'custom', path: ['segments', tag, 'tag'], message: `layout under key ${tag} has tag ${layout.tag}` });
      for (const [role, used] of Object.entries(layout.byQualifier ?? {})) {
        const path = ['segments', tag, 'byQualifier', role];
        if (!Object.hasOwn(p.qualifiers[tag] ?? {}, role)) ctx.addIssue({ code: 'custom', path, message: `${role} is not a role of qualifiers.${tag}` });
        for (const { index, message } of usedPositionIssues(layout, used)) ctx.addIssue({ code: 'custom', path: index === null ? path : [...path, index], message });
      }
    }
    for (const { path, message } of requiredPositionIssues(p)) ctx.addIssue({ code: 'custom', path, message });
    for (const [tag, message] of qualifierConflicts(p)) ctx.addIssue({ code: 'custom', path: ['segments', tag, 'byQualifier'], message });
    for (const tag of structureTags(p.structure)) {
      if (!Object.hasOwn(p.segments, tag)) ctx.addIssue({ code: 'custom', path: ['segments', tag], message: `segment ${tag} is in the structure but has no layout` });
    }
    const vir = p.interchange.virRule;
    if (vir !== undefined) {
      try {
        compileVirRule(vir.value);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['interchange', 'virRule', 'value', 'pattern'], message: (e as Error).message });
      }
    }
    const seen = new Map<string, string>();
    for (const [kind, code] of Object.entries(p.documentCodes)) {
      const other = seen.get(code.value);
      if (other) ctx.addIssue({ code: 'custom', path: ['documentCodes', kind, 'value'], message: `document code ${code.value} is used by both ${other} and ${kind}` });
      seen.set(code.value, kind);
    }
  });

/** A guide profile (the zod schema's output type). */
export type GuideProfile = z.infer<typeof guideProfileSchema>;
/** One code list of a profile. */
export type CodeList = z.infer<typeof codeListSchema>;
/** One content rule of a profile. */
export type ContentRule = z.infer<typeof contentRuleSchema>;
/** One branch group of a profile. */
export type BranchGroup = z.infer<typeof branchGroupSchema>;
/** A content error code of a 12'er (ERC), `F01`…`F05`, as the profile's content rules map to them. */
export type ContentErrorCode = (typeof CONTENT_ERROR_CODES)[number];

/** One problem found while loading a profile. */
export interface ProfileIssue {
  /** Dotted path of the bad field, e.g. `qualifiers.RFF.policyNumber.value`; `''` for the root. */
  path: string;
  /** What is wrong. */
  message: string;
}

/** Thrown by `loadProfile` / `patchProfile` for an invalid profile or patch; `message` names every bad path. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  /** Every problem found. */
  readonly issues: ProfileIssue[];
  /** An error listing `issues`: `invalid guide profile: ` and each `path: message`, joined by `; ` (the root path shown as `(root)`). */
  constructor(issues: ProfileIssue[]) {
    super(`invalid guide profile: ${issuesLine(issues, '(root)')}`);
    this.issues = issues;
  }
}

/** Keys that could pollute prototypes; never accepted in a profile or a patch. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Throw a {@link ProfileError} if `value` holds a forbidden key or an object that is not a
 * plain object or array (e.g. one whose prototype was set through a literal `__proto__`).
 */
export function assertPlainData(value: unknown, path: readonly string[] = []): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainData(v, [...path, String(i)]));
    return;
  }
  if (!isRecord(value)) {
    throw new ProfileError([{ path: path.join('.'), message: 'not a plain object (a prototype key such as __proto__ is not allowed)' }]);
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ProfileError([{ path: [...path, key].join('.'), message: `key "${key}" is not allowed` }]);
    assertPlainData((value as Record<string, unknown>)[key], [...path, key]);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => isRecord(v);

/**
 * `parsed` (the schema's output for `input`) with the keys of every object in `input`'s order:
 * zod writes an object's keys in the schema's order, so the JSON text of a profile would change
 * on a reload. Keys only the output has (none today: the schema adds no defaults) come last.
 */
function inInputOrder(parsed: unknown, input: unknown): unknown {
  if (Array.isArray(parsed) && Array.isArray(input)) return parsed.map((v, i) => inInputOrder(v, input[i]));
  if (!isPlainObject(parsed) || !isPlainObject(input)) return parsed;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(input)) if (Object.hasOwn(parsed, k)) out[k] = inInputOrder(parsed[k], input[k]);
  for (const k of Object.keys(parsed)) if (!Object.hasOwn(out, k)) out[k] = parsed[k];
  return out;
}

/**
 * Validate and return a guide profile from JSON-like data (e.g. `JSON.parse` of a file).
 * The result is a fresh object with the input's key order, so `JSON.stringify` of it is the
 * text the input serialises to; the input is not modified.
 * @throws ProfileError naming the path of every bad field — also of a layout that makes optional
 *   or unused a position the typed messages always read (`FP_REQUIRED`, e.g. DTM 2379)
 */
export function loadProfile(json: unknown): GuideProfile {
  assertPlainData(json);
  const r = checkSchema(guideProfileSchema, json);
  if (!r.success) throw new ProfileError(r.issues.map(({ path, message }) => ({ path, message })));
  return inInputOrder(r.data, json) as GuideProfile;
}

const EXCHANGES: readonly unknown[] = guideProfileSchema.shape.exchange.options;

/**
 * How an error names a value given as a guide profile: one of an exchange by its exchange and id
 * (`the panthaver profile "fp-panthaver/5.2-reconstructed"`), so a profile of the other exchange
 * says which it was; anything else as {@link describeValue} does (`an object`, `"x"`).
 */
export function describeProfile(value: unknown): string {
  if (!isObject(value) || Array.isArray(value)) return describeValue(value);
  const { exchange, id } = value as Record<string, unknown>;
  if (!EXCHANGES.includes(exchange)) return describeValue(value);
  return `the ${String(exchange)} profile${typeof id === 'string' ? ` ${describeValue(id)}` : ''}`;
}

/**
 * The check of a `profile` option that defaults to the shipped profile of `exchange` (the
 * builders, the rules): a guide profile of that exchange — of either exchange when `exchange` is
 * not given — else a `TypeError` naming the function, the option, the kind of profile it needs
 * and the value, a profile by its exchange and id ({@link describeProfile}; see `syntax/options.ts`).
 */
export function profileOptionCheck(exchange?: GuideProfile['exchange']): OptionCheck {
  const accepts = (v: unknown): boolean => {
    if (!isObject(v) || Array.isArray(v)) return false;
    const given = (v as Record<string, unknown>).exchange;
    return exchange === undefined ? EXCHANGES.includes(given) : given === exchange;
  };
  const expected = exchange === undefined ? 'a guide profile' : `${exchange === 'opsigelser' ? 'an' : 'a'} ${exchange} guide profile`;
  return ['profile', accepts, expected, describeProfile];
}
