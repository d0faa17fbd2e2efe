#!/usr/bin/env node
// Renders bench/out/results.json as markdown tables into docs/performance.md, between
// <!-- results:start --> and <!-- results:end -->:  node bench/report-md.mjs [results.json] [doc.md]
import { readFileSync, writeFileSync } from 'node:fs';

const resultsPath = process.argv[2] ?? new URL('./out/results.json', import.meta.url);
const docPath = process.argv[3] ?? new URL('../docs/performance.md', import.meta.url);
const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const fmt = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));
const int = (n) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));

const m = results.machine;
const machine = `${m.cpus} × ${m.cpu}, Node ${m.node}, load at start ${m.loadAtStart?.join(' ') ?? '?'}`;
const rss = results.rssMethod === 'time' ? 'from /usr/bin/time -v (ru_maxrss)' : `from ${results.rssMethod}`;
const lines = [
  `Run of ${results.date} on ${machine}; median of the alternating reps per contender (given per size); peak RSS ${rss}.`,
  '',
];
for (const size of results.sizes) {
  const reps = size.reps ?? results.reps;
  const when = size.date && size.date !== results.date ? `, run of ${size.date}` : '';
  lines.push(`**${size.sizeMiB} MiB** — ${int(size.counts.messages)} messages, ${int(size.counts.segments)} segments; ${reps} rep${reps === 1 ? '' : 's'}${when}`, '');
  lines.push('| contender | MiB/s | min–max | messages/s | peak RSS MiB | × edifact |', '|---|---:|---:|---:|---:|---:|');
  for (const r of size.rows) {
    const name = r.kind === 'baseline' ? `${r.contender} (baseline)` : r.contender;
    const mps = r.kind === 'baseline' ? '—' : int(r.messagesPerSecond);
    lines.push(`| ${name} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${mps} | ${fmt(r.rssMiB, 0)} | ${fmt(r.vsEdifact, 2)}× |`);
  }
  lines.push('');
}
const doc = readFileSync(docPath, 'utf8');
const start = '<!-- results:start -->';
const end = '<!-- results:end -->';
const a = doc.indexOf(start);
const b = doc.indexOf(end);
if (a === -1 || b === -1) throw new Error(`markers ${start} / ${end} not found in ${docPath}`);
writeFileSync(docPath, `${doc.slice(0, a + start.length)}\n${lines.join('\n')}\n${doc.slice(b)}`);
console.log(`wrote ${results.sizes.length} table(s) into ${docPath}`);
