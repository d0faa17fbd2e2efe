/**
 * Clean opsigelser message bodies (BGM … , without UNH/UNT) for {@link oneMessage} from
 * helpers.ts, one per kind, and {@link swap} to break them. Body index i is segment position
 * i + 2 in the message (UNH is 1).
 */

export const MR = 'NAD+MR+22222222::VIR';
export const MS = 'NAD+MS+11111111::VIR';
export const FT1 = 'NAD+FT1+0101801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK';

/** A motor cancellation (9) with everything it needs. Body index i is segment position i + 2. */
export const NINE = ['BGM+9', 'RFF+OPS:R-1', 'DTM+137:20241120:102', 'DTM+287:20250101:102', MR, MS, FT1, 'RFF+POL:00-123', 'RFF+REG:AB12345', 'BRC+001:002'];
/** A motor bonus answer (11) with its bonus block and one claim. */
export const ELEVEN = ['BGM+11', 'RFF+OPS:R-1', 'DTM+137:20241202:102', MR, MS, FT1, 'BRC+001:001', 'SIF+10+4', 'DTM+291:20150315:102', 'DTM+290:20240101:102', 'DTM+295:20241231:102', 'SHI+4', 'DTM+292:20220614:102'];
/** A bonus query (13). */
export const THIRTEEN = ['BGM+13', 'RFF+OPS:R-1', 'DTM+137:20241118:102', 'DTM+295:20241231:102', 'DOC+11', MR, MS, FT1, 'RFF+POL:55-998877', 'BRC+001:002'];
/** A reminder (15) chasing the answer to a cancellation. */
export const FIFTEEN = ['BGM+15', 'RFF+OPS:R-1', 'DTM+137:20241212:102', 'DOC+9', MR, MS, 'BRC+001:002'];
/** A rejection (27) with ERC 9, its end date and the company that already cancelled. */
export const TWENTY_SEVEN = ['BGM+27', 'ERC+9', 'RFF+OPS:R-1', 'DTM+137:20241125:102', 'DTM+295:20250101:102', MR, MS, 'NAD+OPS+33333333::VIR', 'BRC+001:002'];
/** A building accept (29) with a changed cancellation date (OSI ODC + DTM 287) and its own matrikel. */
export const TWENTY_NINE = ['BGM+29', 'RFF+OPS:R-1', 'OSI+ODC', 'DTM+137:20241205:102', 'DTM+287:20250201:102', MR, MS, FT1, 'NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'RFF+MAT:12a:::Aeroeskoebing Koebstad', 'BRC+002:001'];

/** `body` with the segment `from` replaced by `to` (or removed when `to` is omitted). */
export function swap(body: readonly string[], from: string, ...to: string[]): string[] {
  const i = body.indexOf(from);
  if (i === -1) throw new Error(`no segment ${from}`);
  return [...body.slice(0, i), ...to, ...body.slice(i + 1)];
}

