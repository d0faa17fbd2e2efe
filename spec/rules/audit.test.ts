import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditCommand, type AuditReport } from '../../src/cli/audit.js';
import { buildInterchange } from '../../src/envelope/builder.js';
import type { FpMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { patchProfile } from '../../src/schema/patch.js';
import { getProfile } from '../../src/schema/profiles/index.js';
import { serializeToBytes } from '../../src/syntax/writer.js';
import { buildAccept, buildReminder, cancellation, DEBTOR, pant, TO_INSURER, TO_LIENHOLDER } from './fixtures.js';

/** An interchange file of `messages`, all from the first message's sender to its recipient. */
function ediFile(name: string, messages: FpMessage[], reference = name.replace(/\W/g, '')): { name: string; bytes: Uint8Array } {
  const first = messages[0]!;
  const profile = getProfile('caseReference' in first ? 'fp-opsigelser/5.5-reconstructed' : 'fp-panthaver/5.2-reconstructed');
  const segments = buildInterchange({
    sender: { id: first.sender.vir },
    recipient: { id: first.recipient.vir },
    reference,
    date: first.messageDate,
    time: '1200',
    messages: messages.map((m) => encodeMessage(m, profile)),
  });
  return { name, bytes: serializeToBytes(segments, { una: true, newline: '\n' }) };
}

const nine = cancellation();
const accept = buildAccept(nine, { messageDate: '2024-11-25' });
const json = (files: Array<{ name: string; bytes: Uint8Array }>, today: string) => {
  const result = auditCommand(files, { today, json: true });
  return { ...result, report: JSON.parse(result.output) as AuditReport };
};

describe('auditCommand', () => {
  it('reports a clean cancellation case and declaration: exit 0', () => {
    const files = [
      ediFile('acquirer.edi', [nine]),
      ediFile('ceding.edi', [accept]),
      ediFile('pant.edi', [pant('newDeclaration', { ...TO_INSURER, messageDate: '2024-11-02', lienType: 'ZPA', declarationType: 'ZBB', debtor: DEBTOR })]),
      ediFile('pant-answer.edi', [pant('accept', { ...TO_LIENHOLDER, messageDate: '2024-11-05', effectiveDate: '2024-11-05' })]),
    ];
    const { exitCode, report } = json(files, '2024-12-01');
    expect(exitCode).toBe(0);
    expect(report).toEqual({
      today: '2024-12-01',
      cases: [
        { key: 'PD2024000417', exchange: 'panthaver', state: 'aktivt', violations: [], due: [] },
        { key: 'TRY-2024-000123', exchange: 'opsigelser', state: 'accepted', violations: [], due: [] },
      ],
      problems: [],
    });
    const text = auditCommand(files, { today: '2024-12-01', json: false });
    expect(text.exitCode).toBe(0);
    expect(text.output).toContain('opsigelser TRY-2024-000123: accepted (2 message(s))');
    expect(text.output).toContain('panthaver PD2024000417: aktivt');
    expect(text.output).toMatch(/result: no rule broken\n$/);
  });

  it('orders by message date (DTM 137), not by file order', () => {
    const { report } = json([ediFile('ceding.edi', [accept]), ediFile('acquirer.edi', [nine])], '2024-12-01');
    expect(report.cases).toEqual([expect.objectContaining({ key: 'TRY-2024-000123', state: 'accepted', violations: [] })]);
  });

  it('keeps file order for messages of the same date', () => {
    const sameDay = buildAccept(nine, { messageDate: '2024-11-20' });
    expect(json([ediFile('a.edi', [nine]), ediFile('b.edi', [sameDay])], '2024-11-21').report.cases[0]?.state).toBe('accepted');
    const reversed = json([ediFile('b.edi', [sameDay]), ediFile('a.edi', [nine])], '2024-11-21');
    expect(reversed.report.cases[0]?.violations.map((v) => v.rule)).toEqual(['case.reply-needs-request']);
    expect(reversed.exitCode).toBe(1);
  });

  it('reports a broken rule with its id, guide section, dates and source: exit 1', () => {
    const files = [ediFile('out.edi', [nine, buildReminder(nine, { messageDate: '2024-12-10' })])];
    const { exitCode, report } = json(files, '2024-12-10');
    expect(exitCode).toBe(1);
    expect(report.cases[0]?.violations).toEqual([
      expect.objectContaining({
        rule: 'deadline.reminder-earliest',
        guideSection: expect.stringContaining('2.9.5'),
        dates: { chasedSentOn: '2024-11-20', sentOn: '2024-12-10', earliest: '2024-12-11' },
        messageKind: 'reminder',
        source: 'out.edi #2',
      }),
    ]);
    const text = auditCommand(files, { today: '2024-12-10', json: false }).output;
    expect(text).toContain('VIOLATION deadline.reminder-earliest (reminder of 2024-12-10, out.edi #2)');
    expect(text).toContain('result: 1 violation(s) in 1 case(s)');
  });

  it('tells what is due today: an overdue reply and an allowed reminder', () => {
    const { exitCode, report } = json([ediFile('out.edi', [nine])], '2024-12-20');
    expect(exitCode).toBe(0);
    expect(report.cases[0]).toMatchObject({ state: 'sent', violations: [] });
    expect(report.cases[0]?.due.map((d) => [d.action, d.party, d.overdue])).toEqual([
      ['reply', 'ceding', true],
      ['reminder', 'acquirer', false],
    ]);
    expect(auditCommand([ediFile('out.edi', [nine])], { today: '2024-12-20', json: false }).output).toContain('DUE reply (ceding) by 2024-12-11 OVERDUE');
  });

  it('ignores a duplicate accept sent in two files', () => {
    const { exitCode, report } = json([ediFile('a.edi', [nine]), ediFile('b.edi', [accept]), ediFile('c.edi', [accept], 'other')], '2024-12-01');
    expect(exitCode).toBe(0);
    expect(report.cases[0]).toMatchObject({ state: 'accepted', violations: [] });
  });

  it('reports unreadable input as problems: exit 1', () => {
    const broken = { name: 'broken.edi', bytes: new TextEncoder().encode("UNA:+.? 'UNB+UNOC:3+1:ZZ+2:ZZ+241120:1200+R1'UNH+1+OPSIGE:1:911:UN'BGM+99'UNT+3+1'UNZ+1+R1'") };
    const { exitCode, report } = json([broken, ediFile('a.edi', [nine])], '2024-11-21');
    expect(exitCode).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ source: 'broken.edi #1' })]);
    expect(report.cases).toHaveLength(1);
    expect(auditCommand([broken], { today: '2024-11-21', json: false }).output).toContain('problems (');
  });

  it('names where a message that cannot be decoded is wrong: code, segment position and tag, element:component, byte', () => {
    // The problem read 'BGM: BGM: document code "99" …': the tag twice, no position, no code.
    const text = "UNA:+.? 'UNB+UNOC:3+1:ZZ+2:ZZ+241120:1200+R1'UNH+1+OPSIGE:1:911:UN'BGM+99'UNT+3+1'UNZ+1+R1'";
    const broken = { name: 'broken.edi', bytes: new TextEncoder().encode(text) };
    expect(json([broken], '2024-11-21').report.problems).toEqual([
      {
        source: 'broken.edi #1',
        problem: `error 14: segment 2 (BGM), element 1:1, byte ${text.indexOf('BGM+99')}: BGM: document code "99" is not a message kind of profile fp-opsigelser/5.5-reconstructed`,
      },
    ]);
    // A segment that is missing has no position of its own: its tag, and the message (the source) it is missing from.
    const noNads = readFileSync('fixtures/invalid/c13-missing-nads.edi');
    expect(json([{ name: 'c13.edi', bytes: noNads }], '2024-11-21').report.problems).toEqual([
      { source: 'c13.edi #1', problem: 'error 13: segment NAD: recipient: is missing' },
      { source: 'c13.edi #1', problem: 'error 13: segment NAD: sender: is missing' },
    ]);
  });

  it('rejects a bad --today', () => {
    expect(() => auditCommand([], { today: '2024-13-01', json: true })).toThrow(RangeError);
  });

  it('reads every shipped fixture without throwing', () => {
    const dir = new URL('../../fixtures/', import.meta.url);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.edi'))
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }));
    const { report } = json(files, '2025-01-15');
    expect(report.cases.length).toBeGreaterThan(5);
    expect(report.cases.map((c) => c.exchange)).toContain('panthaver');
  });

  it("judges declarations by the panthaver profile it decodes them with (its L code), not the shipped one's", () => {
    // A partner's Bilag 1 codes L declarations ZFF (the shipped profile: ZLL). The 33 accepts the
    // declaration without a sum insured, which seed 001 'Accept' requires of an L declaration:
    // "Ved L-deklarationer skal forsikringselskabet indtaste en acceptdato og en forsikringssum".
    const panthaverL = patchProfile(getProfile('fp-panthaver/5.2-reconstructed'), { qualifiers: { declarationTypeCodes: { L: 'ZFF' } } });
    const files = ['panthaver-30-new-declaration.edi', 'panthaver-33-accept.edi'].map((name) => ({ name, bytes: readFileSync(`fixtures/${name}`) }));
    const shipped = auditCommand(files, { today: '2024-10-22', json: true });
    expect((JSON.parse(shipped.output) as AuditReport).cases[0]!.violations).toEqual([]);
    const patched = auditCommand(files, { today: '2024-10-22', json: true, profiles: [getProfile('fp-opsigelser/5.5-reconstructed'), panthaverL] });
    const [declaration] = (JSON.parse(patched.output) as AuditReport).cases;
    expect(declaration!.violations.map((v) => v.rule)).toEqual(['declaration.l-accept']);
    expect(patched.exitCode).toBe(1);
  });
});
