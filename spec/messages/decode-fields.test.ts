/**
 * How decodeMessage reads each field of the default profile's layouts (default-profile.md):
 * what a well-formed value decodes to, and which ISO 9735 code (at which element and
 * component) a malformed one gets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { MessageEncodeError } from '../../src/messages/wire/errors.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { parse } from '../../src/syntax/read.js';

const MOTOR = `UNH+1+OPSIGE:1:911:UN'BGM+9'RFF+OPS:TRY-1'DTM+137:20241120:102'DTM+287:20250101:102'DOC+11'NAD+MR+22222222::VIR'NAD+MS+11111111::VIR'NAD+FT1+0101801234::CPR++Søren+Østergade 12+København K++1100+DK'RFF+POL:00-123'RFF+REG:AB12345'BRC+001:002'UNT+13+1'`;

function decodeText(body: string, profile = opsigelser55) {
  return decodeMessage({ segments: parse(body).segments }, profile);
}
/** The errors of a message that must not decode, as [code, segment, segment position, element, component]. */
function errorsOf(body: string, profile = opsigelser55) {
  const r = decodeText(body, profile);
  if (r.ok) throw new Error(`decoded: ${JSON.stringify(r.value)}`);
  return r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component]);
}
function valueOf(body: string, profile = opsigelser55): Record<string, unknown> {
  const r = decodeText(body, profile);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value as unknown as Record<string, unknown>;
}
const ADD_AFTER_BRC = (segments: string) => MOTOR.replace("BRC+001:002'", `BRC+001:002'${segments}`);

