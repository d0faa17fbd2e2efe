import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate/index.js';

type Generate = (o: { sizeMiB: number; seed?: number; newlines?: boolean; out: string }) => unknown;

/** The benchmark's batches must be valid F&P traffic: the real validator is the judge. */
describe('bench/generate.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const newlines of [false, true]) {
    it(`writes batches the validator accepts whole${newlines ? ' (with line breaks)' : ''}`, async () => {
      const { generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate };
      const out = join(dir, `g-${newlines}.edi`);
      await generate({ sizeMiB: 1, seed: 7, newlines, out });
      const counts = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { interchanges: number; messages: number };
      const reports = await validate(readFileSync(out), { replies: false });
      expect(reports).toHaveLength(counts.interchanges);
      expect(reports.reduce((n, r) => n + r.messages.length, 0)).toBe(counts.messages);
      for (const r of reports) {
        expect(r.errors).toEqual([]);
        expect(r.accepted).toBe(true);
        expect(r.messages.filter((m) => m.status !== 'accepted').map((m) => m.errors)).toEqual([]);
      }
    });
  }
});
