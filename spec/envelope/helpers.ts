/** Shared inputs of the envelope tests. */
import { parseInterchanges } from '../../src/envelope/index.js';

/** A UNA and a UNOC UNB with reference REF. */
export const HEAD = "UNA:+.? '\nUNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+REF'\n";

/** A three-segment message; `count` and `trailerRef` go into its UNT. */
export const msg = (ref: string, count = 3, trailerRef = ref) => `UNH+${ref}+OPSIGE:1:911:UN'\nBGM+9'\nUNT+${count}+${trailerRef}'\n`;

/** Every error of `text` as [code, tag, offset]. */
export const codes = (text: string) => parseInterchanges(text, { errors: 'collect' }).errors.map((e) => [e.code, e.tag, e.offset]);
