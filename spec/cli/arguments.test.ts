/**
 * The command line as a CI script writes it: what a command is given that it does not take is a
 * usage error (exit 2) naming it, never silently left out of the run.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const motor = 'fixtures/opsigelse-9-motor.edi';
const broken = 'fixtures/broken/unz-count-wrong.edi';

describe('positional arguments', () => {
  // `validate good.edi bad.edi` once validated good.edi alone and exited 0: bad.edi was never read.
  it.each([['inspect'], ['to-json'], ['decode'], ['validate']])('%s takes one input: a second is a usage error naming it, nothing is validated', async (command) => {
    const r = await run([command, motor, broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fp-edifact ${command}: takes one input (a file or -), got 2: "${motor}", "${broken}"\n`);
  });

  it.each([['from-json'], ['encode']])('%s takes one input too', async (command) => {
    const r = await run([command, 'a.json', 'b.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fp-edifact ${command}: takes one input (a file or -), got 2: "a.json", "b.json"\n`);
  });

  it.each([['profile'], ['version']])('%s takes none', async (command) => {
    const r = await run([command, 'x.edi']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fp-edifact ${command}: takes no arguments, got "x.edi"\n`);
  });

  it('audit takes standard input once: a second - would read it empty (exit 1, "no interchange found")', async () => {
    const r = await run(['audit', '-', '-', '--today', '2024-12-12'], readFileSync(motor, 'latin1'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('fp-edifact audit: standard input (-) can be read only once, got it 2 times\n');
  });

  it('audit takes several files', async () => {
    const r = await run(['audit', motor, 'fixtures/opsigelse-15-reminder.edi', '--today', '2024-12-12']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TRY-2024-000123');
  });
});

describe('validate --workers', () => {
  // The number was read with Number(): "abc" was reported as "NaN", "" as "0", and "0x2" or "1e0" were taken.
  it.each([['abc'], [''], ['0x2'], ['1e0'], [' 2'], ['2.0'], ['0'], ['-1']])('%j is a usage error quoting what was given', async (given) => {
    const r = await run(['validate', motor, '--json', `--workers=${given}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fp-edifact validate: --workers must be a positive integer, not ${JSON.stringify(given)}\n`);
  });

  it('takes a positive integer (a small file stays on one thread, same report)', async () => {
    const one = await run(['validate', motor, '--json', '--workers', '1']);
    const two = await run(['validate', motor, '--json', '--workers', '2']);
    expect([one.code, two.code, two.stderr]).toEqual([0, 0, '']);
    expect(two.stdout.replace(/\+[0-9A-Z]{14}'/g, '')).toBe(one.stdout.replace(/\+[0-9A-Z]{14}'/g, ''));
  });
});

describe('no command', () => {
  // It printed the help to stdout, with exit 2: a script capturing stdout took the help for data.
  it('is a usage error: the help on stderr, nothing on stdout, exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fp-edifact: no command given\nusage: fp-edifact <command> \[options\]\n/);
  });

  it('--help asks for it: stdout, exit 0', async () => {
    const r = await run(['--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^usage: fp-edifact <command> \[options\]\n/);
  });
});

describe('audit', () => {
  // Its own usage errors named the command twice: 'fp-edifact audit: audit needs --today YYYY-MM-DD'.
  it('names the command once in its usage errors', async () => {
    expect((await run(['audit', motor])).stderr).toBe('fp-edifact audit: needs --today YYYY-MM-DD\n');
    expect((await run(['audit', '--today', '2024-12-12'])).stderr).toBe('fp-edifact audit: needs at least one file (or - for standard input)\n');
  });
});

describe('an option given empty', () => {
  // `--profile "$PROFILE"` with PROFILE unset: validate refused it, every other command fell back to the shipped profiles.
  it.each([['inspect', motor], ['decode', motor], ['validate', motor], ['encode', '-'], ['audit', motor, '--today', '2024-12-12'], ['profile']])('%s --profile= is a usage error, not the shipped profiles', async (...args) => {
    const r = await run([...args, '--profile=']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fp-edifact ${args[0]}: --profile needs a file path, got ""\n`);
  });

  it('profile --id= is an unknown id, not every profile', async () => {
    const r = await run(['profile', '--id=']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fp-edifact profile: no profile with id ""; known: /);
  });
});

describe('validate options given empty', () => {
  // --own-vir= rejected every interchange (syntax error 7, "not to us ()"), exit 1 as if the file were wrong;
  // --out= validated the whole input before failing to write "".
  it.each([['--own-vir='], ['--out=']])('%s is a usage error before anything is read', async (option) => {
    const r = await run(['validate', motor, option]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fp-edifact validate: ${option.slice(0, -1)} needs a value, got ""\n`);
  });
});

describe('validate --out -', () => {
  // It wrote the report to a file named "-" in the working directory, exit 0, nothing on stdout.
  it('is a usage error, not a file named "-" nor standard output', async () => {
    try {
      const r = await run(['validate', motor, '--json', '--out', '-']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe('fp-edifact validate: --out - is not standard output: leave --out out for that, or write ./- for a file named "-"\n');
      expect(existsSync('-')).toBe(false);
    } finally {
      rmSync('-', { force: true });
    }
  });
});

describe('an unknown option', () => {
  // Node's message named the first letter of a single-dash word ('-json' was "Unknown option
  // '-j'") and ended with an unbalanced quote ('as in \'-- "-j"').
  it.each([
    ['-json', 'validate', ' (did you mean --json?)'],
    ['--JSON', 'validate', ' (did you mean --json?)'],
    ['--Own-Vir=1', 'validate', ' (did you mean --own-vir?)'],
    ['-single-line', 'encode', ' (did you mean --single-line?)'],
    ['--bogus', 'decode', ''],
    ['-x', 'inspect', ''],
  ])('%s (%s): named as given, the option meant when it is one, then the usage, exit 2', async (option, command, guess) => {
    const r = await run([command, motor, option]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    const usage = r.stderr.indexOf(`usage: fp-edifact ${command} `);
    expect(r.stderr.slice(0, usage)).toBe(`fp-edifact ${command}: unknown option ${option.split('=')[0]}${guess}; an input whose name starts with - goes after --\n`);
  });
});

describe('an option the parser refuses', () => {
  // Node's message for a value that looks like an option is three lines: the second and third
  // went to stderr without the command in front.
  it.each([
    [['validate', motor, '--profile', '--json']],
    [['validate', motor, '--profile']],
    [['validate', motor, '--bogus']],
    [['validate', motor, '--json=yes']],
    [['audit', motor, '--today', '--json']],
    [['encode', '-', '-x']],
  ])('%j: one line naming the command, then the usage', async (args) => {
    const r = await run(args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    const usage = r.stderr.indexOf(`usage: fp-edifact ${args[0]} `);
    expect(usage).toBeGreaterThan(0);
    expect(r.stderr.slice(0, usage)).toMatch(new RegExp(`^fp-edifact ${args[0]}: [^\\n]+\\n$`));
  });
});
