/**
 * An input the system cannot read part-way (EIO, a vanished network share) is an error of the
 * environment, not a bug of ours: the CLI says it in one line naming the system call and exits 2,
 * without the stack trace it prints for errors it did not expect.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

function systemError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: i/o error, ${syscall}`), { code, syscall, errno: -5 });
}

async function runWithStdinError(args: string[], error: Error): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(args, {
    stdout: () => {},
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => {
      throw error;
    },
  });
  return { code, stderr };
}

describe('a system error while reading input', () => {
  it.each([['to-json'], ['decode'], ['encode']])('%s: one line naming it, exit 2', async (command) => {
    const { code, stderr } = await runWithStdinError([command, '-'], systemError('EIO', 'read'));
    expect(code).toBe(2);
    expect(stderr).toBe(`fp-edifact ${command}: EIO: i/o error, read\n`);
  });

  it("an error of the library (its message starts 'fp-edifact: ') names fp-edifact once, and its function once when it is the command's", async () => {
    const decode = await runWithStdinError(['decode', '-'], Object.assign(new Error('fp-edifact: decode: EIO: i/o error, read'), { code: 'EIO', syscall: 'read' }));
    expect(decode).toEqual({ code: 2, stderr: 'fp-edifact decode: EIO: i/o error, read\n' });
    const other = await runWithStdinError(['to-json', '-'], Object.assign(new Error('fp-edifact: validateFile: cannot read x: EIO: i/o error, read'), { code: 'EIO', syscall: 'read' }));
    expect(other).toEqual({ code: 2, stderr: 'fp-edifact to-json: validateFile: cannot read x: EIO: i/o error, read\n' });
  });

  it('an error that is not a system error still shows its stack (a bug to report)', async () => {
    const { code, stderr } = await runWithStdinError(['to-json', '-'], new TypeError('boom'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^fp-edifact to-json: boom\nTypeError: boom\n\s+at /);
  });
});

describe('standard output that cannot be written (the built bin, stdout on /dev/full)', () => {
  // The write's ENOSPC was thrown again from the stream's error handler: a stack trace and exit 1,
  // which a suite reads as "the input has errors".
  const motor = 'fixtures/opsigelse-9-motor.edi';
  it.each([
    [['inspect', motor]],
    [['to-json', motor]],
    [['decode', motor]],
    [['validate', motor, '--json']],
    [['audit', motor, '--today', '2024-12-12']],
    [['profile']],
    [['version']],
  ])('%j: one line naming the command and the write, exit 2', (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).toBe(`fp-edifact ${args[0]}: cannot write standard output: ENOSPC: no space left on device, write\n`);
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('--version is the version command', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ['dist/cli.cjs', '--version'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([2, 'fp-edifact version: cannot write standard output: ENOSPC: no space left on device, write\n']);
    } finally {
      closeSync(full);
    }
  });
});
