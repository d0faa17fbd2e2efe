/**
 * Panthaver content rules at their edges (panthaver.md "Messages"; default-profile.md's
 * F01–F05 mapping): each case is one PANTDE message and the complete list of errors it must
 * get (`[code, rule, segment position, element, component]`, UNH is position 1).
 */
import { describe, expect, it } from 'vitest';
import { type ErrorRow, messageErrors, oneMessage } from './helpers.js';
import { swap } from './opsigelser-bodies.js';

const MR = 'NAD+MR+22222222::VIR';
const MS = 'NAD+MS+11111111::VIR';
const DEB = 'NAD+DEB+0707614285::CPR++Karen Moelgaard';

/** An accept (33) of an F declaration. Body index i is segment position i + 2. */
const ACCEPT = ['BGM+33', 'RFF+DEK:PD1', 'RFF+POL:00-778899', 'DTM+137:20241021:102', 'DTM+7:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', MR, MS, DEB];
/** An accept (33) of an L declaration: it carries the sum insured. */
const ACCEPT_L = swap(ACCEPT, 'ATT+DKL++ZFF', 'ATT+DKL++ZLL', 'MOA+FSU:450000');
/** A change of insurer (Z40) sent 30 days before the policy ends (the earliest allowed). */
const Z40 = ['BGM+Z40', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'DTM+206:20250101:102', MR, MS, DEB, 'NAD+NFS+33333333::VIR'];
/** Coverage ended for arrears (Z10) on a D declaration, without a new cover type. */
const Z10_D = ['BGM+Z10', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'DTM+206:20250101:102', 'ATT+DKL++ZDD', MR, MS, DEB];
/** A content error (12). */
const TWELVE = ['BGM+12', 'ERC+F02', 'RFF+DEK:PD1', 'DTM+137:20241202:102', MR, MS];

const errorsOf = (body: readonly string[]) => messageErrors(oneMessage(body, 'PANTDE'));

