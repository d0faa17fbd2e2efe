import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CHARS, type SegmentInput, type ServiceChars, parse, serialize, serializeToBytes } from '../../src/syntax/index.js';
import { arbLatin1Text, arbSegments, arbServiceChars, arbUnicodeText } from './arbitraries.js';
import { positionOf, refusal } from './positions.js';

const strip = (segments: ReadonlyArray<SegmentInput>) => segments.map((s) => ({ tag: s.tag, elements: s.elements }));
/** A UNB in syntax version 4 where the identifier, a repetition separator or a decimal mark other than . and , needs it (3 restricts those UNA places), else 3. */
const unb = (syntaxId: string, chars?: ServiceChars): SegmentInput => ({
  tag: 'UNB',
  elements: [[syntaxId, syntaxId === 'UNOY' || (chars !== undefined && (chars.repetition !== ' ' || !',.'.includes(chars.decimal))) ? '4' : '3'], ['1', 'ZZ'], ['2', 'ZZ'], ['240101', '1200'], ['R']],
});

describe('parse(serialize(x)) deep-equals x', () => {
  it('under the default service characters, as text', () => {
    fc.assert(
      fc.property(arbSegments(arbLatin1Text), (segments) => {
        const text = serialize(segments);
        expect(strip(parse(text).segments)).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });

  it('under random custom UNAs, with and without line breaks', () => {
    fc.assert(
      fc.property(arbServiceChars, arbSegments(arbLatin1Text), fc.constantFrom('', '\n', '\r\n'), (chars, segments, newline) => {
        const text = serialize(segments, { serviceChars: chars, newline });
        expect(text.startsWith('UNA')).toBe(true);
        expect(strip(parse(text).segments)).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['UNOC', 'æøå and every Latin-1 graphic character', arbLatin1Text],
    ['UNOY', 'emoji, Greek and Polish letters', arbUnicodeText],
  ] as const)('as %s bytes: %s survive', (syntaxId, _, text) => {
    fc.assert(
      fc.property(fc.option(arbServiceChars, { nil: undefined }), arbSegments(text), (chars, body) => {
        const segments = [unb(syntaxId, chars), ...body];
        const bytes = serializeToBytes(segments, { serviceChars: chars ?? DEFAULT_SERVICE_CHARS });
        const { segments: back, errors } = parse(bytes, { errors: 'collect' });
        expect(errors).toEqual([]);
        expect(strip(back)).toEqual(segments);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps syntax 4 repetitions', () => {
    const chars = { ...DEFAULT_SERVICE_CHARS, repetition: '*' };
    const seg: SegmentInput = { tag: 'ABC', elements: [['x'], ['a', '1']], repeats: { 1: [['a', '1'], ['b*', '2'], ['c']] } };
    const text = serialize([seg], { serviceChars: chars });
    expect(text).toBe("UNA:+.?*'ABC+x+a:1*b?*:2*c'");
    const [back] = parse(text).segments;
    expect(back?.elements).toEqual([['x'], ['a', '1']]);
    expect(back?.repeats).toEqual({ 1: [['a', '1'], ['b*', '2'], ['c']] });
    expect(serialize([back as SegmentInput], { serviceChars: chars })).toBe(text);
  });
});

describe('a service character outside the charset (a TAB in UNOC, a # in UNOA): reader and writer agree', () => {
  const cases = [
    { syntaxId: 'UNOC', chars: { ...DEFAULT_SERVICE_CHARS, element: '\t' }, data: 'A\tB' },
    { syntaxId: 'UNOA', chars: { ...DEFAULT_SERVICE_CHARS, terminator: '#' }, data: 'A#B' },
  ];

  it('as a separator both take it: written, it reads back the same', () => {
    for (const { syntaxId, chars } of cases) {
      const segments = [unb(syntaxId), { tag: 'NAD', elements: [['MR'], ['A', 'B']] }, { tag: 'UNZ', elements: [['0'], ['R']] }];
      const bytes = serializeToBytes(segments, { serviceChars: chars });
      const { segments: back, errors } = parse(bytes, { errors: 'collect' });
      expect(errors, syntaxId).toEqual([]);
      expect(strip(back), syntaxId).toEqual(segments);
    }
  });

  it('released, it is data outside the repertoire: both refuse it (21) at its element, the reader at its byte too', () => {
    for (const { syntaxId, chars, data } of cases) {
      const segments = [unb(syntaxId), { tag: 'NAD', elements: [['MR'], [data]] }];
      // The writer refuses it, serialize as serializeToBytes (both name the element).
      expect(refusal(() => serialize(segments, { serviceChars: chars })), syntaxId).toEqual({ code: '21', offset: undefined, segmentNumber: 2, tag: 'NAD', element: 2, component: 1 });
      // What it would write with the character released, were it data of the charset.
      const text = serialize([segments[0]!, { tag: 'NAD', elements: [['MR'], ['AZB']] }], { serviceChars: chars }).replace('AZB', `A?${data[1]}B`);
      const { segments: read, errors } = parse(Buffer.from(text, 'latin1'), { errors: 'collect' });
      expect(errors.map(positionOf), syntaxId).toEqual([{ code: '21', offset: text.lastIndexOf(`?${data[1]}`) + 1, segmentNumber: 2, tag: 'NAD', element: 2, component: 1 }]);
      expect(read[1]!.elements[1], syntaxId).toEqual([data]);
      expect(refusal(() => serializeToBytes(read, { serviceChars: chars })), syntaxId).toEqual({ code: '21', offset: undefined, segmentNumber: 2, tag: 'NAD', element: 2, component: 1 });
    }
  });
});
