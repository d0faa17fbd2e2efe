#!/usr/bin/env node
// Baseline for `validate --workers 2`: what two cores of this machine give this workload when
// nothing is shared. Two independent processes run the one-thread validate contender on the
// file at the same time; the throughput is both files' bytes over the slower one's own timer.
// No splitting, merging or posting, so no two-thread scheme can beat it here: its ratio to the
// one-thread validate is the ceiling the workers' speed-up is measured against (on this VM two
// busy vCPUs each run 10–20 % slower than one alone).
import { fileURLToPath } from 'node:url';
import { runContender } from '../lib/measure.mjs';
import { report } from './sink.mjs';

const file = process.argv[2];
const validate = fileURLToPath(new URL('./fp-edifact-validate.mjs', import.meta.url));

/** Runs the one-thread validate contender as the runner does (its RSS is the runner's to measure); resolves with its result line. */
async function run() {
  const r = await runContender(validate, file, { rss: 'none' });
  if (!r.ok) throw new Error(`fp-edifact-validate failed (exit ${r.code}): ${r.stderr.slice(-2000)}`);
  return r.result;
}

const [a, b] = await Promise.all([run(), run()]);
if (a.messages !== b.messages || a.checksum !== b.checksum) {
  throw new Error(`the two runs disagree: ${a.messages}/${a.checksum} and ${b.messages}/${b.checksum}`);
}
report('validate-two-processes', {
  kind: 'baseline',
  bytes: a.bytes + b.bytes,
  ms: Math.max(a.ms, b.ms),
  segments: null,
  messages: null,
  checksum: null,
  notes: `two fp-edifact-validate processes at once on the same file (${a.messages} messages each): bytes of both over the slower one's time; the ceiling for two threads on this machine; peak RSS is the larger process's`,
});
