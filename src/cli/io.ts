import { accessSync, closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Exit codes of every command: 0 ok, 1 the input has errors, 2 usage or I/O error. */
export const ExitCode = { ok: 0, inputErrors: 1, usage: 2 } as const;

/** A failure that is the caller's (bad arguments, unreadable file): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command line the parser refuses (an unknown option): a usage error the command's usage follows. */
export class ArgumentError extends UsageError {}

/**
 * What an error says, without the `fp-edifact: ` the library's own errors start with: the CLI
 * puts its own `fp-edifact <command>: ` in front, and a message nested in another names the
 * program once.
 */
export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/^fp-edifact: /, '');
}

/**
 * A line the CLI writes on stderr — a failure, a problem of the input, a note:
 * `fp-edifact <command>: <text>`, so a log of several commands (`to-json | from-json`) says whose
 * it is; `fp-edifact: <text>` when there is no command (none given, or an unknown one). Every
 * stderr line is made here.
 */
export function commandLine(command: string | undefined, text: string): string {
  return `fp-edifact${command === undefined ? '' : ` ${command}`}: ${text}\n`;
}

/**
 * The line on stderr for a failed command: `fp-edifact <command>: <what>`. The library's prefix
 * goes, and so does the function name after it when it is the command's (`fp-edifact: validate: …`).
 * One line: a message of several (Node's for `--profile --json`) is joined, so none of it goes out
 * without the command in front.
 */
export function failureLine(command: string, err: unknown): string {
  const text = errorText(err).trim().split(/\s*\n\s*/).join(' ');
  return commandLine(command, text.startsWith(`${command}: `) ? text.slice(command.length + 2) : text);
}

/** Text collected up to 64 KiB per write to the real stream: a write per message costs more than writing it. */
const WRITE_AT = 64 * 1024;

/** `out` in writes of at least {@link WRITE_AT} characters; `flush` writes what is left. */
export function batchedOutput(out: (text: string) => void): { write: (text: string) => void; flush: () => void } {
  let buffer = '';
  return {
    write: (text) => {
      buffer += text;
      if (buffer.length >= WRITE_AT) {
        out(buffer);
        buffer = '';
      }
    },
    flush: () => {
      if (buffer) out(buffer);
      buffer = '';
    },
  };
}

/** What a command writes; `main` sends it to the real streams (tests capture it). */
export interface CommandIo {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Reads stdin fully (for `-`). */
  readStdin: () => Promise<Buffer>;
}

/**
 * Standard input. A directory there (`< somedir`) is refused: Node hands such a process an empty
 * stream, which would read as an empty input instead of failing.
 */
export function standardInput(): NodeJS.ReadStream {
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    // No stat for this handle (closed, or not a file system object): read it as Node gives it.
  }
  if (directory) throw new UsageError('cannot read standard input: EISDIR: illegal operation on a directory, read');
  return process.stdin;
}

/** Reads a whole file or stdin (`-`). */
export async function readInput(path: string | undefined, io: CommandIo): Promise<Buffer> {
  if (!path) throw new UsageError('missing input: give a file path or - for standard input');
  if (path === '-') return io.readStdin();
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${errorText(err)}`);
  }
}

/** File read size: 64 KiB measured faster than 256 KiB for the tokenizer's batches. */
const READ_CHUNK = 64 * 1024;

/** A chunk stream over a file or stdin, for commands that must stay in flat memory. */
export function streamInput(path: string | undefined): AsyncIterable<Uint8Array> {
  if (!path) throw new UsageError('missing input: give a file path or - for standard input');
  if (path === '-') return standardInput();
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${errorText(err)}`);
  }
  // A directory passes the access check; reading it fails (as readFileSync's EISDIR says).
  if (statSync(path).isDirectory()) throw new UsageError(`cannot read ${path}: EISDIR: illegal operation on a directory, read`);
  // Opened only when iterated, so a command that stops on a usage error leaves no stream behind.
  return { [Symbol.asyncIterator]: () => createReadStream(path, { highWaterMark: READ_CHUNK })[Symbol.asyncIterator]() };
}

/**
 * Refuses a file a command is to write (`--out`) that it could not write, before anything is
 * read: a command that failed there only after the whole input would have spent it for nothing.
 * An existing file is opened for writing without truncating it (a directory fails there,
 * EISDIR, as does a read-only file, EACCES); for a new file its directory must exist and be
 * writable (ENOENT, ENOTDIR, EACCES naming it). Nothing is created.
 * @throws UsageError `cannot write <path>: <reason>`
 */
export function checkWritable(path: string): void {
  try {
    closeSync(openSync(path, 'r+'));
  } catch (err) {
    try {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      accessSync(dirname(path), constants.W_OK);
    } catch (reason) {
      throw new UsageError(`cannot write ${path}: ${errorText(reason)}`);
    }
  }
}
