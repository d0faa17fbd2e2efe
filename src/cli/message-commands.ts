import { encodeCommand } from '../messages/cli-commands.js';
import { writeDecodeJson } from '../messages/decode-json.js';
import { listAssumptions } from '../schema/patch.js';
import type { GuideProfile } from '../schema/profile.js';
import { batchedOutput, commandLine, type CommandIo, ExitCode, UsageError } from './io.js';

/** `decode`: typed messages of every interchange as JSON, written as they are decoded. */
export async function runDecode(input: Buffer, profiles: GuideProfile[], io: CommandIo): Promise<number> {
  const out = batchedOutput(io.stdout);
  const exitCode = await writeDecodeJson(input, profiles, out.write);
  out.write('\n');
  out.flush();
  return exitCode;
}

/** `encode`: typed JSON to EDIFACT bytes in the interchange's charset. */
export function runEncode(input: Buffer, profiles: GuideProfile[], io: CommandIo, newline: boolean): number {
  const result = encodeCommand(input.toString('utf8'), profiles, { newline: newline ? '\n' : '' });
  // Input that is not JSON at all: a usage error, in the one line from-json gives it.
  if (result.exitCode === ExitCode.usage) throw new UsageError(result.errors.map((e) => e.reason).join('; '));
  if (result.output.length > 0) io.stdout(result.output);
  for (const e of result.errors) io.stderr(commandLine('encode', `${e.message === null ? '' : `message ${e.message}: `}${e.path === '' ? '' : `${e.path}: `}${e.reason}`));
  return result.exitCode;
}

/** `profile`: a profile as JSON, or with `--assumptions` every assumed value with its source note. */
export function runProfile(profiles: GuideProfile[], io: CommandIo, options: { assumptions: boolean; json: boolean; id?: string }): number {
  const chosen = options.id !== undefined ? profiles.filter((p) => p.id === options.id) : profiles;
  if (chosen.length === 0) throw new UsageError(`no profile with id ${JSON.stringify(options.id)}; known: ${profiles.map((p) => p.id).join(', ')}`);
  if (!options.assumptions) {
    io.stdout(`${JSON.stringify(chosen.length === 1 ? chosen[0] : chosen, null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = chosen.flatMap((p) => listAssumptions(p).map((a) => ({ profile: p.id, ...a })));
  if (options.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const p of chosen) {
    const own = rows.filter((r) => r.profile === p.id);
    io.stdout(`${p.id}: ${own.length} assumed value(s)\n`);
    for (const r of own) io.stdout(`  ${r.path} = ${JSON.stringify(r.value)}  — ${r.source}\n`);
  }
  return ExitCode.ok;
}
