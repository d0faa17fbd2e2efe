/** The tokenizer's errors about a segment whose tag is junk quote it bounded and escaped, on every path. */
import { describe, expect, it } from 'vitest';
import { EdifactSyntaxError, parse } from '../../src/syntax/index.js';
import { shownTag } from '../../src/syntax/shown.js';
import { expectNoRawJunk, JUNK_TAG, SHOWN_JUNK, SHOWN_JUNK_HEAD } from './junk-tag.js';

const HEAD = "UNB+UNOC:3+1+2+240101:1200+R'UNH+1+X:1:1:UN'BGM+9'";

describe('junk segment tags in tokenizer errors', () => {
  it('quotes the tag of 12, 22, 16 and 21 the same bounded, escaped way', () => {
    const text = `${HEAD}${JUNK_TAG}+a?b'${JUNK_TAG}${'+a'.repeat(120)}'UNT+5+1'UNZ+1+R'`;
    const { errors } = parse(Buffer.from(text, 'latin1'), { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.tag])).toEqual([
      ['21', SHOWN_JUNK_HEAD],
      ['12', SHOWN_JUNK],
      ['22', SHOWN_JUNK],
      ['21', SHOWN_JUNK_HEAD],
      ['12', SHOWN_JUNK],
      ['16', SHOWN_JUNK],
    ]);
    for (const e of errors) expectNoRawJunk(e.message);
    expect(errors[1]?.message).toContain(`invalid segment tag "${SHOWN_JUNK}"`);
  });

  it('quotes the tag of a segment over the length limit (18) and of an unterminated last one (13)', () => {
    const { errors } = parse(`${HEAD}\x07${'Z'.repeat(100)}+a'\x1bZZ+a`, { errors: 'collect', maxSegmentLength: 50 });
    expect(errors.map((e) => [e.code, e.tag])).toEqual([
      ['18', '\\u0007ZZ'],
      ['13', '\\u001bZZ'],
    ]);
  });

  it('shows a well-formed or short printable tag as it is, and never splits a surrogate pair', () => {
    expect(shownTag('NAD')).toBe('NAD');
    expect(shownTag('nad')).toBe('nad');
    expect(shownTag('UNH:1')).toBe('UNH:1');
    expect(shownTag('\\')).toBe('\\\\');
    expect(shownTag('ABCDEFGHIJK\u{1F600}')).toBe('ABCDEFGHIJK…');
    expect(shownTag('A\u202eB\u0085\ud800')).toBe('A\\u202eB\\u0085\\ud800');
    expect(new EdifactSyntaxError('12', 'x', { tag: JUNK_TAG }).tag).toBe(SHOWN_JUNK);
  });
});
