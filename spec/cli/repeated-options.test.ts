/**
 * An option given twice. The parser kept the last value silently: `validate --profile a.json
 * --profile b.json` checked against b.json, `--workers 1 --workers 4` ran four threads — a suite
 * that builds its command line from pieces got a check it did not ask for. A valued option is now
 * taken once (a usage error, exit 2, naming it and every value); a flag may repeat.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseCommands } from '../../src/cli/commands.js';
import { run } from './run.js';

const motor = 'fixtures/opsigelse-9-motor.edi';
const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profileA = join(dir, 'a.json');
const profileB = join(dir, 'b.json');
writeFileSync(profileA, JSON.stringify({ extends: 'fp-opsigelser/5.5-reconstructed' }));
writeFileSync(profileB, JSON.stringify({ extends: 'fp-panthaver/5.2-reconstructed' }));

/** Two values each command takes for each valued option: either alone would run. */
const twoValues: Record<string, [string, string]> = {
  profile: [profileA, profileB],
  out: [join(dir, 'a.out'), join(dir, 'b.out')],
  format: ['text', 'json'],
  detail: ['message', 'segment'],
  'own-vir': ['22222222', '33333333'],
  workers: ['1', '2'],
  today: ['2024-12-12', '2024-12-13'],
  id: ['fp-opsigelser/5.5-reconstructed', 'fp-panthaver/5.2-reconstructed'],
};

/** encode's input: the motor cancellation as a typed document. */
const encodeInput = join(dir, 'encode.json');
let encodeDocument = '';
beforeAll(async () => {
  const value = JSON.parse((await run(['decode', motor])).stdout).interchanges[0].messages[0].value;
  encodeDocument = JSON.stringify({ interchange: { sender: '11111111', recipient: '22222222', reference: 'R', date: '2024-12-01', time: '1000' }, messages: [value] });
  writeFileSync(encodeInput, encodeDocument);
});

/** What each command reads, so that a run without the repeat would succeed. */
function inputs(command: string): string[] {
  if (command === 'encode') return [encodeInput];
  if (command === 'profile' || command === 'version') return [];
  return command === 'audit' ? [motor, '--today', '2024-12-12'] : [motor];
}

// Every valued option of every command, from the command table: a new one without values above fails here.
const valued = baseCommands.flatMap((c) =>
  Object.entries(c.options)
    .filter(([, o]) => o.type === 'string')
    .map(([name]) => [c.name, name] as const),
);

describe('a valued option given twice', () => {
  it('covers every command that has one', () => {
    expect(new Set(valued.map(([c]) => c))).toEqual(new Set(['inspect', 'decode', 'encode', 'profile', 'audit', 'validate']));
  });

  it.each(valued)('%s --%s: a usage error naming both values, nothing run', async (command, option) => {
    const values = twoValues[option];
    expect(values, `values for --${option}`).toBeDefined();
    const [a, b] = values!;
    // audit's --today is given once in inputs(); its repeat is the test's own.
    const base = option === 'today' ? [motor] : inputs(command);
    const r = await run([command, ...base, `--${option}`, a, `--${option}=${b}`]);
    expect(r.stderr).toBe(`fp-edifact ${command}: --${option} is given 2 times (${JSON.stringify(a)}, ${JSON.stringify(b)}); give it once\n`);
    expect([r.code, r.stdout]).toEqual([2, '']);
  });

  it('names every value when given more than twice, the same value too', async () => {
    const r = await run(['validate', motor, '--workers', '2', '--workers', '2', '--workers', '3']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'fp-edifact validate: --workers is given 3 times ("2", "2", "3"); give it once\n']);
  });

  it('an option after -- is a file name, not a repeat', async () => {
    const r = await run(['inspect', motor, '--profile', profileA, '--', '--profile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fp-edifact inspect: takes one input \(a file or -\), got 2: /);
  });
});

describe('a flag given twice', () => {
  // A flag has no value that could differ: `--json --json` asks for what `--json` asks for.
  it.each([
    [['validate', motor, '--json']],
    [['profile', '--assumptions', '--json']],
    [['audit', motor, '--today', '2024-12-12', '--json']],
  ])('means what it means once: %j', async (args) => {
    const once = await run(args);
    const twice = await run([...args, args[args.length - 1]!]);
    expect([twice.code, twice.stderr]).toEqual([once.code, once.stderr]);
    const withoutReferences = (s: string) => s.replace(/\+[0-9A-Z]{14}'/g, '');
    expect(withoutReferences(twice.stdout)).toBe(withoutReferences(once.stdout));
  });

  it('encode --single-line twice writes one line', async () => {
    const r = await run(['encode', encodeInput, '--single-line', '--single-line']);
    expect([r.code, r.stderr, r.stdout.includes('\n')]).toEqual([0, '', false]);
  });
});
