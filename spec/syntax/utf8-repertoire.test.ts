import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';

// Under UNOY every byte sequence is checked as UTF-8 (RFC 3629): each invalid one is error 21
// at its first byte, and valid text decodes whole. (Stryker found these edges unasserted; the
// lead-byte ranges and the length check it also flagged are caught by the code-point checks.)

const HEAD = Buffer.from("UNB+UNOY:4+1+2+20240101:1200+R'FTX+", 'latin1');

function check(value: number[]) {
  const input = Buffer.concat([HEAD, Buffer.from(value), Buffer.from("'", 'latin1')]);
  const { errors, segments } = parse(input, { errors: 'collect' });
  return { errors: errors.map((e) => [e.code, e.offset]), text: segments[1]?.elements[0]?.[0] };
}

describe('UTF-8 under UNOY', () => {
  it('decodes two-, three- and four-byte characters at their smallest and largest, also right before the terminator', () => {
    const cases: Array<[number[], string]> = [
      [[0xc2, 0x80], '\u0080'],
      [[0xdf, 0xbf], '\u07ff'],
      [[0xe0, 0xa0, 0x80], '\u0800'],
      [[0xed, 0x9f, 0xbf], '\ud7ff'],
      [[0xee, 0x80, 0x80], '\ue000'],
      [[0xef, 0xbf, 0xbd], '\ufffd'],
      [[0xf0, 0x90, 0x80, 0x80], '\u{10000}'],
      [[0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
    ];
    for (const [bytes, text] of cases) expect(check([0x41, ...bytes]), bytes.map((b) => b.toString(16)).join(' ')).toEqual({ errors: [], text: `A${text}` });
  });

  it('reports overlong forms, surrogates, code points past U+10FFFF, stray and missing continuation bytes at their first byte', () => {
    const at = HEAD.length + 1;
    const invalid: number[][] = [
      [0xc0, 0x80], // overlong NUL
      [0xc1, 0xbf], // overlong
      [0xe0, 0x9f, 0xbf], // overlong three-byte
      [0xed, 0xa0, 0x80], // surrogate U+D800
      [0xed, 0xbf, 0xbf], // surrogate U+DFFF
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong four-byte
      [0xf4, 0x90, 0x80, 0x80], // U+110000
      [0xf5, 0x80, 0x80, 0x80], // no such lead byte
      [0x80], // continuation without a lead
      [0xc3, 0x41], // lead without its continuation
      [0xe2, 0x82], // cut short by the terminator
      [0xf0, 0x9f, 0x98], // cut short by the terminator
    ];
    for (const bytes of invalid) expect(check([0x41, ...bytes]).errors, bytes.map((b) => b.toString(16)).join(' ')).toContainEqual(['21', at]);
  });
});

describe('the repertoire check skips the service characters in use', () => {
  it('a control character the UNA chose as a separator is not error 21 under UNOC, one it did not choose is', () => {
    const text = "UNA\x1f+.? 'UNB+UNOC\x1f3+1+2+240101\x1f1200+R'NAD+MR+A\x1fB\x01C'";
    const { errors, segments } = parse(Buffer.from(text, 'latin1'), { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['21', text.indexOf('\x01')]]);
    expect(segments[1]?.elements).toEqual([['MR'], ['A', 'B\x01C']]);
  });
});
