/**
 * Which body segments the typed messages read, and how many of each they hold — one table for
 * the decoder (a segment of a tag it does not read is kept whole in `extraSegments`), the encoder
 * (which refuses an extra segment of a tag a typed field holds) and `validate` (a second segment
 * of what the typed message holds once is F04 `segment-not-allowed-for-kind`, where the decoder
 * says 35), so that both give one answer whatever a partner's segment table lets repeat.
 */

/**
 * How often a typed message holds a segment: once per message (`'tag'`), once per qualifier —
 * per role (`'qualifier'`) — or as a list whose length the segment table and the kind's rules
 * decide (`'list'`). Inside a group whose head is a list (a claim: SHI + its DTM), "once" is once
 * per occurrence of that group.
 */
export type TypedOccurrence = 'tag' | 'qualifier' | 'list';

/**
 * The body segments each exchange's typed messages read. Seed 002 2.9 names each once per kind
 * ("BGM med kode (9)", "RFF med policenummer", "DTM med meddelelsesdato", "NAD med forsikringstager
 * 1's navn", "BRC med branche-/produktgruppekode", "et CTA-segment med navn på kontaktperson", "SIF
 * med skadeinformation"); free texts and claims are lists ("SHI- og tilsvarende DTM-segment kan
 * forekomme op til 10 gange"), and panthaver's rejection reasons ("op til 3 fejlårsager", seed 001).
 */
export const TYPED_SEGMENTS: Readonly<Record<'opsigelser' | 'panthaver', Readonly<Record<string, TypedOccurrence>>>> = {
  opsigelser: { BGM: 'tag', ERC: 'tag', RFF: 'qualifier', OSI: 'qualifier', DTM: 'qualifier', DOC: 'qualifier', FTX: 'list', NAD: 'qualifier', BRC: 'tag', CTA: 'tag', SIF: 'tag', SHI: 'list' },
  panthaver: { BGM: 'tag', ERC: 'list', RFF: 'qualifier', DTM: 'qualifier', ATT: 'qualifier', ICD: 'tag', MOA: 'qualifier', FTX: 'list', NAD: 'qualifier', CTA: 'tag' },
};

/** DTM roles that carry the cancellation date (287, 288, 294, 296 in the default profile): one field, `cancellationDate`, its basis by the role. */
export const CANCELLATION_DATE_ROLES = ['cancellationDate', 'otherDate', 'withdrawal', 'shortenedNotice'] as const;

/**
 * Roles of `qualifiers.<TAG>` whose segments fill one typed field, so that one of them is a
 * second of the others: the cancellation date and its bases (DTM 287, 288, 294, 296), the last
 * premium-step change as a date or as unknown (DTM 290, 293; seed 002 2.7: "anføres datoen som
 * blank, men med kvalifikator 293 (Normal kvalifikator for dato for sidste trinskift er 290.)").
 */
export const ONE_FIELD_ROLES: Readonly<Record<'opsigelser' | 'panthaver', Readonly<Record<string, ReadonlyArray<readonly string[]>>>>> = {
  opsigelser: { DTM: [CANCELLATION_DATE_ROLES, ['lastStepChange', 'lastStepChangeUnknown']] },
  panthaver: {},
};

/** The part of a profile {@link repeatedSegments} reads. */
export interface OccurrenceProfile {
  exchange: 'opsigelser' | 'panthaver';
  qualifiers: Readonly<Record<string, Readonly<Record<string, { value: string }>>>>;
}

const fieldsCache = new WeakMap<object, OneFieldCodes>();

/** Per tag, per code: the one field's name (its codes, `DTM 287/288/294/296`). Nested, so a lookup builds no key string. */
type OneFieldCodes = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Per profile, the codes of {@link ONE_FIELD_ROLES} (built once, cached). */
function oneFieldCodes(profile: OccurrenceProfile): OneFieldCodes {
  let out = fieldsCache.get(profile);
  if (out !== undefined) return out;
  const byTag = new Map<string, Map<string, string>>();
  for (const [tag, sets] of Object.entries(ONE_FIELD_ROLES[profile.exchange])) {
    const roles = Object.hasOwn(profile.qualifiers, tag) ? profile.qualifiers[tag]! : {};
    const byCode = new Map<string, string>();
    for (const set of sets) {
      const codes = set.flatMap((r) => (Object.hasOwn(roles, r) ? [roles[r]!.value] : []));
      for (const c of codes) byCode.set(c, `${tag} ${codes.join('/')}`);
    }
    byTag.set(tag, byCode);
  }
  fieldsCache.set(profile, (out = byTag));
  return out;
}

const TYPED_BY_TAG = {
  opsigelser: new Map(Object.entries(TYPED_SEGMENTS.opsigelser)),
  panthaver: new Map(Object.entries(TYPED_SEGMENTS.panthaver)),
} as const;

/** `true` when the typed messages of `exchange` read segments with `tag` (else such a segment is kept whole). */
export function isTypedTag(exchange: 'opsigelser' | 'panthaver', tag: string): boolean {
  return TYPED_BY_TAG[exchange].has(tag);
}

// What repeatedSegments has seen in the message so far, as parallel lists reused from call to call
// (it is synchronous and calls nothing that could re-enter it): four fresh lists per message and a
// key string per qualified segment cost ~1,500 instructions per segment of validating.
const seenTags: string[] = [];
const seenCodes: string[] = [];
const seenScopes: Array<string | null> = [];
const seenOccurrences: number[] = [];

/**
 * For each segment of a message body (with the head tag of its innermost group, `null` at the top
 * level), whether it repeats what the typed message of `profile`'s exchange holds once: `null`, or
 * what it repeats (`'DTM 137'`, `'BRC'`, `'DTM 290/293'` for {@link ONE_FIELD_ROLES}); `null` for the whole message when nothing repeats (the common case
 * allocates nothing). A tag the exchange does not read is never a repetition here. Once per
 * message at the top level and per group (the bonus block's DTM 295 is not the message's); within
 * a list group (a claim), once per occurrence of it.
 */
export function repeatedSegments(
  profile: OccurrenceProfile,
  segments: ReadonlyArray<{ tag: string; elements: ReadonlyArray<ReadonlyArray<string>> }>,
  groups: ReadonlyArray<string | null>,
): Array<string | null> | null {
  const table = TYPED_BY_TAG[profile.exchange];
  const oneField = oneFieldCodes(profile);
  let seen = 0;
  let out: Array<string | null> | null = null;
  let occurrence = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const group = groups[i] ?? null;
    if (group !== null && s.tag === group) occurrence++;
    const how = table.get(s.tag);
    if (how === undefined || how === 'list') continue;
    const code = how === 'qualifier' ? (s.elements[0]?.[0] ?? '') : '';
    // Codes that fill one field count as one (DTM 290 and 293).
    const q = how === 'qualifier' ? (oneField.get(s.tag)?.get(code) ?? code) : code;
    const occ = group !== null && table.get(group) === 'list' ? occurrence : 0;
    let again = false;
    for (let k = 0; k < seen && !again; k++) again = seenTags[k] === s.tag && seenCodes[k] === q && seenScopes[k] === group && seenOccurrences[k] === occ;
    if (!again) {
      seenTags[seen] = s.tag;
      seenCodes[seen] = q;
      seenScopes[seen] = group;
      seenOccurrences[seen] = occ;
      seen++;
      continue;
    }
    out ??= new Array<string | null>(segments.length).fill(null);
    out[i] = how !== 'qualifier' ? s.tag : q === code ? `${s.tag} ${q}` : q;
  }
  return out;
}
