import { assertInputChunk, describeValue } from './options.js';

/**
 * What the streaming faces read: a whole input (bytes or text), or its chunks from any iterable
 * or async iterable — a Node readable stream, a web `ReadableStream`, an async generator, an
 * array. Chunks may split the input anywhere; all chunks of one input are bytes, or all text.
 */
export type StreamInput = Uint8Array | string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const isIterable = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' || typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function');

/**
 * The chunks of `input` (a whole input is one chunk), each checked: a value that is no input, or
 * a chunk that is neither text nor bytes, is a `TypeError` naming `where`, the chunk and the
 * offset it would start at — before anything of it is read.
 */
export function chunksOf(input: StreamInput, where: string): AsyncIterable<Uint8Array | string> {
  if (typeof input === 'string' || input instanceof Uint8Array) return checked([input], where);
  if (!isIterable(input)) throw new TypeError(`fp-edifact: ${where}: input must be a string, a Uint8Array or an (async) iterable of them, got ${describeValue(input)}`);
  return checked(input, where);
}

async function* checked(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, where: string): AsyncGenerator<Uint8Array | string> {
  let index = 0;
  let offset = 0;
  for await (const chunk of source) {
    index++;
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new TypeError(`fp-edifact: ${where}: input must be a string or a Uint8Array (e.g. a Buffer) in every chunk; chunk ${index}, at offset ${offset}, is ${describeValue(chunk)}`);
    }
    offset += chunk.length;
    yield chunk;
  }
}

/**
 * `chunk` in pieces of at most `size` characters or bytes (bytes as views, not copies); nothing
 * for an empty chunk. The streaming faces feed the tokenizer in small pieces and hand on what
 * each piece produced, so the segments alive at any moment — what a young-generation GC must
 * copy — stay few.
 */
export function* piecesOf<T extends Uint8Array | string>(chunk: T, size: number): Generator<T> {
  assertInputChunk(chunk);
  if (chunk.length <= size) {
    if (chunk.length > 0) yield chunk;
    return;
  }
  for (let from = 0; from < chunk.length; from += size) {
    yield (typeof chunk === 'string' ? chunk.slice(from, from + size) : (chunk as Uint8Array).subarray(from, from + size)) as T;
  }
}

/** A push parser driven by {@link feedInPieces}: what it produced is collected after each piece. */
export interface PieceConsumer<T> {
  write(piece: Uint8Array | string): void;
  end(): void;
  /** What the pieces written since the last call produced (empty when nothing). */
  take(): T[] | Promise<T[]>;
}

/**
 * Feeds every chunk of `input` (checked by {@link chunksOf}, `where` naming the face) to
 * `consumer` in pieces of at most `size` and yields, after each piece and after the end, what it
 * produced; empty arrays are not yielded. The one loop under every streaming face. The source is
 * pulled one chunk at a time as the caller iterates; when the caller stops early (`break`,
 * `return()`) or anything throws, the source's iterator is returned, which destroys a Node
 * stream and cancels a web stream.
 */
export async function* feedInPieces<T>(input: StreamInput, size: number, consumer: PieceConsumer<T>, where: string): AsyncGenerator<T[]> {
  for await (const chunk of chunksOf(input, where)) {
    for (const piece of piecesOf(chunk, size)) {
      consumer.write(piece);
      const out = await consumer.take();
      if (out.length > 0) yield out;
    }
  }
  consumer.end();
  const out = await consumer.take();
  if (out.length > 0) yield out;
}
