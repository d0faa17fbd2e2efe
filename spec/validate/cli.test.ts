/** `validateCommand`: the JSON contract, text and HTML reports, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { formatTextInterchangeEnd } from '../../src/validate/format/text.js';
import { patchProfile } from '../../src/schema/patch.js';
import { toJsonReport, validate } from '../../src/index.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import { NOW, parseLines, runValidate } from './helpers.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi');
const motorText = motor.toString('latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('validate --json', () => {
  it('prints exactly the contract keys and exits 0 for a clean interchange', async () => {
    const { code, stdout, stderr } = await runValidate(motor);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const [r] = parseLines(stdout);
    expect(Object.keys(r!).sort()).toEqual(['accepted', 'contrl', 'errors', 'interchange', 'messages']);
    expect(r!.interchange).toEqual({ reference: '20241120230001', sender: '11111111', recipient: '22222222', syntax: 'UNOC:3', messageCount: 1 });
    expect(Object.keys(r!.messages[0]!).sort()).toEqual(['documentCode', 'errors', 'index', 'kind', 'reference', 'reply', 'status', 'warnings']);
    expect(r!.messages[0]).toEqual({ index: 1, reference: '1', kind: 'cancellation', documentCode: '9', status: 'accepted', errors: [], warnings: [], reply: null });
    expect(r!.accepted).toBe(true);
  });

  it('errors carry exactly the contract keys', async () => {
    const { code, stdout } = await runValidate(bytes(motorText.replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt')));
    expect(code).toBe(1);
    const e = parseLines(stdout)[0]!.messages[0]!.errors[0]!;
    expect(Object.keys(e).sort()).toEqual(['code', 'component', 'element', 'message', 'offset', 'rule', 'segment', 'segmentPosition']);
    expect(e).toMatchObject({ code: 'F01', rule: 'policy-number-missing', segment: 'RFF', segmentPosition: 10, element: 1, component: 2 });
    expect(typeof e.offset).toBe('number');
  });

  it("toJsonReport (exported) gives a program the command's objects: the same JSON for each interchange", async () => {
    // Clean batches, and a content error with its 12'er reply.
    const inputs = [readFileSync('fixtures/batch-mixed.edi'), readFileSync('fixtures/multi-interchange.edi'), bytes(motorText.replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt'))];
    for (const input of inputs) {
      const reports = await validate(input, { now: NOW });
      expect(reports.map(toJsonReport)).toEqual(parseLines((await runValidate(input)).stdout));
    }
  });

  it('prints one JSON object per line for several interchanges', async () => {
    const { code, stdout } = await runValidate(readFileSync('fixtures/multi-interchange.edi'));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBe(2);
    expect(lines.map((l) => JSON.parse(l).interchange.reference)).toEqual(['20241120232000', '20241203093200']);
  });

  it('reads a profile file (--profile p.json)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-validate-'));
    const file = join(dir, 'p.json');
    writeFileSync(file, JSON.stringify(patchProfile(opsigelser55, { contentRules: { 'policy-number-missing': { code: { value: 'F05' } } } })));
    const { stdout } = await runValidate(bytes(motorText.replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt')), { profile: file });
    expect(parseLines(stdout)[0]!.messages[0]!.errors[0]!.code).toBe('F05');
  });

  it('exits 2 on usage and I/O errors', async () => {
    const detail = await runValidate(motor, { detail: 'everything' as never });
    expect(detail.code).toBe(2);
    // interchange (the default, in --help) was missing from the list of what --detail takes
    expect(detail.stderr).toContain('unknown --detail "everything" (interchange, message or segment)');
    expect((await runValidate(motor, { profile: '/nonexistent/p.json' })).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'fp-validate-'));
    writeFileSync(join(dir, 'bad.json'), '{"id": "x"}');
    const bad = await runValidate(motor, { profile: join(dir, 'bad.json') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('profile');
    let stderr = '';
    const failing = (async function* () {
      yield motor.subarray(0, 10);
      throw new Error('EIO: disk on fire');
    })();
    const code = await validateCommand(failing, { format: 'json', now: NOW }, { stdout: () => {}, stderr: (t) => (stderr += t), writeFile: () => {} });
    expect(code).toBe(2);
    expect(stderr).toContain('disk on fire');
  });

  it("a library error says fp-edifact once: one line 'fp-edifact validate: …', not 'fp-edifact validate: fp-edifact: validate…'", async () => {
    // validateFile's own error for a path it cannot read (the command line checks the path first; a program may not).
    const missing = join(mkdtempSync(join(tmpdir(), 'fp-validate-')), 'gone.edi');
    const unreadable = await runValidate(motor, { path: missing });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.startsWith(`fp-edifact validate: validateFile: cannot read ${missing}: ENOENT`)).toBe(true);
    expect(unreadable.stderr.indexOf('\n')).toBe(unreadable.stderr.length - 1);
    // validate's own error for a profile object that never went through loadProfile: its name is the command's, said once.
    const profile = structuredClone(opsigelser55);
    profile.interchange.virRule = { ...profile.interchange.virRule!, value: { pattern: '(', description: 'broken' } };
    const broken = await runValidate(motor, { profile });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^fp-edifact validate: profile fp-opsigelser\/5\.5-reconstructed: interchange\.virRule: [^\n]+\n$/);
  });

  it('--own-vir: an interchange for someone else is syntax error 7', async () => {
    const { code, stdout } = await runValidate(motor, { ownVir: '33333333' });
    expect(code).toBe(1);
    const r = parseLines(stdout)[0]!;
    expect(r.accepted).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: '7', segment: 'UNB', element: 3, component: 1 });
    expect(r.contrl).toContain('+4+7+UNB+4:1');
  });
});

describe('validate --format text', () => {
  it('prints a per-message summary with positions, the rule broken and the segment', async () => {
    const text = motorText.replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt');
    const { code, stdout } = await runValidate(bytes(text), { format: 'text' });
    expect(code).toBe(1);
    expect(stdout).toContain('message 1  ref 1  OPSIGE  BGM 9 (cancellation)  content-error');
    expect(stdout).toContain('F01 segment 10 (RFF), element 1:2');
    expect(stdout).toContain('[rule policy-number-missing]');
    expect(stdout).toContain("> RFF+POL:ukendt'");
    expect(stdout).toContain("12'er: UNA");
    expect(stdout).toContain('ACCEPTED (CONTRL UCI 7)');
  });

  it('places an error that has no segment in its message, not in the interchange (text and HTML)', async () => {
    // The message date is a content rule's: without DTM 137 there is no segment to point at.
    const text = motorText.replace(/DTM\+137:[0-9]+:102'/, '').replace(/UNT\+([0-9]+)/, (_m, n: string) => `UNT+${Number(n) - 1}`);
    const { code, stdout } = await runValidate(bytes(text), { format: 'text' });
    expect(code).toBe(1);
    expect(stdout).toContain('F01 message: the message date (DTM 137) is missing [rule required-segment-missing]');
    expect(stdout).not.toContain('F01 interchange:');
    const html = (await runValidate(bytes(text), { format: 'html' })).stdout;
    expect(html).toContain('F01</span> message: the message date');
    // An interchange's own error without a position still reads as the interchange's.
    const unplaced = { code: '13', rule: null, segment: null, segmentPosition: null, element: null, component: null, offset: null, message: 'no place' };
    const outcome = { position: 0, interchange: { reference: 'R', sender: 'S', recipient: 'T', syntax: 'UNOC:3', messageCount: 0 }, accepted: false, contrl: '', errors: [unplaced], counts: { accepted: 0, rejected: 0, 'content-error': 0 }, header: null };
    expect(formatTextInterchangeEnd(outcome)).toContain('  13  interchange: no place');
  });
});

describe('validate --format html --out', () => {
  it('writes a self-contained, escaped report with one table per interchange', async () => {
    const text = motorText
      .replace('NAD+MR+22222222', 'NAD+MR+<script>alert(1)</script>')
      .replace('BRC+001:002', 'BRC+001:<b>');
    const { code, stdout, stderr, files } = await runValidate(bytes(text), { format: 'html', out: 'report.html' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('report.html');
    const html = files['report.html']!;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html.match(/<table>/g)!.length).toBe(1);
    expect(html).toContain('class="content-error"');
    expect(html).toContain('&lt;script&gt;');
  });

  it('writes HTML to stdout without --out', async () => {
    const { code, stdout } = await runValidate(readFileSync('fixtures/multi-interchange.edi'), { format: 'html' });
    expect(code).toBe(0);
    expect(stdout.match(/<table>/g)!.length).toBe(2);
  });
});
