import { describe, expect, it } from 'vitest';
import { validateFile, validateFileBatches } from '../../src/index.js';
import { drain } from './faces.js';

// A path validateFile cannot read: an error naming the path and the reason, on every path through it.

describe('validateFile given a path it cannot read', () => {
  for (const [what, path, code] of [
    ['a missing file', 'fixtures/no-such-file.edi', 'ENOENT'],
    ['a directory', 'fixtures', 'EISDIR'],
  ] as const) {
    it(`${what}: rejects naming the path and ${code}, on one thread and with workers`, async () => {
      for (const run of [() => validateFile(path), () => validateFileBatches(path, { workers: 2, minParallelBytes: 1 })]) {
        const failure = await drain(run()).then(
          () => null,
          (e: unknown) => e as NodeJS.ErrnoException,
        );
        expect(failure).toBeInstanceOf(Error);
        expect(failure!.message).toMatch(new RegExp(`^fp-edifact: validateFile: cannot read ${path}: ${code}\\b`));
        expect(failure!.code).toBe(code);
        expect((failure!.cause as NodeJS.ErrnoException | undefined)?.code ?? code).toBe(code);
      }
    });
  }
});
