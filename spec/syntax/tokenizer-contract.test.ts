import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CHARS, type EdifactSyntaxError, type Segment, SyntaxErrorCode, parse } from '../../src/syntax/index.js';
import { Tokenizer } from '../../src/syntax/tokenizer.js';
import { positionOf } from './positions.js';

// What the tokenizer promises besides splitting: how it is fed, where its errors point, and
// the input it refuses. (Mutation testing found each of these unasserted.)

const UNB = "UNB+UNOC:3+1+2+240101:1200+R'";
const latin1 = (s: string) => Buffer.from(s, 'latin1');

function run(parts: Array<string | Uint8Array>, limits = {}) {
  const segments: Segment[] = [];
  const errors: EdifactSyntaxError[] = [];
  const tokenizer = new Tokenizer({ segment: (s) => segments.push(s), error: (e) => errors.push(e) }, limits);
  for (const part of parts) tokenizer.write(part);
  tokenizer.end();
  return { segments, errors, tokenizer };
}


describe('Tokenizer: feeding', () => {
  it('refuses input after end() and input that mixes strings and bytes', () => {
    const done = new Tokenizer({ segment: () => {}, error: () => {} });
    done.end();
    expect(() => done.write(UNB)).toThrow(/after end\(\)/);
    const mixed = new Tokenizer({ segment: () => {}, error: () => {} });
    mixed.write(UNB);
    expect(() => mixed.write(latin1("UNZ+0+R'"))).toThrow(TypeError);
  });

  it('refuses a chunk that is neither a string nor bytes with a TypeError saying so (parse, parseInterchanges, toEdifactJson alike)', async () => {
    const { parseInterchanges, toEdifactJson } = await import('../../src/envelope/index.js');
    for (const bad of [null, undefined, 5, {}, [1, 2]]) {
      const t = new Tokenizer({ segment: () => {}, error: () => {} });
      expect(() => t.write(bad as unknown as string), String(bad)).toThrow(/^fp-edifact: input must be a string or a Uint8Array \(e\.g\. a Buffer\), got /);
      expect(() => parse(bad as unknown as string)).toThrow(/input must be a string or a Uint8Array/);
      expect(() => parseInterchanges(bad as unknown as string)).toThrow(/input must be a string or a Uint8Array/);
      expect(() => toEdifactJson(bad as unknown as string)).toThrow(/input must be a string or a Uint8Array/);
    }
  });

  it('skips a byte order mark at the start of the input only, however the input is cut', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("UNB+UNOY:4+1+2+20240101:1200+R'UNZ+0+R'", 'utf8')]);
    for (let cut = 0; cut <= 5; cut++) {
      const { segments, errors } = run([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(errors, `cut at ${cut}`).toEqual([]);
      expect(segments.map((s) => [s.tag, s.offset])).toEqual([
        ['UNB', 3],
        ['UNZ', 34],
      ]);
    }
    const text = run([`\uFEFF${UNB}UNZ+0+R'`]);
    expect(text.errors).toEqual([]);
    expect(text.segments.map((s) => [s.tag, s.offset])).toEqual([
      ['UNB', 1],
      ['UNZ', 30],
    ]);
  });

  it('reports the service characters in force', () => {
    const tokenizer = new Tokenizer({ segment: () => {}, error: () => {} });
    expect(tokenizer.serviceChars).toBe(DEFAULT_SERVICE_CHARS);
    tokenizer.write("UNA|*,# ~UNB*UNOC|3*1*2*240101|1200*R~");
    expect(tokenizer.serviceChars).toMatchObject({ component: '|', element: '*', decimal: ',', release: '#', terminator: '~' });
  });
});

describe('Tokenizer: the scope of a UNA', () => {
  it('ends at UNZ: the next interchange without a UNA of its own is read with the defaults', () => {
    // The first UNA's "*" component separator would read "UNOC:3" as one value; a mid-interchange UNA's as well.
    for (const first of ["UNA*+.? 'UNB+UNOC*3+1+2+240101*1200+R'UNZ+0+R'", "UNB+UNOC:3+1+2+240101:1200+R'UNA*+.? 'UNZ+0+R'"]) {
      const text = `${first}UNB+UNOC:3+1+2+240101:1200+S'UNZ+0+S'`;
      for (const parts of [[text], [latin1(text)], [...text]]) {
        const { segments, tokenizer } = run(parts);
        expect(segments.filter((s) => s.tag === 'UNB').map((s) => s.elements[0]), first).toEqual([['UNOC', '3'], ['UNOC', '3']]);
        expect(tokenizer.serviceChars, first).toEqual(DEFAULT_SERVICE_CHARS);
      }
    }
  });
});

