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
});
