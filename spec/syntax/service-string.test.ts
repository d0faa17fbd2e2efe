import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { type EdifactSyntaxError, type Segment, createSegmentStream, parse, parseServiceString, readSegmentBatches } from '../../src/syntax/index.js';
import { Tokenizer } from '../../src/syntax/tokenizer.js';
import { piecesOf } from '../../src/syntax/pieces.js';
import { positionOf, refusal } from './positions.js';

/** Segments and errors of `parts` fed to one tokenizer one after the other. */
function chunked(parts: string[]): { segments: Segment[]; errors: EdifactSyntaxError[] } {
  const segments: Segment[] = [];
  const errors: EdifactSyntaxError[] = [];
  const tokenizer = new Tokenizer({ segment: (s) => segments.push(s), error: (e) => errors.push(e) });
  for (const part of parts) tokenizer.write(part);
  tokenizer.end();
  return { segments, errors };
}

const UNB = "UNB+UNOC:3+1+2+240101:1200+R'";

/** The position of the error parsing `six` after a UNA at offset 100, or `null`. */
const refusalOf = (six: string) => refusal(() => parseServiceString(six, 100));

describe('parseServiceString: what a UNA may not say', () => {
  it('six characters exactly; a short one is error 13 where the next should be', () => {
    expect(refusalOf(':+.')).toEqual({ code: '13', offset: 106, tag: 'UNA', element: undefined });
    expect(refusalOf(":+.? '!")).toMatchObject({ code: '13', offset: 110 });
    const { errors, segments } = parse(`UNA:+.`, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset, e.tag])).toEqual([['13', 6, 'UNA']]);
    expect(segments).toEqual([]);
  });

  it('a letter or digit is never a service character (error 20), anything else between them may be', () => {
    for (const ch of ['A', 'Z', 'a', 'z', '0', '9']) {
      expect(refusalOf(`${ch}+.? '`), ch).toEqual({ code: '20', offset: 103, tag: 'UNA', element: 1 });
      expect(refusalOf(`:+.? ${ch}`), ch).toEqual({ code: '20', offset: 108, tag: 'UNA', element: 6 });
    }
    for (const ch of ['/', '@', '[', '`', '{', '|', '\xa7']) expect(refusalOf(`${ch}+.? '`), ch).toBeNull();
  });

  it('a space means "not used" for the release and repetition characters only (error 20 elsewhere)', () => {
    expect(parseServiceString(':+.  \'')).toMatchObject({ release: ' ', repetition: ' ' });
    expect(refusalOf(' +.? \'')).toEqual({ code: '20', offset: 103, tag: 'UNA', element: 1 });
    expect(refusalOf(': .? \'')).toEqual({ code: '20', offset: 104, tag: 'UNA', element: 2 });
    expect(refusalOf(':+ ? \'')).toEqual({ code: '20', offset: 105, tag: 'UNA', element: 3 });
    expect(refusalOf(':+.?  ')).toEqual({ code: '20', offset: 108, tag: 'UNA', element: 6 });
  });
});

describe('a UNA before a syntax version 1–3 UNB: the fifth character is reserved', () => {
  it('a repetition separator there is error 20 at the UNA\'s fifth character, and the character is read as data', () => {
    for (const version of ['1', '2', '3']) {
      const text = `UNA:+.?*'UNB+UNOC:${version}+1*X+2+240101:1200+R'FTX+AAA+a*b'UNZ+0+R'`;
      for (const input of [text, Buffer.from(text, 'latin1'), [...text]]) {
        const { errors, segments } = Array.isArray(input) ? chunked(input) : parse(input, { errors: 'collect' });
        expect(errors.map(positionOf), version).toEqual([{ code: '20', offset: 7, segmentNumber: undefined, tag: 'UNA', element: 5, component: undefined }]);
        expect(errors[0]!.reason, version).toMatch(/syntax version .* reserves/);
        expect(segments.map((s) => [s.tag, s.elements, s.repeats]), version).toEqual([
          ['UNB', [['UNOC', version], ['1*X'], ['2'], ['240101', '1200'], ['R']], undefined],
          ['FTX', [['AAA'], ['a*b']], undefined],
          ['UNZ', [['0'], ['R']], undefined],
        ]);
      }
    }
  });

  it('syntax version 4 has a repetition separator there; a space is no repetition in any version', () => {
    const four = parse("UNA:+.?*'UNB+UNOC:4+1+2+20240101:1200+R'FTX+AAA+a*b'UNZ+0+R'", { errors: 'collect' });
    expect(four.errors).toEqual([]);
    expect(four.segments[1]!.repeats).toEqual({ 1: [['a'], ['b']] });
    expect(parse("UNA:+.? 'UNB+UNOC:3+1+2+240101:1200+R'FTX+AAA+a*b'UNZ+0+R'", { errors: 'collect' }).errors).toEqual([]);
  });
});

