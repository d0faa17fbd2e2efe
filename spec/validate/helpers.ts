/** Shared helpers of the validator tests. */
import { readFileSync } from 'node:fs';
import { validateCommand, type ValidateCommandOptions } from '../../src/cli/validate.js';
import type { JsonInterchangeReport } from '../../src/validate/format/json.js';

/** A fixed clock for CONTRL and 12'er dates and references. */
export const NOW = (): Date => new Date('2024-12-01T10:00:00Z');

/** Chunks of `bytes` of `size` bytes (to exercise the streaming path). */
export async function* chunked(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Runs `validateCommand` in memory; returns the exit code, stdout, stderr and files written. */
export async function runValidate(
  bytes: Uint8Array,
  options: Partial<ValidateCommandOptions> = {},
): Promise<{ code: number; stdout: string; stderr: string; files: Record<string, string> }> {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = {};
  const code = await validateCommand(chunked(bytes), { format: 'json', now: NOW, ...options }, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    writeFile: (p, t) => {
      files[p] = t;
    },
  });
  return { code, stdout, stderr, files };
}

/** JSON Lines → one report per interchange. */
export function parseLines(stdout: string): JsonInterchangeReport[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as JsonInterchangeReport);
}

/** Reads a fixture file as bytes. */
export function fixture(path: string): Buffer {
  return readFileSync(path);
}
