/**
 * A profile that adds a segment to the segment table, or lets a row repeat more often: what
 * `validate` takes under it, `decodeMessage` reads — a segment of a tag no typed field reads is
 * kept whole in `extraSegments` and written back by `encodeMessage` — and a second of what the
 * typed message holds once is refused by both (decoder 35, validate F04), whatever the table says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage, type FpMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { MessageEncodeError } from '../../src/messages/wire/errors.js';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import type { SegmentLayout } from '../../src/schema/segments.js';
import type { StructureEntry } from '../../src/schema/structure.js';
import { serialize } from '../../src/syntax/writer.js';
import { validate } from '../../src/validate/index.js';
import { NOW } from '../validate/helpers.js';

/** A partner's own segment (F&P-style tag), as its Bilag 1 might add it. */
const ZPX: SegmentLayout = {
  tag: 'ZPX',
  name: 'Partner extension',
  elements: [
    { id: 'Z901', name: 'Code', status: 'M', format: 'an..3' },
    { id: 'Z902', name: 'Text', status: 'C', format: 'an..10' },
  ],
  assumption: false,
  source: 'a partner Bilag 1 (test)',
};

/** `profile` with a ZPX row (up to `max` times) right after the row at `after`. */
function withZpx(profile: GuideProfile, after: string, max = 2): GuideProfile {
  const entries = profile.structure.entries.flatMap((e): StructureEntry[] => (e.position === after ? [e, { position: String(Number(after) + 5).padStart(4, '0'), tag: 'ZPX', status: 'C', maxRepeat: max }] : [e]));
  return patchProfile(profile, { structure: { entries }, segments: { ZPX } });
}

/** `profile` with the row (or group) at `position` allowed `maxRepeat` times; `child` for a row inside a group. */
function repeating(profile: GuideProfile, position: string, maxRepeat: number): GuideProfile {
  const bump = (e: StructureEntry): StructureEntry =>
    e.position === position ? { ...e, maxRepeat } : 'group' in e ? { ...e, children: e.children.map(bump) } : e;
  return patchProfile(profile, { structure: { entries: profile.structure.entries.map(bump) } });
}

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const bonus = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
const accept = readFileSync('fixtures/opsigelse-29-accept.edi', 'latin1');
const declaration = readFileSync('fixtures/panthaver-30-new-declaration.edi', 'latin1');

/** `text` with `extra` segments after the first segment starting with `after`, and UNT counted again. */
function insert(text: string, after: string, ...extra: string[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(after));
  lines.splice(i + 1, 0, ...extra.map((s) => `${s}'`));
  const count = lines.filter((l) => /^[A-Z]{3}/.test(l) && !/^(UNA|UNB|UNZ)/.test(l)).length;
  return lines.map((l) => (l.startsWith('UNT+') ? l.replace(/^UNT\+\d+/, `UNT+${count}`) : l)).join('\n');
}

const place = (e: { code: string; segmentPosition: number | null; element: number | null; component: number | null }) => [e.code, e.segmentPosition, e.element, e.component];

/** validate's and decodeMessage's answers for the one message of `text` under `profile`. */
async function answers(text: string, profile: GuideProfile) {
  const [report] = await validate(text, { now: NOW, profile });
  const message = parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;
  const decoded = decodeMessage(message, profile);
  return { report: report!.messages[0]!, decoded, body: serialize(message.segments.slice(1, -1)) };
}

