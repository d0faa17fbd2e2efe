/**
 * `decode` writes its JSON as it decodes, one message at a time: it once built every
 * interchange and message and then the whole JSON as one string, so a batch of a few MiB needed
 * hundreds of MB of heap, and a flood of broken messages (3 MB of `UNH+1+X'`) ended in
 * `RangeError: Invalid string length` with a stack trace. Run from the built bin under a small
 * heap (`npm run build` first); both cases ran out of heap before.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Generate = (o: { sizeMiB: number; seed?: number; out: string }) => { messages: number; interchanges: number };

const dir = mkdtempSync(join(tmpdir(), 'fp-decode-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let generate: Generate;
beforeAll(async () => {
  ({ generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate });
});

/** `fp-edifact decode <path>` with `heapMiB` of old space; stdout to a file (it is large). */
function decodeUnderHeap(path: string, heapMiB: number): { status: number | null; stderr: string; stdout: string } {
  const outPath = `${path}.json`;
  const out = openSync(outPath, 'w');
  try {
    const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, 'dist/cli.cjs', 'decode', path], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, stdout: readFileSync(outPath, 'utf8') };
  } finally {
    closeSync(out);
  }
}

interface DecodeJson {
  interchanges: Array<{ reference: string | null; messages: Array<{ ok: boolean }> }>;
  errors: unknown[];
}

describe('fp-edifact decode in flat memory', () => {
  it('decodes a 4 MiB batch under a 64 MiB heap: every message, the JSON as JSON.stringify(…, null, 2) writes it', () => {
    const path = join(dir, 'batch.edi');
    const { messages, interchanges } = generate({ sizeMiB: 4, seed: 2, out: path });
    const r = decodeUnderHeap(path, 64);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const doc = JSON.parse(r.stdout) as DecodeJson;
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.interchanges).toHaveLength(interchanges);
    expect(doc.interchanges.reduce((n, ic) => n + ic.messages.length, 0)).toBe(messages);
  });

  it('decodes a flood of 40,000 broken messages under a 160 MiB heap: each one reported, exit 1, no stack trace', () => {
    // 320 KB in, 50 MB of JSON out; the syntax errors listed at the end (4 per message) are what stays in memory.
    const path = join(dir, 'flood.edi');
    writeFileSync(path, "UNH+1+X'".repeat(40_000));
    const r = decodeUnderHeap(path, 160);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as DecodeJson;
    expect(doc.interchanges).toHaveLength(1);
    expect(doc.interchanges[0]!.messages).toHaveLength(40_000);
    expect(doc.interchanges[0]!.messages.every((m) => !m.ok)).toBe(true);
    expect(doc.errors.length).toBeGreaterThanOrEqual(40_000);
  });
});
