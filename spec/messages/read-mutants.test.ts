/**
 * The family readers (opsigelser/read.ts, panthaver/read.ts) at what decode-fields.test.ts
 * leaves open: a problem is reported at the segment that has it, and once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../src/messages/decode.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { parse } from '../../src/syntax/read.js';

/** Message `fixture` (UNH..UNT) with `from` replaced by `to`, decoded; its errors as [code, segment, position, element, component]. */
function errorsOf(fixture: string, from: string, to: string): unknown[][] {
  const text = readFileSync(`fixtures/${fixture}`, 'latin1');
  expect(text).toContain(from);
  const segments = parse(text.replace(from, to)).segments.filter((s) => s.tag !== 'UNB' && s.tag !== 'UNZ');
  const r = decodeMessage({ segments }, fixture.startsWith('panthaver') ? panthaver52 : opsigelser55);
  return r.ok ? [] : r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component]);
}

describe('a code the message kind does not take is 14 at its own segment, not at the first of its kind', () => {
  it('a cancellation (9) with DOC 11 and then DOC 9: 14 at the DOC 9', () => {
    expect(errorsOf('opsigelse-9-motor.edi', "DOC+11'", "DOC+11'DOC+9'")).toEqual([['14', 'DOC', 7, 1, 1]]);
  });
  it('a cancellation (9) with DOC 9 and then DOC 11: 14 at the DOC 9', () => {
    expect(errorsOf('opsigelse-9-motor.edi', "DOC+11'", "DOC+9'DOC+11'")).toEqual([['14', 'DOC', 6, 1, 1]]);
  });
  it('an accept (29) with OSI ODC and then OSI BRO: 35 and 14 at the OSI BRO', () => {
    expect(errorsOf('opsigelse-29-accept-with-date.edi', "OSI+ODC'", "OSI+ODC'OSI+BRO'")).toEqual([
      ['35', 'OSI', 5, null, null],
      ['14', 'OSI', 5, 1, 1],
    ]);
  });
});

describe('a date missing from its DTM is one 13 at the date, not also a complaint about the value around it', () => {
  it.each([
    ['the last step change (DTM 290) of a bonus answer', 'opsigelse-11-bonus-answer.edi', 'DTM+290:20240101:102', 'DTM+290::102', ['13', 'DTM', 11, 1, 2]],
    ['the underwriting date (DTM 291)', 'opsigelse-11-bonus-answer.edi', 'DTM+291:20150315:102', 'DTM+291::102', ['13', 'DTM', 10, 1, 2]],
    ['a claim date (DTM 292)', 'opsigelse-11-bonus-answer.edi', 'DTM+292:20220614:102', 'DTM+292::102', ['13', 'DTM', 14, 1, 2]],
    ['the cancellation date (DTM 287) of a 9', 'opsigelse-9-motor.edi', 'DTM+287:20250101:102', 'DTM+287::102', ['13', 'DTM', 5, 1, 2]],
  ])('%s', (_name, fixture, from, to, expected) => {
    expect(errorsOf(fixture, from, to)).toEqual([expected]);
  });
});

describe('a segment that repeats a value already read is 35 and is not read further (nothing in it is reported)', () => {
  it.each([
    ['opsigelser: a second ERC, without its code', 'opsigelse-27-rejection.edi', "ERC+9'", "ERC+9'ERC+'", ['ERC', 4]],
    ['opsigelser: a second BRC, with data nobody reads', 'opsigelse-27-rejection.edi', "BRC+001:002'", "BRC+001:002'BRC+001:002:X'", ['BRC', 11]],
    ['opsigelser: a second CTA, without a name', 'opsigelse-27-rejection.edi', "BRC+001:002'", "BRC+001:002'CTA+IC+:Jens'CTA+IC'", ['CTA', 12]],
    ['panthaver: a second RFF REF, without the reference', 'panthaver-33-accept.edi', "RFF+REF:NB-LOAN-88213'", "RFF+REF:NB-LOAN-88213'RFF+REF'", ['RFF', 5]],
    ['panthaver: a second DTM 7, without the date', 'panthaver-33-accept.edi', "DTM+7:20241015:102'", "DTM+7:20241015:102'DTM+7::102'", ['DTM', 10]],
    ['panthaver: a second ATT PRI, without the code', 'panthaver-33-accept.edi', "ATT+PRI++Z91'", "ATT+PRI++Z91'ATT+PRI'", ['ATT', 13]],
    ['panthaver: a second ICD, without the cover type', 'panthaver-33-accept.edi', "ICD+DK+ZKA'", "ICD+DK+ZKA'ICD+DK'", ['ICD', 14]],
    ['panthaver: a second MOA FSU, without the amount', 'panthaver-Z15-sum-changed.edi', "MOA+FSU:450000'", "MOA+FSU:450000'MOA+FSU'", ['MOA', 11]],
    ['panthaver: a second NAD MS, with an id type that is not VIR', 'panthaver-33-accept.edi', "NAD+MS+22222222::VIR'", "NAD+MS+22222222::VIR'NAD+MS+1::CPR'", ['NAD', 16]],
    ['panthaver: a second CTA, without a name', 'panthaver-33-accept.edi', "UNT+17+1'", "CTA+IC+:Jens'CTA+IC'UNT+19+1'", ['CTA', 18]],
  ])('%s', (_name, fixture, from, to, [tag, position]) => {
    expect(errorsOf(fixture, from, to)).toEqual([['35', tag, position, null, null]]);
  });
});

describe('panthaver: a qualifier the profile does not know is 14 at the qualifier, and nothing of its segment is read', () => {
  it.each([
    ['DTM 999', "DTM+7:20241015:102'", "DTM+7:20241015:102'DTM+999:20241015:102'", ['DTM', 9]],
    ['ATT XXX', "ATT+PRI++Z91'", "ATT+PRI++Z91'ATT+XXX++Z91'", ['ATT', 12]],
    ['MOA XXX', "ATT+PRI++Z91'", "ATT+PRI++Z91'MOA+XXX:100'", ['MOA', 12]],
    ['NAD XX', "UNT+15+1'", "NAD+XX+1::VIR'UNT+16+1'", ['NAD', 15]],
  ])('%s', (_name, from, to, [tag, position]) => {
    expect(errorsOf('panthaver-30-new-declaration.edi', from, to)).toEqual([['14', tag, position, 1, 1]]);
  });
});
