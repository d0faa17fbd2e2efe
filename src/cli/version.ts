/**
 * `fp-edifact --version`: the version in the package's own package.json, read when the command
 * runs — from dist/ of the installed package or src/cli/ of the repository alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'fp-edifact';

/** The directory of this module (the bin is CommonJS; the sources run as ES modules in the tests). */
function moduleDir(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/**
 * The `version` of the nearest package.json named fp-edifact above this module: the package's
 * own, never a consumer's (whose package.json is further up, past node_modules/fp-edifact).
 * @throws Error naming where it looked when there is none
 */
export function packageVersion(from: string = moduleDir()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${from}`);
  }
}