describe('a segment a partner profile adds to the table', () => {
  const patched = withZpx(opsigelser55, '0060');
  const text = insert(motor, 'DTM+287', 'ZPX+AB1+hello', 'ZPX+AB2');

  it('is refused by both under the shipped profile (15: not in the table)', async () => {
    const { report, decoded } = await answers(text, opsigelser55);
    expect(report.errors.map(place)).toEqual([['15', 6, null, null], ['15', 7, null, null]]);
    expect(decoded.ok ? [] : decoded.errors.map(place)).toEqual([['15', 6, null, null], ['15', 7, null, null]]);
  });

  it('is accepted by validate and kept whole by decodeMessage, and encodeMessage writes it back where it stood', async () => {
    const { report, decoded, body } = await answers(text, patched);
    expect(report.status).toBe('accepted');
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.value.extraSegments).toEqual([
      { position: 6, tag: 'ZPX', elements: [['AB1'], ['hello']] },
      { position: 7, tag: 'ZPX', elements: [['AB2']] },
    ]);
    expect(serialize(encodeMessage(decoded.value, patched).body)).toBe(body);
  });

  it("gets its layout's answers from both: 39 for a value too long, 16 for an element the layout does not have", async () => {
    for (const [zpx, want] of [
      ['ZPX+AB1+eleven char', ['39', 6, 2, null]],
      ['ZPX+AB1+x+y', ['16', 6, 3, null]],
      ['ZPX++x', ['13', 6, 1, null]],
    ] as const) {
      const { report, decoded } = await answers(insert(motor, 'DTM+287', zpx), patched);
      expect(report.errors.map(place), zpx).toEqual([want]);
      expect(decoded.ok ? [] : decoded.errors.map(place), zpx).toEqual([want]);
    }
  });

  it('works in panthaver too, after the last row of the body', async () => {
    const p = withZpx(panthaver52, '0110', 1);
    const { report, decoded, body } = await answers(insert(declaration, 'NAD+DEB', 'ZPX+Q'), p);
    expect(report.status).toBe('accepted');
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.value.extraSegments?.map((x) => [x.position, x.tag])).toEqual([[15, 'ZPX']]);
    expect(serialize(encodeMessage(decoded.value, p).body)).toBe(body);
  });
});

describe('encodeMessage refuses extra segments that do not fit, naming each', () => {
  const patched = withZpx(opsigelser55, '0060');
  const decoded = decodeMessage(parseInterchanges(Buffer.from(motor, 'latin1')).interchanges[0]!.messages[0]!, patched);
  if (!decoded.ok) throw new Error('fixture does not decode');
  const issues = (extraSegments: unknown, profile = patched): Array<{ path: string; message: string }> => {
    try {
      encodeMessage({ ...decoded.value, extraSegments } as FpMessage, profile);
      return [];
    } catch (e) {
      if (e instanceof MessageEncodeError) return e.issues;
      throw e;
    }
  };
  it.each<[string, unknown[], GuideProfile, RegExp]>([
    ['a tag the typed message reads', [{ position: 6, tag: 'CTA', elements: [['IC'], ['', 'Jens']] }], patched, /^extraSegments\.0: CTA at position 6: the typed opsigelser message reads CTA segments/],
    ['a place the table does not allow it (its row is after DTM, position 9 is among the NADs)', [{ position: 9, tag: 'ZPX', elements: [['AB1']] }], patched, /^extraSegments\.0: ZPX at position 9: segment ZPX is not allowed here \(out of order\)$/],
    ['a value its layout refuses', [{ position: 6, tag: 'ZPX', elements: [['ABCD']] }], patched, /^extraSegments\.0: ZPX at position 6: element 1: /],
    ['a position past the end of the message', [{ position: 40, tag: 'ZPX', elements: [['AB1']] }], patched, /^extraSegments\.0: ZPX at position 40: the message has only 12 segments before it/],
    ['two at one position', [{ position: 6, tag: 'ZPX', elements: [['A']] }, { position: 6, tag: 'ZPX', elements: [['B']] }], patched, /^extraSegments\.1: ZPX at position 6: another extra segment is at this position/],
    ['a tag the profile has no layout for', [{ position: 6, tag: 'ZPX', elements: [['AB1']] }], opsigelser55, /^extraSegments\.0: ZPX at position 6: profile fp-opsigelser\/5.5-reconstructed has no layout for ZPX/],
  ])('%s', (_, extra, profile, message) => {
    const got = issues(extra, profile);
    expect(got.length).toBeGreaterThan(0);
    expect(`${got[0]!.path}: ${got[0]!.message}`).toMatch(message);
  });
});

