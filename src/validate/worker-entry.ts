/**
 * The worker thread of `validateFile({ workers })` (built as `dist/validate-worker.js` and
 * `.cjs`): validates the ranges it is sent with `runRangeBatched`, reading the file itself, and posts
 * the items back in batches.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { runRangeBatched } from './worker-range.js';
import { fileReader, type RangeJob, type WorkerData, type WorkerMessage } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('fp-edifact: validate-worker runs in a worker thread');
const data = workerData as WorkerData;
const fd = openSync(data.path, 'r');

const read = fileReader(fd, data.path, data.size);

const post = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (job: RangeJob) => {
  try {
    const result = runRangeBatched(job, read, data.size, data.options, (items) => post({ type: 'items', index: job.index, items }));
    post({ type: 'done', index: job.index, result });
  } catch (err) {
    post({ type: 'error', index: job.index, message: (err as Error)?.stack ?? String(err) });
  }
});

port.on('close', () => closeSync(fd));
