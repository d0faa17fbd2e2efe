import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseInterchanges, readMessages } from '../../src/envelope/index.js';
import { EdifactSyntaxError } from '../../src/syntax/index.js';
import { HEAD, codes, msg } from './helpers.js';

// Envelopes left open or closed twice: each is reported where it is, and no message is lost.
// (Each of these reports could be switched off without a test failing, except through the
// workers' random-damage property; found with Stryker and hand-applied mutants.)

const UNG = (ref: string) => `UNG+OPSIGE+1:ZZ+2:ZZ+241120:2300+${ref}+UN+1:911'\n`;

describe('envelopes left open at the end of the input', () => {
  it('inside a message: 13 for the UNT at the end offset, and the message is still delivered', () => {
    const text = `${HEAD}${msg('1')}UNH+2+OPSIGE:1:911:UN'\nBGM+9'\n`;
    const { interchanges, errors } = parseInterchanges(text, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.tag, e.offset])).toEqual([
      ['13', 'UNZ', text.length],
      ['13', 'UNT', text.length],
    ]);
    expect(interchanges[0]?.messages.map((m) => [m.header.reference, m.segments.map((s) => s.tag).join(' '), m.errors.map((e) => e.code)])).toEqual([
      ['1', 'UNH BGM UNT', []],
      ['2', 'UNH BGM', ['13']],
    ]);
  });

  it('inside a functional group: 13 for the UNE at the end offset', () => {
    const text = `${HEAD}${UNG('G1')}${msg('1')}`;
    expect(codes(text)).toEqual([
      ['13', 'UNE', text.length],
      ['13', 'UNZ', text.length],
    ]);
  });
});

describe('envelopes not closed before the next one (the error names the missing trailer, as at the end of the input)', () => {
  it('no UNZ before the next UNB: 13 for the UNZ at that UNB\'s offset; both interchanges keep their messages', () => {
    const second = "UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+REF2'\n";
    const text = `${HEAD}${msg('1')}${second}${msg('1')}UNZ+1+REF2'\n`;
    const { interchanges, errors } = parseInterchanges(text, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.tag, e.offset])).toEqual([['13', 'UNZ', text.indexOf(second)]]);
    expect(interchanges.map((ic) => [ic.header?.reference, ic.messages.length])).toEqual([
      ['REF', 1],
      ['REF2', 1],
    ]);
  });

  it('segments before the first UNB are outside any interchange (33), not an interchange missing its UNZ', () => {
    const text = `NAD+X'\n${HEAD}${msg('1')}UNZ+1+REF'\n`;
    expect(codes(text)).toEqual([['33', 'NAD', 0]]);
  });

  it("a UNB's own errors and its UNA's go to the interchange it opens, not to what it closes (segments before it, an interchange without UNZ)", () => {
    // Syntax version 5 (2 at UNB S001 0002) and a letter as data element separator (20 at the UNA):
    // the interchange holding them is the one the UNB opens, however the input before it ended.
    const badUnb = "UNB+UNOC:5+11111111:ZZ+22222222:ZZ+241120:2300+REF2'\n";
    const badUna = "UNA:E.? '\n";
    const goodUnb = badUnb.replace('UNOC:5', 'UNOC:3');
    const before = { junk: "NAD+X'\n", 'no UNZ': `${HEAD}${msg('1')}`, 'no UNT, no UNZ': `${HEAD}UNH+1+OPSIGE:1:911:UN'\nBGM+9'\n`, nothing: '' };
    for (const [what, prefix] of Object.entries(before)) {
      for (const [opening, code, tag] of [
        [badUnb, '2', 'UNB'],
        [`${badUna}${goodUnb}`, '20', 'UNA'],
      ] as const) {
        const text = `${prefix}${opening}${msg('1')}UNZ+1+REF2'\n`;
        const { interchanges } = parseInterchanges(text, { errors: 'collect' });
        const opened = interchanges.at(-1)!;
        expect(opened.header?.reference, what).toBe('REF2');
        expect(opened.errors.map((e) => [e.code, e.tag, e.offset]), `${what}, ${tag}`).toEqual([[code, tag, text.indexOf(opening) + (tag === 'UNA' ? 4 : 0)]]);
        expect(interchanges.slice(0, -1).flatMap((ic) => ic.errors.map((e) => [e.code, e.tag])), what).not.toContainEqual([code, tag]);
      }
    }
  });

  it('no UNE before the UNZ or before the next UNG: 13 for the UNE at that segment\'s offset', () => {
    const beforeUnz = `${HEAD}${UNG('G1')}${msg('1')}UNZ+1+REF'\n`;
    expect(codes(beforeUnz)).toEqual([['13', 'UNE', beforeUnz.indexOf('UNZ')]]);
    const beforeUng = `${HEAD}${UNG('G1')}${msg('1')}${UNG('G2')}${msg('2')}UNE+1+G2'\nUNZ+2+REF'\n`;
    expect(codes(beforeUng)).toEqual([['13', 'UNE', beforeUng.indexOf('UNG+OPSIGE+1:ZZ+2:ZZ+241120:2300+G2')]]);
  });
});

describe('trailers without their header', () => {
  it('UNT without UNH, UNE without UNG and UNZ without UNB are 33 at the trailer', () => {
    const unt = `${HEAD}UNT+2+1'\nUNZ+0+REF'\n`;
    expect(codes(unt)).toContainEqual(['33', 'UNT', unt.indexOf('UNT')]);
    const une = `${HEAD}${msg('1')}UNE+1+G1'\nUNZ+1+REF'\n`;
    expect(codes(une)).toEqual([['33', 'UNE', une.indexOf('UNE')]]);
    const unz = `${HEAD}${msg('1')}UNZ+1+REF'\nUNZ+1+REF'\n`;
    expect(codes(unz)).toEqual([['33', 'UNZ', unz.lastIndexOf('UNZ')]]);
  });

  it('a functional group without messages is 32 at its UNE (and its interchange, empty too, 32 at the UNZ)', () => {
    const text = `${HEAD}${UNG('G1')}UNE+0+G1'\nUNZ+1+REF'\n`;
    expect(codes(text)).toEqual([
      ['32', 'UNE', text.indexOf('UNE')],
      ['32', 'UNZ', text.indexOf('UNZ')],
    ]);
  });
});

describe('readMessages', () => {
  it('throws the first error in throw mode, after the events before it', async () => {
    const text = `${HEAD}${msg('1')}UNH+2+OPSIGE:1:911:UN'\nBGM+9'\nUNT+9+2'\nUNZ+2+REF'\n`;
    const seen: string[] = [];
    const read = async () => {
      for await (const event of readMessages(Readable.from([Buffer.from(text, 'latin1')]))) seen.push(event.type === 'message' ? `message ${event.message.header.reference}` : event.type);
    };
    await expect(read()).rejects.toMatchObject({ code: '29', tag: 'UNT' });
    expect(seen).toEqual(['interchange', 'message 1']);
    await expect(read()).rejects.toBeInstanceOf(EdifactSyntaxError);
  });
});
