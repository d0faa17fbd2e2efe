/**
 * Warnings: a party's CPR or CVR that fails its check (/work/shared/spec/check-digits.md) is
 * reported in `MessageReport.warnings` — never as an error, never in the CONTRL or a 12'er,
 * never in the status or the exit code. A CPR is "well-formed date + 10 digits"; a CVR passes
 * modulus 11; a CPR is never shown in full (last four digits masked).
 */
import { describe, expect, it } from 'vitest';
import { patchProfile } from '../../src/schema/patch.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import { validate } from '../../src/validate/index.js';
import type { InterchangeReport, ValidateOptions } from '../../src/validate/types.js';
import { loadProfile } from '../../src/schema/profile.js';
import { NOW, oneMessage, PARTIES, parseLines, runValidate } from './helpers.js';
import { FIFTEEN, FT1, MR, MS, NINE, swap, TWENTY_SEVEN } from './opsigelser-bodies.js';

const OPTIONS: ValidateOptions = { now: NOW, contrlReference: () => 'C1', replyReference: () => 'R1' };
const bytes = (s: string) => Buffer.from(s, 'latin1');
const run = async (text: string, options: ValidateOptions = {}) => (await validate(text, { ...OPTIONS, ...options }))[0]!;
/** `[rule, segment, segment position, element, component]` of each warning of the only message. */
const warningsOf = (r: InterchangeReport) => r.messages[0]!.warnings.map((w) => [w.rule, w.segment, w.segmentPosition, w.element, w.component]);
/** The report without its messages' warnings (everything a warning must not change). */
const withoutWarnings = (r: InterchangeReport) => ({ ...r, messages: r.messages.map(({ warnings: _w, ...m }) => m) });

/** A motor cancellation whose policyholder NAD (segment 8) is `nad`. */
const nine = (nad: string) => oneMessage(swap(NINE, FT1, nad));
/** A panthaver accept (33) whose debtor NAD (segment 11) is `deb`. */
const accept = (deb: string) =>
  oneMessage(['BGM+33', 'RFF+DEK:PD1', 'RFF+POL:00-778899', 'DTM+137:20241021:102', 'DTM+7:20241015:102', 'ATT+PNT++ZPA', 'ATT+DKL++ZFF', MR, MS, deb], 'PANTDE');

