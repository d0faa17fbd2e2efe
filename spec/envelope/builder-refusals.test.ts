/**
 * The interchange builder refuses header values no reader would accept — naming the spec path
 * and the ISO 9735 rule — instead of writing them (a 100-character UNB 0020, a 13th month, a
 * time 9999) or failing inside (`iso.replaceAll is not a function`).
 */
import { describe, expect, it } from 'vitest';
import { buildInterchange, InterchangeSpecError, type InterchangeSpec, writeInterchange, writeInterchangeBytes } from '../../src/envelope/index.js';
import { DEFAULT_SERVICE_CHARS, parse, segment } from '../../src/syntax/index.js';
import { refusal } from '../syntax/positions.js';

const OPS = { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' };
const base: InterchangeSpec = { sender: { id: 'A' }, recipient: { id: 'B' }, reference: 'R', date: '2024-11-20', time: '0101', messages: [{ header: OPS, body: [segment('BGM', '9')] }] };
const grouped = (g: object, m: object = {}): InterchangeSpec => ({
  ...base,
  messages: undefined,
  groups: [{ functionalGroupId: 'OPSIGE', sender: { id: 'A' }, recipient: { id: 'B' }, reference: 'G1', ...g, messages: [{ header: { ...OPS, ...m }, body: [] }] }],
});

function issuesOf(spec: unknown): Array<{ path: string; message: string }> {
  try {
    buildInterchange(spec as InterchangeSpec);
  } catch (e) {
    expect(e).toBeInstanceOf(InterchangeSpecError);
    return (e as InterchangeSpecError).issues;
  }
  throw new Error('not refused');
}

describe('interchange builder: header values', () => {
  it.each([
    ['reference', { ...base, reference: 'R'.repeat(100) }, /UNB 0020 .*an\.\.14.*100 characters/],
    ['reference', { ...base, reference: '' }, /UNB 0020 .*mandatory/],
    ['reference', { ...base, reference: 7 }, /UNB 0020 .*a string.*got 7/],
    ['date', { ...base, date: '2024-13-45' }, /UNB S004 0017 .*real calendar date YYYY-MM-DD.*"2024-13-45"/],
    ['date', { ...base, date: '2023-02-29' }, /real calendar date/],
    ['date', { ...base, date: 5 }, /UNB S004 0017 .*got 5/],
    ['time', { ...base, time: '9999' }, /UNB S004 0019 .*HHMM, 0000–2359.*"9999"/],
    ['time', { ...base, time: '2360' }, /HHMM/],
    ['time', { ...base, time: '12:00' }, /HHMM/],
    ['sender.id', { ...base, sender: { id: '' } }, /UNB S002 0004 .*mandatory/],
    ['recipient.id', { ...base, recipient: { id: 'B'.repeat(36) } }, /UNB S003 0010 .*an\.\.35/],
    ['sender.qualifier', { ...base, sender: { id: 'A', qualifier: 'ZZZZZ' } }, /UNB S002 0007 .*an\.\.4/],
    ['applicationReference', { ...base, applicationReference: 'x'.repeat(15) }, /UNB 0026 .*an\.\.14/],
    ['messages.0.header.reference', { ...base, messages: [{ header: { ...OPS, reference: 'M'.repeat(15) }, body: [] }] }, /UNH 0062 .*an\.\.14/],
    ['messages.0.header.reference', { ...base, messages: [{ header: { ...OPS, reference: '' }, body: [] }] }, /UNH 0062 .*mandatory/],
    ['messages.0.header.type', { ...base, messages: [{ header: { ...OPS, type: 'OPSIGELSE' }, body: [] }] }, /UNH S009 0065 .*an\.\.6/],
    ['groups.0.reference', grouped({ reference: 'G'.repeat(15) }), /UNG 0048 .*an\.\.14/],
    ['groups.0.functionalGroupId', grouped({ functionalGroupId: '' }), /UNG 0038 .*mandatory/],
    ['groups.0.messages.0.header.reference', grouped({}, { reference: 'M'.repeat(15) }), /UNH 0062 .*an\.\.14/],
    ['syntaxId', { ...base, syntaxId: 'UNOX' }, /UNB S001 0001 .*not a syntax identifier fp-edifact writes.*UNOC/],
    ['syntaxId', { ...base, syntaxId: 'UNOCUNOC' }, /UNB S001 0001 .*a4/],
    ['syntaxId', { ...base, syntaxId: 5 }, /UNB S001 0001 .*a string.*got 5/],
    ['syntaxVersion', { ...base, syntaxVersion: 'abc' }, /UNB S001 0002 .*n1/],
    ['syntaxVersion', { ...base, syntaxVersion: '' }, /UNB S001 0002 .*mandatory/],
    ['syntaxVersion', { ...base, syntaxId: 'UNOY' }, /UNB S001 0002 .*UNOY needs syntax version 4/],
    ['groups.0.version.version', grouped({ version: { version: 'x'.repeat(20), release: '911' } }), /UNG S008 0052 .*an\.\.3/],
    ['groups.0.version.release', grouped({ version: { version: '1', release: 5 } }), /UNG S008 0054 .*a string/],
    ['messages', { ...base, messages: [] }, /no messages.*error 32 \(lower level empty\)/],
    ['messages', { ...base, messages: undefined }, /no messages.*error 32/],
    ['groups', { ...base, messages: undefined, groups: [] }, /no groups.*error 32/],
    ['groups.0.messages', { ...base, messages: undefined, groups: [{ ...grouped({}).groups![0]!, messages: [] }] }, /UNG.*no messages.*error 32/],
  ])('refuses %s: %j', (path, spec, rule) => {
    const issues = issuesOf(spec);
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]!.message).toMatch(rule);
  });

  it('lists every problem at once, and writeInterchange and writeInterchangeBytes refuse the same', () => {
    const bad = { ...base, reference: 'R'.repeat(100), date: '2024-13-45', time: '9999' };
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['reference', 'date', 'time']);
    expect(() => writeInterchange(bad)).toThrow(/^buildInterchange: reference: UNB 0020 .*; date: .*; time: /);
    expect(() => writeInterchangeBytes(bad)).toThrow(InterchangeSpecError);
  });

  it('writeInterchange and writeInterchangeBytes refuse a repetition separator under syntax version 1–3 (its UNA place is reserved there), as the reader would', () => {
    const chars = { ...DEFAULT_SERVICE_CHARS, repetition: '*' };
    for (const syntaxVersion of [undefined, '3', '2']) {
      const spec = { ...base, ...(syntaxVersion && { syntaxVersion }) };
      expect(refusal(() => writeInterchange(spec, { serviceChars: chars })), syntaxVersion).toEqual({ code: '20', offset: undefined, segmentNumber: 1, tag: 'UNB', element: 1, component: 2 });
      expect(() => writeInterchangeBytes(spec, { serviceChars: chars }), syntaxVersion).toThrow(/syntax version [23] has no repetition separator/);
    }
    const four = writeInterchange({ ...base, syntaxVersion: '4' }, { serviceChars: chars });
    expect(four.startsWith("UNA:+.?*'UNB+UNOC:4+")).toBe(true);
    expect(parse(four, { errors: 'collect' }).errors).toEqual([]);
  });

  it('writeInterchange and writeInterchangeBytes refuse a decimal mark other than comma or full stop under syntax version 1–3, as the reader would', () => {
    const chars = { ...DEFAULT_SERVICE_CHARS, decimal: ';' };
    for (const syntaxVersion of [undefined, '3', '1']) {
      const spec = { ...base, ...(syntaxVersion && { syntaxVersion }) };
      expect(refusal(() => writeInterchange(spec, { serviceChars: chars })), syntaxVersion).toEqual({ code: '20', offset: undefined, segmentNumber: 1, tag: 'UNB', element: 1, component: 2 });
      expect(() => writeInterchangeBytes(spec, { serviceChars: chars }), syntaxVersion).toThrow(/syntax version [13] allows only a comma or a full stop as decimal mark/);
    }
    expect(parse(writeInterchange(base, { serviceChars: { ...DEFAULT_SERVICE_CHARS, decimal: ',' } }), { errors: 'collect' }).errors).toEqual([]);
    const four = writeInterchange({ ...base, syntaxVersion: '4' }, { serviceChars: chars });
    expect(four.startsWith("UNA:+;? 'UNB+UNOC:4+")).toBe(true);
    expect(parse(four, { errors: 'collect' }).errors).toEqual([]);
  });

  it('writes the edges it allows: 14-character references, 0000 and 2359, 29 February of a leap year', () => {
    for (const time of ['0000', '2359']) {
      const text = writeInterchange({ ...base, reference: 'R'.repeat(14), date: '2024-02-29', time, messages: [{ header: { ...OPS, reference: 'M'.repeat(14) }, body: [] }] });
      expect(text).toContain(`+240229:${time}+${'R'.repeat(14)}'`);
      expect(text).toContain(`UNH+${'M'.repeat(14)}+`);
    }
  });
});

