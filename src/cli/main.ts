#!/usr/bin/env node
import { parseCommandLine } from './arguments.js';
import { baseCommands, type Command } from './commands.js';
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
    return await command.run(parseCommandLine(command, rest), io);
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
