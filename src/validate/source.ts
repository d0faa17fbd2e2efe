/**
 * The event source of the validator: tokenizer → envelope assembler, with the raw UNB, UNZ,
 * UNG and UNE segments kept long enough to check their element layouts. Events are queued
 * while a chunk is tokenized and drained by the async loop in `stream.ts`.
 */
import { EnvelopeAssembler } from '../envelope/assembler.js';
import type { EdifactMessage, InterchangeHeader, InterchangeSummary } from '../envelope/types.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import type { ServiceChars } from '../syntax/service-chars.js';
import { Tokenizer, type TokenizerHandler } from '../syntax/tokenizer.js';
import { checkServiceSegment } from './interchange.js';
import type { ValidationError } from './types.js';

/** One envelope event with what the validator needs beyond `readMessages`. */
export type SourceEvent =
  | { type: 'start'; header: InterchangeHeader; unb: Segment | null }
  | { type: 'message'; message: EdifactMessage }
  | { type: 'end'; summary: InterchangeSummary; serviceErrors: ValidationError[] };

/** Pushes chunks through the tokenizer and the envelope assembler and queues the events. */
export class EventSource {
  private queue: SourceEvent[] = [];
  private readonly tokenizer: Tokenizer;
  private readonly assembler: EnvelopeAssembler;
  /** The UNB just read (before the assembler sees it), and the UNB of the open interchange. */
  private lastUnb: Segment | null = null;
  private openUnb: Segment | null = null;
  private lastUnz: Segment | null = null;
  /** UNG/UNE segments of the open interchange, checked when it ends. */
  private groupSegments: Segment[] = [];
  private length = 0;

  constructor(limits: { maxMessageSegments?: number | undefined } = {}) {
    this.assembler = new EnvelopeAssembler(
      {
        interchangeStart: (header) => {
          this.openUnb = this.lastUnb;
          this.queue.push({ type: 'start', header, unb: this.openUnb });
        },
        message: (message) => this.queue.push({ type: 'message', message }),
        interchangeEnd: (summary) => this.onEnd(summary),
      },
      limits.maxMessageSegments !== undefined ? { maxMessageSegments: limits.maxMessageSegments } : {},
    );
    const assembler = this.assembler;
    const handler: TokenizerHandler = {
      segment: (s: Segment) => {
        if (s.tag === 'UNB') this.lastUnb = s;
        else if (s.tag === 'UNZ') this.lastUnz = s;
        else if (s.tag === 'UNG' || s.tag === 'UNE') this.groupSegments.push(s);
        assembler.segment(s);
      },
      error: (e: EdifactSyntaxError) => assembler.error(e),
      serviceString: (chars: ServiceChars) => assembler.serviceString(chars),
    };
    this.tokenizer = new Tokenizer(handler);
  }

  private onEnd(summary: InterchangeSummary): void {
    const serviceErrors: ValidationError[] = [];
    const check = (s: Segment | null): void => {
      if (s) for (const e of checkServiceSegment(s, summary.errors)) serviceErrors.push(e);
    };
    if (summary.header) check(this.openUnb);
    for (const s of this.groupSegments) check(s);
    if (summary.trailer) check(this.lastUnz);
    this.groupSegments = [];
    this.openUnb = null;
    this.lastUnz = null;
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
