/**
 * Syntax error 21 (a character outside the declared character set) names the element and
 * component of the offending character, as the other syntax errors do and as the writer's 21
 * does (the tag is element 0, without a component): found by re-walking the segment's text on
 * the error path, a released separator (`?+`, `?:`) being data. The validator's CONTRL (UCS/UCD)
 * and the CLI's problem lines carry them on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/index.js';
import { validate } from '../../src/validate/index.js';
import { NOW, runValidate } from '../validate/helpers.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const UNB = (syntax = 'UNOA:3') => `UNB+${syntax}+1+2+241120:2300+R'`;

/** The 21s of `text` (Latin-1 bytes) as [offset, segment number, tag, element, component]. */
function invalidChars(text: string | Buffer): Array<[number | undefined, number | undefined, string | undefined, number | undefined, number | undefined]> {
  const { errors } = parse(typeof text === 'string' ? latin1(text) : text, { errors: 'collect' });
  return errors.filter((e) => e.code === '21').map((e) => [e.offset, e.segmentNumber, e.tag, e.element, e.component]);
}

describe('syntax error 21 names the element and component of the character', () => {
  const at = UNB().length; // the second segment's offset
  it.each([
    ['element 1, component 1', "NAD+\x81R'", [[at + 4, 2, 'NAD', 1, 1]]],
    ['element 3, component 2', "NAD+MR+X+AB:C\x81D'", [[at + 13, 2, 'NAD', 3, 2]]],
    ['after a released element separator (?+): still the same element', "FTX+AAI+++AB?+C\x81'", [[at + 15, 2, 'FTX', 4, 1]]],
    ['after a released component separator (?:): still the same component', "FTX+AAI+++AB?:C\x81'", [[at + 15, 2, 'FTX', 4, 1]]],
    ['after a released release character (??:): the separator counts', "FTX+AAI+++AB??:C\x81'", [[at + 16, 2, 'FTX', 4, 2]]],
    ['in an empty-element run (++, ::)', "NAD+MR++::\x81'", [[at + 10, 2, 'NAD', 3, 3]]],
    ['in the tag: element 0, no component', "N\x81D+MR'", [[at + 1, 2, 'N\\u0081D', 0, undefined]]],
  ])('%s', (_what, segment, expected) => {
    expect(invalidChars(UNB() + segment)).toEqual(expected);
  });

  it('in the UNB itself (checked against the charset it declares), in its own element', () => {
    expect(invalidChars("UNB+UNOA:3+1+2\x81+241120:2300+R'")).toEqual([[14, 1, 'UNB', 3, 1]]);
  });

  it('counts occurrences of a repeated element as the same element (syntax 4, repetition separator *)', () => {
    const text = `UNA:+.?*'${UNB('UNOB:4')}NAD+MR*MS:X\x81'`;
    expect(invalidChars(text)).toEqual([[text.length - 2, 2, 'NAD', 1, 2]]);
  });

  it('a released service character the charset lacks (a TAB component separator under UNOC) is located like any other', () => {
    const text = `UNA\t+.? '${UNB('UNOC:3')}FTX+AAI+++A?\tB'`;
    expect(invalidChars(text)).toEqual([[text.length - 3, 2, 'FTX', 4, 1]]);
  });

  it('in text input (characters, not bytes) too', () => {
    const text = `${UNB('UNOC:3')}NAD+MR+X+AB:CΩ'`;
    const { errors } = parse(text, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset, e.element, e.component])).toEqual([['21', text.length - 2, 3, 2]]);
  });

  it('says so in the message, as other errors do', () => {
    const { errors } = parse(latin1(`${UNB()}NAD+MR+X+AB:C\x81'`), { errors: 'collect' });
    expect(errors[0]!.message).toBe(`byte ${at + 13}, segment 2 (NAD), element 3, component 2: byte 0x81 is not in the UNOA character set (syntax error 21)`);
  });
});

describe('the element and component of a 21 reach the CONTRL and the problem lines', () => {
  const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
  /** RFF+POL (segment 10 of the message) with a C1 control byte after its released `?+`: element 1, component 2. */
  const badPolicy = motor.replace('RFF+POL:00-123?+456', 'RFF+POL:00-123?+4\x8156');

  it('a UCD with the element and component under the UCS of the segment', async () => {
    const [r] = await validate(latin1(badPolicy), { now: NOW, detail: 'segment' });
    expect(r!.messages[0]!.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component])).toEqual([['21', 'RFF', 10, 1, 2]]);
    expect(r!.contrl).toContain("UCM+1+OPSIGE:1:911:UN+4'UCS+10'UCD+21+2:2'");
  });

  it('a bad character in the tag is the segment\'s error (a UCS with 21), never a UCD for element 0', async () => {
    const [r] = await validate(latin1(motor.replace('RFF+POL:00', 'R\x81F+POL:00')), { now: NOW, detail: 'segment' });
    const e21 = r!.messages[0]!.errors.find((e) => e.code === '21')!;
    expect([e21.segmentPosition, e21.element, e21.component]).toEqual([10, 0, null]);
    expect(r!.contrl).toMatch(/UCS\+10\+21'/);
    expect(r!.contrl).not.toContain('UCD+21');
  });

  it("the text report's problem line names them", async () => {
    const { stdout } = await runValidate(latin1(badPolicy), { format: 'text' });
    expect(stdout).toMatch(/21 .*segment 10 \(RFF\), element 1:2/);
  });
});
