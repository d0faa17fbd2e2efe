/**
 * Split points of a file for `validateFile({ workers })`: byte offsets where a message (`UNH`)
 * or an interchange (`UNA`/`UNB`) starts, found by reading small windows around the wanted
 * offset — never the whole file. A `UNH` counts when it starts a segment: preceded, after
 * optional line breaks, by an unreleased segment terminator of the service characters in
 * force: those of the `UNA` before the interchange's `UNB` (as its syntax version reads them:
 * versions 1–3 read the decimal mark and the fifth place as `BEFORE_VERSION_4` says); without one, the defaults after the
 * `UNZ` of the interchange before, or its characters when it has no `UNZ` (the tokenizer's rule,
 * `serviceCharsAfter`). A range that starts at a `UNH` is fed the `UNA`+`UNB` bytes of its
 * interchange first (its prelude).
 *
 * The scan is a heuristic; every split point is checked exactly afterwards (`probeBoundary`
 * here, and the previous range's pipeline state when it reaches the point), so a misjudged
 * point costs parallelism, never correctness.
 */
import {
  DEFAULT_SERVICE_CHARS,
  charsUnderVersion,
  isSegmentGap,
  isUnaAt,
  parseServiceString,
  releaseInUse,
  releaseRunBefore,
  segmentGaps,
  serviceCharsAfter,
  type ServiceChars,
} from '../syntax/service-chars.js';
import type { ByteReader, ByteSpan } from './worker-protocol.js';

/** A candidate split point. */
export interface SplitPoint {
  /** Where the next range starts. */
  at: number;
  /** The interchange's `UNA`+`UNB` bytes for a split at a `UNH`; `null` at an interchange start. */
  prelude: ByteSpan | null;
  /** The interchange the point is inside (for a `UNH`). */
  context: InterchangeContext | null;
}

/** The interchange around an offset: its UNB, its prelude and the service characters in force. */
export interface InterchangeContext {
  unbAt: number;
  prelude: ByteSpan;
  chars: ServiceChars;
}

const WINDOW = 64 * 1024;
/** Bytes read before a window, to look behind a candidate. */
const MARGIN = 1024;
/** Longest UNB segment looked for. */
const UNB_MAX = 4096;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bytes of the file from `start` (clamped to 0) with their file offset. */
interface Window {
  buf: Buffer;
  base: number;
}

/**
 * `true` when the byte at `i` starts a segment under `chars`: the file starts there (after
 * gaps), or an unreleased terminator precedes it (after gaps). `false` when unsure.
 */
function startsSegment(w: Window, i: number, chars: ServiceChars): boolean {
  const gaps = segmentGaps(chars);
  let j = i - 1;
  while (j >= 0 && isSegmentGap(w.buf[j]!, gaps)) j--;
  if (j < 0) return w.base === 0;
  // The file starts with a UTF-8 byte order mark (the tokenizer skips it).
  if (w.base + j === 2 && w.buf[j] === 0xbf && w.buf[j - 1] === 0xbb && w.buf[j - 2] === 0xef) return true;
  if (w.buf[j] !== chars.terminator.charCodeAt(0)) return false;
  if (!releaseInUse(chars)) return true;
  const run = releaseRunBefore(w.buf, j, 0, chars.release.charCodeAt(0));
  // Release characters back to the window's start: more may precede it.
  if (run === j && w.base > 0) return false;
  return (run & 1) === 0;
}

/** Every blank and line break, whatever the service characters. */
const ANY_GAP = segmentGaps(null);

/**
 * A `UNA` service string advice ending right before `i`, or before blanks and line breaks the
 * tokenizer skips under its service characters. The UNA's own last characters may be blanks
 * (an LF terminator), so each end the blanks allow is tried, nearest first.
 */
function unaBefore(w: Window, i: number): { at: number; index: number; chars: ServiceChars } | null {
  let j = i - 1;
  while (j >= 0 && isSegmentGap(w.buf[j]!, ANY_GAP)) j--;
  for (let end = i - 1; end >= j && end >= 8; end--) {
    const k = end - 8;
    if (!isUnaAt(w.buf, k)) continue;
    let chars: ServiceChars;
    try {
      chars = parseServiceString(w.buf.toString('latin1', k + 3, k + 9), w.base + k);
    } catch {
      chars = DEFAULT_SERVICE_CHARS;
    }
    const gaps = segmentGaps(chars);
    let skipped = true;
    for (let g = end + 1; g < i && skipped; g++) skipped = isSegmentGap(w.buf[g]!, gaps);
    if (skipped) return { at: w.base + k, index: k, chars };
  }
  return null;
}

