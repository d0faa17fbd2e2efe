/**
 * One byte range of a file, validated the way `validateStream` validates the whole file — the
 * part of `validateFile({ workers })` that runs in a worker thread (and, for the boundary
 * probes, on the calling thread).
 *
 * A range starts at a message (`UNH`) or interchange start (`UNA`/`UNB`) and is fed to its own
 * tokenizer and envelope assembler, after a prelude (the `UNA`+`UNB` bytes of the interchange
 * it starts inside). Every offset is mapped back to the file's. What depends on the rest of
 * the file is left to the calling thread, which merges the ranges in order: interchange
 * positions, message indexes, duplicates (26: messages are validated as not duplicated), UNB
 * checks that need options (`checkHeader`), UNZ counts of interchanges that span ranges, the
 * CONTRL and the 12'er replies (their references and clock).
 *
 * The range's last segment is followed by the next range's first (the "boundary" segment).
 * When it arrives, the pipeline state is compared with the state the next range starts in
 * (service characters, open interchange and its header, waiting errors): when they agree the
 * next range yields exactly what this pipeline would have, so this one stops; when they do
 * not (a split point the byte scan misjudged), this range goes on to the end of the file and
 * the later ranges' results are dropped.
 */
import { EnvelopeAssembler } from '../envelope/assembler.js';
import { isStructuralError } from '../envelope/error-limit.js';
import type { EdifactMessage, InterchangeHeader, InterchangeSummary } from '../envelope/types.js';
import { buildError, type EdifactSyntaxError, type ErrorDraft } from '../syntax/errors.js';
import { componentAt, type Segment } from '../syntax/segment.js';
import { DEFAULT_SERVICE_CHARS, formatServiceString, isSegmentGap, isUnaAt, segmentGaps, type ServiceChars } from '../syntax/service-chars.js';
import { Tokenizer, type TokenizerHandler } from '../syntax/tokenizer.js';
import { resolveProfiles, type ProfileLookup } from './compile/profile.js';
import { fromSyntaxError } from './errors.js';
import { checkServiceSegment } from './interchange.js';
import { envelopeLimits, ServiceSegments } from './source.js';
import { terminatorFrom } from './split-points.js';
import { segmentTexts, validateMessage, type MessageEnvironment } from './message.js';
import type { ValidationError } from './types.js';
import { packItems, type PackedItems } from './worker-packing.js';
import type { BoundaryState, ByteReader, ByteSpan, RangeItem, RangeJob, RangeOptions, RangeResult } from './worker-protocol.js';

/** Items per batch posted by a worker. */
const BATCH = 256;

/**
 * The tags `buildContentErrorReply` (reply.ts) reads from the refused message: RFF (case
 * reference, declaration number, sender's reference) and BRC. Only these are sent along, in
 * order, so a batch of content errors stays small; the equality tests cover the 12'ere.
 */
const REPLY_TAGS: ReadonlySet<string> = new Set(['RFF', 'BRC']);

const READ = 64 * 1024;
/**
 * Most waiting errors a range holds for its boundary state: with more waiting (a flood of UNAs,
 * which no segment follows) the state agrees with none, and the range goes on past the boundary.
 */
const PENDING_COMPARED = 64;
/** Most bytes fed past a boundary while waiting for its segment. */
const LOOKAHEAD_LIMIT = 256 * 1024;

interface Portion {
  dropped: boolean;
  continued: boolean;
  header: InterchangeHeader | null;
  env: MessageEnvironment | null;
}

/**
 * An error of an interchange that `maxErrors` counts, as a range sends it: what `fromSyntaxError`
 * reads of it (with `messageStart` null), at the file's `offset`, the tag shown already.
 */
function sentError(e: EdifactSyntaxError, offset: number | undefined): ErrorDraft {
  return { code: e.code, reason: e.reason, offset, tag: e.tag, element: e.element, component: e.component, tagShown: true };
}

function errorKey(e: ValidationError): string {
  return `${e.code}@${e.offset}:${e.segment}:${e.element}:${e.component}:${e.message}`;
}

