import { type EdifactJson, fromEdifactJson, toEdifactJson } from '../envelope/json.js';
import { EdifactSyntaxError } from '../syntax/errors.js';
import { type CommandIo, errorText, ExitCode, UsageError } from './io.js';
import { formatError } from './inspect.js';

/** `to-json`: lossless JSON of every interchange; syntax errors to stderr and exit 1. */
export function toJsonCommand(input: Buffer, io: CommandIo): number {
  const { json, errors } = toEdifactJson(input);
  io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  for (const e of errors) io.stderr(`${formatError(e)}\n`);
  return errors.length ? ExitCode.inputErrors : ExitCode.ok;
}

/** `from-json`: the JSON of `to-json` back to EDIFACT bytes. */
export function fromJsonCommand(input: Buffer, io: CommandIo): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.toString('utf8'));
  } catch (err) {
    throw new UsageError(`input is not JSON: ${errorText(err)}`);
  }
  try {
    io.stdout(fromEdifactJson(parsed as EdifactJson));
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof EdifactSyntaxError)) throw err;
    io.stderr(`${formatError(err)}\n`);
    return ExitCode.inputErrors;
  }
}