describe('Tokenizer: where its errors point', () => {
  it('an unterminated last segment and an oversized one, by offset and segment number', () => {
    const unterminated = run([`${UNB}NAD+MR`]);
    expect(unterminated.errors.map(positionOf)).toEqual([{ code: '13', offset: 29, segmentNumber: 2, tag: 'NAD', element: undefined, component: undefined }]);
    const oversized = run([`${UNB}BGM+9'FTX+${'x'.repeat(40)}'UNZ+0+R'`], { maxSegmentLength: 30 });
    expect(oversized.errors.map(positionOf)).toEqual([{ code: '18', offset: 35, segmentNumber: 3, tag: 'FTX', element: undefined, component: undefined }]);
    // The skipped segment is still a segment of the input: the next one is numbered after it.
    expect(oversized.segments.map((s) => [s.tag, s.segmentNumber])).toEqual([
      ['UNB', 1],
      ['BGM', 2],
      ['UNZ', 4],
    ]);
    const inMessage = run([`${UNB}UNH+1+X:D:96A:UN'FTX+${'x'.repeat(40)}'DTM+1'UNT+4+1'`], { maxSegmentLength: 30 });
    expect(inMessage.errors.map((e) => [e.code, e.segmentNumber, e.messageSegmentNumber])).toEqual([['18', 3, 2]]);
    expect(inMessage.segments.map((s) => [s.tag, s.segmentNumber, s.messageSegmentNumber])).toEqual([
      ['UNB', 1, 0],
      ['UNH', 2, 1],
      ['DTM', 4, 3],
      ['UNT', 5, 4],
    ]);
  });

  it('a UNA inside a message is error 33 at the UNA, numbered as the next segment (in the interchange and in the message), where it stands as sent', () => {
    const text = `${UNB}UNH+1+X:D:96A:UN'UNA:+.? 'UNT+2+1'UNZ+1+R'`;
    const { errors, segments } = parse(text, { errors: 'collect' });
    expect(errors.map(positionOf)).toEqual([{ code: SyntaxErrorCode.invalidOccurrenceOutsideMessage, offset: text.indexOf('UNA'), segmentNumber: 3, tag: 'UNA', element: undefined, component: undefined }]);
    expect(errors[0]!.messageSegmentNumber).toBe(2);
    expect(errors[0]!.message).toBe(`byte ${text.indexOf('UNA')}, segment 3 (UNA), message segment 2: UNA inside a message (syntax error 33)`);
    // Not a segment of the count (UNT 0074 leaves it out): the segment after it has the same numbers.
    expect(segments.map((s) => [s.tag, s.segmentNumber, s.messageSegmentNumber])).toEqual([
      ['UNB', 1, 0],
      ['UNH', 2, 1],
      ['UNT', 3, 2],
      ['UNZ', 4, 0],
    ]);
    // Deeper in a longer message, and in its second message.
    const second = `${UNB}UNH+1+X:D:96A:UN'UNT+2+1'UNH+2+X:D:96A:UN'BGM+9'DTM+1'UNA:+.? 'UNT+4+2'UNZ+2+R'`;
    expect(parse(second, { errors: 'collect' }).errors.map((e) => [e.code, e.offset, e.segmentNumber, e.messageSegmentNumber])).toEqual([['33', second.indexOf('UNA'), 7, 4]]);
    expect(parse(`UNA:+.? '${UNB}UNZ+0+R'UNA:+.? '${UNB}UNZ+0+R'`, { errors: 'collect' }).errors).toEqual([]);
  });

  it('a UNA after UNB outside a message (before the first UNH, between messages, in a group) is error 33 at the UNA, numbered where it stands; its characters apply', () => {
    const places = {
      'before the first UNH': [`${UNB}`, "UNH+1+X*D*96A*UN'UNT+2+1'UNZ+1+R'", 2],
      'between messages': [`${UNB}UNH+1+X:D:96A:UN'UNT+2+1'`, "UNH+2+X*D*96A*UN'UNT+2+2'UNZ+2+R'", 4],
      'inside a group, before its first UNH': [`${UNB}UNG+X+1+2+240101:1200+G+UN+D:96A'`, "UNH+1+X*D*96A*UN'UNT+2+1'UNE+1+G'UNZ+1+R'", 3],
    } as const;
    for (const [where, [before, after, segmentNumber]] of Object.entries(places)) {
      const text = `${before}UNA*+.? '${after}`;
      const { errors, segments } = parse(text, { errors: 'collect' });
      expect(errors.map(positionOf), where).toEqual([{ code: SyntaxErrorCode.invalidOccurrenceOutsideMessage, offset: before.length, segmentNumber, tag: 'UNA', element: undefined, component: undefined }]);
      expect(errors[0]!.reason, where).toMatch(/only .*before UNB/);
      // The sender's characters read what follows (S009 split at its "*").
      expect(segments.find((s) => s.tag === 'UNH' && s.segmentNumber === segmentNumber)?.elements[1], where).toEqual(['X', 'D', '96A', 'UN']);
    }
  });

  it('a UNA directly before a UNB is where it belongs even when the interchange before lacks its UNZ (that is the envelope\'s 13), and one at the end of the input is 33', () => {
    expect(parse(`${UNB}UNH+1+X:D:96A:UN'UNT+2+1'UNA:+.? '${UNB}UNZ+0+R'`, { errors: 'collect' }).errors).toEqual([]);
    const twice = `${UNB}UNA:+.? 'UNA:+.? '${UNB}UNZ+0+R'`;
    expect(parse(twice, { errors: 'collect' }).errors.map((e) => [e.code, e.offset])).toEqual([['33', UNB.length]]);
    const last = `${UNB}UNA:+.? '`;
    expect(parse(last, { errors: 'collect' }).errors.map((e) => [e.code, e.offset, e.segmentNumber])).toEqual([['33', UNB.length, 2]]);
  });

  it('a message left without UNT ends at UNG, UNE or UNZ: they and the next interchange\'s UNA are outside it', () => {
    // The UNZ closed the interchange: the UNA before the next UNB is where it belongs, not error 33.
    const text = `UNA:+.? '${UNB}UNH+1+X:D:96A:UN'BGM+9'UNZ+1+R'UNA:+.? '${UNB}UNZ+0+R'`;
    const { errors, segments } = parse(text, { errors: 'collect' });
    expect(errors).toEqual([]);
    expect(segments.map((s) => [s.tag, s.messageSegmentNumber])).toEqual([
      ['UNB', 0],
      ['UNH', 1],
      ['BGM', 2],
      ['UNZ', 0],
      ['UNB', 0],
      ['UNZ', 0],
    ]);
    const grouped = parse(`${UNB}UNG+X+1+2+240101:1200+G+UN+D:96A'UNH+1+X:D:96A:UN'UNE+1+G'UNG+X+1+2+240101:1200+H+UN+D:96A'UNE+0+H'UNZ+2+R'`, { errors: 'collect' });
    expect(grouped.segments.map((s) => s.messageSegmentNumber)).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('a syntax version other than 1-4, or a UNB without S001, is error 2 at its component', () => {
    for (const version of ['5', '14', '0', '']) {
      const { errors } = parse(`UNB+UNOC:${version}+1+2+240101:1200+R'`, { errors: 'collect' });
      expect(errors.map(positionOf), version).toEqual([{ code: '2', offset: 0, segmentNumber: 1, tag: 'UNB', element: 1, component: 2 }]);
    }
    expect(parse("UNB+UNOC:4+1+2+240101:1200+R'", { errors: 'collect' }).errors).toEqual([]);
    const bare = parse("UNB'", { errors: 'collect' });
    expect(bare.errors.map(positionOf)).toEqual([{ code: '2', offset: 0, segmentNumber: 1, tag: 'UNB', element: 1, component: 1 }]);
  });

  it('a release character before an ordinary character is error 22 at that release character, with its element', () => {
    const text = `${UNB}FTX+AAA+a?bc'`;
    const { errors, segments } = parse(latin1(text), { errors: 'collect' });
    expect(errors.map(positionOf)).toEqual([{ code: '22', offset: text.indexOf('?'), segmentNumber: 2, tag: 'FTX', element: 2, component: undefined }]);
    expect(segments[1]?.elements).toEqual([['AAA'], ['abc']]);
    expect(parse("A?BC+x'", { errors: 'collect' }).errors.map(positionOf)).toEqual([{ code: '22', offset: 1, segmentNumber: 1, tag: 'ABC', element: 0, component: undefined }]);
    // Under UTF-8 the offset counts bytes: ø before it takes two.
    const bytes = Buffer.from("UNB+UNOY:4+1+2+20240101:1200+R'FTX+AAA+ø?x'", 'utf8');
    const utf8 = parse(bytes, { errors: 'collect' });
    expect(utf8.errors.map(positionOf)).toEqual([{ code: '22', offset: bytes.indexOf(0x3f), segmentNumber: 2, tag: 'FTX', element: 2, component: undefined }]);
    expect(utf8.segments[1]?.elements).toEqual([['AAA'], ['øx']]);
  });

  it('under UTF-8, error 22 after invalid bytes still names the release character\'s own byte', () => {
    // 0xFF, 0xFE and a cut 3-byte form each decode to one U+FFFD (three bytes), not to their own length.
    const bytes = latin1("UNB+UNOY:4+1+2+20240101:1200+R'FTX+AAA+\xff\xfe\xe2\x82?x+a?b'");
    const { errors } = parse(bytes, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([
      ['21', bytes.indexOf(0xff)],
      ['22', bytes.indexOf(0x3f)],
    ]);
  });

  it('in text input under a Latin-1 charset, a character above U+00FF is error 21 at its character offset', () => {
    const text = `${UNB}FTX+a€b'`;
    const { errors, segments } = parse(text, { errors: 'collect' });
    expect(errors.map(positionOf)).toEqual([{ code: '21', offset: text.indexOf('€'), segmentNumber: 2, tag: 'FTX', element: 1, component: 1 }]);
    expect(segments[1]?.elements).toEqual([['a€b']]);
    expect(parse(`UNB+UNOY:4+1+2+20240101:1200+R'FTX+a€b'`, { errors: 'collect' }).errors).toEqual([]);
  });
});
