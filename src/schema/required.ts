/**
 * The positions a typed F&P message always reads from a segment that is sent, where only the
 * layout's `M` makes `validate` refuse an empty value — one table ({@link FP_REQUIRED}) that the
 * shipped profiles make mandatory in their layouts and that `loadProfile` / `patchProfile` keep
 * mandatory, so `validate` and `decodeMessage` give one answer under any loaded profile.
 *
 * What a sent segment carries is its layout's business (seed 002 2.9: "I de enkelte segmenter er
 * der oplysninger, som altid skal forefindes (Mandatory) og der er oplysninger, som kan forefindes
 * (Conditional). Reglerne herfor fremgår af de enkelte segmentbeskrivelser i bilag"), and a
 * partner's Bilag 1 may say otherwise for most of it. Not for these: without a segment's
 * qualifier or code the decoder cannot tell which field it fills (14), without a date's format
 * code it cannot read the date, without a party id's type (or an id with its type) it is neither
 * CPR, CVR nor VIR — and no content rule looks at them, so a profile making them optional would
 * have `validate` take what `decodeMessage` refuses. Values whose emptiness a content rule
 * refuses whatever the layout says (default-profile.md F01 "data the guide requires for this kind
 * is missing or empty", F02 "an unknown code") are not in the table: an RFF's reference, a name,
 * a VIR number, a date, an ATT's code, an amount, a free text, a CTA's function and name
 * (`src/validate/rules/required-values.ts`), SIF's premium step, an ERC's code (F02
 * `unknown-code`) — a partner's layout may leave those conditional.
 */
import { narrowLayout, requirePositions, type ElementStatus, type SegmentLayout } from './segments.js';

/** The two F&P exchanges. */
type Exchange = 'opsigelser' | 'panthaver';

/** One row of {@link FP_REQUIRED}. */
export interface RequiredPositions {
  /** Segment tag; a profile without a layout for it skips the row. */
  tag: string;
  /** The exchange whose typed messages read the segment; absent: both. Another exchange's profile may lay the segment out as it likes. */
  exchange?: Exchange;
  /** `'2'` an element, `'2.3'` a component within its composite (mandatory whenever the composite is sent), 1-based. */
  positions: readonly string[];
  /** What the typed message reads there. */
  what: string;
  /**
   * Roles of `qualifiers.<tag>` whose typed form reads nothing at these positions, so their party
   * list (`byQualifier`) may leave them out (the insured location is an address only). Any other
   * party list may leave out a whole element (the party carries none of it), not a position
   * within an element it uses.
   */
  except?: readonly string[];
  /** Where the guide says so. */
  source: string;
}

/**
 * What the typed messages always read from a sent segment and nothing but the layout refuses
 * when empty: mandatory in the shipped layouts ({@link withFpRequired}), and a profile
 * cannot make it optional or unused ({@link requiredPositionIssues}). A value sent empty there is 13 at
 * its element or component for `validate` and `decodeMessage` alike.
 */
export const FP_REQUIRED: readonly RequiredPositions[] = [
  { tag: 'BGM', positions: ['1', '1.1'], what: 'the kind code', source: 'seed 002 2.9: "identificeret via en kode i BGM-segmentet", "BGM med kode (9) for opsigelse"' },
  { tag: 'RFF', positions: ['1', '1.1'], what: 'the reference qualifier', source: 'seed 002 2.9: "RFF med entydigt opsigelsesreferencenummer", "RFF med policenummer"' },
  { tag: 'DTM', positions: ['1', '1.1', '1.3'], what: 'the date qualifier and the date format code', source: 'seed 002 2.9: "DTM med meddelelsesdato", "DTM med opsigelsesdato"; default-profile.md: DTM+<q>:<CCYYMMDD>:102' },
  { tag: 'NAD', positions: ['1'], what: 'the party qualifier', source: 'seed 002 2.9: "Første NAD segment skal altid indeholde VIR-nummer på det selskab, meddelelsen sendes til"' },
  {
    tag: 'NAD',
    positions: ['2.1', '2.3'],
    what: 'a party id with its type (VIR, CPR or CVR)',
    except: ['insuredLocation'],
    source: 'seed 002 2.9: "NAD med VIR-nummer", "om muligt CVR eller CPR nummer"; default-profile.md: NAD+<q>+<id>::<id type>',
  },
  { tag: 'FTX', positions: ['1', '4.1'], what: 'the text subject and the first line of text', source: 'seed 002 2.8: "kræves dog en fri tekst, dvs. en forklaring"; default-profile.md: FTX+AAI+++<text>' },
  { tag: 'OSI', exchange: 'opsigelser', positions: ['1'], what: 'the code', source: 'seed 002 2.9: "OSI med koden BRO", "OSI med kode ODC"' },
  { tag: 'DOC', exchange: 'opsigelser', positions: ['1', '1.1'], what: 'the document code', source: 'seed 002 2.9: "DOC med kode 11", "DOC med kode for rykker"' },
  { tag: 'BRC', exchange: 'opsigelser', positions: ['1', '1.1'], what: 'the branch group', source: 'seed 002 2.9: "BRC med branche-/produktgruppekode"' },
  { tag: 'SHI', exchange: 'opsigelser', positions: ['1'], what: 'the consequence code', source: 'seed 002 2.7: "For hver skade gives oplysning om skadedato samt en konsekvenskode"' },
  { tag: 'ATT', exchange: 'panthaver', positions: ['1'], what: 'the attribute qualifier', source: 'seed 001: "Panttype", "Deklatype", "Prioritet"' },
  { tag: 'ICD', exchange: 'panthaver', positions: ['1', '1.1', '2', '2.1'], what: 'the cover scheme and the cover type', source: 'seed 001: "Daektype: Viser dækningstypen"' },
  { tag: 'MOA', exchange: 'panthaver', positions: ['1', '1.1'], what: 'the amount qualifier', source: 'seed 001: "en acceptdato og en forsikringssum"' },
];