describe('a policyholder or debtor id that fails its check is a warning', () => {
  it.each([
    ['a CPR whose first six digits are no date (day 32)', nine('NAD+FT1+3213801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), 'cpr-invalid-date', 8],
    ['a CPR whose month does not exist', nine('NAD+FT1+0113801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), 'cpr-invalid-date', 8],
    ['a CPR of 29 February 1900 (digit 7 = 1: the 1900s; 1900 was no leap year)', nine('NAD+FT1+2902001234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), 'cpr-invalid-date', 8],
    ['a CPR of 8 digits', nine('NAD+FT1+01018012::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), 'cpr-malformed', 8],
    ['a CPR with letters', nine('NAD+FT1+0101AB1234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), 'cpr-malformed', 8],
    ['a CVR failing modulus 11', nine('NAD+FT1+12345678::CVR++Hans Hansen ApS+Vestergade 1+Vejle++7100+DK'), 'cvr-check-digit', 8],
    ['a CVR of 9 digits', nine('NAD+FT1+135856280::CVR++Hans Hansen ApS+Vestergade 1+Vejle++7100+DK'), 'cvr-malformed', 8],
    ['a debtor CPR whose first six digits are no date', accept('NAD+DEB+3213801234::CPR++Karen Moelgaard'), 'cpr-invalid-date', 11],
    ['a debtor CVR failing modulus 11', accept('NAD+DEB+13585629::CVR++Moelgaard ApS'), 'cvr-check-digit', 11],
  ])('%s', async (_, text, rule, position) => {
    const r = await run(text);
    expect(warningsOf(r)).toEqual([[rule, 'NAD', position, 2, 1]]);
    const w = r.messages[0]!.warnings[0]!;
    expect(w.offset).toBe(text.indexOf(text.includes('NAD+FT1') ? 'NAD+FT1' : 'NAD+DEB'));
    expect(w.message).toMatch(/^NAD (FT1|DEB): /);
    expect(r.messages[0]!.status).toBe('accepted');
    expect(r.messages[0]!.errors).toEqual([]);
    expect(r.accepted).toBe(true);
  });

  it('masks the last four digits of a CPR in the warning text', async () => {
    const [cpr] = (await run(nine('NAD+FT1+3213805678::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'))).messages[0]!.warnings;
    expect(cpr!.message).toContain('321380-****');
    expect(cpr!.message).not.toContain('5678');
    const [short] = (await run(nine('NAD+FT1+010180567::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'))).messages[0]!.warnings;
    expect(short!.message).not.toContain('567');
    // A CPR where a CVR belongs is not shown in full either.
    const [asCvr] = (await run(nine('NAD+FT1+3213805678::CVR++Hans Hansen+Vestergade 1+Vejle++7100+DK'))).messages[0]!.warnings;
    expect(asCvr!.rule).toBe('cvr-malformed');
    expect(asCvr!.message).not.toContain('5678');
  });

  it('does not warn for valid ids, a CPR without modulus 11, ids without a number, VIR ids', async () => {
    for (const nad of [
      FT1,
      'NAD+FT1+0101801235::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK', // no modulus 11: issued since 2007, information only
      'NAD+FT1+290200-4234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK', // 29 February 2000 (digit 7 = 4, year 00: the 2000s), with a dash
      'NAD+FT1+13585628::CVR++Hans Hansen ApS+Vestergade 1+Vejle++7100+DK',
      'NAD+FT1+++Hans Hansen+Vestergade 1+Vejle++7100+DK',
      'NAD+FT1+::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK',
    ]) {
      expect(warningsOf(await run(nine(nad))), nad).toEqual([]);
    }
    expect(warningsOf(await run(accept('NAD+DEB+0707614285::CPR++Karen Moelgaard')))).toEqual([]);
  });

  it('changes nothing else: status, errors, CONTRL, 12\'er — clean, with content errors, rejected, in every detail', async () => {
    const bodies = {
      clean: NINE,
      'content error': swap(NINE, 'RFF+POL:00-123', 'RFF+POL:ukendt'),
      rejected: swap(NINE, 'BRC+001:002', 'BRC+001:002', 'FTX+AAI+++x'),
    };
    for (const [name, body] of Object.entries(bodies)) {
      for (const detail of ['interchange', 'message', 'segment'] as const) {
        const good = await run(oneMessage(body), { detail });
        const bad = await run(oneMessage(swap(body, FT1, 'NAD+FT1+3213801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK')), { detail });
        expect(warningsOf(bad), `${name} ${detail}`).toEqual([['cpr-invalid-date', 'NAD', 8, 2, 1]]);
        expect(withoutWarnings(bad), `${name} ${detail}`).toEqual(withoutWarnings(good));
      }
    }
  });

  it('keeps the warnings of a duplicate message (26) and of a message with segments captured', async () => {
    const text = nine('NAD+FT1+3213801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK').replace("UNZ+1+REF1'", "UNH+1+OPSIGE:1:911:UN'\n" + swap(NINE, FT1, 'NAD+FT1+12345678::CVR++X+Vestergade 1+Vejle++7100+DK').map((s) => `${s}'\n`).join('') + "UNT+12+1'\nUNZ+2+REF1'");
    const r = await run(text, { captureSegments: true });
    expect(r.messages.map((m) => [m.status, m.warnings.map((w) => w.rule)])).toEqual([
      ['accepted', ['cpr-invalid-date']],
      ['rejected', ['cvr-check-digit']],
    ]);
    expect(r.messages[0]!.segmentText?.[8]).toBe("NAD+FT1+321380****::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
    expect(r.messages[1]!.segmentText?.[8]).toBe("NAD+FT1+12345678::CVR++X+Vestergade 1+Vejle++7100+DK'");
  });

  it('masks a malformed CPR in the quoted segment as the warning does: never more than its first six characters in the clear', async () => {
    const quoted = async (id: string) => (await run(nine(`NAD+FT1+${id}::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK`), { captureSegments: true })).messages[0]!.segmentText?.[8];
    // A full CPR with digits appended: the quote showed the whole CPR (010180123456****).
    expect(await quoted('01018012345678')).toBe("NAD+FT1+010180********::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
    expect(await quoted('123')).toBe("NAD+FT1+***::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
    expect(await quoted('01018')).toBe("NAD+FT1+0****::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
  });

  it('masks an id typed as a CVR that is no CVR in the quoted segment (it may be a CPR, which the warning does not repeat); a CVR stays whole', async () => {
    const quoted = async (id: string) => (await run(nine(`NAD+FT1+${id}::CVR++Hans Hansen+Vestergade 1+Vejle++7100+DK`), { captureSegments: true })).messages[0]!.segmentText?.[8];
    expect(await quoted('3213805678')).toBe("NAD+FT1+321380****::CVR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
    expect(await quoted('12345678')).toBe("NAD+FT1+12345678::CVR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
  });

  it('reads the id types from the profile: a patched CPR code is checked, the old one is not a CPR', async () => {
    const patched = patchProfile(opsigelser55, { qualifiers: { NADIdType: { cpr: { value: 'PNR' } } } });
    const r = await run(nine('NAD+FT1+3213801234::PNR++Hans Hansen+Vestergade 1+Vejle++7100+DK'), { profile: patched });
    expect(warningsOf(r)).toEqual([['cpr-invalid-date', 'NAD', 8, 2, 1]]);
  });
});

describe('a VIR number that breaks the profile\'s virRule (an assumption) is a warning', () => {
  /** A rejection (27, ERC 9) naming the company that already cancelled (segment 9) as `ops`. */
  const rejection = (ops: string) => oneMessage(swap(TWENTY_SEVEN, 'NAD+OPS+33333333::VIR', ops));
  /** An interchange from `sender` to `recipient` whose reminder's NADs name them (segments 6, 7), as they must. */
  const reminder = (sender: string, recipient: string) =>
    oneMessage(swap(swap(FIFTEEN, MR, `NAD+MR+${recipient}::VIR`), MS, `NAD+MS+${sender}::VIR`)).replace(`+${PARTIES.sender}:ZZ+${PARTIES.recipient}:ZZ+`, `+${sender}:ZZ+${recipient}:ZZ+`);

  it.each([
    ['7 digits', rejection('NAD+OPS+3333333::VIR'), [['vir-malformed', 'NAD', 9, 2, 1]], 'NAD OPS: VIR number "3333333" is not 8 digits'],
    ['letters', rejection('NAD+OPS+ABCD1234::VIR'), [['vir-malformed', 'NAD', 9, 2, 1]], 'NAD OPS: VIR number "ABCD1234" is not 8 digits'],
    ['the recipient and sender, as the UNB names them', reminder('1111', '2222'), [['vir-malformed', 'NAD', 6, 2, 1], ['vir-malformed', 'NAD', 7, 2, 1]], 'NAD MR: VIR number "2222" is not 8 digits'],
    ['a panthaver new insurer', oneMessage(['BGM+Z40', 'RFF+DEK:PD1', 'RFF+POL:00-778899', 'DTM+137:20241021:102', 'DTM+206:20241101:102', MR, MS, 'NAD+NFS+4444::VIR'], 'PANTDE'), [['vir-malformed', 'NAD', 9, 2, 1]], 'NAD NFS: VIR number "4444" is not 8 digits'],
  ])('%s', async (_, text, warnings, message) => {
    const r = await run(text);
    expect(warningsOf(r)).toEqual(warnings);
    const w = r.messages[0]!.warnings[0]!;
    expect(w.code).toBe('12');
    expect(w.message).toBe(`${message} (assumption: the VIR format is not public)`);
    expect(w.offset).toBe(text.indexOf(`NAD+${message.slice(4, message.indexOf(':'))}+`));
    expect(r.messages[0]!.errors).toEqual([]);
    expect(r.messages[0]!.status).toBe('accepted');
    expect(r.accepted).toBe(true);
  });

  it('does not look at a VIR that keeps the rule, nor at an id of another type in a company NAD', async () => {
    for (const ops of ['NAD+OPS+33333333::VIR', 'NAD+OPS+ 33333333 ::VIR', 'NAD+OPS+::VIR', 'NAD+OPS+13585628::CVR']) {
      expect(warningsOf(await run(rejection(ops))), ops).toEqual([]);
    }
  });

  it('reads the rule and the id type from the profile: a partner\'s 5-digit VIR, a patched id-type code', async () => {
    const partner = patchProfile(opsigelser55, {
      interchange: { virRule: { value: { pattern: '^[0-9]{5}$', description: '5 digits' }, assumption: false, source: 'Bilag 1' } },
      qualifiers: { NADIdType: { vir: 'VIRK' } },
    });
    expect(warningsOf(await run(rejection('NAD+OPS+33333::VIRK'), { profile: partner }))).toEqual([]);
    const r = await run(rejection('NAD+OPS+33333333::VIRK'), { profile: partner });
    expect(warningsOf(r)).toEqual([['vir-malformed', 'NAD', 9, 2, 1]]);
    expect(r.messages[0]!.warnings[0]!.message).toBe('NAD OPS: VIR number "33333333" is not 5 digits');
    // VIR is no id type of that profile: not looked at.
    expect(warningsOf(await run(rejection('NAD+OPS+3::VIR'), { profile: partner }))).toEqual([]);
    // A profile without virRule uses DEFAULT_VIR_RULE (8 digits).
    const bare = loadProfile({ ...JSON.parse(JSON.stringify(opsigelser55)), interchange: { ...opsigelser55.interchange, virRule: undefined } });
    expect(warningsOf(await run(rejection('NAD+OPS+3333::VIR'), { profile: bare }))).toEqual([['vir-malformed', 'NAD', 9, 2, 1]]);
  });

  it('refuses a hand-built profile whose rule compileVirRule refuses, naming the profile and the path', async () => {
    const bad = { ...opsigelser55, interchange: { ...opsigelser55.interchange, virRule: { value: { pattern: '^(a+)+$', description: 'x' }, assumption: true, source: 'x' } } };
    await expect(validate(rejection('NAD+OPS+33333333::VIR'), { ...OPTIONS, profile: bad })).rejects.toThrow(
      /^fp-edifact: validate: profile fp-opsigelser\/5\.5-reconstructed: interchange\.virRule: VIR rule pattern "\^\(a\+\)\+\$" is not allowed: nested quantifier/,
    );
  });

  it('changes nothing else: status, errors, CONTRL, 12\'er — clean, with content errors, rejected, in every detail', async () => {
    const bodies = {
      clean: TWENTY_SEVEN,
      'content error': swap(TWENTY_SEVEN, 'DTM+295:20250101:102'),
      rejected: swap(TWENTY_SEVEN, 'BRC+001:002', 'BRC+001:002', 'FTX+AAI+++x'),
    };
    for (const [name, body] of Object.entries(bodies)) {
      for (const detail of ['interchange', 'message', 'segment'] as const) {
        const good = await run(oneMessage(body), { detail });
        // As long as the valid one: every offset stays the same.
        const bad = await run(oneMessage(swap(body, 'NAD+OPS+33333333::VIR', 'NAD+OPS+3333333X::VIR')), { detail });
        expect(warningsOf(bad), `${name} ${detail}`).toEqual([['vir-malformed', 'NAD', body.indexOf('NAD+OPS+33333333::VIR') + 2, 2, 1]]);
        expect(withoutWarnings(bad), `${name} ${detail}`).toEqual(withoutWarnings(good));
      }
    }
  });

  it('text, HTML and JSON reports show it; exit code 0', async () => {
    const text = bytes(rejection('NAD+OPS+3333::VIR'));
    const json = await runValidate(text);
    expect(json.code).toBe(0);
    expect(parseLines(json.stdout)[0]!.messages[0]!.warnings.map((w) => w.rule)).toEqual(['vir-malformed']);
    const plain = await runValidate(text, { format: 'text' });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/warning segment 9 \(NAD\), element 2:1, byte \d+: NAD OPS: VIR number "3333" is not 8 digits .*\[rule vir-malformed\]/);
    expect(plain.stdout).toContain("> NAD+OPS+3333::VIR'");
    const html = await runValidate(text, { format: 'html' });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('rule vir-malformed');
  });
});

describe('warnings in the reports', () => {
  const text = nine('NAD+FT1+3213801234::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK');

  it('JSON: every message has warnings (same keys as an error); exit code 0 when there are only warnings', async () => {
    const clean = await runValidate(bytes(nine(FT1)));
    expect(parseLines(clean.stdout)[0]!.messages[0]!.warnings).toEqual([]);
    const { code, stdout } = await runValidate(bytes(text));
    expect(code).toBe(0);
    const m = parseLines(stdout)[0]!.messages[0]!;
    expect(m.status).toBe('accepted');
    expect(m.warnings.length).toBe(1);
    expect(Object.keys(m.warnings[0]!).sort()).toEqual(['code', 'component', 'element', 'message', 'offset', 'rule', 'segment', 'segmentPosition']);
    expect(m.warnings[0]).toMatchObject({ rule: 'cpr-invalid-date', segment: 'NAD', segmentPosition: 8, element: 2, component: 1 });
    expect(stdout).not.toContain('3213801234');
  });

  it('text: a warning line with position, rule and the segment; the verdict unchanged', async () => {
    const { code, stdout } = await runValidate(bytes(text), { format: 'text' });
    expect(code).toBe(0);
    expect(stdout).toContain('message 1  ref 1  OPSIGE  BGM 9 (cancellation)  accepted');
    expect(stdout).toMatch(/warning segment 8 \(NAD\), element 2:1, byte \d+: NAD FT1: CPR 321380-\*{4} .*\[rule cpr-invalid-date\]/);
    // check-digits.md: never a full CPR in an error report — the quoted segment masks it too.
    expect(stdout).toContain("> NAD+FT1+321380****::CPR++Hans Hansen+Vestergade 1+Vejle++7100+DK'");
    expect(stdout).not.toContain('3213801234');
    expect(stdout).toContain('ACCEPTED (CONTRL UCI 7)');
  });

  it('HTML: the warning in the message row, marked as a warning', async () => {
    const { code, stdout } = await runValidate(bytes(text), { format: 'html' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/<span class="warn">warning<\/span> segment 8 \(NAD\), element 2:1, byte \d+: NAD FT1: CPR 321380-\*{4}/);
    expect(stdout).toContain('rule cpr-invalid-date');
    expect(stdout).toContain('class="accepted"');
    expect(stdout).not.toContain('3213801234');
  });

  it('masks a valid CPR in a quoted segment that has an error, and leaves a CVR (a public company number) whole', async () => {
    const long = 'x'.repeat(40);
    const { stdout } = await runValidate(bytes(nine(`NAD+FT1+0101801234::CPR++${long}+Vestergade 1+Vejle++7100+DK`)), { format: 'text' });
    expect(stdout).toContain(`> NAD+FT1+010180****::CPR++${long}+Vestergade 1+Vejle++7100+DK'`);
    expect(stdout).not.toContain('0101801234');
    const cvr = await runValidate(bytes(nine(`NAD+FT1+13585628::CVR++${long}+Vestergade 1+Vejle++7100+DK`)), { format: 'text' });
    expect(cvr.stdout).toContain(`> NAD+FT1+13585628::CVR++${long}+Vestergade 1+Vejle++7100+DK'`);
  });
});
