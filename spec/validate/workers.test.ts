/**
 * `validateFile({ workers })`: the file cut into ranges validated apart and merged back must
 * give exactly the events of `validateStream` on the whole file — every message once, in
 * order, the same errors, offsets, CONTRLs and 12'ere, the same calls to the clock, the
 * reference generators and the duplicate store.
 *
 * The cutting and merging run on the calling thread from the sources (`validateFileWith(…,
 * 'inline')`: the same code the worker threads run, cloned as the threads' messages are); the
 * worker threads themselves run from the built package (`dist/`, `npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryDuplicateStore, type DuplicateStore } from '../../src/validate/duplicates.js';
import { validateStream } from '../../src/validate/stream.js';
import type { ValidateOptions, ValidationEvent } from '../../src/validate/types.js';
import type { RangeJob, RangeResult } from '../../src/validate/worker-protocol.js';
import { validateFileWith, type ValidateFileOptions } from '../../src/validate/workers.js';

/** Ranges `validate --workers` (validateCommand) merged from its threads: its validateFileBatches, observed. */
const cliRanges = vi.hoisted(() => ({ merged: 0 }));
vi.mock('../../src/validate/workers.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/validate/workers.js')>();
  return {
    ...actual,
    validateFileBatches: (path: string, options: ValidateFileOptions) =>
      actual.validateFileWith(path, options, 'threads', () => {
        cliRanges.merged++;
      }),
  };
});
import { FAKE_UNB, NOW, PLAIN_BATCH, dataAfterBgm, parseLines, runValidate } from './helpers.js';

type Generate = (o: { sizeMiB: number; seed?: number; newlines?: boolean | 'crlf'; out: string }) => { messages: number; interchanges: number };

const dir = mkdtempSync(join(tmpdir(), 'fp-workers-'));
let generate: Generate;

beforeAll(async () => {
  ({ generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate });
});

async function collect(events: AsyncIterable<ValidationEvent>): Promise<ValidationEvent[]> {
  const out: ValidationEvent[] = [];
  for await (const ev of events) out.push(ev);
  return out;
}

/** The events of a batch face, flattened; no batch may be empty. */
async function collectBatches(batches: AsyncIterable<ValidationEvent[]>): Promise<ValidationEvent[]> {
  const out: ValidationEvent[] = [];
  for await (const batch of batches) {
    expect(batch.length).toBeGreaterThan(0);
    for (const ev of batch) out.push(ev);
  }
  return out;
}

/** Same events, key order included (what the JSON report prints); on a difference, the first differing event. */
function expectSame(got: ValidationEvent[], want: ValidationEvent[]): void {
  const g = got.map((e) => JSON.stringify(e));
  const w = want.map((e) => JSON.stringify(e));
  const i = g.findIndex((x, k) => x !== w[k]);
  if (i !== -1) expect(got[i], `event ${i}`).toEqual(want[i]);
  expect(g.length).toBe(w.length);
  expect(g.join('\n') === w.join('\n')).toBe(true);
}

/** Every message once, in order: indexes 1…n per interchange, positions 0…m. */
function expectWellFormed(events: ValidationEvent[]): number {
  let position = -1;
  let index = 0;
  let messages = 0;
  for (const ev of events) {
    if (ev.type === 'interchange-start') {
      expect(ev.position).toBe(++position);
      index = 0;
    } else if (ev.type === 'message') {
      expect(ev.position).toBe(position);
      expect(ev.message.index).toBe(++index);
      messages++;
    } else {
      expect(ev.outcome.position).toBe(position);
      expect(ev.outcome.interchange.messageCount).toBe(index);
    }
  }
  return messages;
}

interface Cut {
  ranges: number;
  preludes: number;
  passed: string[];
}

/** `validateFileWith(…, 'inline')` and how the file was cut. */
async function inline(path: string, options: ValidateFileOptions): Promise<{ events: ValidationEvent[]; cut: Cut }> {
  const cut: Cut = { ranges: 0, preludes: 0, passed: [] };
  const observe = (job: RangeJob, result: RangeResult): void => {
    cut.ranges++;
    if (job.prelude) cut.preludes++;
    cut.passed.push(...result.mismatches);
  };
  const events = await collectBatches(validateFileWith(path, { workers: 2, minParallelBytes: 0, ...options }, 'inline', observe));
  return { events, cut };
}

async function reference(path: string, options: ValidateOptions): Promise<ValidationEvent[]> {
  return collect(validateStream(readFileSync(path), options));
}

