/**
 * Reading a profile by name: qualifiers, document codes, content rules, rejection reasons,
 * branch groups and the code lists that layouts bind to element positions.
 * Lookups use own keys only (`q(p, 'RFF', 'constructor')` is an error, not a function).
 */
import type { CodeListLike } from './check.js';
import { assertSegmentShape } from './segment-shape.js';
import type { BranchGroup, ContentErrorCode, GuideProfile } from './profile.js';
import { narrowLayout, type SegmentLayout } from './segments.js';

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `found`, else an error naming the profile and the entry it has not: `what` at `path`. */
function required<T>(profile: GuideProfile, found: T | undefined, what: string, path: string): T {
  if (!found) throw new Error(`profile ${profile.id} has no ${what} ${path}`);
  return found;
}

/** The key of the entry of `table` whose value is `value`, or `undefined`. */
function keyOfValue(table: Readonly<Record<string, { value: string }>>, value: string): string | undefined {
  for (const [key, v] of Object.entries(table)) if (v.value === value) return key;
  return undefined;
}

/**
 * The qualifier a profile uses for a role in a segment, e.g. `q(p, 'RFF', 'policyNumber')` → `'POL'`.
 * @throws Error naming the profile and the key when the profile has no such qualifier
 */
export function q(profile: GuideProfile, tag: string, role: string): string {
  return required(profile, own(own(profile.qualifiers, tag), role), 'qualifier', `qualifiers.${tag}.${role}`).value;
}

/** The qualifier a profile uses for a role in a segment, or `undefined` when it has none (never throws; see {@link q}). */
export function qualifier(profile: GuideProfile, tag: string, role: string): string | undefined {
  return own(own(profile.qualifiers, tag), role)?.value;
}

/**
 * The DTM qualifier of a rejection's (27) end date: the role `endDate` (295 in the default
 * profile, an assumption), or for a profile without that role its `policyEndDate`; `undefined`
 * when it has neither.
 */
export function endDateQualifier(profile: GuideProfile): string | undefined {
  return qualifier(profile, 'DTM', 'endDate') ?? qualifier(profile, 'DTM', 'policyEndDate');
}

const NO_ROLES: ReadonlyMap<string, string> = new Map();
/** Per qualifier table (profiles are data, never changed in place): the decoders look a role up per segment. */
const rolesCache = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The roles of a qualifier table, value → role (e.g. `'POL'` → `'policyNumber'`); empty when
 * the profile has no such table. When two roles share a value, the first role wins, as in
 * {@link roleOf}.
 */
export function rolesOf(profile: GuideProfile, tag: string): ReadonlyMap<string, string> {
  const table = own(profile.qualifiers, tag);
  if (table === undefined) return NO_ROLES;
  let roles = rolesCache.get(table);
  if (roles === undefined) {
    const out = new Map<string, string>();
    for (const [role, v] of Object.entries(table)) if (!out.has(v.value)) out.set(v.value, role);
    rolesCache.set(table, (roles = out));
  }
  return roles;
}

/** The role whose qualifier in `tag` is `value`, or `undefined` (the reverse of {@link q}; the first role when two share a value). */
export function roleOf(profile: GuideProfile, tag: string, value: string): string | undefined {
  return rolesOf(profile, tag).get(value);
}

/** Per profile and layout (profiles are data, never changed in place): the layout's variants by qualifier code. */
const variantsCache = new WeakMap<GuideProfile, Map<SegmentLayout, ReadonlyMap<string, SegmentLayout>>>();

/**
 * The layouts of a segment by the qualifier code in its element 1: for each role of the layout's
 * `byQualifier`, the layout narrowed to that role's positions. Empty when the layout has none.
 * `loadProfile` and the validator refuse two roles that share a code with different positions
 * (`qualifierConflicts`); called directly on a profile built without either, the first such role
 * of `byQualifier` wins.
 */
