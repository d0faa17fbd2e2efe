#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { baseCommands, type Command, type CommandArgs } from './commands.js';
import { ArgumentError, type CommandIo, commandLine, errorText, ExitCode, failureLine, standardInput, UsageError } from './io.js';

const commands: Command[] = [...baseCommands];

const EXIT_CODES = 'exit codes: 0 ok, 1 the input has errors, 2 usage or I/O error';
const HELP_WIDTH = 100;

/** A usage folded before `HELP_WIDTH`, breaking only between words and whole `[…]` options. */
function foldUsage(usage: string, indent: string): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of usage.match(/\[[^\]]*\]|[^\s[]+/g) ?? []) {
    if (line.trim() !== '' && line.length + 1 + word.length > HELP_WIDTH) {
      lines.push(line);
      line = `${indent}      `;
    }
    line += line.trim() === '' ? word : ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Every command: its usage, and its summary on the next line (usages are too long for columns). */
function help(): string {
  return [
    'usage: fp-edifact <command> [options]',
    '       fp-edifact <command> --help',
    '       fp-edifact --version',
    '',
    ...commands.map((c) => `${foldUsage(c.usage, '  ')}\n      ${c.summary}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

function commandUsage(command: Command): string {
  return foldUsage(`usage: fp-edifact ${command.usage}`, '');
}

function commandHelp(command: Command): string {
  return [commandUsage(command), '', `  ${command.summary}`, '', EXIT_CODES].join('\n');
}

/** `--help` or `-h` among a command's arguments, before any `--` (after it, they are file names). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** The command a first argument names (`--version` is `version`, as `--help` is `help`). */
function findCommand(name: string | undefined): Command | undefined {
  return commands.find((c) => c.name === (name === '--version' ? 'version' : name));
}

function unknownCommand(name: string, io: CommandIo): number {
  io.stderr(`${commandLine(undefined, `unknown command ${JSON.stringify(name)}`)}${help()}\n`);
  return ExitCode.usage;
}

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

/** Runs the CLI with the given arguments; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] !== undefined) {
    const command = commands.find((c) => c.name === rest[0]);
    if (!command) return unknownCommand(rest[0], io);
    io.stdout(`${commandHelp(command)}\n`);
    return ExitCode.ok;
  }
  if (!name) {
    // A usage error, as an unknown command is: the help goes to stderr, not into the data.
    io.stderr(`${commandLine(undefined, 'no command given')}${help()}\n`);
    return ExitCode.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${help()}\n`);
    return ExitCode.ok;
  }
  const command = findCommand(name);
  if (!command) return unknownCommand(name, io);
  if (asksForHelp(rest)) {
    io.stdout(`${commandHelp(command)}\n`);
    return ExitCode.ok;
  }
  try {
    checkUnknownOptions(command, rest);
    const { positionals, values, tokens } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true, tokens: true });
    checkRepeatedOptions(command, tokens);
    checkInputs(command, positionals);
    return await command.run({ positionals, values: values as CommandArgs["values"] }, io);
  } catch (err) {
    // Arguments the parser refused get the command's usage; our own usage and I/O errors say enough.
    const badArguments = err instanceof ArgumentError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    io.stderr(failureLine(command.name, err));
    if (badArguments) io.stderr(`${commandUsage(command)}\n`);
    else if (!(err instanceof UsageError) && !isSystemError(err)) io.stderr(`${(err as Error).stack ?? ''}\n`);
    return ExitCode.usage;
  }
}

/** An error of the system (a read that failed with EIO, a vanished share): its message says it all; a stack is for our own bugs. */
function isSystemError(err: unknown): boolean {
  const e = err as { code?: unknown; syscall?: unknown };
  return typeof e?.code === 'string' && typeof e.syscall === 'string';
}

function realIo(): CommandIo {
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of standardInput()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

// Run when executed as the bin (the bundle is CommonJS; `require.main` is this module then).
if (typeof require !== 'undefined' && require.main === module) {
  const argv = process.argv.slice(2);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) is not an error of ours.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failed write (a full disk) is an I/O error, never an input with errors.
    process.stderr.write(commandLine(findCommand(argv[0])?.name, `cannot write standard output: ${errorText(err)}`));
    process.exit(ExitCode.usage);
  });
  runCli(argv, realIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(commandLine(undefined, (err as Error).stack ?? String(err)));
      process.exitCode = ExitCode.usage;
    },
  );
}
