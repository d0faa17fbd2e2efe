/**
 * Every tokenizer error at a segment inside a message carries the segment's position in the
 * message (UNH = 1), as the envelope's errors and the segments themselves do; outside a
 * message it is absent.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('message segment numbers of tokenizer errors', () => {
  it('sets messageSegmentNumber on 12, 22, 21 and 16 inside a message, as on the segment', () => {
    const text = "UNB+UNOB:3+1+2+240101:1200+R'UNH+1+X:1:1:UN'BGM+9'nad+x'FTX+a?b'FTX+\xe9'DTM+1+2+3+4+5+6'UNT+7+1'UNZ+1+R'";
    const { segments, errors } = parse(latin1(text), { errors: 'collect', maxElements: 5 });
    const inMessage = (tag: string) => segments.find((s) => s.tag === tag && s.messageSegmentNumber > 2)?.messageSegmentNumber;
    expect(errors.map((e) => [e.code, e.segmentNumber, e.messageSegmentNumber])).toEqual([
      ['12', 4, 3],
      ['22', 5, 4],
      ['21', 6, 5],
      ['16', 7, 6],
    ]);
    expect([inMessage('nad'), inMessage('DTM')]).toEqual([3, 6]);
    for (const e of errors) expect(e.message).toContain(`message segment ${e.messageSegmentNumber}`);
  });

  it('leaves it absent outside a message', () => {
    const { errors } = parse(latin1("UNB+UNOB:3+1+2+240101:1200+R'nad+\xe9'UNZ+0+R'"), { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.messageSegmentNumber])).toEqual([
      ['21', undefined],
      ['12', undefined],
    ]);
  });
});
