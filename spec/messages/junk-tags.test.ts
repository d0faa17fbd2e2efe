/** Decoding a message that holds a segment whose tag is junk quotes the tag bounded and escaped. */
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { expectNoRawJunk, JUNK_TAG, SHOWN_JUNK } from '../syntax/junk-tag.js';

describe('junk segment tags in decode errors', () => {
  it.each([
    ['OPSIGE', opsigelser55],
    ['PANTDE', panthaver52],
  ] as const)('a %s message reports the segment it does not read (15) with the tag bounded and escaped', (type, profile) => {
    const text = `UNB+UNOC:3+1+2+240101:1200+R'UNH+1+${type}:1:911:UN'BGM+9'${JUNK_TAG}+a'UNT+4+1'UNZ+1+R'`;
    const message = parseInterchanges(text, { errors: 'collect' }).interchanges[0]!.messages[0]!;
    const r = decodeMessage(message, profile);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const junk = errors.find((e) => e.segmentPosition === 3 && e.code === '15');
    expect(junk?.segment).toBe(SHOWN_JUNK);
    expect(junk?.reason).toContain(`segment ${SHOWN_JUNK} is not`);
    for (const e of errors) expectNoRawJunk(`${e.segment} ${e.reason}`);
  });
});
