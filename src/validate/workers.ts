/**
 * `validateFile(path, { workers })`: the validator on several threads. The file is cut into
 * byte ranges at message or interchange starts; worker threads tokenize and validate the
 * ranges (`worker-range.ts`) and this thread merges their results in file order into exactly
 * the events `validateStream` yields for the whole file: it numbers interchanges and
 * messages, runs the UNB checks that take options (recipient, sender, duplicate interchange),
 * asks the duplicate store about every message in order, checks the UNZ count of interchanges
 * that span ranges, and writes every CONTRL and 12'er (so references and clock are called in
 * the same order as on one thread).
 */
import { closeSync, createReadStream, fstatSync, openSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { EMPTY_INTERCHANGE, countMismatch, unzCount } from '../envelope/assembler.js';
import { DEFAULT_MAX_ERRORS, ErrorLimit } from '../envelope/error-limit.js';
import type { InterchangeHeader, MessageHeader } from '../envelope/types.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import { compareErrors, duplicateMessageError, errorAt, fromSyntaxError } from './errors.js';
import { checkOptions } from '../syntax/options.js';
import { FILE_OPTION_CHECKS } from './option-checks.js';
import { SplitFinder, type SplitPoint } from './split-points.js';
import { RunSettings, interchangeEvent, validateStreamBatches, type ClosingInterchange } from './stream.js';
import type { ValidateOptions, ValidationError, ValidationEvent } from './types.js';
import { probeBoundary } from './worker-range.js';
import { fileChangedSize, fileReader, type BoundaryState, type ByteReader, type ByteSpan, type RangeItem, type RangeJob, type RangeOptions, type RangeResult } from './worker-protocol.js';
import { unpackItems, type PackedItems } from './worker-packing.js';
import { InlineExecutor, RANGES_PER_WORKER, ThreadExecutor, type Executor } from './executors.js';

/** Options of {@link validateFile}: those of `validateStream`, and how to share the work. */
export interface ValidateFileOptions extends ValidateOptions {
  /**
   * Worker threads that tokenize and validate parts of the file (default 1: everything on the
   * calling thread, exactly `validateStream(createReadStream(path), options)`), at most
   * `os.availableParallelism()` of them. The events are the same whatever the number. The file
   * stays on the calling thread when it is under `minParallelBytes`, and when `profile` cannot be
   * copied to a thread (`structuredClone` refuses it, e.g. a profile holding a function; loaded
   * and patched profiles are plain data and go).
   */
  workers?: number;
  /** Files smaller than this many bytes are validated on the calling thread (default 32 MiB). */
  minParallelBytes?: number;
  /** Bytes per range handed to a worker (default: from 4 MiB down to 512 KiB towards the end of the file). */
  chunkBytes?: number;
}

const MiB = 1024 * 1024;
// Below this, starting the workers and warming up their JIT costs more than the second thread
// saves (measured: 10 MiB took 1.4x as long on two workers as on one thread; 50 MiB and up gain).
const DEFAULT_MIN_PARALLEL = 32 * MiB;
const MAX_CHUNK = 4 * MiB;
const MIN_CHUNK = 512 * 1024;

/** Whether a range starting at `point` really starts at a message or interchange (its probed state). */
function acceptable(point: SplitPoint, state: BoundaryState | null): boolean {
  if (state === null || state.pendingCut) return false;
  if (point.prelude) {
    return state.tag === 'UNH' && state.segmentAt === point.at && state.realOpen && !state.groupOpen && state.header !== null && state.pendingBefore.length === 0;
  }
  return state.tag === 'UNB' && !state.realOpen && !state.orphanOpen;
}

/** Later range starts a range is given besides its own end, to stop at should its end not check out. */
const SPARE_ENDS = 3;

/** A checked range start. */
interface Bound {
  at: number;
  prelude: ByteSpan | null;
  expect: BoundaryState;
}

/**
 * Cuts the file into ranges as they are needed: range `i` starts at bound `i − 1` (0 at the
 * file start) and ends at bound `i`; each bound is a split point whose state a range starting
 * there is checked to start in.
 */
class Planner {
  private readonly finder: SplitFinder;
  private readonly bounds: Bound[] = [];
  private exhausted = false;

  constructor(
    private readonly read: ByteReader,
    private readonly size: number,
    private readonly workers: number,
    private readonly chunkBytes: number | undefined,
  ) {
    this.finder = new SplitFinder(read, size);
  }

  private findNext(): void {
    const startAt = this.bounds[this.bounds.length - 1]?.at ?? 0;
    const remaining = this.size - startAt;
    const want = Math.max(1, Math.floor(this.chunkBytes ?? Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, remaining / (this.workers * 3)))));
    if (remaining > want * 1.5) {
      let from = startAt + want;
      for (let attempt = 0; attempt < 16; attempt++) {
        const point = this.finder.next(from, Math.min(512 * 1024, want / 4));
        if (point === null) break;
        const state = probeBoundary(this.read, this.size, point.at, point.prelude);
        if (acceptable(point, state)) {
          this.finder.accept(point);
          this.bounds.push({ at: point.at, prelude: point.prelude, expect: state! });
          return;
        }
        from = point.at + 1;
      }
    }
    this.exhausted = true;
  }

  private ensure(count: number): void {
    while (!this.exhausted && this.bounds.length < count) this.findNext();
  }

  /** Range `index`, or `null` past the last one. */
  job(index: number): RangeJob | null {
    this.ensure(index + 1 + SPARE_ENDS);
    if (index > this.bounds.length) return null;
    const start = index === 0 ? null : this.bounds[index - 1]!;
    return {
      index,
      start: start?.at ?? 0,
      prelude: start?.prelude ?? null,
      ends: this.bounds.slice(index, index + 1 + SPARE_ENDS).map((b) => ({ at: b.at, expect: b.expect })),
    };
  }
}

