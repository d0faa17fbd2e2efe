/**
 * `fp-edifact validate`: pure command functions (the argument parsing lives in
 * `commands.ts`). Streams the input through `validateStreamBatches` (`validateFileBatches`
 * for a file) and prints JSON Lines (one object per interchange, the contract in
 * docs/cli.md), a text summary, or an HTML report.
 * Exit codes: 0 accepted and no message with errors, 1 anything rejected or with a content
 * error, 2 usage or I/O error.
 */
import type { GuideProfile } from '../schema/profile.js';
import { interchangeTailJson, messageToJson } from '../validate/format/json.js';
import { HtmlReport } from '../validate/format/html.js';
import { formatTextInterchangeEnd, formatTextInterchangeStart, formatTextMessage } from '../validate/format/text.js';
import { validateStreamBatches } from '../validate/stream.js';
import type { ContrlDetail, ProfileMap, ValidateOptions, ValidationEvent } from '../validate/types.js';
import { validateFileBatches, type ValidateFileOptions } from '../validate/workers.js';
import { batchedOutput, commandLine, errorText, ExitCode, failureLine, UsageError } from './io.js';
import { readProfileFile } from './profiles.js';

/** Options of {@link validateCommand} (what the command line gives, already parsed). */
export interface ValidateCommandOptions {
  /** Output format. */
  format: 'json' | 'text' | 'html';
  /** Write the report to this file instead of stdout (required in practice for `html`). */
  out?: string | undefined;
  /**
   * A guide profile, a map of them by UNH type, or the path of a profile JSON file
   * (`--profile p.json`: a whole profile or `{ "extends": "<shipped id>", …patch }`).
   */
  profile?: GuideProfile | ProfileMap | string | undefined;
  /** CONTRL detail (`--detail message|segment`); default interchange (UCI only). */
  detail?: ContrlDetail | undefined;
  /** Our VIR number (`--own-vir V`): the UNB recipient must be it (syntax error 7). */
  ownVir?: string | undefined;
  /** Known interchange senders (syntax error 23 for others). */
  knownSenders?: Iterable<string> | undefined;
  /** Clock for CONTRL/12'er dates and references (tests pass a fixed one). */
  now?: (() => Date) | undefined;
  /**
   * The input's path as given (`-` for standard input). With a file path the file is read by
   * `validateFile` (and `source` is not read); with `-` or none, `source` is.
   */
  path?: string | undefined;
  /**
   * Worker threads (`--workers N`, a positive integer, or the command line's text of one; default 1). More than one splits a file
   * of at least 32 MiB by message across threads; the report is the same. Standard input is
   * always validated on one thread (a note says so on stderr).
   */
  workers?: number | string | undefined;
  /** With `workers`, files smaller than this are validated on one thread (`validateFile`'s option; default 32 MiB). */
  minParallelBytes?: number | undefined;
  /** With `workers`, bytes per range handed to a thread (`validateFile`'s option; default from 4 MiB down to 512 KiB). */
  chunkBytes?: number | undefined;
}

/** Where the command writes. */
export interface ValidateCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, text: string): void | Promise<void>;
}

const DETAILS: readonly string[] = ['interchange', 'message', 'segment'];


/** `--workers` as given (the command line's text, or a program's number): a positive integer, else a usage error quoting it. */
function workerCount(given: number | string | undefined): number {
  if (given === undefined) return 1;
  const n = typeof given === 'string' ? (/^[1-9][0-9]*$/.test(given) ? Number(given) : Number.NaN) : given;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new UsageError(`--workers must be a positive integer, not ${JSON.stringify(String(given))}`);
  return n;
}

/** How `validateFile` cuts the file, when the caller says. */
function splitting(options: ValidateCommandOptions): Pick<ValidateFileOptions, 'minParallelBytes' | 'chunkBytes'> {
  return {
    ...(options.minParallelBytes !== undefined ? { minParallelBytes: options.minParallelBytes } : {}),
    ...(options.chunkBytes !== undefined ? { chunkBytes: options.chunkBytes } : {}),
  };
}

