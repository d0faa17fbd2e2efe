import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { NOW } from './helpers.js';

// A message report's shape at its edges. (Each could change without a test failing; found with
// Stryker and hand-applied mutants.)

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const report = async (text: string) => (await validate(text, { now: NOW, detail: 'segment' }))[0]!;
const errorsOf = (r: Awaited<ReturnType<typeof report>>) => r.messages[0]!.errors.map((e) => [e.code, e.segment, e.segmentPosition]);

describe('message reports', () => {
  it('list their errors in input order, whichever check found them', async () => {
    // An unexpected FTX at segment 11 (structure), and the UNT count that it puts off (envelope).
    const r = await report(motor.replace('RFF+REG:AB12345', "FTX+AAI+++x'RFF+REG:AB12345"));
    expect(errorsOf(r)).toEqual([
      ['15', 'FTX', 11],
      ['29', 'UNT', 14],
    ]);
  });

  it('find the document code and kind in a BGM that is not the second segment', async () => {
    const r = await report(motor.replace(/(UNH\+[^']*')/, "$1FTX+AAI+++x'"));
    expect(r.messages[0]).toMatchObject({ status: 'rejected', documentCode: '9', kind: 'cancellation' });
    expect(errorsOf(r)[0]).toEqual(['15', 'FTX', 2]);
  });

  it('report a missing UNT once', async () => {
    const r = await report(motor.replace(/UNT\+[^']*'\s*UNZ[^']*'/, ''));
    expect(r.messages[0]!.errors.map((e) => [e.code, e.segment])).toEqual([['13', 'UNT']]);
    expect(r.errors.map((e) => [e.code, e.segment])).toEqual([['13', 'UNZ']]);
  });
});