interface MergedInterchange extends ClosingInterchange {
  headerErrors: ValidationError[];
  messageCount: number;
  groupCount: number;
  /** The errors `maxErrors` counts, kept over the whole interchange by the envelope's own rule. */
  errors: EdifactSyntaxError[];
  structural: ValidationError[];
  unbErrors: ValidationError[];
  groupErrors: ValidationError[];
  unzErrors: ValidationError[];
  trailer: { count: string; reference: string } | null;
  recount: { unzOffset: number; requiredOk: boolean } | null;
}

const NO_HEADER: MessageHeader = { reference: '', type: '', version: '', release: '', agency: '', associationCode: null, commonAccessReference: null };

function push<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}

/** The texts of `texts` at the positions of `errors`. */
function textsAt(texts: Readonly<Record<number, string>> | undefined, errors: readonly ValidationError[]): Record<number, string> {
  const out: Record<number, string> = {};
  if (texts === undefined) return out;
  for (const e of errors) {
    const p = e.segmentPosition;
    if (p !== null && texts[p] !== undefined) out[p] = texts[p]!;
  }
  return out;
}

/**
 * Merges range items, in file order, into `validateStream`'s events: the run-level work of
 * `stream.ts` (interchange positions, header checks, duplicates, CONTRL, 12'ere).
 */
class Merger extends RunSettings {
  private position = -1;
  private open: MergedInterchange | null = null;
  /** The envelope's `maxErrors` and its notice, applied to the parts of each interchange in turn. */
  private readonly errorLimit = new ErrorLimit(this.options.maxErrors ?? DEFAULT_MAX_ERRORS);

  /** What the workers need of the options. */
  static rangeOptions(options: ValidateOptions): RangeOptions {
    return {
      profile: options.profile,
      captureSegments: options.captureSegments ?? false,
      maxMessageSegments: options.maxMessageSegments,
      maxErrors: options.maxErrors,
      replySegments: options.replies !== false,
      messageHeaders: (options.detail ?? 'interchange') !== 'interchange',
    };
  }

  /** Handles one item, appending events to `out`; a promise when a store or check is async. */
  handle(item: RangeItem, out: ValidationEvent[]): Promise<void> | undefined {
    switch (item.t) {
      case 'start':
        return this.onStart(item.header, item.unb, out);
      case 'cont':
        if (this.open === null) throw new Error('fp-edifact: internal error: a range continues an interchange that is not open');
        return undefined;
      case 'msg':
        return this.onMessage(item, out);
      case 'end':
        return this.onEnd(item, out);
    }
  }