describe('a UNA before a syntax version 1–3 UNB: the decimal mark is a comma or a full stop', () => {
  it('another decimal mark is error 20 at the UNA\'s third character, once per UNB, and the interchange is read with the full stop', () => {
    for (const version of ['1', '2', '3']) {
      const text = `UNA:+;? 'UNB+UNOC:${version}+1+2+240101:1200+R'MOA+PNT:12;5'UNZ+0+R'UNA:+;? 'UNB+UNOC:${version}+1+2+240101:1200+S'UNZ+0+S'`;
      for (const input of [text, Buffer.from(text, 'latin1'), [...text]]) {
        const { errors, segments } = Array.isArray(input) ? chunked(input) : parse(input, { errors: 'collect' });
        expect(errors.map(positionOf), version).toEqual([
          { code: '20', offset: 5, segmentNumber: undefined, tag: 'UNA', element: 3, component: undefined },
          { code: '20', offset: text.lastIndexOf('UNA') + 5, segmentNumber: undefined, tag: 'UNA', element: 3, component: undefined },
        ]);
        expect(errors[0]!.reason, version).toMatch(/syntax version .* allows only a comma or a full stop as the UNA's decimal mark/);
        expect(segments.map((s) => [s.tag, s.elements]), version).toEqual([
          ['UNB', [['UNOC', version], ['1'], ['2'], ['240101', '1200'], ['R']]],
          ['MOA', [['PNT', '12;5']]],
          ['UNZ', [['0'], ['R']]],
          ['UNB', [['UNOC', version], ['1'], ['2'], ['240101', '1200'], ['S']]],
          ['UNZ', [['0'], ['S']]],
        ]);
      }
    }
  });

  it('a comma or a full stop is no error in any version, nor another mark in version 4; the tokenizer then says the characters in force', () => {
    for (const mark of [',', '.']) {
      expect(parse(`UNA:+${mark}? 'UNB+UNOC:3+1+2+240101:1200+R'UNZ+0+R'`, { errors: 'collect' }).errors).toEqual([]);
    }
    expect(parse("UNA:+;? 'UNB+UNOC:4+1+2+20240101:1200+R'UNZ+0+R'", { errors: 'collect' }).errors).toEqual([]);
    const tokenizer = new Tokenizer({ segment: () => {}, error: () => {} });
    tokenizer.write("UNA:+;? 'UNB+UNOC:3+1+2+240101:1200+R'");
    expect(tokenizer.serviceChars.decimal).toBe('.');
  });
});

describe('streaming faces over large chunks and in throw mode', () => {
  it('feeds a large chunk in pieces: batches of at most one piece each, the segments of parse', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => `FTX+AAA+++line ${i}:?+more'`).join('');
    const text = `${UNB}${body}UNZ+0+R'`;
    const bytes = Buffer.from(text, 'latin1');
    const batches: number[] = [];
    const segments = [];
    for await (const batch of readSegmentBatches(Readable.from([bytes]))) {
      batches.push(batch.length);
      segments.push(...batch);
    }
    expect(segments).toEqual(parse(bytes).segments);
    expect(batches.length).toBeGreaterThanOrEqual(Math.floor(bytes.length / 8192));
    expect(Math.max(...batches)).toBeLessThan(8192 / 20);
  });

  it('piecesOf cuts bytes into views and strings into slices, and yields nothing for an empty chunk', () => {
    const bytes = Buffer.from('abcdefghij');
    const pieces = [...piecesOf(bytes, 4)];
    expect(pieces.map((p) => p.toString())).toEqual(['abcd', 'efgh', 'ij']);
    expect(pieces[1]!.buffer).toBe(bytes.buffer);
    expect([...piecesOf('abcdefghij', 5)]).toEqual(['abcde', 'fghij']);
    expect([...piecesOf('', 5)]).toEqual([]);
    expect([...piecesOf('abc', 5)]).toEqual(['abc']);
  });

  it('createSegmentStream fails the pipeline with the first syntax error, in a chunk or at the end', async () => {
    const tags: string[] = [];
    const sink = () => new Writable({ objectMode: true, write: (s: { tag: string }, _e, done) => done(void tags.push(s.tag)) });
    const chunks = [`${UNB}A?BC+1'`, "FTX+1'", "FTX+2'"].map((c) => Buffer.from(c, 'latin1'));
    await expect(pipeline(Readable.from(chunks), createSegmentStream(), sink())).rejects.toMatchObject({ code: '22', offset: 30 });
    // It stops at the chunk that holds the error: nothing after it, nothing twice.
    expect(tags).toEqual(['UNB']);
    await expect(pipeline(Readable.from([Buffer.from(`${UNB}NAD+MR`, 'latin1')]), createSegmentStream(), sink())).rejects.toMatchObject({ code: '13', offset: 29 });
  });
});
