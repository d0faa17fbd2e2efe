/**
 * `maxErrors` in the validator: an interchange's or a message's flood of errors is cut at the
 * limit with one notice (18), the CONTRL and its UCI are those of the whole list, and
 * `validateFile` on worker ranges cuts exactly where one thread does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { validate, validateStream } from '../../src/validate/index.js';
import type { ValidateOptions, ValidationError, ValidationEvent } from '../../src/validate/types.js';
import { validateFileWith, type ValidateFileOptions } from '../../src/validate/workers.js';
import { errorsBuilt } from '../syntax/errors-built.js';
import { NOW } from './helpers.js';

const HEAD = 'UNA:+.? \nUNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+R1\n';

/** LF as the segment terminator; `lines` empty segments outside any message. */
const interchangeFlood = (lines: number): string => `${HEAD}${'\n'.repeat(lines)}UNZ+0+R1\n`;

const message = (n: number, inside = 0): string => `UNH+${n}+OPSIGE:1:911:UN\nBGM+9\n${'\n'.repeat(inside)}UNT+${3 + inside}+${n}\n`;

const counted = (errors: readonly ValidationError[]): ValidationError[] => errors.filter((e) => e.code === '12' || e.code === '33');

/** `kept` holds the first `max` of `all`'s counted errors, then the notice at the next one. */
function expectCut(kept: readonly ValidationError[], all: readonly ValidationError[], max: number): void {
  const want = counted(all);
  expect(want.length).toBeGreaterThan(max);
  expect(counted(kept)).toEqual(want.slice(0, max));
  const notices = kept.filter((e) => e.code === '18');
  expect(notices).toEqual([{ ...want[max]!, code: '18', message: `more than ${max} errors here; later ones are not kept (maxErrors)` }]);
  // Everything else (UNZ checks, layout errors) is kept.
  expect(kept.filter((e) => e.code !== '12' && e.code !== '33' && e.code !== '18')).toEqual(all.filter((e) => e.code !== '12' && e.code !== '33'));
}

describe('maxErrors in validate', () => {
  it('cuts an interchange flood at 1,000 by default; CONTRL and its UCI are unchanged and valid', async () => {
    const text = interchangeFlood(3000);
    const [all] = await validate(text, { now: NOW, maxErrors: 1_000_000 });
    const [cut] = await validate(text, { now: NOW });
    expect(all!.errors.length).toBeGreaterThan(6000);
    expect(cut!.errors.length).toBeLessThanOrEqual(1000 + 1 + 2);
    expectCut(cut!.errors, all!.errors, 1000);
    expect(cut!.contrl).toBe(all!.contrl);
    expect(cut!.contrl).toMatch(/UCI\+R1\+11111111:ZZ\+22222222:ZZ\+4\+12'/);
    expect(parseInterchanges(cut!.contrl, { errors: 'collect' }).errors).toEqual([]);
    const [answer] = await validate(cut!.contrl, { now: NOW });
    expect(answer!.accepted).toBe(true);
  });

  it('cuts a message flood, in every CONTRL detail', async () => {
    const text = `${HEAD}${message(1, 40)}UNZ+1+R1\n`;
    for (const detail of ['interchange', 'message', 'segment'] as const) {
      const [all] = await validate(text, { now: NOW, detail, maxErrors: 1_000_000 });
      const [cut] = await validate(text, { now: NOW, detail, maxErrors: 10 });
      const m = cut!.messages[0]!;
      expect(m.errors.length).toBeLessThan(all!.messages[0]!.errors.length);
      expectCut(m.errors, all!.messages[0]!.errors, 10);
      const [answer] = await validate(cut!.contrl, { now: NOW });
      expect(answer!.accepted).toBe(true);
    }
  });
});

describe('maxErrors in validateFile on worker ranges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-max-errors-'));

  async function collect(batches: AsyncIterable<ValidationEvent[]>): Promise<ValidationEvent[]> {
    const out: ValidationEvent[] = [];
    for await (const batch of batches) out.push(...batch);
    return out;
  }

  async function oneThread(text: string | Uint8Array, options: ValidateOptions): Promise<ValidationEvent[]> {
    const out: ValidationEvent[] = [];
    for await (const ev of validateStream(text, options)) out.push(ev);
    return out;
  }

  // Empty segments (12 and 33 each) between messages, so ranges cut the floods of one interchange
  // apart: parts under the limit, parts over it on their own, a second interchange after.
  const gaps = [0, 1, 3, 12, 2, 0, 30, 1, 1, 4, 0, 9, 2, 2, 2, 2, 7, 0];
  const text =
    HEAD +
    gaps.map((g, i) => '\n'.repeat(g) + message(i + 1, i % 5 === 3 ? 6 : 0)).join('') +
    `\n\n\nUNZ+${gaps.length}+R1\n` +
    `${HEAD.replace('R1', 'R2')}${'\n'.repeat(5)}${message(1)}${'\n'.repeat(20)}${message(2)}UNZ+2+R2\n`;
  const path = join(dir, 'flood.edi');
  writeFileSync(path, text, 'latin1');

  it('gives the events of one thread whatever the ranges', async () => {
    for (const maxErrors of [1, 5, 17, 40, 1000]) {
      const options: ValidateOptions = { now: NOW, maxErrors };
      const want = await oneThread(text, options);
      const outcome = want.find((e) => e.type === 'interchange');
      if (maxErrors < 100) expect(outcome !== undefined && outcome.type === 'interchange' && outcome.outcome.errors.some((e) => e.code === '18')).toBe(true);
      for (const [workers, chunkBytes] of [
        [2, 1],
        [3, 40],
        [2, 150],
      ] as const) {
        let ranges = 0;
        const file: ValidateFileOptions = { ...options, workers, chunkBytes, minParallelBytes: 0 };
        const got = await collect(validateFileWith(path, file, 'inline', () => ranges++));
        expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
        // At 1 byte every message and interchange starts a range (and the file's start): some
        // ranges hold more errors than the limit on their own.
        if (chunkBytes === 1) expect(ranges).toBe(1 + gaps.length + 1 + 2);
        else expect(ranges).toBeGreaterThan(5);
      }
    }
  });

  it('gives the events of one thread where junk tags and floods of UNAs stand at the ranges\' starts', async () => {
    // Junk tags (control characters, a backslash, longer than 12) outside messages, each a 12 and
    // a 33 quoting it; more stray UNAs before a message and before an interchange than a range
    // compares at its boundary (its state then agrees with none: the range goes on).
    const junk = ['\x01\x02X', 'A\\B', `Q\x1b${'W'.repeat(20)}`, 'ok'];
    const floods =
      HEAD +
      Array.from({ length: 6 }, (_, i) => `${junk.join('\n')}\n${i % 2 ? 'UNA:+.? \n'.repeat(70) : ''}${message(i + 1)}`).join('') +
      'UNZ+6+R1\n' +
      `${'UNA:+.? \n'.repeat(80)}${HEAD.replace('R1', 'R2').slice(9)}${junk.join('\n')}\n${message(1)}UNZ+1+R2\n`;
    const junkPath = join(dir, 'junk.edi');
    writeFileSync(junkPath, floods, 'latin1');
    for (const maxErrors of [3, 10, 1000]) {
      const options: ValidateOptions = { now: NOW, maxErrors };
      const want = await oneThread(Buffer.from(floods, 'latin1'), options);
      const tags = new Set(want.flatMap((e) => (e.type === 'interchange' ? e.outcome.errors.map((x) => x.segment) : [])));
      expect(tags.has('\\u0001\\u0002X') || maxErrors < 10).toBe(true);
      for (const chunkBytes of [1, 40]) {
        const got = await collect(validateFileWith(junkPath, { ...options, workers: 2, chunkBytes, minParallelBytes: 0 }, 'inline'));
        expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
      }
    }
  });

  it('gives the events of one thread on worker threads', async () => {
    const options: ValidateOptions = { now: NOW, maxErrors: 5 };
    const want = await oneThread(text, options);
    const got = await collect(validateFileWith(path, { ...options, workers: 2, chunkBytes: 40, minParallelBytes: 0 }, 'threads'));
    expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
  });
});

