import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { serializeToBytes, parse } from '../../src/syntax/index.js';
import { validate } from '../../src/validate/index.js';
import { NOW } from './helpers.js';

// A 12'er copies the case reference (and the parties) of the refused message unchanged: the
// partner matches the reply to its case by them, so they are never altered ('?'). The reply is
// written in the profile's charset (UNOC:3) when that carries them, else in the received one's.

const unoy = readFileSync('fixtures/unoy-utf8.edi', 'utf8');
/** The UNOY fixture with a case reference `reference` and an impossible date (F02, a 12'er is due). */
const refused = (reference: string) =>
  Buffer.from(unoy.replace('RFF+OPS:TRY-2024-000150', `RFF+OPS:${reference}`).replace('DTM+287:20250101', 'DTM+287:20250231'), 'utf8');

async function replyTo(input: Buffer): Promise<string> {
  const [report] = await validate(input, { now: NOW, replyReference: () => 'R1' });
  const message = report!.messages[0]!;
  expect(message.status).toBe('content-error');
  expect(message.reply).not.toBeNull();
  return message.reply!;
}

describe("the 12'er's character set", () => {
  it('answers a UNOY interchange whose case reference UNOC cannot carry in UNOY:4, the reference copied unchanged', async () => {
    const reply = await replyTo(refused('TRY-Ω-000150'));
    const parsed = parseInterchanges(reply);
    expect(parsed.errors).toEqual([]);
    const ic = parsed.interchanges[0]!;
    expect([ic.header!.syntaxId, ic.header!.syntaxVersion]).toEqual(['UNOY', '4']);
    // Syntax 4: the UNB date is CCYYMMDD.
    expect(ic.header!.date).toBe('20241201');
    const rff = ic.messages[0]!.segments.find((s) => s.tag === 'RFF')!;
    expect(rff.elements[0]).toEqual(['OPS', 'TRY-Ω-000150']);
    // As bytes (UTF-8, as UNOY says) it reads back the same, without errors.
    const bytes = serializeToBytes(parse(reply).segments, { una: true });
    const back = parseInterchanges(Buffer.from(bytes));
    expect(back.errors).toEqual([]);
    expect(back.interchanges[0]!.messages[0]!.segments.find((s) => s.tag === 'RFF')!.elements[0]).toEqual(['OPS', 'TRY-Ω-000150']);
  });

  it("keeps the profile's UNOC:3 when UNOC carries every value the reply copies, whatever the received charset", async () => {
    const reply = await replyTo(refused('TRY-Å-000150'));
    const ic = parseInterchanges(reply).interchanges[0]!;
    expect([ic.header!.syntaxId, ic.header!.syntaxVersion]).toEqual(['UNOC', '3']);
    expect(ic.messages[0]!.segments.find((s) => s.tag === 'RFF')!.elements[0]).toEqual(['OPS', 'TRY-Å-000150']);
  });
});