/**
 * The service characters in force at index `i` of `w`, where a segment would start, in or after
 * the interchange `before`: {@link serviceCharsAfter} its `UNZ` — the last one between its `UNB`
 * and `i`, no further back than `MARGIN` — when `i` follows it directly (its gaps skipped under
 * them) or starts a segment under them (segments outside any interchange may come between, read
 * with them, as the tokenizer reads them); else its own characters when a segment under them
 * ends right before `i`; `null` when none does. Further segments after a UNZ make the finder
 * guess `before` (a misjudged point costs parallelism only).
 */
function inForceAt(w: Window, i: number, before: InterchangeContext): ServiceChars | null {
  const chars = before.chars;
  const element = chars.element.charCodeAt(0);
  const floor = Math.max(0, before.unbAt - w.base, i - MARGIN);
  for (let k = i >= 4 ? w.buf.lastIndexOf('UNZ', i - 4, 'latin1') : -1; k >= floor; k = k > 0 ? w.buf.lastIndexOf('UNZ', k - 1, 'latin1') : -1) {
    if (w.buf[k + 3] !== element || !startsSegment(w, k, chars)) continue;
    const t = terminatorFrom(w.buf, k, chars);
    if (t === -1 || t >= i) break;
    const after = serviceCharsAfter('UNZ', chars);
    const gaps = segmentGaps(after);
    let next = t + 1;
    while (next < i && isSegmentGap(w.buf[next]!, gaps)) next++;
    if (next === i || startsSegment(w, i, after)) return after;
    break;
  }
  return startsSegment(w, i, chars) ? chars : null;
}

/**
 * The syntax version (S001 0002) of the UNB that starts `buf` and ends at index `t`: the text
 * between the first component separator of its first element and the next separator; `''` when
 * there is none (an identifier and version hold no released characters worth reading).
 */
function syntaxVersionOf(buf: Buffer, t: number, chars: ServiceChars): string {
  const component = chars.component.charCodeAt(0);
  const element = chars.element.charCodeAt(0);
  let k = 4;
  while (k < t && buf[k] !== component && buf[k] !== element) k++;
  if (k >= t || buf[k] !== component) return '';
  let end = k + 1;
  while (end < t && buf[end] !== component && buf[end] !== element) end++;
  return buf.toString('latin1', k + 1, end);
}

/** Index of the first unreleased terminator at or after `from` (−1: none). */
export function terminatorFrom(bytes: Uint8Array, from: number, chars: ServiceChars): number {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = chars.terminator.charCodeAt(0);
  const r = releaseInUse(chars) ? chars.release.charCodeAt(0) : -1;
  for (let i = buf.indexOf(t, from); i !== -1; i = buf.indexOf(t, i + 1)) {
    if (r === -1 || (releaseRunBefore(buf, i, from, r) & 1) === 0) return i;
  }
  return -1;
}

/** Finds split points in order; each search looks back at most to the last accepted point. */
export class SplitFinder {
  private lastAt = 0;
  private lastContext: InterchangeContext | null = null;

  constructor(
    private readonly read: ByteReader,
    private readonly size: number,
  ) {}

  private window(start: number, length: number): Window {
    const base = Math.max(0, start);
    return { buf: asBuffer(this.read(base, Math.min(length - (base - start), this.size - base))), base };
  }

  /**
   * An interchange starting with the `UNB` at index `i` of `w`: its start (the `UNA` when one
   * precedes it) and context. `before`: the interchange before, if known (else the defaults are
   * assumed for a `UNB` without a `UNA`).
   */
  private interchangeAt(w: Window, i: number, before: InterchangeContext | null): { at: number; context: InterchangeContext } | null {
    const una = unaBefore(w, i);
    let chars: ServiceChars | null;
    if (before === null) {
      chars = una?.chars ?? DEFAULT_SERVICE_CHARS;
      if (!una && !startsSegment(w, i, chars)) return null;
    } else {
      chars = inForceAt(w, una?.index ?? i, before);
      if (chars === null) return null;
      if (una) chars = una.chars;
    }
    if (w.buf[i + 3] !== chars.element.charCodeAt(0)) return null;
    const at = una?.at ?? w.base + i;
    const unbAt = w.base + i;
    const tail = this.window(unbAt, UNB_MAX);
    const t = terminatorFrom(tail.buf, 0, chars);
    if (t === -1) return null;
    // A UNB of syntax version 1–3 reads a UNA's decimal mark and fifth place as the tokenizer does.
    chars = charsUnderVersion(chars, syntaxVersionOf(tail.buf, t, chars));
    return { at, context: { unbAt, prelude: { start: at, end: unbAt + t + 1 }, chars } };
  }

