import { describe, expect, it } from 'vitest';
import { checkFormat, isFormat, parseFormat } from '../../src/syntax/formats.js';

describe('parseFormat', () => {
  it.each([
    ['an..35', { charClass: 'an', minLength: 1, maxLength: 35 }],
    ['n..15', { charClass: 'n', minLength: 1, maxLength: 15 }],
    ['a3', { charClass: 'a', minLength: 3, maxLength: 3 }],
    ['n1', { charClass: 'n', minLength: 1, maxLength: 1 }],
    ['an3', { charClass: 'an', minLength: 3, maxLength: 3 }],
  ])('%s', (f, expected) => {
    expect(parseFormat(f)).toEqual(expected);
  });
  it('caches', () => {
    expect(parseFormat('an..70')).toBe(parseFormat('an..70'));
  });
  it.each(['', 'x..3', 'an..', 'an..0', 'n.5', 'AN..3', 'an...3'])('rejects %j', (f) => {
    expect(isFormat(f)).toBe(false);
    expect(() => parseFormat(f)).toThrow(/invalid EDIFACT format/);
  });
});

describe('checkFormat', () => {
  it.each<[string, string, string | null]>([
    // fits
    ['', 'n3', null],
    ['123', 'n3', null],
    ['-123', 'n3', null],
    ['1.23', 'n3', null],
    ['1,23', 'n3', null],
    ['-1,02', 'n3', null],
    ['0.5', 'n..2', null],
    ['ABC', 'a3', null],
    ['Æøå', 'a..3', null],
    ['A1-', 'an3', null],
    ['Søren Ærø Ågård', 'an..35', null],
    // 37 invalid character type
    ['12a', 'n..5', '37'],
    ['+12', 'n..5', '37'],
    ['1 000', 'n..5', '37'],
    ['1E3', 'n..5', '37'],
    ['AB1', 'a..3', '37'],
    // 19 invalid decimal notation
    ['1.2.3', 'n..5', '19'],
    ['1,2.3', 'n..5', '19'],
    ['12.', 'n..5', '19'],
    ['.5', 'n..5', '19'],
    ['-.5', 'n..5', '19'],
    ['1-2', 'n..5', '19'],
    ['--1', 'n..5', '19'],
    ['-', 'n..5', '19'],
    ['.', 'n..5', '19'],
    // 39 too long
    ['1234', 'n3', '39'],
    ['-12.34', 'n3', '39'],
    ['ABCD', 'an..3', '39'],
    ['ABCD', 'a3', '39'],
    // 40 too short
    ['12', 'n3', '40'],
    ['AB', 'an3', '40'],
    ['-1.2', 'n3', '40'],
  ])('%j against %s → %s', (value, format, code) => {
    const r = checkFormat(value, format);
    expect(r?.code ?? null).toBe(code);
    if (r) expect(r.reason.length).toBeGreaterThan(0);
  });
  it('accepts a parsed format', () => {
    expect(checkFormat('1234', parseFormat('n..3'))?.code).toBe('39');
  });
  it('counts code points, not UTF-16 units', () => {
    expect(checkFormat('😀😀😀', 'an3')).toBeNull();
  });
});