  /** Throws unless every interchange was closed. */
  finish(): void {
    if (this.open !== null) throw new Error('fp-edifact: internal error: an interchange was left open by the last range');
  }

  private onStart(header: InterchangeHeader | null, unb: Segment | null, out: ValidationEvent[]): Promise<void> | undefined {
    this.position++;
    const ic: MergedInterchange = {
      ...this.opening(this.position, header),
      headerErrors: [],
      messageCount: 0,
      groupCount: 0,
      errors: [],
      structural: [],
      unbErrors: [],
      groupErrors: [],
      unzErrors: [],
      trailer: null,
      recount: null,
    };
    this.open = ic;
    if (header === null) {
      out.push({ type: 'interchange-start', position: ic.position, header: null });
      return undefined;
    }
    return this.headerErrors(header, unb).then((errors) => {
      ic.headerErrors = errors;
      out.push({ type: 'interchange-start', position: ic.position, header });
    });
  }

  private onMessage(item: RangeItem & { t: 'msg' }, out: ValidationEvent[]): Promise<void> | undefined {
    const ic = this.open;
    if (ic === null) throw new Error('fp-edifact: internal error: a message outside any interchange item');
    const seen = this.seenMessage(ic.header, item.report.reference);
    if (typeof seen !== 'boolean') return seen.then((duplicate) => void out.push(this.message(ic, item, duplicate)));
    out.push(this.message(ic, item, seen));
    return undefined;
  }

  private message(ic: MergedInterchange, item: RangeItem & { t: 'msg' }, duplicate: boolean): ValidationEvent {
    const report = item.report;
    report.index = ++ic.messageCount;
    const h = ic.header;
    if (duplicate) {
      // As validateMessage with `duplicate`: 26 at UNH 0062 among the CONTRL errors, no content rules.
      const e26 = duplicateMessageError(report.reference ?? '', { tag: 'UNH', offset: item.unhOffset });
      const rejected = report.status === 'rejected';
      const errors = rejected ? report.errors : [];
      let i = 0;
      while (i < errors.length && compareErrors(errors[i]!, e26) < 0) i++;
      errors.splice(i, 0, e26);
      report.errors = errors;
      report.status = 'rejected';
      report.reply = null;
      if (this.options.captureSegments) {
        // A content error's segment goes with its error; a warning's stays.
        const texts: Record<number, string> = rejected ? { ...report.segmentText } : textsAt(report.segmentText, report.warnings);
        if (item.unhText !== undefined) texts[1] = item.unhText;
        report.segmentText = texts;
      }
    } else if (report.status === 'content-error' && h !== null && this.options.replies !== false) {
      report.reply = this.reply(this.profiles.get(report.messageType ?? ''), item.segments ?? [], h, report.errors);
    }
    ic.contrl.addMessage(item.header ?? NO_HEADER, report);
    ic.counts[report.status]++;
    return { type: 'message', position: ic.position, message: report };
  }

  private onEnd(item: RangeItem & { t: 'end' }, out: ValidationEvent[]): undefined {
    const ic = this.open;
    if (ic === null) throw new Error('fp-edifact: internal error: the end of an interchange that is not open');
    for (const e of item.errors) this.errorLimit.keep(ic.errors, e);
    push(ic.structural, item.structural);
    push(ic.unbErrors, item.unbErrors);
    push(ic.groupErrors, item.groupErrors);
    push(ic.unzErrors, item.unzErrors);
    ic.groupCount += item.groupCount;
    if (item.trailer) ic.trailer = item.trailer;
    if (item.recount) ic.recount = item.recount;
    if (item.continues) return undefined;
    const errors = ic.headerErrors;
    for (const e of ic.errors) errors.push(fromSyntaxError(e, null));
    push(errors, ic.structural);
    if (ic.recount) {
      // The envelope's UNZ checks over the whole interchange (assembler.ts onTrailer).
      const { unzOffset, requiredOk } = ic.recount;
      const count = ic.trailer?.count ?? '';
      // The assembler's own UNZ checks, over the whole interchange.
      const unz = { tag: 'UNZ', offset: unzOffset };
      const mismatch = requiredOk ? countMismatch('UNZ', count, unzCount(ic.groupCount, ic.messageCount)) : null;
      if (mismatch !== null) errors.push(errorAt('29', mismatch, unz, null, 1));
      if (ic.messageCount === 0) errors.push(errorAt('32', EMPTY_INTERCHANGE, unz, null));
    }
    push(errors, ic.unbErrors);
    push(errors, ic.groupErrors);
    push(errors, ic.unzErrors);
    this.open = null;
    out.push(interchangeEvent(this, ic, errors, ic.messageCount));
    return undefined;
  }
}

