/**
 * The validator's two faces: `validateStream` (an async generator of per-message results and
 * per-interchange outcomes, in input order, holding one message at a time) and `validate`
 * (everything collected, for convenience).
 */
import type { EdifactMessage, InterchangeHeader, InterchangeSummary } from '../envelope/types.js';
import { checkOptions } from '../syntax/options.js';
import { feedInPieces, type StreamInput } from '../syntax/pieces.js';
import type { Segment } from '../syntax/segment.js';
import { acceptedSyntaxIds, resolveProfiles, type CompiledProfile, type ProfileLookup } from './compile/profile.js';
import { ContrlBuilder } from './contrl.js';
import { createMemoryDuplicateStore, type DuplicateStore } from './duplicates.js';
import { compareErrors, fromSyntaxError } from './errors.js';
import { checkHeader } from './interchange.js';
import { validateMessage, type MessageEnvironment } from './message.js';
import { VALIDATE_OPTION_CHECKS } from './option-checks.js';
import { referenceGenerator } from './references.js';
import { buildContentErrorReply } from './reply.js';
import { EventSource, type SourceEvent } from './source.js';
import type { InterchangeReport, MessageStatus, ValidateOptions, ValidationError, ValidationEvent } from './types.js';

/** What `validate` and `validateStream` read: bytes, text, or chunks of either (as every streaming face). */
export type ValidationInput = StreamInput;

interface OpenInterchange {
  position: number;
  header: InterchangeHeader | null;
  errors: ValidationError[];
  contrl: ContrlBuilder;
  counts: Record<MessageStatus, number>;
  messageCount: number;
  environment: MessageEnvironment;
}

/** Input per tokenize-and-validate step (characters or bytes); whole inputs are cut alike. */
const FEED = 2 * 1024;

function senderPredicate(known: ValidateOptions['knownSenders']): ((s: string) => boolean) | undefined {
  if (known === undefined || typeof known === 'function') return known;
  const set = new Set(known);
  return (s) => set.has(s);
}

/** Per-run state shared by all interchanges of one input. */
/**
 * What one validation run resolves from its options once: profiles, duplicate store, clock,
 * reference generators, sender check, accepted syntax ids. Shared by the single-thread run and
 * the multi-thread merger, so both answer alike.
 */
export class RunSettings {
  readonly profiles: ProfileLookup;
  readonly duplicates: DuplicateStore;
  readonly now: () => Date;
  readonly contrlReference: () => string;
  readonly replyReference: () => string;
  readonly knownSender: ((s: string) => boolean) | undefined;
  readonly syntaxIds: ReadonlySet<string> | null;

  constructor(readonly options: ValidateOptions) {
    checkOptions(options, VALIDATE_OPTION_CHECKS, 'validate');
    this.profiles = resolveProfiles(options.profile);
    this.duplicates = options.duplicates ?? createMemoryDuplicateStore();
    this.now = options.now ?? (() => new Date());
    const generated = referenceGenerator(this.now);
    this.contrlReference = options.contrlReference ?? generated;
    this.replyReference = options.replyReference ?? options.contrlReference ?? generated;
    this.knownSender = senderPredicate(options.knownSenders);
    this.syntaxIds = acceptedSyntaxIds(this.profiles);
  }

  /** A new interchange's CONTRL builder and message counts. */
  protected opening(position: number, header: InterchangeHeader | null): ClosingInterchange {
    return { position, header, contrl: new ContrlBuilder(this.options.detail ?? 'interchange'), counts: { accepted: 0, rejected: 0, 'content-error': 0 } };
  }

  /** The UNB checks that take options: syntax ids, recipient, sender, duplicate interchange. */
  headerErrors(header: InterchangeHeader, unb: Segment | null): Promise<ValidationError[]> {
    return checkHeader(header, unb, { acceptedSyntaxIds: this.syntaxIds, ownVir: this.options.ownVir, knownSender: this.knownSender, duplicates: this.duplicates });
  }

