/** The lossless JSON form (`toEdifactJson` / `fromEdifactJson` / `checkEdifactJson`, CLI `to-json` / `from-json`): its edges, and what a document must hold to be written back. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EdifactJson, checkEdifactJson, fromEdifactJson, toEdifactJson } from '../../src/envelope/index.js';
import { writeEdifactJson } from '../../src/envelope/json.js';
import { arbInterchangeText } from '../../src/messages/arbitraries.js';
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

  it('records a syntax 3 UNA\'s repetition separator as the reserved space it is read as, so the data comes back as data', () => {
    const { json, errors } = toEdifactJson("UNA:+.?*'UNB+UNOC:3+1+2+240101:1200+R'FTX+AAA+a*b'UNZ+0+R'");
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['20', 7]]);
    expect(json.interchanges[0]!.format).toMatchObject({ una: true, serviceChars: chars });
    expect(json.interchanges[0]!.segments[1]).toEqual(['FTX', ['AAA'], ['a*b']]);
    expect(Buffer.from(fromEdifactJson(json)).toString('latin1')).toBe("UNA:+.? 'UNB+UNOC:3+1+2+240101:1200+R'FTX+AAA+a*b'UNZ+0+R'");
  });

  it('records a syntax 3 UNA\'s decimal mark other than comma or full stop as the full stop it is read as, so from-json writes it back', () => {
    const { json, errors } = toEdifactJson("UNA:+;? 'UNB+UNOC:3+1+2+240101:1200+R'MOA+PNT:12;5'UNZ+0+R'");
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['20', 5]]);
    expect(json.interchanges[0]!.format).toMatchObject({ una: true, serviceChars: chars });
    expect(Buffer.from(fromEdifactJson(json)).toString('latin1')).toBe("UNA:+.? 'UNB+UNOC:3+1+2+240101:1200+R'MOA+PNT:12;5'UNZ+0+R'");
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

const INPUT = "UNA:+.?*'UNB+UNOC:4+1+2+20240101:1200+R'FTX+AAA+a*b:c'UNZ+0+R'";

/** The document of INPUT with `change` applied to a copy. */
function changed(change: (ic: Record<string, any>) => void): unknown {
  const doc = structuredClone(toEdifactJson(INPUT).json) as unknown as { interchanges: Array<Record<string, any>> };
  change(doc.interchanges[0]!);
  return doc;
}

/** The message of the error `checkEdifactJson` throws for `doc`, or `null` when it accepts it. */
function checkRefusal(doc: unknown): string | null {
  try {
    checkEdifactJson(doc);
  } catch (err) {
    if (!(err instanceof EdifactSyntaxError)) throw err;
    expect(err.code).toBe('12');
    return err.message;
  }
  return null;
}

describe('checkEdifactJson', () => {
  it('accepts what toEdifactJson makes, repeated elements included, and it is written back byte for byte', () => {
    const doc = changed(() => {});
    expect(checkRefusal(doc)).toBeNull();
    expect(Buffer.from(fromEdifactJson(checkEdifactJson(doc))).toString('latin1')).toBe(INPUT);
  });

  it('refuses a repeated element whose occurrences are not arrays of strings, naming the segment', () => {
    for (const repeats of [[['a'], 5], ['ab'], [[1]], [], 'a']) {
      const message = checkRefusal(changed((ic) => (ic.segments[1][2] = { repeats })));
      expect(message, JSON.stringify(repeats)).toContain('$.interchanges[0].segments[1]');
    }
  });

  it('refuses a format whose una is not a boolean or whose lineBreak is not one of the three, naming the field', () => {
    expect(checkRefusal(changed((ic) => (ic.format.una = 'yes')))).toContain('$.interchanges[0].format.una');
    expect(checkRefusal(changed((ic) => (ic.format.serviceChars = null)))).toContain('$.interchanges[0].format.serviceChars: expected an object');
    for (const lineBreak of ['XYZ', 5, null]) {
      expect(checkRefusal(changed((ic) => (ic.format.lineBreak = lineBreak))), String(lineBreak)).toContain('$.interchanges[0].format.lineBreak');
    }
  });

  it('says what is wrong with the service characters without a byte position: a JSON document has none', () => {
    const text = checkRefusal(changed((ic) => (ic.format.serviceChars = { ...ic.format.serviceChars, element: '5' })));
    expect(text).toMatch(/\$\.interchanges\[0\]\.format\.serviceChars: the element character "5" is a letter or digit/);
    expect(text).not.toMatch(/byte \d|segment UNA/);
  });
});

