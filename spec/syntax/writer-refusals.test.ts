import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CHARS, parse, serialize, serializeToBytes } from '../../src/syntax/index.js';
import { refusal } from './positions.js';

// What the writer refuses to write rather than write wrong: the reader would read back other
// segments than the ones given.

const NO_RELEASE = { ...DEFAULT_SERVICE_CHARS, release: ' ' };

describe('serialize without a release character (a space in the UNA)', () => {
  it('writes values that hold no service character, and they read back', () => {
    const segments = [{ tag: 'FTX', elements: [['AAA'], ['a?b.c']] }];
    const text = serialize(segments, { serviceChars: NO_RELEASE });
    expect(text).toBe("UNA:+.  'FTX+AAA+a?b.c'");
    expect(parse(text).segments.map((s) => ({ tag: s.tag, elements: s.elements }))).toEqual(segments);
  });

  it('refuses a value holding a separator or the terminator, naming where it is (error 22)', () => {
    for (const [value, component] of [['a+b', 1], ["it's", 1], ['x:y', 2]] as const) {
      const elements = component === 1 ? [['AAA'], [value]] : [['AAA'], ['ok', value]];
      const segments = [{ tag: 'BGM', elements: [['9']] }, { tag: 'FTX', elements }];
      expect(refusal(() => serialize(segments, { serviceChars: NO_RELEASE })), value).toEqual({ code: '22', segmentNumber: 2, tag: 'FTX', element: 2, component });
    }
    expect(refusal(() => serialize([{ tag: 'FTX', elements: [['a+b']] }]))).toBeNull();
  });
});

describe('serialize, tags', () => {
  it('releases the service characters in a tag (all but the component separator, which nests a syntax 4 tag), so it reads back as given', () => {
    const segments = [{ tag: "X'Y", elements: [['a']] }, { tag: 'A+B?', elements: [['b']] }, { tag: 'UNH:1', elements: [['c']] }];
    const text = serialize(segments);
    expect(text).toBe("X?'Y+a'A?+B??+b'UNH:1+c'");
    expect(parse(text, { errors: 'collect' }).segments.map((s) => ({ tag: s.tag, elements: s.elements }))).toEqual(segments);
  });

  it('refuses a tag holding a service character when no release character is in use (error 22, element 0)', () => {
    expect(refusal(() => serialize([{ tag: 'BGM', elements: [['9']] }, { tag: "X'Y", elements: [['a']] }], { serviceChars: NO_RELEASE }))).toEqual({
      code: '22',
      offset: undefined,
      segmentNumber: 2,
      tag: "X'Y",
      element: 0,
      component: undefined,
    });
  });
});

describe('serialize, repeated elements', () => {
  it('refuses an element that repeats when no repetition separator is in use (error 35), instead of joining the occurrences with the space', () => {
    const segments = [{ tag: 'BGM', elements: [['9']] }, { tag: 'FTX', elements: [['AAA'], ['a']], repeats: { 1: [['a'], ['b']] } }];
    expect(refusal(() => serialize(segments))).toEqual({ code: '35', offset: undefined, segmentNumber: 2, tag: 'FTX', element: 2, component: undefined });
    // One occurrence is no repetition: written as the element.
    expect(serialize([{ tag: 'FTX', elements: [['AAA'], ['a']], repeats: { 1: [['a']] } }])).toBe("FTX+AAA+a'");
    expect(refusal(() => serialize(segments, { serviceChars: { ...DEFAULT_SERVICE_CHARS, repetition: '*' } }))).toBeNull();
  });
});

describe('serialize, character set', () => {
  const unb = (id: string, version = '3') => ({ tag: 'UNB', elements: [[id, version], ['1'], ['2'], ['240101', '1200'], ['R']] });
  const rff = { tag: 'RFF', elements: [['OPS', 'TRY-Ω-000150']] };

  it("refuses a character the UNB's charset cannot carry (error 21 at its segment, element and component), as the reader of the text would report it", () => {
    const segments = [unb('UNOC'), { tag: 'BGM', elements: [['12']] }, rff];
    expect(refusal(() => serialize(segments))).toEqual({ code: '21', segmentNumber: 3, tag: 'RFF', element: 1, component: 2 });
    expect(parse(serialize([unb('UNOY', '4'), rff])).segments[1]!.elements).toEqual(rff.elements);
    // Lower case is outside UNOA, a tag is checked too, and so is each occurrence of a repeated element.
    expect(refusal(() => serialize([unb('UNOA'), { tag: 'FTX', elements: [['AAA'], ['OK', 'lower']] }]))).toEqual({ code: '21', segmentNumber: 2, tag: 'FTX', element: 2, component: 2 });
    expect(refusal(() => serialize([unb('UNOC'), { tag: 'RΩF', elements: [['a']] }]))).toMatchObject({ code: '21', segmentNumber: 2, element: 0 });
    const chars = { ...DEFAULT_SERVICE_CHARS, repetition: '*' };
    const repeated = { tag: 'FTX', elements: [['AAA'], ['ok']], repeats: { 1: [['ok'], ['x', 'Ω']] } };
    expect(refusal(() => serialize([unb('UNOC', '4'), repeated], { serviceChars: chars }))).toEqual({ code: '21', segmentNumber: 2, tag: 'FTX', element: 2, component: 2 });
  });

  it('checks each interchange against its own UNB, and segments before any UNB (a fragment) against none', () => {
    expect(refusal(() => serialize([rff]))).toBeNull();
    expect(refusal(() => serialize([unb('UNOY', '4'), rff, { tag: 'UNZ', elements: [['0'], ['R']] }, unb('UNOC'), rff]))).toEqual({ code: '21', segmentNumber: 5, tag: 'RFF', element: 1, component: 2 });
  });

  it('refuses a released service character its charset cannot carry (a TAB separator in UNOC data), as the reader does', () => {
    const tab = { ...DEFAULT_SERVICE_CHARS, element: '\t' };
    expect(refusal(() => serialize([unb('UNOC'), { tag: 'FTX', elements: [['AAA'], ['a\tb']] }], { serviceChars: tab }))).toEqual({ code: '21', segmentNumber: 2, tag: 'FTX', element: 2, component: 1 });
    expect(refusal(() => serialize([unb('UNOC'), { tag: 'FTX', elements: [['AAA'], ['ab']] }], { serviceChars: tab }))).toBeNull();
  });
});

