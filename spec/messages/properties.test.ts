import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInterchange } from '../../src/envelope/builder.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { OPSIGELSE_KINDS, opsigelseSchema } from '../../src/messages/types/opsigelser.js';
import { PANTHAVER_KINDS, panthaverSchema } from '../../src/messages/types/panthaver.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { serialize } from '../../src/syntax/writer.js';
import { arbInterchangeText, arbOpsigelse, arbPanthaver } from '../../src/testing.js';
import { arbFilled, fillSites, openPositions } from './helpers.js';

const RUNS = { numRuns: 60 };

function viaText(value: Parameters<typeof encodeMessage>[0], profile: typeof opsigelser55) {
  const enc = encodeMessage(value, profile);
  const text = serialize(buildInterchange({ sender: { id: '1' }, recipient: { id: '2' }, reference: 'R', date: '2024-01-01', time: '1200', messages: [enc] }), { una: true });
  const { interchanges } = parseInterchanges(text);
  return decodeMessage(interchanges[0]!.messages[0]!, profile);
}

/**
 * Values of `kind` drawn from `values` pass `schema`, and encode → decode to an equal value under
 * `profile`: as a body, and through the text of a whole interchange.
 */
function expectRoundTrips(kind: string, values: fc.Arbitrary<Parameters<typeof encodeMessage>[0]>, schema: { safeParse(value: unknown): { success: boolean } }, profile: typeof opsigelser55, runs: { numRuns: number }): void {
  fc.assert(
    fc.property(values, (value) => {
      expect(schema.safeParse(value).success).toBe(true);
      const body = decodeMessage({ segments: encodeMessage(value, profile).body }, profile);
      expect(body).toEqual({ ok: true, kind, value });
      expect(viaText(value, profile)).toEqual({ ok: true, kind, value });
    }),
    runs,
  );
}

describe('opsigelser: arbitrary valid values encode → decode to an equal value', () => {
  it.each(OPSIGELSE_KINDS)('%s', (kind) => expectRoundTrips(kind, arbOpsigelse(kind), opsigelseSchema, opsigelser55, RUNS));
});

describe('panthaver: arbitrary valid values encode → decode to an equal value', () => {
  it.each(PANTHAVER_KINDS)('%s', (kind) => expectRoundTrips(kind, arbPanthaver(kind), panthaverSchema, panthaver52, { numRuns: 30 }));
  it('writes decimal amounts with the interchange decimal mark and reads either mark', () => {
    fc.assert(
      fc.property(arbPanthaver('newDeclaration').filter((v) => v.lienAmount !== undefined && v.lienAmount.includes('.')), (value) => {
        const body = encodeMessage(value, panthaver52, { decimalMark: ',' }).body;
        const moa = body.find((s) => s.tag === 'MOA' && s.elements[0]![0] === 'PNT')!;
        expect(moa.elements[0]![1]).toBe(value.lienAmount!.replace('.', ','));
        expect(decodeMessage({ segments: body }, panthaver52)).toEqual({ ok: true, kind: 'newDeclaration', value });
      }),
      { numRuns: 20 },
    );
  });
});

describe('arbInterchangeText', () => {
  it.each(['opsigelser', 'panthaver'] as const)('%s interchanges parse, and every message decodes to what was generated', (exchange) => {
    const profile = exchange === 'opsigelser' ? opsigelser55 : panthaver52;
    fc.assert(
      fc.property(arbInterchangeText({ exchange }), (g) => {
        const { interchanges, errors } = parseInterchanges(Buffer.from(g.text, 'latin1'), { errors: 'collect' });
        expect(errors).toEqual([]);
        const ic = interchanges[0]!;
        expect(ic.header!.sender.id).toBe(g.sender);
        const decoded = ic.messages.map((m) => decodeMessage(m, profile));
        expect(decoded.map((d) => (d.ok ? d.value : d.errors))).toEqual(g.messages);
        for (const m of g.messages) {
          expect(m.recipient.vir).toBe(g.recipient);
          expect(m.sender.vir).toBe(g.sender);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('takes the exchange of the profile it is given: { profile: panthaver52 } generates panthaver interchanges', () => {
    // It generated opsigelser (the default exchange) and failed to encode them with the panthaver profile.
    const samples = fc.sample(arbInterchangeText({ profile: panthaver52 }), 5);
    for (const g of samples) expect(g.messages.map((m) => (PANTHAVER_KINDS as readonly string[]).includes(m.kind))).toEqual(g.messages.map(() => true));
  });
});

describe('under a patched profile: data in positions it opens decodes and encodes back byte for byte', () => {
  it.each([
    ['opsigelser', arbOpsigelse(), opsigelser55],
    ['panthaver', arbPanthaver(), panthaver52],
  ] as const)('%s', (_name, arbMessage, profile) => {
    let kept = 0;
    fc.assert(
      fc.property(arbFilled(arbMessage, profile, ['X1', '7', 'AB'], fc.constant(true)), ({ body, picks }) => {
        const patched = openPositions(profile, picks.map((p) => p.site));
        const filled = fillSites(body, picks.map((p) => ({ ...p.site, value: p.value })));
        const decoded = decodeMessage({ segments: filled }, patched);
        fc.pre(decoded.ok); // a value may not fit the position's format, or leave a mandatory component of its composite empty
        if (!decoded.ok) return;
        if (decoded.value.extraData) kept++;
        // nothing read is dropped: the typed value and its extraData give back every segment …
        const again = encodeMessage(decoded.value, patched).body;
        expect(serialize(again)).toBe(serialize(filled));
        // … and read back to the same value
        expect(decodeMessage({ segments: again }, patched)).toEqual(decoded);
        // the shipped profile refuses the data in every position it does not use
        if (decoded.value.extraData) expect(decodeMessage({ segments: filled }, profile).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(kept).toBeGreaterThan(20);
  });
});
