import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { patchProfile } from '../../src/schema/patch.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { serialize } from '../../src/syntax/writer.js';

const DIR = join(import.meta.dirname, '../../fixtures');
const message = (file: string) => parseInterchanges(readFileSync(join(DIR, file))).interchanges[0]!.messages[0]!;

describe('patching the profile changes what is read and written, with no code change', () => {
  const motor = message('opsigelse-9-motor.edi');
  const original = decodeMessage(motor, opsigelser55);
  if (!original.ok) throw new Error('fixture does not decode');

  it('RFF policy number qualifier POL → AAA', () => {
    const p = patchProfile(opsigelser55, { qualifiers: { RFF: { policyNumber: { value: 'AAA' } } } });
    const text = serialize(encodeMessage(original.value, p).body);
    expect(text).toContain("RFF+AAA:00-123?+456'");
    expect(text).not.toContain('RFF+POL');
    // the wire text with POL is no longer a valid cancellation under the patched profile …
    const r = decodeMessage(motor, p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        expect.objectContaining({ code: '14', segment: 'RFF', segmentPosition: 10, element: 1, component: 1 }),
        expect.objectContaining({ code: '13', segment: 'RFF', reason: 'policyNumber: is missing' }),
      ]);
    }
    // … and text written with AAA reads back to the same value
    expect(decodeMessage({ segments: encodeMessage(original.value, p).body }, p)).toEqual(original);
  });

  it('DTM qualifier, NAD qualifiers, id types, BGM code and UNH type', () => {
    const p = patchProfile(opsigelser55, {
      qualifiers: {
        DTM: { cancellationDate: 'Z87', messageDate: '3' },
        NAD: { recipient: 'RCV', policyholder1: 'PH1' },
        NADIdType: { cpr: 'PNR', vir: 'ZZV' },
        DOC: { claimsData: 'CLM' },
      },
      documentCodes: { cancellation: '109' },
      messageIdentifier: { type: 'OPSIG2' },
    });
    const enc = encodeMessage(original.value, p);
    expect(enc.header.type).toBe('OPSIG2');
    const text = serialize(enc.body);
    for (const s of ["BGM+109'", "DTM+3:20241120:102'", "DTM+Z87:20250101:102'", "NAD+RCV+22222222::ZZV'", 'NAD+PH1+0101801234::PNR++', "DOC+CLM'"]) {
      expect(text).toContain(s);
    }
    expect(decodeMessage({ segments: enc.body }, p)).toEqual(original);
  });

  it("the 27's end-date qualifier is its own assumed value (default-profile.md: 295 is S for a pure bonus query, A as the end date of a 27)", () => {
    const role = opsigelser55.qualifiers.DTM?.endDate;
    expect(role).toMatchObject({ value: '295', assumption: true });
    expect(opsigelser55.qualifiers.DTM?.policyEndDate?.assumption).toBe(false);
    const rejection = decodeMessage(message('opsigelse-27-rejection.edi'), opsigelser55);
    if (!rejection.ok) throw new Error('fixture does not decode');
    expect(rejection.value).toMatchObject({ kind: 'rejection', endDate: expect.any(String) });
    // A partner's Bilag 1 gives the 27's end date another qualifier; the pure bonus query keeps 295.
    const p = patchProfile(opsigelser55, { qualifiers: { DTM: { endDate: { value: '206', assumption: false, source: 'Bilag 1' } } } });
    const enc = encodeMessage(rejection.value, p);
    const text = serialize(enc.body);
    expect(text).toMatch(/DTM\+206:\d{8}:102'/);
    expect(text).not.toContain('DTM+295');
    expect(decodeMessage({ segments: enc.body }, p)).toEqual(rejection);
    expect(decodeMessage(message('opsigelse-27-rejection.edi'), p).ok).toBe(false);
    const query = decodeMessage(message('opsigelse-13-bonus-query.edi'), p);
    expect(query.ok).toBe(true);
  });

  it('date format code', () => {
    const p = patchProfile(opsigelser55, { dateFormat: '203' });
    expect(serialize(encodeMessage(original.value, p).body)).toContain("DTM+137:20241120:203'");
    expect(decodeMessage(motor, p).ok).toBe(false);
  });

  it('panthaver: ATT and MOA qualifiers', () => {
    const decl = decodeMessage(message('panthaver-Z15-sum-changed.edi'), panthaver52);
    if (!decl.ok) throw new Error('fixture does not decode');
    const p = patchProfile(panthaver52, { qualifiers: { ATT: { declarationType: 'DTY' }, MOA: { sumInsured: 'SUM' } } });
    const text = serialize(encodeMessage(decl.value, p).body);
    expect(text).toContain("ATT+DTY++ZLL'");
    expect(text).toContain("MOA+SUM:450000'");
    expect(decodeMessage({ segments: encodeMessage(decl.value, p).body }, p)).toEqual(decl);
  });
});

describe('a position the profile allows but the typed value has no field for: kept in extraData, written back', () => {
  const base = opsigelser55;
  // docs/profiles.md: the partner's Bilag 1 uses BGM 1004 and a second name line on the recipient's NAD.
  const patched = patchProfile(base, {
    segments: {
      BGM: { elements: base.segments.BGM!.elements.map((e) => (e.id === '1004' ? { ...e, status: 'C' as const } : e)) },
      NAD: { byQualifier: { recipient: ['1', '2.1', '2.3', '4.1', '4.2'] } },
    },
  });
  const motor = readFileSync(join(DIR, 'opsigelse-9-motor.edi'), 'latin1');
  const text = motor.replace("BGM+9'", "BGM+9+4711'").replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::VIR++Modtager A/S:Afd. 2');
  const parsed = () => parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;

  it('decodes under the patched profile, keeping the data in extraData; the shipped profile still refuses it (15)', () => {
    const r = decodeMessage(parsed(), patched);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.recipient).toEqual({ vir: '22222222', name: 'Modtager A/S' });
    expect(r.value.extraData).toEqual([
      { segment: 'BGM', qualifier: '9', occurrence: 1, element: 2, component: 1, value: '4711' },
      { segment: 'NAD', qualifier: 'MR', occurrence: 1, element: 4, component: 2, value: 'Afd. 2' },
    ]);
    const shipped = decodeMessage(parsed(), base);
    expect(shipped.ok).toBe(false);
    if (!shipped.ok) {
      expect(shipped.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component])).toEqual([
        ['15', 'BGM', 2, 2, 1],
        ['15', 'NAD', 7, 4, 2],
      ]);
    }
  });

  it('encodes the kept data back: decode → encode is byte for byte', () => {
    const r = decodeMessage(parsed(), patched);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const body = serialize(encodeMessage(r.value, patched).body);
    const original = text.slice(text.indexOf("BGM+"), text.indexOf('UNT+')).replaceAll('\n', '');
    expect(body).toBe(original);
  });
});
