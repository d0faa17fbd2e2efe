#!/usr/bin/env node
// The benchmark runner.
//
//   node bench/run.mjs [--sizes 10,200] [--reps 5] [--contenders a,b] [--seed 1]
//                      [--newlines] [--rss auto|time|proc] [--svg <path>] [--json <path>]
//
// For each size it generates (or reuses) a file in os.tmpdir()/fp-edifact-bench, then runs
// every contender in its own fresh process, alternating (rep 1: A B C D, rep 2: A B C D, …)
// so that drift in machine load hits everyone alike, measuring wall time and peak RSS from
// outside (lib/measure.mjs). Throughput is computed from the `ms` each contender measures
// itself (first read to end of parsing: process start-up and module loading excluded).
// Contenders are discovered: every bench/contenders/*.mjs except sink.mjs and _*.mjs.
// Installs nothing except `npm ci --prefix bench` when bench/node_modules is missing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate, GENERATOR_VERSION } from './generate.mjs';
import { detectRssMethod, runContender, RSS_METHOD_TEXT } from './lib/measure.mjs';
import { renderChart } from './lib/chart.mjs';
import { mibPerSecond, REFERENCE, summarize } from './lib/summary.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;
const FIRST = ['read-only', 'indexof-scan', 'edifact', 'ts-edifact', 'minimal-tokenizer']; // fixed order, then the rest

function parseArgs(argv) {
  const o = { sizes: [10, 200], reps: 5, contenders: null, seed: 1, newlines: false, rss: 'auto' };
  o.svg = path.join(BENCH, 'out', 'chart.svg');
  o.json = path.join(BENCH, 'out', 'results.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--sizes') o.sizes = val().split(',').map(Number);
    else if (a === '--reps') o.reps = Number(val());
    else if (a === '--contenders') o.contenders = val().split(',').filter(Boolean);
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--newlines') o.newlines = true;
    else if (a === '--rss') o.rss = val();
    else if (a === '--svg') o.svg = path.resolve(val());
    else if (a === '--json') o.json = path.resolve(val());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.sizes.every((s) => s > 0) || !(o.reps >= 1) || !Number.isInteger(o.seed)) throw new Error('bad --sizes/--reps/--seed');
  if (!['auto', 'time', 'proc'].includes(o.rss)) throw new Error('--rss is auto, time or proc');
  return o;
}

function ensureDependencies() {
  if (fs.existsSync(path.join(BENCH, 'node_modules'))) return;
  console.log('bench/node_modules missing: npm ci --prefix bench');
  const r = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci --prefix bench failed');
}

function discoverContenders(only) {
  const dir = path.join(BENCH, 'contenders');
  const found = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mjs') && f !== 'sink.mjs' && !f.startsWith('_'))
    .map((f) => f.slice(0, -4));
  const rank = (n) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
  const all = found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (!only) return all;
  const missing = only.filter((n) => !all.includes(n));
  if (missing.length) throw new Error(`no such contender: ${missing.join(', ')} (have: ${all.join(', ')})`);
  return only;
}

/** The bench file for one size, generated unless an identical one (same sidecar) exists. */
function benchFile(sizeMiB, seed, newlines) {
  const dir = path.join(os.tmpdir(), 'fp-edifact-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fp-${sizeMiB}mib-seed${seed}${newlines ? '-nl' : ''}.edi`);
  try {
    const c = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    if (c.generatorVersion === GENERATOR_VERSION && c.sizeMiB === sizeMiB && c.seed === seed &&
        c.newlines === newlines && fs.statSync(file).size === c.bytes) {
      return { file, counts: c };
    }
  } catch {
    /* not there yet, or stale */
  }
  process.stdout.write(`generating ${sizeMiB} MiB (seed ${seed}) into ${file} … `);
  const t0 = Date.now();
  const counts = generate({ sizeMiB, seed, newlines, out: file });
  console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { file, counts };
}

const fmt = (v, d = 1) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(d));
const fmtInt = (v) => (v == null ? '—' : Math.round(v).toLocaleString('en-US'));

/** Print a table with right-aligned numeric columns. */
function printTable(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Check every parser reports the generator's segment/message counts and the same checksum. */
function checkAgreement(runs, counts) {
  const problems = [];
  const parsers = runs.filter((r) => r.ok && r.result.kind === 'parser');
  const ref = parsers.find((r) => r.contender === REFERENCE) ?? parsers[0];
  // Validators report one record per message, not per segment: only their message count is comparable.
  for (const r of runs.filter((x) => x.ok && x.result.kind === 'validator')) {
    if (r.result.messages !== counts.messages) problems.push(`${r.contender} rep ${r.rep}: ${r.result.messages} messages, the generator wrote ${counts.messages}`);
  }
  for (const r of parsers) {
    const { segments, messages, checksum } = r.result;
    if (segments !== counts.segments) problems.push(`${r.contender} rep ${r.rep}: ${segments} segments, the generator wrote ${counts.segments}`);
    if (messages !== counts.messages) problems.push(`${r.contender} rep ${r.rep}: ${messages} messages, the generator wrote ${counts.messages}`);
    if (ref && checksum !== ref.result.checksum) problems.push(`${r.contender} rep ${r.rep}: checksum ${checksum} != ${ref.contender}'s ${ref.result.checksum}`);
  }
  for (const r of runs.filter((x) => !x.ok)) {
    const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Command exited|Node\.js v)/.test(l));
    const error = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.at(-1) ?? '';
    problems.push(`${r.contender} rep ${r.rep}: FAILED (exit ${r.code}) ${error}`);
  }
  return [...new Set(problems)];
}

