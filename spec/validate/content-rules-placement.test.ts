/**
 * Where a segment or code may appear in an opsigelser message (opsigelser.md "Segments per
 * kind" and "Known codes"; default-profile.md F02 and F04): the segment table allows it, the
 * kind does not. Each case is one message and the complete list of errors it must get
 * (`[code, rule, segment position, element, component]`, UNH is position 1).
 */
import { describe, expect, it } from 'vitest';
import { type ErrorRow, messageErrors, oneMessage } from './helpers.js';
import { ELEVEN, FIFTEEN, FT1, NINE, swap, THIRTEEN, TWENTY_NINE, TWENTY_SEVEN } from './opsigelser-bodies.js';

const errorsOf = (body: readonly string[]) => messageErrors(oneMessage(body));
const BONUS_BLOCK = ['SIF+10+4', 'DTM+291:20150315:102', 'DTM+290:20240101:102'];

describe('allowed where the guide allows them (no error)', () => {
  it.each([
    ['OSI BRO in a 9 (the acquirer has written building fire)', swap(NINE, 'RFF+OPS:R-1', 'RFF+OPS:R-1', 'OSI+BRO')],
    ['DOC 11 in a motor 9 (asking for claims data too)', swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250101:102', 'DOC+11')],
    ['premium step FASTP (fixed premium) in a bonus answer', swap(ELEVEN, 'SIF+10+4', 'SIF+FASTP+4')],
    ['a policyholder without an id (CPR/CVR only "if possible")', swap(NINE, FT1, 'NAD+FT1+++Hans Hansen+Vestergade 1+Vejle++7100+DK')],
    ['a policyholder identified by CVR', swap(NINE, FT1, 'NAD+FT1+12345678::CVR++Hans Hansen+Vestergade 1+Vejle++7100+DK')],
  ])('%s', async (_, body) => {
    expect(await errorsOf(body)).toEqual([]);
  });
});

const cases: Array<[string, string[], ErrorRow[]]> = [
  // F04: segments the kind must not carry — each under its own rule id, reported once
  ['ERC in a 9 is erc-in-cancellation only (not also an unknown code)', swap(NINE, 'BGM+9', 'BGM+9', 'ERC+9'), [['F04', 'erc-in-cancellation', 3, null, null]]],
  ['ERC in a 29 is segment-not-allowed-for-kind (erc-in-cancellation is for a 9)', swap(TWENTY_NINE, 'BGM+29', 'BGM+29', 'ERC+9'), [['F04', 'segment-not-allowed-for-kind', 3, null, null]]],
  ['NAD OPS in a 29 that carries ERC 9: both are misplaced', swap(swap(TWENTY_NINE, 'BGM+29', 'BGM+29', 'ERC+9'), 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'NAD+OPS+33333333::VIR'), [
    ['F04', 'segment-not-allowed-for-kind', 3, null, null],
    ['F04', 'nad-ops-not-allowed', 12, null, null],
  ]],
  ['DOC in an 11 is segment-not-allowed-for-kind (doc-in-rejection is for a 27)', swap(ELEVEN, 'DTM+137:20241202:102', 'DTM+137:20241202:102', 'DOC+11'), [['F04', 'segment-not-allowed-for-kind', 5, null, null]]],
  ['the end date (295) in a 29 is segment-not-allowed-for-kind (end-date-in-cancellation is for a 9)', swap(TWENTY_NINE, 'DTM+287:20250201:102', 'DTM+287:20250201:102', 'DTM+295:20250301:102'), [['F04', 'segment-not-allowed-for-kind', 7, null, null]]],
  ['a bonus block in a 9 outside motor is only misplaced (not also bonus outside motor)', [...swap(NINE, 'BRC+001:002', 'BRC+003:001'), ...BONUS_BLOCK], [['F04', 'bonus-block-not-allowed', 12, null, null]]],
  ['DOC in a 27 is doc-in-rejection only', swap(TWENTY_SEVEN, 'DTM+295:20250101:102', 'DTM+295:20250101:102', 'DOC+11'), [['F04', 'doc-in-rejection', 7, null, null]]],
  ['OSI in an 11 (which has no OSI) is not allowed for the kind', swap(ELEVEN, 'RFF+OPS:R-1', 'RFF+OPS:R-1', 'OSI+ODC'), [['F04', 'segment-not-allowed-for-kind', 4, null, null]]],
  ['OSI BRO in a 29 is osi-bro-outside-cancellation (and its DTM then lacks OSI ODC)', swap(TWENTY_NINE, 'OSI+ODC', 'OSI+BRO'), [
    ['F04', 'osi-bro-outside-cancellation', 4, null, null],
    ['F02', 'changed-date-without-odc', 6, 1, 1],
  ]],
  ['a bonus block in a 13 is bonus-block-not-allowed', [...THIRTEEN, ...BONUS_BLOCK], [['F04', 'bonus-block-not-allowed', 12, null, null]]],
  ['a bonus block in a 15 is segment-not-allowed-for-kind', [...FIFTEEN, ...BONUS_BLOCK], [['F04', 'segment-not-allowed-for-kind', 9, null, null]]],
  ['NAD OPS in a 27 with ERC 10 (not 9)', swap(TWENTY_SEVEN, 'ERC+9', 'ERC+10'), [['F04', 'nad-ops-not-allowed', 9, null, null]]],
  ['NAD OPS in a 29', swap(TWENTY_NINE, 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'NAD+OPS+33333333::VIR'), [['F04', 'nad-ops-not-allowed', 11, null, null]]],
  ['a second NAD FT1', swap(NINE, FT1, FT1, 'NAD+FT1+0202802345::CPR++Grete Hansen+Vestergade 1+Vejle++7100+DK'), [['F04', 'segment-not-allowed-for-kind', 9, null, null]]],
  // seed 002, 2.9.6 Afvisning (kode 27): 'NAD (det tredje) med VIR-nummer … på det forsikringsselskab, der allerede har
  // opsagt forsikringen' — one third NAD, so a second NAD OPS is as misplaced as a second NAD FT1
  ['a second NAD OPS in a 27 with ERC 9', swap(TWENTY_SEVEN, 'NAD+OPS+33333333::VIR', 'NAD+OPS+33333333::VIR', 'NAD+OPS+44444444::VIR'), [['F04', 'segment-not-allowed-for-kind', 10, null, null]]],
  // seed 002, 2.9.5 Rykker (kode 15): 'Der kan rykkes såvel for svar på en opsigelse som for svar på bonusforespørgsel.
  // Derfor kan der forekomme 2 DOC segmenter' — two DOCs chase two different answers; a repeated DOC code is misplaced
  ['a reminder chasing the answer to the cancellation twice (DOC 9, DOC 9)', swap(FIFTEEN, 'DOC+9', 'DOC+9', 'DOC+9'), [['F04', 'segment-not-allowed-for-kind', 6, null, null]]],
  // 2.9.1 Opsigelse (kode 9): 'DOC med kode 11 hvis der samtidig anmodes om fremsendelse af skadedata' — one DOC 11
  ['a 9 asking for claims data twice (DOC 11, DOC 11)', swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250101:102', 'DOC+11', 'DOC+11'), [['F04', 'segment-not-allowed-for-kind', 7, null, null]]],
  ['a second RFF POL', swap(NINE, 'RFF+POL:00-123', 'RFF+POL:00-123', 'RFF+POL:00-124'), [['F04', 'segment-not-allowed-for-kind', 10, null, null]]],
  ['a message-level DTM the kind has no use for (a cancellation date in a 15)', swap(FIFTEEN, 'DTM+137:20241212:102', 'DTM+137:20241212:102', 'DTM+287:20250101:102'), [['F04', 'segment-not-allowed-for-kind', 5, null, null]]],
  ['a second cancellation date in a 9', swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250101:102', 'DTM+294:20250101:102'), [['F04', 'segment-not-allowed-for-kind', 6, null, null]]],
  // F02 unknown-code: codes valid in the profile but not in their place
  ['ERC 9 in a 12 is not a content-error code', ['BGM+12', 'ERC+9', 'RFF+OPS:R-1', 'DTM+137:20241122:102', 'NAD+MR+22222222::VIR', 'NAD+MS+11111111::VIR', 'BRC+001:002'], [['F02', 'unknown-code', 3, 1, 1]]],
  ['OSI ODC in a 9 is only for an accept', swap(NINE, 'RFF+OPS:R-1', 'RFF+OPS:R-1', 'OSI+ODC'), [['F02', 'unknown-code', 4, 1, null]]],
  ['a claim date (292) inside the bonus block', swap(ELEVEN, 'DTM+291:20150315:102', 'DTM+292:20150315:102'), [
    ['F01', 'required-segment-missing', 9, null, null],
    ['F02', 'unknown-code', 10, 1, 1],
  ]],
  ['an underwriting date (291) as the claim date', swap(ELEVEN, 'DTM+292:20220614:102', 'DTM+291:20220614:102'), [['F02', 'unknown-code', 14, 1, 1]]],
  ['a policyholder identified by a VIR number', swap(NINE, FT1, 'NAD+FT1+12345678::VIR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), [['F02', 'unknown-code', 8, 2, 3]]],
];

describe('placement and code rules report exactly these errors', () => {
  it.each(cases)('%s', async (_, body, want) => {
    expect(await errorsOf(body)).toEqual(want);
  });
});
