import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process and captures its output. */
export async function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stdoutBytes: Buffer; stderr: string }> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => out.push(typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t)),
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => Buffer.from(stdin, 'latin1'),
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}
