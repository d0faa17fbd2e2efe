/**
 * Where `validateFile`'s ranges run: worker threads (each given up to two ranges at once) or,
 * for tests, the calling thread. Both report a range's items in packed batches, then its result.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runRangeBatched } from './worker-range.js';
import type { ByteReader, RangeJob, RangeOptions, RangeResult, WorkerData, WorkerMessage } from './worker-protocol.js';
import type { PackedItems } from './worker-packing.js';

/** Runs ranges somewhere and reports their items in batches. */
export interface Executor {
  readonly slots: number;
  /** Starts a range; `false` when no slot is free. */
  start(job: RangeJob): boolean;
  close(): Promise<void>;
}

/**
 * The directories `validateFile`'s worker script may be in, given the directory of the running
 * module: that directory (dist/ of the package: the script is built next to index and cli), and
 * dist/ of the repository only when the module runs from the sources (src/validate/, the tests).
 * Never a directory outside the package: an installed package's `../../dist` is `node_modules/dist`.
 */
export function workerScriptDirs(moduleDir: string): string[] {
  const fromSources = basename(moduleDir) === 'validate' && basename(dirname(moduleDir)) === 'src';
  return fromSources ? [moduleDir, join(moduleDir, '..', '..', 'dist')] : [moduleDir];
}

/**
 * Where the worker script lives: `validate-worker.cjs` for the CommonJS builds, `.js` for ESM,
 * in one of {@link workerScriptDirs}.
 * (The CommonJS builds have `__dirname`: they never read `import.meta.url`.)
 */
function workerScript(): string {
  const cjs = typeof __dirname === 'string';
  const dir = cjs ? __dirname : fileURLToPath(new URL('.', import.meta.url));
  const candidates = workerScriptDirs(dir).map((d) => join(d, cjs ? 'validate-worker.cjs' : 'validate-worker.js'));
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`fp-edifact: validateFile with workers needs the worker script validate-worker.js/.cjs next to the library (looked for ${candidates.join(', ')})`);
}

/**
 * Ranges a worker is given at once: the one it runs and the next, waiting in its message queue,
 * so it starts that one without waiting for this thread to hear it finished and answer.
 */
export const RANGES_PER_WORKER = 2;

/** A worker thread and how many ranges it was given that are not done yet. */
interface Thread {
  worker: Worker;
  given: number;
}

/** Ranges that can still be given to `count` threads, of which `threads` run (exported for tests). */
export function freeSlots(threads: ReadonlyArray<{ given: number }>, count: number): number {
  let free = (count - threads.length) * RANGES_PER_WORKER;
  for (const t of threads) free += RANGES_PER_WORKER - t.given;
  return free;
}

/**
 * Where the next range goes: an idle thread (its index); else a new thread while fewer than
 * `count` run; else the least busy thread with room; else `null` (exported for tests).
 */
export function pickThread(threads: ReadonlyArray<{ given: number }>, count: number): number | 'spawn' | null {
  let least = -1;
  for (let i = 0; i < threads.length; i++) if (least === -1 || threads[i]!.given < threads[least]!.given) least = i;
  if (least !== -1 && threads[least]!.given === 0) return least;
  if (threads.length < count) return 'spawn';
  return least !== -1 && threads[least]!.given < RANGES_PER_WORKER ? least : null;
}

/** Worker threads, started as ranges need them (at most `count`), each given up to {@link RANGES_PER_WORKER} ranges. */
export class ThreadExecutor implements Executor {
  private readonly threads: Thread[] = [];
  private readonly script = workerScript();
  private closed = false;

  constructor(
    private readonly count: number,
    private readonly data: WorkerData,
    private readonly onItems: (index: number, items: PackedItems) => void,
    private readonly onDone: (index: number, result: RangeResult) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  get slots(): number {
    return freeSlots(this.threads, this.count);
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(this.script, { workerData: this.data }), given: 0 };
    thread.worker.on('message', (m: WorkerMessage) => this.receive(thread, m));
    thread.worker.on('error', (err) => this.fail(err));
    thread.worker.on('exit', (code) => this.fail(new Error(`fp-edifact: a validation worker stopped (exit code ${code})`)));
    this.threads.push(thread);
    return thread;
  }

  private fail(err: Error): void {
    if (!this.closed) this.onError(err);
  }

  private receive(thread: Thread, m: WorkerMessage): void {
    if (m.type === 'items') this.onItems(m.index, m.items);
    else if (m.type === 'done') {
      thread.given--;
      this.onDone(m.index, m.result);
    } else this.fail(new Error(`fp-edifact: a validation worker failed: ${m.message}`));
  }

  start(job: RangeJob): boolean {
    const choice = pickThread(this.threads, this.count);
    if (choice === null) return false;
    const thread = choice === 'spawn' ? this.spawn() : (this.threads[choice] as Thread);
    thread.given++;
    thread.worker.postMessage(job);
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

/** Runs every range on the calling thread, at once (for tests and as a reference). */
export class InlineExecutor implements Executor {
  constructor(
    private readonly read: ByteReader,
    private readonly size: number,
    private readonly options: RangeOptions,
    private readonly onItems: (index: number, items: PackedItems) => void,
    private readonly onDone: (index: number, result: RangeResult) => void,
  ) {}

  readonly slots = 1;

  start(job: RangeJob): boolean {
    // Cloned as a worker's items would be.
    const result = runRangeBatched(job, this.read, this.size, this.options, (items) => this.onItems(job.index, structuredClone(items)));
    this.onDone(job.index, result);
    return true;
  }

  async close(): Promise<void> {}
}
