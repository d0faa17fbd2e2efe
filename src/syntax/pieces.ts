import { assertInputChunk } from './options.js';

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
 * Feeds every chunk of `source` to `consumer` in pieces of at most `size` and yields, after each
 * piece and after the end, what it produced; empty arrays are not yielded. The one loop under
 * `readSegmentBatches` and `validateStreamBatches`.
 */
export async function* feedInPieces<T>(source: AsyncIterable<Uint8Array | string>, size: number, consumer: PieceConsumer<T>): AsyncGenerator<T[]> {
  for await (const chunk of source) {
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
