/**
 * CONTRL (ISO 9735 syntax and service report, `CONTRL:2:2:UN`, syntax 3) for one received
 * interchange. F&P's default is interchange level only — `UNH`, `UCI`, `UNT`: UCI action 7
 * when the interchange and every message passed syntax and structure, else 4 with the first
 * error's code (0085) and, for an error in a service segment, its tag (0013) and element position (S011).
 * `detail: 'message'` adds one UCM per message (4 rejected, 7 accepted; the UCI then answers
 * the envelope only, and when it says 4 only the rejected messages' UCMs are kept); `'segment'` adds UCS (segment position, UNH = 1) and UCD (element
 * position, counted as ISO 9735 0098 counts it: the segment tag is 1, the first data element 2) under each rejected UCM; a rejected message whose UNH lacks 0062 or S009 cannot have
 * a UCM and rejects the interchange in the UCI. Content errors (12'ere) never reach the CONTRL.
 *
 * Messages are added as they are validated; only the UCM/UCS/UCD text is kept (nothing in
 * `interchange` detail), so memory does not grow with the messages' size.
 *
 * What the CONTRL repeats of the answered interchange (UCI 0020, S002, S003; UCM 0062, S009; its
 * own UNB's parties) is fitted to the CONTRL's own layout, which ISO 9735 requires to be valid
 * like any message: a value over its element's length (already the answered interchange's error
 * 39) is cut to that length, and a character the CONTRL's UNOC cannot carry (from a UNOY
 * interchange) is written `?`. Positions are never cut: one too wide for its element (UCS 0096
 * n..6, S011 0098 and 0104 n..3) is left out and its error goes up a level — a component's to
 * its element, an element's to its segment (a UCS with the code), a segment's to the UCM.
 */
import type { MessageHeader, PartyId } from '../envelope/types.js';
import { COMPOSITES } from '../schema/composites.js';
import { ELEMENTS } from '../schema/elements.js';
import { charsetFor, firstUnencodableChar, type Charset } from '../syntax/charsets.js';
import { parseFormat } from '../syntax/formats.js';
import type { SegmentInput } from '../syntax/segment.js';
import { segment, serialize } from '../syntax/writer.js';
import { CONTRL_IDENTIFIER } from './compile/profile.js';
import { compareErrors, firstError, isServiceTag } from './errors.js';
import { ediClock } from './references.js';
import type { ContrlDetail, MessageReport, ValidationError } from './types.js';

/** Most UCS per UCM (CONTRL segment group 2) and UCD per UCS. */
const MAX_UCS = 999;
const MAX_UCD = 99;

/** The answered interchange, as the UCI repeats it. */
export interface AnsweredInterchange {
  reference: string;
  sender: PartyId;
  recipient: PartyId;
  /** UNB 0035 = 1: the answered interchange is a test, and so is the CONTRL. */
  testIndicator?: boolean;
}

/** How the CONTRL interchange is written. */
export interface ContrlWriteOptions {
  /** 0020 of the CONTRL interchange. */
  reference: string;
  /** UNB date and time. */
  now: Date;
  /** Default qualifier when the answered UNB had none (`ZZ`). */
  idQualifier?: string;
}

/** The result: the CONTRL text and whether the UCI says 7. */
export interface ContrlResult {
  contrl: string;
  accepted: boolean;
}

/** The maximum length of the CONTRL's data element `id` (characters). */
function maxLength(id: string): number {
  return parseFormat((ELEMENTS[id] as { format: string }).format).maxLength;
}

/** Whether the CONTRL's numeric data element `id` (0096 n..6, 0098 and 0104 n..3) can carry the position `n`. */
function writable(id: '0096' | '0098' | '0104', n: number): boolean {
  return String(n).length <= maxLength(id);
}

/**
 * S011 data element position (`element:component`) as the CONTRL can write it, or `undefined`.
 * 0098 counts as ISO 9735 defines it: "The segment tag has position number 1", so data element
 * `n` of a report (1 = the first after the tag) is position `n + 1`; 0104 counts components
 * from 1, as reports do. A position too wide for its element (limits raised, a segment of 1,000
 * elements) is never clamped: a component's leaves its element (the composite in error), an
 * element's leaves none — the error is then its segment's. So is an error in the tag (element
 * 0, e.g. a character outside the charset, 21): its segment's UCS names it.
 */
