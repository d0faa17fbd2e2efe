/**
 * The suite writes its scratch files (generated batch files of up to 33 MiB, CLI inputs, a
 * consumer project) under one temp root per run, which `spec/temp-root.ts` removes when the
 * run ends, so repeated runs do not fill the machine's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { RUN_ROOT_PREFIX } from './temp-root.js';

it('gives every test file a temp folder inside the run root', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-probe-'));
  try {
    expect(basename(dirname(dir)).startsWith(RUN_ROOT_PREFIX)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
