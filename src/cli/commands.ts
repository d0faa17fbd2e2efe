import { writeFileSync } from 'node:fs';
import { auditCommand } from './audit.js';
import { validateCommand } from './validate.js';
import { type CommandIo, errorText, ExitCode, readInput, streamInput, UsageError } from './io.js';
import { inspectCommand } from './inspect.js';
import { fromJsonCommand, toJsonCommand } from './json-commands.js';
import { runDecode, runEncode, runProfile } from './message-commands.js';
import { kindNamer, resolveProfiles } from './profiles.js';
import { packageVersion } from './version.js';

/** Parsed command line: positionals and named options. */
export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** One CLI command, described as data so `--help` and dispatch read the same table. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  /** How many positional arguments (inputs) it takes; `main` refuses more (a missing one is the command's to say). */
  inputs: 'none' | 'one' | 'many';
  run(args: CommandArgs, io: CommandIo): Promise<number>;
}

const profileOption = { profile: { type: 'string' } } as const;
const profilePath = (args: CommandArgs): string | undefined => args.values.profile as string | undefined;

export const baseCommands: Command[] = [
  {
    name: 'inspect',
    usage: 'inspect <file|-> [--profile p.json]',
    summary: 'syntax, sender, recipient, reference, message count, per-message type and BGM code, errors with positions',
    options: { ...profileOption },
    inputs: 'one',
    run: (args, io) => inspectCommand(streamInput(args.positionals[0]), io, kindNamer(resolveProfiles(profilePath(args)))),
  },
  {
    name: 'to-json',
    usage: 'to-json <file|->',
    summary: 'lossless JSON of every interchange',
    options: {},
    inputs: 'one',
    run: async (args, io) => toJsonCommand(await readInput(args.positionals[0], io), io),
  },
  {
    name: 'from-json',
    usage: 'from-json <file.json|->',
    summary: 'JSON from to-json back to EDIFACT (byte-identical for canonical files)',
    options: {},
    inputs: 'one',
    run: async (args, io) => fromJsonCommand(await readInput(args.positionals[0], io), io),
  },
  {
    name: 'decode',
    usage: 'decode <file|-> [--profile p.json]',
    summary: 'typed messages (opsigelser, panthaver) as JSON',
    options: { ...profileOption },
    inputs: 'one',
    run: async (args, io) => runDecode(await readInput(args.positionals[0], io), resolveProfiles(profilePath(args)), io),
  },
  {
    name: 'encode',
    usage: 'encode <file.json|-> [--profile p.json] [--single-line]',
    summary: 'typed JSON ({ interchange, messages }) to EDIFACT, one segment per line unless --single-line',
    options: { ...profileOption, 'single-line': { type: 'boolean' } },
    inputs: 'one',
    run: async (args, io) => runEncode(await readInput(args.positionals[0], io), resolveProfiles(profilePath(args)), io, args.values['single-line'] !== true),
  },
  {
    name: 'profile',
    usage: 'profile [--assumptions] [--json] [--id ID] [--profile p.json]',
    summary: 'print a guide profile, or every value in it that is our assumption, with its source note',
    options: { ...profileOption, assumptions: { type: 'boolean' }, json: { type: 'boolean' }, id: { type: 'string' } },
    inputs: 'none',
    run: async (args, io) =>
      runProfile(resolveProfiles(profilePath(args)), io, {
        assumptions: args.values.assumptions === true,
        json: args.values.json === true,
        ...(typeof args.values.id === 'string' ? { id: args.values.id } : {}),
      }),
  },
  {
    name: 'audit',
    usage: 'audit <files…> --today YYYY-MM-DD [--json] [--profile p.json]',
    summary: 'replay every case in the files: state, rule violations, what is due on --today',
    options: { ...profileOption, today: { type: 'string' }, json: { type: 'boolean' } },
    inputs: 'many',
    run: async (args, io) => {
      const today = args.values.today;
      if (typeof today !== 'string') throw new UsageError('needs --today YYYY-MM-DD');
      if (args.positionals.length === 0) throw new UsageError('needs at least one file (or - for standard input)');
      const files = await Promise.all(args.positionals.map(async (name) => ({ name, bytes: new Uint8Array(await readInput(name, io)) })));
      let result: { output: string; exitCode: number };
      try {
        result = auditCommand(files, { today, json: args.values.json === true, profiles: resolveProfiles(profilePath(args)) });
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(errorText(err));
        throw err;
      }
      io.stdout(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
      return result.exitCode;
    },
  },
  {
    name: 'validate',
    usage: 'validate <file|-> [--json | --format text|json|html] [--out report.html] [--profile p.json] [--detail interchange|message|segment] [--own-vir V] [--workers N]',
    summary: "CONTRL for the interchange and a 12'er per content error; JSON contract in docs/cli.md",
    options: {
      ...profileOption,
      json: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      detail: { type: 'string' },
      'own-vir': { type: 'string' },
      workers: { type: 'string' },
    },
    inputs: 'one',
    run: async (args, io) => {
      // validateCommand checks --format, --detail and --workers itself (exit 2 for anything else).
      const format = args.values.json === true ? 'json' : ((args.values.format as 'json' | 'text' | 'html' | undefined) ?? 'text');
      const detail = args.values.detail as 'interchange' | 'message' | 'segment' | undefined;
      return validateCommand(
        streamInput(args.positionals[0]),
        {
          format,
          ...(typeof args.values.out === 'string' ? { out: args.values.out } : {}),
          ...(profilePath(args) !== undefined ? { profile: profilePath(args) } : {}),
          ...(detail !== undefined ? { detail } : {}),
          ...(typeof args.values['own-vir'] === 'string' ? { ownVir: args.values['own-vir'] } : {}),
          ...(args.positionals[0] !== undefined ? { path: args.positionals[0] } : {}),
          // validateCommand reads the number itself (a positive integer, else exit 2 quoting the text).
          ...(typeof args.values.workers === 'string' ? { workers: args.values.workers } : {}),
        },
        { stdout: (t) => io.stdout(t), stderr: (t) => io.stderr(t), writeFile: (path, text) => writeFileSync(path, text) },
      );
    },
  },
  {
    name: 'version',
    usage: 'version',
    summary: 'print the version of fp-edifact',
    options: {},
    inputs: 'none',
    run: async (_args, io) => {
      io.stdout(`${packageVersion()}\n`);
      return ExitCode.ok;
    },
  },
];
