/**
 * Walks a message's body segments with the profile's segment table, so decoders know which
 * segment group (by its head tag) each segment belongs to — e.g. whether a DTM is the bonus
 * block's (SG1, head SIF) or a claim's (SG2, head SHI) — without a walker of their own.
 */
import { matchStructure } from '../../schema/match.js';
import { groupHeadTags, type MessageStructure } from '../../schema/structure.js';
import { positionInMessage } from '../../syntax/message-position.js';
import type { SegmentInput } from '../../syntax/segment.js';
import { isTypedTag } from '../occurrence.js';
import { SegmentReader, type DecodeContext } from './reader.js';

/** One body segment with its reader and group membership. */
export interface WalkedSegment {
  /** Reader over the segment (positions: UNH = 1). */
  reader: SegmentReader;
  /** Head tag of the innermost segment group the segment is in (`'SIF'`, `'SHI'`), or `null` at top level. */
  group: string | null;
  /** 1-based occurrence of that group, or 0 at top level. */
  occurrence: number;
}

const stub = (tag: string): SegmentInput => ({ tag, elements: [] });

/**
 * The body (BGM … last segment before UNT) of a message given as UNH..UNT or as body only.
 * Segments the table does not allow where they stand (ISO 9735 `15`), or that repeat too
 * often (`35`, `36`), are reported; segments that match no row are left out of the walk.
 */
export function walkMessage(segments: readonly SegmentInput[], structure: MessageStructure, ctx: DecodeContext): WalkedSegment[] {
  const hasEnvelope = segments[0]?.tag === 'UNH';
  const full: SegmentInput[] = hasEnvelope ? [...segments] : [stub('UNH'), ...segments, stub('UNT')];
  const { matches, issues } = matchStructure(full, structure);
  const heads = groupHeadTags(structure);
  const skip = new Set<number>();
  for (const issue of issues) {
    if (issue.code === '13') continue; // missing data is reported by the typed schema, with the field's name
    const seg = full[issue.index];
    ctx.error(issue.code, issue.reason, { segment: issue.tag, segmentPosition: positionInMessage(full, issue.index) });
    if (issue.code === '15' && seg) skip.add(issue.index);
  }
  const out: WalkedSegment[] = [];
  const last = full.length - 1;
  for (let i = 1; i < full.length; i++) {
    const seg = full[i]!;
    if (i === last && seg.tag === 'UNT') break;
    if (skip.has(i)) continue;
    const path = matches[i]?.groupPath ?? [];
    const inner = path[path.length - 1];
    out.push({
      reader: new SegmentReader(seg, positionInMessage(full, i), ctx),
      group: inner ? (heads.get(inner.group) ?? null) : null,
      occurrence: inner?.occurrence ?? 0,
    });
  }
  return out;
}

/**
 * Reads each walked segment of a tag the typed messages of `exchange` read (`TYPED_SEGMENTS`)
 * with `read`; keeps every other one whole (`extraSegments`: the profile's segment table placed
 * it, so it is data no typed field holds); and finishes each (data left unread in it, and its
 * layout's issues, are reported).
 */
export function readWalked(walked: readonly WalkedSegment[], exchange: 'opsigelser' | 'panthaver', read: (r: SegmentReader, group: string | null) => void): void {
  for (const { reader: r, group } of walked) {
    if (isTypedTag(exchange, r.tag)) read(r, group);
    else r.keepWhole();
    r.finish();
  }
}
