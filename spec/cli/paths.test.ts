/**
 * Paths a CI suite gets wrong: every command that reads an input, given a directory, a file under
 * a directory that does not exist, or a path through a file, says so in one line naming it and
 * exits 2 — never exit 0 or 1, never a stack; `validate --out` likewise for where it cannot write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseCommands } from '../../src/cli/commands.js';
import { run } from './run.js';

const motor = 'fixtures/opsigelse-9-motor.edi';
const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What each reading command needs besides its input. */
const extra: Record<string, string[]> = { audit: ['--today', '2024-12-12'] };
const readers = baseCommands.filter((c) => c.inputs !== 'none').map((c) => c.name);

const bad: Array<[string, string, RegExp]> = [
  ['a directory', 'fixtures', /EISDIR: illegal operation on a directory, read/],
  ['a file under a directory that does not exist', join(dir, 'nowhere/x.edi'), /ENOENT: no such file or directory, \w+ '[^']+'/],
  ['a path through a file', `${motor}/x.edi`, /ENOTDIR: not a directory, \w+ '[^']+'/],
];

describe('an input that cannot be read', () => {
  it('covers every command that reads one', () => {
    expect(readers).toEqual(['inspect', 'to-json', 'from-json', 'decode', 'encode', 'audit', 'validate']);
  });

  describe.each(bad)('%s', (_what, path, reason) => {
    it.each(readers)('%s: one line naming it, exit 2, nothing on stdout', async (command) => {
      const r = await run([command, path, ...(extra[command] ?? [])]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`^fp-edifact ${command}: cannot read ${path.replace(/[.]/g, '\\.')}: ${reason.source}\\n$`));
    });
  });

  it('audit: among readable files too', async () => {
    const r = await run(['audit', motor, 'fixtures', '--today', '2024-12-12']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'fp-edifact audit: cannot read fixtures: EISDIR: illegal operation on a directory, read\n']);
  });
});

describe('validate --out where it cannot write', () => {
  it.each([
    ['a directory that does not exist', join(dir, 'nowhere/report.json'), /ENOENT: no such file or directory, open '[^']+'/],
    ['a directory', dir, /EISDIR: illegal operation on a directory, open '[^']+'/],
  ])('%s: one line naming it, exit 2, no verdict', async (_what, out, reason) => {
    const r = await run(['validate', motor, '--json', '--out', out]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(new RegExp(`^fp-edifact validate: cannot write ${out.replace(/[.]/g, '\\.')}: ${reason.source}\\n$`));
  });
});
