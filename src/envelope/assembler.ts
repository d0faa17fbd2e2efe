import { type EdifactSyntaxError, type ErrorDraft, errorDraft, type Position, SyntaxErrorCode } from '../syntax/errors.js';
import { componentAt, digitsAt, type Segment } from '../syntax/segment.js';
import { checkOptions, positiveIntegerOption, type OptionCheck } from '../syntax/options.js';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from '../syntax/service-chars.js';
import { shownTag } from '../syntax/shown.js';
import type { TokenizerHandler } from '../syntax/tokenizer.js';
import { DEFAULT_MAX_ERRORS, ErrorLimit, structuralError } from './error-limit.js';
import type { EdifactMessage, GroupHeader, InterchangeHeader, InterchangeSummary, MessageHeader, PartyId } from './types.js';

/** Receives envelope events in input order. Every message is delivered, broken ones included. */
export interface EnvelopeHandler {
  interchangeStart?(header: InterchangeHeader): void;
  groupStart?(group: GroupHeader): void;
  message(message: EdifactMessage): void;
  interchangeEnd(summary: InterchangeSummary): void;
}

/** Limits of the envelope readers (`parseInterchanges`, `readMessages`) that keep hostile input from exhausting memory. */
export interface EnvelopeLimits {
  /** Most segments kept for one message; more are counted (UNT is checked against all) but not kept, and the message gets one syntax error 18 saying so. Default 10,000. */
  maxMessageSegments?: number;
  /**
   * Most errors kept per interchange (its own list) and per message, of those that can come
   * once per segment: tokenizer errors and segments outside a message (33). At the limit one
   * more error (18) says so, at the first error not kept; later ones are dropped without being
   * built (no error object, no message: the tokenizer hands them over as drafts). The checks
   * made once per interchange, group or message (headers, trailers, counts, missing trailers)
   * are always kept. Default 1,000.
   */
  maxErrors?: number;
}

const ENVELOPE_LIMIT_CHECKS: readonly OptionCheck[] = [positiveIntegerOption('maxMessageSegments'), positiveIntegerOption('maxErrors')];


/** Mandatory elements of the service segments: [element index (0-based), component index or `null` for a simple element, name]. */
const REQUIRED: Readonly<Record<string, ReadonlyArray<readonly [number, number | null, string]>>> = {
  UNB: [
    [0, 0, 'syntax identifier (S001 0001)'],
    [0, 1, 'syntax version (S001 0002)'],
    [1, 0, 'sender identification (S002 0004)'],
    [2, 0, 'recipient identification (S003 0010)'],
    [3, 0, 'date of preparation (S004 0017)'],
    [3, 1, 'time of preparation (S004 0019)'],
    [4, null, 'interchange control reference (0020)'],
  ],
  UNH: [
    [0, null, 'message reference number (0062)'],
    [1, 0, 'message type (S009 0065)'],
    [1, 1, 'message version number (S009 0052)'],
    [1, 2, 'message release number (S009 0054)'],
    [1, 3, 'controlling agency (S009 0051)'],
  ],
  UNT: [
    [0, null, 'number of segments in the message (0074)'],
    [1, null, 'message reference number (0062)'],
  ],
  UNZ: [
    [0, null, 'interchange control count (0036)'],
    [1, null, 'interchange control reference (0020)'],
  ],
  UNG: [[4, null, 'functional group reference number (0048)']],
  UNE: [
    [0, null, 'number of messages (0060)'],
    [1, null, 'functional group reference number (0048)'],
  ],
};

const orNull = (value: string): string | null => (value === '' ? null : value);
/** An error of a UNB itself (its charset, version, characters): the tokenizer reports them last before it. */
const isHeaderError = (e: ErrorDraft): boolean => e.tag === 'UNB' && e.segmentNumber === 1;
const party = (s: Segment, e: number): PartyId => {
  const routing = componentAt(s, e, 2);
  return { id: componentAt(s, e, 0), qualifier: orNull(componentAt(s, e, 1)), ...(routing !== '' && { routing }) };
};
const positionOf = (s: Segment) => ({ offset: s.offset, segmentNumber: s.segmentNumber });

