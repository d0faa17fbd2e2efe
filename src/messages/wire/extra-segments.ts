/**
 * Whole segments a typed message has no field for (`extraSegments`, see `extraSegment` in
 * `../types/common.ts`): how the encoder writes them back at their place in the message, and
 * what it refuses — a tag the typed message reads, a segment the profile's layout or segment
 * table does not allow there.
 */
import { layoutFor, profileCodeLists } from '../../schema/access.js';
import { checkSegment } from '../../schema/check.js';
import { matchStructure } from '../../schema/match.js';
import type { GuideProfile } from '../../schema/profile.js';
import type { SegmentInput } from '../../syntax/segment.js';
import { isTypedTag } from '../occurrence.js';
import type { ExtraSegment } from '../types/common.js';
import { MessageEncodeError } from './errors.js';

/** `x` as a segment to write. */
function segmentOf(x: ExtraSegment): SegmentInput {
  const segment: SegmentInput = { tag: x.tag, elements: x.elements };
  if (x.repeats === undefined || x.repeats.length === 0) return segment;
  const repeats: Record<number, ReadonlyArray<ReadonlyArray<string>>> = {};
  for (const { element, occurrences } of x.repeats) repeats[element - 1] = occurrences;
  return { ...segment, repeats };
}

const stub = (tag: string): SegmentInput => ({ tag, elements: [] });

/**
 * `body` with `extras` put back at their positions (1-based in the message, UNH = 1): each one
 * must be of a tag the typed message does not read, clean against the profile's layout for it,
 * and where the profile's segment table allows it. The whole body must fit that table: how often
 * a row repeats (free texts, say) is the table's to say, not the typed message's.
 * @throws MessageEncodeError listing every extra segment that does not fit (path `extraSegments.<i>`), and what breaks the table
 */
export function writeExtraSegments(body: readonly SegmentInput[], extras: readonly ExtraSegment[], profile: GuideProfile): SegmentInput[] {
  const issues: Array<{ path: string; message: string }> = [];
  const fail = (i: number, message: string): void => void issues.push({ path: `extraSegments.${i}`, message: `${extras[i]!.tag} at position ${extras[i]!.position}: ${message}` });
  const out: SegmentInput[] = [...body];
  // Body index → the extra segment written there.
  const placed = new Map<number, number>();
  let last = 0;
  const order = extras.map((_, i) => i).sort((a, b) => extras[a]!.position - extras[b]!.position);
  for (const i of order) {
    const x = extras[i]!;
    const at = x.position - 2;
    if (isTypedTag(profile.exchange, x.tag)) fail(i, `the typed ${profile.exchange} message reads ${x.tag} segments: give its value in its field`);
    else if (at < last || at > out.length) fail(i, at < last ? 'another extra segment is at this position' : `the message has only ${out.length + 1} segments before it (UNH = 1)`);
    else {
      const segment = segmentOf(x);
      const layout = layoutFor(profile, segment);
      if (layout === undefined) fail(i, `profile ${profile.id} has no layout for ${x.tag}`);
      else {
        // checkSegment reads the segment only; its type asks for the parser's (mutable) arrays.
        const bad = checkSegment(segment as Parameters<typeof checkSegment>[0], layout, { codeLists: profileCodeLists(profile) });
        for (const issue of bad) fail(i, `element ${issue.element}${issue.component === null ? '' : `, component ${issue.component}`}: ${issue.reason}`);
        if (bad.length === 0) {
          out.splice(at, 0, segment);
          placed.set(at, i);
          last = at + 1;
        }
      }
    }
  }
  if (issues.length === 0) {
    for (const issue of matchStructure([stub('UNH'), ...out, stub('UNT')], profile.structure).issues) {
      const i = placed.get(issue.index - 1);
      if (i !== undefined) fail(i, issue.reason);
      else issues.push({ path: placed.size > 0 ? 'extraSegments' : '', message: `${placed.size > 0 ? 'with the extra segments in it: ' : ''}${issue.reason} (profile ${profile.id})` });
    }
  }
  if (issues.length > 0) throw new MessageEncodeError(`the message does not fit profile ${profile.id}`, issues);
  return out;
}
