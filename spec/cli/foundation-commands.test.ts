import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/version.js';
import { run } from './run.js';

const goodFixtures = readdirSync('fixtures').filter((f) => f.endsWith('.edi'));

describe('fp-edifact inspect', () => {
  it('summarises an interchange: syntax, parties, reference, messages and BGM codes', async () => {
    const r = await run(['inspect', 'fixtures/opsigelse-9-motor.edi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('interchange 20241120230001');
    expect(r.stdout).toContain('UNOC:3');
    expect(r.stdout).toContain('11111111:ZZ');
    expect(r.stdout).toContain('22222222:ZZ');
    expect(r.stdout).toMatch(/message 1 +ref 1 +OPSIGE:1:911:UN +BGM 9/);
    expect(r.stdout).toContain('1 message(s)');
    expect(r.stdout).toContain('no errors');
  });

  it('exits 1 and names the position for a broken file', async () => {
    const r = await run(['inspect', 'fixtures/broken/unt-count-wrong.edi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error 29: byte \d+, segment \d+ \(UNT\)/);
  });

  it('exits 2 for a directory with one line naming it, no stack (inspect and validate stream their input)', async () => {
    for (const args of [['inspect', 'fixtures'], ['validate', 'fixtures', '--json']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fp-edifact ${args[0]}: cannot read fixtures: EISDIR: illegal operation on a directory, read\n`);
    }
  });

  it('exits 2 for a missing file or an unknown command', async () => {
    expect((await run(['inspect', 'no/such/file.edi'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['inspect', '--bogus', 'x'])).code).toBe(2);
  });
});

describe('fp-edifact to-json / from-json', () => {
  for (const f of goodFixtures) {
    it(`round-trips ${f} byte for byte`, async () => {
      const json = await run(['to-json', `fixtures/${f}`]);
      expect(json.code).toBe(0);
      const back = await run(['from-json', '-'], json.stdoutBytes.toString('latin1'));
      expect(back.code).toBe(0);
      expect(back.stdoutBytes.equals(readFileSync(`fixtures/${f}`))).toBe(true);
    });
  }

  it('takes no line break for a terminator that is itself a line break (UNA terminator LF)', async () => {
    const input = 'UNA:+.? \nUNB+UNOC:3+1+2+240101:1200+R\nUNH+1+OPSIGE:1:911:UN\nBGM+9\nUNT+2+1\nUNZ+1+R\n';
    const json = await run(['to-json', '-'], input);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).interchanges[0].format.lineBreak).toBe('');
    const back = await run(['from-json', '-'], json.stdoutBytes.toString('latin1'));
    expect(back.code).toBe(0);
    expect(back.stdoutBytes.toString('latin1')).toBe(input);
  });

  it("records the service characters in force for an interchange without its own UNA: the defaults after a UNZ, an earlier UNA's without one", async () => {
    const inputs = {
      // A UNA's characters end with its interchange's UNZ (ISO 9735: it applies to the interchange that follows it).
      "UNA:*.? 'UNB*UNOC:3*1*2*240101:1200*R'UNZ*0*R'UNB+UNOC:3+1+2+240101:1200+S'BGM+9?+1'UNZ+0+S'": '+',
      // Without that UNZ, the next UNB is still read with the earlier UNA's characters.
      "UNA:*.? 'UNB*UNOC:3*1*2*240101:1200*R'UNB*UNOC:3*1*2*240101:1200*S'BGM*9?*1'UNZ*0*S'": '*',
    };
    for (const [input, element] of Object.entries(inputs)) {
      const json = await run(['to-json', '-'], input);
      const second = JSON.parse(json.stdout).interchanges[1];
      expect(second.format).toMatchObject({ una: false, serviceChars: { element } });
      expect(second.segments[1]).toEqual(['BGM', [`9${element}1`]]);
      const back = await run(['from-json', '-'], json.stdoutBytes.toString('latin1'));
      expect(back.code).toBe(0);
      expect(back.stdoutBytes.toString('latin1')).toBe(input);
    }
  });

  it('exits 1 for input without a segment, as inspect does', async () => {
    for (const input of ['', '\r\n']) {
      const r = await run(['to-json', '-'], input);
      expect(r.code).toBe(1);
      // Every line on stderr names the command, as a failure line does (it was '  error 13: …').
      expect(r.stderr).toMatch(/^fp-edifact to-json: error 13: byte \d+: no segment found[^\n]*\n$/);
    }
  });

  it('keeps empty elements and components in the JSON', async () => {
    const r = await run(['to-json', '-'], "UNB+UNOC:3+1+2+240101:1200+R'NAD+MR+1::VIR++::'UNZ+0+R'");
    const doc = JSON.parse(r.stdout);
    expect(doc.interchanges[0].segments[1]).toEqual(['NAD', ['MR'], ['1', '', 'VIR'], [''], ['', '', '']]);
  });

  it('rejects malformed JSON with exit 2 and a bad document with exit 1 naming the path', async () => {
    expect((await run(['from-json', '-'], '{')).code).toBe(2);
    const bad = await run(['from-json', '-'], JSON.stringify({ fpEdifact: 1, interchanges: [{ format: { una: false, serviceChars: { component: ':', element: '+', decimal: '.', release: '?', repetition: ' ', terminator: "'" }, lineBreak: '' }, segments: [['BGM', 5]] }] }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^fp-edifact from-json: error 12: [^\n]*\$\.interchanges\[0\]\.segments\[0\][^\n]*\n$/);
  });
});

describe('fp-edifact --help', () => {
  it('lists every command with its summary on its own line, no line wider than 120 characters', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['inspect', 'to-json', 'from-json', 'decode', 'encode', 'profile', 'audit', 'validate']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.stdout).toMatch(/^  validate <file\|->[^\n]*\n( {8}[^\n]*\n)*? {6}CONTRL for the interchange/m);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });

  it.each([['validate', '--help'], ['validate', '-h'], ['help', 'validate'], ['validate', 'x.edi', '--workers', '2', '--help']])('%s %s prints that command\'s usage and exits 0', async (...args) => {
    const r = await run(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: fp-edifact validate <file|-> [--json | --format text|json|html]');
    expect(r.stdout).toContain('CONTRL for the interchange');
    expect(r.stdout).not.toContain('inspect <file|->');
  });

  it('an option the command does not know is a usage error that shows the command\'s usage', async () => {
    const r = await run(['decode', '--bogus', 'fixtures/opsigelse-9-motor.edi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fp-edifact decode: unknown option --bogus;');
    expect(r.stderr).toContain('usage: fp-edifact decode <file|-> [--profile p.json]');
  });

  it('help for an unknown command is a usage error', async () => {
    const r = await run(['help', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('a file named --help is still reachable after --', async () => {
    const r = await run(['inspect', '--', '--help']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--help');
    expect(r.stdout).not.toContain('usage:');
  });
});

describe('fp-edifact --version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it.each([['--version'], ['version']])('%s prints the version of package.json alone and exits 0', async (arg) => {
    const r = await run([arg]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('is in --help, and version --help says what it does', async () => {
    const help = await run(['--help']);
    expect(help.stdout).toMatch(/^ {7}fp-edifact --version$/m);
    expect(help.stdout).toMatch(/^ {2}version\n {6}print the version of fp-edifact$/m);
    const own = await run(['version', '--help']);
    expect([own.code, own.stdout.split('\n')[0]]).toEqual([0, 'usage: fp-edifact version']);
  });

  it("reads fp-edifact's own package.json, passing over a consumer's on the way up, and says where it looked when there is none", () => {
    const project = mkdtempSync(join(tmpdir(), 'fp-edifact-version-'));
    try {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0' }));
      const dist = join(project, 'node_modules/fp-edifact/dist');
      mkdirSync(dist, { recursive: true });
      expect(() => packageVersion(dist)).toThrow(`cannot find the package.json of fp-edifact above ${dist}`);
      writeFileSync(join(project, 'node_modules/fp-edifact/package.json'), JSON.stringify({ name: 'fp-edifact', version: '3.2.1' }));
      expect(packageVersion(dist)).toBe('3.2.1');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('takes no arguments', async () => {
    const r = await run(['version', 'x.edi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fp-edifact version: takes no arguments, got "x.edi"\n');
  });
});

describe('fp-edifact profile', () => {
  it('names the command in front of an unknown --id, as every other usage error does', async () => {
    const r = await run(['profile', '--id', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fp-edifact profile: no profile with id "nope"; known: fp-opsigelser\/5\.5-reconstructed, fp-panthaver\/5\.2-reconstructed\n$/);
  });
});

describe('fp-edifact encode', () => {
  it('says input that is not JSON as from-json does, in one line naming the command (it printed "not JSON: …" without it)', async () => {
    const notJson = await run(['encode', '-'], '{');
    // Input that is not JSON at all is unusable, as in from-json (2); a JSON document with errors is 1.
    expect([notJson.code, notJson.stdout]).toEqual([2, '']);
    expect(notJson.stderr).toMatch(/^fp-edifact encode: input is not JSON: \S[^\n]*\n$/);
    expect(notJson.stderr).toBe((await run(['from-json', '-'], '{')).stderr.replace('from-json', 'encode'));
  });

  it('names each problem without an empty path in front', async () => {
    // Each problem in a line naming the command, as a failure line does (it was 'interchange: …').
    const noParties = await run(['encode', '-'], '{"interchange":{},"messages":[]}');
    expect(noParties.stderr).toBe('fp-edifact encode: interchange: interchange needs sender, recipient and reference\n');
    const noPolicy = await run(['encode', '-'], JSON.stringify({ interchange: { sender: '1', recipient: '2', reference: 'R' }, messages: [{ kind: 'cancellation', caseReference: 'X' }] }));
    expect(noPolicy.code).toBe(1);
    expect(noPolicy.stderr).toContain('fp-edifact encode: message 0: policyNumber: is missing\n');
    expect(noPolicy.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('fp-edifact encode: message 0: '))).toEqual([]);
  });

  it('refuses a bad interchange header with the JSON path and the rule, exit 1, nothing written', async () => {
    const motor = JSON.parse((await run(['decode', 'fixtures/opsigelse-9-motor.edi'])).stdout).interchanges[0].messages[0].value;
    const input = (interchange: object) => JSON.stringify({ interchange: { sender: '11111111', recipient: '22222222', reference: 'R', ...interchange }, messages: [motor] });
    const long = await run(['encode', '-'], input({ reference: 'R'.repeat(100), time: '9999' }));
    expect([long.code, long.stdout]).toEqual([1, '']);
    expect(long.stderr).toMatch(/^fp-edifact encode: interchange\.reference: UNB 0020 .*an\.\.14.*\nfp-edifact encode: interchange\.time: UNB S004 0019 .*HHMM.*\n$/);
    // The built bin once failed here with "iso.replaceAll is not a function".
    const bin = spawnSync(process.execPath, ['dist/cli.cjs', 'encode', '-'], { input: input({ date: 5 }), encoding: 'utf8' });
    expect([bin.status, bin.stdout]).toEqual([1, '']);
    expect(bin.stderr).toMatch(/^fp-edifact encode: interchange\.date: UNB S004 0017 .*got 5\n$/);
  });
});

describe('the built bin', () => {
  it('runs as a command with the documented exit codes', () => {
    const ok = spawnSync(process.execPath, ['dist/cli.cjs', 'inspect', 'fixtures/batch-mixed.edi'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, ['dist/cli.cjs', 'inspect', 'fixtures/broken/unz-missing.edi'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    const usage = spawnSync(process.execPath, ['dist/cli.cjs'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(execFileSync(process.execPath, ['dist/cli.cjs', '--help'], { encoding: 'utf8' })).toContain('usage: fp-edifact');
    expect(execFileSync(process.execPath, ['dist/cli.cjs', '--version'], { encoding: 'utf8' })).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });
});
