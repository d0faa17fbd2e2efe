/**
 * A lienholder (bank, finance or leasing company) is no insurer and need not have a VIR number:
 * in a panthaverdeklaration the party NAD that names a lienholder may carry its VIR or its CVR
 * number (`NAD+MS+<cvr>::CVR`; default-profile.md: NAD `MS` "(VIR or lienholder id)"). Which
 * NADs name a lienholder follows from who sends the kind (panthaver.md): the sender of 30, 31,
 * 32, 36, 37, 38, the recipient of what an insurer sends, either party of a 12 (sent either
 * way), and the old lienholder (GPH) always. An insurer's NAD (the sender of an insurer's kind,
 * the recipient of a lienholder's, the new insurer NFS) stays VIR-only. `validate` and
 * `decodeMessage` answer alike for each case — the refused ones with F02 `unknown-code` at
 * C082/3055 from `validate` and 14 at the same place from the decoder — and what decodes,
 * `encodeMessage` writes back byte for byte.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditCommand, type AuditReport } from '../../src/cli/audit.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import { isOpsigelse } from '../../src/messages/builders/common.js';
import { buildReplyInterchange } from '../../src/messages/builders/interchange.js';
import { buildDeclarationAccept } from '../../src/messages/builders/panthaver.js';
import { decodeCommand } from '../../src/messages/cli-commands.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { lienholderFields, PANTHAVER_SENT_BY, type Panthaver } from '../../src/messages/types/panthaver.js';
import { MessageEncodeError } from '../../src/messages/wire/errors.js';
import { validateCvr } from '../../src/schema/identifiers.js';
import { panthaver52 } from '../../src/schema/profiles/index.js';
import { serialize, serializeToBytes } from '../../src/syntax/writer.js';
import { arbInterchangeText, arbPanthaver } from '../../src/testing.js';
import { validate } from '../../src/validate/index.js';

/** The insurer (VIR), a lienholder and an old lienholder by CVR (modulus 11 holds), a CVR that fails it. */
const INSURER = '22222222';
const BANK = '13585628';
const OLD_BANK = '25313763';
const BAD_CVR = '13585629';
const NOW = (): Date => new Date('2024-12-01T10:00:00Z');

/** A PANTDE interchange from the UNB sender `from` to `to` holding one message of `body` (BGM … last body segment). */
function interchange(from: string, to: string, body: readonly string[]): string {
  const segments = ['UNH+1+PANTDE:1:911:UN', ...body, `UNT+${body.length + 2}+1`];
  return ["UNA:+.? '", ...[`UNB+UNOC:3+${from}:ZZ+${to}:ZZ+241120:2300+REF1`, ...segments, 'UNZ+1+REF1'].map((s) => `${s}'`)].join('\n');
}

/** What `validate` and `decodeMessage` make of one message: its status, errors and warnings, and the decoded value or errors. */
async function both(from: string, to: string, body: readonly string[]) {
  const text = interchange(from, to, body);
  const [report] = await validate(text, { now: NOW });
  const m = report!.messages[0]!;
  const decoded = decodeMessage(parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!, panthaver52);
  return {
    status: m.status,
    errors: m.errors.map((e) => [e.code, e.rule ?? null, e.segmentPosition, e.element, e.component, e.message]),
    warnings: m.warnings.map((w) => w.rule),
    decoded,
  };
}

const REMINDER = (ms: string, mr = `NAD+MR+${INSURER}::VIR`) => ['BGM+31', 'RFF+DEK:PD1', 'DTM+137:20241120:102', mr, ms];
const ACCEPT = (mr: string, ms = `NAD+MS+${INSURER}::VIR`) => ['BGM+33', 'RFF+DEK:PD1', 'DTM+137:20241120:102', 'DTM+7:20241120:102', mr, ms];