describe('clean panthaver messages', () => {
  it.each([
    ['an accept of an F declaration (no sum insured needed)', ACCEPT],
    ['an accept of an L declaration with its sum insured', ACCEPT_L],
    ['an accept without fee (34) of an L declaration with its sum insured', swap(ACCEPT_L, 'BGM+33', 'BGM+34')],
    ['a change of insurer exactly 30 days before the policy ends', Z40],
    ['coverage ended on a D declaration without a new cover type', Z10_D],
    ['a content error with F02', TWELVE],
    ['a rejection with three reasons', ['BGM+27', 'ERC+1', 'ERC+2', 'ERC+3', 'RFF+DEK:PD1', 'DTM+137:20241202:102', MR, MS]],
    ['a new declaration with lien type, declaration type and debtor', ['BGM+30', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', MR, MS, DEB]],
    ['a new declaration of an L declaration (the sum insured comes with the accept)', ['BGM+30', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZLL', MR, MS, DEB]],
    ['a priority change with its new priority', ['BGM+Z60', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'ATT+PRI++Z92', MR, MS]],
    ['a sum-insured change (Z15) that does not say the declaration type', ['BGM+Z15', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'MOA+FSU:450000', MR, MS]],
    ['a content error with a free text and a contact', ['BGM+12', 'ERC+F02', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'FTX+AAI+++forkert:format', MR, MS, 'CTA+IC+:Jens Hansen']],
    ['a lien amount (MOA PNT) in kroner and øre: only the sum insured is whole kroner', ['BGM+32', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZLE', 'ATT+DKL++ZFF', 'MOA+PNT:125000.50', MR, MS, DEB]],
  ])('%s', async (_, body) => {
    expect(await errorsOf(body)).toEqual([]);
  });
});

const cases: Array<[string, string[], ErrorRow[]]> = [
  ['an accept without the declaration number (only other references)', swap(ACCEPT, 'RFF+DEK:PD1'), [['F01', 'required-segment-missing', null, null, null]]],
  ['an empty declaration number', swap(ACCEPT, 'RFF+DEK:PD1', 'RFF+DEK'), [['F01', 'required-segment-missing', 3, 1, 2]]],
  ['an accept whose only date is the effective date lacks the message date', swap(ACCEPT, 'DTM+137:20241021:102'), [['F01', 'required-segment-missing', null, null, null]]],
  ['an accept without fee (34) of an L declaration without the sum insured', swap(swap(ACCEPT_L, 'MOA+FSU:450000'), 'BGM+33', 'BGM+34'), [['F01', 'required-segment-missing', null, null, null]]],
  ['a rejection reason in an accept is only misplaced (F04), not also an unknown code', swap(ACCEPT, 'BGM+33', 'BGM+33', 'ERC+1'), [['F04', 'segment-not-allowed-for-kind', 3, null, null]]],
  ['a rejection reason (1) in a content error', swap(TWELVE, 'ERC+F02', 'ERC+1'), [['F02', 'unknown-code', 3, 1, 1]]],
  // a 12'er names one content error ('ERC med kode for fejlårsag (F01 - F05)'); decodeMessage already says 35
  ['a content error with a second ERC: the second is misplaced', swap(TWELVE, 'ERC+F02', 'ERC+F02', 'ERC+F01'), [['F04', 'segment-not-allowed-for-kind', 4, null, null]]],
  ['a content error with three ERCs: the second and third are misplaced', swap(TWELVE, 'ERC+F02', 'ERC+F02', 'ERC+F01', 'ERC+F03'), [
    ['F04', 'segment-not-allowed-for-kind', 4, null, null],
    ['F04', 'segment-not-allowed-for-kind', 5, null, null],
  ]],
  ['a change of insurer 31 days before the policy ends', swap(Z40, 'DTM+137:20241202:102', 'DTM+137:20241201:102'), [['F05', 'change-of-insurer-too-early', 5, 1, 2]]],
  ['a change of insurer without the end date', swap(Z40, 'DTM+206:20250101:102'), [['F01', 'required-segment-missing', null, null, null]]],
  ['a change of insurer without the message date', swap(Z40, 'DTM+137:20241202:102'), [['F01', 'required-segment-missing', null, null, null]]],
  ['a change of insurer whose message date is not a real date is judged by the date rule only', swap(Z40, 'DTM+137:20241202:102', 'DTM+137:20241232:102'), [['F02', 'invalid-date', 4, 1, 2]]],
  ['a change of insurer whose end date is not a real date is judged by the date rule only', swap(Z40, 'DTM+206:20250101:102', 'DTM+206:20250132:102'), [['F02', 'invalid-date', 5, 1, 2]]],
  ['a BGM without its document code', swap(ACCEPT, 'BGM+33', 'BGM'), [['13', null, 2, 1, null]]],
  ['an end date without its format code is a layout error (13), as in decodeMessage', swap(Z40, 'DTM+206:20250101:102', 'DTM+206:20250101'), [['13', null, 5, 1, 3]]],
  ['a new cover type on a D declaration when coverage ends', swap(Z10_D, 'ATT+DKL++ZDD', 'ATT+DKL++ZDD', 'ICD+DK+ZKA'), [['F02', 'cover-type-change-not-allowed', 7, null, null]]],
  // The attributes a kind requires must have a value (default-profile.md F01: "missing or empty").
  ['a new declaration whose lien type is empty', ['BGM+30', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT', 'ATT+DKL++ZFF', MR, MS, DEB], [['F01', 'required-segment-missing', 5, 3, 1]]],
  ['a change of lienholder whose declaration type is empty', ['BGM+32', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL', MR, MS, DEB], [['F01', 'required-segment-missing', 6, 3, 1]]],
  ['a priority change whose new priority is empty', ['BGM+Z60', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'ATT+PRI', MR, MS], [['F01', 'required-segment-missing', 5, 3, 1]]],
  // Every value a sent segment carries must be there (default-profile.md F01: "missing or empty"); decodeMessage
  // refuses each of these too (spec/validate/decode-agreement.property.test.ts).
  ['an accept whose policy number is empty', swap(ACCEPT, 'RFF+POL:00-778899', 'RFF+POL'), [['F01', 'required-segment-missing', 4, 1, 2]]],
  ['an accept whose debtor reference is an empty component', swap(ACCEPT, 'RFF+POL:00-778899', 'RFF+DEB:'), [['F01', 'required-segment-missing', 4, 1, 2]]],
  ['an accept whose lien type (not required for an accept) is empty', swap(ACCEPT, 'ATT+PNT++ZPA', 'ATT+PNT++'), [['F01', 'required-segment-missing', 7, 3, 1]]],
  ['an L accept whose sum insured is empty', swap(ACCEPT_L, 'MOA+FSU:450000', 'MOA+FSU:'), [['F01', 'required-segment-missing', 9, 1, 2]]],
  ['a lien amount (MOA PNT) without the amount', ['BGM+32', 'RFF+DEK:PD1', 'DTM+137:20241015:102', 'ATT+PNT++ZLE', 'ATT+DKL++ZFF', 'MOA+PNT', MR, MS, DEB], [['F01', 'required-segment-missing', 7, 1, 2]]],
  ['a debtor with a CPR number but no name', swap(ACCEPT, DEB, 'NAD+DEB+0707614285::CPR'), [['F01', 'required-segment-missing', 11, 4, 1]]],
  ['a new insurer without its VIR number', swap(Z40, 'NAD+NFS+33333333::VIR', 'NAD+NFS'), [['F01', 'required-segment-missing', 9, 2, 1]]],
  ['a free text without text', swap(TWELVE, 'DTM+137:20241202:102', 'DTM+137:20241202:102', 'FTX+AAI+++'), [['F01', 'required-segment-missing', 6, 4, 1]]],
  ['a contact without the contact name', [...TWELVE, 'CTA+IC+:'], [['F01', 'required-segment-missing', 8, 2, 2]]],
  ['a contact without its function', [...TWELVE, 'CTA++:Jens Hansen'], [['F01', 'required-segment-missing', 8, 1, 1]]],
  // seed 001 'Accept': "Ved L-deklarationer skal forsikringselskabet indtaste en acceptdato og en
  // forsikringssum (i hele kroner uden punktum)" — the sum insured (MOA FSU) is whole kroner.
  ['an L accept whose sum insured has øre', swap(ACCEPT_L, 'MOA+FSU:450000', 'MOA+FSU:450000.50'), [['F02', 'sum-insured-not-whole-kroner', 9, 1, 2]]],
  ['an L accept whose sum insured has a decimal comma', swap(ACCEPT_L, 'MOA+FSU:450000', 'MOA+FSU:450000,00'), [['F02', 'sum-insured-not-whole-kroner', 9, 1, 2]]],
  ['an L accept whose sum insured is negative', swap(ACCEPT_L, 'MOA+FSU:450000', 'MOA+FSU:-450000'), [['F02', 'sum-insured-not-whole-kroner', 9, 1, 2]]],
  ['a sum-insured change (Z15) in kroner and øre', ['BGM+Z15', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'MOA+FSU:450000.5', MR, MS], [['F02', 'sum-insured-not-whole-kroner', 5, 1, 2]]],
];

describe('panthaver rules report exactly these errors', () => {
  it.each(cases)('%s', async (_, body, want) => {
    expect(await errorsOf(body)).toEqual(want);
  });
});
