#!/usr/bin/env node
// fp-edifact's public streaming face: readSegmentBatches over a file stream (64 KiB chunks),
// every value materialised as a string. The Segment it yields already has the common
// { tag, elements } shape, so it goes to the sink as it is.
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readSegmentBatches } from '../../dist/index.js';
import { report, sink } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
for await (const batch of readSegmentBatches(createReadStream(file, { highWaterMark: 64 * 1024 }), { errors: 'collect' })) {
  for (let i = 0; i < batch.length; i++) sink(batch[i]);
}
report('fp-edifact-tokenize', { bytes: statSync(file).size, ms: performance.now() - t0, notes: 'readSegmentBatches (one array of segments per piece of up to 8 KiB)' });