describe('serializeToBytes', () => {
  it('refuses a character its charset cannot carry (error 21) and an unknown syntax identifier (error 2)', () => {
    const segments = [
      { tag: 'UNB', elements: [['UNOC', '3'], ['1'], ['2'], ['240101', '1200'], ['R']] },
      { tag: 'FTX', elements: [['AAA'], ['ok', 'pris 5 €']] },
    ];
    expect(refusal(() => serializeToBytes(segments))).toEqual({ code: '21', segmentNumber: 2, tag: 'FTX', element: 2, component: 2 });
    // The UNB declares UNOC: UTF-8 bytes under it would read back otherwise, so the option may not say UNOY (12 at the UNB).
    expect(refusal(() => serializeToBytes(segments, { syntaxId: 'UNOY' }))).toEqual({ code: '12', segmentNumber: 1, tag: 'UNB', element: 1, component: 1 });
    expect(refusal(() => serializeToBytes(segments.slice(1), { syntaxId: 'UNOY' }))).toBeNull();
    expect(refusal(() => serializeToBytes([{ ...segments[0]!, elements: [['UNOY', '4'], ...segments[0]!.elements.slice(1)] }, segments[1]!]))).toBeNull();
    expect(refusal(() => serializeToBytes(segments, { syntaxId: 'UNOQ' }))).toEqual({ code: '2', segmentNumber: undefined, tag: 'UNB', element: 1, component: 1 });
  });

  it("refuses a syntaxId option that contradicts a UNB's syntax identifier (error 12 at UNB S001 0001), instead of writing bytes the UNB misnames", () => {
    const unb = (id: string) => ({ tag: 'UNB', elements: [[id, '4'], ['1'], ['2'], ['20240101', '1200'], ['R']] });
    const ftx = { tag: 'FTX', elements: [['AAA'], ['æbler']] };
    const at = { code: '12', offset: undefined, segmentNumber: 1, tag: 'UNB', element: 1, component: 1 };
    // 'æ' as Latin-1 under a UNOY header is invalid UTF-8; as UTF-8 under UNOC it reads back as 'Ã¦'.
    expect(refusal(() => serializeToBytes([unb('UNOY'), ftx], { syntaxId: 'UNOC' }))).toEqual(at);
    expect(refusal(() => serializeToBytes([unb('UNOC'), ftx], { syntaxId: 'UNOY' }))).toEqual(at);
    // A later interchange declaring another charset than the one the bytes are written in is refused too.
    const unz = { tag: 'UNZ', elements: [['0'], ['R']] };
    expect(refusal(() => serializeToBytes([unb('UNOC'), ftx, unz, unb('UNOY'), ftx]))).toEqual({ ...at, segmentNumber: 4 });
    const message = (() => {
      try {
        serializeToBytes([unb('UNOY'), ftx], { syntaxId: 'UNOC' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).toContain('UNOY');
    expect(message).toContain('UNOC');
    // Agreeing, the bytes are written and read back as given.
    for (const id of ['UNOC', 'UNOY']) {
      expect(parse(serializeToBytes([unb(id), ftx], { syntaxId: id })).segments[1]?.elements, id).toEqual(ftx.elements);
    }
  });

  it('refuses such a character in every occurrence of a repeated element and in the tag, not only in the first occurrence', () => {
    const unb = { tag: 'UNB', elements: [['UNOC', '4'], ['1'], ['2'], ['20240101', '1200'], ['R']] };
    const chars = { ...DEFAULT_SERVICE_CHARS, repetition: '*' };
    const repeated = { tag: 'FTX', elements: [['AAA'], ['ok']], repeats: { 1: [['ok'], ['x', 'pris 5 €']] } };
    expect(refusal(() => serializeToBytes([unb, repeated], { serviceChars: chars }))).toEqual({ code: '21', segmentNumber: 2, tag: 'FTX', element: 2, component: 2 });
    expect(refusal(() => serializeToBytes([unb, { tag: 'F€X', elements: [['AAA']] }]))).toMatchObject({ code: '21', segmentNumber: 2, element: 0 });
    // What the charset carries is written, every occurrence read back.
    const written = serializeToBytes([unb, { ...repeated, repeats: { 1: [['ok'], ['x', 'pris 5 kr']] } }], { serviceChars: chars });
    expect(parse(written).segments[1]?.repeats).toEqual({ 1: [['ok'], ['x', 'pris 5 kr']] });
  });
});
