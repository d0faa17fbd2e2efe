import { EdifactSyntaxError, thrownFrom } from '../syntax/errors.js';
import { checkOptions, ERROR_HANDLING_CHECKS } from '../syntax/options.js';
import { feedInPieces, type StreamInput } from '../syntax/pieces.js';
import type { ErrorHandling } from '../syntax/read.js';
import { Tokenizer, type TokenizerLimits } from '../syntax/tokenizer.js';
import { EnvelopeAssembler, type EnvelopeHandler, type EnvelopeLimits } from './assembler.js';
import type { EdifactMessage, GroupHeader, Interchange, InterchangeHeader, InterchangeSummary } from './types.js';

/** Options of `parseInterchanges` and `readMessages`: the tokenizer's and the envelope's limits, and how errors are delivered. */
export type EnvelopeReadOptions = TokenizerLimits & EnvelopeLimits & ErrorHandling;

/** Everything in a whole input, held in memory. */
export interface ParsedInterchanges {
  /**
   * Every interchange, in input order. Messages or errors found outside any UNB … UNZ are held
   * in one whose `header` is `null`.
   */
  interchanges: Interchange[];
  /** Every error of every interchange and message, in input order. */
  errors: EdifactSyntaxError[];
}

function allErrors(ic: Interchange): EdifactSyntaxError[] {
  return [...ic.errors, ...ic.messages.flatMap((m) => m.errors)].sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
}

function inputLength(input: Uint8Array | string): number {
  return typeof input === 'string' ? input.length : input.byteLength;
}

/**
 * Parses a whole input into interchanges and messages with every envelope check applied.
 * In `throw` mode (default) the first error in input order is thrown; in `collect` mode errors
 * are returned, each also attached to its interchange or message.
 */
export function parseInterchanges(input: Uint8Array | string, options: EnvelopeReadOptions = {}): ParsedInterchanges {
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  const interchanges: Interchange[] = [];
  let current: Interchange | null = null;
  let groups: GroupHeader[] = [];
  let messages: EdifactMessage[] = [];
  const assembler = new EnvelopeAssembler(
    {
      groupStart: (g) => groups.push(g),
      message: (m) => messages.push(m),
      interchangeEnd: (summary) => {
        current = { ...summary, messages, groups };
        interchanges.push(current);
        messages = [];
        groups = [];
      },
    },
    options,
  );
  const tokenizer = new Tokenizer(assembler, options);
  tokenizer.write(input);
  tokenizer.end();
  assembler.end(inputLength(input));
  const errors = interchanges.flatMap(allErrors);
  if (options.errors !== 'collect' && errors.length > 0) throw thrownFrom(errors[0]!);
  if (options.errors === 'collect' && options.onError) errors.forEach(options.onError);
  return { interchanges, errors };
}

/** One event of `readMessages`. */
export type EnvelopeEvent =
  | {
      /** A UNB was read: an interchange starts. */
      type: 'interchange';
      /** The fields of the UNB. */
      header: InterchangeHeader;
    }
  | {
      /** A UNG was read: a functional group starts. */
      type: 'group';
      /** The fields of the UNG. */
      group: GroupHeader;
    }
  | {
      /** A message ended (its UNT, or the segment that shows its UNT is missing). */
      type: 'message';
      /** The message, UNH to UNT, with its own errors. */
      message: EdifactMessage;
    }
  | {
      /** An interchange ended: its UNZ, the next UNB, or the end of the input. Also comes, without an `interchange` event before it, for what was found outside any interchange. */
      type: 'end';
      /** Its counts, trailer and own errors (`header` `null` outside any interchange). */
      summary: InterchangeSummary;
    };

/** Input per batch of events (characters or bytes), as `readSegmentBatches` cuts its chunks. */
const BATCH_INPUT = 8 * 1024;

/** The errors an event carries (a message's, an interchange summary's). */
function eventErrors(event: EnvelopeEvent): readonly EdifactSyntaxError[] {
  return event.type === 'message' ? event.message.errors : event.type === 'end' ? event.summary.errors : [];
}

/**
 * Streams envelope events from any async iterable of chunks (or an iterable of them, or a whole
 * input; see {@link StreamInput}), holding the messages of one piece of up to 8 KiB of input at a
 * time: memory does not grow with the number of messages. Errors travel inside the events (each
 * message and interchange summary carries its own), so this face always collects; with
 * `errors: 'throw'` the iterator throws the first error instead. The source is read as the
 * caller iterates; stopping early destroys it, and an error of the source rejects the iteration.
 */
export async function* readMessages(source: StreamInput, options: EnvelopeReadOptions = {}): AsyncGenerator<EnvelopeEvent> {
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  let queue: EnvelopeEvent[] = [];
  const handler: EnvelopeHandler = {
    interchangeStart: (header) => queue.push({ type: 'interchange', header }),
    groupStart: (group) => queue.push({ type: 'group', group }),
    message: (message) => queue.push({ type: 'message', message }),
    interchangeEnd: (summary) => queue.push({ type: 'end', summary }),
  };
  const assembler = new EnvelopeAssembler(handler, options);
  const tokenizer = new Tokenizer(assembler, options);
  const strict = options.errors !== 'collect';
  let length = 0;
  const batches = feedInPieces(source, BATCH_INPUT, {
    write: (piece) => {
      length += piece.length;
      tokenizer.write(piece);
    },
    end: () => {
      tokenizer.end();
      assembler.end(length);
    },
    take: () => {
      const out = queue;
      queue = [];
      return out;
    },
  }, 'read');
  for await (const events of batches) {
    for (const event of events) {
      if (strict && eventErrors(event).length > 0) throw thrownFrom(eventErrors(event)[0]!);
      yield event;
    }
  }
}

export { EdifactSyntaxError };