  /** The duplicate store's verdict on a message (never a duplicate without sender or references). */
  seenMessage(header: InterchangeHeader | null, reference: string | null): boolean | Promise<boolean> {
    if (header === null || header.sender.id === '' || reference === null || reference === '') return false;
    return this.duplicates.seenMessage(header.sender.id, header.reference, reference);
  }

  /** The 12'er answering a content error, with the next reply reference and the clock. */
  reply(compiled: CompiledProfile | undefined, segments: readonly Segment[], header: InterchangeHeader, errors: ValidationError[]): string | null {
    if (compiled?.profile == null) return null;
    return buildContentErrorReply({ profile: compiled.profile, segments, header, errors, reference: this.replyReference(), now: this.now() });
  }
}

class Run extends RunSettings {
  position = -1;
  open: OpenInterchange | null = null;

  begin(header: InterchangeHeader | null): OpenInterchange {
    this.position++;
    this.open = { ...this.opening(this.position, header), errors: [], messageCount: 0, environment: this.environment(header) };
    return this.open;
  }

  private environment(header: InterchangeHeader | null): MessageEnvironment {
    return {
      header,
      profiles: this.profiles,
      captureSegments: this.options.captureSegments ?? false,
      reply:
        header === null || this.options.replies === false
          ? null
          : (compiled: CompiledProfile, message: EdifactMessage, errors: ValidationError[]) => this.reply(compiled, message.segments, header, errors),
    };
  }
}

async function onStart(run: Run, header: InterchangeHeader, unb: Segment | null): Promise<ValidationEvent> {
  const ic = run.begin(header);
  for (const e of await run.headerErrors(header, unb)) ic.errors.push(e);
  return { type: 'interchange-start', position: ic.position, header };
}

function onMessage(ic: OpenInterchange, m: EdifactMessage, duplicate: boolean): ValidationEvent {
  const report = validateMessage(m, ic.environment, duplicate);
  ic.contrl.addMessage(m.header, report);
  ic.counts[report.status]++;
  ic.messageCount++;
  return { type: 'message', position: ic.position, message: report };
}

function onEnd(run: Run, ic: OpenInterchange, summary: InterchangeSummary, serviceErrors: readonly ValidationError[]): ValidationEvent {
  const errors = ic.errors;
  for (const e of summary.errors) errors.push(fromSyntaxError(e, null));
  for (const e of serviceErrors) errors.push(e);
  run.open = null;
  return interchangeEvent(run, ic, errors, Math.max(summary.messageCount, ic.messageCount));
}

/** The part of an interchange both the single-thread run and the workers' merger close alike. */
export interface ClosingInterchange {
  position: number;
  header: InterchangeHeader | null;
  contrl: ContrlBuilder;
  counts: Record<MessageStatus, number>;
}

/** Closes an interchange: orders its errors, builds its CONTRL and the `interchange` event. */
export function interchangeEvent(settings: RunSettings, ic: ClosingInterchange, errors: ValidationError[], messageCount: number): ValidationEvent {
  errors.sort(compareErrors);
  const h = ic.header;
  const { contrl, accepted } = ic.contrl.finish(h === null ? null : { reference: h.reference, sender: h.sender, recipient: h.recipient, testIndicator: h.testIndicator }, errors, {
    reference: settings.contrlReference(),
    now: settings.now(),
  });
  return {
    type: 'interchange',
    outcome: {
      position: ic.position,
      interchange: {
        reference: h?.reference || null,
        sender: h?.sender.id || null,
        recipient: h?.recipient.id || null,
        syntax: h ? `${h.syntaxId}:${h.syntaxVersion}` : null,
        messageCount,
      },
      accepted,
      contrl,
      errors,
      counts: ic.counts,
      header: h,
    },
  };
}

/**
 * The events of one queued envelope event: synchronous unless the duplicate store answers with
 * a promise (then the caller awaits it).
 */
