/**
 * `chunk` in pieces of at most `size` characters or bytes (bytes as views, not copies); nothing
 * for an empty chunk. The streaming faces feed the tokenizer in small pieces and hand on what
 * each piece produced, so the segments alive at any moment — what a young-generation GC must
 * copy — stay few.
 */
export function* piecesOf<T extends Uint8Array | string>(chunk: T, size: number): Generator<T> {
  if (chunk.length <= size) {
    if (chunk.length > 0) yield chunk;
    return;
  }
  for (let from = 0; from < chunk.length; from += size) {
    yield (typeof chunk === 'string' ? chunk.slice(from, from + size) : (chunk as Uint8Array).subarray(from, from + size)) as T;
  }
}
