/**
 * The command line of one command, read in one place: options it does not take, valued options
 * given twice, more inputs than it reads, and an output file it could not write are usage errors
 * here, before anything is read.
 */
import { parseArgs } from 'node:util';
import type { Command, CommandArgs } from './commands.js';
import { ArgumentError, checkWritable, UsageError } from './io.js';

const quoted = (args: readonly string[]): string => args.map((a) => JSON.stringify(a)).join(', ');

/** More positional arguments than the command takes, or standard input twice: a usage error, never an input silently left out or read empty. */
function checkInputs(command: Command, positionals: readonly string[]): void {
  if (command.inputs === 'none' && positionals.length > 0) throw new UsageError(`takes no arguments, got ${quoted(positionals)}`);
  if (command.inputs === 'one' && positionals.length > 1) throw new UsageError(`takes one input (a file or -), got ${positionals.length}: ${quoted(positionals)}`);
  // A second read of standard input finds it empty.
  const stdin = positionals.filter((p) => p === '-').length;
  if (stdin > 1) throw new UsageError(`standard input (-) can be read only once, got it ${stdin} times`);
}

/** The parser's account of one argument (`parseArgs` with `tokens: true`; `index` is the argument's). */
type ArgToken = { kind: 'option'; name: string; value?: string | undefined; index: number } | { kind: 'positional' | 'option-terminator' };

/**
 * An option the command does not take, named as given (Node names `-json` by its first letter,
 * `-j`), with the option meant when it differs only in dashes or case (`-json`, `--JSON`).
 */
function checkUnknownOptions(command: Command, args: string[]): void {
  const { tokens } = parseArgs({ args, options: command.options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens as ArgToken[]) {
    if (t.kind !== 'option' || Object.hasOwn(command.options, t.name)) continue;
    const given = args[t.index]!.split('=')[0]!;
    const meant = Object.keys(command.options).find((o) => o.toLowerCase() === given.replace(/^-+/, '').toLowerCase());
    throw new ArgumentError(`unknown option ${given}${meant === undefined ? '' : ` (did you mean --${meant}?)`}; an input whose name starts with - goes after --`);
  }
}

/**
 * A valued option given more than once is a usage error naming every value: the parser keeps the
 * last silently, and `--profile a.json --profile b.json` would check against b.json alone. A flag
 * may repeat: `--json --json` can mean only what `--json` means.
 */
function checkRepeatedOptions(command: Command, tokens: readonly ArgToken[]): void {
  const given = new Map<string, string[]>();
  for (const t of tokens) {
    if (t.kind !== 'option' || command.options[t.name]?.type !== 'string' || command.options[t.name]?.multiple === true) continue;
    given.set(t.name, [...(given.get(t.name) ?? []), t.value ?? '']);
  }
  for (const [name, values] of given) {
    if (values.length > 1) throw new UsageError(`--${name} is given ${values.length} times (${quoted(values)}); give it once`);
  }
}

/** Options whose value is a file the command writes: whichever command takes one, it is checked before any input is read. */
const OUTPUT_OPTIONS: readonly string[] = ['out'];

/** An output file that cannot be written is a usage error now, not after the whole input (see {@link checkWritable}). */
function checkOutputs(values: CommandArgs['values']): void {
  for (const name of OUTPUT_OPTIONS) {
    const path = values[name];
    if (typeof path === 'string') checkWritable(path);
  }
}

/**
 * A command's arguments (after its name) as positionals and option values.
 * @throws ArgumentError for an option it does not take (the usage follows), Node's parse error
 * (`ERR_PARSE_ARGS_*`) for a valued option without its value or a value given to a flag,
 * UsageError for a valued option given twice, inputs it does not take, or an output file
 * (`--out`) that cannot be written
 */
export function parseCommandLine(command: Command, args: string[]): CommandArgs {
  checkUnknownOptions(command, args);
  const { positionals, values, tokens } = parseArgs({ args, options: command.options, allowPositionals: true, strict: true, tokens: true });
  checkRepeatedOptions(command, tokens);
  checkInputs(command, positionals);
  checkOutputs(values as CommandArgs['values']);
  return { positionals, values: values as CommandArgs['values'] };
}
