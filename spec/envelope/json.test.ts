/** The lossless JSON form (`toEdifactJson` / `fromEdifactJson`, CLI `to-json` / `from-json`) at its edges. */
import { describe, expect, it } from 'vitest';
import { type EdifactJson, fromEdifactJson, toEdifactJson } from '../../src/envelope/index.js';
import { EdifactSyntaxError } from '../../src/syntax/index.js';

const chars = { component: ':', element: '+', decimal: '.', release: '?', repetition: ' ', terminator: "'" };

/** What `fromEdifactJson` throws for `doc`, which a plain-JavaScript caller may pass whatever its type. */
function refusal(doc: unknown): EdifactSyntaxError {
  try {
    fromEdifactJson(doc as EdifactJson);
  } catch (e) {
    expect(e).toBeInstanceOf(EdifactSyntaxError);
    return e as EdifactSyntaxError;
  }
  throw new Error('fromEdifactJson accepted it');
}

describe('fromEdifactJson checks what it is given', () => {
  it('names the path of what is wrong instead of failing inside', () => {
    expect(refusal(undefined).message).toMatch(/invalid JSON document at \$: expected an object/);
    expect(refusal({ fpEdifact: 1 }).message).toMatch(/at \$\.interchanges: expected an array/);
    for (const element of [5, { repeats: [[5]] }, { repeats: ['A'] }]) {
      const segments = [['NAD', ['BY'], element]];
      expect(refusal({ fpEdifact: 1, interchanges: [{ format: { una: false, serviceChars: chars, lineBreak: '' }, segments }] }).message).toMatch(
        /at \$\.interchanges\[0\]\.segments\[0\]: expected \[tag, \.\.\.elements\]/,
      );
    }
  });

  it('still writes a good document', () => {
    const input = "UNB+UNOC:3+1+2+240101:1200+R'UNZ+0+R'";
    expect(Buffer.from(fromEdifactJson(toEdifactJson(input).json)).toString('latin1')).toBe(input);
  });
});

describe('toEdifactJson of input without a segment', () => {
  it('reports that nothing was found, at the end of the input, as the envelope reader does', () => {
    for (const input of ['', '\r\n  \n']) {
      const { json, errors } = toEdifactJson(input);
      expect(json.interchanges).toEqual([]);
      expect(errors.map((e) => [e.code, e.offset])).toEqual([['13', input.length]]);
      expect(errors[0]!.message).toMatch(/no segment found/);
    }
  });
});
