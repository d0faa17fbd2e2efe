import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Standard input as the real binary sees it (needs `npm run build`): Node hands a process whose
// stdin is a directory (`fp-edifact validate - < somedir`) an empty stream, not an error.

function runBin(args: string[], stdinPath: string) {
  const fd = openSync(stdinPath, 'r');
  try {
    return spawnSync(process.execPath, ['dist/cli.cjs', ...args], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
}

describe('fp-edifact reading standard input (-)', () => {
  it('reads a file given as stdin', () => {
    for (const command of ['inspect', 'validate', 'to-json']) {
      const r = runBin([command, '-'], 'fixtures/opsigelse-9-motor.edi');
      expect(r.stderr, command).toBe('');
      expect(r.status, command).toBe(0);
    }
  });

  it('exits 2 naming standard input when it is a directory, instead of reading it as an empty input (exit 1, "no UNB")', () => {
    for (const command of ['inspect', 'validate', 'to-json', 'decode']) {
      const r = runBin([command, '-'], 'fixtures');
      expect(r.stderr, command).toBe(`fp-edifact ${command}: cannot read standard input: EISDIR: illegal operation on a directory, read\n`);
      expect(r.stdout, command).toBe('');
      expect(r.status, command).toBe(2);
    }
  });
});
