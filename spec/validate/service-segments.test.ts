/**
 * The envelope's own segments (UNB, UNG, UNE, UNZ) are checked against their layouts when
 * their interchange ends, each error at its own segment, and each only in its own interchange.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/stream.js';
import type { InterchangeReport } from '../../src/validate/types.js';
import { messageErrors } from './helpers.js';

const LONG_GROUP = 'G123456789012345'; // 16 characters; 0048 is an..14
const grouped = (ref: string, date = '240101') =>
  `UNB+UNOC:3+11111111:ZZ+22222222:ZZ+${date}:1200+${ref}'UNG+OPSIGE+11111111:ZZ+22222222:ZZ+240101:1200+${LONG_GROUP}+UN+1:911'` +
  `UNH+1+OPSIGE:1:911:UN'BGM+9'UNT+2+1'UNE+1+${LONG_GROUP}'UNZ+1+${ref}'`;
const plain = (ref: string) => `UNB+UNOC:3+11111111:ZZ+22222222:ZZ+240101:1200+${ref}'UNH+1+OPSIGE:1:911:UN'BGM+9'UNT+2+1'UNZ+1+${ref}'`;

const envelopeErrors = (report: InterchangeReport) =>
  report.errors.map((e) => ({ segment: e.segment, element: e.element, offset: e.offset, code: e.code }));

async function run(text: string): Promise<InterchangeReport[]> {
  return validate(Buffer.from(text, 'latin1'));
}

describe('envelope segment layouts', () => {
  it('reports a bad UNG and a bad UNE, each at its own segment', async () => {
    const text = grouped('R1');
    const [report] = await run(text);
    expect(envelopeErrors(report!)).toEqual([
      { segment: 'UNG', element: 5, offset: text.indexOf('UNG'), code: '39' },
      { segment: 'UNE', element: 2, offset: text.indexOf('UNE'), code: '39' },
    ]);
  });

  it('reports a bad UNB element at the UNB', async () => {
    const [report] = await run(grouped('R1', '2401011'));
    expect(envelopeErrors(report!)).toContainEqual({ segment: 'UNB', element: 4, offset: 0, code: '39' });
  });

  it("checks a group's segments only in its own interchange", async () => {
    const reports = await run(grouped('R1') + plain('R2'));
    expect(reports).toHaveLength(2);
    expect(envelopeErrors(reports[0]!).map((e) => e.segment)).toEqual(['UNG', 'UNE']);
    expect(reports[1]!.errors).toEqual([]);
  });
});

describe('a received CONTRL (a partner answering our interchange) is validated as a CONTRL', () => {
  const contrl = (version: string, body: string) => {
    const segments = body.split("'").length - 1 + 2;
    return `UNB+UNOC:3+22222222:ZZ+11111111:ZZ+241120:1200+REF1'UNH+1+CONTRL:${version}:UN'${body}UNT+${segments}+1'UNZ+1+REF1'`;
  };
  const withDetail = `UCI+IC0001+11111111:ZZ+22222222:ZZ+4'UCM+1+OPSIGE:1:911:UN+4'UCS+3+12'UCD+12+3:1'`;
  const errorsOf = (text: string) => messageErrors(text, { detail: 'segment' });

  it.each(['2:2', 'D:3', '4:1'])('CONTRL %s with UCI, UCM, UCS and UCD is accepted', async (version) => {
    expect(await errorsOf(contrl(version, withDetail))).toEqual([]);
  });
  it('checks UCS and UCD against their layouts: a segment position that is not a number is 37', async () => {
    // [code, rule, segment position (UCS is the 4th), element, component]
    expect(await errorsOf(contrl('2:2', withDetail.replace('UCS+3', 'UCS+ABC')))).toEqual([['37', null, 4, 1, null]]);
  });
  it('takes action codes 4, 7 and 8 in UCI and UCM (0083), and gives 12 for any other', async () => {
    for (const action of ['4', '7', '8']) {
      expect(await errorsOf(contrl('2:2', withDetail.replace('22222222:ZZ+4', `22222222:ZZ+${action}`).replace('911:UN+4', `911:UN+${action}`))), action).toEqual([]);
    }
    expect(await errorsOf(contrl('2:2', withDetail.replace('22222222:ZZ+4', '22222222:ZZ+9').replace('911:UN+4', '911:UN+1')))).toEqual([
      ['12', null, 2, 4, null],
      ['12', null, 3, 3, null],
    ]);
  });
  it('refuses a CONTRL version it does not know, at the version and the release', async () => {
    expect(await errorsOf(contrl('9:9', withDetail))).toEqual([['14', null, 1, 2, 2], ['14', null, 1, 2, 3]]);
  });
});
