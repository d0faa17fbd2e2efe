/**
 * The package as a consumer gets it, without the network: the files `npm pack` would put in the
 * tarball, copied into `<dir>/node_modules/fp-edifact` the way `npm install <tarball>` lays them
 * out, the dependencies linked from this repository's node_modules and the `bin` linked into
 * `node_modules/.bin` (made executable, as npm does). Needs `npm run build` first (`npm test`
 * builds).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const repo = resolve(__dirname, '..');

interface PackageJson {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string | Record<string, string>>>;
  files: string[];
  engines: { node: string };
}

export const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as PackageJson;

/** The paths `npm pack` puts in the tarball (relative, `/`-separated), with their sizes. */
export function packedFiles(): Array<{ path: string; size: number }> {
  if (!existsSync(join(repo, 'dist/index.js'))) throw new Error('build the package first (npm run build)');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [pack] = JSON.parse(out) as Array<{ files: Array<{ path: string; size: number }> }>;
  return pack!.files;
}

export interface Installed {
  /** The consumer's project directory (holds node_modules/). */
  project: string;
  /** node_modules/fp-edifact */
  packageDir: string;
  /** node_modules/.bin/<name> for each `bin` entry. */
  bins: Record<string, string>;
}

/** Installs the packed files into a new project directory (an ES module project unless `type` says otherwise). */
export function installPacked(files: ReadonlyArray<{ path: string }>, type: 'module' | 'commonjs' = 'module'): Installed {
  const project = mkdtempSync(join(tmpdir(), 'fp-edifact-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
  const modules = join(project, 'node_modules');
  const packageDir = join(modules, manifest.name);
  for (const { path } of files) {
    mkdirSync(dirname(join(packageDir, path)), { recursive: true });
    copyFileSync(join(repo, path), join(packageDir, path));
  }
  for (const dep of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]) {
    symlinkSync(join(repo, 'node_modules', dep), join(modules, dep), 'dir');
  }
  const bins: Record<string, string> = {};
  mkdirSync(join(modules, '.bin'));
  for (const [name, target] of Object.entries(manifest.bin)) {
    chmodSync(join(packageDir, target), 0o755);
    bins[name] = join(modules, '.bin', name);
    symlinkSync(join('..', manifest.name, target), bins[name]!);
  }
  return { project, packageDir, bins };
}
