#!/usr/bin/env node
// Run after `npm install` changes package-lock.json. The registry this project installs from is
// a mirror without some platform-specific optional packages (e.g. rollup's Android and Windows
// builds); npm then writes a lock that names them as optional dependencies without entries of
// their own, and `npm ci` refuses it ("Missing: … from lock file"). Dropping the references that
// have no entry leaves a lock `npm ci` accepts; the packages could not be installed here anyway.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let removed = 0;
for (const entry of Object.values(lock.packages ?? {})) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies[name];
      removed++;
    }
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lock: dropped ${removed} optional dependenc${removed === 1 ? 'y' : 'ies'} the registry does not have`);
