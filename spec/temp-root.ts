/**
 * Vitest global setup: one temp root per test run. Test files and the CLI processes they start
 * create their scratch folders with `mkdtemp(tmpdir())`; pointing `TMPDIR` at this root before
 * the test processes start puts all of them inside it, and the teardown removes it, even when a
 * test failed before its own cleanup.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_ROOT_PREFIX = 'fp-edifact-spec-';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), RUN_ROOT_PREFIX));
  // Traversable but not listable by others: a test runs the built bin as another user from a
  // world-readable folder inside it (spec/cli/paths.test.ts).
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
