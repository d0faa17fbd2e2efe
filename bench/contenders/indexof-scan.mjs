#!/usr/bin/env node
// Baseline: find every segment terminator byte (0x27 `'`) with Buffer#indexOf and count
// them. No strings, no objects, no sink: the upper bound of "touch every segment".
// Its count is NOT a segment count: it includes released `?'` and the `'` inside each
// `UNA:+.? '` (the terminator declaration), so the runner leaves baselines out of the
// agreement check.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
let bytes = 0;
let terminators = 0;
for await (const buf of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) {
  bytes += buf.length;
  for (let i = buf.indexOf(0x27); i !== -1; i = buf.indexOf(0x27, i + 1)) terminators++;
}
report('indexof-scan', { kind: 'baseline', bytes, ms: performance.now() - t0, segments: terminators, messages: null, checksum: null });
