import { type EdifactJson, fromEdifactJson, writeEdifactJson } from '../envelope/json.js';
import { EdifactSyntaxError } from '../syntax/errors.js';
import { notJson } from '../messages/cli-commands.js';
import { batchedOutput, commandLine, type CommandIo, ExitCode, UsageError } from './io.js';
import { formatError } from './inspect.js';

/** `to-json`: lossless JSON of every interchange, written as it is read; syntax errors to stderr and exit 1. */
export function toJsonCommand(input: Buffer, io: CommandIo): number {
  const out = batchedOutput(io.stdout);
  const errors = writeEdifactJson(input, out.write);
  out.write('\n');
  out.flush();
  for (const e of errors) io.stderr(commandLine('to-json', formatError(e)));
  return errors.length ? ExitCode.inputErrors : ExitCode.ok;
}

/** `from-json`: the JSON of `to-json` back to EDIFACT bytes. */
export function fromJsonCommand(input: Buffer, io: CommandIo): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.toString('utf8'));
  } catch (err) {
    throw new UsageError(notJson(err));
  }
  try {
    io.stdout(fromEdifactJson(parsed as EdifactJson));
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof EdifactSyntaxError)) throw err;
    io.stderr(commandLine('from-json', formatError(err)));
    return ExitCode.inputErrors;
  }
}