describe('a lienholder named by its CVR number: validate accepts and decodeMessage reads it, encodeMessage writes it back', () => {
  it.each([
    ['the sender of a reminder (31)', BANK, INSURER, REMINDER(`NAD+MS+${BANK}::CVR++Nordbank A/S`), 'sender'],
    ['the sender of a new declaration (30)', BANK, INSURER, ['BGM+30', 'RFF+DEK:PD1', 'DTM+137:20241120:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', `NAD+MR+${INSURER}::VIR`, `NAD+MS+${BANK}::CVR`, 'NAD+DEB+0707614285::CPR++Karen Moelgaard'], 'sender'],
    ['the sender of a lien ended (36)', BANK, INSURER, ['BGM+36', 'RFF+DEK:PD1', 'DTM+137:20241120:102', `NAD+MR+${INSURER}::VIR`, `NAD+MS+${BANK}::CVR`], 'sender'],
    ['the sender of a portfolio transfer between lienholders (38), with the old lienholder by CVR too', BANK, INSURER, ['BGM+38', 'RFF+DEK:PD1', 'DTM+137:20241120:102', `NAD+MR+${INSURER}::VIR`, `NAD+MS+${BANK}::CVR`, `NAD+GPH+${OLD_BANK}::CVR`], 'sender'],
    ['the recipient of an accept (33)', INSURER, BANK, ACCEPT(`NAD+MR+${BANK}::CVR++Nordbank A/S`), 'recipient'],
    ['the recipient of a coverage ended (Z10)', INSURER, BANK, ['BGM+Z10', 'RFF+DEK:PD1', 'DTM+137:20241120:102', 'DTM+206:20241231:102', `NAD+MR+${BANK}::CVR`, `NAD+MS+${INSURER}::VIR`], 'recipient'],
    ['the recipient and the old lienholder (GPH) of a receipt (Z70)', INSURER, OLD_BANK, ['BGM+Z70', 'RFF+DEK:PD1', 'DTM+137:20241120:102', `NAD+MR+${OLD_BANK}::CVR`, `NAD+MS+${INSURER}::VIR`, `NAD+GPH+${OLD_BANK}::CVR++Gammel Bank A/S`], 'oldLienholder'],
    ['the sender of a content error (12) from the lienholder', BANK, INSURER, ['BGM+12', 'ERC+F02', 'RFF+DEK:PD1', 'DTM+137:20241120:102', `NAD+MR+${INSURER}::VIR`, `NAD+MS+${BANK}::CVR`], 'sender'],
    ['the recipient of a content error (12) from the insurer', INSURER, BANK, ['BGM+12', 'ERC+F02', 'RFF+DEK:PD1', 'DTM+137:20241120:102', `NAD+MR+${BANK}::CVR`, `NAD+MS+${INSURER}::VIR`], 'recipient'],
  ] as const)('%s', async (_, from, to, body, party) => {
    const r = await both(from, to, body);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('accepted');
    expect(r.warnings).toEqual([]);
    expect(r.decoded.ok, JSON.stringify(r.decoded)).toBe(true);
    if (!r.decoded.ok) return;
    const value = r.decoded.value as unknown as Record<string, { vir: string; idType?: string }>;
    expect(value[party]!.idType).toBe('CVR');
    expect(value[party]!.vir).toBe(party === 'oldLienholder' ? OLD_BANK : BANK);
    expect(serialize(encodeMessage(r.decoded.value, panthaver52).body)).toBe(serialize(body.map((s) => parseSegment(s))));
  });

  it('a lienholder by VIR number is still read without an id type in the typed value', async () => {
    const r = await both('60000001', INSURER, REMINDER('NAD+MS+60000001::VIR'));
    expect(r.status).toBe('accepted');
    expect(r.decoded.ok && r.decoded.value.sender).toEqual({ vir: '60000001' });
  });

  it('a lienholder CVR that fails modulus 11 is reported, never refused, as any CVR is (warning cvr-check-digit); decodeMessage reads it', async () => {
    const r = await both(BAD_CVR, INSURER, REMINDER(`NAD+MS+${BAD_CVR}::CVR`));
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('accepted');
    expect(r.warnings).toEqual(['cvr-check-digit']);
    expect(r.decoded.ok && r.decoded.value.sender).toEqual({ vir: BAD_CVR, idType: 'CVR' });
  });
});

