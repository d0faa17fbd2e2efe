import { type CommandIo, readInput, streamInput } from './io.js';
import { inspectCommand } from './inspect.js';
import { fromJsonCommand, toJsonCommand } from './json-commands.js';

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
  run(args: CommandArgs, io: CommandIo): Promise<number>;
}

/** BGM code → kind name, when a command has no profile at hand. */
export type KindDescriber = (messageType: string, documentCode: string) => string | null;

export const noKindNames: KindDescriber = () => null;

export const baseCommands: Command[] = [
  {
    name: 'inspect',
    usage: 'inspect <file|->',
    summary: 'syntax, sender, recipient, reference, message count, per-message type and BGM code, errors with positions',
    options: {},
    run: (args, io) => inspectCommand(streamInput(args.positionals[0]), io, noKindNames),
  },
  {
    name: 'to-json',
    usage: 'to-json <file|->',
    summary: 'lossless JSON of every interchange',
    options: {},
    run: async (args, io) => toJsonCommand(await readInput(args.positionals[0], io), io),
  },
  {
    name: 'from-json',
    usage: 'from-json <file.json|->',
    summary: 'JSON from to-json back to EDIFACT (byte-identical for canonical files)',
    options: {},
    run: async (args, io) => fromJsonCommand(await readInput(args.positionals[0], io), io),
  },
];
