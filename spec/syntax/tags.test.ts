import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';
import { sharedTag } from '../../src/syntax/tags.js';

describe('shared segment tags', () => {
  it('hands out the tag for upper-case letters and digits, and nothing for anything else', () => {
    expect(sharedTag("x'NAD+", 2)).toBe('NAD');
    expect(sharedTag('UN1', 0)).toBe('UN1');
    expect(sharedTag('Nad', 0)).toBeUndefined();
    expect(sharedTag('N-D', 0)).toBeUndefined();
    expect(sharedTag('NÆD', 0)).toBeUndefined();
  });

  it('gives tokenized segments the same tags as the wire, well-formed or not', () => {
    const { segments, errors } = parse("NAD+MR'nad+MR'NADX+1'NA'UNT'A1Z'", { errors: 'collect' });
    expect(segments.map((s) => s.tag)).toEqual(['NAD', 'nad', 'NADX', 'NA', 'UNT', 'A1Z']);
    expect(errors.map((e) => e.tag)).toEqual(['nad', 'NADX', 'NA']);
  });

  it('judges tags alike on every path: release characters, composite tags, decoded charsets', () => {
    // A release character or a component separator in the segment takes the full split path;
    // a UNOY non-ASCII byte takes the decoding path, which splits the decoded text again.
    const input = Buffer.concat([
      Buffer.from("UNB+UNOY:4+1:ZZ+2:ZZ+240101:1200+1'NAD+a?+b'nad+a?+b'NA:D+1'N?AD+1'", 'latin1'),
      Buffer.from("NAD+Ø'nAD+Ø'UNZ+0+1'", 'utf8'),
    ]);
    const { segments, errors } = parse(input, { errors: 'collect' });
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'nad', 'NA:D', 'NAD', 'NAD', 'nAD', 'UNZ']);
    const tagErrors = errors.filter((e) => /segment tag/.test(e.message));
    expect(tagErrors.map((e) => [e.tag, e.segmentNumber])).toEqual([
      ['nad', 3],
      ['NA:D', 4],
      ['nAD', 7],
    ]);
  });
});
