/**
 * S011 in a CONTRL counts as ISO 9735 says (data element 0098: "The segment code and each
 * following … data element … shall cause the count to be incremented. The segment tag has
 * position number 1."): the first data element after the tag is position 2. Errors in reports
 * keep naming data elements from 1 (element 1 = the first after the tag); only the CONTRL
 * writes the standard's count. It once wrote the report's number, one too low everywhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { NOW } from './helpers.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');

/** The CONTRL's UCI/UCM/UCS/UCD segments and the report's errors for `text`, at segment detail. */
async function answer(text: string): Promise<{ contrl: string[]; errors: Array<[string, string | null, number | null, number | null]> }> {
  const [r] = await validate(text, { now: NOW, detail: 'segment' });
  const errors = [...r!.errors, ...r!.messages.flatMap((m) => m.errors)].map((e): [string, string | null, number | null, number | null] => [e.code, e.segment, e.element, e.component]);
  return { contrl: r!.contrl.split("'").filter((s) => /^UC[IMSD]\+/.test(s)), errors };
}

describe('CONTRL S011 positions count the segment tag as 1 (ISO 9735 0098)', () => {
  it('UCD: extra elements 2–5 of a BGM are positions 3–6', async () => {
    const { contrl, errors } = await answer(motor.replace("BGM+9'", "BGM+9+x+y+z+w'"));
    expect(errors).toEqual([
      ['15', 'BGM', 2, null],
      ['15', 'BGM', 3, null],
      ['15', 'BGM', 4, null],
      ['16', 'BGM', 5, null],
    ]);
    expect(contrl.filter((s) => s.startsWith('UCD'))).toEqual(['UCD+15+3', 'UCD+15+4', 'UCD+15+5', 'UCD+16+6']);
  });

  it('UCM: the agency in UNH element 2 component 4 is S011 3:4', async () => {
    const { contrl, errors } = await answer(motor.replace('OPSIGE:1:911:UN', 'OPSIGE:1:911:XX'));
    expect(errors).toEqual([['14', 'UNH', 2, 4]]);
    expect(contrl).toContain('UCM+1+OPSIGE:1:911:XX+4+14+UNH+3:4');
  });

  it('UCI: the syntax version in UNB element 1 component 2 is S011 2:2', async () => {
    const { contrl, errors } = await answer(motor.replace('UNOC:3', 'UNOC:9'));
    expect(errors).toEqual([['2', 'UNB', 1, 2]]);
    expect(contrl).toEqual(['UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+2+UNB+2:2']);
  });
});
