/**
 * Paths a CI suite gets wrong: every command that reads an input, given a directory, a file under
 * a directory that does not exist, or a path through a file, says so in one line naming it and
 * exits 2 — never exit 0 or 1, never a stack; `validate --out` likewise for where it cannot write,
 * refused before the input is read.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
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
  // It was tried only after the whole input had been validated (and, for an input that could
  // not be read, never: that input's line came instead). Now it is refused first.
  const missingInput = join(dir, 'no-input.edi');
  it.each([
    ['a directory that does not exist', join(dir, 'nowhere/report.json'), /ENOENT: no such file or directory, access '[^']+nowhere'/],
    ['a directory', dir, /EISDIR: illegal operation on a directory, open '[^']+'/],
    ['a path through a file', `${motor}/report.json`, /ENOTDIR: not a directory, open '[^']+'/],
  ])('%s: one line naming it, exit 2, before the input is read', async (_what, out, reason) => {
    for (const input of [motor, missingInput]) {
      const r = await run(['validate', input, '--json', '--out', out]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`^fp-edifact validate: cannot write ${out.replace(/[.]/g, '\\.')}: ${reason.source}\\n$`));
    }
  });

  describe('a directory or file that exists but may not be written (the built bin, as nobody when we are root)', () => {
    // Root may write anywhere, so the bin runs as nobody then; the system's own root directory
    // and /etc/passwd are not writable for nobody nor for any other user, and nothing is made.
    // Nobody may not be able to read the checkout (a CI clone in a private directory), so the
    // bin runs from a world-readable copy of dist/ and the packages it loads.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const copy = mkdtempSync(join(tmpdir(), 'fp-edifact-bin-'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    cpSync('dist', join(copy, 'dist'), { recursive: true });
    for (const pkg of ['zod', 'iconv-lite', 'safer-buffer']) cpSync(join('node_modules', pkg), join(copy, 'node_modules', pkg), { recursive: true, dereference: true });
    chmodSync(copy, 0o755);
    it.each([
      ['a directory it may not write in', '/fp-edifact-report.json', "EACCES: permission denied, access '/'"],
      ['a file it may not write', '/etc/passwd', "EACCES: permission denied, open '/etc/passwd'"],
    ])('%s: one line naming it, exit 2, before the input is read', (_what, out, reason) => {
      for (const input of [join(copy, 'dist', 'cli.cjs'), '/nonexistent-input.edi']) {
        const r = spawnSync(process.execPath, [join(copy, 'dist', 'cli.cjs'), 'validate', input, '--json', '--out', out], { encoding: 'utf8', cwd: '/', ...asOther });
        expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `fp-edifact validate: cannot write ${out}: ${reason}\n`]);
      }
    });
  });
});