export function qualifierLayouts(profile: GuideProfile, tag: string): ReadonlyMap<string, SegmentLayout> {
  const layout = own(profile.segments, tag);
  if (layout?.byQualifier === undefined) return new Map();
  // Per profile and layout: the codes come from the profile, and hand-built profiles may share layouts.
  let byLayout = variantsCache.get(profile);
  if (byLayout === undefined) variantsCache.set(profile, (byLayout = new Map()));
  let variants = byLayout.get(layout);
  if (variants === undefined) {
    const out = new Map<string, SegmentLayout>();
    for (const [role, used] of Object.entries(layout.byQualifier)) {
      const code = qualifier(profile, tag, role);
      if (code === undefined || out.has(code)) continue;
      const { byQualifier: _all, ...narrowed } = narrowLayout(layout, used);
      out.set(code, { ...narrowed, source: `${layout.source}; for ${tag} ${code} only ${used.join(', ')}` });
    }
    byLayout.set(layout, (variants = out));
  }
  return variants;
}

/**
 * The layout `checkSegment` checks a segment against: the profile's layout for its tag, narrowed
 * to the positions its party uses when the layout has `byQualifier` (a company `NAD` has no
 * address); `undefined` for a tag the profile has no layout for.
 */
export function layoutFor(
  profile: GuideProfile,
  segment: {
    /** The segment's tag: which layout of `profile.segments`. */
    tag: string;
    /** Its data elements, 0-based, as components: the first component of element 1 (`elements[0][0]`, the qualifier) picks the narrowed layout. */
    elements: readonly (readonly string[])[];
  },
): SegmentLayout | undefined {
  assertSegmentShape('layoutFor', segment);
  const layout = own(profile.segments, segment.tag);
  if (layout?.byQualifier === undefined) return layout;
  return qualifierLayouts(profile, segment.tag).get(segment.elements[0]?.[0] ?? '') ?? layout;
}

/**
 * The BGM document code of a message kind, e.g. `documentCode(p, 'cancellation')` → `'9'`.
 * @throws Error naming the profile and the kind when unknown
 */
export function documentCode(profile: GuideProfile, kind: string): string {
  return required(profile, own(profile.documentCodes, kind), 'document code', `documentCodes.${kind}`).value;
}

/** The message kind of a BGM document code, e.g. `'27'` → `'rejection'`, or `undefined` when the profile has none. */
export function kindOfDocumentCode(profile: GuideProfile, code: string): string | undefined {
  return keyOfValue(profile.documentCodes, code);
}

/**
 * The F01–F05 code a content rule maps to, e.g. `contentRuleCode(p, 'policy-number-missing')` → `'F01'`.
 * @throws Error naming the profile and the rule id when unknown
 */
export function contentRuleCode(profile: GuideProfile, ruleId: string): ContentErrorCode {
  return required(profile, own(profile.contentRules, ruleId), 'content rule', `contentRules.${ruleId}`).code.value;
}

/**
 * The ERC code of a named rejection reason, e.g. `rejectionCode(p, 'lapsedArrears')` → `'11'`.
 * @throws Error naming the profile and the reason when unknown
 */
export function rejectionCode(profile: GuideProfile, reason: string): string {
  return required(profile, own(profile.rejectionReasons, reason), 'rejection reason', `rejectionReasons.${reason}`).value;
}

/** The named rejection reason of an ERC code, or `undefined`. */
export function reasonOfRejectionCode(profile: GuideProfile, code: string): string | undefined {
  return keyOfValue(profile.rejectionReasons, code);
}

/** A branch group by code (`'001'`), or `undefined`. */
export function branchGroup(profile: GuideProfile, code: string): BranchGroup | undefined {
  return own(profile.branchGroups, code);
}

/** The RFF roles a message of `kind` must carry on branch group `code` (its `requiredReferences`); none when it names none. */
export function requiredReferences(profile: GuideProfile, code: string, kind: string): readonly string[] {
  return own(branchGroup(profile, code)?.requiredReferences, kind) ?? [];
}