function position(e: ValidationError): string[] | undefined {
  if (e.element === null || e.element < 1) return undefined;
  const inSegment = e.element + 1;
  if (!writable('0098', inSegment)) return undefined;
  return e.component === null || !writable('0104', e.component) ? [String(inSegment)] : [String(inSegment), String(e.component)];
}

/** Whether a UCS can name the segment of `e`: it has a position in the message that fits 0096 (else the error is the UCM's). */
function inUcs(e: ValidationError): boolean {
  return e.segmentPosition !== null && writable('0096', e.segmentPosition);
}

/**
 * `0085`, `0013`, `S011` of a UCI/UCM for an error. S011 is a position in the service segment
 * 0013 names: an error elsewhere (a body segment's element, which UCD reports) gives the code only.
 */
function errorElements(e: ValidationError | undefined): Array<string | string[] | undefined> {
  if (e === undefined) return [];
  return isServiceTag(e.segment) ? [e.code, e.segment!, position(e)] : [e.code];
}

/** The CONTRL's syntax identifier (its UNB S001 0001): everything it echoes is written in it. */
const CONTRL_SYNTAX_ID = 'UNOC';
const CONTRL_CHARSET = charsetFor(CONTRL_SYNTAX_ID) as Charset;

/**
 * `value` as the CONTRL's data element `id` can carry it: a character its charset cannot carry
 * becomes `?`, and the value is cut to the element's maximum length (characters).
 */
function fit(id: string, value: string): string {
  const max = maxLength(id);
  if (value.length <= max && firstUnencodableChar(CONTRL_CHARSET, value) === -1) return value;
  return Array.from(value, (ch) => (firstUnencodableChar(CONTRL_CHARSET, ch) === -1 ? ch : '?'))
    .slice(0, max)
    .join('');
}

/** `values` as the components of the CONTRL's composite `id` (S002, S003, S009) can carry them ({@link fit}). */
function fitComposite(id: string, values: ReadonlyArray<string | undefined>): Array<string | undefined> {
  const components = (COMPOSITES[id] as { components: ReadonlyArray<{ id: string }> }).components;
  return values.map((v, i) => (v === undefined ? v : fit((components[i] as { id: string }).id, v)));
}

/** A party's id and qualifier (the fallback when it had none), as composite `composite` (S002 or S003) carries them. */
function identification(p: PartyId, fallback: string, composite: 'S002' | 'S003'): Array<string | undefined> {
  return fitComposite(composite, [p.id, p.qualifier ?? fallback]);
}

/** S002/S003 of a party as it came: id, qualifier and its routing address when it has one. */
function party(p: PartyId, fallback: string, composite: 'S002' | 'S003'): Array<string | undefined> {
  return fitComposite(composite, [p.id, p.qualifier ?? fallback, p.routing]);
}

/** Whether a UNH gives what a UCM repeats: 0062 and S009's mandatory 0065, 0052, 0054 and 0051. */
function named(h: MessageHeader): boolean {
  return h.reference !== '' && h.type !== '' && h.version !== '' && h.release !== '' && h.agency !== '';
}

/** Collects one interchange's CONTRL as its messages are validated. */
export class ContrlBuilder {
  private readonly detail: ContrlDetail;
  /** Per message: its UCM (and UCS/UCD) text, segment count and whether it was rejected. */
  private sg1: string[] = [];
  private sg1Counts: number[] = [];
  private sg1Rejected: boolean[] = [];
  private firstMessageError: ValidationError | undefined;
  /** With UCMs: the first error of the rejected messages a UCM cannot name (they reject the interchange). */
  private firstUnnamedError: ValidationError | undefined;
  private rejectedMessages = 0;

  constructor(detail: ContrlDetail = 'interchange') {
    this.detail = detail;
  }

  /** Adds the outcome of one message (its UNH header and its report). */
  addMessage(header: MessageHeader, report: MessageReport): void {
    const rejected = report.status === 'rejected';
    if (rejected) {
      this.rejectedMessages++;
      const first = firstError(report.errors);
      if (first !== undefined && (this.firstMessageError === undefined || compareErrors(first, this.firstMessageError) < 0)) this.firstMessageError = first;
      // A UCM must name its message (0062 and S009 are mandatory): one the UNH does not name is answered in the UCI.
      if (this.detail !== 'interchange' && !named(header)) {
        if (first !== undefined && (this.firstUnnamedError === undefined || compareErrors(first, this.firstUnnamedError) < 0)) this.firstUnnamedError = first;
        return;
      }
    }
    if (this.detail === 'interchange') return;
    const s009 = fitComposite('S009', [header.type, header.version, header.release, header.agency, header.associationCode ?? undefined]);
    const reference = fit('0062', header.reference);
    const out: SegmentInput[] = [];
    if (!rejected) {
      out.push(segment('UCM', reference, s009, '7'));
    } else if (this.detail === 'message') {
      out.push(segment('UCM', reference, s009, '4', ...errorElements(report.errors[0])));
    } else {
      this.segmentDetail(reference, s009, report.errors, out);
    }
    this.sg1.push(serialize(out));
    this.sg1Counts.push(out.length);
    this.sg1Rejected.push(rejected);
  }

