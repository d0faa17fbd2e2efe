import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type Generate = (o: { sizeMiB: number; seed?: number; newlines?: boolean; out: string }) => unknown;
interface ResultLine {
  segments: number;
  messages: number;
  checksum: string;
}

/** Runs a contender as the bench does (fp-edifact's contenders import the built `dist/`, which `npm test` builds first). */
function runContender(name: string, file: string): ResultLine {
  const out = execFileSync(process.execPath, [resolve(`bench/contenders/${name}.mjs`), file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as ResultLine;
}

/**
 * The bench's reference tokenizer is only a fair floor if it builds the same objects: its
 * segment and message counts and checksum must match fp-edifact's and the generator's over
 * several 64 KiB chunks, release escapes, line breaks and one UNA per interchange.
 */
describe('bench/contenders/minimal-tokenizer.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-contenders-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const newlines of [false, true]) {
    it(`agrees with both fp-edifact tokenize faces and the generator${newlines ? ' (with line breaks)' : ''}`, async () => {
      const { generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate };
      const file = join(dir, `c-${newlines}.edi`);
      await generate({ sizeMiB: 1, seed: 3, newlines, out: file });
      const counts = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { segments: number; messages: number };
      const minimal = runContender('minimal-tokenizer', file);
      expect(minimal.segments).toBe(counts.segments);
      expect(minimal.messages).toBe(counts.messages);
      for (const face of ['fp-edifact-tokenize', 'fp-edifact-tokenize-callback']) {
        const fp = runContender(face, file);
        expect({ segments: minimal.segments, messages: minimal.messages, checksum: minimal.checksum }, face).toEqual({
          segments: fp.segments,
          messages: fp.messages,
          checksum: fp.checksum,
        });
      }
    });
  }
});

/**
 * The workers' ceiling: two one-thread validations at once. It only measures what it says if
 * both processes validated the whole file: twice its bytes, every message in each.
 */
describe('bench/contenders/validate-two-processes.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-two-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts both processes’ bytes, each having validated every message', async () => {
    const { generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate };
    const file = join(dir, 'two.edi');
    await generate({ sizeMiB: 1, seed: 5, out: file });
    const counts = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { messages: number };
    const line = runContender('validate-two-processes', file) as unknown as { kind: string; bytes: number; ms: number; notes: string };
    expect(line.kind).toBe('baseline');
    expect(line.bytes).toBe(2 * statSync(file).size);
    expect(line.ms).toBeGreaterThan(0);
    expect(line.notes).toContain(`(${counts.messages} messages each)`);
  });
});
