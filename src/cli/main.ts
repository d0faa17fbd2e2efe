import { parseArgs } from 'node:util';
import { baseCommands, type Command, type CommandArgs } from './commands.js';
import { type CommandIo, ExitCode, UsageError } from './io.js';

const commands: Command[] = [...baseCommands];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'usage: fp-edifact <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 ok, 1 the input has errors, 2 usage or I/O error',
  ].join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${help()}\n`);
    return name ? ExitCode.ok : ExitCode.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`fp-edifact: unknown command ${JSON.stringify(name)}\n${help()}\n`);
    return ExitCode.usage;
  }
  try {
    const { positionals, values } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals, values: values as CommandArgs["values"] }, io);
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`fp-edifact ${command.name}: ${(err as Error).message}\n`);
    if (!usage) io.stderr(`${(err as Error).stack ?? ''}\n`);
    return ExitCode.usage;
  }
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
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

// Run when executed as the bin (the bundle is CommonJS; `require.main` is this module then).
if (typeof require !== 'undefined' && require.main === module) {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  runCli(process.argv.slice(2), realIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`fp-edifact: ${(err as Error).stack}\n`);
      process.exitCode = ExitCode.usage;
    },
  );
}