describe('opsigelser: well-formed fields decode to their typed values', () => {
  it.each([
    ['DTM 288 → basis otherDate', MOTOR.replace('DTM+287', 'DTM+288').replace("DOC+11'", "DOC+11'FTX+AAI+++Anden dato:aftalt'"), { cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Anden dato', 'aftalt']] }],
    ['a blank line between two FTX lines (C108 4440 is conditional after the first): an empty string', MOTOR.replace('DTM+287', 'DTM+288').replace("DOC+11'", "DOC+11'FTX+AAI+++Anden dato::aftalt'"), { freeText: [['Anden dato', '', 'aftalt']] }],
    ['a trailing empty FTX line (a separator ISO 9735 lets a sender leave): no line', MOTOR.replace('DTM+287', 'DTM+288').replace("DOC+11'", "DOC+11'FTX+AAI+++Anden dato:'"), { freeText: [['Anden dato']] }],
    ['DTM 294 → basis withdrawal', MOTOR.replace('DTM+287', 'DTM+294'), { cancellationDate: { date: '2025-01-01', basis: 'withdrawal' } }],
    ['DTM 296 → basis shortenedNotice', MOTOR.replace('DTM+287', 'DTM+296'), { cancellationDate: { date: '2025-01-01', basis: 'shortenedNotice' } }],
    ['a company name in a company NAD', MOTOR.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::VIR++Afgivende A/S'), { recipient: { vir: '22222222', name: 'Afgivende A/S' } }],
    ['a CVR number', MOTOR.replace('::CPR', '::CVR'), { policyholder1: { id: { value: '0101801234', type: 'CVR' }, name: 'Søren', street: 'Østergade 12', city: 'København K', postcode: '1100', country: 'DK' } }],
    ['a policyholder 2 without id, with two name lines', MOTOR.replace("NAD+MS+11111111::VIR'", "NAD+MS+11111111::VIR'NAD+FT2+++Anden:Linje to'"), { policyholder2: { name: 'Anden', name2: 'Linje to' } }],
    ['an insured location (address only)', MOTOR.replace("NAD+MS+11111111::VIR'", "NAD+MS+11111111::VIR'NAD+FS++++Brogade 3+Ærøskøbing++5970+DK'"), { insuredLocation: { street: 'Brogade 3', city: 'Ærøskøbing', postcode: '5970', country: 'DK' } }],
    ['a matrikel number with its ejerlav', MOTOR.replace('RFF+REG:AB12345', 'RFF+MAT:12a:::Ærøskøbing Bygrunde'), { matrikel: { number: '12a', ejerlav: 'Ærøskøbing Bygrunde' } }],
    ['a matrikel number without ejerlav', MOTOR.replace('RFF+REG:AB12345', 'RFF+MAT:12a'), { matrikel: { number: '12a' } }],
    ['a contact person', ADD_AFTER_BRC("CTA+IC+:Jens Hansen'"), { contact: 'Jens Hansen' }],
  ])('%s', (_name, body, expected) => {
    expect(valueOf(body)).toMatchObject(expected);
  });
});

describe('opsigelser: malformed fields are reported at their element and component', () => {
  it.each([
    ['an unknown DOC code: 14 at the code', MOTOR.replace('DOC+11', 'DOC+99'), [['14', 'DOC', 6, 1, 1]]],
    ['DOC 9 (chases an answer) in a cancellation: 14 at the code', MOTOR.replace('DOC+11', 'DOC+9'), [['14', 'DOC', 6, 1, 1]]],
    ['data in a DOC element nobody reads: 15 there', MOTOR.replace('DOC+11', 'DOC+11+X'), [['15', 'DOC', 6, 2, 1]]],
    ['a company NAD without VIR number: 13 at the id', MOTOR.replace('NAD+MR+22222222::VIR', 'NAD+MR+::VIR'), [['13', 'NAD', 7, 2, 1]]],
    ['a company NAD with another id type: 14 at the id type', MOTOR.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::CPR'), [['14', 'NAD', 7, 2, 3]]],
    ['an address in a company NAD: 15 at the street', MOTOR.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::VIR++Navn+Gade 1'), [['15', 'NAD', 7, 5, 1]]],
    ['a policyholder id of an unknown type: 14 at the id type', MOTOR.replace('::CPR', '::XXX'), [['14', 'NAD', 9, 2, 3]]],
    ['a policyholder id type without an id: 13 at the id', MOTOR.replace('0101801234::CPR', '::CPR'), [['13', 'NAD', 9, 2, 1]]],
    ['an unknown party qualifier: 14 at the qualifier', MOTOR.replace("NAD+MS+11111111::VIR'", "NAD+MS+11111111::VIR'NAD+XX+1::VIR'"), [['14', 'NAD', 9, 1, 1]]],
    ['a DTM without format code: 13 at the format', MOTOR.replace('DTM+287:20250101:102', 'DTM+287:20250101'), [['13', 'DTM', 5, 1, 3]]],
    ['a DTM with another format code: 14 at the format', MOTOR.replace('DTM+287:20250101:102', 'DTM+287:20250101:101'), [['14', 'DTM', 5, 1, 3]]],
    ['a DTM without date: 13 at the date', MOTOR.replace('DTM+287:20250101:102', 'DTM+287::102'), [['13', 'DTM', 5, 1, 2]]],
    ['a date of 7 digits: 12 at the date', MOTOR.replace('DTM+287:20250101:102', 'DTM+287:2025011:102'), [['12', 'DTM', 5, 1, 2]]],
    ['a date with a time: 12 at the date', MOTOR.replace('DTM+287:20250101:102', 'DTM+287:202501011200:102'), [['12', 'DTM', 5, 1, 2]]],
    ['an RFF without its reference: 13 at the reference', MOTOR.replace('RFF+POL:00-123', 'RFF+POL'), [['13', 'RFF', 10, 1, 2]]],
    ['a matrikel without its number: 13 at the number', MOTOR.replace('RFF+REG:AB12345', 'RFF+MAT::::Ejerlav'), [['13', 'RFF', 11, 1, 2]]],
    ['FTX with another text subject: 14 at the subject', MOTOR.replace('DTM+287', 'DTM+288').replace("DOC+11'", "DOC+11'FTX+ZZZ+++a'"), [['14', 'FTX', 7, 1, 1]]],
    ['CTA with another contact function: 14 at the function', ADD_AFTER_BRC("CTA+XX+:Jens'"), [['14', 'CTA', 13, 1, 1]]],
    ['CTA without a name: 13 at the name', ADD_AFTER_BRC("CTA+IC'"), [['13', 'CTA', 13, 2, 2]]],
    ['a branch product of 4 characters: 12 at the product', MOTOR.replace('BRC+001:002', 'BRC+001:0022'), [['12', 'BRC', 12, 1, 2]]],
    ['a group without its product: 13 at BRC', MOTOR.replace('BRC+001:002', 'BRC+001'), [['13', 'BRC', 12, null, null]]],
  ])('%s', (_name, body, expected) => {
    expect(errorsOf(body)).toEqual(expected);
  });
});

describe('opsigelser: the bonus block (SIF, its DTMs, SHI + DTM claims)', () => {
  const bonusText = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
  const decodeBonus = (from: string, to: string) => {
    const { interchanges } = parseInterchanges(bonusText.replace(from, to));
    return decodeMessage(interchanges[0]!.messages[0]!, opsigelser55);
  };
  it('decodes the fixture’s bonus block', () => {
    const r = decodeBonus('', '');
    expect(r.ok && r.value.kind === 'bonusAnswer' && r.value.bonus).toEqual({
      premiumStep: '10',
      claimFreeYears: 4,
      underwritingDate: '2015-03-15',
      lastStepChange: { date: '2024-01-01' },
      policyEndDate: '2024-12-31',
      claims: [
        { consequence: '4', date: '2022-06-14' },
        { consequence: '1', date: '2023-09-02' },
      ],
    });
  });
  it('DTM 293 (last step change unknown) decodes as unknown; with a date it is 15 at the date', () => {
    const r = decodeBonus('DTM+290:20240101:102', 'DTM+293::102');
    expect(r.ok && r.value.kind === 'bonusAnswer' && r.value.bonus.lastStepChange).toEqual({ unknown: true });
    const bad = decodeBonus('DTM+290:20240101:102', 'DTM+293:20240101:102');
    expect(bad.ok || bad.errors.map((e) => [e.code, e.segment, e.element, e.component])).toEqual([['15', 'DTM', 1, 2]]);
  });
  it.each([
    ['a DTM the bonus block does not carry (292): 14 at the qualifier', 'DTM+291:20150315:102', 'DTM+292:20150315:102', ['14', 'DTM', 10, 1, 1]],
    ['a claim’s DTM that is not the claim date: 14 at the qualifier', 'DTM+292:20220614:102', 'DTM+291:20220614:102', ['14', 'DTM', 14, 1, 1]],
    ['DTM 290 twice in the bonus block: 35 at the second', 'DTM+295:20241231:102', 'DTM+290:20241231:102', ['35', 'DTM', 12, null, null]],
    ['a last step change without its date: 13 at the date', 'DTM+290:20240101:102', 'DTM+290::102', ['13', 'DTM', 11, 1, 2]],
    ['an underwriting date that is no date: 12 at the date', 'DTM+291:20150315:102', 'DTM+291:2015031X:102', ['12', 'DTM', 10, 1, 2]],
    ['a claim date that is no date: 12 at the date', 'DTM+292:20220614:102', 'DTM+292:20220632:102', ['12', 'DTM', 14, 1, 2]],
    ['an unknown consequence code: 12 at SHI', 'SHI+4', 'SHI+7', ['12', 'SHI', 13, 1, 1]],
    ['a premium step that is neither digits nor FASTP: 12 at SIF', 'SIF+10+4', 'SIF+X+4', ['12', 'SIF', 9, 1, 1]],
  ])('%s', (_name, from, to, expected) => {
    const r = decodeBonus(from, to);
    expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component])).toContainEqual(expected);
  });
  it('FASTP is a premium step', () => {
    const r = decodeBonus('SIF+10+4', 'SIF+FASTP+0');
    expect(r.ok && r.value.kind === 'bonusAnswer' && [r.value.bonus.premiumStep, r.value.bonus.claimFreeYears]).toEqual(['FASTP', 0]);
  });
});

describe('panthaver: fields decode to their typed values and malformed ones are positioned', () => {
  const declText = readFileSync('fixtures/panthaver-30-new-declaration.edi', 'latin1');
  /** UNH..UNT of the fixture with `from` replaced (UNT's count is not checked here). */
  const decodeDecl = (from: string, to: string) => {
    const segments = parse(declText.replace(from, to)).segments.filter((s) => s.tag !== 'UNB' && s.tag !== 'UNZ');
    return decodeMessage({ segments }, panthaver52);
  };
  it('decodes the references, dates, attributes and debtor of a new declaration', () => {
    const r = decodeDecl('', '');
    expect(r.ok && r.value).toMatchObject({
      kind: 'newDeclaration',
      declarationNumber: 'PD2024000417',
      senderReference: 'NB-LOAN-88213',
      registrationNumber: 'AB12345',
      chassisNumber: 'WVWZZZAUZLW123456',
      messageDate: '2024-10-15',
      effectiveDate: '2024-10-15',
      lienType: 'ZPA',
      declarationType: 'ZFF',
      priority: 'Z91',
      sender: { vir: '60000001', name: 'Nordbank A/S' },
      debtor: { id: { value: '0707614285', type: 'CPR' }, name: 'Karen Mølgaard' },
    });
  });
  it.each([
    ['a cover type in ICD', "ATT+PRI++Z91'", "ATT+PRI++Z91'ICD+DK+ZKA'", { coverType: 'ZKA' }],
    ['a lien amount with a decimal comma, as a decimal point', "ATT+PRI++Z91'", "ATT+PRI++Z91'MOA+PNT:125000,50'", { lienAmount: '125000.50' }],
    ['free text', "NAD+MR", "FTX+AAI+++Linje 1:Linje 2'NAD+MR", { freeText: [['Linje 1', 'Linje 2']] }],
    ['the other references', "RFF+REG:AB12345'", "RFF+POL:1'RFF+DEB:2'RFF+SAF:3'RFF+REG:AB12345'RFF+MOT:4'RFF+BYG:5'", { policyNumber: '1', debtorReference: '2', specialAgreementNumber: '3', engineNumber: '4', buildNumber: '5' }],
  ])('%s', (_name, from, to, expected) => {
    const r = decodeDecl(from, to);
    expect(r.ok ? r.value : r.errors).toMatchObject(expected);
  });
  it.each([
    ['an unknown cover scheme: 14 at the scheme', "ATT+PRI++Z91'", "ATT+PRI++Z91'ICD+XX+ZKA'", ['14', 'ICD', 12, 1, 1]],
    ['ICD without a cover type: 13 at the cover type', "ATT+PRI++Z91'", "ATT+PRI++Z91'ICD+DK'", ['13', 'ICD', 12, 2, 1]],
    ['ATT without its code: 13 at the code', 'ATT+PRI++Z91', 'ATT+PRI', ['13', 'ATT', 11, 3, 1]],
    ['a lien amount with 4 decimals: 12 at the amount', "ATT+PRI++Z91'", "ATT+PRI++Z91'MOA+PNT:1.2345'", ['12', 'MOA', 12, 1, 2]],
    ['MOA without an amount: 13 at the amount', "ATT+PRI++Z91'", "ATT+PRI++Z91'MOA+PNT'", ['13', 'MOA', 12, 1, 2]],
    ['an ERC without its code: 13 at the code', "BGM+30'", "BGM+30'ERC+'", ['13', 'ERC', 3, 1, 1]],
    ['a reference given twice: 35 at the second', "RFF+REF:NB-LOAN-88213'", "RFF+REF:NB-LOAN-88213'RFF+REF:X'", ['35', 'RFF', 5, null, null]],
    ['a second DTM 7: 35 at the second', "DTM+7:20241015:102'", "DTM+7:20241015:102'DTM+7:20241016:102'", ['35', 'DTM', 9, null, null]],
  ])('%s', (_name, from, to, expected) => {
    const r = decodeDecl(from, to);
    expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component])).toEqual([expected]);
  });
});

