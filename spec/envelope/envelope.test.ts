import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EnvelopeEvent, buildInterchange, parseInterchanges, readMessages, writeInterchange } from '../../src/envelope/index.js';
import { EdifactSyntaxError, segment, serialize } from '../../src/syntax/index.js';
import { HEAD, codes, msg } from './helpers.js';

describe('envelope checks', () => {
  it('a valid interchange has no errors and exposes header and messages', () => {
    const { interchanges, errors } = parseInterchanges(`${HEAD}${msg('1')}${msg('2')}UNZ+2+REF'\n`);
    expect(errors).toEqual([]);
    const [ic] = interchanges;
    expect(ic?.header).toMatchObject({
      syntaxId: 'UNOC',
      syntaxVersion: '3',
      sender: { id: '11111111', qualifier: 'ZZ' },
      recipient: { id: '22222222', qualifier: 'ZZ' },
      date: '241120',
      time: '2300',
      reference: 'REF',
      ackRequested: false,
      testIndicator: false,
      una: true,
    });
    expect(ic?.messages.map((m) => [m.index, m.header.reference, m.header.type, m.header.version, m.header.release, m.header.agency, m.segments.length])).toEqual([
      [1, '1', 'OPSIGE', '1', '911', 'UN', 3],
      [2, '2', 'OPSIGE', '1', '911', 'UN', 3],
    ]);
  });

  it('a UNA between UNB and UNH, or between messages, is 33 in the interchange\'s errors (the level above), not the next message\'s', () => {
    for (const text of [`${HEAD}UNA:+.? '\n${msg('1')}UNZ+1+REF'\n`, `${HEAD}${msg('1')}UNA:+.? '\n${msg('2')}UNZ+2+REF'\n`]) {
      const { interchanges } = parseInterchanges(text, { errors: 'collect' });
      const [ic] = interchanges;
      expect(ic!.errors.map((e) => [e.code, e.tag, e.offset])).toEqual([['33', 'UNA', text.lastIndexOf('UNA')]]);
      expect(ic!.messages.flatMap((m) => m.errors)).toEqual([]);
    }
  });

  it('an interchange without a UNA of its own after one with a UNA is read with the defaults its header names', () => {
    const text = `UNA*+.? 'UNB+UNOC*3+11111111+22222222+241120*2300+REF'${msg('1').replace('OPSIGE:1:911:UN', 'OPSIGE*1*911*UN')}UNZ+1+REF'\nUNB+UNOC:3+11111111+22222222+241120:2300+REF2'${msg('1')}UNZ+1+REF2'`;
    const { interchanges, errors } = parseInterchanges(text, { errors: 'collect' });
    expect(errors).toEqual([]);
    expect(interchanges.map((ic) => [ic.header?.una, ic.header?.serviceChars.component, ic.header?.syntaxVersion, ic.messages[0]?.header.version])).toEqual([
      [true, '*', '3', '1'],
      [false, ':', '3', '1'],
    ]);
    // Without a UNZ the UNA's characters go on into the next UNB, and its header says so.
    const unclosed = parseInterchanges(text.replace("UNZ+1+REF'\n", '').replace('UNB+UNOC:3', 'UNB+UNOC*3'), { errors: 'collect' });
    expect(unclosed.interchanges.map((ic) => [ic.header?.una, ic.header?.serviceChars.component, ic.header?.syntaxVersion])).toEqual([
      [true, '*', '3'],
      [false, '*', '3'],
    ]);
  });

  it('UNT count mismatch is 29 at the UNT', () => {
    const text = `${HEAD}${msg('1', 4)}UNZ+1+REF'\n`;
    expect(codes(text)).toEqual([['29', 'UNT', text.indexOf('UNT')]]);
  });

  it('UNT counts a segment skipped for being over maxSegmentLength: the right count is no 29, one short is', () => {
    const text = (count: number) => `${HEAD}UNH+1+OPSIGE:1:911:UN'\nBGM+9'\nFTX+AAI+++${'x'.repeat(80)}'\nDTM+137:20241120:102'\nUNT+${count}+1'\nUNZ+1+REF'\n`;
    const found = (count: number) => parseInterchanges(text(count), { errors: 'collect', maxSegmentLength: 60 }).errors.map((e) => [e.code, e.tag]);
    expect(found(5)).toEqual([['18', 'FTX']]);
    expect(found(4)).toEqual([
      ['18', 'FTX'],
      ['29', 'UNT'],
    ]);
  });

  it('a count of the right number in the wrong form is 29 (n..10 in UNT, n..6 in UNZ)', () => {
    for (const count of [' 3', '3 ', '3.0', '0x3', '3e0', '00000000003']) {
      const text = `${HEAD}${msg('1', 3).replace('UNT+3+', `UNT+${count}+`)}UNZ+1+REF'\n`;
      expect(codes(text), count).toEqual([['29', 'UNT', text.indexOf('UNT')]]);
    }
    expect(codes(`${HEAD}${msg('1', 3).replace('UNT+3+', 'UNT+0000000003+')}UNZ+1+REF'\n`)).toEqual([]);
    const unz = `${HEAD}${msg('1')}UNZ+0000001+REF'\n`;
    expect(codes(unz)).toEqual([['29', 'UNZ', unz.indexOf('UNZ')]]);
    expect(codes(`${HEAD}${msg('1')}UNZ+000001+REF'\n`)).toEqual([]);
  });

  it('UNT reference mismatch is 28 at the UNT', () => {
    const text = `${HEAD}${msg('1', 3, '9')}UNZ+1+REF'\n`;
    expect(codes(text)).toEqual([['28', 'UNT', text.indexOf('UNT')]]);
  });

  it('UNZ count mismatch is 29 and reference mismatch is 28, at the UNZ', () => {
    const text = `${HEAD}${msg('1')}UNZ+2+XXX'\n`;
    const at = text.indexOf('UNZ');
    expect(codes(text)).toEqual([
      ['29', 'UNZ', at],
      ['28', 'UNZ', at],
    ]);
  });

  it('a missing mandatory element is 13 at its position: a component only inside a composite (S011 0104)', () => {
    const where = (text: string) => parseInterchanges(text, { errors: 'collect' }).errors.map((e) => [e.tag, e.element, e.component ?? null]);
    // Simple elements: UNH 0062, UNT 0062, UNZ 0036 and UNB 0020 have no components.
    expect(where(`${HEAD}UNH++OPSIGE:1:911:UN'\nBGM+9'\nUNT+3'\nUNZ++REF'\n`)).toEqual([
      ['UNH', 1, null],
      ['UNT', 2, null],
      ['UNZ', 1, null],
    ]);
    expect(where(`UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300'\n${msg('1')}UNZ+1+'\n`)).toContainEqual(['UNB', 5, null]);
    // A composite's component keeps its place: S004 0019, S009 0052.
    expect(where(`UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120+REF'\nUNH+1+OPSIGE::911:UN'\nBGM+9'\nUNT+3+1'\nUNZ+1+REF'\n`)).toEqual([
      ['UNB', 4, 2],
      ['UNH', 2, 2],
    ]);
  });

  it('missing UNZ at end of input is 13 at the end offset', () => {
    const text = `${HEAD}${msg('1')}`;
    expect(codes(text)).toEqual([['13', 'UNZ', text.length]]);
  });

  it('missing UNT is 13 and the message is still delivered', () => {
    const text = `${HEAD}UNH+1+OPSIGE:1:911:UN'\nBGM+9'\n${msg('2')}UNZ+2+REF'\n`;
    const { interchanges, errors } = parseInterchanges(text, { errors: 'collect' });
    expect(interchanges[0]?.messages).toHaveLength(2);
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['13', text.indexOf('UNH+2')]]);
  });

  it('a segment between messages is 33; an empty interchange is 32', () => {
    const text = `${HEAD}${msg('1')}FTX+AAI'\nUNZ+1+REF'\n`;
    expect(codes(text)).toEqual([['33', 'FTX', text.indexOf('FTX')]]);
    const empty = `${HEAD}UNZ+0+REF'\n`;
    expect(codes(empty)).toEqual([['32', 'UNZ', empty.indexOf('UNZ')]]);
  });

  it('functional groups: UNZ counts groups, UNE counts and references are checked', () => {
    const good = `${HEAD}UNG+OPSIGE+1:ZZ+2:ZZ+241120:2300+G1+UN+1:911'\n${msg('1')}${msg('2')}UNE+2+G1'\nUNZ+1+REF'\n`;
    expect(codes(good)).toEqual([]);
    const bad = good.replace("UNE+2+G1'", "UNE+3+G2'");
    const at = bad.indexOf('UNE');
    expect(codes(bad)).toEqual([
      ['29', 'UNE', at],
      ['28', 'UNE', at],
    ]);
    expect(codes(readFileSync('fixtures/functional-group.edi', 'latin1'))).toEqual([]);
  });

  it('a missing mandatory UNB element is 13 with its element and component', () => {
    const { errors } = parseInterchanges("UNB+UNOC:3+1:ZZ+2:ZZ+241120'UNH+1+X:1:1:UN'BGM+9'UNT+3+1'UNZ+1+'", { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.tag, e.element, e.component])).toEqual([
      ['13', 'UNB', 4, 2],
      ['13', 'UNB', 5, undefined],
      ['13', 'UNZ', 2, undefined],
    ]);
  });

  it('an empty input is 13: no interchange', () => {
    expect(codes('')).toEqual([['13', undefined, 0]]);
  });

  it('throws the first error in throw mode', () => {
    expect(() => parseInterchanges(`${HEAD}${msg('1', 9)}UNZ+1+REF'`)).toThrow(EdifactSyntaxError);
  });

  it('every good fixture parses without envelope errors', () => {
    for (const f of readdirSync('fixtures').filter((n) => n.endsWith('.edi'))) {
      const { errors } = parseInterchanges(readFileSync(`fixtures/${f}`), { errors: 'collect' });
      expect(errors, f).toEqual([]);
    }
  });
});