/** Most digits of a trailer's control count: UNZ 0036 and UNE 0060 are n..6, UNT 0074 is n..10. */
const COUNT_DIGITS: ReadonlyMap<string, number> = new Map([
  ['UNZ', 6],
  ['UNE', 6],
  ['UNT', 10],
]);

/** What a trailer's control count (element 1) must say. */
export interface CountExpectation {
  /** The count the trailer should give. */
  actual: number;
  /** What is counted ("messages"). */
  counted: string;
  /** Start of the actual-count clause ("the group holds"). */
  holder: string;
  /** Appended to the count mismatch reason. */
  note?: string;
}

/** What a trailer's control count and reference (element 2) are checked against. */
interface TrailerExpectation extends CountExpectation {
  /** Tag and reference of the matching header. */
  headerTag: string;
  headerReference: string;
}

/** The UNZ 0036 expectation: groups when the interchange has any, else messages. */
export function unzCount(groupCount: number, messageCount: number): CountExpectation {
  const usesGroups = groupCount > 0;
  return { actual: usesGroups ? groupCount : messageCount, counted: usesGroups ? 'groups' : 'messages', holder: 'the interchange holds' };
}

/** Why `count` in a `tag` trailer is wrong (syntax error 29), or `null` when it is right. */
export function countMismatch(tag: string, count: string, expected: CountExpectation): string | null {
  // Digit by digit, not by regex and Number(): it runs once per message.
  const valid = count.length > 0 && count.length <= (COUNT_DIGITS.get(tag) ?? 0);
  if (valid && digitsAt(count, 0, count.length) === expected.actual) return null;
  return `${tag} counts ${count} ${expected.counted}, ${expected.holder} ${expected.actual}${expected.note ?? ''}`;
}

/** Syntax error 32 at a UNZ whose interchange holds no message. */
export const EMPTY_INTERCHANGE = 'the interchange holds no messages';

interface OpenMessage {
  message: EdifactMessage;
  count: number;
  truncated: boolean;
}

/**
 * Groups a stream of segments into interchanges, functional groups and messages, and checks the
 * envelope: UNB/UNZ, UNG/UNE and UNH/UNT references (28) and counts (29), missing trailers (13),
 * segments outside a message (33), empty interchanges and groups (32). Holds one message at a time.
 * Plug it into a `Tokenizer` as its handler; syntax errors from the tokenizer are attached to the
 * message or interchange that holds the offending segment.
 */
export class EnvelopeAssembler implements TokenizerHandler {
  private readonly maxMessageSegments: number;
  private readonly errorLimit: ErrorLimit;
  private serviceChars: ServiceChars = DEFAULT_SERVICE_CHARS;
  private sawUna = false;
  private interchange: InterchangeSummary | null = null;
  private group: { header: GroupHeader; messageCount: number } | null = null;
  private open: OpenMessage | null = null;
  /** Tokenizer errors waiting for the segment they belong to, unbuilt: only those kept are built. */
  private pendingErrors: ErrorDraft[] = [];
  /**
   * Errors of a UNA, waiting for the segment after it: a UNB's interchange is the UNA's own
   * (the tokenizer reads the UNB with it); after any other segment they are settled as before.
   */
  private pendingUna: ErrorDraft[] = [];
  private sawSegment = false;

  constructor(
    private readonly handler: EnvelopeHandler,
    limits: EnvelopeLimits = {},
  ) {
    checkOptions(limits, ENVELOPE_LIMIT_CHECKS, 'read');
    this.maxMessageSegments = limits.maxMessageSegments ?? 10_000;
    this.errorLimit = new ErrorLimit(limits.maxErrors ?? DEFAULT_MAX_ERRORS);
  }

