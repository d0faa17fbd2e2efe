/** The shape check of a segment handed to the schema's public functions (internal: not re-exported). */
import { describeValue } from '../syntax/options.js';
import type { Segment } from '../syntax/segment.js';

/** Throws a TypeError from `where` unless `segment` is `{ tag, elements }` (a plain-JS caller may pass anything). */
export function assertSegmentShape(where: string, segment: unknown): void {
  const s = segment as Partial<Segment> | null;
  if (typeof s !== 'object' || s === null || typeof s.tag !== 'string' || !Array.isArray(s.elements)) {
    throw new TypeError(`fp-edifact: ${where}: segment must be { tag, elements }, got ${describeValue(segment)}`);
  }
}