describe('readMessages streams one message at a time', () => {
  it('delivers interchange, message and end events in order, with errors attached', async () => {
    const text = `${HEAD}${msg('1')}${msg('2', 7)}UNZ+2+REF'\n`;
    async function* chunks() {
      for (let i = 0; i < text.length; i += 7) yield Buffer.from(text.slice(i, i + 7), 'latin1');
    }
    const events: EnvelopeEvent[] = [];
    for await (const e of readMessages(chunks(), { errors: 'collect' })) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['interchange', 'message', 'message', 'end']);
    const second = events[2];
    expect(second?.type === 'message' && second.message.errors.map((e) => e.code)).toEqual(['29']);
  });

  it('keeps at most maxMessageSegments segments of one message and says so', async () => {
    const body = "FTX+AAI+++x'".repeat(50);
    const text = `${HEAD}UNH+1+X:1:1:UN'${body}UNT+52+1'UNZ+1+REF'`;
    const { interchanges } = parseInterchanges(text, { errors: 'collect', maxMessageSegments: 10 });
    const m = interchanges[0]?.messages[0];
    expect(m?.segments).toHaveLength(10);
    expect(m?.errors.map((e) => e.code)).toEqual(['18']);
  });
});

describe('interchange builder', () => {
  it('fills in UNB date/time, UNH numbering, UNT counts and UNZ count', () => {
    const text = writeInterchange(
      {
        sender: { id: '11111111' },
        recipient: { id: '22222222' },
        reference: 'R1',
        now: () => new Date(Date.UTC(2024, 10, 20, 23, 5)),
        messages: [
          { header: { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' }, body: [{ tag: 'BGM', elements: [['9']] }] },
          { header: { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' }, body: [{ tag: 'BGM', elements: [['29']] }, { tag: 'RFF', elements: [['OPS', 'X']] }] },
        ],
      },
      { newline: '\n' },
    );
    expect(text).toBe(
      "UNA:+.? '\nUNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2305+R1'\nUNH+1+OPSIGE:1:911:UN'\nBGM+9'\nUNT+3+1'\nUNH+2+OPSIGE:1:911:UN'\nBGM+29'\nRFF+OPS:X'\nUNT+4+2'\nUNZ+2+R1'\n",
    );
    expect(parseInterchanges(text).errors).toEqual([]);
  });

  it('writes CCYYMMDD for syntax 4 and the acknowledgement request and test indicator', () => {
    const segs = buildInterchange({ sender: { id: 'A' }, recipient: { id: 'B' }, reference: 'R', date: '2024-11-20', time: '0101', syntaxId: 'UNOY', syntaxVersion: '4', ackRequested: true, testIndicator: true, messages: [{ header: { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' }, body: [] }] });
    expect(serialize(segs.slice(0, 1))).toBe("UNB+UNOY:4+A:ZZ+B:ZZ+20241120:0101+R++++1++1'");
  });

  const OPS = { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' };
  const grouped = {
    sender: { id: 'A' },
    recipient: { id: 'B' },
    reference: 'R',
    date: '2024-11-20',
    time: '0101',
    groups: [
      { functionalGroupId: 'OPSIGE', sender: { id: 'APP1', qualifier: '14' }, recipient: { id: 'APP2' }, reference: 'G1', messages: [{ header: OPS, body: [segment('BGM', '9')] }, { header: OPS, body: [segment('BGM', '29')] }] },
      { functionalGroupId: 'PANTH', sender: { id: 'APP1' }, recipient: { id: 'APP2' }, reference: 'G2', agency: 'DK', version: { version: '2', release: '001', associationCode: 'FP' }, messages: [{ header: { ...OPS, type: 'PANTH', reference: 'X9' }, body: [segment('BGM', 'Z1')] }] },
    ],
  };

  it('writes functional groups: UNG with the interchange date, UNE counts, messages numbered on through the interchange, UNZ counting groups', () => {
    expect(writeInterchange(grouped, { newline: '\n', una: false }).split('\n')).toEqual([
      "UNB+UNOC:3+A:ZZ+B:ZZ+241120:0101+R'",
      "UNG+OPSIGE+APP1:14+APP2+241120:0101+G1+UN+1:911'",
      "UNH+1+OPSIGE:1:911:UN'",
      "BGM+9'",
      "UNT+3+1'",
      "UNH+2+OPSIGE:1:911:UN'",
      "BGM+29'",
      "UNT+3+2'",
      "UNE+2+G1'",
      "UNG+PANTH+APP1+APP2+241120:0101+G2+DK+2:001:FP'",
      "UNH+X9+PANTH:1:911:UN'",
      "BGM+Z1'",
      "UNT+3+X9'",
      "UNE+1+G2'",
      "UNZ+2+R'",
      '',
    ]);
  });

  it('reads its groups back with no envelope error, each message in its group', () => {
    const { interchanges, errors } = parseInterchanges(writeInterchange(grouped));
    expect(errors).toEqual([]);
    const [ic] = interchanges;
    expect(ic?.groupCount).toBe(2);
    expect(ic?.trailer).toEqual({ count: '2', reference: 'R' });
    expect(ic?.groups.map((g) => [g.reference, g.messageType])).toEqual([['G1', 'OPSIGE'], ['G2', 'PANTH']]);
    expect(ic?.messages.map((m) => [m.header.reference, m.groupReference])).toEqual([['1', 'G1'], ['2', 'G1'], ['X9', 'G2']]);
  });

  it('refuses messages and groups together', () => {
    expect(() => buildInterchange({ ...grouped, messages: [] })).toThrow(/messages or groups, not both/);
  });
});
