/**
 * The envelope's own segments (UNB, UNG, UNE, UNZ) are checked against their layouts when
 * their interchange ends, each error at its own segment, and each only in its own interchange.
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/stream.js';
import type { InterchangeReport } from '../../src/validate/types.js';

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
