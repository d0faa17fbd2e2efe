import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultProfile } from '../src/schema/profiles/index.js';
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
      await generate({ sizeMiB: 2, seed: 7, newlines, out }); // 2 MiB: enough interchanges in both directions for every kind
      const counts = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { interchanges: number; messages: number };
      const reports = await validate(readFileSync(out), { replies: false });
      expect(reports).toHaveLength(counts.interchanges);
      expect(reports.reduce((n, r) => n + r.messages.length, 0)).toBe(counts.messages);
      for (const r of reports) {
        expect(r.errors).toEqual([]);
        expect(r.accepted).toBe(true);
        expect(r.messages.filter((m) => m.status !== 'accepted').map((m) => m.errors)).toEqual([]);
      }
      // A mix of every opsigelse and panthaver kind.
      const kinds = new Set(reports.flatMap((r) => r.messages.map((m) => m.kind)));
      for (const exchange of ['opsigelser', 'panthaver'] as const) {
        for (const kind of Object.keys(defaultProfile(exchange).documentCodes)) expect(kinds, `${exchange} ${kind}`).toContain(kind);
      }
    });
  }

  it('is deterministic per seed, writes Danish letters as ISO 8859-1 bytes and every release escape', async () => {
    const { generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate };
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, `det-${name}.edi`));
    await generate({ sizeMiB: 1, seed: 3, out: a! });
    await generate({ sizeMiB: 1, seed: 3, out: b! });
    await generate({ sizeMiB: 1, seed: 4, out: c! });
    const bytes = readFileSync(a!);
    expect(bytes.equals(readFileSync(b!))).toBe(true);
    expect(bytes.equals(readFileSync(c!))).toBe(false);
    for (const letter of [0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5]) expect(bytes.includes(letter), `byte 0x${letter.toString(16)}`).toBe(true);
    expect(bytes.includes(Buffer.from([0xc3, 0xb8]))).toBe(false); // ø as UTF-8
    const text = bytes.toString('latin1');
    for (const escape of ['?+', "?'", '?:', '??']) expect(text, escape).toContain(escape);
    expect(bytes.includes(0x0a)).toBe(false); // line breaks only when asked
  });

  it('--help prints the usage and exits 0 (it was "unknown argument --help", exit 2)', () => {
    for (const flag of ['--help', '-h']) {
      const r = spawnSync(process.execPath, ['bench/generate.mjs', flag], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^usage: node bench\/generate\.mjs --size-mib <n> --out <file>/);
    }
  });
});
