import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it, vi } from 'vitest';

it('the patchProfile example in docs/profiles.md runs against the schema layer', async () => {
  const md = readFileSync(resolve(__dirname, '../../docs/profiles.md'), 'utf8');
  const blocks = [...md.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const example = blocks.find((b) => b.includes('patchProfile('));
  expect(example).toBeDefined();
  const src = resolve(__dirname, '../../src/schema/index.ts');
  const code = example!.replace(/from 'fp-edifact'/g, `from ${JSON.stringify(src)}`);
  const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-docs-'));
  const file = join(dir, 'example.ts');
  writeFileSync(file, code);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await import(file);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\d+ values are still assumptions$/));
  } finally {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});
