/**
 * fixtures/verify-fixtures.mjs, the generator-independent check of every fixture on disk, run by
 * the suite so it cannot drift from the fixtures, their expectations and the library again: it
 * was run only by make-fixtures.mjs, and after the library gave a missing trailer the missing
 * segment's tag (119e2e9) it reported broken/unt-missing.edi unnoticed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const { verifyAll } = (await import(pathToFileURL(resolve('fixtures/verify-fixtures.mjs')).href)) as { verifyAll: (dir: string) => string[] };

describe('fixtures/verify-fixtures.mjs', () => {
  it('finds every fixture as its README and its .expect.json say', () => {
    expect(verifyAll(resolve('fixtures'))).toEqual([]);
  });

  describe('on a copy it finds what drifted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-fixtures-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(resolve('fixtures'), dir, { recursive: true, filter: (f) => !f.endsWith('.mjs') });

    it('an expectation that names the segment found instead of the missing trailer', () => {
      const path = join(dir, 'broken/unt-missing.expect.json');
      const expectation = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      writeFileSync(path, JSON.stringify({ ...expectation, tag: 'UNZ' }));
      expect(verifyAll(dir)).toEqual([
        `broken/unt-missing.edi: verifier found {"code":"13","offset":359,"segmentNumber":14,"tag":"UNT"} (UNT missing before UNZ), expect.json says {"code":"13","offset":359,"segmentNumber":14,"tag":"UNZ"}`,
      ]);
    });
  });
});