function toValidateOptions(options: ValidateCommandOptions): ValidateOptions {
  if (!['json', 'text', 'html'].includes(options.format)) throw new UsageError(`unknown format ${JSON.stringify(options.format)} (json, text or html)`);
  // An empty value (a script's unset variable) would reject every interchange as not ours, or fail only after the whole input.
  for (const [flag, value] of [['--own-vir', options.ownVir], ['--out', options.out]] as const) {
    if (value === '') throw new UsageError(`${flag} needs a value, got ""`);
  }
  // `-` is standard input for the input; for --out it would be a file of that name in the working directory.
  if (options.out === '-') throw new UsageError('--out - is not standard output: leave --out out for that, or write ./- for a file named "-"');
  if (options.detail !== undefined && !DETAILS.includes(options.detail)) throw new UsageError(`unknown --detail ${JSON.stringify(options.detail)} (interchange, message or segment)`);
  const profile = typeof options.profile === 'string' ? readProfileFile(options.profile) : options.profile;
  return {
    ...(profile !== undefined ? { profile } : {}),
    ...(options.detail !== undefined ? { detail: options.detail } : {}),
    ...(options.ownVir !== undefined ? { ownVir: options.ownVir } : {}),
    ...(options.knownSenders !== undefined ? { knownSenders: options.knownSenders } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    captureSegments: options.format !== 'json',
  };
}

/**
 * Validates `source` (or the file at `options.path`) and writes the report. JSON is streamed:
 * each interchange's `messages` items are written as they complete, then its other keys, one
 * object per line.
 * @returns the exit code (0, 1 or 2)
 */
export async function validateCommand(source: AsyncIterable<Uint8Array>, options: ValidateCommandOptions, io: ValidateCommandIo): Promise<number> {
  let validateOptions: ValidateOptions;
  let workers: number;
  try {
    validateOptions = toValidateOptions(options);
    workers = workerCount(options.workers);
  } catch (err) {
    io.stderr(failureLine('validate', err));
    return ExitCode.usage;
  }
  const toFile = options.out !== undefined;
  const fileParts: string[] = [];
  const stdout = batchedOutput((text) => io.stdout(text));
  const write = toFile ? (text: string): void => void fileParts.push(text) : stdout.write;
  const html = options.format === 'html' ? new HtmlReport() : null;
  const fromFile = options.path !== undefined && options.path !== '-';
  if (!fromFile && workers > 1) io.stderr(commandLine('validate', `--workers ${workers} needs a file; validating standard input on one thread`));
  let clean = true;
  let first = true;
  try {
    const batches: AsyncIterable<ValidationEvent[]> = fromFile ? validateFileBatches(options.path!, { ...validateOptions, workers, ...splitting(options) }) : validateStreamBatches(source, validateOptions);
    for await (const batch of batches) for (const ev of batch) {
      if (ev.type === 'interchange-start') {
        first = true;
        if (options.format === 'json') write('{"messages":[');
        else if (options.format === 'text') write(formatTextInterchangeStart(ev.position, ev.header));
        else html!.start(ev.position, ev.header);
      } else if (ev.type === 'message') {
        if (ev.message.status !== 'accepted') clean = false;
        if (options.format === 'json') write(`${first ? '' : ','}${JSON.stringify(messageToJson(ev.message))}`);
        else if (options.format === 'text') write(formatTextMessage(ev.message));
        else html!.message(ev.message);
        first = false;
      } else {
        if (!ev.outcome.accepted) clean = false;
        if (options.format === 'json') write(`${interchangeTailJson(ev.outcome)}\n`);
        else if (options.format === 'text') write(formatTextInterchangeEnd(ev.outcome));
        else html!.end(ev.outcome);
      }
    }
  } catch (err) {
    stdout.flush();
    io.stderr(failureLine('validate', err));
    return ExitCode.usage;
  }
  if (html) write(html.toString());
  stdout.flush();
  if (toFile) {
    try {
      await io.writeFile(options.out!, fileParts.join(''));
    } catch (err) {
      io.stderr(commandLine('validate', `cannot write ${options.out}: ${errorText(err)}`));
      return ExitCode.usage;
    }
    io.stderr(commandLine('validate', `${clean ? 'accepted' : 'rejected or with errors'}; report written to ${options.out}`));
  }
  return clean ? ExitCode.ok : ExitCode.inputErrors;
}