  /**
   * The interchange `offset` is inside, looking back to the last accepted split point. A `UNB`
   * that is no interchange start under the defaults may be one under the characters of the
   * interchange before (after its `UNZ`, or without one): it is looked at again, in order, once
   * that interchange is found. One that is (after a terminator of the defaults, without a `UNA`)
   * is taken as read with them, unseen what comes before: wrong after an interchange without
   * `UNZ` whose `UNA` keeps `'` and `+` (a range cannot start there anyway: its prelude would
   * need that `UNA` too), or for `'UNB+` in data under another terminator. Either costs
   * parallelism only; confirming every such `UNB` would look back a whole range on each file
   * whose interchanges lack their `UNZ`.
   */
  contextAt(offset: number): InterchangeContext | null {
    let context = this.lastContext;
    const undecided: Array<{ w: Window; i: number }> = [];
    search: for (let hi = offset; hi > this.lastAt; ) {
      const lo = Math.max(this.lastAt, hi - WINDOW);
      const w = this.window(lo - MARGIN, hi - lo + MARGIN + 4);
      for (let i = w.buf.lastIndexOf('UNB', hi - w.base - 1, 'latin1'); i !== -1 && w.base + i >= lo; i = i > 0 ? w.buf.lastIndexOf('UNB', i - 1, 'latin1') : -1) {
        const found = this.interchangeAt(w, i, null);
        if (found) {
          context = found.context;
          break search;
        }
        undecided.push({ w, i });
      }
      hi = lo;
    }
    for (let k = undecided.length - 1; k >= 0 && context !== null; k--) {
      const { w, i } = undecided[k]!;
      context = this.interchangeAt(w, i, context)?.context ?? context;
    }
    return context;
  }

  /**
   * Whether a functional group (UNG…UNE) is open at `at` in the interchange of `context`: the
   * nearest UNG or UNE before it, looking back to the interchange's UNB or the last accepted
   * point (never inside a group), decides.
   */
  private insideGroup(at: number, context: InterchangeContext): boolean {
    const floor = Math.max(context.unbAt, this.lastAt);
    const element = context.chars.element.charCodeAt(0);
    for (let hi = at; hi > floor; ) {
      const lo = Math.max(floor, hi - WINDOW);
      const w = this.window(lo - MARGIN, hi - lo + MARGIN + 4);
      let nearest = -1;
      let group = false;
      for (const tag of ['UNG', 'UNE']) {
        for (let i = w.buf.lastIndexOf(tag, hi - w.base - 1, 'latin1'); i !== -1 && w.base + i >= lo; i = i > 0 ? w.buf.lastIndexOf(tag, i - 1, 'latin1') : -1) {
          if (w.buf[i + 3] !== element || !startsSegment(w, i, context.chars)) continue;
          if (i > nearest) {
            nearest = i;
            group = tag === 'UNG';
          }
          break;
        }
      }
      if (nearest !== -1) return group;
      hi = lo;
    }
    return false;
  }

  /**
   * The first split point after `from` (and after the last accepted one): an interchange start
   * within `prefer` bytes, else the first message start.
   */
  next(from: number, prefer: number): SplitPoint | null {
    from = Math.max(from, this.lastAt + 1);
    let context: InterchangeContext | null | undefined;
    let message: SplitPoint | null = null;
    for (let lo = from; lo < this.size; lo += WINDOW) {
      const w = this.window(lo - MARGIN, WINDOW + MARGIN + 4);
      const stop = lo + WINDOW - w.base;
      for (let i = w.buf.indexOf('UN', lo - w.base, 'latin1'); i !== -1 && i < stop; i = w.buf.indexOf('UN', i + 1, 'latin1')) {
        const kind = w.buf[i + 2];
        if (kind !== 0x42 /* B */ && kind !== 0x48 /* H */) continue;
        if (context === undefined) context = this.contextAt(from);
        if (kind === 0x42) {
          const found = this.interchangeAt(w, i, context ?? null);
          if (found && found.at > this.lastAt) return { at: found.at, prelude: null, context: found.context };
          // The interchange the last point starts: messages after it are inside it.
          if (found) context = found.context;
        } else if (
          message === null &&
          context !== null &&
          w.buf[i + 3] === context.chars.element.charCodeAt(0) &&
          startsSegment(w, i, context.chars) &&
          !this.insideGroup(w.base + i, context)
        ) {
          message = { at: w.base + i, prelude: context.prelude, context };
        }
        if (message !== null && w.base + i - from > prefer) return message;
      }
      if (message !== null && lo + WINDOW - from > prefer) return message;
    }
    return message;
  }

  /** Records an accepted split point: later searches look back no further. */
  accept(point: SplitPoint): void {
    this.lastAt = point.at;
    this.lastContext = point.context;
  }
}