describe('errors past maxErrors are never built in validation', () => {
  const max = 50;

  it('validateStream builds what the reports keep, not 40,000 errors', async () => {
    const text = interchangeFlood(20_000);
    let kept = 0;
    const built = await errorsBuilt(async () => {
      for await (const ev of validateStream(text, { now: NOW, maxErrors: max })) if (ev.type === 'interchange') kept = ev.outcome.errors.length;
    });
    expect(kept).toBeGreaterThan(max);
    expect(built).toBeGreaterThanOrEqual(max + 1);
    expect(built).toBeLessThanOrEqual(kept + 2);
  });

  it('validateFile on worker ranges builds at most each range part’s and the merge’s kept errors', async () => {
    // Ten floods of 2,000 empty segments, each before a message: at 1 byte a range starts at every message.
    const text = `${HEAD}${Array.from({ length: 10 }, (_, i) => '\n'.repeat(2000) + message(i + 1)).join('')}UNZ+10+R1\n`;
    const path = join(mkdtempSync(join(tmpdir(), 'fp-max-errors-built-')), 'flood.edi');
    writeFileSync(path, text, 'latin1');
    const want: ValidationEvent[] = [];
    for await (const ev of validateStream(text, { now: NOW, maxErrors: max })) want.push(ev);
    let ranges = 0;
    const got: ValidationEvent[] = [];
    const built = await errorsBuilt(async () => {
      for await (const batch of validateFileWith(path, { now: NOW, maxErrors: max, workers: 2, chunkBytes: 1, minParallelBytes: 0 }, 'inline', () => ranges++)) got.push(...batch);
    });
    expect(got.map((e) => JSON.stringify(e))).toEqual(want.map((e) => JSON.stringify(e)));
    expect(ranges).toBe(11);
    expect(built).toBeGreaterThanOrEqual(max + 1);
    // Each part keeps max + 1 (its notice) and the merge as many again; the file holds 40,000.
    expect(built).toBeLessThanOrEqual((ranges + 1) * (max + 3));
  });
});
