import { EdifactSyntaxError } from '../syntax/errors.js';
import { checkOptions, ERROR_HANDLING_CHECKS } from '../syntax/options.js';
import type { ErrorHandling } from '../syntax/read.js';
import { Tokenizer, type TokenizerLimits } from '../syntax/tokenizer.js';
import { EnvelopeAssembler, type EnvelopeHandler, type EnvelopeLimits } from './assembler.js';
import type { EdifactMessage, GroupHeader, Interchange, InterchangeHeader, InterchangeSummary } from './types.js';

export type EnvelopeReadOptions = TokenizerLimits & EnvelopeLimits & ErrorHandling;

/** Everything in a whole input, held in memory. */
export interface ParsedInterchanges {
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
  if (options.errors !== 'collect' && errors.length > 0) throw errors[0];
  if (options.errors === 'collect' && options.onError) errors.forEach(options.onError);
  return { interchanges, errors };
}

/** One event of `readMessages`. */
export type EnvelopeEvent =
  | { type: 'interchange'; header: InterchangeHeader }
  | { type: 'group'; group: GroupHeader }
  | { type: 'message'; message: EdifactMessage }
  | { type: 'end'; summary: InterchangeSummary };

/**
 * Streams envelope events from any async iterable of chunks, holding one message at a time:
 * memory does not grow with the number of messages. Errors travel inside the events (each message
 * and interchange summary carries its own), so this face always collects; with `errors: 'throw'`
 * the iterator throws the first error instead.
 */
export async function* readMessages(source: AsyncIterable<Uint8Array | string>, options: EnvelopeReadOptions = {}): AsyncGenerator<EnvelopeEvent> {
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
  const drain = function* (): Generator<EnvelopeEvent> {
    const out = queue;
    queue = [];
    for (const event of out) {
      if (strict) {
        const errors = event.type === 'message' ? event.message.errors : event.type === 'end' ? event.summary.errors : [];
        if (errors.length > 0) throw errors[0];
      }
      yield event;
    }
  };
  let length = 0;
  for await (const chunk of source) {
    length += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    tokenizer.write(chunk);
    if (queue.length > 0) yield* drain();
  }
  tokenizer.end();
  assembler.end(length);
  yield* drain();
}

export { EdifactSyntaxError };