describe('a row a profile lets repeat more often', () => {
  it('takes more free texts into freeText, and writes them back; the shipped table refuses a sixth (validate 35, decodeMessage 35, encodeMessage)', async () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => `FTX+AAI+++line ${n}`);
    const text = insert(motor.replace('DTM+287', 'DTM+288'), 'DOC+11', ...six);
    const patched = repeating(opsigelser55, '0080', 6);
    const { report, decoded, body } = await answers(text, patched);
    // A 9 with DTM 288 needs its free text: no content rule minds six of them.
    expect(report.errors).toEqual([]);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.errors));
    expect(decoded.value.kind === 'cancellation' && decoded.value.freeText?.length).toBe(6);
    expect(serialize(encodeMessage(decoded.value, patched).body)).toBe(body);
    const shipped = await answers(text, opsigelser55);
    expect(shipped.report.errors.map(place)).toEqual([['35', 12, null, null]]);
    expect(shipped.decoded.ok ? [] : shipped.decoded.errors.map(place)).toEqual([['35', 12, null, null]]);
    expect(() => encodeMessage(decoded.value, opsigelser55)).toThrow(/segment FTX at 0080 occurs 6 times; at most 5 allowed/);
  });

  // Seed 002 2.9 names each once per kind: "DTM med meddelelsesdato", "BRC med branche-/produktgruppekode", "et
  // CTA-segment med navn på kontaktperson"; a second value for one typed field is a conflict, not more data.
  it.each<[string, string, GuideProfile, number]>([
    ['a second message date (the shipped table lets DTM repeat 4 times)', insert(motor, 'DTM+137', 'DTM+137:20241121:102'), opsigelser55, 5],
    ['a second declaration number (the shipped table lets RFF repeat 9 times)', insert(declaration, 'RFF+DEK', 'RFF+DEK:PD-2'), panthaver52, 4],
    ['a second contact under a table that lets CTA repeat', insert(motor, 'BRC+', 'CTA+IC+:Jens', 'CTA+IC+:Ole'), repeating(opsigelser55, '0120', 2), 14],
    ['a second BGM under a table that lets BGM repeat', insert(motor, 'BGM+9', 'BGM+9'), repeating(opsigelser55, '0020', 2), 3],
    ['a second claim date in one claim under a table that lets it repeat', insert(bonus, 'DTM+292', 'DTM+292:20230101:102'), repeating(opsigelser55, '0180', 2), 0],
    // Two qualifiers, one field: seed 002 2.7 "Hvis datoen for sidste trinskift ikke kan oplyses, anføres datoen som blank,
    // men med kvalifikator 293. (Normal kvalifikator for dato for sidste trinskift er 290.)" — one or the other.
    ['the last step change both as a date (290) and as unknown (293) in an accept, under the shipped table (3 DTMs in the bonus block)', insert(accept, 'DTM+290', 'DTM+293::102'), opsigelser55, 0],
    ['the last step change both as a date (290) and as unknown (293), the bonus block allowed 4 DTMs', insert(bonus, 'DTM+290', 'DTM+293::102'), repeating(opsigelser55, '0150', 4), 0],
    ['a second cancellation date under another qualifier (287, then 296)', insert(motor, 'DTM+287', 'DTM+296:20250101:102'), repeating(opsigelser55, '0060', 4), 6],
  ])('%s: validate F04, decodeMessage 35, at the second', async (_, text, profile, at) => {
    const { report, decoded } = await answers(text, profile);
    const second = at || report.errors[0]?.segmentPosition;
    expect(report.errors.map((e) => [e.code, e.rule, e.segmentPosition])).toEqual([['F04', 'segment-not-allowed-for-kind', second]]);
    expect(decoded.ok ? [] : decoded.errors.map((e) => [e.code, e.segmentPosition])).toEqual([['35', second]]);
  });

  it('a fourth rejection reason under a table that lets ERC repeat 4 times: validate F04 (seed 001: "op til 3 fejlårsager"), decodeMessage 12', async () => {
    const rejection = ['BGM+27', 'ERC+1', 'ERC+2', 'ERC+3', 'ERC+4', 'RFF+DEK:PD1', 'DTM+137:20241021:102', 'NAD+MR+22222222::VIR', 'NAD+MS+11111111::VIR'];
    const text = ["UNA:+.? '", 'UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+R1', 'UNH+1+PANTDE:1:911:UN', ...rejection, `UNT+${rejection.length + 2}+1`, 'UNZ+1+R1'].map((s, i) => (i === 0 ? s : `${s}'`)).join('\n');
    const { report, decoded } = await answers(text, repeating(panthaver52, '0030', 4));
    expect(report.errors.map((e) => [e.code, e.rule, e.segmentPosition])).toEqual([['F04', 'segment-not-allowed-for-kind', 6]]);
    expect(decoded.ok ? [] : decoded.errors.map((e) => e.code)).toEqual(['12']);
  });
});
