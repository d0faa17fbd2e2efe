#!/usr/bin/env node
// Instructions each contender executes, counted by valgrind's cachegrind: a figure this noisy
// VM hardly disturbs (wall and CPU time of identical runs vary by ±25 %, instruction counts by
// about ±1.5 %), for A/B checks of changes too small for the timed bench to tell apart. It is
// not a speed measurement — cache misses and waiting cost time without instructions — so a
// change is kept on its timed figures too, or on both agreeing in direction.
//
//   npm run build && node bench/instructions.mjs [--size-mib 20] [--base-mib 0.05] [--seed 1]
//                                               [--contenders edifact,fp-edifact-tokenize]
//                                               [--simulate]
//
// Per contender: instructions for the generated file, for a smaller one (`--base-mib`, default
// 50 KiB: start-up, module loading, first compilation), the difference per MiB and per
// segment, and the ratio of differences against npm `edifact`. `--base-mib 20 --size-mib 50`
// gives the marginal cost, without the compilation that a longer run still adds. `--simulate`
// also runs cachegrind's cache and branch simulators and reports, per segment of the
// difference, first-level instruction and data cache misses and mispredicted branches: what
// costs time without costing instructions, and why timed ratios can trail instruction ratios.
// Runs two valgrinds at a time (counts do not depend on it). Needs valgrind (Debian:
// apt-get install valgrind); each run is ~40× slower than native (~80× with --simulate).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';
import { marginalCosts, parseSummary } from './lib/cachegrind.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    'size-mib': { type: 'string', default: '20' },
    'base-mib': { type: 'string', default: '0.05' },
    simulate: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    contenders: { type: 'string', default: 'edifact,fp-edifact-tokenize' },
  },
});
const sizeMiB = Number(values['size-mib']);
const baseMiB = Number(values['base-mib']);
const simulate = values.simulate;
if (!(baseMiB < sizeMiB)) throw new Error('--base-mib must be smaller than --size-mib');
const seed = Number(values.seed);
const contenders = values.contenders.split(',').filter(Boolean);
for (const c of contenders) {
  if (!fs.existsSync(path.join(BENCH, 'contenders', `${c}.mjs`))) throw new Error(`no such contender: ${c}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-edifact-instructions-'));
const big = generate({ sizeMiB, seed, out: path.join(dir, 'big.edi') });
const small = generate({ sizeMiB: baseMiB, seed, out: path.join(dir, 'small.edi') });

/** Instructions (and with --simulate, cache misses and mispredicts) of one contender run under cachegrind. */
function count(contender, file) {
  const sim = simulate ? ['--cache-sim=yes', '--branch-sim=yes'] : ['--cache-sim=no'];
  const args = ['--tool=cachegrind', ...sim, '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
  args.push(process.execPath, path.join(BENCH, 'contenders', `${contender}.mjs`), file);
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new Error(`valgrind: ${e.message} (Debian: apt-get install valgrind)`)));
    child.on('close', (code) => {
      const found = parseSummary(err);
      if (code !== 0 || found.instructions === undefined) reject(new Error(`${contender} under valgrind failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(found);
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
  const against = baseMiB < 1 ? `${Math.round(baseMiB * 1024)} KiB` : `${baseMiB} MiB`;
  console.log(`cachegrind instruction counts, ${sizeMiB} MiB (${big.segments.toLocaleString('en-US')} segments) against ${against}, seed ${seed}`);
  const jobs = contenders.flatMap((c) => [() => count(c, path.join(dir, 'big.edi')), () => count(c, path.join(dir, 'small.edi'))]);
  const counts = await pooled(jobs);
  const segments = big.segments - small.segments;
  const rows = marginalCosts(
    contenders.map((c, i) => ({ contender: c, full: counts[2 * i], base: counts[2 * i + 1] })),
    segments,
  );
  const mib = (big.bytes - small.bytes) / (1024 * 1024);
  for (const r of rows) {
    const ratio = r.timesEdifact === null ? '' : `${r.timesEdifact.toFixed(2)}× edifact`;
    const sim = simulate
      ? `; per segment ${r.perSegment('i1Misses').toFixed(1)} I1 misses, ${r.perSegment('d1Misses').toFixed(1)} D1 misses, ${r.perSegment('mispredicts').toFixed(1)} mispredicts`
      : '';
    console.log(
      `${r.contender.padEnd(30)} total ${(r.full.instructions / 1e9).toFixed(2)} G, base ${(r.base.instructions / 1e9).toFixed(2)} G, ` +
        `${(r.work / mib / 1e6).toFixed(0)} M/MiB, ${Math.round(r.perSegment('instructions'))} per segment  ${ratio}${sim}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
