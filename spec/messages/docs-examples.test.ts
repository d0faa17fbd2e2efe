import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInterchange } from '../../src/envelope/builder.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { parse } from '../../src/syntax/read.js';
import { serialize } from '../../src/syntax/writer.js';
import { profileForType } from './helpers.js';

interface Pair {
  doc: string;
  title: string;
  edifact: string;
  json: string;
}

/** Every ```edifact block followed by a ```json block, with the nearest heading above it. */
function pairs(doc: string): Pair[] {
  const text = readFileSync(join(import.meta.dirname, '../../docs', doc), 'utf8');
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  const blocks: Array<{ lang: string; body: string; at: number }> = [];
  for (let m = fence.exec(text); m; m = fence.exec(text)) blocks.push({ lang: m[1]!, body: m[2]!.replace(/\n$/, ''), at: m.index });
  const out: Pair[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'edifact') return;
    const next = blocks[i + 1];
    if (next?.lang !== 'json') throw new Error(`${doc}: an edifact block at ${b.at} is not followed by a json block`);
    const heading = text.slice(0, b.at).match(/^#+ (.*)$/gm)?.pop() ?? '';
    out.push({ doc, title: heading.replace(/^#+ /, ''), edifact: b.body, json: next.body });
  });
  return out;
}

const all = [...pairs('opsigelser.md'), ...pairs('panthaver.md')];

describe('docs examples: decode(edifact) = json, encode(json) = edifact', () => {
  it('has an example of every kind', () => {
    const kinds = (doc: string) => new Set(all.filter((p) => p.doc === doc).map((p) => (JSON.parse(p.json) as { kind: string }).kind));
    expect(kinds('opsigelser.md').size).toBe(7);
    expect(kinds('panthaver.md').size).toBe(20);
  });
  it.each(all.map((p) => [`${p.doc}: ${p.title}`, p] as const))('%s', (_, p) => {
    const segments = parse(p.edifact).segments;
    const unh = segments[0]!;
    expect(unh.tag).toBe('UNH');
    const profile = profileForType(unh.elements[1]![0]!);
    const value = JSON.parse(p.json);
    expect(decodeMessage({ segments }, profile)).toEqual({ ok: true, kind: value.kind, value });
    const enc = encodeMessage(value, profile);
    const built = buildInterchange({
      sender: { id: 'S' },
      recipient: { id: 'R' },
      reference: 'X',
      date: '2024-01-01',
      time: '0000',
      messages: [{ header: { ...enc.header, reference: unh.elements[0]![0]! }, body: enc.body }],
    });
    expect(serialize(built.slice(1, -1), { newline: '\n' }).trimEnd()).toBe(p.edifact);
  });
});
