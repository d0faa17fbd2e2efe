/** Shared helpers of the validator tests. */
import { readFileSync } from 'node:fs';
import { validateCommand, type ValidateCommandOptions } from '../../src/cli/validate.js';
import type { JsonInterchangeReport } from '../../src/validate/format/json.js';
import { validate, type ValidateOptions } from '../../src/validate/index.js';

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

/** UNB sender and recipient of {@link oneMessage}: the first NAD must name the recipient, the second the sender. */
export const PARTIES = { sender: '11111111', recipient: '22222222' } as const;

/**
 * An interchange from {@link PARTIES}.sender to {@link PARTIES}.recipient holding one message
 * of `type` whose segments are `body` (BGM … BRC, without UNH and UNT), one per line.
 */
export function oneMessage(body: readonly string[], type: 'OPSIGE' | 'PANTDE' = 'OPSIGE'): string {
  const segments = [`UNH+1+${type}:1:911:UN`, ...body, `UNT+${body.length + 2}+1`];
  const unb = `UNB+UNOC:3+${PARTIES.sender}:ZZ+${PARTIES.recipient}:ZZ+241120:2300+REF1`;
  return ["UNA:+.? '", ...[unb, ...segments, 'UNZ+1+REF1'].map((s) => `${s}'`)].join('\n');
}

/** One error of a message report, compact: `[code, rule or null, segment position or null, element, component]`. */
export type ErrorRow = [string, string | null, number | null, number | null, number | null];

/** The errors of the only message of `text` (validated with the shipped profiles), as {@link ErrorRow}s. */
export async function messageErrors(text: string, options: ValidateOptions = {}): Promise<ErrorRow[]> {
  const [report] = await validate(text, { now: NOW, ...options });
  return report!.messages[0]!.errors.map((e) => [e.code, e.rule ?? null, e.segmentPosition, e.element, e.component]);
}

/** batch-mixed.edi without its UNA: interchanges read with the defaults. */
export const PLAIN_BATCH = readFileSync('fixtures/batch-mixed.edi', 'latin1').replace(/^UNA.{6}\n/, '');

/** A UNB segment's text (no terminator), put into data by the split finder's tests. */
export const FAKE_UNB = 'UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R1';

/**
 * {@link PLAIN_BATCH} under `una` (its text made to fit the UNA by `fit`), with `data` right
 * after the BGM of its first message, then {@link PLAIN_BATCH} as it is.
 */
export function dataAfterBgm(una: string, fit: (text: string) => string, data: string): string {
  return `${una}\n${fit(PLAIN_BATCH).replace(/BGM(.)9(.)/, `BGM$19$2${data}`)}${PLAIN_BATCH}`;
}