describe('reported once, at the right segment', () => {
  const REJECTION = `UNH+1+OPSIGE:1:911:UN'BGM+27'ERC+19'RFF+OPS:TRY-1'DTM+137:20241120:102'NAD+MR+1::VIR'NAD+MS+2::VIR'BRC+001:002'UNT+9+1'`;
  const declText = readFileSync('fixtures/panthaver-30-new-declaration.edi', 'latin1');
  const declBody = (from: string, to: string) => declText.replace(from, to).replace(/^UNA.*?'\s*UNB.*?'\s*/s, '').replace(/UNZ.*$/s, '');
  it.each([
    ['an unknown OSI code in a rejection: 14 at the code', REJECTION.replace("RFF+OPS:TRY-1'", "RFF+OPS:TRY-1'OSI+XYZ'"), opsigelser55, [['14', 'OSI', 5, 1, 1]]],
    ['an unknown DOC code in a rejection: 14 at the code', REJECTION.replace("DTM+137:20241120:102'", "DTM+137:20241120:102'DOC+99'"), opsigelser55, [['14', 'DOC', 6, 1, 1]]],
    ['two DOCs in a rejection, which carries none: 15 at the first', REJECTION.replace("DTM+137:20241120:102'", "DTM+137:20241120:102'DOC+11'DOC+9'"), opsigelser55, [['15', 'DOC', 6, 1, 1]]],
    ['two FTX in a rejection, which carries none: 15 at the first', REJECTION.replace("DTM+137:20241120:102'", "DTM+137:20241120:102'FTX+AAI+++a'FTX+AAI+++b'"), opsigelser55, [['15', 'FTX', 6, null, null]]],
    ['a message-level DTM the cancellation does not carry (291): 14 at the qualifier, and no cancellation date: 13', MOTOR.replace('DTM+287', 'DTM+291'), opsigelser55, [['14', 'DTM', 5, 1, 1], ['13', 'DTM', null, null, null]]],
    ['a name in the insured location NAD (address only): 15 at the name', MOTOR.replace("NAD+MS+11111111::VIR'", "NAD+MS+11111111::VIR'NAD+FS+++Navn+Brogade 3+Ærøskøbing++5970+DK'"), opsigelser55, [['15', 'NAD', 9, 4, 1]]],
    ['a second matrikel number: 35 at the second', MOTOR.replace('RFF+REG:AB12345', "RFF+MAT:12a'RFF+MAT:12b"), opsigelser55, [['35', 'RFF', 12, null, null]]],
    ['two ERCs in a new declaration, which carries none: 15 at the first', declBody("BGM+30'", "BGM+30'ERC+1'ERC+2'"), panthaver52, [['15', 'ERC', 3, 1, 1]]],
    ['an ERC without its code in a new declaration: only 13 at the code', declBody("BGM+30'", "BGM+30'ERC+'"), panthaver52, [['13', 'ERC', 3, 1, 1]]],
    ['two FTX in a new declaration are read in order', declBody("NAD+MR", "FTX+AAI+++a'FTX+AAI+++b'NAD+MR"), panthaver52, []],
    ['a second ATT PNT: 35 at the second', declBody("ATT+PNT++ZPA'", "ATT+PNT++ZPA'ATT+PNT++ZLE'"), panthaver52, [['35', 'ATT', 10, null, null]]],
    ['a second MOA PNT: 35 at the second', declBody("ATT+PRI++Z91'", "ATT+PRI++Z91'MOA+PNT:1'MOA+PNT:2'"), panthaver52, [['35', 'MOA', 13, null, null]]],
    ['a second NAD DEB: 35 at the second', declBody("UNT", "NAD+DEB+++Anden'UNT"), panthaver52, [['35', 'NAD', 15, null, null]]],
  ])('%s', (_name, body, profile, expected) => {
    const r = decodeText(body, profile);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component])).toEqual(expected);
  });
  it('claim-free years missing from SIF: 13 at SIF, not 12', () => {
    const bonusText = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
    const { interchanges } = parseInterchanges(bonusText.replace('SIF+10+4', 'SIF+10'));
    const r = decodeMessage(interchanges[0]!.messages[0]!, opsigelser55);
    expect(r.ok || r.errors.map((e) => [e.code, e.segment, e.segmentPosition])).toEqual([['13', 'SIF', 9]]);
  });
});

