import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, manifest, packedFiles, repo, type Installed } from './package-install.js';

/** The built package as users get it: ESM and CJS through the exports map, and the testing entry. */
const node = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });

describe('the built package', () => {
  it('imports as ESM by its name', () => {
    const out = node(['--input-type=module', '-e', "import { parse, getProfile } from 'fp-edifact'; console.log(parse(\"BGM+9'\").segments[0].tag, getProfile('fp-opsigelser/5.5-reconstructed').id);"]);
    expect(out.trim()).toBe('BGM fp-opsigelser/5.5-reconstructed');
  });

  it('requires as CommonJS by its name', () => {
    const out = node(['-e', "const { serialize } = require('fp-edifact'); console.log(serialize([{ tag: 'BGM', elements: [['9']] }]));"]);
    expect(out.trim()).toBe("BGM+9'");
  });

  it('exposes fp-edifact/testing with arbitraries', () => {
    const out = node(['--input-type=module', '-e', "import fc from 'fast-check'; import { arbOpsigelse } from 'fp-edifact/testing'; const [m] = fc.sample(arbOpsigelse('cancellation'), 1); console.log(m.kind);"]);
    expect(out.trim()).toBe('cancellation');
  });
});

const files = packedFiles();
const paths = files.map((f) => f.path);

