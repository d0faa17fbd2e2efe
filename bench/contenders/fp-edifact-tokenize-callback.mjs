#!/usr/bin/env node
// fp-edifact's callback face: forEachSegment over a file stream (64 KiB chunks), every value
// materialised as a string, each segment handed to the sink the moment the tokenizer has read
// it (no arrays, no promise per segment or per batch). The Segment already has the common
// { tag, elements } shape, so it goes to the sink as it is.
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { forEachSegment } from '../../dist/index.js';
import { report, sink } from './sink.mjs';

const file = process.argv[2];
const t0 = performance.now();
await forEachSegment(createReadStream(file, { highWaterMark: 64 * 1024 }), sink, { errors: 'collect' });
report('fp-edifact-tokenize-callback', { bytes: statSync(file).size, ms: performance.now() - t0, notes: 'forEachSegment (each segment to a callback as it is read)' });