  serviceString(chars: ServiceChars): void {
    this.serviceChars = chars;
    this.sawUna = true;
  }

  error(error: EdifactSyntaxError): void {
    this.errorDraft(error);
  }

  /**
   * Takes a tokenizer error unbuilt: it is built only if its list keeps it (`maxErrors`). Errors
   * wait for the segment they belong to, and those waiting together go to one list in order
   * (but a UNB's own, which come last and part from those before them), so one with
   * `maxErrors` + 1 ahead of it could never be kept: it is dropped as it comes, and a flood of
   * UNAs or of oversized segments, which no segment follows, holds no more than that.
   */
  errorDraft(draft: ErrorDraft): void {
    // A UNA's errors wait to learn whose they are (but its 33 inside a message, which is that message's).
    const una = draft.tag === 'UNA' && !(this.open !== null && draft.code === SyntaxErrorCode.invalidOccurrenceOutsideMessage);
    const waiting = una ? this.pendingUna : this.pendingErrors;
    if (this.errorLimit.mayAdd(waiting.length) || isHeaderError(draft)) waiting.push(draft);
  }

  /**
   * A UNA not directly before a UNB: its errors are the open message's; between UNB and a UNH, or
   * between messages (33, or a broken one), the interchange's: ISO 9735 reports 33 at the level
   * above, not in the message that follows. Elsewhere they wait with the other errors.
   */
  private settleUna(): void {
    if (this.pendingUna.length === 0) return;
    if (this.open === null && this.interchange?.header) {
      for (const e of this.pendingUna) this.keep(this.interchange.errors, e);
    } else {
      for (const e of this.pendingUna) this.pendingErrors.push(e);
    }
    this.pendingUna = [];
  }

  segment(segment: Segment): void {
    this.sawSegment = true;
    if (segment.tag !== 'UNB') this.settleUna();
    switch (segment.tag) {
      case 'UNB':
        return this.onHeader(segment);
      case 'UNZ':
        return this.onTrailer(segment);
      case 'UNG':
        return this.onGroupHeader(segment);
      case 'UNE':
        return this.onGroupTrailer(segment);
      case 'UNH':
        return this.onMessageHeader(segment);
      case 'UNT':
        return this.onMessageTrailer(segment);
      default:
        return this.onBodySegment(segment);
    }
  }

  /** Ends the input at absolute offset `endOffset` (its length): reports what is left open. */
  end(endOffset: number): void {
    const at = { offset: endOffset };
    this.settleUna();
    if (this.open) {
      this.flushErrors(this.open.message.errors);
      this.closeMessage(this.missingUnt(this.open, 'input ends inside a message: UNT is missing', { ...at, tag: 'UNT' }));
    }
    // Waiting errors first: the checks made once come after every counted error.
    if (this.interchange) this.flushErrors(this.interchange.errors);
    if (this.group) {
      this.interchangeErrors().push(structuralError(SyntaxErrorCode.missing, 'input ends inside a functional group: UNE is missing', { ...at, tag: 'UNE' }));
      this.group = null;
    }
    if (this.interchange) {
      if (this.interchange.header) {
        this.interchange.errors.push(structuralError(SyntaxErrorCode.missing, 'input ends before the interchange trailer: UNZ is missing', { ...at, tag: 'UNZ' }));
      }
      this.closeInterchange();
    } else if (this.pendingErrors.length > 0 || !this.sawSegment) {
      const summary = this.orphanSummary();
      if (!this.sawSegment && this.pendingErrors.length === 0) {
        summary.errors.push(structuralError(SyntaxErrorCode.missing, 'no interchange found: the input holds no UNB', at));
      }
      this.interchange = summary;
      this.closeInterchange();
    }
  }

  /** Adds an error that can come once per segment to `target`, within `maxErrors`: built only if kept. */
  private keep(target: EdifactSyntaxError[], draft: ErrorDraft): void {
    this.errorLimit.keep(target, draft);
  }