describe('the walk, the reader and the schema together', () => {
  const at = (body: string) => errorsOf(body);
  it.each([
    ['a segment out of order is 15 there and not read (an unknown OSI code after DTM gives no 14)', MOTOR.replace("DOC+11'", "OSI+XYZ'DOC+11'"), [['15', 'OSI', 6, null, null]]],
    ['a second NAD MR is 35 and not read (its unknown id type gives no 14)', MOTOR.replace("NAD+MS", "NAD+MR+3::XXX'NAD+MS"), [['35', 'NAD', 8, null, null]]],
    ['two fields missing without a position are both 13 (recipient and sender)', MOTOR.replace("NAD+MR+22222222::VIR'NAD+MS+11111111::VIR'", ''), [['13', 'NAD', null, null, null], ['13', 'NAD', null, null, null]]],
    ['a contact name of 36 characters: 12 at the name', ADD_AFTER_BRC(`CTA+IC+:${'J'.repeat(36)}'`), [['12', 'CTA', 13, 2, 2]]],
    ["a 12'er with an ERC code that is not F01–F05: 12 at the code", `BGM+12'ERC+F09'RFF+OPS:X'DTM+137:20241120:102'NAD+MR+1::VIR'NAD+MS+2::VIR'BRC+001:002'`, [['12', 'ERC', 3, 1, 1]]],
  ])('%s', (_name, body, expected) => {
    expect(at(body)).toEqual(expected);
  });
  it('names the element and component of data nobody reads in its reason', () => {
    const r = decodeText(MOTOR.replace('DOC+11', 'DOC+11+X:Y'));
    expect(r.ok || r.errors.map((e) => e.reason)).toEqual(['DOC: unexpected data "X" in element 2, component 1', 'DOC: unexpected data "Y" in element 2, component 2']);
  });
  it('a message given from UNH without UNT decodes as with it', () => {
    const segments = parse(MOTOR).segments;
    expect(decodeMessage({ segments: segments.slice(0, -1) }, opsigelser55)).toEqual(decodeMessage({ segments }, opsigelser55));
    expect(decodeMessage({ segments: segments.slice(0, -1) }, opsigelser55).ok).toBe(true);
  });
});

describe('MessageEncodeError', () => {
  it('lists each issue as path: message, naming a whole-value issue (value), and is just the message without issues', () => {
    expect(new MessageEncodeError('cannot build x', [{ path: 'a.b', message: 'bad' }, { path: '', message: 'worse' }]).message).toBe('cannot build x: a.b: bad; (value): worse');
    expect(new MessageEncodeError('cannot build x').message).toBe('cannot build x');
  });
});
