#!/usr/bin/env node
// Baseline: read the file through the same stream every contender uses and do nothing else.
// The ceiling for any streaming parser on this machine (I/O + stream machinery).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
let bytes = 0;
for await (const buf of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) bytes += buf.length;
report('read-only', { kind: 'baseline', bytes, ms: performance.now() - t0, segments: null, messages: null, checksum: null });
