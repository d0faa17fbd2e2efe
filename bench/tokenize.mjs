#!/usr/bin/env node
// Tokenizer throughput and peak RSS for a generated file of a given size, fp-edifact alone:
//   node bench/tokenize.mjs --size-mib 50 [--reps 3]
// (The side-by-side comparison with the other libraries is `npm run bench`.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'size-mib': { type: 'string', default: '50' }, reps: { type: 'string', default: '3' } } });
const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
const result = spawnSync(process.execPath, [runner, '--sizes', values['size-mib'], '--reps', values.reps, '--contenders', 'fp-edifact-tokenize'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
