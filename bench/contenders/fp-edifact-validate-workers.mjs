#!/usr/bin/env node
// fp-edifact's validator on two worker threads: validateFile splits the file at message and
// interchange starts, two threads tokenize and validate the ranges, and the calling thread
// merges the results in file order (the same events as validateStream on one thread), handed
// over in arrays by validateFileBatches, as the one-thread contender gets them. Each
// message report goes to the sink as a small segment-shaped record so the runner can count
// messages (the common sink counts UNH tags).
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateFileBatches } from '../../dist/index.js';
import { report, sinkMessageEvents } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
let problems = 0;
for await (const events of validateFileBatches(file, { workers: 2 })) problems += sinkMessageEvents(events);
report('fp-edifact-validate-workers', {
  bytes: statSync(file).size,
  ms: performance.now() - t0,
  kind: 'validator',
  notes: `validateFileBatches with 2 worker threads, the shipped profiles, CONTRL + 12'ere; ${problems} message(s) not accepted`,
});
