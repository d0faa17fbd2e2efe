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

/** `true` when the typed messages of `exchange` read segments with `tag` (else such a segment is kept whole). */
export function isTypedTag(exchange: 'opsigelser' | 'panthaver', tag: string): boolean {
  return Object.hasOwn(TYPED_SEGMENTS[exchange], tag);
}

/**
 * For each segment of a message body (with the head tag of its innermost group, `null` at the top
 * level), whether it repeats what the typed message holds once: `null`, or what it repeats
 * (`'DTM 137'`, `'BRC'`); `null` for the whole message when nothing repeats (the common case
 * allocates nothing). A tag the exchange does not read is never a repetition here. Once per
 * message at the top level and per group (the bonus block's DTM 295 is not the message's); within
 * a list group (a claim), once per occurrence of it.
 */
export function repeatedSegments(
  exchange: 'opsigelser' | 'panthaver',
  segments: ReadonlyArray<{ tag: string; elements: ReadonlyArray<ReadonlyArray<string>> }>,
  groups: ReadonlyArray<string | null>,
): Array<string | null> | null {
  const table = TYPED_SEGMENTS[exchange];
  // What was seen so far, as parallel lists: a message has a few dozen segments, a scan beats building keys.
  const tags: string[] = [];
  const quals: string[] = [];
  const scopes: Array<string | null> = [];
  const occurrences: number[] = [];
  let out: Array<string | null> | null = null;
  let occurrence = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const group = groups[i] ?? null;
    if (group !== null && s.tag === group) occurrence++;
    const how = Object.hasOwn(table, s.tag) ? table[s.tag] : undefined;
    if (how === undefined || how === 'list') continue;
    const q = how === 'qualifier' ? (s.elements[0]?.[0] ?? '') : '';
    const occ = group !== null && table[group] === 'list' ? occurrence : 0;
    let again = false;
    for (let k = 0; k < tags.length && !again; k++) again = tags[k] === s.tag && quals[k] === q && scopes[k] === group && occurrences[k] === occ;
    if (!again) {
      tags.push(s.tag);
      quals.push(q);
      scopes.push(group);
      occurrences.push(occ);
      continue;
    }
    out ??= new Array<string | null>(segments.length).fill(null);
    out[i] = how === 'qualifier' ? `${s.tag} ${q}` : s.tag;
  }
  return out;
}
