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

  it('name segments after one skipped for its length by their position in the message, as the sender counts them', async () => {
    // UNH 1, BGM 2, the skipped FTX 3, RFF 4, DTM 5 (with a qualifier not in the code list) … UNT 14.
    const text = motor.replace("BGM+9'", `BGM+9'FTX+AAI+++${'x'.repeat(70_000)}'`).replace('DTM+137', 'DTM+ZZZ').replace('UNT+13+', 'UNT+14+');
    expect(errorsOf(await report(text))).toEqual([
      ['18', 'FTX', 3],
      ['12', 'DTM', 5],
    ]);
  });

  it('quote, after a segment skipped for its length, the segment each error names (and nothing for the skipped one)', async () => {
    const text = motor.replace("BGM+9'", `BGM+9'FTX+AAI+++${'x'.repeat(70_000)}'`).replace('DTM+137', 'DTM+ZZZ').replace('UNT+13+', 'UNT+14+');
    const [r] = await validate(text, { now: NOW, captureSegments: true });
    expect(r!.messages[0]!.segmentText).toEqual({ 5: "DTM+ZZZ:20241120:102'" });
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

  it('place a missing UNT at the last segment of its message (0096), whatever segment comes instead', async () => {
    // The motor message is UNH … BRC (12 segments) + UNT: without its UNT, BRC (12) is the last one processed.
    const noUnt = motor.replace(/UNT\+[^']*'\s*/, '');
    const ends = {
      UNZ: noUnt,
      'next UNH': noUnt.replace(/UNZ\+1\+/, "UNH+2+OPSIGE:1:911:UN'BGM+9'UNT+3+2'UNZ+2+"),
      UNE: noUnt.replace(/(UNB[^']*')/, "$1UNG+OPSIGE+11111111:ZZ+22222222:ZZ+241120:2300+G+UN+1:911'").replace(/UNZ\+1\+/, "UNE+1+G'UNZ+1+"),
      'end of input': noUnt.replace(/UNZ[^']*'\s*$/, ''),
    };
    for (const [end, text] of Object.entries(ends)) {
      const r = await report(text);
      expect(r.messages[0]!.errors.map((e) => [e.code, e.segment, e.segmentPosition]), end).toEqual([['13', 'UNT', 12]]);
    }
  });

  it('name a missing UNZ or UNE as the segment concerned, not the segment found in its place, in the report and the UCI', async () => {
    const grouped = motor.replace(/(UNB[^']*')/, "$1UNG+OPSIGE+11111111:ZZ+22222222:ZZ+241120:2300+G+UN+1:911'");
    const cases: Array<[string, string, string]> = [
      ['no UNZ before the next UNB', motor.replace(/UNZ[^']*'\s*$/, '') + motor.replace(/20241120230001/g, '20241120230002'), 'UNZ'],
      ['no UNE before UNZ', grouped, 'UNE'],
      ['no UNE before the next UNG', grouped.replace(/UNZ\+1\+/, "UNG+OPSIGE+11111111:ZZ+22222222:ZZ+241120:2300+H+UN+1:911'UNH+2+OPSIGE:1:911:UN'BGM+9'UNT+3+2'UNE+1+H'UNZ+2+"), 'UNE'],
    ];
    for (const [what, text, missing] of cases) {
      const r = await report(text);
      expect(r.errors.filter((e) => e.code === '13').map((e) => e.segment), what).toEqual([missing]);
      expect(r.contrl, what).toContain(`+4+13+${missing}'`);
    }
  });

  it('name each UNH identifier component that differs from the profile (14), and leave an empty one to the layout check (13)', async () => {
    const withUnh = (s009: string) => report(motor.replace('UNH+1+OPSIGE:1:911:UN', `UNH+1+${s009}`));
    const identifierErrors = (r: Awaited<ReturnType<typeof report>>) => r.messages[0]!.errors.map((e) => [e.code, e.segment, e.element, e.component]);
    expect(identifierErrors(await withUnh('OPSIGE:1:912:UN'))).toEqual([['14', 'UNH', 2, 3]]);
    expect(identifierErrors(await withUnh('OPSIGE:1:911:DK'))).toEqual([['14', 'UNH', 2, 4]]);
    expect(identifierErrors(await withUnh('OPSIGE:2:912:UN'))).toEqual([['14', 'UNH', 2, 2], ['14', 'UNH', 2, 3]]);
    expect(identifierErrors(await withUnh('OPSIGE::911:UN')).map((e) => e[0])).toEqual(['13']);
    // No type at all: the missing component, not an unsupported type, and no type or profile in the report.
    const untyped = await withUnh(':1:911:UN');
    expect(identifierErrors(untyped).map((e) => e[0])).toEqual(['13']);
    expect(untyped.messages[0]).toMatchObject({ messageType: null, profileId: null });
    expect((await withUnh('OPSIGX:1:911:UN')).messages[0]).toMatchObject({ messageType: 'OPSIGX', profileId: null });
  });

  it('report a UNT element the envelope already found missing once, at its element', async () => {
    const r = await report(motor.replace('UNT+13+1', 'UNT+13'));
    expect(r.messages[0]!.errors.map((e) => [e.code, e.segment, e.element])).toEqual([['13', 'UNT', 2]]);
  });

  it('give an empty message reference and an empty document code as null', async () => {
    const r = await report(motor.replace('UNH+1+', 'UNH++').replace('UNT+13+1', 'UNT+13+').replace("BGM+9'", "BGM+:1'"));
    expect(r.messages[0]).toMatchObject({ reference: null, documentCode: null, kind: null, status: 'rejected' });
  });

  it("write captured segment texts with the interchange's own service characters", async () => {
    const custom = motor.replace("UNA:+.? '", 'UNA:*.? !').replaceAll("'\n", '!\n').replaceAll('+', '*');
    const bad = custom.replace('RFF*REG:AB12345', 'FTX*AAI***x!\nRFF*REG:AB12345');
    const [r] = await validate(bad, { now: NOW, captureSegments: true });
    expect(r!.messages[0]!.segmentText).toEqual({ 11: 'FTX*AAI***x!', 14: 'UNT*13*1!' });
  });
});