/** Compares a range's state at its end with the next range's at its start. */
function boundaryMismatch(actual: BoundaryState, expected: BoundaryState, boundary: number): string | null {
  if (actual.segmentAt !== expected.segmentAt || actual.tag !== expected.tag) return `segment ${actual.tag}@${actual.segmentAt}, expected ${expected.tag}@${expected.segmentAt}`;
  if (actual.pendingCut || expected.pendingCut) return 'more errors waiting than compared';
  if (actual.chars !== expected.chars) return 'service characters differ';
  if (expected.tag === 'UNH') {
    if (!expected.realOpen || expected.segmentAt !== boundary || expected.pendingBefore.length > 0) return 'bad message boundary';
    if (!actual.realOpen || actual.groupOpen) return 'no interchange open, or inside a functional group';
    if (actual.unbAt !== expected.unbAt || actual.header !== expected.header) return 'another interchange';
    if (actual.pendingBefore.length > 0) return 'errors waiting';
    return null;
  }
  if (expected.tag === 'UNB') {
    if (actual.realOpen || actual.orphanOpen) return actual.pendingAll === 0 && expected.segmentAt === boundary ? null : 'errors waiting or UNA before an unclosed interchange';
    if (actual.una !== expected.una) return 'UNA seen differently';
    if (actual.pendingBefore.length !== expected.pendingBefore.length) return 'errors waiting';
    for (let i = 0; i < actual.pendingBefore.length; i++) if (actual.pendingBefore[i] !== expected.pendingBefore[i]) return 'errors waiting';
    return null;
  }
  return `boundary segment ${expected.tag}`;
}

/**
 * The pipeline of one range: tokenizer → envelope assembler → `validateMessage`, reporting
 * {@link RangeItem}s. Mirrors `EventSource` and `validateStream` (stream.ts, source.ts).
 */
class RangeRunner implements TokenizerHandler {
  private readonly tokenizer: Tokenizer;
  private readonly assembler: EnvelopeAssembler;
  private profiles: ProfileLookup | null = null;
  /** Bytes written (pipeline offsets: the prelude, then the range from `start`). */
  private written = 0;
  private readonly preludeStart: number;
  private readonly preludeLength: number;
  private readonly start: number;
  private readonly service = new ServiceSegments();
  // The assembler's state, followed from its inputs and callbacks.
  private realOpen = false;
  private orphanOpen = false;
  private groupOpen = false;
  private ends = 0;
  private openHeader: InterchangeHeader | null = null;
  /** The assembler's UNA since the last interchange closed. */
  private una: ServiceChars | null = null;
  /** Tokenizer errors waiting for their segment, unbuilt (as the assembler holds them): the first {@link PENDING_COMPARED}, and how many. */
  private pending: ErrorDraft[] = [];
  private pendingCount = 0;
  private portion: Portion | null = null;
  /** File offset where the boundary state is captured (∞: none), and what decides there. */
  private captureAt = Number.POSITIVE_INFINITY;
  private decide: (state: BoundaryState) => boolean = () => false;
  /** The captured state, and whether the range stops there. */
  state: BoundaryState | null = null;
  stopping = false;
  private stopAt = Number.POSITIVE_INFINITY;
  /** Stopping, and the boundary segment has been handled: nothing after it is this range's. */
  private sealed = false;
  private ending = false;

  constructor(
    job: Pick<RangeJob, 'start' | 'prelude'>,
    private readonly options: RangeOptions,
    private readonly emit: (item: RangeItem) => void,
  ) {
    this.start = job.start;
    this.preludeStart = job.prelude?.start ?? 0;
    this.preludeLength = job.prelude ? job.prelude.end - job.prelude.start : 0;
    this.assembler = new EnvelopeAssembler(
      {
        interchangeStart: (header) => this.onStart(header),
        message: (message) => this.onMessage(message),
        interchangeEnd: (summary) => this.onEnd(summary),
      },
      envelopeLimits(options),
    );
    this.tokenizer = new Tokenizer(this);
  }