  private segmentDetail(reference: string, s009: Array<string | undefined>, errors: readonly ValidationError[], out: SegmentInput[]): void {
    // UCM reports the first error of UNH or UNT (or one without a segment position a UCS can write); UCS/UCD the rest.
    const inUcm = errors.find((e) => e.segment === 'UNH' || e.segment === 'UNT' || !inUcs(e));
    out.push(segment('UCM', reference, s009, '4', ...errorElements(inUcm)));
    const rest = errors.filter((e) => e !== inUcm && inUcs(e)).sort((a, b) => a.segmentPosition! - b.segmentPosition!);
    let ucs = 0;
    for (let i = 0; i < rest.length && ucs < MAX_UCS; ) {
      const pos = rest[i]!.segmentPosition!;
      let j = i;
      while (j < rest.length && rest[j]!.segmentPosition === pos) j++;
      const group = rest.slice(i, j);
      i = j;
      // An element error whose position S011 cannot write is the segment's (a UCS with its code).
      const whole = group.filter((e) => position(e) === undefined);
      const parts = group.filter((e) => position(e) !== undefined);
      out.push(segment('UCS', String(pos), whole[0]?.code));
      ucs++;
      for (const e of parts.slice(0, MAX_UCD)) out.push(segment('UCD', e.code, position(e)));
      for (const e of whole.slice(1)) {
        if (ucs >= MAX_UCS) break;
        out.push(segment('UCS', String(pos), e.code));
        ucs++;
      }
    }
  }

  /** Messages reported as rejected so far. */
  get rejected(): number {
    return this.rejectedMessages;
  }

  /**
   * Writes the CONTRL answering `answered`, given the interchange's own errors. Returns `""`
   * as the text when the interchange has no reference or parties to answer.
   */
  finish(answered: AnsweredInterchange | null, interchangeErrors: readonly ValidationError[], options: ContrlWriteOptions): ContrlResult {
    let first = firstError(interchangeErrors);
    const fromMessages = this.detail === 'interchange' ? this.firstMessageError : this.firstUnnamedError;
    if (fromMessages && (first === undefined || compareErrors(fromMessages, first) < 0)) first = fromMessages;
    const accepted = first === undefined;
    if (answered === null || answered.reference === '' || answered.sender.id === '' || answered.recipient.id === '') return { contrl: '', accepted };
    const q = options.idQualifier ?? 'ZZ';
    const clock = ediClock(options.now);
    const uci = segment('UCI', fit('0020', answered.reference), party(answered.sender, q, 'S002'), party(answered.recipient, q, 'S003'), accepted ? '7' : '4', ...errorElements(first));
    const head: SegmentInput[] = [
      segment('UNB', [CONTRL_SYNTAX_ID, '3'], identification(answered.recipient, q, 'S002'), party(answered.sender, q, 'S003'), [clock.yymmdd, clock.hhmm], options.reference, ...(answered.testIndicator === true ? [undefined, undefined, undefined, undefined, undefined, '1'] : [])),
      segment('UNH', '1', [CONTRL_IDENTIFIER.type, CONTRL_IDENTIFIER.version, CONTRL_IDENTIFIER.release, CONTRL_IDENTIFIER.agency]),
      uci,
    ];
    // Under a UCI 4 every message is rejected with the interchange: only the UCMs that say why are kept.
    let body = '';
    let count = 0;
    for (let i = 0; i < this.sg1.length; i++) {
      if (!accepted && !this.sg1Rejected[i]) continue;
      body += this.sg1[i]!;
      count += this.sg1Counts[i]!;
    }
    const tail: SegmentInput[] = [segment('UNT', String(3 + count), '1'), segment('UNZ', '1', options.reference)];
    const contrl = serialize(head, { una: true }) + body + serialize(tail);
    return { contrl, accepted };
  }
}
