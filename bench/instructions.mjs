#!/usr/bin/env node
// Instructions each contender executes, counted by valgrind's cachegrind: a figure this noisy
// VM hardly disturbs (wall and CPU time of identical runs vary by ±25 %, instruction counts by
// about ±1.5 %), for A/B checks of changes too small for the timed bench to tell apart. It is
// not a speed measurement — cache misses and waiting cost time without instructions — so a
// change is kept on its timed figures too, or on both agreeing in direction.
//
//   npm run build && node bench/instructions.mjs [--size-mib 20] [--seed 1]
//                                               [--contenders edifact,fp-edifact-tokenize]
//
// Per contender: instructions for the generated file, for a 50 KiB one (start-up, module
// loading, first compilation), the difference per MiB and per segment, and the ratio of
// differences against npm `edifact`. Runs two valgrinds at a time (counts do not depend on
// it). Needs valgrind (Debian: apt-get install valgrind); each run is ~40× slower than native.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    'size-mib': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    contenders: { type: 'string', default: 'edifact,fp-edifact-tokenize' },
  },
});
const sizeMiB = Number(values['size-mib']);
const seed = Number(values.seed);
const contenders = values.contenders.split(',').filter(Boolean);
for (const c of contenders) {
  if (!fs.existsSync(path.join(BENCH, 'contenders', `${c}.mjs`))) throw new Error(`no such contender: ${c}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-edifact-instructions-'));
const big = generate({ sizeMiB, seed, out: path.join(dir, 'big.edi') });
const small = generate({ sizeMiB: 0.05, seed, out: path.join(dir, 'small.edi') });

/** Instructions of one contender run under cachegrind. */
function count(contender, file) {
  const args = ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
  args.push(process.execPath, path.join(BENCH, 'contenders', `${contender}.mjs`), file);
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new Error(`valgrind: ${e.message} (Debian: apt-get install valgrind)`)));
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`${contender} under valgrind failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(Number(m[1].replaceAll(',', '')));
    });
  });
}

/** Runs the jobs two at a time, in order of submission. */
async function pooled(jobs, width = 2) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

try {
  console.log(`cachegrind instruction counts, ${sizeMiB} MiB (${big.segments.toLocaleString('en-US')} segments) against 50 KiB, seed ${seed}`);
  const jobs = contenders.flatMap((c) => [() => count(c, path.join(dir, 'big.edi')), () => count(c, path.join(dir, 'small.edi'))]);
  const counts = await pooled(jobs);
  const rows = contenders.map((c, i) => {
    const work = counts[2 * i] - counts[2 * i + 1];
    return { c, total: counts[2 * i], startup: counts[2 * i + 1], work };
  });
  const ref = rows.find((r) => r.c === 'edifact');
  const mib = (big.bytes - small.bytes) / (1024 * 1024);
  const segments = big.segments - small.segments;
  for (const r of rows) {
    const ratio = ref ? `${(ref.work / r.work).toFixed(2)}× edifact` : '';
    console.log(
      `${r.c.padEnd(30)} total ${(r.total / 1e9).toFixed(2)} G, start-up ${(r.startup / 1e9).toFixed(2)} G, ` +
        `${(r.work / mib / 1e6).toFixed(0)} M/MiB, ${Math.round(r.work / segments)} per segment  ${ratio}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
