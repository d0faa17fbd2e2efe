/**
 * The texts of the panthaver F01 errors and of the CPR warnings, as a reader of a report sees
 * them: right article and field names ("in an accept (33)", not "in a accept"), the document
 * code beside the kind, no double spaces where a qualifier or a value is blank, and no statement
 * that contradicts itself ("is not 10 digits … (it has 10 digits)").
 */
import { describe, expect, it } from 'vitest';
import { validateCpr } from '../../src/schema/identifiers.js';
import { validate } from '../../src/validate/index.js';
import type { ValidationError } from '../../src/validate/types.js';
import { NOW, oneMessage } from './helpers.js';
import { swap } from './opsigelser-bodies.js';

const MR = 'NAD+MR+22222222::VIR';
const MS = 'NAD+MS+11111111::VIR';
const DEB = 'NAD+DEB+0707614285::CPR++Karen Moelgaard';
const ACCEPT = ['BGM+33', 'RFF+DEK:PD1', 'RFF+POL:00-778899', 'DTM+137:20241021:102', 'DTM+7:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', MR, MS, DEB];
const NEW = ['BGM+30', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', MR, MS, DEB];

async function report(body: readonly string[], type: 'OPSIGE' | 'PANTDE' = 'PANTDE'): Promise<{ errors: ValidationError[]; warnings: ValidationError[] }> {
  const [r] = await validate(oneMessage(body, type), { now: NOW });
  const m = r!.messages[0]!;
  return { errors: m.errors, warnings: m.warnings };
}
const texts = (list: readonly ValidationError[]) => list.map((e) => [e.code, e.message]);

describe('panthaver F01 texts', () => {
  it.each([
    ['an accept without its acceptance date', swap(ACCEPT, 'DTM+7:20241015:102'), [['F01', 'DTM 7 (effectiveDate) is missing in an accept (33)']]],
    ['an accept without fee without it', swap(swap(ACCEPT, 'DTM+7:20241015:102'), 'BGM+33', 'BGM+34'), [['F01', 'DTM 7 (effectiveDate) is missing in an acceptWithoutFee (34)']]],
    ['a new declaration without lien type', swap(NEW, 'ATT+PNT++ZPA'), [['F01', 'ATT PNT (lienType) is missing in a newDeclaration (30)']]],
    ['a rejection without a reason', ['BGM+27', 'RFF+DEK:PD1', 'DTM+137:20241202:102', MR, MS], [['F01', 'ERC is missing in a rejection (27)']]],
    ['a change of insurer without the new insurer', ['BGM+Z40', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'DTM+206:20250101:102', MR, MS], [['F01', 'NAD NFS (newInsurer) is missing in a changeOfInsurer (Z40)']]],
    ['an empty declaration number: a reference without its number', swap(ACCEPT, 'RFF+DEK:PD1', 'RFF+DEK'), [['F01', 'RFF DEK has no reference number']]],
    ['a free text without its text', swap(NEW, 'ATT+DKL++ZFF', 'ATT+DKL++ZFF', 'FTX+AAI'), [['F01', 'FTX AAI has no text']]],
    ['a contact without function or name: no double space for the blank function', swap(NEW, DEB, DEB, 'CTA'), [['F01', 'CTA has no contact function'], ['F01', 'CTA has no contact name']]],
  ])('%s', async (_what, body, expected) => {
    expect(texts((await report(body)).errors)).toEqual(expected);
  });

  it('a segment a kind must not carry names the kind with its article (F04)', async () => {
    expect(texts((await report(swap(ACCEPT, 'BGM+33', 'BGM+33', 'ERC+1'))).errors)).toEqual([['F04', 'ERC is not allowed in an accept (33)']]);
    const twoDates = swap(ACCEPT, 'DTM+7:20241015:102', 'DTM+7:20241015:102', 'DTM+7:20241016:102');
    expect(texts((await report(twoDates)).errors)).toEqual([['F04', 'a second DTM 7: an accept (33) holds one']]);
  });

  it('no F01–F05 or warning text of these messages has a double space or "a" before a vowel', async () => {
    const bodies = [swap(ACCEPT, 'DTM+7:20241015:102'), swap(NEW, DEB, 'NAD+DEB+ ::CPR++Karen', 'CTA'), ['BGM+12', 'RFF+DEK:PD1', 'DTM+137:20241202:102', MR, MS]];
    for (const body of bodies) {
      const { errors, warnings } = await report(body);
      for (const e of [...errors, ...warnings]) {
        expect(e.message).not.toMatch(/ {2}/);
        expect(e.message).not.toMatch(/\ba [aeiou]/i);
      }
    }
  });
});

describe('CPR warning texts', () => {
  it.each([
    ['a value of 10 digits and a letter: not "(it has 10 digits)" alone', '0707614285x', 'CPR 070761-**** is not 10 digits in the form DDMMYYSSSS or DDMMYY-SSSS (it has 10 digits and other characters)'],
    ['8 digits', '07076142', 'CPR 070761-**** is not 10 digits in the form DDMMYYSSSS or DDMMYY-SSSS (it has 8 digits)'],
    ['a blank value: no double space', '  ', 'CPR (blank) is not 10 digits in the form DDMMYYSSSS or DDMMYY-SSSS (it has 0 digits)'],
    ['29 February of a common year', '2902614285', 'CPR 290261-**** has no valid birth date: the day does not exist in that month (29 February in a year that is no leap year, its century read from digit 7)'],
    ['a month that does not exist', '0713801234', 'CPR 071380-**** has no valid birth date: the month does not exist'],
  ])('%s', (_what, value, problem) => {
    expect(validateCpr(value).problem).toBe(problem);
  });

  it('reach the NAD warning as they are', async () => {
    const { warnings } = await report(swap(NEW, DEB, 'NAD+DEB+ ::CPR++Karen Moelgaard'));
    expect(texts(warnings)).toEqual([['12', 'NAD DEB: CPR (blank) is not 10 digits in the form DDMMYYSSSS or DDMMYY-SSSS (it has 0 digits)']]);
  });
});