  private at(segment: Segment, element?: number, component?: number) {
    return {
      offset: segment.offset,
      segmentNumber: segment.segmentNumber,
      messageSegmentNumber: segment.messageSegmentNumber || undefined,
      tag: segment.tag,
      element,
      component,
    };
  }

  private orphanSummary(): InterchangeSummary {
    return { header: null, messageCount: 0, groupCount: 0, trailer: null, errors: [] };
  }

  private interchangeErrors(): EdifactSyntaxError[] {
    if (!this.interchange) this.interchange = this.orphanSummary();
    return this.interchange.errors;
  }

  /** Moves waiting tokenizer errors to `target`. */
  private flushErrors(target: EdifactSyntaxError[]): void {
    if (this.pendingErrors.length === 0) return;
    for (const e of this.pendingErrors) this.keep(target, e);
    this.pendingErrors = [];
  }

  /** The interchange's errors (opening an orphan one if needed), with waiting tokenizer errors moved in. */
  private flushToInterchange(): EdifactSyntaxError[] {
    const errors = this.interchangeErrors();
    this.flushErrors(errors);
    return errors;
  }

  /** Closes the open message, if any, as missing its UNT before `segment` (`next` names it in the reason). */
  private closeOpenMessageBefore(segment: Segment, next: string): void {
    if (this.open) this.closeMessage(this.missingUnt(this.open, `message has no UNT before ${next}`, { ...this.at(segment), tag: 'UNT' }));
  }

  /**
   * Syntax error 13 for the UNT `open` lacks, found at `at` (the offset of the segment that came
   * instead, or the end of the input; its tag the missing UNT's, as for every missing trailer), in
   * the message at its last segment: ISO 9735 0096 reports a missing segment at the last one
   * processed before it.
   */
  private missingUnt(open: OpenMessage, reason: string, at: Position): EdifactSyntaxError {
    return structuralError(SyntaxErrorCode.missing, reason, { ...at, messageSegmentNumber: open.count });
  }

  /**
   * Checks a trailer: its mandatory elements, then its control count (element 1) and reference
   * (element 2) against `expected`. False when a mandatory element is missing.
   */
  private checkTrailer(segment: Segment, errors: EdifactSyntaxError[], expected: TrailerExpectation): boolean {
    if (!this.checkRequired(segment, errors)) return false;
    const count = componentAt(segment, 0, 0);
    const reference = componentAt(segment, 1, 0);
    const mismatch = countMismatch(segment.tag, count, expected);
    if (mismatch !== null) errors.push(structuralError(SyntaxErrorCode.controlCountDoesNotMatch, mismatch, this.at(segment, 1)));
    if (reference !== expected.headerReference) {
      errors.push(
        structuralError(
          SyntaxErrorCode.referencesDoNotMatch,
          `${segment.tag} reference ${JSON.stringify(reference)} does not match ${expected.headerTag} reference ${JSON.stringify(expected.headerReference)}`,
          this.at(segment, 2),
        ),
      );
    }
    return true;
  }

  private checkRequired(segment: Segment, target: EdifactSyntaxError[]): boolean {
    let ok = true;
    for (const [e, c, name] of REQUIRED[segment.tag] ?? []) {
      if (componentAt(segment, e, c ?? 0) === '') {
        target.push(structuralError(SyntaxErrorCode.missing, `${segment.tag} lacks the mandatory ${name}`, this.at(segment, e + 1, c === null ? undefined : c + 1)));
        ok = false;
      }
    }
    return ok;
  }