  /** File offset of a pipeline offset. */
  private abs(offset: number): number {
    return offset < this.preludeLength ? this.preludeStart + offset : this.start + offset - this.preludeLength;
  }

  private absOrNull(offset: number | null): number | null {
    return offset === null ? null : this.abs(offset);
  }

  /** The service characters the tokenizer is using. */
  get serviceChars(): ServiceChars {
    return this.tokenizer.serviceChars;
  }

  /** The state has been captured (the boundary segment arrived). */
  get captured(): boolean {
    return this.state !== null;
  }

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.written += bytes.length;
    this.tokenizer.write(bytes);
  }

  /**
   * Captures the state when the first segment at or after file offset `at` arrives; `decide`
   * then says whether the range stops there.
   */
  arm(at: number, decide: (state: BoundaryState) => boolean): void {
    this.captureAt = at;
    this.decide = decide;
    this.state = null;
  }

  /** Gives up waiting for the boundary segment: the range goes on. */
  disarm(): void {
    this.captureAt = Number.POSITIVE_INFINITY;
  }

  /** Ends the input (at the boundary when stopping, else at the end of the file). */
  finish(): void {
    this.tokenizer.end();
    this.ending = true;
    this.assembler.end(this.written);
    this.ending = false;
  }

  // TokenizerHandler

  segment(s: Segment): void {
    if (this.sealed) return;
    if (this.abs(s.offset) >= this.captureAt && this.state === null) this.capture(s);
    this.service.see(s);
    const ends = this.ends;
    this.assembler.segment(s);
    if (this.pendingCount > 0) {
      this.pending = [];
      this.pendingCount = 0;
    }
    if (s.tag === 'UNG') this.groupOpen = true;
    else if (s.tag === 'UNE' || s.tag === 'UNB' || s.tag === 'UNZ') this.groupOpen = false;
    if (s.tag !== 'UNB' && !this.realOpen && this.ends === ends) this.orphanOpen = true;
    if (this.stopping) this.sealed = true;
  }

  error(e: EdifactSyntaxError): void {
    this.errorDraft(e);
  }

  errorDraft(d: ErrorDraft): void {
    if (this.sealed) return;
    if (this.pendingCount++ < PENDING_COMPARED) this.pending.push(d);
    this.assembler.errorDraft(d);
  }

  serviceString(chars: ServiceChars): void {
    if (this.sealed) return;
    this.una = chars;
    this.assembler.serviceString(chars);
  }

  private capture(s: Segment): void {
    const at = this.abs(s.offset);
    const state: BoundaryState = {
      segmentAt: at,
      tag: s.tag,
      chars: formatServiceString(this.tokenizer.serviceChars),
      realOpen: this.realOpen,
      orphanOpen: this.orphanOpen,
      groupOpen: this.groupOpen,
      unbAt: this.realOpen && this.service.unb ? this.abs(this.service.unb.offset) : null,
      header: this.realOpen && this.openHeader ? JSON.stringify(this.openHeader) : null,
      una: this.una === null ? null : formatServiceString(this.una),
      pendingBefore: [],
      pendingAll: this.pendingCount,
      pendingCut: this.pendingCount > this.pending.length,
    };
    for (const e of this.pending) {
      const v = this.mapError(fromSyntaxError(buildError(e), null));
      if (v.offset !== null && v.offset < at) state.pendingBefore.push(errorKey(v));
    }
    this.state = state;
    if (this.decide(state)) {
      this.stopping = true;
      this.stopAt = this.captureAt;
    } else {
      this.captureAt = Number.POSITIVE_INFINITY;
    }
  }

  private mapError(e: ValidationError): ValidationError {
    e.offset = this.absOrNull(e.offset);
    return e;
  }

  private environment(portion: Portion): MessageEnvironment {
    this.profiles ??= resolveProfiles(this.options.profile);
    portion.env ??= { header: portion.header, profiles: this.profiles, captureSegments: this.options.captureSegments, reply: null };
    return portion.env;
  }

  // EnvelopeHandler

  private onStart(header: InterchangeHeader): void {
    const openUnb = this.service.open();
    header.position.offset = this.abs(header.position.offset);
    this.realOpen = true;
    this.orphanOpen = false;
    this.openHeader = header;
    if (header.position.offset >= this.stopAt) {
      this.portion = { dropped: true, continued: false, header, env: null };
      return;
    }
    const continued = header.position.offset < this.start;
    this.portion = { dropped: false, continued, header, env: null };
    if (continued) {
      this.emit({ t: 'cont' });
    } else {
      const unb = openUnb ? { ...openUnb, offset: this.abs(openUnb.offset) } : null;
      this.emit({ t: 'start', header, unb });
    }
  }

  private orphan(): Portion {
    this.emit({ t: 'start', header: null, unb: null });
    this.portion = { dropped: false, continued: false, header: null, env: null };
    return this.portion;
  }

  private onMessage(m: EdifactMessage): void {
    const unhOffset = this.abs(m.position.offset);
    if (unhOffset >= this.stopAt) return;
    const portion = this.portion ?? this.orphan();
    if (portion.dropped) return;
    const report = validateMessage(m, this.environment(portion), false);
    for (const e of report.errors) e.offset = this.absOrNull(e.offset);
    for (const e of report.warnings) e.offset = this.absOrNull(e.offset);
    const item: RangeItem & { t: 'msg' } = { t: 'msg', report, unhOffset };
    if (this.options.messageHeaders) item.header = m.header;
    const h = portion.header;
    if (report.status === 'content-error' && this.options.replySegments && h !== null) item.segments = m.segments.filter((x) => REPLY_TAGS.has(x.tag));
    if (this.options.captureSegments && h !== null && h.sender.id !== '' && m.header.reference !== '') {
      item.unhText = segmentTexts([{ segmentPosition: 1 } as ValidationError], m.segments, h.serviceChars ?? DEFAULT_SERVICE_CHARS)[1];
    }
    this.emit(item);
  }

  private onEnd(summary: InterchangeSummary): void {
    this.una = null;
    this.realOpen = false;
    this.orphanOpen = false;
    this.groupOpen = false;
    this.ends++;
    const portion = this.portion ?? (this.ending && this.stopping ? null : this.orphan());
    this.portion = null;
    const { unb, unz, groupErrors } = this.service.close(summary.errors);
    this.openHeader = null;
    if (portion === null || portion.dropped) return;
    const continues = this.ending && this.stopping;
    const lo = portion.continued ? this.start : Number.NEGATIVE_INFINITY;
    const hi = continues ? this.stopAt : Number.POSITIVE_INFINITY;
    const errors: ErrorDraft[] = [];
    const structural: ValidationError[] = [];
    for (const e of summary.errors) {
      const offset = e.offset === undefined ? undefined : this.abs(e.offset);
      // Prelude errors belong to the range with the UNB, end-of-input errors to a later range.
      if (offset !== undefined && (offset < lo || offset >= hi)) continue;
      if (isStructuralError(e)) structural.push(this.mapError(fromSyntaxError(e, null)));
      else errors.push(sentError(e, offset));
    }
    const service = (s: Segment | null): ValidationError[] => (s === null ? [] : checkServiceSegment(s, summary.errors).map((e) => this.mapError(e)));
    const unbErrors = summary.header && !portion.continued ? service(unb) : [];
    for (const e of groupErrors) this.mapError(e);
    const unzErrors = summary.trailer ? service(unz) : [];
    let recount: { unzOffset: number; requiredOk: boolean } | null = null;
    if (portion.continued && summary.trailer && unz !== null) {
      // Counts of a part of the interchange: the merging thread checks UNZ 0036 and emptiness.
      const unzOffset = this.abs(unz.offset);
      recount = { unzOffset, requiredOk: componentAt(unz, 0, 0) !== '' && componentAt(unz, 1, 0) !== '' };
      for (let i = structural.length - 1; i >= 0; i--) {
        const e = structural[i]!;
        if (e.offset !== unzOffset || e.segment !== 'UNZ') continue;
        if ((e.code === '29' && e.element === 1) || (e.code === '32' && e.element === null)) structural.splice(i, 1);
      }
    }
    this.emit({ t: 'end', continues, errors, structural, unbErrors, groupErrors, unzErrors, groupCount: summary.groupCount, trailer: summary.trailer, recount });
  }
}

