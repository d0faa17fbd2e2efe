import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type EdifactSyntaxError, type EnvelopeEvent, type ValidateOptions, parse, parseInterchanges, readMessages, readSegments, validate, validateStream } from '../../src/index.js';
import { drain } from './faces.js';

// The streaming faces answer as the whole-input faces do, for the fixtures — good, broken and
// invalid — however the input is cut into chunks (spec/syntax/chunking.test.ts does the same for
// generated input and the tokenizer alone).

const dirs = ['fixtures', 'fixtures/invalid', 'fixtures/broken'];
const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.edi')).map((f) => `${dir}/${f}`));
const contents = new Map(files.map((f) => [f, readFileSync(f)]));

/** `bytes` cut at `points`, as Buffers or as plain Uint8Array copies, empty chunks kept. */
function cut(bytes: Buffer, points: number[], plain: boolean): Uint8Array[] {
  const sorted = points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...sorted, bytes.length]) {
    const part = bytes.subarray(from, p);
    out.push(plain ? new Uint8Array(part) : part);
    from = p;
  }
  return out;
}

const errorSummary = (errors: readonly EdifactSyntaxError[]) => errors.map((e) => [e.code, e.offset, e.segmentNumber, e.tag, e.element, e.component, e.message]);
const options: ValidateOptions = {
  detail: 'segment',
  now: () => new Date('2024-11-20T12:00:00Z'),
  contrlReference: () => 'CONTRL1',
  replyReference: () => 'REPLY1',
};

const arbCut = fc.tuple(fc.constantFrom(...files), fc.array(fc.nat(), { maxLength: 10 }), fc.boolean());

describe('streaming faces equal the whole-input faces on the fixtures, cut anywhere (property)', () => {
  it(`has the fixtures (${files.length} files)`, () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it('readSegments equals parse', async () => {
    await fc.assert(
      fc.asyncProperty(arbCut, async ([file, points, plain]) => {
        const bytes = contents.get(file)!;
        const whole = parse(bytes, { errors: 'collect' });
        const errors: EdifactSyntaxError[] = [];
        const segments = await drain(readSegments(Readable.from(cut(bytes, points, plain)), { errors: 'collect', onError: (e) => errors.push(e) }));
        expect(segments).toEqual(whole.segments);
        expect(errorSummary(errors)).toEqual(errorSummary(whole.errors));
      }),
      { numRuns: 150 },
    );
  });

  it('readMessages equals parseInterchanges: the same messages and interchange summaries', async () => {
    await fc.assert(
      fc.asyncProperty(arbCut, async ([file, points, plain]) => {
        const bytes = contents.get(file)!;
        const whole = parseInterchanges(bytes, { errors: 'collect' });
        const events = (await drain(readMessages(cut(bytes, points, plain), { errors: 'collect' }))) as EnvelopeEvent[];
        const messages = events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
        const ends = events.flatMap((e) => (e.type === 'end' ? [e.summary] : []));
        expect(messages).toEqual(whole.interchanges.flatMap((ic) => ic.messages));
        expect(ends).toEqual(whole.interchanges.map(({ messages: _m, groups: _g, ...summary }) => summary));
        expect(errorSummary(messages.flatMap((m) => m.errors))).toEqual(errorSummary(whole.interchanges.flatMap((ic) => ic.messages.flatMap((m) => m.errors))));
      }),
      { numRuns: 150 },
    );
  });

  it('validateStream equals validate of the whole buffer', async () => {
    await fc.assert(
      fc.asyncProperty(arbCut, async ([file, points, plain]) => {
        const bytes = contents.get(file)!;
        const reports = await validate(bytes, options);
        const events = (await drain(validateStream(Readable.from(cut(bytes, points, plain)), options))) as Array<{ type: string; message?: unknown; outcome?: Record<string, unknown> }>;
        const outcomes = events.filter((e) => e.type === 'interchange').map((e) => e.outcome);
        expect(outcomes).toEqual(reports.map(({ messages: _m, ...outcome }) => outcome));
        expect(events.filter((e) => e.type === 'message').map((e) => e.message)).toEqual(reports.flatMap((r) => r.messages));
      }),
      { numRuns: 150 },
    );
  });
});