  private onHeader(segment: Segment): void {
    // The UNB's own errors and its UNA's belong to the interchange it opens, not to what it closes.
    const own = this.pendingUna;
    this.pendingUna = [];
    if (this.interchange) {
      const before: ErrorDraft[] = [];
      for (const e of this.pendingErrors) ((e.offset ?? -1) < segment.offset ? before : own).push(e);
      this.pendingErrors = before;
    }
    this.closeOpenMessageBefore(segment, 'the next UNB');
    if (this.interchange) {
      this.flushErrors(this.interchange.errors);
      // Segments before the first UNB are no interchange: they have their 33s, not a missing UNZ.
      if (this.interchange.header) {
        this.interchangeErrors().push(structuralError(SyntaxErrorCode.missing, 'interchange has no UNZ before the next UNB', { ...this.at(segment), tag: 'UNZ' }));
      }
      this.group = null;
      this.closeInterchange();
    }
    const header: InterchangeHeader = {
      syntaxId: componentAt(segment, 0, 0),
      syntaxVersion: componentAt(segment, 0, 1),
      sender: party(segment, 1),
      recipient: party(segment, 2),
      date: componentAt(segment, 3, 0),
      time: componentAt(segment, 3, 1),
      reference: componentAt(segment, 4, 0),
      recipientPassword: orNull(componentAt(segment, 5, 0)),
      applicationReference: orNull(componentAt(segment, 6, 0)),
      priority: orNull(componentAt(segment, 7, 0)),
      ackRequested: componentAt(segment, 8, 0) === '1',
      agreementId: orNull(componentAt(segment, 9, 0)),
      testIndicator: componentAt(segment, 10, 0) === '1',
      serviceChars: this.serviceChars,
      una: this.sawUna,
      position: positionOf(segment),
    };
    this.interchange = { ...this.orphanSummary(), header };
    for (const e of own) this.keep(this.interchange.errors, e);
    this.flushErrors(this.interchange.errors);
    this.checkRequired(segment, this.interchange.errors);
    this.handler.interchangeStart?.(header);
  }

  private onTrailer(segment: Segment): void {
    // As the tokenizer: a UNA's characters end at UNZ; without one they go on into the next UNB.
    this.serviceChars = DEFAULT_SERVICE_CHARS;
    this.closeOpenMessageBefore(segment, 'UNZ');
    const errors = this.flushToInterchange();
    if (this.group) {
      errors.push(structuralError(SyntaxErrorCode.missing, 'functional group has no UNE before UNZ', { ...this.at(segment), tag: 'UNE' }));
      this.group = null;
    }
    const ic = this.interchange as InterchangeSummary;
    if (!ic.header) {
      errors.push(structuralError(SyntaxErrorCode.invalidOccurrenceOutsideMessage, 'UNZ without a UNB', this.at(segment)));
      this.closeInterchange();
      return;
    }
    ic.trailer = { count: componentAt(segment, 0, 0), reference: componentAt(segment, 1, 0) };
    this.checkTrailer(segment, errors, { ...unzCount(ic.groupCount, ic.messageCount), headerTag: 'UNB', headerReference: ic.header.reference });
    if (ic.messageCount === 0) errors.push(structuralError(SyntaxErrorCode.lowerLevelEmpty, EMPTY_INTERCHANGE, this.at(segment)));
    this.closeInterchange();
  }

  private closeInterchange(): void {
    const ic = this.interchange;
    if (!ic) return;
    this.flushErrors(ic.errors);
    this.interchange = null;
    this.group = null;
    this.sawUna = false;
    this.handler.interchangeEnd(ic);
  }

  private onGroupHeader(segment: Segment): void {
    this.closeOpenMessageBefore(segment, 'UNG');
    const errors = this.flushToInterchange();
    if (this.group) errors.push(structuralError(SyntaxErrorCode.missing, 'functional group has no UNE before the next UNG', { ...this.at(segment), tag: 'UNE' }));
    const header: GroupHeader = {
      messageType: componentAt(segment, 0, 0),
      sender: party(segment, 1),
      recipient: party(segment, 2),
      reference: componentAt(segment, 4, 0),
      position: positionOf(segment),
    };
    this.checkRequired(segment, errors);
    (this.interchange as InterchangeSummary).groupCount++;
    this.group = { header, messageCount: 0 };
    this.handler.groupStart?.(header);
  }

