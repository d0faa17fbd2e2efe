/**
 * Opsigelser content rules at their edges (opsigelser.md "Segments per kind" and "Case rules",
 * default-profile.md's F01–F05 mapping): each case is one message and the *complete* list of
 * errors it must get — code, rule, segment position (UNH is 1; `null` for something missing),
 * element and component. Found with Stryker: each of these edges could move without the
 * invalid corpus noticing.
 */
import { describe, expect, it } from 'vitest';
import { type ErrorRow, messageErrors, oneMessage } from './helpers.js';
import { patchProfile } from '../../src/schema/patch.js';
import { defaultProfile } from '../../src/schema/profiles/index.js';
import { ELEVEN, FIFTEEN, FT1, MR, MS, NINE, swap, THIRTEEN, TWENTY_NINE, TWENTY_SEVEN } from './opsigelser-bodies.js';

const errorsOf = (body: readonly string[]) => messageErrors(oneMessage(body));

describe('the base messages of these tests are clean', () => {
  it.each([
    ['9', NINE],
    ['11', ELEVEN],
    ['13', THIRTEEN],
    ['15', FIFTEEN],
    ['27', TWENTY_SEVEN],
    ['29', TWENTY_NINE],
    ['29 accepting per the requested date (neither OSI ODC nor a DTM)', swap(swap(TWENTY_NINE, 'OSI+ODC'), 'DTM+287:20250201:102')],
    ['9 per another date (288) with the reason in FTX', swap(NINE, 'DTM+287:20250101:102', 'DTM+288:20250101:102', 'FTX+AAI+++Flytter')],
    ['27 with ERC 19 (withdrawal refused) needs no end date', swap(swap(swap(TWENTY_SEVEN, 'ERC+9', 'ERC+19'), 'DTM+295:20250101:102'), 'NAD+OPS+33333333::VIR')],
    ['12 with a free text, 9 with a contact', ['BGM+12', 'ERC+F02', 'RFF+OPS:R-1', 'DTM+137:20241202:102', 'FTX+AAI+++forkert:format', MR, MS, 'BRC+001:002']],
    ['9 with a contact', [...NINE, 'CTA+IC+:Jens Hansen']],
    ['9 with shortened notice (296) on motor', swap(NINE, 'DTM+287:20250101:102', 'DTM+296:20250101:102')],
    ['9 on business insurance (004) with a normal cancellation date', swap(swap(NINE, 'RFF+REG:AB12345'), 'BRC+001:002', 'BRC+004:001')],
    ['9 on family insurance (003) needs neither a registration number nor a matrikel', swap(swap(NINE, 'RFF+REG:AB12345'), 'BRC+001:002', 'BRC+003:001')],
    ['29 on motor needs no registration number', swap(swap(swap(TWENTY_NINE, 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK'), 'RFF+MAT:12a:::Aeroeskoebing Koebstad'), 'BRC+002:001', 'BRC+001:002')],
    ['a matrikel without ejerlav is enough (seed 002: no machine rejection for a missing ejerlav)', swap(TWENTY_NINE, 'RFF+MAT:12a:::Aeroeskoebing Koebstad', 'RFF+MAT:12a')],
  ])('%s', async (_, body) => {
    expect(await errorsOf(body)).toEqual([]);
  });
});

const cases: Array<[string, string[], ErrorRow[]]> = [
  // required-segment-missing (F01)
  ['a 9 whose only DTM is the cancellation date lacks the message date (137)', swap(NINE, 'DTM+137:20241120:102'), [['F01', 'required-segment-missing', null, null, null]]],
  [
    'an empty case reference is reported where it is, even when a second (filled) one follows',
    swap(NINE, 'RFF+POL:00-123', 'RFF+POL:00-123', 'RFF+OPS:R-2').map((s) => (s === 'RFF+OPS:R-1' ? 'RFF+OPS' : s)),
    [
      ['F01', 'required-segment-missing', 3, 1, 2],
      ['F04', 'segment-not-allowed-for-kind', 10, null, null],
    ],
  ],
  ['an RFF other than the policy number without its value (RFF+REG): the empty value, once', swap(NINE, 'RFF+REG:AB12345', 'RFF+REG'), [['F01', 'required-segment-missing', 10, 1, 2]]],
  ['a 9 whose only date besides 137 is the end date 295 lacks the cancellation date', swap(NINE, 'DTM+287:20250101:102', 'DTM+295:20250101:102'), [
    ['F04', 'end-date-in-cancellation', 5, null, null],
    ['F01', 'required-segment-missing', null, null, null],
  ]],
  ['a BRC without its product group', swap(NINE, 'BRC+001:002', 'BRC+001'), [['F01', 'required-segment-missing', 11, 1, 2]]],
  ['a reminder without DOC (it must name what it chases)', swap(FIFTEEN, 'DOC+9'), [['F01', 'required-segment-missing', null, null, null]]],
  ['a bonus query whose DOC is not 11 lacks DOC 11, and DOC 9 is not for a 13', swap(THIRTEEN, 'DOC+11', 'DOC+9'), [
    ['F02', 'unknown-code', 6, 1, 1],
    ['F01', 'required-segment-missing', null, null, null],
  ]],
  ['a bonus block without the last premium-step change (290) is reported at SIF', swap(ELEVEN, 'DTM+290:20240101:102'), [['F01', 'required-segment-missing', 9, null, null]]],
  ['a bonus answer without the policy end date (295) is reported at SIF', swap(ELEVEN, 'DTM+295:20241231:102'), [['F01', 'required-segment-missing', 9, null, null]]],
  // seed 002, 2.9.1–2.9.7: 'NAD med forsikringstager 1's navn og adresse og om muligt CVR eller CPR nummer', 'NAD med
  // forsikringstager 2's navn og om muligt adresse …' — the name is required, the CPR/CVR number only 'om muligt'
  // An insured location is an address: a NAD+FS without one says nothing (the typed message refuses it too).
  ['an insured location (NAD FS) with no address field', swap(NINE, FT1, FT1, 'NAD+FS'), [['F01', 'required-segment-missing', 9, 5, 1]]],
  ['an insured location (NAD FS) with only its country is an address', swap(NINE, FT1, FT1, 'NAD+FS++++++++DK'), []],
  ['a policyholder 1 with a CPR number but no name', swap(NINE, FT1, 'NAD+FT1+0101801234::CPR+++Vestergade 1+Vejle++7100+DK'), [['F01', 'required-segment-missing', 8, 4, 1]]],
  ['a policyholder 2 with a CPR number but no name (accept)', swap(TWENTY_NINE, FT1, FT1, 'NAD+FT2+0202802345::CPR'), [['F01', 'required-segment-missing', 10, 4, 1]]],
  // Every value a sent segment carries must be there (default-profile.md F01: "missing or empty"); decodeMessage
  // refuses each of these too (spec/validate/decode-agreement.property.test.ts). Seed 002 2.9: 'SIF med
  // skadeinformation', 'NAD (det tredje) med VIR-nummer (identifikation) på det forsikringsselskab, der allerede har
  // opsagt forsikringen', 'et CTA-segment med navn på kontaktperson'.
  ['a bonus block without the number of claim-free years', swap(ELEVEN, 'SIF+10+4', 'SIF+10'), [['F01', 'required-segment-missing', 9, 2, 1]]],
  ['a rejection naming the company that already cancelled without its VIR number', swap(TWENTY_SEVEN, 'NAD+OPS+33333333::VIR', 'NAD+OPS'), [['F01', 'required-segment-missing', 9, 2, 1]]],
  ['a content error whose free text has no text', ['BGM+12', 'ERC+F02', 'RFF+OPS:R-1', 'DTM+137:20241202:102', 'FTX+AAI+++', MR, MS, 'BRC+001:002'], [['F01', 'required-segment-missing', 6, 4, 1]]],
  ['a contact without the contact name', [...NINE, 'CTA+IC+'], [['F01', 'required-segment-missing', 12, 2, 2]]],
  // object-reference-missing (F01), seed 002 section 2.9: a 9 always sends 'RFF med registreringsnummer ved
  // motorforsikring eller matrikelnummer ved bygningsforsikring'; a 29 'RFF med det afgivende selskabs oplysninger om
  // matrikelnummer og ejerlav (ved bygningsforsikring)'
  ['a motor 9 without the registration number (RFF REG)', swap(NINE, 'RFF+REG:AB12345'), [['F01', 'object-reference-missing', null, null, null]]],
  ['a motor 9 with a matrikel instead of the registration number', swap(NINE, 'RFF+REG:AB12345', 'RFF+MAT:12a'), [['F01', 'object-reference-missing', null, null, null]]],
  ['a building 9 without the matrikel (RFF MAT)', swap(swap(swap(NINE, 'RFF+REG:AB12345'), FT1, FT1, 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK'), 'BRC+001:002', 'BRC+002:001'), [['F01', 'object-reference-missing', null, null, null]]],
  ['a building 29 without its matrikel (RFF MAT)', swap(TWENTY_NINE, 'RFF+MAT:12a:::Aeroeskoebing Koebstad'), [['F01', 'object-reference-missing', null, null, null]]],
  // bonus information only for branch 001 with products 001, 002, 004, 999 (F02 at BRC)
  ['a bonus answer on building insurance', swap(ELEVEN, 'BRC+001:001', 'BRC+002:001'), [['F02', 'bonus-query-branch-not-allowed', 8, 1, null]]],
  ['an accept with a bonus block on building insurance', [...TWENTY_NINE, 'SIF+10+4', 'DTM+291:20150315:102', 'DTM+290:20240101:102'], [['F02', 'bonus-query-branch-not-allowed', 12, 1, null]]],
  ['a bonus query without DOC 11 on building insurance is still bonus outside motor', swap(swap(THIRTEEN, 'DOC+11'), 'BRC+001:002', 'BRC+002:001'), [
    ['F02', 'bonus-query-branch-not-allowed', 10, 1, null],
    ['F01', 'required-segment-missing', null, null, null],
  ]],
  // end-date-missing-for-erc (F01): the end date is a message-level DTM 295
  ['a 27 with ERC 10 whose only 295 is inside a (misplaced) bonus block lacks the end date', [...swap(swap(swap(TWENTY_SEVEN, 'ERC+9', 'ERC+10'), 'DTM+295:20250101:102'), 'NAD+OPS+33333333::VIR'), 'SIF+10+4', 'DTM+291:20150315:102', 'DTM+290:20240101:102', 'DTM+295:20250101:102'], [
    ['F01', 'end-date-missing-for-erc', 3, 1, 1],
    ['F04', 'segment-not-allowed-for-kind', 9, null, null],
  ]],
  ['a bonus answer whose bonus block has a claim date (292) instead of the end date (295)', swap(ELEVEN, 'DTM+295:20241231:102', 'DTM+292:20241231:102'), [
    ['F01', 'required-segment-missing', 9, null, null],
    ['F02', 'unknown-code', 12, 1, 1],
  ]],
  // invalid-date (F02): the profile's format (102) applies when the DTM does not name one
  ['a cancellation date that is not a real CCYYMMDD date', swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250230:102'), [['F02', 'invalid-date', 5, 1, 2]]],
  // default-profile.md writes every date DTM+<qualifier>:<CCYYMMDD>:102 and the profile's layout makes 2379 mandatory:
  // a date without its format code is a layout error (13) for validate as for decodeMessage
  // seed 002 2.9: every kind is sent as 'BGM med kode (9) for opsigelse', 'BGM med kode 11 …': the layout makes the code
  // mandatory, so a BGM without it is 13 (it was accepted with no kind, no content rules, while decodeMessage refused it)
  ['a BGM without its document code', swap(NINE, 'BGM+9', 'BGM'), [['13', null, 2, 1, null]]],
  ['a message date without its format code', swap(NINE, 'DTM+137:20241120:102', 'DTM+137:20241120'), [['13', null, 4, 1, 3]]],
  // policy-number-missing (F01) — and only that rule for the policy number
  ['an empty policy number', swap(NINE, 'RFF+POL:00-123', 'RFF+POL'), [['F01', 'policy-number-missing', 9, 1, 2]]],
  ['a policy number of blanks', swap(NINE, 'RFF+POL:00-123', 'RFF+POL:   '), [['F01', 'policy-number-missing', 9, 1, 2]]],
  ['a policy number "UKENDT" (any case)', swap(NINE, 'RFF+POL:00-123', 'RFF+POL:UKENDT'), [['F01', 'policy-number-missing', 9, 1, 2]]],
  // unknown-code (F02): premium steps are FASTP or 1–3 digits
  ['premium step X12', swap(ELEVEN, 'SIF+10+4', 'SIF+X12+4'), [['F02', 'unknown-code', 9, 1, 1]]],
  ['premium step 12X', swap(ELEVEN, 'SIF+10+4', 'SIF+12X+4'), [['F02', 'unknown-code', 9, 1, 1]]],
  ['premium step 1234', swap(ELEVEN, 'SIF+10+4', 'SIF+1234+4'), [['F02', 'unknown-code', 9, 1, 1]]],
];

describe('content rules report exactly these errors', () => {
  it.each(cases)('%s', async (_, body, want) => {
    expect(await errorsOf(body)).toEqual(want);
  });
});

describe("a 27's end date follows the profile's own qualifier for it (qualifiers.DTM.endDate, an assumption)", () => {
  const partner = patchProfile(defaultProfile('opsigelser'), { qualifiers: { DTM: { endDate: '206' } } });
  it('takes DTM 206 as the end date, and refuses 295 there, while a bonus query keeps 295', async () => {
    expect(await errorsOf(swap(TWENTY_SEVEN, 'DTM+295:20250101:102', 'DTM+206:20250101:102'))).not.toEqual([]);
    expect(await messageErrors(oneMessage(swap(TWENTY_SEVEN, 'DTM+295:20250101:102', 'DTM+206:20250101:102')), { profile: partner })).toEqual([]);
    expect(await messageErrors(oneMessage(TWENTY_SEVEN), { profile: partner })).toEqual([
      ['F01', 'end-date-missing-for-erc', 3, 1, 1],
      ['F04', 'segment-not-allowed-for-kind', 6, null, null],
    ]);
    expect(await messageErrors(oneMessage(THIRTEEN), { profile: partner })).toEqual([]);
  });
});

describe('a profile without a NAD id-type table (qualifiers.NADIdType: null) does not check NAD id types', () => {
  it('no F02 for the company or policyholder NADs (it said: id type \\u0000NADIdType.vir, not "VIR")', async () => {
    const profile = patchProfile(defaultProfile('opsigelser'), { qualifiers: { NADIdType: null } });
    expect(await messageErrors(oneMessage(NINE), { profile })).toEqual([]);
  });
});
