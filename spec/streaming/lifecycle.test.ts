import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { validateFile, validateFileBatches } from '../../src/index.js';
import { FACES, drain } from './faces.js';

// Early exit, source errors and backpressure of every streaming face (docs/reading-and-writing.md).

const bytes = readFileSync('fixtures/batch-mixed.edi');
const CHUNK = 64;

/** A pull stream of `bytes` in 64-byte chunks, one per read(), counting what it has delivered. */
function counted(): { stream: Readable; delivered: () => number; total: number } {
  let next = 0;
  const stream = new Readable({
    highWaterMark: 1,
    read() {
      this.push(next < bytes.length ? bytes.subarray(next, (next += CHUNK)) : null);
    },
  });
  return { stream, delivered: () => Math.ceil(next / CHUNK), total: Math.ceil(bytes.length / CHUNK) };
}

/** A stream that delivers `good` chunks of 200 bytes, then fails with `failure`. */
function failing(good: number, failure: Error): Readable {
  let n = 0;
  return new Readable({
    read() {
      if (n < good) this.push(bytes.subarray(n * 200, ++n * 200));
      else this.destroy(failure);
    },
  });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('every streaming face', () => {
  it('destroys a Node stream and stops reading it when the caller breaks out early', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const source = counted();
      for await (const _ of face(source.stream)) break;
      await settle();
      expect(source.stream.destroyed, name).toBe(true);
      expect(source.delivered(), name).toBeLessThan(source.total);
    }
  });

  it('destroys the stream when the caller calls return() on the iterator', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const source = counted();
      const it = face(source.stream)[Symbol.asyncIterator]();
      await it.next();
      await it.return?.();
      expect(source.stream.destroyed, name).toBe(true);
      expect(await it.next(), name).toEqual({ done: true, value: undefined });
    }
  });

  it('cancels a web ReadableStream and finishes an async generator when the caller stops early', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      let cancelled = false;
      const web = new WebReadableStream<Uint8Array>(
        {
          pull: (controller) => controller.enqueue(new Uint8Array(bytes.subarray(0, 600))),
          cancel: () => void (cancelled = true),
        },
        { highWaterMark: 1 },
      );
      for await (const _ of face(web)) break;
      expect(cancelled, name).toBe(true);
      let finished = false;
      const generator = (async function* () {
        try {
          for (;;) yield bytes.subarray(0, 600);
        } finally {
          finished = true;
        }
      })();
      for await (const _ of face(generator)) break;
      expect(finished, name).toBe(true);
    }
  });

  it('rejects with the source\'s own error when the source fails part-way, never ending as if the input were complete', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const failure = new Error('disk gone');
      const seen: unknown[] = [];
      await expect(
        (async () => {
          for await (const x of face(failing(2, failure))) seen.push(x);
        })(),
        name,
      ).rejects.toBe(failure);
      // Nothing that closes the input (an interchange's end) was made up from the 400 bytes read.
      const flat = seen.flat() as Array<{ type?: string; tag?: string; outcome?: unknown }>;
      expect(flat.length, name).toBeGreaterThan(0);
      expect(flat.some((x) => x.type === 'end' || x.outcome !== undefined || x.tag === 'UNZ'), name).toBe(false);
    }
  });

  it('rejects when a stream is destroyed part-way without an error (premature close)', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      let n = 0;
      const cut = new Readable({
        read() {
          if (n < 2) this.push(bytes.subarray(n * 200, ++n * 200));
          else this.destroy();
        },
      });
      await expect(drain(face(cut)), name).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    }
  });

  it('rejects with the error of a failing async generator or web stream', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const failure = new Error('socket reset');
      const generator = (async function* () {
        yield bytes.subarray(0, 300);
        throw failure;
      })();
      await expect(drain(face(generator)), name).rejects.toBe(failure);
      const web = new WebReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(bytes.subarray(0, 300)));
          controller.error(failure);
        },
      });
      await expect(drain(face(web)), name).rejects.toBe(failure);
    }
  });

  it('pulls the source as the caller iterates: a slow caller holding the first answer has not made it read everything', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const source = counted();
      const it = face(source.stream)[Symbol.asyncIterator]();
      expect((await it.next()).done, name).toBe(false);
      // Give the stream every chance to read ahead on its own.
      for (let i = 0; i < 20; i++) await settle();
      // The first answer needs the first few chunks; the stream's own buffer (highWaterMark 1) one more.
      expect(source.delivered(), name).toBeLessThanOrEqual(4);
      expect(source.total, name).toBeGreaterThan(20);
      await it.return?.();
    }
  });
});

describe('validateFile on one thread', () => {
  const openFds = () => readdirSync('/proc/self/fd').length;

  it('closes the file when the caller stops early, with and without workers', async () => {
    // Warm up lazily opened descriptors (worker pools, module loads).
    for await (const _ of validateFile('fixtures/batch-mixed.edi')) break;
    const before = openFds();
    for (let i = 0; i < 10; i++) {
      for await (const _ of validateFile('fixtures/batch-mixed.edi')) break;
      for await (const _ of validateFileBatches('fixtures/batch-mixed.edi', { workers: 1 })) break;
      const it = validateFile('fixtures/batch-mixed.edi')[Symbol.asyncIterator]();
      await it.next();
      await it.return(undefined);
    }
    await settle();
    expect(openFds()).toBe(before);
    // A descriptor opened now gets the lowest free number: none was left behind.
    const fd = openSync('fixtures/batch-mixed.edi', 'r');
    closeSync(fd);
    expect(openFds()).toBe(before);
  });
});