async function warmPageCache(file) {
  // One untimed read so the first contender of rep 1 does not pay for the disk alone.
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) void chunk;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  ensureDependencies();
  const contenders = discoverContenders(o.contenders);
  const rss = o.rss === 'auto' ? detectRssMethod() : o.rss;
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  };
  console.log(`fp-edifact bench — ${machine.node}, ${machine.cpus} × ${machine.cpu}, load ${machine.loadAtStart.join(' ')}`);
  if (machine.loadAtStart[0] > 0.5 * machine.cpus) {
    console.log(`!! the machine is busy (1-min load ${machine.loadAtStart[0]} on ${machine.cpus} CPUs): absolute numbers will be low; ratios hold better`);
  }
  console.log(`contenders (alternating, one process each, ${o.reps} reps): ${contenders.join(', ')}`);
  const fallback = o.rss === 'auto' && rss === 'proc' ? ' (/usr/bin/time not found: apt-get install -y time for ru_maxrss)' : '';
  console.log(RSS_METHOD_TEXT[rss] + fallback);

  const results = { date: new Date().toISOString(), machine, rssMethod: rss, reps: o.reps, seed: o.seed, newlines: o.newlines, sizes: [] };
  for (const sizeMiB of o.sizes) {
    const { file, counts } = benchFile(sizeMiB, o.seed, o.newlines);
    await warmPageCache(file);
    console.log(`\n${sizeMiB} MiB: ${fmtInt(counts.bytes)} bytes, ${counts.interchanges} interchanges, ${fmtInt(counts.messages)} messages, ${fmtInt(counts.segments)} segments`);
    const runs = [];
    for (let rep = 1; rep <= o.reps; rep++) {
      for (const contender of contenders) {
        const script = path.join(BENCH, 'contenders', `${contender}.mjs`);
        const r = await runContender(script, file, { rss });
        runs.push({ contender, rep, ...r });
        const tag = r.ok ? `${fmt(mibPerSecond(r, counts))} MiB/s` : `FAILED (exit ${r.code})`;
        process.stdout.write(`  rep ${rep} ${contender}: ${tag}${r.rssKb ? `, ${fmt(r.rssKb / 1024, 0)} MiB` : ''}\n`);
      }
    }

    const rows = summarize(runs, contenders, counts);

    console.log(`\n${sizeMiB} MiB — median of ${o.reps} (throughput from each contender's own timer; RSS from outside)`);
    printTable(
      ['contender', 'MiB/s', 'min–max MiB/s', 'messages/s', 'peak RSS MiB', `× ${REFERENCE}`],
      rows.map((r) => [
        r.contender + (r.kind === 'baseline' ? ' (baseline)' : ''),
        fmt(r.median),
        r.median == null ? 'FAILED' : `${fmt(r.min)}–${fmt(r.max)}`,
        r.kind === 'baseline' ? '—' : fmtInt(r.messagesPerSecond),
        fmt(r.rssMiB, 0),
        r.vsEdifact == null ? '—' : `${r.vsEdifact.toFixed(2)}×`,
      ]),
    );
    const noted = rows.filter((r) => r.notes);
    for (const r of noted) console.log(`  note ${r.contender}: ${r.notes}`);
    const problems = checkAgreement(runs, counts);
    if (problems.length) {
      console.log('\n!!!!!!!!!! CONTENDERS DISAGREE / FAILED !!!!!!!!!!');
      for (const p of problems) console.log(`!!! ${p}`);
    } else {
      console.log(`  all parsers agree: ${fmtInt(counts.segments)} segments, ${fmtInt(counts.messages)} messages, checksum ${runs.find((r) => r.ok && r.result.kind !== 'baseline')?.result.checksum ?? '—'}`);
    }
    results.sizes.push({
      sizeMiB, file, counts, rows, problems,
      runs: runs.map(({ stderr, ...r }) => ({ ...r, stderr: r.ok ? undefined : stderr.slice(-2000) })),
    });
  }
  results.machine.loadAtEnd = os.loadavg().map((l) => +l.toFixed(2));

  fs.mkdirSync(path.dirname(o.json), { recursive: true });
  fs.writeFileSync(o.json, JSON.stringify(results, null, 2) + '\n');
  const subtitle = `${machine.node}, ${machine.cpus} × ${machine.cpu}; ${o.reps} reps per contender, alternating, one process each; seed ${o.seed}; ${results.date.slice(0, 10)}`;
  fs.mkdirSync(path.dirname(o.svg), { recursive: true });
  fs.writeFileSync(o.svg, renderChart(results, subtitle));
  console.log(`\nwrote ${path.relative(process.cwd(), o.json) || o.json} and ${path.relative(process.cwd(), o.svg) || o.svg}`);
  if (results.sizes.some((s) => s.problems.length)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e.message);
  process.exit(2);
});
