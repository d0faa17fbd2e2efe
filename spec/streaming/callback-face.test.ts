import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { EdifactSyntaxError, type ReadOptions, type Segment, forEachSegment, parse, serializeToBytes } from '../../src/index.js';
import { arbLatin1Text, arbSegments, arbServiceChars } from '../syntax/arbitraries.js';

// forEachSegment, the callback face (docs/reading-and-writing.md, "Streaming"): what the iterable
// faces promise in lifecycle.test.ts and inputs.test.ts, said the way a callback face can.

const bytes = readFileSync('fixtures/batch-mixed.edi');

/** Every segment forEachSegment hands over, and the errors it reports, in `collect` mode. */
async function collected(source: Parameters<typeof forEachSegment>[0], options: ReadOptions = {}) {
  const segments: Segment[] = [];
  const errors: EdifactSyntaxError[] = [];
  await forEachSegment(source, (s) => segments.push(s), { ...options, errors: 'collect', onError: (e) => errors.push(e) });
  return { segments, errors };
}

/** A pull stream of `bytes` in 64-byte chunks, counting what it has delivered. */
function counted(): { stream: Readable; delivered: () => number; total: number } {
  let next = 0;
  const stream = new Readable({
    highWaterMark: 1,
    read() {
      this.push(next < bytes.length ? bytes.subarray(next, (next += 64)) : null);
    },
  });
  return { stream, delivered: () => Math.ceil(next / 64), total: Math.ceil(bytes.length / 64) };
}

describe('forEachSegment', () => {
  it('hands over every segment of parse, in order, however the input is split (random cuts, custom UNAs, Latin-1)', async () => {
    const arbBytes = fc
      .tuple(fc.option(arbServiceChars, { nil: undefined }), arbSegments(arbLatin1Text))
      .map(([chars, body]) => serializeToBytes([{ tag: 'UNB', elements: [['UNOC', '4'], ['1'], ['2'], ['240101', '1200'], ['R']] }, ...body], { serviceChars: chars, newline: '\n' }));
    await fc.assert(
      fc.asyncProperty(arbBytes, fc.array(fc.nat(), { maxLength: 10 }), async (input, points) => {
        const cuts = [...new Set(points.map((p) => p % (input.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...cuts, input.length].slice(1).map((p, i, all) => input.subarray(i === 0 ? 0 : all[i - 1], p));
        const whole = parse(input, { errors: 'collect' });
        const read = await collected(Readable.from(parts.map((p) => Buffer.from(p))));
        expect(read.segments).toEqual(whole.segments);
        expect(read.errors.map((e) => [e.code, e.offset])).toEqual(whole.errors.map((e) => [e.code, e.offset]));
      }),
      { numRuns: 150 },
    );
  });

  it('reads a whole Buffer or string, arrays, async generators and web streams alike', async () => {
    const expected = parse(bytes).segments;
    const parts = [bytes.subarray(0, 37), bytes.subarray(37, 38), Buffer.alloc(0), bytes.subarray(38)];
    const sources: Record<string, Parameters<typeof forEachSegment>[0]> = {
      Buffer: bytes,
      array: parts,
      'async generator': (async function* () {
        yield* parts;
      })(),
      'web ReadableStream': new WebReadableStream<Uint8Array>({
        start(controller) {
          for (const p of parts) controller.enqueue(new Uint8Array(p));
          controller.close();
        },
      }),
    };
    for (const [kind, source] of Object.entries(sources)) expect((await collected(source)).segments, kind).toEqual(expected);
    expect((await collected(bytes.toString('latin1'))).segments.map((s) => s.tag)).toEqual(expected.map((s) => s.tag));
  });

  it('refuses a callback that is no function, no input, and a chunk that is no bytes, as TypeErrors naming them', async () => {
    await expect(forEachSegment(bytes, 'log' as never)).rejects.toThrow(new TypeError('fp-edifact: read: onSegment must be a function, got "log"'));
    await expect(forEachSegment(null as never, () => {})).rejects.toThrow(/^fp-edifact: read: input must be a string, a Uint8Array or an \(async\) iterable of them, got null$/);
    const source = Readable.from([bytes.subarray(0, 100), 42, bytes.subarray(100)]);
    await expect(forEachSegment(source, () => {})).rejects.toThrow('chunk 2, at offset 100, is 42');
    expect(source.destroyed).toBe(true);
    await expect(forEachSegment(bytes, () => {}, { errors: 'ignore' } as never)).rejects.toThrow(TypeError);
  });

  it('stops at an error thrown by the callback: rejects with it, and destroys the stream before it has all been read', async () => {
    const source = counted();
    const stop = new Error('enough');
    const tags: string[] = [];
    await expect(
      forEachSegment(source.stream, (s) => {
        tags.push(s.tag);
        if (s.tag === 'UNH') throw stop;
      }),
    ).rejects.toBe(stop);
    expect(tags).toEqual(['UNB', 'UNH']);
    expect(source.stream.destroyed).toBe(true);
    expect(source.delivered()).toBeLessThan(source.total);
  });

  it('in throw mode rejects with the first syntax error after the segments before it, and destroys the stream', async () => {
    // A malformed tag after the fifth segment: error 12 at that segment's first byte.
    let at = 0;
    for (let n = 0; n < 5; n++) at = bytes.indexOf("'", at) + 1;
    const broken = Buffer.concat([bytes.subarray(0, at), Buffer.from("b1+9'"), bytes.subarray(at)]);
    const whole = parse(broken, { errors: 'collect' });
    const first = whole.errors[0] as EdifactSyntaxError;
    const before = whole.segments.filter((s) => s.offset < at);
    const stream = Readable.from([broken]);
    const seen: Segment[] = [];
    const failure = await forEachSegment(stream, (s) => seen.push(s)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EdifactSyntaxError);
    expect((failure as EdifactSyntaxError).offset).toBe(at);
    expect(first.offset).toBe(at);
    expect(seen).toEqual(before);
    expect(stream.destroyed).toBe(true);
  });

  it('reports an unterminated last segment once the input has ended (throw and collect mode)', async () => {
    const cutShort = bytes.subarray(0, bytes.lastIndexOf("'"));
    const tags: string[] = [];
    const failure = await forEachSegment([cutShort], (s) => tags.push(s.tag)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EdifactSyntaxError);
    expect((failure as EdifactSyntaxError).message).toMatch(/the last segment is not terminated/);
    expect(tags).toEqual(parse(cutShort, { errors: 'collect' }).segments.map((s) => s.tag));
    expect((await collected([cutShort])).errors.map((e) => e.tag)).toEqual(['UNZ']);
  });

  it("rejects with a failing source's own error, having handed over only what was read and no UNZ", async () => {
    const failure = new Error('disk gone');
    let n = 0;
    const failing = new Readable({
      read() {
        if (n < 2) this.push(bytes.subarray(n * 200, ++n * 200));
        else this.destroy(failure);
      },
    });
    const tags: string[] = [];
    await expect(forEachSegment(failing, (s) => tags.push(s.tag))).rejects.toBe(failure);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags).not.toContain('UNZ');
  });
});
