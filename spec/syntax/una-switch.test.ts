import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';

// Separators a UNA may choose here (none is a letter, digit, space or the release `?`).
const POOL = ['+', ':', "'", '*', '#', '!', '%', '&', '/', '=', '<', '>', ';', '|', '~', '^'];

const una = fc
  .shuffledSubarray(POOL, { minLength: 3, maxLength: 3 })
  .map(([component, element, terminator]) => ({ component: component!, element: element!, terminator: terminator! }));

describe('a UNA changes the service characters and nothing else', () => {
  it('splits every segment by the characters in force, and takes earlier ones as data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(una, fc.constantFrom(...POOL)), { minLength: 1, maxLength: 12 }), fc.boolean(), (steps, asBytes) => {
        let text = '';
        const expected: Array<[string, string[][]]> = [];
        for (const [chars, other] of steps) {
          const { component: c, element: e, terminator: t } = chars;
          // `other` is data unless it is one of the three in force (then it is released).
          const data = [c, e, t].includes(other) ? `?${other}` : other;
          text += `UNA${c}${e}.? ${t}ABC${e}X${data}${c}Y${e}Z${t}`;
          expected.push(['ABC', [[`X${other}`, 'Y'], ['Z']]]);
        }
        const { segments, errors } = parse(asBytes ? Buffer.from(text, 'latin1') : text, { errors: 'collect' });
        expect(errors).toEqual([]);
        expect(segments.map((s) => [s.tag, s.elements])).toEqual(expected);
      }),
    );
  });
});

describe('blanks and line breaks between segments', () => {
  const tags = (text: string) => parse(text, { errors: 'collect' });

  it('are skipped (CR, LF, space, tab) while none of them is a service character', () => {
    const { segments, errors } = tags("UNA:+.? 'ABC+1' \r\n\tDEF+2'\n \nGHI+3'");
    expect(errors).toEqual([]);
    expect(segments.map((s) => [s.tag, s.elements])).toEqual([
      ['ABC', [['1']]],
      ['DEF', [['2']]],
      ['GHI', [['3']]],
    ]);
  });

  it('are data when the UNA makes them a service character: an LF terminator ends a segment on every line, so a blank line is an empty segment', () => {
    const { segments, errors } = tags('UNA:+.? \nABC+1\n\nDEF+2\n');
    expect(segments.map((s) => s.tag)).toEqual(['ABC', '', 'DEF']);
    expect(errors.map((e) => [e.code, e.segmentNumber])).toEqual([['12', 2]]);
  });

  it('a tab as the element separator is not skipped before a segment either', () => {
    const { segments, errors } = tags("UNA:\t.? 'ABC\t1'\tDEF\t2'");
    expect(errors.map((e) => e.code)).toEqual(['12']);
    expect(segments.map((s) => [s.tag, s.elements])).toEqual([
      ['ABC', [['1']]],
      ['', [['DEF'], ['2']]],
    ]);
  });
});
