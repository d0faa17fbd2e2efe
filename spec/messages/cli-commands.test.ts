import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCommand, encodeCommand } from '../../src/messages/cli-commands.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';

const DIR = join(import.meta.dirname, '../../fixtures');
const read = (f: string) => readFileSync(join(DIR, f));

describe('decodeCommand / encodeCommand', () => {
  it('decodes all messages of all interchanges to typed JSON', () => {
    const r = decodeCommand(read('panthaver-34-Z70.edi'));
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.json);
    expect(out.interchanges).toHaveLength(2);
    expect(out.interchanges.map((i: { messages: Array<{ kind: string }> }) => i.messages[0]!.kind)).toEqual(['acceptWithoutFee', 'oldLienholderReceipt']);
    expect(out.errors).toEqual([]);
  });
  it('round-trips a fixture: decode JSON → encode input → the same bytes', () => {
    for (const f of ['opsigelse-9-motor.edi', 'opsigelse-11-bonus-answer.edi', 'panthaver-30-new-declaration.edi']) {
      const bytes = read(f);
      const ic = JSON.parse(decodeCommand(bytes).json).interchanges[0];
      const d = `20${ic.date.slice(0, 2)}-${ic.date.slice(2, 4)}-${ic.date.slice(4, 6)}`;
      const input = { interchange: { sender: ic.sender.id, recipient: ic.recipient.id, reference: ic.reference, date: d, time: ic.time }, messages: ic.messages.map((m: { value: unknown }) => m.value) };
      const r = encodeCommand(JSON.stringify(input));
      expect(r.errors).toEqual([]);
      expect(r.exitCode).toBe(0);
      expect(Buffer.from(r.output as Uint8Array).equals(bytes)).toBe(true);
    }
  });
  it('lists message errors with their positions, and exits 1', () => {
    const bad = read('opsigelse-9-motor.edi').toString('latin1').replace('DTM+287:20250101', 'DTM+287:20250132');
    const r = decodeCommand(Buffer.from(bad, 'latin1'), opsigelser55);
    expect(r.exitCode).toBe(1);
    const m = JSON.parse(r.json).interchanges[0].messages[0];
    expect(m.ok).toBe(false);
    expect(m.errors[0]).toMatchObject({ code: '12', segment: 'DTM', segmentPosition: 5, segmentNumber: 6, element: 1, component: 2 });
    expect(m.errors[0].offset).toBe(bad.indexOf('DTM+287'));
  });
  it('gives an error after a segment skipped for its length the segment number and offset of the segment as sent', () => {
    // An FTX over the 65,536-byte segment limit is skipped: the DTM after it is message segment 6 as sent, the 5th held.
    const text = read('opsigelse-9-motor.edi').toString('latin1');
    const bad = text.replace("DTM+287:20250101", `FTX+AAA+++${'x'.repeat(70_000)}'DTM+287:20250132`).replace('UNT+13+1', 'UNT+14+1');
    const m = JSON.parse(decodeCommand(Buffer.from(bad, 'latin1'), opsigelser55).json).interchanges[0].messages[0];
    expect(m.errors).toEqual([expect.objectContaining({ code: '12', segment: 'DTM', segmentPosition: 6, segmentNumber: 7, element: 1, component: 2, offset: bad.indexOf('DTM+287') })]);
  });
  it('reports invalid encode input with message index and path', () => {
    expect(encodeCommand('{').exitCode).toBe(2);
    const r = encodeCommand(JSON.stringify({ interchange: { sender: '1', recipient: '2', reference: 'R' }, messages: [{ kind: 'cancellation', caseReference: 'X' }] }));
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe('');
    expect(r.errors).toEqual(expect.arrayContaining([{ message: 0, path: 'policyNumber', reason: expect.any(String) }]));
  });
  it('refuses interchange header values a reader would refuse, naming the JSON path and the rule', () => {
    const motor = JSON.parse(decodeCommand(read('opsigelse-9-motor.edi')).json).interchanges[0].messages[0].value;
    const encode = (interchange: object) => encodeCommand(JSON.stringify({ interchange: { sender: '11111111', recipient: '22222222', reference: 'R', ...interchange }, messages: [motor] }));
    expect(encode({}).exitCode).toBe(0);
    for (const [field, value, rule] of [
      ['reference', 'R'.repeat(100), /UNB 0020 .*an\.\.14/],
      ['reference', '', /UNB 0020 .*mandatory/],
      ['date', '2024-13-45', /UNB S004 0017 .*real calendar date/],
      ['date', 5, /UNB S004 0017 .*got 5/],
      ['time', '9999', /UNB S004 0019 .*HHMM/],
    ] as const) {
      const r = encode({ [field]: value });
      expect(r.exitCode, field).toBe(1);
      expect(r.output).toBe('');
      expect(r.errors).toEqual([{ message: null, path: `interchange.${field}`, reason: expect.stringMatching(rule) }]);
    }
    expect(encode({ sender: { id: 'S'.repeat(36) } }).errors.map((e) => e.path)).toEqual(['interchange.sender.id']);
    expect(encode({ recipient: '' }).errors.map((e) => e.path)).toEqual(['interchange.recipient']);
  });
});