/**
 * Feeds bytes from `from` one segment at a time until the runner has captured its boundary
 * state (or gives up). Returns where feeding stopped.
 */
function feedToCapture(runner: RangeRunner, read: ByteReader, from: number, size: number): number {
  let pos = from;
  while (!runner.captured && pos < size && pos - from < LOOKAHEAD_LIMIT) {
    const window = read(pos, Math.min(READ, size - pos));
    if (window.length === 0) break;
    // A UNA is read as its nine characters (its terminator may not be the one in force).
    const gaps = segmentGaps(runner.serviceChars);
    let i = 0;
    while (i < window.length && isSegmentGap(window[i]!, gaps)) i++;
    const una = isUnaAt(window, i) && i + 9 <= window.length;
    const t = una ? i + 8 : terminatorFrom(window, 0, runner.serviceChars);
    const piece = t === -1 ? window : window.subarray(0, t + 1);
    runner.write(piece);
    pos += piece.length;
  }
  return pos;
}

function feed(runner: RangeRunner, read: ByteReader, from: number, to: number): void {
  for (let pos = from; pos < to; ) {
    const bytes = read(pos, Math.min(READ, to - pos));
    if (bytes.length === 0) break;
    runner.write(bytes);
    pos += bytes.length;
  }
}

/**
 * Validates one range of a file of `size` bytes, reporting its items through `emit`. Stops at
 * the first of `job.ends` where the state is the one expected, else goes on to the end of the
 * file.
 */
