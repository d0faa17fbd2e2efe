#!/usr/bin/env node
// Merges the results of several runs (e.g. 10 and 200 MiB with 5 reps, 1 GiB with 1 rep) into
// one results file and chart:  node bench/merge.mjs a.json b.json [--json out.json] [--svg out.svg]
// Ratios stay those of each run: every size's rows come whole from the run that measured them;
// when several runs measured a size, the last one given wins. Each size's rows are recomputed
// from its raw runs (lib/summary.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderChart } from './lib/chart.mjs';
import { summarize } from './lib/summary.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const inputs = [];
let json = path.join(BENCH, 'out', 'results.json');
let svg = path.join(BENCH, 'out', 'chart.svg');
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--json') json = path.resolve(process.argv[++i]);
  else if (a === '--svg') svg = path.resolve(process.argv[++i]);
  else inputs.push(a);
}
if (inputs.length === 0) throw new Error('usage: merge.mjs a.json b.json … [--json out] [--svg out]');
const runs = inputs.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const first = runs[0];
const merged = { ...first, reps: Math.max(...runs.map((r) => r.reps)), sizes: [] };
// A size measured again in a later run replaces the earlier measurement.
const bySize = new Map();
// Rows are summarised again from the raw runs, by the arithmetic of today's run.mjs.
for (const run of runs) {
  for (const size of run.sizes) {
    const rows = summarize(size.runs, size.rows.map((r) => r.contender), size.counts);
    bySize.set(size.sizeMiB, { ...size, rows, reps: size.reps ?? run.reps, date: run.date });
  }
}
merged.sizes.push(...bySize.values());
merged.sizes.sort((a, b) => a.sizeMiB - b.sizeMiB);
fs.writeFileSync(json, JSON.stringify(merged, null, 2) + '\n');
const reps = [...new Set(merged.sizes.map((s) => `${s.sizeMiB} MiB: ${s.reps}`))].join(', ');
const subtitle = `${first.machine.node}, ${first.machine.cpus} × ${first.machine.cpu}; reps per contender (${reps}), alternating, one process each; seed ${first.seed}; ${first.date.slice(0, 10)}`;
fs.writeFileSync(svg, renderChart(merged, subtitle));
console.log(`wrote ${json} and ${svg} (${merged.sizes.length} sizes from ${runs.length} runs)`);
