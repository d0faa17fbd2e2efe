import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { parse, readMessages, readSegmentBatches, readSegments, validate, validateStream, validateStreamBatches } from '../../src/index.js';
import { FACES, drain } from './faces.js';

// What every streaming face takes (docs/reading-and-writing.md, "What the streaming faces take").

const bytes = readFileSync('fixtures/batch-mixed.edi');
const latin1 = bytes.toString('latin1');

describe('the streaming faces take the same inputs', () => {
  it('a whole Buffer or string, as validateStream does (not iterated byte by byte or character by character)', async () => {
    const segments = parse(bytes).segments;
    for (const whole of [bytes, latin1]) {
      const tags: string[] = [];
      for await (const s of readSegments(whole)) tags.push(s.tag);
      expect(tags).toEqual(segments.map((s) => s.tag));
      const batches: number[] = [];
      for await (const b of readSegmentBatches(whole)) batches.push(b.length);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(segments.length);
      let messages = 0;
      for await (const ev of readMessages(whole)) if (ev.type === 'message') messages++;
      expect(messages).toBe(7);
    }
  });

  it('refuses what is no input with a TypeError naming the face, not a crash deep inside', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      for (const bad of [null, undefined, 5, {}]) {
        await expect(drain(face(bad as never)), `${name} ${String(bad)}`).rejects.toThrow(/^fp-edifact: \w+: input must be a string, a Uint8Array or an \(async\) iterable of them, got /);
      }
    }
  });

  it('refuses a chunk that is no string or bytes with a TypeError naming the chunk and its offset', async () => {
    for (const [name, face] of Object.entries(FACES)) {
      const source = Readable.from([bytes.subarray(0, 100), bytes.subarray(100, 250), 42, bytes.subarray(250)]);
      await expect(drain(face(source)), name).rejects.toThrow(
        new TypeError(`fp-edifact: ${name.startsWith('validate') ? 'validate' : 'read'}: input must be a string or a Uint8Array (e.g. a Buffer) in every chunk; chunk 3, at offset 250, is 42`),
      );
      // The stream is not read on after the refusal.
      expect(source.destroyed, name).toBe(true);
    }
  });

  it('take Uint8Array (non-Buffer) chunks, empty chunks anywhere, strings, async generators, arrays and web ReadableStreams alike', async () => {
    const parts = [0, 1, 37, 38, 38, 500, 1200, bytes.length].map((p, i, all) => (i === 0 ? null : bytes.subarray(all[i - 1], p))).slice(1) as Buffer[];
    const sources = (): Record<string, unknown> => ({
      'Uint8Array chunks': Readable.from(parts.map((p) => new Uint8Array(p)), { objectMode: true }),
      'empty chunks between': Readable.from(parts.flatMap((p) => [Buffer.alloc(0), p, new Uint8Array(0)]), { objectMode: true }),
      'async generator': (async function* () {
        for (const p of parts) yield p;
      })(),
      array: parts,
      'web ReadableStream': new WebReadableStream<Uint8Array>({
        start(controller) {
          for (const p of parts) controller.enqueue(new Uint8Array(p));
          controller.close();
        },
      }),
    });
    for (const [name, face] of Object.entries(FACES)) {
      const expected = await drain(face(bytes));
      for (const [kind, source] of Object.entries(sources())) expect(await drain(face(source as never)), `${name}: ${kind}`).toEqual(expected);
      // Text: the same answers when every character is one byte (Latin-1 decoded), offsets in characters.
      expect(await drain(face(Readable.from(parts.map((p) => p.toString('latin1'))))), `${name}: strings`).toEqual(expected);
    }
  });

  it('validate and validateStream share the input check', async () => {
    await expect(validate(null as never)).rejects.toThrow(/^fp-edifact: validate: input must be/);
    await expect(drain(validateStream(5 as never))).rejects.toThrow(/^fp-edifact: validate: input must be/);
    await expect(drain(validateStreamBatches([bytes, 5] as never))).rejects.toThrow(new RegExp(`chunk 2, at offset ${bytes.length}, is 5$`));
  });
});