describe('what npm pack ships', () => {
  it('is the build, the README, the licence and the guides: no sources, tests, fixtures, benchmarks or internal notes', () => {
    expect(paths.filter((p) => !/^(dist\/[^/]+|docs\/[^/]+\.(md|svg)|README\.md|LICENSE|package\.json)$/.test(p))).toEqual([]);
    for (const p of ['README.md', 'LICENSE', 'package.json', 'docs/cli.md', 'docs/reading-and-writing.md']) expect(paths).toContain(p);
  });

  it('ships the MIT licence text that package.json names', () => {
    expect(manifest.license).toBe('MIT');
    const text = readFileSync(join(repo, 'LICENSE'), 'utf8');
    expect(text.split('\n')[0]).toBe('MIT License');
    expect(text).toContain('Copyright (c) 2026 the fp-edifact contributors');
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('has every file the manifest names, both worker scripts, and typings for import and require of every entry', () => {
    const targets = [manifest.bin, manifest.exports].flatMap(function strings(v: unknown): string[] {
      return typeof v === 'string' ? [v] : Object.values(v as object).flatMap(strings);
    });
    for (const t of [...targets, 'dist/validate-worker.js', 'dist/validate-worker.cjs']) expect(paths).toContain(posix.normalize(t));
    for (const [entry, conditions] of Object.entries(manifest.exports)) {
      if (entry === './package.json') continue;
      const c = conditions as Record<string, Record<string, string>>;
      expect(Object.keys(c)).toEqual(['import', 'require']);
      // `types` first: TypeScript takes the first condition that matches.
      expect(Object.keys(c.import!)[0]).toBe('types');
      expect(c.import!.types).toMatch(/\.d\.ts$/);
      expect(Object.keys(c.require!)[0]).toBe('types');
      expect(c.require!.types).toMatch(/\.d\.cts$/);
    }
    expect(manifest.engines.node).toBe('>=20');
  });

  it('sends no reader to the project notes research-notes.md, which are not in the package (nor in the repository: spec/ holds the tests)', () => {
    const pointing = paths.filter((p) => /research-notes|\bspec\/[\w-]+\.md\b/.test(readFileSync(join(repo, p), 'utf8')));
    expect(pointing).toEqual([]);
  });

  it('resolves every relative import of its JavaScript and typings to a shipped file', () => {
    const unresolved: string[] = [];
    for (const p of paths.filter((q) => /^dist\/.*\.(js|cjs|d\.ts|d\.cts)$/.test(q))) {
      const text = readFileSync(join(repo, p), 'utf8');
      for (const m of text.matchAll(/(?:from\s*|import\s*\(?\s*|require\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = posix.join(posix.dirname(p), m[1]!);
        const typed = p.endsWith('.d.ts') || p.endsWith('.d.cts') ? target.replace(/\.js$/, '.d.ts').replace(/\.cjs$/, '.d.cts') : target;
        if (!paths.includes(typed)) unresolved.push(`${p} -> ${m[1]}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});

describe('its dependencies', () => {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  };

  it('takes any compatible version of a runtime dependency (a caret range), so a consumer can share its own copy', () => {
    expect(Object.keys(manifest.dependencies).length).toBeGreaterThan(0);
    for (const [name, range] of Object.entries(manifest.dependencies)) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  it('needs every runtime dependency it declares: each is imported by the built code', () => {
    const built = readdirSync(join(repo, 'dist'))
      .filter((file) => /\.(c?js)$/.test(file))
      .map((file) => readFileSync(join(repo, 'dist', file), 'utf8'))
      .join('\n');
    for (const name of Object.keys(manifest.dependencies)) {
      expect(built.includes(`from "${name}"`) || built.includes(`require("${name}")`), name).toBe(true);
    }
  });

  it('pins its development tools exactly (tsup 8 and vitest 4 are the last to run on Node 20)', () => {
    for (const [name, version] of Object.entries(manifest.devDependencies)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has a lock that agrees with package.json and installs the lowest version of each range', () => {
    expect(lock.packages['']!.dependencies).toEqual(manifest.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(manifest.devDependencies);
    for (const [name, range] of Object.entries(manifest.dependencies)) expect(lock.packages[`node_modules/${name}`]!.version, name).toBe(range.slice(1));
  });
});

/** A batch of `count` copies of batch-mixed.edi, each with its own reference, `pad` blanks after each. */
function batch(count: number, pad = 0): string {
  const base = readFileSync(join(repo, 'fixtures/batch-mixed.edi'), 'latin1');
  return Array.from({ length: count }, (_, i) => base.replaceAll('20241210220000', String(20241210220000 + i)) + ' '.repeat(pad)).join('');
}

/** Runs a consumer's script in its project; returns stdout, stderr and the exit code. */
function consumer(project: string, file: string, code: string, args: string[] = []): { stdout: string; stderr: string; status: number | null } {
  writeFileSync(join(project, file), code);
  const r = spawnSync(process.execPath, [file, ...args], { cwd: project, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** validateFile's events as JSON lines, on one thread and on two, from a consumer's ESM or CommonJS script. */
const validateFileScript = (load: string) => `${load}
(async () => {
  const events = async (workers) => {
    const out = [];
    for await (const ev of validateFile(process.argv[2], { workers, minParallelBytes: 1, chunkBytes: 4096, now: () => new Date('2024-12-11T08:00:00Z') })) out.push(JSON.stringify(ev));
    return out;
  };
  const one = await events(1);
  const two = await events(2);
  console.log(JSON.stringify({ messages: one.filter((e) => e.startsWith('{"type":"message"')).length, same: JSON.stringify(one) === JSON.stringify(two) }));
})().catch((e) => { console.error(e.message); process.exit(3); });
`;
const ESM_LOAD = "import { validateFile } from 'fp-edifact';";
const CJS_LOAD = "const { validateFile } = require('fp-edifact');";

describe('installed from the packed files', () => {
  let installed: Installed;
  let input: string;

  beforeAll(() => {
    installed = installPacked(files);
    input = join(installed.project, 'batch.edi');
    writeFileSync(input, batch(12), 'latin1');
  });
  afterAll(() => rmSync(installed.project, { recursive: true, force: true }));

  it.each([['ESM', 'esm.mjs', ESM_LOAD], ['CommonJS', 'cjs.cjs', CJS_LOAD]])('validateFile on worker threads finds its worker script from %s', (_, file, load) => {
    const r = consumer(installed.project, file, validateFileScript(load), [input]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ messages: 84, same: true });
  });

  /** An error the testing entry's code throws (encoding a panthaver interchange with the opsigelser profile), checked against the main entry's classes. */
  // A profile whose reference qualifiers UNOC cannot carry: the interchange the arbitrary writes is refused by the
  // testing entry's serialize (syntax error 21). (Options that contradict each other are refused when the arbitrary
  // is made, with a TypeError, a class of no entry.)
  const sameClasses = (load: string) => `${load}
const p = getProfile('fp-panthaver/5.2-reconstructed');
const omega = { ...p, qualifiers: { ...p.qualifiers, RFF: Object.fromEntries(Object.entries(p.qualifiers.RFF).map(([k, v]) => [k, { ...v, value: 'Ω' }])) } };
let thrown;
try {
  fc.sample(arbInterchangeText({ profile: omega }), 1);
} catch (e) {
  thrown = e;
}
console.log(JSON.stringify({ name: thrown?.name, mainClass: thrown instanceof EdifactSyntaxError, mainError: thrown instanceof Error }));
`;

  it.each([
    ['ESM', 'same.mjs', "import fc from 'fast-check'; import { EdifactSyntaxError, getProfile } from 'fp-edifact'; import { arbInterchangeText } from 'fp-edifact/testing';"],
    ['CommonJS', 'same.cjs', "const fc = require('fast-check'); const { EdifactSyntaxError, getProfile } = require('fp-edifact'); const { arbInterchangeText } = require('fp-edifact/testing');"],
  ])('fp-edifact/testing shares the main entry\'s code in %s: an error it throws is an instance of the main entry\'s class', (_, file, load) => {
    const r = consumer(installed.project, file, sameClasses(load));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ name: 'EdifactSyntaxError', mainClass: true, mainError: true });
  });

  it('defines each class of the library once among the JavaScript files of each format', () => {
    for (const ext of ['.js', '.cjs']) {
      const defining = paths.filter((p) => p.startsWith('dist/') && p.endsWith(ext) && /\b(?:class MessageEncodeError\b|MessageEncodeError = class\b)/.test(readFileSync(join(repo, p), 'utf8')));
      expect(defining, ext).toHaveLength(1);
    }
  });

  it('runs the CLI through node_modules/.bin, validate --workers 2 included', () => {
    const bin = installed.bins['fp-edifact']!;
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const big = join(installed.project, 'big.edi');
    // Over the 32 MiB under which the command stays on one thread; mostly blanks between interchanges, quick to read.
    writeFileSync(big, batch(34, 1024 * 1024), 'latin1');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: installed.project, encoding: 'utf8' });
    const reports = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { accepted: boolean; contrl: string });
    const one = run('validate', big, '--json');
    const two = run('validate', big, '--json', '--workers', '2');
    expect([one.status, one.stderr, two.status, two.stderr]).toEqual([0, '', 0, '']);
    // Only the CONTRL's own reference and date (from the clock) may differ between two runs.
    const withoutContrl = (stdout: string) => reports(stdout).map(({ contrl, ...rest }) => (expect(contrl).toMatch(/UCI\+\d{14}\+11111111:ZZ\+22222222:ZZ\+7'/), rest));
    expect(withoutContrl(two.stdout)).toEqual(withoutContrl(one.stdout));
    expect(reports(one.stdout).length).toBe(34);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: fp-edifact <command>/);
  });

  it('fp-edifact --version prints the version in the installed package.json, read when it runs', () => {
    const bin = installed.bins['fp-edifact']!;
    const file = join(installed.packageDir, 'package.json');
    const original = readFileSync(file, 'utf8');
    const version = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: installed.project, encoding: 'utf8' });
    try {
      expect(version(['--version'])).toMatchObject({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
      // Another version in the installed manifest: what the command prints follows it, so nothing is built in.
      writeFileSync(file, JSON.stringify({ ...JSON.parse(original), version: '7.8.9-installed' }));
      for (const args of [['--version'], ['version']]) expect(version(args)).toMatchObject({ status: 0, stdout: '7.8.9-installed\n', stderr: '' });
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('installed without its worker script', () => {
  let installed: Installed;
  let input: string;
  const marker = (project: string) => join(project, 'decoy-ran');

  beforeAll(() => {
    installed = installPacked(files.filter((f) => !f.path.startsWith('dist/validate-worker.')));
    input = join(installed.project, 'batch.edi');
    writeFileSync(input, batch(12), 'latin1');
    // Scripts of the same name outside the package, where no fp-edifact file belongs.
    const decoys = join(installed.project, 'node_modules/dist');
    mkdirSync(decoys);
    const m = JSON.stringify(marker(installed.project));
    writeFileSync(join(decoys, 'validate-worker.cjs'), `require('fs').writeFileSync(${m}, 'cjs'); throw new Error('decoy');`);
    writeFileSync(join(decoys, 'validate-worker.js'), `import { writeFileSync } from 'node:fs'; writeFileSync(${m}, 'esm'); throw new Error('decoy');`);
  });
  afterAll(() => rmSync(installed.project, { recursive: true, force: true }));

  it.each([['ESM', 'esm.mjs', ESM_LOAD, 'validate-worker.js'], ['CommonJS', 'cjs.cjs', CJS_LOAD, 'validate-worker.cjs']])(
    'validateFile from %s looks for it in the package only, and says where',
    (_, file, load, script) => {
      rmSync(marker(installed.project), { force: true });
      const r = consumer(installed.project, file, validateFileScript(load), [input]);
      expect(existsSync(marker(installed.project))).toBe(false);
      if (availableParallelism() < 2) {
        // One CPU: one thread, no worker script needed.
        expect(r.status).toBe(0);
        return;
      }
      expect(r.status).toBe(3);
      expect(r.stderr.trim()).toBe(
        `fp-edifact: validateFile with workers needs the worker script validate-worker.js/.cjs next to the library (looked for ${join(installed.packageDir, 'dist', script)})`,
      );
    },
  );

  it("fp-edifact validate --workers 2 says so in one line that names fp-edifact once, exit 2", () => {
    const big = join(installed.project, 'big.edi');
    // Over the 32 MiB under which the command stays on one thread; mostly blanks, quick to read.
    writeFileSync(big, batch(34, 1024 * 1024), 'latin1');
    rmSync(marker(installed.project), { force: true });
    const r = spawnSync(process.execPath, [installed.bins['fp-edifact']!, 'validate', big, '--json', '--workers', '2'], { cwd: installed.project, encoding: 'utf8' });
    expect(existsSync(marker(installed.project))).toBe(false);
    if (availableParallelism() < 2) {
      expect(r.status).toBe(0);
      return;
    }
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `fp-edifact validate: validateFile with workers needs the worker script validate-worker.js/.cjs next to the library (looked for ${join(installed.packageDir, 'dist', 'validate-worker.cjs')})\n`,
    );
  });
});