function write(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  return path;
}

const fixtureFiles = (d: string): string[] =>
  readdirSync(d)
    .filter((f) => f.endsWith('.edi'))
    .sort()
    .map((f) => join(d, f));
const good = fixtureFiles('fixtures');
const corpus = [...good, ...fixtureFiles('fixtures/broken'), ...fixtureFiles('fixtures/invalid')];

/** A generated batch made into one interchange: the first UNA+UNB, every message, the last UNZ (its count now wrong). */
function oneInterchange(text: string): string {
  return text.split(/UNZ\+[^']*'(?:UNA.{6})?UNB\+[^']*'/).join('');
}

const customUna = readFileSync('fixtures/custom-una.edi', 'latin1');
const plainBatch = PLAIN_BATCH;
/** custom-una.edi with a second message, whose FTX holds "'UNB+…'" as data ("'" and "+" are no service characters under UNA|*,# ~). */
const unbInData = customUna
  .replace('Leasingaftale', "Leasingaftale'UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R1'")
  .replace(/(UNH\*1\*[\s\S]*UNT\*16\*)1~\n/, (block: string, head: string) => `${block}${block.replace('UNH*1*', 'UNH*2*').replace(`${head}1~`, `${head}2~`)}`)
  .replace('UNZ*1*', 'UNZ*2*');
/** {@link dataAfterBgm}, twice. */
const twice = (una: string, fit: (t: string) => string, data: string): string => dataAfterBgm(una, fit, data).repeat(2);
/**
 * Broken files around interchange ends, and whether the split finder misjudges a point in them
 * (a range then runs on past it).
 */
const BOUNDARY_FILES = {
  // UNZ, then a segment outside any interchange (read with the defaults), then an interchange without a UNA.
  'segments-after-unz': { text: (customUna + "FTX+AAA'\n" + plainBatch).repeat(3), runsOn: false },
  // An interchange under UNA:+,? ' without its UNZ: the next UNB (no UNA) is still read with its comma;
  // no range can start in it (a prelude of that UNB alone gives the defaults).
  'unclosed-una-comma': { text: "UNA:+,? '\n" + plainBatch.replace(/UNZ\+[^']*'\n/, '') + plainBatch + plainBatch, runsOn: false },
  // The same with another release character.
  'unclosed-una-release': { text: "UNA:+.! '\n" + plainBatch.replace('?+', '!+').replace(/UNZ\+[^']*'\n/, '') + plainBatch + plainBatch, runsOn: false },
  // "'UNB+…'" in data of an interchange under another terminator.
  'unb-in-data': { text: (unbInData + plainBatch).repeat(2), runsOn: false },
  'unb-in-data-tilde': { text: twice('UNA:+.? ~', (t) => t.replace(/'/g, '~'), `FTX+AAA+++X'${FAKE_UNB}'~`), runsOn: false },
  // "!'UNB+…'" in data under the release character '!'.
  'released-unb-in-data': { text: twice("UNA:+.! '", (t) => t.replace('?+', '!+'), `FTX+AAA+++X!'${FAKE_UNB}'`), runsOn: false },
  // "?'UNB+…'" under a UNA without a release character: a UNB, read with that UNA's characters.
  'unb-without-release': { text: twice("UNA:+.  '", (t) => t.replace('?+', ' '), `FTX+AAA+++X?'${FAKE_UNB}'`), runsOn: false },
  // "'UNA:+.? 'UNB+…'" in data under another terminator.
  'una-in-data': { text: twice('UNA:+.? ~', (t) => t.replace(/'/g, '~'), `FTX+AAA+++X'UNA:+.? '${FAKE_UNB}'~`), runsOn: false },
  // A UNZ, then more segments outside any interchange than the finder reads around a UNB (1,800 bytes).
  'long-segments-after-unz': { text: (customUna + "FTX+AAA'\n".repeat(200) + plainBatch).repeat(2), runsOn: false },
  // "'UNZ+…'UNB+…'" in data under another terminator: read blind, an interchange's end and the next one's start.
  // Telling it from a real one would mean reading the file back to the last accepted point (docs/performance.md).
  'unz-in-data': { text: twice('UNA:+.? ~', (t) => t.replace(/'/g, '~'), `FTX+AAA+++X'UNZ+1+R0'${FAKE_UNB}'~`), runsOn: true },
};

/**
 * `text` with some party ids broken — a policyholder's or debtor's CPR now and then on day 32, a
 * CVR with its check digit off by one — which makes warnings, not errors.
 */
function withBadIds(text: string): string {
  let n = 0;
  return text
    .replace(/(NAD\+(?:FT1|FT2|DEB)\+)\d\d(\d{8}::CPR)/g, (m, nad: string, rest: string) => (n++ % 3 === 0 ? `${nad}32${rest}` : m))
    .replace(/(NAD\+(?:FT1|FT2|DEB)\+\d{7})(\d)(::CVR)/g, (m, head: string, d: string, tail: string) => (n++ % 2 === 0 ? `${head}${(Number(d) + 1) % 10}${tail}` : m));
}

/** Messages of `events` with warnings, by status. */
function warned(events: ValidationEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) if (e.type === 'message' && e.message.warnings.length > 0) out[e.message.status] = (out[e.message.status] ?? 0) + 1;
  return out;
}

describe('validateFile: cutting and merging (on the calling thread)', () => {
  it('validates a file under the size threshold (default 32 MiB) on the calling thread, uncut', async () => {
    const file = 'fixtures/batch-mixed.edi';
    let ranges = 0;
    const count = () => void ranges++;
    const small = await collectBatches(validateFileWith(file, { now: NOW, workers: 2, chunkBytes: 400 }, 'inline', count));
    expect(ranges).toBe(0);
    expectSame(small, await reference(file, { now: NOW }));
    await collectBatches(validateFileWith(file, { now: NOW, workers: 2, chunkBytes: 400, minParallelBytes: 0 }, 'inline', count));
    expect(ranges).toBeGreaterThan(1);
  });

  it('gives the events of validateStream for every fixture and invalid-corpus file, cut at every message', async () => {
    let ranges = 0;
    for (const file of corpus) {
      const want = await reference(file, { now: NOW });
      for (const chunkBytes of [1, 60, 400]) {
        const { events, cut } = await inline(file, { now: NOW, chunkBytes });
        expectSame(events, want);
        ranges += cut.ranges;
      }
    }
    // Files of one message are cut before it at 1 and 60 bytes; most are under 400 bytes.
    expect(ranges).toBeGreaterThan(corpus.length * 4);
  });

  it('gives the same events for the good fixtures concatenated, under every CONTRL detail and option', async () => {
    const path = write('good.edi', Buffer.concat([...good, ...good].map((f) => readFileSync(f))));
    const optionSets: ValidateOptions[] = [
      { now: NOW },
      { now: NOW, detail: 'message', ownVir: '22222222', knownSenders: ['11111111', '22222222'] },
      { now: NOW, detail: 'segment', captureSegments: true },
      { now: NOW, replies: false, maxMessageSegments: 6 },
    ];
    for (const options of optionSets) {
      const want = await reference(path, options);
      expect(expectWellFormed(want)).toBeGreaterThan(40);
      for (const [workers, chunkBytes] of [
        [2, 1],
        [3, 150],
        [2, 2000],
      ] as const) {
        const { events, cut } = await inline(path, { ...options, workers, chunkBytes });
        expectSame(events, want);
        expect(cut.ranges).toBeGreaterThan(3);
      }
    }
  });

  it('calls the clock, the reference generators, knownSenders and an async duplicate store in the same order', async () => {
    // The corpus has content errors (12'ere: reply references) and repeats interchanges (26).
    const path = write('corpus-twice.edi', Buffer.concat([...corpus, ...corpus].map((f) => readFileSync(f))));
    const run = async (split: boolean): Promise<{ events: ValidationEvent[]; calls: string[] }> => {
      const calls: string[] = [];
      const store = createMemoryDuplicateStore();
      let minute = 0;
      let counter = 0;
      const duplicates: DuplicateStore = {
        seenInterchange: async (s, r) => (calls.push(`interchange ${s} ${r}`), store.seenInterchange(s, r)),
        seenMessage: (s, i, m) => (calls.push(`message ${s} ${i} ${m}`), m === '1' ? Promise.resolve(store.seenMessage(s, i, m)) : store.seenMessage(s, i, m)),
      };
      const options: ValidateOptions = {
        now: () => (calls.push('now'), new Date(Date.UTC(2024, 11, 1, 10, minute++))),
        contrlReference: () => (calls.push('contrl ref'), `C${++counter}`),
        replyReference: () => (calls.push('reply ref'), `R${++counter}`),
        knownSenders: (s) => (calls.push(`sender ${s}`), s !== '11111111'),
        duplicates,
      };
      const events = split ? (await inline(path, { ...options, chunkBytes: 100 })).events : await reference(path, options);
      return { events, calls };
    };
    const want = await run(false);
    const got = await run(true);
    expectSame(got.events, want.events);
    expect(got.calls).toEqual(want.calls);
    expect(want.calls.filter((c) => c === 'reply ref').length).toBeGreaterThan(0);
  });

  it('splits a generated batch at its ends only, with the same events', async () => {
    const path = join(dir, 'batch.edi');
    const counts = generate({ sizeMiB: 3, seed: 3, newlines: 'crlf', out: path });
    const want = await reference(path, { now: NOW });
    expect(expectWellFormed(want)).toBe(counts.messages);
    const { events, cut } = await inline(path, { now: NOW, workers: 3, chunkBytes: 200_000 });
    expectSame(events, want);
    expect(cut.ranges).toBeGreaterThan(10);
    expect(cut.passed).toEqual([]);
  });

  it('cuts where the tokenizer skips blanks between segments, and after a UNA whose terminator is a line feed', async () => {
    const generated = join(dir, 'for-blanks.edi');
    generate({ sizeMiB: 1, seed: 4, newlines: true, out: generated });
    const text = readFileSync(generated, 'latin1');
    const variants = {
      // A space is a gap while the repetition separator is unused (the UNA's fifth character is a space).
      blanks: text.replace(/'\n/g, "' \t\n"),
      // The UNA's last character is the line feed that ends every segment: nothing to skip after it.
      'lf-terminator': text.replace(/UNA:\+\.\? '\n/g, '\u0000').replace(/\?'/g, "'").replace(/'\n/g, '\n').replace(/\u0000/g, 'UNA:+.? \n'),
    };
    for (const [name, variant] of Object.entries(variants)) {
      const path = write(`${name}.edi`, variant);
      const want = await reference(path, { now: NOW });
      expect(expectWellFormed(want), name).toBeGreaterThan(1000);
      expect(want.every((e) => e.type !== 'message' || e.message.status === 'accepted'), name).toBe(true);
      const { events, cut } = await inline(path, { now: NOW, workers: 3, chunkBytes: 40_000 });
      expectSame(events, want);
      expect(cut.ranges, name).toBeGreaterThan(10);
      expect(cut.passed, name).toEqual([]);
    }
  });

  it('splits one big interchange at its messages: duplicates across ranges, UNZ count over all ranges, content errors with 12\'ere', async () => {
    const generated = join(dir, 'for-one.edi');
    generate({ sizeMiB: 2, seed: 6, out: generated });
    const path = write('one.edi', oneInterchange(readFileSync(generated, 'latin1')));
    for (const options of [{ now: NOW }, { now: NOW, detail: 'segment', captureSegments: true } satisfies ValidateOptions]) {
      const want = await reference(path, options);
      const [outcome] = want.filter((e) => e.type === 'interchange').map((e) => (e as { outcome: { errors: { code: string }[] } }).outcome);
      expect(outcome!.errors.map((e) => e.code)).toContain('29');
      const statuses = want.flatMap((e) => (e.type === 'message' ? [e.message] : []));
      expect(statuses.some((m) => m.errors.some((x) => x.code === '26'))).toBe(true);
      expect(statuses.some((m) => m.reply !== null)).toBe(true);
      const { events, cut } = await inline(path, { ...options, chunkBytes: 64 * 1024 });
      expectSame(events, want);
      expect(cut.preludes).toBeGreaterThan(10);
      expect(cut.passed).toEqual([]);
    }
  });

  it('gives the same events for broken files: UNZ counts, duplicate references, bad bytes, missing UNT/UNZ near the split points', async () => {
    const generated = join(dir, 'for-broken.edi');
    generate({ sizeMiB: 1, seed: 9, newlines: true, out: generated });
    const text = readFileSync(generated, 'latin1');
    const edits: Array<[string, (t: string) => string]> = [
      ['unz-count', (t) => t.replace(/UNZ\+(\d+)\+/g, (_, n: string) => `UNZ+${Number(n) + 1}+`)],
      ['unh-reference-1', (t) => t.replace(/UNH\+\d+\+/g, 'UNH+1+')],
      ['bad-bytes', (t) => t.replace(/BGM\+/g, (m, at: number) => (at % 7 === 0 ? 'BGM\x01+' : m))],
      ['no-unt', (t) => t.replace(/UNT\+[^']*'\n/g, (m, at: number) => (at % 3 === 0 ? '' : m))],
      ['no-unz', (t) => t.replace(/UNZ\+[^']*'\n/g, (m, at: number) => (at % 2 === 0 ? '' : m))],
      ['no-una', (t) => t.replace(/UNA:\+\.\? '\n/g, '')],
      ['outside', (t) => t.replace(/UNT\+[^']*'\n/g, (m, at: number) => (at % 5 === 0 ? `${m}FTX+AAA'\n` : m))],
      ['one', (t) => oneInterchange(t)],
      ['bom-one', (t) => `\xEF\xBB\xBF${oneInterchange(t)}`],
    ];
    for (const [name, edit] of edits) {
      const path = write(`${name}.edi`, edit(text));
      const want = await reference(path, { now: NOW });
      expectWellFormed(want);
      for (const chunkBytes of [3000, 40_000]) {
        const { events } = await inline(path, { now: NOW, workers: 3, chunkBytes });
        expectSame(events, want);
      }
    }
  });

  it('carries the warnings of bad CPRs and CVRs across ranges, also of duplicate (26) messages, with their segments', async () => {
    const generated = join(dir, 'for-warnings.edi');
    generate({ sizeMiB: 1, seed: 14, newlines: true, out: generated });
    const text = withBadIds(readFileSync(generated, 'latin1'));
    // Every message of an interchange numbered 1 (UNH and UNT): all but the first are duplicates (26).
    const variants = { ids: text, 'ids-one-reference': text.replace(/UNH\+\d+\+/g, 'UNH+1+').replace(/(UNT\+\d+)\+\d+'/g, "$1+1'") };
    for (const [name, variant] of Object.entries(variants)) {
      const path = write(`${name}.edi`, variant);
      for (const options of [{ now: NOW }, { now: NOW, detail: 'segment', captureSegments: true } satisfies ValidateOptions]) {
        const want = await reference(path, options);
        const counts = warned(want);
        expect(counts[name === 'ids' ? 'accepted' : 'rejected'] ?? 0, name).toBeGreaterThan(100);
        const { events } = await inline(path, { ...options, workers: 3, chunkBytes: 20_000 });
        expectSame(events, want);
      }
    }
  });

  it('cuts at every interchange and message after an interchange with a UNA of its own, whose characters end at its UNZ', async () => {
    // UNA|*,# ~ (custom-una), then an interchange without a UNA (the defaults after the UNZ), three times.
    const plain = PLAIN_BATCH;
    const path = write('custom-then-plain.edi', (readFileSync('fixtures/custom-una.edi', 'latin1') + plain).repeat(3));
    const want = await reference(path, { now: NOW });
    expect(expectWellFormed(want)).toBe(3 * (1 + 7));
    const { events, cut } = await inline(path, { now: NOW, workers: 2, chunkBytes: 1 });
    expectSame(events, want);
    // A range from every interchange and message start: 29 cuts.
    expect(cut.ranges).toBe(3 * (1 + 1 + 1 + 7) - 1 + 1);
    expect(cut.passed).toEqual([]);
  });

  it('gives the same events for a UNA inside a message, in a range that starts at a later message of its interchange (its prelude counts the segments anew)', async () => {
    // Message 3 of 7 holds the UNA: the tokenizer numbers it by the range's own count, the report by neither.
    const path = write('una-inside.edi', readFileSync('fixtures/invalid/c33-una-inside-message.edi', 'latin1').repeat(2));
    for (const options of [{ now: NOW }, { now: NOW, detail: 'segment', captureSegments: true } satisfies ValidateOptions]) {
      const want = await reference(path, options);
      const rejected = want.flatMap((e) => (e.type === 'message' && e.message.status === 'rejected' ? [e.message] : []));
      expect(rejected.map((m) => [m.index, m.errors.map((x) => [x.code, x.segment, x.segmentPosition])])).toEqual([
        [3, [['33', 'UNA', null]]],
        [3, [['33', 'UNA', null]]],
      ]);
      for (const chunkBytes of [1, 300]) {
        const { events, cut } = await inline(path, { ...options, chunkBytes });
        expectSame(events, want);
        expect(cut.preludes).toBeGreaterThan(2);
        expect(cut.passed).toEqual([]);
      }
    }
  });

  describe('broken files around interchange ends: what the split finder misjudges costs parallelism, never correctness', () => {
    it('gives the events of one thread, cut at every point the finder proposes', async () => {
      for (const [name, { text, runsOn }] of Object.entries(BOUNDARY_FILES)) {
        const path = write(`${name}.edi`, text);
        for (const options of [{ now: NOW }, { now: NOW, detail: 'segment', captureSegments: true } satisfies ValidateOptions]) {
          const want = await reference(path, options);
          expect(expectWellFormed(want), name).toBeGreaterThan(10);
          let passed = 0;
          for (const chunkBytes of [1, 60, 400]) {
            const { events, cut } = await inline(path, { ...options, chunkBytes });
            expectSame(events, want);
            passed += cut.passed.length;
            if (chunkBytes === 1) expect(cut.ranges, name).toBeGreaterThan(3);
          }
          // Where the finder misjudges, a range runs on past the point (the previous range's pipeline decides).
          if (runsOn) expect(passed, name).toBeGreaterThan(0);
          else expect(passed, name).toBe(0);
        }
      }
    });

    it('splits the interchange after the segments that follow a UNZ at its UNB and every message', async () => {
      const { text } = BOUNDARY_FILES['segments-after-unz'];
      const path = write('segments-after-unz.edi', text);
      const { cut } = await inline(path, { now: NOW, chunkBytes: 1 });
      // A range from every interchange and message start (as without the FTX): 30.
      expect(cut.ranges).toBe(3 * (1 + 1 + 1 + 7) - 1 + 1);
      expect(cut.passed).toEqual([]);
    });
  });

  it('lets a range run on past a split point that does not check out', async () => {
    // The UNZ lost its terminator: "UNA:+.? '" is the rest of the UNZ segment, not a service string advice.
    const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
    const broken = motor.replace(/(UNZ\+[^']*)'/, '$1');
    const path = write('run-on.edi', motor + broken + motor + motor);
    const want = await reference(path, { now: NOW });
    const { events, cut } = await inline(path, { now: NOW, chunkBytes: 100 });
    expectSame(events, want);
    expect(cut.passed.length).toBeGreaterThan(0);
  });

  it('never cuts inside a functional group', async () => {
    const group = readFileSync('fixtures/functional-group.edi');
    const path = write('groups.edi', Buffer.concat([group, group, group]));
    const { events, cut } = await inline(path, { now: NOW, chunkBytes: 1 });
    expectSame(events, await reference(path, { now: NOW }));
    expect(cut.ranges).toBeGreaterThanOrEqual(3);
    expect(cut.passed).toEqual([]);
  });

  describe('a file that changes size while it is validated (size from stat before the ranges)', () => {
    /** Runs the inline cut of a fresh copy of the good fixtures, calling `change` once, after range 0 is merged; its error or `null`. */
    async function changing(name: string, change: (path: string, size: number) => void): Promise<{ error: Error | null; messages: number; ranges: number }> {
      const bytes = Buffer.concat([...good, ...good].map((f) => readFileSync(f)));
      const path = write(name, bytes);
      let ranges = 0;
      let messages = 0;
      const observe = (): void => {
        if (ranges++ === 0) change(path, bytes.length);
      };
      try {
        for await (const batch of validateFileWith(path, { now: NOW, workers: 2, minParallelBytes: 0, chunkBytes: 150 }, 'inline', observe)) {
          for (const ev of batch) if (ev.type === 'message') messages++;
        }
      } catch (err) {
        return { error: err as Error, messages, ranges };
      }
      return { error: null, messages, ranges };
    }

    it('a file that shrinks: an error naming the path and that it changed size, not a shorter set of results', async () => {
      const got = await changing('shrinks.edi', (path, size) => truncateSync(path, Math.floor(size / 2)));
      expect(got.ranges).toBe(1);
      expect(got.error?.message).toContain(join(dir, 'shrinks.edi'));
      expect(got.error?.message).toMatch(/changed size during validation/);
    });

    it('a file that grows: an error naming the path, not results that leave out what was appended', async () => {
      const got = await changing('grows.edi', (path) => appendFileSync(path, readFileSync('fixtures/batch-mixed.edi')));
      expect(got.ranges).toBeGreaterThan(3);
      expect(got.error?.message).toContain(join(dir, 'grows.edi'));
      expect(got.error?.message).toMatch(/changed size during validation/);
    });

    it('a file whose size stays the same validates as before', async () => {
      const got = await changing('stays.edi', () => {});
      expect(got.error).toBeNull();
      expect(got.messages).toBe(expectWellFormed(await reference(join(dir, 'stays.edi'), { now: NOW })));
    });
  });

  it('gives the same events for randomly damaged concatenations (property)', async () => {
    const snippets = ["'", '?', "?'", '\r\n', "UNH+1+OPSIGE:1:911:UN'", "UNA:+.? '", "UNA|^.? ~", "UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R1'", "UNZ+1+R1'", "UNT+2+1'", "UNG+X+1+2+240101:1200+G1'", "UNE+1+G1'", '\xff', 'UNH', "BGM+9'"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...corpus), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...snippets)), { maxLength: 5 }),
        fc.constantFrom(1, 7, 60, 300),
        async (files, inserts, chunkBytes) => {
          let text = files.map((f) => readFileSync(f, 'latin1')).join('');
          for (const [at, s] of inserts) text = text.slice(0, at % (text.length + 1)) + s + text.slice(at % (text.length + 1));
          const path = write('damaged.edi', text);
          const want = await reference(path, { now: NOW });
          const { events } = await inline(path, { now: NOW, workers: 3, chunkBytes });
          expectSame(events, want);
        },
      ),
      { numRuns: 150, seed: 20241201 },
    );
  });
});

describe('validateFile with worker threads (the built package)', () => {
  type Api = typeof import('../../src/validate/index.js');
  let api: Api;
  let batch: string;
  let one: string;
  let badIds: string;

  beforeAll(async () => {
    if (!existsSync('dist/validate-worker.js') || !existsSync('dist/validate-worker.cjs')) throw new Error('build the package first (npx tsup): the worker threads run dist/validate-worker.js');
    api = (await import(pathToFileURL(resolve('dist/index.js')).href)) as Api;
    batch = join(dir, 'threads-batch.edi');
    generate({ sizeMiB: 3, seed: 11, out: batch });
    const generated = join(dir, 'threads-for-one.edi');
    generate({ sizeMiB: 2, seed: 12, newlines: true, out: generated });
    one = write('threads-one.edi', oneInterchange(readFileSync(generated, 'latin1')));
    const forIds = join(dir, 'threads-for-ids.edi');
    generate({ sizeMiB: 2, seed: 15, newlines: true, out: forIds });
    badIds = write('threads-ids.edi', withBadIds(readFileSync(forIds, 'latin1')));
  });

  const run = async (path: string, options: ValidateFileOptions): Promise<ValidationEvent[]> =>
    collect(api.validateFile(path, { now: NOW, minParallelBytes: 0, chunkBytes: 256 * 1024, ...options }));

  it('yields the same events with 2 and 3 workers as with 1', async () => {
    for (const path of [batch, one]) {
      const want = await run(path, { workers: 1 });
      expectWellFormed(want);
      expectSame(await run(path, { workers: 2 }), want);
      expectSame(await collectBatches(api.validateFileBatches(path, { now: NOW, minParallelBytes: 0, chunkBytes: 256 * 1024, workers: 2 })), want);
      expectSame(await run(path, { workers: 3, chunkBytes: 100_000, detail: 'segment', captureSegments: true }), await run(path, { workers: 1, detail: 'segment', captureSegments: true }));
    }
  });

  it('yields the same events with 2 workers as with 1 for interchanges with and without a UNA of their own', async () => {
    const plain = PLAIN_BATCH;
    const path = write('threads-custom-then-plain.edi', (readFileSync('fixtures/custom-una.edi', 'latin1') + plain).repeat(3));
    const want = await run(path, { workers: 1 });
    expect(expectWellFormed(want)).toBe(3 * (1 + 7));
    expectSame(await run(path, { workers: 2, chunkBytes: 200 }), want);
  });

  it('yields the same events with 2 workers as with 1 for a UNA inside a message', async () => {
    const path = write('threads-una-inside.edi', readFileSync('fixtures/invalid/c33-una-inside-message.edi', 'latin1').repeat(3));
    for (const options of [{}, { detail: 'segment', captureSegments: true } satisfies ValidateFileOptions]) {
      const want = await run(path, { workers: 1, ...options });
      expect(want.filter((e) => e.type === 'message' && e.message.errors.some((x) => x.code === '33')).length).toBe(3);
      expectSame(await run(path, { workers: 2, chunkBytes: 300, ...options }), want);
    }
  });

  it('yields the same events with 2 workers as with 1 for broken files around interchange ends', async () => {
    for (const [name, { text }] of Object.entries(BOUNDARY_FILES)) {
      const path = write(`threads-${name}.edi`, text);
      const want = await run(path, { workers: 1 });
      expect(expectWellFormed(want)).toBeGreaterThan(10);
      expectSame(await run(path, { workers: 2, chunkBytes: 200 }), want);
    }
  });

  it('yields the same warnings with 2 workers as with 1', async () => {
    for (const options of [{}, { detail: 'segment', captureSegments: true } satisfies ValidateFileOptions]) {
      const want = await run(badIds, { workers: 1, ...options });
      expect(warned(want).accepted ?? 0).toBeGreaterThan(100);
      expectSame(await run(badIds, { workers: 2, ...options }), want);
    }
  });

  it('works from the CommonJS build', () => {
    const script = `
      const { validateFile, toJsonReport } = require('./dist/index.cjs');
      (async () => {
        let out = '';
        let messages = [];
        for await (const ev of validateFile(process.argv[1], { workers: Number(process.argv[2]), minParallelBytes: 0, chunkBytes: 256 * 1024, now: () => new Date('2024-12-01T10:00:00Z') })) {
          if (ev.type === 'message') messages.push(ev.message);
          else if (ev.type === 'interchange') {
            out += JSON.stringify(toJsonReport({ ...ev.outcome, messages })) + '\\n';
            messages = [];
          }
        }
        process.stdout.write(require('crypto').createHash('sha256').update(out).digest('hex'));
      })();`;
    const hash = (workers: number) => execFileSync(process.execPath, ['-e', script, one, String(workers)], { encoding: 'utf8' });
    expect(hash(2)).toBe(hash(1));
  });

  it('starts no more threads than the machine has CPUs, whatever workers asks for', async () => {
    // Counts the Worker constructions of the CommonJS build (it reads the constructor at each call).
    const script = `
      const threads = require('worker_threads');
      const Real = threads.Worker;
      let started = 0;
      threads.Worker = class extends Real { constructor(...a) { super(...a); started++; } };
      const { validateFile } = require('./dist/index.cjs');
      (async () => {
        let messages = 0;
        for await (const ev of validateFile(process.argv[1], { workers: 16, minParallelBytes: 0, chunkBytes: 64 * 1024 })) if (ev.type === 'message') messages++;
        process.stdout.write(JSON.stringify({ started, messages }));
      })();`;
    const got = JSON.parse(execFileSync(process.execPath, ['-e', script, batch], { encoding: 'utf8' })) as { started: number; messages: number };
    // On one CPU the file stays on the calling thread (no thread at all).
    if (availableParallelism() > 1) expect(got.started).toBeGreaterThan(0);
    expect(got.started).toBeLessThanOrEqual(availableParallelism() > 1 ? availableParallelism() : 0);
    expect(got.messages).toBe(expectWellFormed(await run(batch, { workers: 1 })));
  });

  it('stops its workers when the caller stops early', async () => {
    let seen = 0;
    for await (const ev of api.validateFile(batch, { workers: 2, minParallelBytes: 0, chunkBytes: 256 * 1024 })) if (ev.type === 'message' && ++seen === 10) break;
    expect(seen).toBe(10);
  });

  it('validate --workers: the same JSON Lines and exit code, the file cut into ranges on threads; standard input stays on one thread', async () => {
    // One interchange of ~1 MiB, cut into ranges at its messages as a file of 32 MiB and more is by default.
    const generated = join(dir, 'cli-for-one.edi');
    generate({ sizeMiB: 1, seed: 13, out: generated });
    const big = write('cli-one.edi', oneInterchange(readFileSync(generated, 'latin1')));
    const bytes = readFileSync(big);
    const cut = { minParallelBytes: 0, chunkBytes: 128 * 1024 };
    for (const format of ['json', 'text'] as const) {
      cliRanges.merged = 0;
      const single = await runValidate(bytes, { format, path: big, workers: 1, ...cut });
      expect(cliRanges.merged).toBe(0);
      const multi = await runValidate(bytes, { format, path: big, workers: 2, ...cut });
      expect(cliRanges.merged).toBeGreaterThan(3);
      expect(multi.stderr).toBe('');
      expect(multi.code).toBe(single.code);
      expect(multi.stdout === single.stdout).toBe(true);
      if (format === 'json') expect(parseLines(multi.stdout).length).toBe(1);
    }
    const stdin = await runValidate(readFileSync('fixtures/batch-mixed.edi'), { path: '-', workers: 2 });
    expect(stdin.stderr).toMatch(/--workers 2 needs a file; validating standard input on one thread/);
    expect(stdin.stdout).toBe((await runValidate(readFileSync('fixtures/batch-mixed.edi'))).stdout);
    expect((await runValidate(bytes, { path: big, workers: 0 })).code).toBe(2);
  });
});