describe('writeEdifactJson writes what JSON.stringify(toEdifactJson(…).json, null, 2) writes, piece by piece', () => {
  const whole = (input: string | Uint8Array): { text: string; errors: string[] } => {
    const { json, errors } = toEdifactJson(input);
    return { text: JSON.stringify(json, null, 2), errors: errors.map((e) => `${e.code}@${e.offset}`) };
  };
  const streamed = (input: string | Uint8Array): { text: string; errors: string[] } => {
    const parts: string[] = [];
    const errors = writeEdifactJson(input, (t) => parts.push(t));
    return { text: parts.join(''), errors: errors.map((e) => `${e.code}@${e.offset}`) };
  };

  it('on every shipped fixture, broken and invalid ones included', () => {
    const files = ['fixtures', 'fixtures/broken', 'fixtures/invalid'].flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.edi'))
        .map((f) => join(d, f)),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(streamed(bytes), file).toEqual(whole(bytes));
    }
  });

  it('on the edges: nothing, segments before any UNB, one-segment interchanges with and without UNA, line breaks of each kind, errors', () => {
    for (const input of [
      '',
      '\r\n',
      "FTX+A'",
      "FTX+A'\nUNB+UNOC:3+1+2+240101:1200+R'\nUNZ+0+R'",
      "UNA:+.? 'UNB+UNOC:3+1+2+240101:1200+R'",
      "UNA:+.? '\r\nUNB+UNOC:3+1+2+240101:1200+R'",
      "UNB+UNOC:3+1+2+240101:1200+R'\r\nUNZ+0+R'\r\nUNA:+.? '\nUNB+UNOC:3+1+2+240101:1200+S'\nUNZ+0+S'\n",
      "UNB+UNOC:3+1+2+240101:1200+R'UNB+UNOC:3+1+2+240101:1200+S'",
      "UNA:+.?*'UNB+UNOC:4+1+2+20240101:1200+R'FTX+AAA+a*b:c'UNZ+0+R'",
      "UNB+UNOA:3+1+2+240101:1200+R'FTX+AAA+æ?'x'UNZ+0",
    ]) {
      expect(streamed(input), JSON.stringify(input)).toEqual(whole(input));
    }
    // The line break of each interchange: the one before its second segment, or before its only one after a UNA.
    const lineBreaks = (input: string): string[] => toEdifactJson(input).json.interchanges.map((ic) => ic.format.lineBreak);
    expect(lineBreaks("UNA:+.? '\r\nUNB+UNOC:3+1+2+240101:1200+R'")).toEqual(['\r\n']);
    expect(lineBreaks("UNB+UNOC:3+1+2+240101:1200+R'\r\n")).toEqual(['']);
    expect(lineBreaks("UNB+UNOC:3+1+2+240101:1200+R'\r\nUNZ+0+R'\r\nUNA:+.? '\nUNB+UNOC:3+1+2+240101:1200+S'\nUNZ+0+S'\n")).toEqual(['\r\n', '\n']);
    expect(lineBreaks("FTX+A'\nUNB+UNOC:3+1+2+240101:1200+R'UNZ+0+R'")).toEqual(['', '']);
  });

  it('on generated interchanges of both exchanges, and on arbitrary text of EDIFACT characters', () => {
    fc.assert(
      fc.property(fc.oneof(arbInterchangeText({ exchange: 'opsigelser' }), arbInterchangeText({ exchange: 'panthaver' })), (g) => {
        expect(streamed(g.text)).toEqual(whole(g.text));
      }),
      { numRuns: 60 },
    );
    const piece = fc.constantFrom('UNA:+.? \'', "UNB+UNOC:3+1+2+240101:1200+R'", "UNZ+0+R'", "FTX+A:B+?+'", '\r\n', '\n', "'", '+', ':', '?', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const input = pieces.join('');
        expect(streamed(input)).toEqual(whole(input));
      }),
      { numRuns: 500 },
    );
  });
});
