import { Transform, type TransformCallback } from 'node:stream';
import { thrownFrom, type EdifactSyntaxError } from './errors.js';
import type { Segment } from './segment.js';
import { checkOptions, describeValue, ERROR_HANDLING_CHECKS } from './options.js';
import { chunksOf, feedInPieces, piecesOf, type StreamInput } from './pieces.js';
import { Tokenizer, type TokenizerLimits } from './tokenizer.js';

/** How syntax errors are delivered. */
export interface ErrorHandling {
  /**
   * `throw` (default): stop at the first error by throwing it.
   * `collect`: keep going; errors are returned (`parse`) or passed to `onError` (streaming faces).
   */
  errors?: 'throw' | 'collect';
  /** Streaming faces in `collect` mode: receives each error as it is found. */
  onError?: (error: EdifactSyntaxError) => void;
}

/** Options of `parse`, `readSegments`, `readSegmentBatches` and `createSegmentStream`: the tokenizer's limits and how errors are delivered. */
export type ReadOptions = TokenizerLimits & ErrorHandling;
export type { StreamInput } from './pieces.js';

/** Input fed to the tokenizer per batch by the streaming faces (characters or bytes). */
const BATCH_INPUT = 8 * 1024;
/**
 * Slots a batch array starts with. Segments are stored by index and the array cut to length
 * once per batch: `push` on an array grown from empty cost a builtin call per segment and
 * several copies per batch (perf: ~3 % of tokenizing; cachegrind: −97 instructions per segment).
 */
const BATCH_SLOTS = 512;
/** What a piece without a whole segment produced (never handed out: empty batches are not yielded). */
const NOTHING: Segment[] = [];

/** Segments and errors of a whole input. */
export interface ParseResult {
  /** Every segment read, in input order; with `errors: 'collect'`, also those read after an error. */
  segments: Segment[];
  /** The syntax errors found, in input order: empty unless `errors: 'collect'` (by default the first one is thrown). */
  errors: EdifactSyntaxError[];
}

/** The error handler of a face (its options checked by the face first). */
function errorSink(options: ErrorHandling, collected?: EdifactSyntaxError[]): (error: EdifactSyntaxError) => void {
  if (options.errors === 'collect') {
    return (error) => {
      collected?.push(error);
      options.onError?.(error);
    };
  }
  return (error) => {
    throw thrownFrom(error);
  };
}

/**
 * Tokenizes a whole input (bytes or an already-decoded string) into segments.
 * For string input, offsets count characters instead of bytes.
 *
 * @example
 * const { segments } = parse("UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+1'UNZ+0+1'");
 */
export function parse(input: Uint8Array | string, options: ReadOptions = {}): ParseResult {
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  const segments: Segment[] = [];
  const errors: EdifactSyntaxError[] = [];
  const tokenizer = new Tokenizer({ segment: (s) => segments.push(s), error: errorSink(options, errors) }, options);
  tokenizer.write(input);
  tokenizer.end();
  return { segments, errors };
}

/**
 * Streams segments from any async iterable of chunks (a Node readable stream, a web
 * `ReadableStream`, an async generator), an iterable of them, or a whole input, yielding them in
 * arrays — one array per piece of up to 8 KiB (8 Ki characters for text) of each chunk — because
 * one promise per segment costs more than tokenizing it. Chunks may split the input anywhere.
 * Empty arrays are not yielded. The source is read as the caller iterates; stopping early
 * destroys it, and an error of the source rejects the iteration (see {@link StreamInput}).
 */
export async function* readSegmentBatches(source: StreamInput, options: ReadOptions = {}): AsyncGenerator<Segment[]> {
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  let batch: Segment[] = new Array(BATCH_SLOTS);
  let count = 0;
  const tokenizer = new Tokenizer({ segment: (s) => void (batch[count++] = s), error: errorSink(options) }, options);
  // Large chunks are fed in slices so a batch stays small: segments the consumer has not seen
  // yet are live objects every young-generation GC must copy, and copying is what GC costs.
  yield* feedInPieces(source, BATCH_INPUT, {
    write: (piece) => tokenizer.write(piece),
    end: () => tokenizer.end(),
    /** The segments read since the last batch, in an array of their exact length. */
    take: () => {
      if (count === 0) return NOTHING;
      const out = batch;
      if (count < out.length) out.length = count;
      batch = new Array(BATCH_SLOTS);
      count = 0;
      return out;
    },
  }, 'read');
}

/**
 * Streams segments to `onSegment`, each the moment it is read, and resolves once the whole input
 * has been read: no arrays and no promise per segment, so the fastest face (the tokenizer calls
 * back, as htmlparser2's does). `onSegment` is called synchronously and its result ignored; a
 * consumer that must await something per segment wants {@link readSegmentBatches}. The source is
 * read as fast as `onSegment` returns. To stop early, throw from `onSegment`: the promise rejects
 * with that error and the source is closed (a Node stream destroyed, a web stream cancelled).
 * In `throw` mode (the default) the first syntax error rejects it the same way, after the
 * segments before it; a failing source rejects it with the source's own error.
 *
 * @example
 * let messages = 0;
 * await forEachSegment(createReadStream('batch.edi'), (segment) => {
 *   if (segment.tag === 'UNH') messages++;
 * });
 */
export async function forEachSegment(source: StreamInput, onSegment: (segment: Segment) => void, options: ReadOptions = {}): Promise<void> {
  if (typeof onSegment !== 'function') throw new TypeError(`fp-edifact: read: onSegment must be a function, got ${describeValue(onSegment)}`);
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  const tokenizer = new Tokenizer({ segment: onSegment, error: errorSink(options) }, options);
  // Pieces, as the batch faces feed them: measured cheaper than whole 64 KiB chunks here too.
  for await (const chunk of chunksOf(source, 'read')) {
    for (const piece of piecesOf(chunk, BATCH_INPUT)) tokenizer.write(piece);
  }
  tokenizer.end();
}

/** Streams segments one by one. Convenient; `readSegmentBatches` or `forEachSegment` is faster for large files. */
export async function* readSegments(source: StreamInput, options: ReadOptions = {}): AsyncGenerator<Segment> {
  for await (const batch of readSegmentBatches(source, options)) yield* batch;
}

/**
 * A Node `Transform` for `pipeline()`: bytes (or strings) in, `Segment` objects out.
 * In `throw` mode the stream fails with the first `EdifactSyntaxError`.
 */
export function createSegmentStream(options: ReadOptions = {}): Transform {
  checkOptions(options, ERROR_HANDLING_CHECKS, 'read');
  let tokenizer: Tokenizer;
  const stream = new Transform({
    readableObjectMode: true,
    writableObjectMode: false,
    decodeStrings: false,
    transform(chunk: Uint8Array | string, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        tokenizer.write(chunk);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        tokenizer.end();
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
  tokenizer = new Tokenizer({ segment: (s) => stream.push(s), error: errorSink(options) }, options);
  return stream;
}
