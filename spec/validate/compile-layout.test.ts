/**
 * The compiled element checks (validate/compile/layout.ts). A segment the compiled check calls
 * clean is never looked at again, so every value it lets through must be one `checkSegment`
 * accepts: numeric values per ISO 9735 (one leading minus, one decimal mark with digits on both
 * sides), a mandatory composite that is present but empty, constituents beyond the layout; and
 * the code sets must answer exactly as a set of the codes would, whatever the codes look like.
 */
import { describe, expect, it } from 'vitest';
import { checkSegment } from '../../src/schema/check.js';
import type { SegmentLayout } from '../../src/schema/segments.js';
import { CodeSet, compileLayout, isClean } from '../../src/validate/compile/layout.js';
import { type ErrorRow, messageErrors, oneMessage } from './helpers.js';
import { ELEVEN, NINE, THIRTEEN, swap } from './opsigelser-bodies.js';

describe('numeric values in a message (SIF claim-free years, n..3, may be negative)', () => {
  // ELEVEN's SIF is segment position 9; its claim-free years are element 2.
  const sif = (years: string) => messageErrors(oneMessage(swap(ELEVEN, 'SIF+10+4', `SIF+10+${years}`)));
  it.each([
    ['-12', []],
    ['-123', []],
    ['1,5', []],
    ['0.25', []],
    ['1-2', [['19', null, 9, 2, null]]],
    ['12-', [['19', null, 9, 2, null]]],
    ['--1', [['19', null, 9, 2, null]]],
    ['-', [['19', null, 9, 2, null]]],
    ['.5', [['19', null, 9, 2, null]]],
    ['-.5', [['19', null, 9, 2, null]]],
    ['5.', [['19', null, 9, 2, null]]],
    ['5,', [['19', null, 9, 2, null]]],
    ['1.2.3', [['19', null, 9, 2, null]]],
    ['1.2,3', [['19', null, 9, 2, null]]],
    ['1A2', [['37', null, 9, 2, null]]],
    ['1 2', [['37', null, 9, 2, null]]],
    ['1234', [['39', null, 9, 2, null]]],
    ['-1.234', [['39', null, 9, 2, null]]],
  ] as Array<[string, ErrorRow[]]>)('%j: %j', async (years, errors) => {
    expect(await sif(years)).toEqual(errors);
  });
});

describe('a mandatory composite whose components are all conditional (DOC C002 in a 13, position 6)', () => {
  it.each(['DOC', 'DOC+', 'DOC+:', 'DOC+::+'])('%s is missing its document name (13 at element 1)', async (doc) => {
    expect(await messageErrors(oneMessage(swap(THIRTEEN, 'DOC+11', doc)))).toEqual([['13', null, 6, 1, null]]);
  });
});

describe('constituents beyond the layout', () => {
  it('empty elements after the last one of the layout are not data', async () => {
    expect(await messageErrors(oneMessage(swap(NINE, 'BRC+001:002', 'BRC+001:002+++')))).toEqual([]);
    expect(await messageErrors(oneMessage(swap(THIRTEEN, 'DOC+11', 'DOC+11+++++++')))).toEqual([]);
  });
  it('a segment of nothing but empty elements, more of them than its layout has, is clean (CTA has two; function and name given)', async () => {
    expect(await messageErrors(oneMessage([...NINE, 'CTA+IC+:Jens Hansen+++']))).toEqual([]);
  });
  it('data in an element after the last one of the layout is 16 at that element', async () => {
    expect(await messageErrors(oneMessage(swap(NINE, 'BRC+001:002', 'BRC+001:002++X')))).toEqual([['16', null, 11, 3, null]]);
    expect(await messageErrors(oneMessage([...NINE, 'CTA++++X']))).toEqual([['16', null, 12, 4, null]]);
  });
});

/** Every string of up to `n` symbols of `alphabet` (a symbol may be a surrogate pair). */
function strings(alphabet: readonly string[], n: number): string[] {
  let level = [''];
  const out: string[] = [];
  for (let k = 1; k <= n; k++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...level);
  }
  return out;
}

describe('compiled isClean never says clean when checkSegment reports, for every short value', () => {
  // Digits, letters, the minus sign, both decimal marks, a space, a Latin-1 letter and a
  // character outside the BMP (two UTF-16 units, one character).
  const values = strings(['0', '5', '9', 'A', 'z', '-', '.', ',', ' ', 'Æ', '🙂'], 4);
  it.each(['a1', 'a2', 'a3', 'a..3', 'an1', 'an2', 'an3', 'an..3', 'n1', 'n2', 'n3', 'n..3'])('%s', (format) => {
    const layout: SegmentLayout = { tag: 'TST', name: 'test', assumption: false, source: 'test', elements: [{ id: '1', name: '1', status: 'M', format }] };
    const compiled = compileLayout(layout, {});
    const wrong = values.filter((v) => isClean({ elements: [[v]] }, compiled) && checkSegment({ tag: 'TST', elements: [[v]] }, layout).length > 0);
    expect(wrong).toEqual([]);
  });
});

describe('code sets answer exactly as a set of the codes', () => {
  /** About a third of the strings, picked by their characters and length. */
  const member = (s: string) => [...s].reduce((h, c) => (h * 31 + c.codePointAt(0)!) % 1009, s.length) % 3 === 0;
  const agree = (all: readonly string[]) => {
    const set = new CodeSet();
    for (const s of all) if (member(s)) set.add(s);
    return all.filter((s) => set.has(s) !== member(s));
  };
  it('for every string of up to two ASCII characters, control characters included', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    expect(agree(['', ...strings(ascii, 2)])).toEqual([]);
  });
  it('for every two-character string of characters from U+0080 to U+017F (UNOY values)', () => {
    const wide = Array.from({ length: 256 }, (_, c) => String.fromCharCode(0x80 + c));
    expect(agree(wide.flatMap((a) => wide.map((b) => a + b)))).toEqual([]);
  });
  it('for long codes that differ only in their last character', () => {
    const set = new CodeSet();
    set.add('ABCDEFGHIJ');
    set.add('ZZZZZZZZ');
    expect(['ABCDEFGHIJ', 'ABCDEFGHIK', 'ABCDEFGHII', 'ZZZZZZZZ', 'ZZZZZZZY', 'ZZZZZ'].map((v) => set.has(v))).toEqual([true, false, false, true, false, false]);
  });
});
