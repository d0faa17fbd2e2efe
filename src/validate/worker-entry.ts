/**
 * The worker thread of `validateFile({ workers })` (built as `dist/validate-worker.js` and
 * `.cjs`): validates the ranges it is sent with `runRange`, reading the file itself, and posts
 * the items back in batches.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH, fileReader, packItems, runRange, type RangeItem, type RangeJob, type WorkerData, type WorkerMessage } from './worker-range.js';

const port = parentPort;
if (port === null) throw new Error('fp-edifact: validate-worker runs in a worker thread');
const data = workerData as WorkerData;
const fd = openSync(data.path, 'r');

const read = fileReader(fd);

const post = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (job: RangeJob) => {
  let batch: RangeItem[] = [];
  try {
    const result = runRange(job, read, data.size, data.options, (item) => {
      batch.push(item);
      if (batch.length >= BATCH) {
        post({ type: 'items', index: job.index, items: packItems(batch) });
        batch = [];
      }
    });
    if (batch.length > 0) post({ type: 'items', index: job.index, items: packItems(batch) });
    post({ type: 'done', index: job.index, result });
  } catch (err) {
    post({ type: 'error', index: job.index, message: (err as Error)?.stack ?? String(err) });
  }
});

port.on('close', () => closeSync(fd));