function runRange(job: RangeJob, read: ByteReader, size: number, options: RangeOptions, emit: (item: RangeItem) => void): RangeResult {
  const runner = new RangeRunner(job, options, emit);
  const mismatches: string[] = [];
  if (job.prelude) feed(runner, read, job.prelude.start, job.prelude.end);
  let pos = job.start;
  for (let k = 0; k < job.ends.length; k++) {
    const { at, expect } = job.ends[k]!;
    if (at < pos) {
      mismatches.push('fed past it');
      continue;
    }
    let mismatch: string | null = null;
    runner.arm(at, (state) => (mismatch = boundaryMismatch(state, expect, at)) === null);
    feed(runner, read, pos, at);
    pos = feedToCapture(runner, read, at, size);
    if (runner.stopping) {
      runner.finish();
      return { toEof: false, skipped: k, mismatches };
    }
    if (!runner.captured) runner.disarm();
    mismatches.push(mismatch ?? 'no segment at the boundary');
  }
  feed(runner, read, pos, size);
  runner.finish();
  return { toEof: true, skipped: job.ends.length, mismatches };
}

/**
 * The state a range starting at `start` (after `prelude`) is in when its first segment
 * arrives, or `null` when no segment arrives within the lookahead limit.
 */
export function probeBoundary(read: ByteReader, size: number, start: number, prelude: ByteSpan | null): BoundaryState | null {
  const runner = new RangeRunner({ start, prelude }, { captureSegments: false, replySegments: false, messageHeaders: false }, () => {});
  runner.arm(start, () => false);
  if (prelude) runner.write(read(prelude.start, prelude.end - prelude.start));
  if (runner.captured) return null;
  feedToCapture(runner, read, start, size);
  return runner.state;
}

/**
 * Runs a range and hands its items on packed, `BATCH` at a time (a worker posts them, the
 * inline executor clones them the same way).
 */
export function runRangeBatched(job: RangeJob, read: ByteReader, size: number, options: RangeOptions, post: (items: PackedItems) => void): RangeResult {
  let batch: RangeItem[] = [];
  const result = runRange(job, read, size, options, (item) => {
    if (batch.push(item) >= BATCH) {
      post(packItems(batch));
      batch = [];
    }
  });
  if (batch.length > 0) post(packItems(batch));
  return result;
}
