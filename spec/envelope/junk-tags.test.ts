/** The envelope's errors about a segment whose tag is junk quote it bounded and escaped. */
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { expectNoRawJunk, JUNK_TAG, SHOWN_JUNK } from '../syntax/junk-tag.js';

describe('junk segment tags in envelope errors', () => {
  it('quotes the tag of a segment outside a message (33) bounded and escaped', () => {
    const text = `UNB+UNOC:3+1+2+240101:1200+R'${JUNK_TAG}+a'UNH+1+X:1:1:UN'BGM+9'UNT+3+1'UNZ+1+R'`;
    const { errors } = parseInterchanges(text, { errors: 'collect' });
    const outside = errors.find((e) => e.code === '33');
    expect(outside?.tag).toBe(SHOWN_JUNK);
    expect(outside?.reason).toBe(`segment ${SHOWN_JUNK} outside a message (not between UNH and UNT)`);
    for (const e of errors) expectNoRawJunk(e.message);
  });
});