/**
 * The latest cancellation date a 9 of branch group `code` sent on `messageDate` may ask for: its
 * `cancellationYearsAhead` years later, same month and day, in `messageDate`'s own form (CCYYMMDD
 * or YYYY-MM-DD, so the two compare as strings); `undefined` when the group sets no limit.
 *
 * @example latestCancellationDate(opsigelser55, '004', '2024-11-20') // => '2029-11-20'
 */
export function latestCancellationDate(profile: GuideProfile, code: string, messageDate: string): string | undefined {
  const years = branchGroup(profile, code)?.cancellationYearsAhead;
  if (years === undefined || !/^\d{4}/.test(messageDate)) return undefined;
  return `${String(Number(messageDate.slice(0, 4)) + years).padStart(4, '0')}${messageDate.slice(4)}`;
}

const codeListsCache = new WeakMap<GuideProfile, Readonly<Record<string, CodeListLike>>>();

/**
 * All code lists a layout can bind to, by name, for `checkSegment`'s `codeLists` option:
 * the profile's `codeLists`, plus `documentCodes`, `branchGroups`, `dateFormat` and one
 * `qualifiers.<TAG>` list per qualifier table.
 */
export function profileCodeLists(profile: GuideProfile): Readonly<Record<string, CodeListLike>> {
  // Once per profile: the decoder asks for every message it reads, the encoder for every extraData write.
  const cached = codeListsCache.get(profile);
  if (cached !== undefined) return cached;
  const out: Record<string, CodeListLike> = {};
  for (const [name, list] of Object.entries(profile.codeLists)) out[name] = list;
  out.documentCodes = Object.values(profile.documentCodes).map((v) => v.value);
  out.branchGroups = Object.keys(profile.branchGroups);
  out.dateFormat = [profile.dateFormat.value];
  for (const [tag, roles] of Object.entries(profile.qualifiers)) out[`qualifiers.${tag}`] = Object.values(roles).map((v) => v.value);
  const lists = Object.freeze(out);
  codeListsCache.set(profile, lists);
  return lists;
}

/** The declaration types by letter: B, F (auto), R (agriculture/business), D, E (movable property), L (pleasure boat). */
export type DeclarationTypeRole = 'B' | 'F' | 'R' | 'D' | 'E' | 'L';

/** Every declaration-type letter, in the guide's order. */
export const DECLARATION_TYPE_ROLES: readonly DeclarationTypeRole[] = ['B', 'F', 'R', 'D', 'E', 'L'];

/** ATT DKL code → letter for every letter the profile maps to a known code. */
export function declarationTypeLetters(profile: GuideProfile): Record<string, DeclarationTypeRole> {
  const out: Record<string, DeclarationTypeRole> = Object.create(null) as Record<string, DeclarationTypeRole>;
  for (const letter of DECLARATION_TYPE_ROLES) {
    const code = declarationTypeCode(profile, letter);
    if (code !== undefined) out[code] = letter;
  }
  return out;
}

/**
 * The ATT DKL code a profile gives a declaration-type letter in `qualifiers.declarationTypeCodes`
 * (`declarationTypeCode(p, 'L')` → `'ZLL'`), or `undefined` when the profile has no such role or
 * its code is not in the `declarationType` code list — a rule that needs the letter is then off.
 */
export function declarationTypeCode(profile: GuideProfile, letter: DeclarationTypeRole): string | undefined {
  const code = own(own(profile.qualifiers, 'declarationTypeCodes'), letter)?.value;
  const list = own(profile.codeLists, 'declarationType');
  return code !== undefined && list !== undefined && Object.hasOwn(list.codes, code) ? code : undefined;
}

/** The first of `profiles` that handles UNH message type `type` (`OPSIGE`, `PANTDE`), or `undefined`. */
export function profileForMessageType(profiles: readonly GuideProfile[], type: string): GuideProfile | undefined {
  return profiles.find((p) => p.messageIdentifier.type.value === type);
}
