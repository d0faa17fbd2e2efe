import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Every ```ts block in README.md and docs/*.md that imports from 'fp-edifact' is run against the
 * source, so documentation examples cannot drift. Examples assert with node:assert.
 */
const root = resolve(__dirname, '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const entry = JSON.stringify(join(root, 'src/index.ts'));
const dir = mkdtempSync(join(tmpdir(), 'fp-edifact-doc-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const examples = documents.flatMap((doc) => {
  let text: string;
  try {
    text = readFileSync(join(root, doc), 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m, i) => ({ doc, index: i + 1, code: m[1] as string }))
    .filter((b) => b.code.includes("from 'fp-edifact'"));
});

describe('documentation examples run', () => {
  it('finds examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  for (const example of examples) {
    it(`${example.doc} example ${example.index}`, async () => {
      const file = join(dir, `${example.doc.replace(/[/.]/g, '_')}_${example.index}.ts`);
      const code = example.code.replace(/from 'fp-edifact'/g, `from ${entry}`).replaceAll("'fixtures/", `'${root}/fixtures/`);
      writeFileSync(file, code);
      await import(file);
    });
  }
});