describe('an insurer stays VIR-only, and a party NAD takes no other id type: both refuse, at C082/3055', () => {
  it.each([
    // [case, UNB from, UNB to, body, segment position of the NAD, validate's message, decoder's reason]
    ['the sender of an accept (33) by CVR', INSURER, BANK, ACCEPT(`NAD+MR+${BANK}::CVR`, `NAD+MS+${INSURER}::CVR`), 7, 'NAD MS identifies an insurer: id type VIR, not "CVR"', 'NAD: id type "CVR" where VIR (an insurer\'s VIR number) is expected'],
    ['the recipient of a reminder (31) by CVR', BANK, INSURER, REMINDER(`NAD+MS+${BANK}::CVR`, `NAD+MR+${INSURER}::CVR`), 5, 'NAD MR identifies an insurer: id type VIR, not "CVR"', 'NAD: id type "CVR" where VIR (an insurer\'s VIR number) is expected'],
    ['the new insurer (NFS) of a change of insurer (Z40) by CVR', INSURER, BANK, ['BGM+Z40', 'RFF+DEK:PD1', 'DTM+137:20241202:102', 'DTM+206:20250101:102', `NAD+MR+${BANK}::CVR`, `NAD+MS+${INSURER}::VIR`, 'NAD+NFS+33333333::CVR'], 8, 'NAD NFS identifies an insurer: id type VIR, not "CVR"', 'NAD: id type "CVR" where VIR (an insurer\'s VIR number) is expected'],
    ['the lienholder sender of a reminder (31) by CPR', BANK, INSURER, REMINDER(`NAD+MS+${BANK}::CPR`), 6, 'NAD MS identifies a lienholder: id type VIR or CVR, not "CPR"', 'NAD: id type "CPR" where VIR or CVR (a lienholder\'s VIR or CVR number) is expected'],
    ['the debtor of an accept by VIR', INSURER, BANK, [...ACCEPT(`NAD+MR+${BANK}::CVR`), 'NAD+DEB+12345678::VIR++Karen Moelgaard'], 8, 'NAD DEB identifies the debtor: id type CPR or CVR, not "VIR"', 'NAD: id type "VIR" where CPR or CVR is expected'],
  ] as const)('%s', async (_, from, to, body, position, message, reason) => {
    const r = await both(from, to, body);
    expect(r.status).toBe('content-error');
    expect(r.errors).toEqual([['F02', 'unknown-code', position, 2, 3, message]]);
    expect(r.decoded.ok).toBe(false);
    if (r.decoded.ok) return;
    expect(r.decoded.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component, e.reason])).toEqual([['14', 'NAD', position, 2, 3, reason]]);
  });
});

describe('encodeMessage writes what the decoder reads, and refuses a CVR where an insurer stands', () => {
  it('refuses idType CVR on the sender of an accept, naming the field', () => {
    const accept = { kind: 'accept', messageDate: '2024-11-20', recipient: { vir: BANK, idType: 'CVR' }, sender: { vir: INSURER, idType: 'CVR' }, declarationNumber: 'PD1', effectiveDate: '2024-11-20' };
    expect(() => encodeMessage(accept as never, panthaver52)).toThrow(MessageEncodeError);
    expect(() => encodeMessage(accept as never, panthaver52)).toThrow(/sender\.idType: .*insurer/);
  });
  it('writes a lienholder sender with idType CVR as <id>::CVR', () => {
    const reminder = { kind: 'reminder', messageDate: '2024-11-20', recipient: { vir: INSURER }, sender: { vir: BANK, idType: 'CVR', name: 'Nordbank A/S' }, declarationNumber: 'PD1' } as const;
    expect(serialize(encodeMessage(reminder, panthaver52).body)).toContain(`NAD+MS+${BANK}::CVR++Nordbank A/S'`);
  });
});

/** `'NAD+MS+1::CVR'` → a segment input (no release characters in these bodies). */
function parseSegment(text: string): { tag: string; elements: string[][] } {
  const [tag, ...elements] = text.split('+');
  return { tag: tag!, elements: elements.map((e) => e.split(':')) };
}

