/**
 * Building {@link ValidationError}s from what the lower layers report: tokenizer and envelope
 * errors, structure issues, element issues; and ordering them.
 */
import type { ElementIssue } from '../schema/check.js';
import type { StructureIssue } from '../schema/match.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import { positionInMessage } from '../syntax/message-position.js';
import type { Segment } from '../syntax/segment.js';
import type { ValidationError } from './types.js';

/** Tags of the ISO 9735 service segments (CONTRL reports them in 0013). */
const SERVICE_TAGS: ReadonlySet<string> = new Set(['UNA', 'UNB', 'UNZ', 'UNG', 'UNE', 'UNH', 'UNT']);

/** `true` for UNA, UNB, UNZ, UNG, UNE, UNH and UNT. */
export function isServiceTag(tag: string | null): boolean {
  return tag !== null && SERVICE_TAGS.has(tag);
}

/**
 * Tags that have no segment position (0096) in a message. A UNA is no segment of the count
 * (UNT 0074 leaves it out): the tokenizer numbers one inside a message as the segment after it,
 * so as a 0096 that number would name that segment. Its error stays at the message (the UCM:
 * 0085, 0013 `UNA`), as ISO 9735 reports 33 at the level above.
 */
const NO_SEGMENT_POSITION: ReadonlySet<string> = new Set(['UNA']);

/**
 * A syntax or envelope error as a {@link ValidationError}. `messageStart` is the interchange
 * segment number of the message's UNH when the error belongs to a message (its position in
 * the message is derived from it), else `null`.
 */
export function fromSyntaxError(e: EdifactSyntaxError, messageStart: number | null): ValidationError {
  let segmentPosition: number | null = null;
  if (messageStart !== null && !NO_SEGMENT_POSITION.has(e.tag ?? '')) {
    if (e.messageSegmentNumber !== undefined) segmentPosition = e.messageSegmentNumber;
    else if (e.segmentNumber !== undefined && e.segmentNumber >= messageStart) segmentPosition = e.segmentNumber - messageStart + 1;
  }
  return {
    code: e.code,
    rule: null,
    segment: e.tag ?? null,
    segmentPosition,
    element: e.element ?? null,
    component: e.component ?? null,
    offset: e.offset ?? null,
    message: e.reason,
  };
}

/** A structure issue of `matchStructure` for the message `segments` (UNH..UNT as held). */
export function fromStructureIssue(issue: StructureIssue, segments: readonly Segment[]): ValidationError {
  const at = segments[issue.index];
  const before = segments[issue.index - 1] ?? segments[segments.length - 1];
  const missing = issue.code === '13';
  // ISO 9735 0096: a missing segment is reported at the last segment processed before it.
  const segmentPosition = missing ? (issue.index === 0 ? 0 : positionInMessage(segments, issue.index - 1)) : positionInMessage(segments, issue.index);
  return {
    code: issue.code,
    rule: null,
    segment: issue.tag,
    segmentPosition,
    element: null,
    component: null,
    offset: (missing ? (at ?? before) : at)?.offset ?? null,
    message: issue.reason,
  };
}

/** An element issue of `checkSegment` for `segment` at message position `segmentPosition` (or `null`). */
export function fromElementIssue(issue: ElementIssue, segment: Segment, segmentPosition: number | null): ValidationError {
  return {
    code: issue.code,
    rule: null,
    segment: segment.tag,
    segmentPosition,
    element: issue.element,
    component: issue.component,
    offset: segment.offset,
    message: `${segment.tag}: ${issue.reason}`,
  };
}

/** A problem of our own (recipient, sender, duplicate, message type) at a segment. */
export function errorAt(
  code: string,
  message: string,
  segment: Pick<Segment, 'tag' | 'offset'> | null,
  segmentPosition: number | null,
  element: number | null = null,
  component: number | null = null,
): ValidationError {
  return { code, rule: null, segment: segment?.tag ?? null, segmentPosition, element, component, offset: segment?.offset ?? null, message };
}

/** Syntax error 26 at UNH 0062: the interchange already held this message reference. */
export function duplicateMessageError(reference: string, unh: Pick<Segment, 'tag' | 'offset'>): ValidationError {
  return errorAt('26', `message reference ${JSON.stringify(reference)} occurs twice in this interchange`, unh, 1, 1);
}

/** Orders errors by offset (errors without an offset last), then element and component. Stable. */
export function compareErrors(a: ValidationError, b: ValidationError): number {
  const ao = a.offset ?? Number.MAX_SAFE_INTEGER;
  const bo = b.offset ?? Number.MAX_SAFE_INTEGER;
  if (ao !== bo) return ao - bo;
  return (a.element ?? 0) - (b.element ?? 0) || (a.component ?? 0) - (b.component ?? 0);
}

/** The first error in input order, or `undefined`. */
export function firstError(errors: readonly ValidationError[]): ValidationError | undefined {
  let best: ValidationError | undefined;
  for (const e of errors) if (best === undefined || compareErrors(e, best) < 0) best = e;
  return best;
}