/** Results of one range as they arrive. */
interface RangeResults {
  /** Kept packed until merged: ranges run ahead of the merge, and unpacked they would be live objects every GC copies. */
  batches: PackedItems[];
  done: RangeResult | null;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** A file `validateFile` cannot read: the reason (`cause`, its `code` kept) and the path. */
function unreadable(path: string, cause: NodeJS.ErrnoException): Error {
  return Object.assign(new Error(`fp-edifact: validateFile: cannot read ${path}: ${cause.message}`, { cause }), { code: cause.code });
}

/**
 * The size of the file at `path`; a missing file, or a directory (which would fail only when
 * read, with an EISDIR that does not name it), is an error naming the path.
 */
function fileSize(path: string): number {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (err) {
    throw unreadable(path, err as NodeJS.ErrnoException);
  }
  if (stat.isDirectory()) throw unreadable(path, Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }));
  return stat.size;
}

/**
 * `failure`, or when the file open as `fd` is no longer `size` bytes long — the likely cause of
 * a range that failed reading it — the error saying so (`failure` its cause).
 */
function unlessChanged(fd: number, path: string, size: number, failure: Error | null): Error | null {
  let now: number;
  try {
    now = fstatSync(fd).size;
  } catch {
    return failure;
  }
  return now === size ? failure : new Error(fileChangedSize(path, size, now).message, failure ? { cause: failure } : undefined);
}

/**
 * `validateFile` with a choice of where the ranges run: worker threads, or `inline` on the
 * calling thread (same cutting and merging; for tests).
 * @internal
 */
