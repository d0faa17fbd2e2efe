/**
 * The event source of the validator: tokenizer → envelope assembler, with the raw UNB and UNZ
 * segments kept long enough to check their element layouts (UNG and UNE are checked as they
 * are read). Events are queued while a chunk is tokenized and drained by the async loop in
 * `stream.ts`.
 */
import { EnvelopeAssembler, type EnvelopeLimits } from '../envelope/assembler.js';
import type { EdifactMessage, InterchangeHeader, InterchangeSummary } from '../envelope/types.js';
import type { EdifactSyntaxError, ErrorDraft } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import type { ServiceChars } from '../syntax/service-chars.js';
import { Tokenizer, type TokenizerHandler } from '../syntax/tokenizer.js';
import { checkServiceSegment, serviceLayoutErrors, withoutReportedMissing } from './interchange.js';
import type { ValidationError } from './types.js';

/** One envelope event with what the validator needs beyond `readMessages`. */
export type SourceEvent =
  | { type: 'start'; header: InterchangeHeader; unb: Segment | null }
  | { type: 'message'; message: EdifactMessage }
  | { type: 'end'; summary: InterchangeSummary; serviceErrors: ValidationError[] };

/** The service segments of an interchange, as the assembler closes it. */
export interface ClosedServiceSegments {
  unb: Segment | null;
  unz: Segment | null;
  /** The element-layout errors of its UNG and UNE segments, in input order. */
  groupErrors: ValidationError[];
}

/**
 * Keeps the raw UNB and UNZ segments of the open interchange, which the assembler does not hand
 * on, so their element layouts can be checked when it ends; checks each UNG and UNE as it is
 * read and keeps only its errors (a flood of groups holds no segments). Told of every segment
 * before the assembler sees it, and of the assembler's interchange starts and ends.
 */
export class ServiceSegments {
  /** The UNB just read (before the assembler sees it). */
  private lastUnb: Segment | null = null;
  private openUnb: Segment | null = null;
  private lastUnz: Segment | null = null;
  private groupErrors: ValidationError[] = [];

  /** The UNB of the open interchange. */
  get unb(): Segment | null {
    return this.openUnb;
  }

  see(s: Segment): void {
    if (s.tag === 'UNB') this.lastUnb = s;
    else if (s.tag === 'UNZ') this.lastUnz = s;
    else if (s.tag === 'UNG' || s.tag === 'UNE') for (const e of serviceLayoutErrors(s)) this.groupErrors.push(e);
  }

  /** The assembler opened an interchange: its UNB is the one just read. */
  open(): Segment | null {
    this.openUnb = this.lastUnb;
    return this.openUnb;
  }

  /**
   * The assembler closed the interchange, whose errors are `envelope`: its segments, forgotten
   * here, the group errors without the missing elements the envelope reported.
   */
  close(envelope: readonly EdifactSyntaxError[]): ClosedServiceSegments {
    const closed = { unb: this.openUnb, unz: this.lastUnz, groupErrors: withoutReportedMissing(this.groupErrors, envelope) };
    this.openUnb = null;
    this.lastUnz = null;
    this.groupErrors = [];
    return closed;
  }
}

/** The envelope limits the validate options give (`maxMessageSegments`, `maxErrors`), those left `undefined` left out. */
export interface EnvelopeLimitOptions {
  maxMessageSegments?: number | undefined;
  maxErrors?: number | undefined;
}

/** The {@link EnvelopeLimits} of `options`: those given, the others left to their defaults. */
export function envelopeLimits(options: EnvelopeLimitOptions): EnvelopeLimits {
  const limits: EnvelopeLimits = {};
  if (options.maxMessageSegments !== undefined) limits.maxMessageSegments = options.maxMessageSegments;
  if (options.maxErrors !== undefined) limits.maxErrors = options.maxErrors;
  return limits;
}

/** Pushes chunks through the tokenizer and the envelope assembler and queues the events. */
export class EventSource {
  private queue: SourceEvent[] = [];
  private readonly tokenizer: Tokenizer;
  private readonly assembler: EnvelopeAssembler;
  private readonly service = new ServiceSegments();
  private length = 0;

  constructor(limits: EnvelopeLimitOptions = {}) {
    this.assembler = new EnvelopeAssembler(
      {
        interchangeStart: (header) => this.queue.push({ type: 'start', header, unb: this.service.open() }),
        message: (message) => this.queue.push({ type: 'message', message }),
        interchangeEnd: (summary) => this.onEnd(summary),
      },
      envelopeLimits(limits),
    );
    const assembler = this.assembler;
    const service = this.service;
    const handler: TokenizerHandler = {
      segment: (s: Segment) => {
        service.see(s);
        assembler.segment(s);
      },
      error: (e: EdifactSyntaxError) => assembler.error(e),
      errorDraft: (d: ErrorDraft) => assembler.errorDraft(d),
      serviceString: (chars: ServiceChars) => assembler.serviceString(chars),
    };
    this.tokenizer = new Tokenizer(handler);
  }

  private onEnd(summary: InterchangeSummary): void {
    const serviceErrors: ValidationError[] = [];
    const check = (s: Segment | null): void => {
      if (s) for (const e of checkServiceSegment(s, summary.errors)) serviceErrors.push(e);
    };
    const { unb, unz, groupErrors } = this.service.close(summary.errors);
    if (summary.header) check(unb);
    for (const e of groupErrors) serviceErrors.push(e);
    if (summary.trailer) check(unz);
    this.queue.push({ type: 'end', summary, serviceErrors });
  }

  /** Feeds one chunk. */
  write(chunk: Uint8Array | string): void {
    this.length += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    this.tokenizer.write(chunk);
  }

  /** Ends the input. */
  end(): void {
    this.tokenizer.end();
    this.assembler.end(this.length);
  }

  /** Takes the queued events. */
  take(): SourceEvent[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }
}