describe('interchange builder: a spec of the wrong shape (plain-JS callers)', () => {
  it.each([
    ['(spec)', null, /an object/],
    ['messages', { ...base, messages: 'abc' }, /an array of messages/],
    ['messages', { ...base, messages: { 0: base.messages![0] } }, /an array of messages/],
    ['messages.0.body', { ...base, messages: [{ header: OPS, body: null }] }, /an array of segments/],
    ['groups.0.messages', { ...base, messages: undefined, groups: [{ functionalGroupId: 'OPSIGE', sender: { id: 'A' }, recipient: { id: 'B' }, reference: 'G1' }] }, /an array of messages/],
    ['groups', { ...base, messages: undefined, groups: 'G' }, /an array of groups/],
    ['now', { ...base, date: undefined, now: 5 }, /a function returning a valid Date/],
    ['now', { ...base, date: undefined, now: () => new Date('x') }, /a function returning a valid Date/],
    ['testIndicator', { ...base, testIndicator: 'false' }, /UNB 0035 \(test indicator\): must be true or false, got "false"/],
    ['ackRequested', { ...base, ackRequested: 1 }, /UNB 0031 \(acknowledgement request\): must be true or false, got 1/],
  ])('refuses %s with InterchangeSpecError, not a TypeError', (path, spec, rule) => {
    const issues = issuesOf(spec);
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]!.message).toMatch(rule);
  });
});