export async function* validateFileWith(
  path: string,
  options: ValidateFileOptions,
  mode: 'threads' | 'inline',
  /** Told of each range merged (tests: how the file was cut, whether a range ran on). */
  observe?: (job: RangeJob, result: RangeResult) => void,
): AsyncGenerator<ValidationEvent[]> {
  checkOptions(options, FILE_OPTION_CHECKS, 'validateFile');
  // More threads than CPUs only add memory (each holds its isolate and two ranges' results).
  const workers = mode === 'threads' ? Math.min(options.workers ?? 1, availableParallelism()) : (options.workers ?? 1);
  const size = fileSize(path);
  if ((mode === 'threads' && workers <= 1) || size < (options.minParallelBytes ?? DEFAULT_MIN_PARALLEL) || !cloneable(options.profile)) {
    yield* validateStreamBatches(createReadStream(path), options);
    return;
  }
  const fd = openSync(path, 'r');
  let executor: Executor | null = null;
  try {
    const read = fileReader(fd, path, size);
    const planner = new Planner(read, size, workers, options.chunkBytes);
    const first = planner.job(0)!;
    if (first.ends.length === 0) {
      // No split point: one range is the whole file.
      yield* validateStreamBatches(createReadStream(path), options);
      return;
    }
    const rangeOptions = Merger.rangeOptions(options);
    const results = new Map<number, RangeResults>();
    const flow: { failure: Error | null; wake: (() => void) | null } = { failure: null, wake: null };
    const signal = (): void => {
      const w = flow.wake;
      flow.wake = null;
      w?.();
    };
    /** The range being merged; ranges before it are done or were taken in by another. */
    let current = 0;
    const slot = (index: number): RangeResults | null => {
      if (index < current) return null;
      let r = results.get(index);
      if (r === undefined) results.set(index, (r = { batches: [], done: null }));
      return r;
    };
    const onItems = (index: number, items: PackedItems): void => {
      slot(index)?.batches.push(items);
      signal();
    };
    const onDone = (index: number, result: RangeResult): void => {
      const r = slot(index);
      if (r) r.done = result;
      signal();
      dispatch();
    };
    const onError = (err: Error): void => {
      flow.failure ??= err;
      signal();
    };
    executor =
      mode === 'threads'
        ? new ThreadExecutor(workers, { path: resolve(path), size, options: rangeOptions }, onItems, onDone, onError)
        : new InlineExecutor(read, size, rangeOptions, onItems, onDone);
    const exec = executor;

    let stopped = false;
    let next = 0;
    let dispatching = false;
    const jobs = new Map<number, RangeJob>();
    /** Starts ranges while a slot is free, at most `workers` × {@link RANGES_PER_WORKER} ranges ahead of the one being merged. */
    function dispatch(): void {
      if (dispatching) return;
      dispatching = true;
      try {
        next = Math.max(next, current);
        while (!stopped && exec.slots > 0 && next <= current + workers * RANGES_PER_WORKER) {
          const job = next === 0 ? first : planner.job(next);
          if (job === null) break;
          next++;
          if (observe) jobs.set(job.index, job);
          exec.start(job);
        }
      } catch (err) {
        // Planning reads the file (and inline, so do the ranges); called from a worker's message, it must not throw.
        stopped = true;
        onError(err as Error);
      } finally {
        dispatching = false;
      }
    }
    dispatch();

    const merger = new Merger(options);
    for (;;) {
      const r = slot(current)!;
      for (;;) {
        if (flow.failure) throw unlessChanged(fd, path, size, flow.failure)!;
        const batch = r.batches.shift();
        if (batch !== undefined) {
          const out: ValidationEvent[] = [];
          for (const item of unpackItems(batch)) {
            const pending = merger.handle(item, out);
            if (pending) await pending;
          }
          if (out.length > 0) yield out;
          continue;
        }
        if (r.done) break;
        await new Promise<void>((res) => (flow.wake = res));
      }
      const done = r.done;
      if (observe) observe(jobs.get(current)!, done);
      // A range whose end did not check out took in the next ranges (their results are dropped).
      const following = current + 1 + done.skipped;
      for (let i = current; i < following; i++) results.delete(i);
      if (done.toEof) break;
      current = following;
      dispatch();
    }
    stopped = true;
    // Bytes appended after the start were not read: an error, not results that leave them out.
    const changed = unlessChanged(fd, path, size, null);
    if (changed) throw changed;
    merger.finish();
  } finally {
    await executor?.close();
    try {
      closeSync(fd);
    } catch {
      // Closed already (no split point).
    }
  }
}

/**
 * Validates a file like {@link validateStream} and yields exactly its events, optionally on
 * several worker threads: with `workers: N` (N > 1) and a file of at least `minParallelBytes`,
 * the file is split at message and interchange starts into ranges that N threads tokenize and
 * validate, and the results are merged in file order — same messages, errors, offsets,
 * CONTRLs and 12'ers, same calls to `duplicates`, `now` and the reference generators, in the
 * same order. Memory grows with the results of a few ranges held until their turn.
 * A path it cannot read (missing, a directory) rejects the first `next()` with an error naming
 * the path, with the file system's `code` and its error as `cause`. Stopping early closes the
 * file and stops the workers. On worker threads the file is cut by its size when validation
 * starts: a file that shrinks or grows meanwhile rejects the iteration (after the events already
 * yielded) with an error naming the path and that it changed size during validation.
 *
 * @example
 * for await (const ev of validateFile('batch.edi', { workers: 2 })) {
 *   if (ev.type === 'interchange') await send(ev.outcome.contrl);
 * }
 */
export async function* validateFile(path: string, options: ValidateFileOptions = {}): AsyncGenerator<ValidationEvent> {
  for await (const batch of validateFileWith(path, options, 'threads')) yield* batch;
}

/**
 * {@link validateFile}'s events in arrays (as {@link validateStreamBatches} gives
 * `validateStream`'s): the same events in the same order, one array per batch merged.
 *
 * @example
 * for await (const events of validateFileBatches('batch.edi', { workers: 2 })) {
 *   for (const ev of events) if (ev.type === 'interchange') await send(ev.outcome.contrl);
 * }
 */
export function validateFileBatches(path: string, options: ValidateFileOptions = {}): AsyncGenerator<ValidationEvent[]> {
  return validateFileWith(path, options, 'threads');
}
