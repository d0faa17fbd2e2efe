/**
 * The segment walk and reader under decodeMessage, at what decode-errors.test.ts and
 * decode-fields.test.ts leave open: syntax 4 repetitions, a UNT inside the body, a segment
 * repeated past its maximum (reported and still read), and the group occurrences the walk
 * hands the decoders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../src/messages/decode.js';
import { DecodeContext } from '../../src/messages/wire/reader.js';
import { walkMessage } from '../../src/messages/wire/walk.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import { parse } from '../../src/syntax/read.js';

const MOTOR = `UNH+1+OPSIGE:1:911:UN'BGM+9'RFF+OPS:TRY-1'DTM+137:20241120:102'DTM+287:20250101:102'DOC+11'NAD+MR+22222222::VIR'NAD+MS+11111111::VIR'NAD+FT1+0101801234::CPR++Søren+Østergade 12+København K++1100+DK'RFF+POL:00-123'RFF+REG:AB12345'BRC+001:002'UNT+13+1'`;

/** UNH..UNT (UNA, when given, only sets the service characters). */
function decodeText(text: string) {
  return decodeMessage({ segments: parse(text).segments.filter((s) => s.tag !== 'UNA') }, opsigelser55);
}
const places = (r: ReturnType<typeof decodeText>) => (r.ok ? [] : r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component]));

describe('decodeMessage: what the segment walk reports and still reads', () => {
  it('the reference message decodes', () => {
    expect(decodeText(MOTOR).ok).toBe(true);
  });
  it('a repeated data element (syntax 4 repetition) is 15 at its element: the messages use none', () => {
    const r = decodeText(`UNA:+.?*'${MOTOR.replace('RFF+REG:AB12345', 'RFF+REG:AB12345*XY')}`);
    expect(places(r)).toEqual([['15', 'RFF', 11, 1, null]]);
    // one 15 per repeated element, each at its own (BRC has one element: the second is unexpected data too)
    const two = decodeText(`UNA:+.?*'${MOTOR.replace("BRC+001:002'", "BRC+001:002*003+X*Y'")}`);
    expect(places(two)).toEqual([
      ['15', 'BRC', 12, 2, 1],
      ['15', 'BRC', 12, 1, null],
      ['15', 'BRC', 12, 2, null],
    ]);
    // the same text without a repetition is clean
    expect(decodeText(`UNA:+.?*'${MOTOR}`).ok).toBe(true);
  });
  it('a UNT inside the body is 15 at its position, and the segments after it are still read', () => {
    expect(places(decodeText(MOTOR.replace("DOC+11'", "UNT+5+1'DOC+11'")))).toEqual([['15', 'UNT', 6, null, null]]);
  });
  it('a segment repeated past its maximum is 35 and is still read: a bad code in it is reported too (14)', () => {
    const r = decodeText(MOTOR.replace("DOC+11'", "DOC+11'DOC+11'DOC+99'"));
    expect(places(r)).toEqual([
      ['35', 'DOC', 8, null, null],
      ['35', 'DOC', 7, null, null], // the second DOC 11: a DOC code occurs once
      ['14', 'DOC', 8, 1, 1],
    ]);
  });
});

describe('walkMessage: group membership of each body segment', () => {
  const bonusText = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
  it('top-level segments are in no group (occurrence 0); the bonus block is SIF 1, each claim its own SHI occurrence', () => {
    const segments = parse(bonusText).segments.filter((s) => s.tag !== 'UNB' && s.tag !== 'UNZ');
    const ctx = new DecodeContext();
    const walked = walkMessage(segments, opsigelser55.structure, ctx);
    expect(ctx.errors).toEqual([]);
    expect(walked.map((w) => [w.reader.tag, w.reader.position, w.group, w.occurrence])).toEqual([
      ['BGM', 2, null, 0],
      ['RFF', 3, null, 0],
      ['DTM', 4, null, 0],
      ['NAD', 5, null, 0],
      ['NAD', 6, null, 0],
      ['NAD', 7, null, 0],
      ['BRC', 8, null, 0],
      ['SIF', 9, 'SIF', 1],
      ['DTM', 10, 'SIF', 1],
      ['DTM', 11, 'SIF', 1],
      ['DTM', 12, 'SIF', 1],
      ['SHI', 13, 'SHI', 1],
      ['DTM', 14, 'SHI', 1],
      ['SHI', 15, 'SHI', 2],
      ['DTM', 16, 'SHI', 2],
    ]);
  });
});