function handleSync(run: Run, event: SourceEvent, out: ValidationEvent[]): Promise<void> | undefined {
  if (event.type === 'start') return onStart(run, event.header, event.unb).then((ev) => void out.push(ev));
  let ic = run.open;
  if (ic === null) {
    ic = run.begin(null);
    out.push({ type: 'interchange-start', position: ic.position, header: null });
  }
  if (event.type === 'message') {
    const seen = run.seenMessage(ic.header, event.message.header.reference);
    if (typeof seen !== 'boolean') {
      const open = ic;
      return seen.then((duplicate) => void out.push(onMessage(open, event.message, duplicate)));
    }
    out.push(onMessage(ic, event.message, seen));
    return undefined;
  }
  out.push(onEnd(run, ic, event.summary, event.serviceErrors));
  return undefined;
}

/** Validates the queued events in order, collecting the resulting validation events. */
async function handleAll(run: Run, queued: readonly SourceEvent[]): Promise<ValidationEvent[]> {
  const out: ValidationEvent[] = [];
  for (const event of queued) {
    const pending = handleSync(run, event, out);
    if (pending) await pending;
  }
  return out;
}

/**
 * Validates EDIFACT input as it streams: yields `interchange-start`, then one `message` event
 * per message (every message exactly once, in input order, with its status, errors and, for
 * a content error, the ready 12'er), then the `interchange` outcome with its CONTRL. Holds
 * one message at a time: memory does not grow with the number of messages (in `message` and
 * `segment` CONTRL detail the UCM/UCS/UCD text of each message is kept until its UNZ).
 * For large inputs {@link validateStreamBatches} hands over the same events faster.
 *
 * @example
 * for await (const ev of validateStream(createReadStream('in.edi'), { ownVir: '22222222' })) {
 *   if (ev.type === 'interchange') await send(ev.outcome.contrl);
 * }
 */
export async function* validateStream(source: ValidationInput, options: ValidateOptions = {}): AsyncGenerator<ValidationEvent> {
  for await (const batch of validateStreamBatches(source, options)) yield* batch;
}

/**
 * {@link validateStream}'s events in arrays, one array per piece of input validated (a few
 * KiB; empty arrays are not yielded): the same events in the same order, without an awaited
 * promise per event, which costs more than validating a small message does.
 *
 * @example
 * for await (const events of validateStreamBatches(createReadStream('batch.edi'))) {
 *   for (const ev of events) if (ev.type === 'message' && ev.message.reply) await send(ev.message.reply);
 * }
 */
export async function* validateStreamBatches(source: ValidationInput, options: ValidateOptions = {}): AsyncGenerator<ValidationEvent[]> {
  const run = new Run(options);
  const events = new EventSource({ maxMessageSegments: options.maxMessageSegments, maxErrors: options.maxErrors });
  // Validated piece by piece: one piece's messages are all that is alive at a time.
  yield* feedInPieces(source, FEED, {
    write: (piece) => events.write(piece),
    end: () => events.end(),
    take: () => handleAll(run, events.take()),
  }, 'validate');
}

/**
 * Validates a whole input and returns one report per interchange, each with all its message
 * reports. Convenient for small inputs; use {@link validateStream} for large ones.
 *
 * @example
 * const [report] = await validate(readFileSync('in.edi'));
 * if (!report.accepted) console.log(report.contrl);
 */
export async function validate(input: ValidationInput, options: ValidateOptions = {}): Promise<InterchangeReport[]> {
  const out: InterchangeReport[] = [];
  let current: InterchangeReport | null = null;
  for await (const ev of validateStream(input, options)) {
    if (ev.type === 'interchange-start') {
      current = {
        position: ev.position,
        interchange: { reference: null, sender: null, recipient: null, syntax: null, messageCount: 0 },
        accepted: false,
        contrl: '',
        errors: [],
        counts: { accepted: 0, rejected: 0, 'content-error': 0 },
        header: ev.header,
        messages: [],
      };
      out.push(current);
    } else if (ev.type === 'message') {
      current?.messages.push(ev.message);
    } else if (current) {
      Object.assign(current, ev.outcome);
      current = null;
    }
  }
  return out;
}
