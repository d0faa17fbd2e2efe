/**
 * Positions of segments in their message (UNH = 1) as the sender counts them. Internal: the
 * decoders and the validator use them, they are not public API.
 */
import type { SegmentInput } from './segment.js';

/** A segment as held: read segments carry their message segment number, built ones do not. */
type HeldSegment = SegmentInput & { messageSegmentNumber?: number };

/**
 * The position in its message (UNH = 1) of `segments[index]`, as the sender counts it: the
 * segment's `messageSegmentNumber`, which also counts a segment the tokenizer skipped for its
 * length (not held); `index + 1` for a segment without one (built, not read).
 */
export function positionInMessage(segments: readonly HeldSegment[], index: number): number {
  return segments[index]?.messageSegmentNumber || index + 1;
}

/** The segment of `segments` at message position `position` ({@link positionInMessage}), or `undefined`. */
export function segmentAtPosition<T extends HeldSegment>(segments: readonly T[], position: number): T | undefined {
  // Positions only grow past held indexes (a skipped segment is counted, never held): look from there back.
  for (let i = Math.min(position, segments.length) - 1; i >= 0; i--) {
    const p = positionInMessage(segments, i);
    if (p === position) return segments[i];
    if (p < position) return undefined;
  }
  return undefined;
}