describe('the arbitraries name lienholders by CVR too, and insurers by VIR only', () => {
  const FIELDS = ['recipient', 'sender', 'oldLienholder', 'newInsurer'] as const;
  it('arbPanthaver: idType CVR (a CVR that passes modulus 11) exactly where the kind names a lienholder, on every such field', () => {
    const seen = new Set<string>();
    for (const m of fc.sample(arbPanthaver(), { numRuns: 2000, seed: 7 })) {
      for (const f of FIELDS) {
        const party = (m as unknown as Record<string, { vir: string; idType?: string } | undefined>)[f];
        if (party?.idType === undefined) continue;
        expect(lienholderFields(m.kind), `${m.kind}.${f}`).toContain(f);
        expect(validateCvr(party.vir).valid).toBe(true);
        seen.add(`${PANTHAVER_SENT_BY[m.kind]} ${f}`);
      }
    }
    expect([...seen].sort()).toEqual(['either oldLienholder', 'either recipient', 'either sender', 'insurer oldLienholder', 'insurer recipient', 'lienholder oldLienholder', 'lienholder sender']);
  });
  it('arbInterchangeText: panthaver interchanges between CVR lienholders and insurers, the NAD <cvr>::CVR where it names the lienholder', () => {
    const samples = fc.sample(arbInterchangeText({ exchange: 'panthaver' }), { numRuns: 200, seed: 7 });
    const cvrNads = samples.flatMap((g) => g.text.match(/NAD\+M[RS]\+\d{8}::CVR/g) ?? []);
    expect(cvrNads.length).toBeGreaterThan(0);
    for (const g of samples) {
      for (const m of g.messages as Panthaver[]) {
        for (const f of ['recipient', 'sender'] as const) {
          if (m[f].idType !== 'CVR') continue;
          expect(lienholderFields(m.kind)).toContain(f);
          expect(validateCvr(m[f].vir).valid).toBe(true);
        }
      }
    }
    // opsigelser has no lienholders: every party by VIR.
    for (const g of fc.sample(arbInterchangeText({ exchange: 'opsigelser' }), { numRuns: 50, seed: 7 })) expect(g.text).not.toMatch(/NAD\+M[RS]\+\d+::CVR/);
  });
});

describe('a declaration from a lienholder named by CVR (fixtures/panthaver-30-cvr-lienholder.edi): decode, answer, audit', () => {
  const bytes = readFileSync('fixtures/panthaver-30-cvr-lienholder.edi');
  it('the decode command reads it (exit 0), the sender with idType CVR', () => {
    const r = decodeCommand(bytes);
    expect(r.exitCode).toBe(0);
    const m = JSON.parse(r.json).interchanges[0].messages[0];
    expect(m.ok).toBe(true);
    expect(m.value.sender).toEqual({ vir: '25313763', idType: 'CVR', name: 'Vestjysk Leasing A/S' });
  });
  it('buildDeclarationAccept answers it to the lienholder by CVR (NAD+MR+<cvr>::CVR), validate accepts the reply, and audit replays both (exit 0)', async () => {
    const { interchanges } = parseInterchanges(bytes);
    const received = decodeMessage(interchanges[0]!.messages[0]!, panthaver52);
    if (!received.ok || isOpsigelse(received.value)) throw new Error('the fixture does not decode');
    const accept = buildDeclarationAccept(received.value, { messageDate: '2024-11-20', policyNumber: '00-445566', coverType: 'ZKA' });
    expect(accept.recipient).toEqual({ vir: '25313763', idType: 'CVR', name: 'Vestjysk Leasing A/S' });
    const reply = serializeToBytes(buildReplyInterchange(accept, interchanges[0]!.header!, { reference: 'R20241120', date: '2024-11-20', time: '0900' }), { una: true, newline: '\n' });
    expect(Buffer.from(reply).toString('latin1')).toContain("NAD+MR+25313763::CVR++Vestjysk Leasing A/S'");
    const [report] = await validate(reply, { now: NOW });
    expect(report!.messages.map((m) => [m.status, m.errors, m.warnings])).toEqual([['accepted', [], []]]);
    const audit = auditCommand([{ name: 'declaration.edi', bytes }, { name: 'accept.edi', bytes: reply }], { today: '2024-11-21', json: true });
    const out = JSON.parse(audit.output) as AuditReport;
    expect(out.problems).toEqual([]);
    expect(out.cases.map((c) => [c.exchange, c.state, c.violations])).toEqual([['panthaver', 'aktivt', []]]);
    expect(audit.exitCode).toBe(0);
  });
});
