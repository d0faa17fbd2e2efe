import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReadOptions, SyntaxErrorCode, parse } from '../../src/syntax/index.js';

const UNB = "UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+R'";

function tooMany(input: string | Uint8Array, options: ReadOptions = {}) {
  // The UNB (five elements, a composite of two) is left out: the tests set limits below it.
  return parse(input, { errors: 'collect', ...options }).errors.filter((e) => e.code === SyntaxErrorCode.tooManyConstituents && e.tag !== 'UNB');
}

describe('element and component limits (syntax error 16)', () => {
  it('reports the first element past the limit, by position', () => {
    const errors = tooMany(`${UNB}FTX${'+A'.repeat(100)}'`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ segmentNumber: 2, tag: 'FTX', element: 100 });
    expect(tooMany(`${UNB}FTX${'+A'.repeat(99)}'`)).toEqual([]);
  });

  it('reports a composite with more components than the limit, naming element and component', () => {
    const errors = tooMany(`${UNB}NAD+MR+${Array.from({ length: 100 }, () => 'X').join(':')}'`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ tag: 'NAD', element: 2, component: 100 });
    expect(tooMany(`${UNB}NAD+MR+${Array.from({ length: 99 }, () => 'X').join(':')}'`)).toEqual([]);
  });

  it('applies custom limits to short segments, on the fast path and with release characters', () => {
    expect(tooMany(`${UNB}DTM+1+2+3'`, { maxElements: 2 })[0]).toMatchObject({ tag: 'DTM', element: 3 });
    expect(tooMany(`${UNB}DTM+1?++2+3'`, { maxElements: 2 })[0]).toMatchObject({ tag: 'DTM', element: 3 });
    expect(tooMany(`${UNB}DTM+1:2:3'`, { maxComponents: 2 })[0]).toMatchObject({ tag: 'DTM', element: 1, component: 3 });
    expect(tooMany(`${UNB}DTM+1?:x:2'`, { maxComponents: 2 })).toEqual([]);
  });

  it('counts decoded UTF-8 segments alike', () => {
    const input = Buffer.from(`UNB+UNOY:4+1:ZZ+2:ZZ+240101:1200+R'FTX+Ø:Å:Æ'`, 'utf8');
    expect(tooMany(input, { maxComponents: 2 })[0]).toMatchObject({ tag: 'FTX', element: 1, component: 3 });
  });

  it('finds exactly the segments over random limits', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (segments, maxElements, maxComponents) => {
        const text = segments.map((els) => `ABC+${els.map((n) => Array.from({ length: n }, () => 'v').join(':')).join('+')}'`).join('');
        const errors = tooMany(UNB + text, { maxElements, maxComponents });
        const expected = segments.flatMap((els, s) => [
          ...(els.length > maxElements ? [{ segmentNumber: s + 2, element: maxElements + 1 }] : []),
          ...els.flatMap((n, e) => (n > maxComponents ? [{ segmentNumber: s + 2, element: e + 1 }] : [])),
        ]);
        expect(errors.map((e) => ({ segmentNumber: e.segmentNumber, element: e.element }))).toEqual(expected);
      }),
    );
  });
});
