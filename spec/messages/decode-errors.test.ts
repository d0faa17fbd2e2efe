import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { readFileSync } from 'node:fs';
import { decodeMessage, decodeOpsigelse, decodePanthaver } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { MessageEncodeError } from '../../src/messages/wire/errors.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { parse } from '../../src/syntax/read.js';

const MOTOR = `UNH+1+OPSIGE:1:911:UN'BGM+9'RFF+OPS:TRY-1'DTM+137:20241120:102'DTM+287:20250101:102'DOC+11'NAD+MR+22222222::VIR'NAD+MS+11111111::VIR'NAD+FT1+0101801234::CPR++Søren+Østergade 12+København K++1100+DK'RFF+POL:00-123'RFF+REG:AB12345'BRC+001:002'UNT+13+1'`;

function decodeText(body: string, profile = opsigelser55) {
  return decodeMessage({ segments: parse(body).segments }, profile);
}

describe('decodeMessage reports problems with positions (UNH = 1) and never throws', () => {
  it('decodes the reference message', () => {
    expect(decodeText(MOTOR).ok).toBe(true);
  });
  it('an impossible date: 12 at DTM, element 1, component 2', () => {
    const r = decodeText(MOTOR.replace('20250101', '20250231'));
    expect(r).toEqual({
      ok: false,
      errors: [{ code: '12', reason: expect.stringContaining('cancellationDate.date'), segment: 'DTM', segmentPosition: 5, element: 1, component: 2 }],
    });
  });
  it('a missing policy number: 13 naming RFF', () => {
    const r = decodeText(MOTOR.replace("RFF+POL:00-123'", ''));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: '13', segment: 'RFF', reason: expect.stringContaining('policyNumber') })]);
  });
  it('a segment the kind must not carry: 15 at its position', () => {
    const r = decodeText(MOTOR.replace("BGM+9'", "BGM+9'ERC+9'"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: '15', segment: 'ERC', segmentPosition: 3, element: 1, component: 1 })]);
  });
  it('data nobody reads: 15 at the component', () => {
    const r = decodeText(MOTOR.replace("BRC+001:002'", "BRC+001:002:X'"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: '15', segment: 'BRC', element: 1, component: 3 })]);
  });
  it('an unknown kind and an unknown qualifier: 14', () => {
    const a = decodeText(MOTOR.replace("BGM+9'", "BGM+99'"));
    expect(a.ok || a.errors[0]).toEqual(expect.objectContaining({ code: '14', segment: 'BGM', segmentPosition: 2 }));
    const b = decodeText(MOTOR.replace('RFF+REG', 'RFF+XXX'));
    expect(b.ok || b.errors[0]).toEqual(expect.objectContaining({ code: '14', segment: 'RFF', segmentPosition: 11 }));
  });
  it('after a segment skipped for its length, positions are the sender\'s count, not the held segments\'', () => {
    // The FTX (message segment 6 as sent) is over the limit and skipped: BRC is segment 14 as sent, the 13th held.
    const sent = MOTOR.replace("DOC+11'", `FTX+AAA+++${'x'.repeat(300)}'ERC+9'DOC+11'`).replace("BRC+001:002'", "BRC+001:002:X'").replace('UNT+13+1', 'UNT+15+1');
    const { interchanges } = parseInterchanges(`UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R'${sent}UNZ+1+R'`, { errors: 'collect', maxSegmentLength: 200 });
    const message = interchanges[0]!.messages[0]!;
    expect(message.segments.map((s) => s.tag)).not.toContain('FTX');
    const r = decodeMessage(message, opsigelser55);
    expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.segmentPosition])).toEqual([
      ['15', 'ERC', 7],
      ['15', 'BRC', 14],
    ]);
  });
  it('a wrong message type in UNH: 14 at UNH', () => {
    const { interchanges } = parseInterchanges(`UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R'${MOTOR.replace('OPSIGE', 'PANTDE')}UNZ+1+R'`);
    const r = decodeMessage(interchanges[0]!.messages[0]!, opsigelser55);
    expect(r.ok || r.errors[0]).toEqual(expect.objectContaining({ code: '14', segment: 'UNH', segmentPosition: 1, element: 2, component: 1 }));
  });
  it('a repeated segment: 35', () => {
    const r = decodeText(MOTOR.replace("DOC+11'", "DOC+11'DOC+11'DOC+11'"));
    expect(r.ok || r.errors.map((e) => e.code)).toContain('35');
  });
  it('a DOC code repeated within its two repetitions: 35 at the second (seed 002, 2.9.5: the 2 DOC of a reminder chase two different answers)', () => {
    const r = decodeText(MOTOR.replace("DOC+11'", "DOC+11'DOC+11'"));
    expect(r.ok || r.errors).toEqual([expect.objectContaining({ code: '35', segment: 'DOC', segmentPosition: 7 })]);
    const reminder = decodeText(`UNH+1+OPSIGE:1:911:UN'BGM+15'RFF+OPS:X'DTM+137:20241212:102'DOC+9'DOC+9'NAD+MR+1::VIR'NAD+MS+2::VIR'BRC+001:002'UNT+10+1'`);
    expect(reminder.ok || reminder.errors).toEqual([expect.objectContaining({ code: '35', segment: 'DOC', segmentPosition: 6 })]);
  });
  it('OSI ODC without a corrected date in an accept: 13', () => {
    const r = decodeText(`BGM+29'RFF+OPS:X'OSI+ODC'DTM+137:20241120:102'NAD+MR+1::VIR'NAD+MS+2::VIR'NAD+FT1+++A+Vej 1+++7100'BRC+001:002'`);
    expect(r.ok || r.errors).toEqual([expect.objectContaining({ code: '13', segment: 'OSI' })]);
  });
  it('any segment the kind reads once, given twice: one 35 at the second', () => {
    for (const segment of ["BRC+001:002'", "NAD+MR+22222222::VIR'", "RFF+POL:00-123'", "DTM+137:20241120:102'", "DTM+287:20250101:102'", "RFF+OPS:TRY-1'"]) {
      const r = decodeText(MOTOR.replace(segment, segment + segment));
      const position = MOTOR.slice(0, MOTOR.indexOf(segment)).split("'").length + 1;
      // Once, although the structure walk (BRC, RFF OPS: at most one) and the reader both find it.
      expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.segmentPosition]), segment).toEqual([['35', segment.slice(0, 3), position]]);
    }
  });
  it('claim-free years are a whole number of at most three digits, sign only when negative', () => {
    const bonus = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
    const decodeBonus = (years: string) => {
      const { interchanges } = parseInterchanges(bonus.replace('SIF+10+4', `SIF+10+${years}`));
      const r = decodeMessage(interchanges[0]!.messages[0]!, opsigelser55);
      return r.ok ? r.value.kind === 'bonusAnswer' && r.value.bonus.claimFreeYears : r.errors.map((e) => [e.code, e.segment]);
    };
    expect([decodeBonus('0'), decodeBonus('-3'), decodeBonus('999')]).toEqual([0, -3, 999]);
    for (const bad of ['4X', 'X4', '1000', '04', '-0']) expect(decodeBonus(bad), bad).toEqual([['12', 'SIF']]);
  });
  it('a panthaver sum insured is a whole number of kroner without leading zeros: anything else is 12 at MOA', () => {
    const z15 = readFileSync('fixtures/panthaver-Z15-sum-changed.edi', 'latin1');
    const decodeSum = (amount: string) => {
      const { interchanges } = parseInterchanges(z15.replace('MOA+FSU:450000', `MOA+FSU:${amount}`));
      const r = decodeMessage(interchanges[0]!.messages[0]!, panthaver52);
      return r.ok ? r.value.kind === 'sumInsuredChanged' && r.value.sumInsured : r.errors.map((e) => [e.code, e.segment, e.element, e.component]);
    };
    expect([decodeSum('0'), decodeSum('450000'), decodeSum('1000000000000')]).toEqual([0, 450000, 1_000_000_000_000]);
    for (const bad of ['045', '45X', 'X45', '1000000000001', '12345678901234', '450000.50', '-5']) expect(decodeSum(bad), bad).toEqual([['12', 'MOA', 1, 2]]);
  });
  it('panthaver qualifiers the profile does not know: 14 at the qualifier', () => {
    const z15 = readFileSync('fixtures/panthaver-Z15-sum-changed.edi', 'latin1');
    for (const [known, unknown] of [['RFF+POL', 'RFF+XXX'], ['DTM+7:', 'DTM+999:'], ['ATT+DKL', 'ATT+XXX'], ['MOA+FSU', 'MOA+999'], ['NAD+MS', 'NAD+XX']]) {
      const { interchanges } = parseInterchanges(z15.replace(known!, unknown!));
      const r = decodeMessage(interchanges[0]!.messages[0]!, panthaver52);
      expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.element, e.component]), unknown).toContainEqual(['14', unknown!.slice(0, 3), 1, 1]);
    }
  });
  it('a message without BGM: 13 naming BGM, not ok', () => {
    expect(decodeText(MOTOR.replace("BGM+9'", ''))).toEqual({ ok: false, errors: [expect.objectContaining({ code: '13', segment: 'BGM' })] });
  });
  it('a document code a custom profile maps to a kind the library has no type for: 14 at BGM', () => {
    const custom = { ...opsigelser55, id: 'office/custom', documentCodes: { ...opsigelser55.documentCodes, notice: { value: '77', assumption: true, source: 'test' } } };
    const r = decodeText(MOTOR.replace("BGM+9'", "BGM+77'"), custom);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ code: '14', segment: 'BGM', segmentPosition: 2, element: 1, component: 1 })] });
  });
  it('decodeOpsigelse and decodePanthaver decode their own family and refuse the other profile', () => {
    const ops = decodeOpsigelse({ segments: parse(MOTOR).segments }, opsigelser55);
    expect(ops.ok && ops.value.kind).toBe('cancellation');
    const { interchanges } = parseInterchanges(readFileSync('fixtures/panthaver-30-new-declaration.edi'));
    const pant = decodePanthaver(interchanges[0]!.messages[0]!, panthaver52);
    expect(pant.ok && pant.value.kind).toBe('newDeclaration');
    expect(() => decodeOpsigelse({ segments: [] }, panthaver52)).toThrow(new TypeError(`decodeOpsigelse needs an opsigelser profile, got ${panthaver52.id}`));
    expect(() => decodePanthaver({ segments: [] }, opsigelser55)).toThrow(new TypeError(`decodePanthaver needs a panthaver profile, got ${opsigelser55.id}`));
  });
  it('refuses a missing profile or message with a TypeError that says what it takes (plain-JS callers)', () => {
    const message = { segments: parse(MOTOR).segments };
    for (const bad of [undefined, null, 'fp-opsigelser/5.5-reconstructed', {}]) {
      expect(() => decodeMessage(message, bad as never)).toThrow(/^decodeMessage: profile must be a guide profile \(getProfile\(id\) or loadProfile\(json\)\), got /);
    }
    for (const bad of [undefined, null, {}, { segments: 5 }]) {
      expect(() => decodeMessage(bad as never, opsigelser55)).toThrow(/^decodeMessage: message must be \{ segments: Segment\[\] \}, got /);
    }
    expect(() => decodeOpsigelse(message, undefined as never)).toThrow(/^decodeOpsigelse: profile must be a guide profile/);
  });
  it('never throws on arbitrary segments', () => {
    const seg = fc.record({
      tag: fc.constantFrom('BGM', 'RFF', 'DTM', 'NAD', 'SIF', 'SHI', 'ERC', 'FTX', 'XYZ', 'BRC', 'OSI', 'DOC', 'CTA', 'ATT', 'MOA', 'ICD'),
      elements: fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 20 }), fc.boolean(), (segments, ops) => {
        const r = decodeMessage({ segments }, ops ? opsigelser55 : panthaver52);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodeMessage', () => {
  it('throws MessageEncodeError listing what is wrong', () => {
    expect(() => encodeMessage({ kind: 'cancellation' } as never, opsigelser55)).toThrow(MessageEncodeError);
    try {
      encodeMessage({ kind: 'rejection', caseReference: 'X', messageDate: '2024-02-30' } as never, opsigelser55);
    } catch (e) {
      expect((e as MessageEncodeError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['messageDate', 'recipient', 'reasonCode']));
    }
  });
  it('refuses a reminder chasing the same answer twice, which the decoder would refuse (seed 002, 2.9.5: two DOCs chase two different answers)', () => {
    const reminder = { kind: 'reminder', caseReference: 'X', messageDate: '2024-12-12', recipient: { vir: '1' }, sender: { vir: '2' }, branch: { group: '001', product: '002' } } as const;
    expect(() => encodeMessage({ ...reminder, chases: ['cancellationAnswer', 'bonusAnswer'] }, opsigelser55)).not.toThrow();
    expect(() => encodeMessage({ ...reminder, chases: ['cancellationAnswer', 'cancellationAnswer'] }, opsigelser55)).toThrow(MessageEncodeError);
  });
  it('names the family, and the kind when there is one, in its message', () => {
    expect(() => encodeMessage({ kind: 'cancellation' } as never, opsigelser55)).toThrow('not a valid opsigelser message of kind cancellation');
    expect(() => encodeMessage(null as never, panthaver52)).toThrow(/^not a valid panthaver message:/);
    expect(() => encodeMessage({ kind: 7 } as never, opsigelser55)).toThrow(/^not a valid opsigelser message:/);
  });
  it('never writes trailing empty elements or components', () => {
    const r = decodeText(MOTOR);
    if (!r.ok) throw new Error('no');
    for (const s of encodeMessage(r.value, opsigelser55).body) {
      const last = s.elements[s.elements.length - 1]!;
      expect(last[last.length - 1]).not.toBe('');
      for (const el of s.elements) if (el.length > 1) expect(el[el.length - 1]).not.toBe('');
    }
  });
});
