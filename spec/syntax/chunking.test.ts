import fc from 'fast-check';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { EdifactSyntaxError, type ReadOptions, type Segment, createSegmentStream, parse, readSegmentBatches, readSegments, serializeToBytes } from '../../src/syntax/index.js';
import { arbLatin1Text, arbSegments, arbServiceChars, arbUnicodeText } from './arbitraries.js';

/** Splits bytes at the given cut points. */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of sorted) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

async function* chunks(parts: Uint8Array[]) {
  for (const p of parts) yield p;
}

async function streamed(parts: Uint8Array[], options: ReadOptions = {}) {
  const errors: EdifactSyntaxError[] = [];
  const segments: Segment[] = [];
  for await (const s of readSegments(chunks(parts), { ...options, errors: 'collect', onError: (e) => errors.push(e) })) segments.push(s);
  return { segments, errors };
}

const summarize = (errors: EdifactSyntaxError[]) => errors.map((e) => [e.code, e.offset, e.segmentNumber]);

/** Reading `bytes` from `parts` gives the segments and errors (code, offset, segment number) of parsing them whole. */
async function expectStreamedAsWhole(bytes: Uint8Array, parts: Uint8Array[], options: ReadOptions = {}): Promise<void> {
  const whole = parse(bytes, { ...options, errors: 'collect' });
  const stream = await streamed(parts, options);
  expect(stream.segments).toEqual(whole.segments);
  expect(summarize(stream.errors)).toEqual(summarize(whole.errors));
}

const arbInterchangeBytes = fc.oneof(
  // UNOC in syntax version 4 (a UNA may give a repetition separator), or changed to 3 after writing: the
  // UNB then makes that character data (error 20, the UNB split again), the same however split.
  fc.tuple(fc.option(arbServiceChars, { nil: undefined }), arbSegments(arbLatin1Text), fc.boolean()).map(([chars, body, three]) => {
    const bytes = serializeToBytes([{ tag: 'UNB', elements: [['UNOC', '4'], ['1'], ['2'], ['240101', '1200'], ['R']] }, ...body], { serviceChars: chars, newline: '\r\n' });
    const c = chars?.component ?? ':';
    return three ? Buffer.from(Buffer.from(bytes).toString('latin1').replace(`UNOC${c}4`, `UNOC${c}3`), 'latin1') : bytes;
  }),
  fc.tuple(fc.option(arbServiceChars, { nil: undefined }), arbSegments(arbUnicodeText)).map(([chars, body]) =>
    serializeToBytes([{ tag: 'UNB', elements: [['UNOY', '4'], ['1'], ['2'], ['20240101', '1200'], ['R']] }, ...body], { serviceChars: chars }),
  ),
);

describe('streaming equals whole-input parsing, however the input is split', () => {
  it('for valid interchanges (UNOC and UNOY, custom UNAs) split at random points', async () => {
    await fc.assert(
      fc.asyncProperty(arbInterchangeBytes, fc.array(fc.nat(), { maxLength: 12 }), (bytes, points) => expectStreamedAsWhole(bytes, cut(bytes, points))),
      { numRuns: 200 },
    );
  });

  it('with segments over the length limit skipped, release characters and all (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbInterchangeBytes, fc.integer({ min: 6, max: 40 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, maxSegmentLength, points) =>
        expectStreamedAsWhole(bytes, cut(bytes, points), { maxSegmentLength }),
      ),
      { numRuns: 300 },
    );
  });

  it('for 1-byte chunks', async () => {
    await fc.assert(
      fc.asyncProperty(arbInterchangeBytes, (bytes) => expectStreamedAsWhole(bytes, Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)))),
      { numRuns: 60 },
    );
  });

  it('for arbitrary bytes, errors included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), (bytes, points) => expectStreamedAsWhole(bytes, cut(bytes, points))),
      { numRuns: 300 },
    );
  });

  it('through the Node Transform face in a pipeline', async () => {
    const bytes = Buffer.from("UNA:+.? 'UNB+UNOC:3+1+2+240101:1200+R'BGM+A?'B'XYZ+1'", 'latin1');
    const got: Segment[] = [];
    const parts = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    await pipeline(Readable.from(parts), createSegmentStream(), async (source: AsyncIterable<Segment>) => {
      for await (const s of source) got.push(s);
    });
    expect(got).toEqual(parse(bytes).segments);
    expect(got[1]?.elements).toEqual([["A'B"]]);
  });

  it('yields batches per chunk from readSegmentBatches', async () => {
    const bytes = Buffer.from("AAA+1'BBB+2'CCC+3'", 'latin1');
    const batches: Segment[][] = [];
    for await (const b of readSegmentBatches(chunks([bytes.subarray(0, 12), bytes.subarray(12)]))) batches.push(b);
    expect(batches.map((b) => b.map((s) => s.tag))).toEqual([['AAA', 'BBB'], ['CCC']]);
  });

  it('accepts a web ReadableStream', async () => {
    const bytes = new TextEncoder().encode("AAA+1'BBB+2'");
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 5));
        controller.enqueue(bytes.subarray(5));
        controller.close();
      },
    });
    const tags: string[] = [];
    for await (const s of readSegments(web as unknown as AsyncIterable<Uint8Array>)) tags.push(s.tag);
    expect(tags).toEqual(['AAA', 'BBB']);
  });
});