  private onGroupTrailer(segment: Segment): void {
    this.closeOpenMessageBefore(segment, 'UNE');
    const errors = this.flushToInterchange();
    const group = this.group;
    if (!group) {
      this.keep(errors, errorDraft(SyntaxErrorCode.invalidOccurrenceOutsideMessage, 'UNE without a UNG', this.at(segment)));
      return;
    }
    this.group = null;
    const complete = this.checkTrailer(segment, errors, {
      actual: group.messageCount,
      counted: 'messages',
      holder: 'the group holds',
      headerTag: 'UNG',
      headerReference: group.header.reference,
    });
    if (!complete) return;
    if (group.messageCount === 0) errors.push(structuralError(SyntaxErrorCode.lowerLevelEmpty, 'the functional group holds no messages', this.at(segment)));
  }

  private onMessageHeader(segment: Segment): void {
    this.closeOpenMessageBefore(segment, 'the next UNH');
    if (!this.interchange) {
      this.interchange = this.orphanSummary();
      this.keep(this.interchange.errors, errorDraft(SyntaxErrorCode.invalidOccurrenceOutsideMessage, 'message outside an interchange: UNB is missing', this.at(segment)));
    }
    const header: MessageHeader = {
      reference: componentAt(segment, 0, 0),
      type: componentAt(segment, 1, 0),
      version: componentAt(segment, 1, 1),
      release: componentAt(segment, 1, 2),
      agency: componentAt(segment, 1, 3),
      associationCode: orNull(componentAt(segment, 1, 4)),
      commonAccessReference: orNull(componentAt(segment, 2, 0)),
    };
    const ic = this.interchange;
    ic.messageCount++;
    if (this.group) this.group.messageCount++;
    const message: EdifactMessage = {
      header,
      segments: [segment],
      position: positionOf(segment),
      index: ic.messageCount,
      interchangeReference: ic.header?.reference ?? null,
      groupReference: this.group?.header.reference ?? null,
      errors: [],
    };
    this.flushErrors(message.errors);
    this.checkRequired(segment, message.errors);
    this.open = { message, count: 1, truncated: false };
  }

  private onMessageTrailer(segment: Segment): void {
    const open = this.open;
    if (!open) {
      this.keep(this.flushToInterchange(), errorDraft(SyntaxErrorCode.invalidOccurrenceOutsideMessage, 'UNT without a UNH', this.at(segment)));
      return;
    }
    this.append(open, segment);
    this.checkTrailer(segment, open.message.errors, {
      actual: open.count,
      counted: 'segments',
      holder: 'the message has',
      note: ' (UNH and UNT included)',
      headerTag: 'UNH',
      headerReference: open.message.header.reference,
    });
    this.closeMessage();
  }

  private onBodySegment(segment: Segment): void {
    if (this.open) {
      this.append(this.open, segment);
      return;
    }
    this.keep(
      this.flushToInterchange(),
      errorDraft(SyntaxErrorCode.invalidOccurrenceOutsideMessage, () => `segment ${shownTag(segment.tag)} outside a message (not between UNH and UNT)`, this.at(segment)),
    );
  }

  private append(open: OpenMessage, segment: Segment): void {
    this.flushErrors(open.message.errors);
    // The tokenizer's message segment number also counts segments it skipped (over maxSegmentLength), which UNT counts too.
    open.count = Math.max(open.count + 1, segment.messageSegmentNumber);
    if (open.count <= this.maxMessageSegments) {
      open.message.segments.push(segment);
    } else if (!open.truncated) {
      open.truncated = true;
      open.message.errors.push(
        structuralError(SyntaxErrorCode.unspecified, `message exceeds ${this.maxMessageSegments} segments; later segments are counted but not kept`, this.at(segment)),
      );
    }
  }

  private closeMessage(missingTrailer?: EdifactSyntaxError): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (missingTrailer) open.message.errors.push(missingTrailer);
    this.handler.message(open.message);
  }
}