/** The rows of {@link FP_REQUIRED} that bind `exchange`'s profiles (a segment only the other exchange's messages read is no business of this one's). */
const rowsOf = (exchange: Exchange): RequiredPositions[] => FP_REQUIRED.filter((r) => r.exchange === undefined || r.exchange === exchange);

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);

/**
 * `layouts` with the positions of {@link FP_REQUIRED} for `exchange` made mandatory
 * (`requirePositions`; a tag `layouts` has not is skipped): how the shipped profiles are built.
 */
export function withFpRequired(layouts: Record<string, SegmentLayout>, exchange: Exchange): Record<string, SegmentLayout> {
  const byTag: Record<string, string[]> = {};
  for (const row of rowsOf(exchange)) if (Object.hasOwn(layouts, row.tag)) (byTag[row.tag] ??= []).push(...row.positions);
  return requirePositions(layouts, byTag);
}

/**
 * Status of `position` (`'2'`, `'2.3'`) in `layout`: the element's, or the component's (`N` when
 * its element is); for a simple element its first component is the element; `undefined` when the
 * layout has no such position.
 */
function statusAt(layout: SegmentLayout, position: string): ElementStatus | undefined {
  const [e, c] = position.split('.').map(Number) as [number, number | undefined];
  const el = layout.elements[e - 1];
  if (el === undefined || c === undefined) return el?.status;
  if (el.components === undefined) return c === 1 ? el.status : undefined;
  const status = el.components[c - 1]?.status;
  return status === undefined || el.status !== 'N' ? status : 'N';
}

/** Path of the status of `position` in the layout of `tag`: the component's or the element's; the element list when the layout has no such position. */
function statusPath(layout: SegmentLayout, position: string): Array<string | number> {
  const [e, c] = position.split('.').map(Number) as [number, number | undefined];
  const el = layout.elements[e - 1];
  if (el === undefined) return ['segments', layout.tag, 'elements'];
  if (c === undefined || el.components === undefined) return ['segments', layout.tag, 'elements', e - 1, 'status'];
  return el.components[c - 1] === undefined ? ['segments', layout.tag, 'elements', e - 1, 'components'] : ['segments', layout.tag, 'elements', e - 1, 'components', c - 1, 'status'];
}

const why = (row: RequiredPositions): string =>
  `decodeMessage reads ${row.what} there and F&P's guide always sends it (${row.source}); a profile cannot make it optional or unused — validate would then take what decodeMessage refuses`;

/** One way a profile relaxes {@link FP_REQUIRED}: the path to name and why. */
export interface RequiredPositionIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Every place where `p`'s layouts leave a position of {@link FP_REQUIRED} (the rows of its
 * exchange) optional or unused: in the layout itself, or in a party list (`byQualifier`) that
 * leaves such a position out of an element the party uses. `loadProfile` refuses a profile with
 * any, naming the path.
 */
export function requiredPositionIssues(p: { exchange: Exchange; segments: Readonly<Record<string, SegmentLayout>> }): RequiredPositionIssue[] {
  const issues: RequiredPositionIssue[] = [];
  for (const row of rowsOf(p.exchange)) {
    const layout = own(p.segments, row.tag);
    if (layout === undefined) continue;
    for (const pos of row.positions) {
      const status = statusAt(layout, pos);
      if (status !== 'M') issues.push({ path: statusPath(layout, pos), message: `${row.tag} ${pos} is ${status ?? 'missing'}, not M: ${why(row)}` });
    }
    for (const [role, used] of Object.entries(layout.byQualifier ?? {})) {
      if (row.except?.includes(role)) continue;
      const party = narrowLayout(layout, used);
      // What the layout itself leaves optional is reported above; a party list can only leave a position out (N),
      // and a party that does not use the element at all carries none of it (a policyholder without an id).
      const left = row.positions.filter((pos) => statusAt(layout, pos) === 'M' && statusAt(party, pos.split('.')[0]!) !== 'N' && statusAt(party, pos) !== 'M');
      if (left.length > 0) issues.push({ path: ['segments', row.tag, 'byQualifier', role], message: `leaves ${row.tag} ${left.join(', ')} out for ${role}: ${why(row)}` });
    }
  }
  return issues;
}
