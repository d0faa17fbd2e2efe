/**
 * Positions the CONTRL writes fit their own data elements: UCS 0096 (segment position, n..6),
 * S011 0098 (element position, n..3) and 0104 (component position, n..3) in UCD, UCI and UCM.
 * A position too wide for its element is not written (never clamped to a wrong one): the error
 * goes up a level — a component's to its element, an element's to its segment (a UCS with the
 * code, without that UCD), a segment's to the message (the UCM). Every CONTRL here is checked
 * as a received CONTRL by our own validator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { ContrlBuilder } from '../../src/validate/contrl.js';
import { validate } from '../../src/validate/index.js';
import { fromSyntaxError } from '../../src/validate/errors.js';
import type { MessageReport, ValidationError } from '../../src/validate/types.js';
import { NOW } from './helpers.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const ANSWERED = { reference: 'R1', sender: { id: '11111111', qualifier: 'ZZ' }, recipient: { id: '22222222', qualifier: 'ZZ' } };
const WRITE = { reference: 'C1', now: new Date('2024-12-01T10:00:00Z') };

/** Validates `contrl` as a received CONTRL: it must hold no error at all. */
async function expectValidContrl(contrl: string, what: string): Promise<void> {
  const [check] = await validate(contrl, { now: NOW });
  expect(check!.errors, `${what}:\n${contrl}`).toEqual([]);
  expect(check!.messages.map((m) => m.errors), `${what}:\n${contrl}`).toEqual([[]]);
}

function error(code: string, segment: string, segmentPosition: number | null, element: number | null = null, component: number | null = null): ValidationError {
  return { code, rule: null, segment, segmentPosition, element, component, offset: 100, message: 'x' };
}

function rejected(errors: ValidationError[]): MessageReport {
  return { index: 1, reference: '1', kind: null, documentCode: null, status: 'rejected', errors, warnings: [], reply: null, messageType: 'OPSIGE', profileId: null };
}

const HEADER = { reference: '1', type: 'OPSIGE', version: '1', release: '911', agency: 'UN', associationCode: null } as unknown as Parameters<ContrlBuilder['addMessage']>[0];

describe('CONTRL positions too wide for their elements go up a level', () => {
  it('a segment of 1,201 elements or components (the schema check reports the last): the element position in a UCS, the component position as its element', async () => {
    const cases = {
      elements: [motor.replace("BGM+9'", `BGM+9${'+'.repeat(1200)}X'`), "UCM+1+OPSIGE:1:911:UN+4'UCS+2+16'UCD+16+101'UNT+6+1'"],
      components: [motor.replace("BGM+9'", `BGM+9${':'.repeat(1200)}X'`), "UCM+1+OPSIGE:1:911:UN+4'UCS+2'UCD+16+2:100'UCD+16+2'UNT+7+1'"],
      'UNH elements': [motor.replace("UNH+1+OPSIGE:1:911:UN'", `UNH+1+OPSIGE:1:911:UN${'+'.repeat(1200)}X'`), "UCM+1+OPSIGE:1:911:UN+4+16+UNH+101'UCS+1+16'UNT+5+1'"],
    };
    for (const [what, [text, body]] of Object.entries(cases)) {
      const [r] = await validate(text!, { now: NOW, detail: 'segment' });
      // The report keeps every position as it is; only the CONTRL cannot write them all.
      expect(r!.messages[0]!.errors.some((e) => (e.component ?? e.element ?? 0) > 999), what).toBe(true);
      expect(r!.contrl, what).toContain(body);
      for (const detail of ['interchange', 'message', 'segment'] as const) {
        const [d] = await validate(text!, { now: NOW, detail });
        await expectValidContrl(d!.contrl, `${what}, ${detail}`);
      }
    }
  });

  it('a segment over raised tokenizer limits (maxElements, maxComponents 1,500): its 16 at element or component 1,501', async () => {
    const text = motor.replace("BGM+9'", `BGM+9${'+'.repeat(1600)}X'`).replace("DOC+11'", `DOC+11${':'.repeat(1600)}X'`);
    const [ic] = parseInterchanges(text, { maxElements: 1500, maxComponents: 1500, errors: 'collect' }).interchanges;
    const message = ic!.messages[0]!;
    const errors = message.errors.map((e) => fromSyntaxError(e, message.position.segmentNumber));
    expect(errors.map((e) => [e.code, e.segmentPosition, e.element, e.component])).toEqual([
      ['16', 2, 1501, null],
      ['16', 6, 1, 1501],
    ]);
    const builder = new ContrlBuilder('segment');
    builder.addMessage(message.header, rejected(errors));
    const { contrl } = builder.finish(ANSWERED, [], WRITE);
    expect(contrl).toContain("UCM+1+OPSIGE:1:911:UN+4'UCS+2+16'UCS+6'UCD+16+2'UNT+7+1'");
    await expectValidContrl(contrl, 'raised limits');
  });

  it('a segment position over 999,999 (0096 n..6): the error goes to the UCM, no UCS', async () => {
    const builder = new ContrlBuilder('segment');
    builder.addMessage(HEADER, rejected([error('15', 'FTX', 1_000_000), error('39', 'FTX', 1_000_001, 2), error('12', 'NAD', 999_999, 1)]));
    const { contrl } = builder.finish(ANSWERED, [], WRITE);
    expect(contrl).toContain("UCM+1+OPSIGE:1:911:UN+4+15'UCS+999999'UCD+12+2'UNT+6+1'");
    await expectValidContrl(contrl, 'segment position');
  });

  it('UCI and UCM give S011 only as far as it fits: a component position over 999 leaves the element, an element position over 999 no S011', async () => {
    const cases: Array<[ValidationError, string]> = [
      // S011 0098 counts the tag as 1 (ISO 9735), so data element n is position n + 1.
      [error('16', 'UNB', null, 5, 1000), '+4+16+UNB+6'],
      [error('16', 'UNB', null, 1000), '+4+16+UNB'],
      [error('16', 'UNB', null, 999, 5), '+4+16+UNB'],
      [error('16', 'UNB', null, 998, 999), '+4+16+UNB+999:999'],
    ];
    for (const [e, tail] of cases) {
      const { contrl } = new ContrlBuilder().finish(ANSWERED, [e], WRITE);
      expect(contrl).toContain(`UCI+R1+11111111:ZZ+22222222:ZZ${tail}'`);
      await expectValidContrl(contrl, tail);
      const builder = new ContrlBuilder('message');
      builder.addMessage(HEADER, rejected([{ ...e, segment: 'UNH', segmentPosition: 1 }]));
      const ucm = builder.finish(ANSWERED, [], WRITE).contrl;
      expect(ucm).toContain(`UCM+1+OPSIGE:1:911:UN${tail.replace('UNB', 'UNH')}'`);
      await expectValidContrl(ucm, `UCM ${tail}`);
    }
  });
});
