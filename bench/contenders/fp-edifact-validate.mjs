#!/usr/bin/env node
// fp-edifact's validator with the default profiles: syntax and structure against the segment
// tables, content rules, a CONTRL per interchange and a 12'er per content error. Streams the
// file through validateStreamBatches (the events in arrays, one per piece validated: an awaited
// promise per event costs more than a small message's validation). Each message report goes
// to the sink as a small segment-shaped record so the runner can count messages (the common
// sink counts UNH tags).
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateStreamBatches } from '../../dist/index.js';
import { report, sinkMessageEvents } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
let problems = 0;
for await (const events of validateStreamBatches(createReadStream(file, { highWaterMark: 64 * 1024 }))) problems += sinkMessageEvents(events);
report('fp-edifact-validate', {
  bytes: statSync(file).size,
  ms: performance.now() - t0,
  kind: 'validator',
  notes: `validateStreamBatches (one array of events per piece) with the shipped profiles, CONTRL + 12'ere; ${problems} message(s) not accepted`,
});
