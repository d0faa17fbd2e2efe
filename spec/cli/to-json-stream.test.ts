/**
 * `to-json` writes its JSON as it reads the segments: it once built the whole document and then
 * one string of it, about 70 times the input's size, so a batch of a few MiB ran out of a small
 * heap. Run from the built bin under a small heap (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdifactJson, fromEdifactJson } from '../../src/envelope/index.js';

type Generate = (o: { sizeMiB: number; seed?: number; out: string; newlines?: boolean | 'crlf' }) => { segments: number; interchanges: number };

const dir = mkdtempSync(join(tmpdir(), 'fp-to-json-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let generate: Generate;
beforeAll(async () => {
  ({ generate } = (await import(pathToFileURL(resolve('bench/generate.mjs')).href)) as { generate: Generate });
});

describe('fp-edifact to-json in bounded memory', () => {
  it('converts a 4 MiB batch with CRLF line breaks under a 64 MiB heap: every segment, the JSON as JSON.stringify(…, null, 2) writes it, and back to the same bytes', () => {
    const path = join(dir, 'batch.edi');
    const { segments, interchanges } = generate({ sizeMiB: 4, seed: 3, out: path, newlines: 'crlf' });
    const outPath = `${path}.json`;
    const out = openSync(outPath, 'w');
    let r;
    try {
      r = spawnSync(process.execPath, ['--max-old-space-size=64', 'dist/cli.cjs', 'to-json', path], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    } finally {
      closeSync(out);
    }
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(outPath, 'utf8');
    const doc = JSON.parse(text) as EdifactJson;
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.interchanges).toHaveLength(interchanges);
    expect(doc.interchanges.reduce((n, ic) => n + ic.segments.length, 0)).toBe(segments);
    expect(doc.interchanges.every((ic) => ic.format.lineBreak === '\r\n')).toBe(true);
    expect(Buffer.from(fromEdifactJson(doc)).equals(readFileSync(path))).toBe(true);
  });
});
