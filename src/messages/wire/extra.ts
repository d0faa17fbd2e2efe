/**
 * Data in positions a profile uses but the typed messages have no field for (`extraData`,
 * see `extraDatum` in `../types/common.ts`): how a position's status is looked up, which of
 * `checkSegment`'s issues a caller reports, and how the encoder writes kept data back.
 *
 * What the profile uses decides, as in `validate`: the decoder keeps data in a used position
 * no typed field reads and refuses (15) data in one the profile does not use (`N`); the encoder
 * writes kept data only where the profile uses it.
 */
import { layoutFor, profileCodeLists } from '../../schema/access.js';
import { checkSegment, type CodeListLike, type ElementIssue } from '../../schema/check.js';
import type { GuideProfile } from '../../schema/profile.js';
import type { ElementStatus, SegmentLayout } from '../../schema/segments.js';
import { componentAt, type SegmentInput } from '../../syntax/segment.js';
import type { ExtraDatum } from '../types/common.js';
import { MessageEncodeError } from './errors.js';

/**
 * Status of the 0-based position (`e`, `c`) in `layout`: `M`, `C`, or `N` when the layout does
 * not use it or has no such position (a component of a simple element, past the last element).
 */
export function positionStatus(layout: SegmentLayout, e: number, c: number): ElementStatus {
  const el = layout.elements[e];
  if (el === undefined || el.status === 'N') return 'N';
  if (el.components === undefined) return c === 0 ? el.status : 'N';
  return el.components[c]?.status ?? 'N';
}

/** `true` when `layout` lets element `e` (0-based) occur `times` times (syntax 4 repeats). */
export function repeatAllowed(layout: SegmentLayout, e: number, times: number): boolean {
  const el = layout.elements[e];
  return el !== undefined && el.status !== 'N' && (el.repeat ?? 1) >= times;
}

/**
 * The issues `checkSegment` finds at the positions `ours` names (0-based element, component or
 * `null` for the element as a whole, repetition): missing mandatory data, format and code-list
 * errors. Data where the profile uses none is left out (15, 16): callers report it themselves.
 */
export function issuesAt(
  segment: SegmentInput,
  layout: SegmentLayout,
  codeLists: Readonly<Record<string, CodeListLike>>,
  ours: (e: number, c: number | null, r: number) => boolean,
): ElementIssue[] {
  // checkSegment reads the segment only; its type asks for the parser's (mutable) arrays.
  return checkSegment(segment as Parameters<typeof checkSegment>[0], layout, { codeLists }).filter(
    (i) => i.code !== '15' && i.code !== '16' && ours(i.element - 1, i.component === null ? null : i.component - 1, (i.occurrence ?? 1) - 1),
  );
}

/** The key of a segment among the body's segments (its tag and first value), as {@link ExtraDatum} names it. */
export const segmentKey = (tag: string, qualifier: string): string => JSON.stringify([tag, qualifier]);

type Mutable = { tag: string; elements: string[][]; repeats?: Record<number, string[][]> };

function mutableCopy(segment: SegmentInput): Mutable {
  const out: Mutable = { tag: segment.tag, elements: segment.elements.map((el) => [...el]) };
  if (segment.repeats) out.repeats = Object.fromEntries(Object.entries(segment.repeats).map(([k, occ]) => [k, occ.map((el) => [...el])]));
  return out;
}

/** Component `c` of occurrence `r` of element `e` of `s`, created (empty) when absent. */
function put(s: Mutable, e: number, c: number, r: number, value: string): void {
  while (s.elements.length <= e) s.elements.push(['']);
  let el = s.elements[e]!;
  if (r > 0) {
    const occ = ((s.repeats ??= {})[e] ??= [el]);
    while (occ.length <= r) occ.push(['']);
    el = occ[r]!;
  }
  while (el.length <= c) el.push('');
  el[c] = value;
}

/**
 * `body` with `extra` written into it: each value at its segment (tag, qualifier, occurrence)
 * and position, which the profile must use and the typed fields must have left empty.
 * @throws MessageEncodeError listing every datum that does not fit (path `extraData.<i>`)
 */
export function writeExtraData(body: readonly SegmentInput[], extra: readonly ExtraDatum[], profile: GuideProfile): SegmentInput[] {
  if (extra.length === 0) return [...body];
  const byKey = new Map<string, number[]>();
  body.forEach((s, i) => {
    const k = segmentKey(s.tag, componentAt(s, 0, 0));
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  const changed = new Map<number, { segment: Mutable; placed: Map<string, number> }>();
  const issues: Array<{ path: string; message: string }> = [];
  const where = (d: ExtraDatum): string =>
    `${d.segment} ${d.qualifier}${d.occurrence > 1 ? ` (occurrence ${d.occurrence})` : ''}, element ${d.element}, component ${d.component}${d.repetition ? `, repetition ${d.repetition}` : ''}`;
  const fail = (i: number, message: string): void => void issues.push({ path: `extraData.${i}`, message: `${where(extra[i]!)}: ${message}` });
  extra.forEach((d, i) => {
    const [e, c, r] = [d.element - 1, d.component - 1, (d.repetition ?? 1) - 1];
    const index = byKey.get(segmentKey(d.segment, d.qualifier))?.[d.occurrence - 1];
    if (index === undefined) return fail(i, 'the message has no such segment');
    const layout = layoutFor(profile, body[index]!);
    if (layout === undefined || positionStatus(layout, e, c) === 'N' || !repeatAllowed(layout, e, r + 1)) return fail(i, `not a position profile ${profile.id} uses`);
    const entry = changed.get(index) ?? { segment: mutableCopy(body[index]!), placed: new Map<string, number>() };
    const s = entry.segment;
    const current = r === 0 ? s.elements[e]?.[c] : s.repeats?.[e]?.[r]?.[c];
    if (current !== undefined && current !== '') return fail(i, `the position already holds ${JSON.stringify(current)}`);
    put(s, e, c, r, d.value);
    entry.placed.set(`${e}:${c}:${r}`, i);
    changed.set(index, entry);
  });
  const codeLists = profileCodeLists(profile);
  for (const { segment, placed } of changed.values()) {
    const at = (e: number, c: number | null, r: number): number | undefined => placed.get(`${e}:${c ?? 0}:${r}`);
    for (const x of issuesAt(segment, layoutFor(profile, segment)!, codeLists, (e, c, r) => at(e, c, r) !== undefined)) {
      fail(at(x.element - 1, x.component === null ? null : x.component - 1, (x.occurrence ?? 1) - 1)!, x.reason);
    }
  }
  if (issues.length > 0) throw new MessageEncodeError(`extraData does not fit profile ${profile.id}`, issues);
  return body.map((s, i) => changed.get(i)?.segment ?? s);
}
