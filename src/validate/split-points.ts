/**
 * Split points of a file for `validateFile({ workers })`: byte offsets where a message (`UNH`)
 * or an interchange (`UNA`/`UNB`) starts, found by reading small windows around the wanted
 * offset — never the whole file. A `UNH` counts when it starts a segment: preceded, after
 * optional line breaks, by an unreleased segment terminator of the service characters in
 * force: those of the `UNA` before the interchange's `UNB` (as its syntax version reads them:
 * versions 1–3 read the decimal mark and the fifth place as `BEFORE_VERSION_4` says); without one, the defaults after the
 * `UNZ` of the interchange before, or its characters when it has no `UNZ` (the tokenizer's rule,
 * `serviceCharsAfter`). A range that starts at a `UNH` is fed the `UNA`+`UNB` bytes of its
 * interchange first (its prelude); no range starts inside an interchange whose `UNB` has no
 * `UNA` and inherits characters other than the defaults (no prelude of its own gives them).
 *
 * Looking back from the wanted offset, the finder takes the nearest interchange start it can
 * read without knowing what came before: one that starts the file or follows a `UNZ` (after
 * every `UNZ` the defaults are in force until a `UNA`). Any other `UNB` or `UNA` may be data or
 * inherit characters (`'UNB+` under a `UNA` with another terminator, release character or
 * element separator; a `UNB` after an interchange without `UNZ`): it is read with the
 * characters of the interchange before it, found further back (or of the last accepted point,
 * or of the file start). What it still misreads is a `UNZ` and an interchange start both
 * forged in data under such a `UNA`: telling them from real ones means reading the file back to
 * the last accepted point on every search (for a file of many interchanges, about the bytes
 * the workers read once more, on the calling thread). Every split point is checked exactly
 * afterwards (`probeBoundary` here, and the previous range's pipeline state when it reaches
 * the point), so a misjudged point costs parallelism, never correctness.
 */
import {
  DEFAULT_SERVICE_CHARS,
  charsUnderVersion,
  isLetterOrDigit,
  isSegmentGap,
  isUnaAt,
  parseServiceString,
  releaseInUse,
  releaseRunBefore,
  sameServiceChars,
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
  /**
   * The interchange's `UNA`+`UNB` bytes, which give a range started inside it the characters it
   * is read with; `null` when they cannot: its `UNB` has no `UNA` of its own and is read with
   * characters other than the defaults (those of an interchange before it without `UNZ`), which
   * a range fed that `UNB` alone, or started at it, would not read it with. No range starts in it.
   */
  prelude: ByteSpan | null;
  chars: ServiceChars;
}

/** What a segment is read with after the `UNB` at `unbAt` (or the file start): the characters `chars`. */
type Before = Pick<InterchangeContext, 'unbAt' | 'chars'>;

/** The file start: the defaults, no interchange open. */
const FILE_START: Before = { unbAt: 0, chars: DEFAULT_SERVICE_CHARS };

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

/** Whether index `j` of `w` ends the UTF-8 byte order mark the file starts with (the tokenizer skips it). */
function endsByteOrderMark(w: Window, j: number): boolean {
  return w.base + j === 2 && w.buf[j] === 0xbf && w.buf[j - 1] === 0xbb && w.buf[j - 2] === 0xef;
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
  if (endsByteOrderMark(w, j)) return true;
  if (w.buf[j] !== chars.terminator.charCodeAt(0)) return false;
  if (!releaseInUse(chars)) return true;
  const run = releaseRunBefore(w.buf, j, 0, chars.release.charCodeAt(0));
  // Release characters back to the window's start: more may precede it.
  if (run === j && w.base > 0) return false;
  return (run & 1) === 0;
}

/**
 * Index of the last unreleased terminator under `chars` before index `end` of `w`; −1 when the
 * file has none before it, `null` when unsure (the window starts first, or in a run of release
 * characters).
 */
function lastTerminatorBefore(w: Window, end: number, chars: ServiceChars): number | null {
  const t = chars.terminator.charCodeAt(0);
  const r = releaseInUse(chars) ? chars.release.charCodeAt(0) : -1;
  for (let k = end > 0 ? w.buf.lastIndexOf(t, end - 1) : -1; k !== -1; k = k > 0 ? w.buf.lastIndexOf(t, k - 1) : -1) {
    if (r === -1) return k;
    const run = releaseRunBefore(w.buf, k, 0, r);
    if (run === k && w.base > 0) return null;
    if ((run & 1) === 0) return k;
  }
  return w.base === 0 ? -1 : null;
}

/** Every blank and line break, whatever the service characters. */
const ANY_GAP = segmentGaps(null);

/**
 * Whether the bytes of `w` from `s` (after blanks and line breaks) to the terminator at `end`
 * read as a `UNZ` segment: its tag, then `element` (`null`: any separator, no letter or digit).
 */
function readsAsUnz(w: Window, s: number, end: number, element: number | null): boolean {
  while (s < end && isSegmentGap(w.buf[s]!, ANY_GAP)) s++;
  if (s + 3 >= end || w.buf[s] !== 0x55 || w.buf[s + 1] !== 0x4e || w.buf[s + 2] !== 0x5a) return false;
  const separator = w.buf[s + 3]!;
  return element === null ? !isLetterOrDigit(separator) && separator !== w.buf[end] : separator === element;
}

/**
 * Whether an interchange may start at index `p` of `w` whatever came before it (the finder
 * looking back blind): nothing but gaps and a byte order mark precede it in the file, or it
 * follows a segment that reads as a `UNZ` — after every `UNZ` the tokenizer reads with the
 * defaults until a `UNA` ({@link serviceCharsAfter}). `chars`: the characters that segment is
 * read with (the defaults, for a `UNB` without a `UNA`, which must start a segment under them);
 * `null` for a `UNA`, which may follow a `UNZ` under any: its terminator is then the last byte
 * before `p` that is no blank or line break, or one of those (a line feed may be the
 * terminator), and no release character is looked for.
 */
function followsUnz(w: Window, p: number, chars: ServiceChars | null): boolean {
  const gaps = chars === null ? ANY_GAP : segmentGaps(chars);
  let j = p - 1;
  while (j >= 0 && isSegmentGap(w.buf[j]!, gaps)) j--;
  if (j < 0) return w.base === 0;
  if (endsByteOrderMark(w, j)) return true;
  if (chars !== null) {
    if (w.buf[j] !== chars.terminator.charCodeAt(0)) return false;
    const previous = lastTerminatorBefore(w, j, chars);
    return previous !== null && readsAsUnz(w, previous + 1, j, chars.element.charCodeAt(0));
  }
  for (let end = p - 1; end >= j; end--) {
    const t = w.buf[end]!;
    if (isLetterOrDigit(t)) continue;
    const previous = end > 0 ? w.buf.lastIndexOf(t, end - 1) : -1;
    if ((previous !== -1 || w.base === 0) && readsAsUnz(w, previous + 1, end, null)) return true;
  }
  return false;
}

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

/** What `visit` answers for the first `tag` in `w` it answers for, looking back from file offset `hi` to `lo`. */
function visitBack<T>(w: Window, tag: string, lo: number, hi: number, visit: (w: Window, i: number) => T | undefined): T | undefined {
  for (let i = w.buf.lastIndexOf(tag, hi - w.base - 1, 'latin1'); i !== -1 && w.base + i >= lo; i = i > 0 ? w.buf.lastIndexOf(tag, i - 1, 'latin1') : -1) {
    const answer = visit(w, i);
    if (answer !== undefined) return answer;
  }
  return undefined;
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
  /** Where {@link unzEndBefore} last found no `UNZ` of `before`'s interchange: none starts before `upTo`. */
  private noUnz: { before: Before; upTo: number } | null = null;

  constructor(
    private readonly read: ByteReader,
    private readonly size: number,
  ) {}

  private window(start: number, length: number): Window {
    const base = Math.max(0, start);
    return { buf: asBuffer(this.read(base, Math.min(length - (base - start), this.size - base))), base };
  }

  /**
   * Looks back from file offset `hi` to `floor` for `tag`, nearest first, calling `visit` on each
   * until it answers: in `first`, where a candidate has `MARGIN` bytes before it (or the file
   * start), then in windows read further back.
   */
  private walkBack<T>(tag: string, hi: number, floor: number, visit: (w: Window, i: number) => T | undefined, first?: Window): T | undefined {
    if (first !== undefined) {
      const lo = Math.max(floor, first.base === 0 ? 0 : first.base + MARGIN);
      if (lo < hi) {
        const answer = visitBack(first, tag, lo, hi, visit);
        if (answer !== undefined) return answer;
        hi = lo;
      }
    }
    while (hi > floor) {
      const lo = Math.max(floor, hi - WINDOW);
      const answer = visitBack(this.window(lo - MARGIN, hi - lo + MARGIN + 4), tag, lo, hi, visit);
      if (answer !== undefined) return answer;
      hi = lo;
    }
    return undefined;
  }

  /**
   * File offset of the terminator of the last `UNZ` of `before`'s interchange that starts before
   * index `i` of `w` — a `UNZ` and its element separator at a segment start under its
   * characters, looked for back to its `UNB` or the last accepted point, whichever is later; −1:
   * none.
   */
  private unzEndBefore(w: Window, i: number, before: Before): number {
    const at = w.base + i;
    const chars = before.chars;
    const element = chars.element.charCodeAt(0);
    let floor = Math.max(before.unbAt, this.lastAt);
    // A search with the same `before` found none below `upTo`: look no further back than that.
    if (this.noUnz !== null && this.noUnz.before === before && this.noUnz.upTo <= at) floor = Math.max(floor, this.noUnz.upTo);
    const end = this.walkBack(
      'UNZ',
      at,
      floor,
      (v, k) => {
        if (v.buf[k + 3] !== element || !startsSegment(v, k, chars)) return undefined;
        const t = terminatorFrom(v.buf, k, chars);
        if (t !== -1) return v.base + t;
        const tail = this.window(v.base + k, UNB_MAX);
        const far = terminatorFrom(tail.buf, 0, chars);
        return far === -1 ? Number.POSITIVE_INFINITY : tail.base + far;
      },
      w,
    );
    if (end !== undefined) return end;
    this.noUnz = { before, upTo: at };
    return -1;
  }

  /**
   * The service characters in force at index `i` of `w`, where a segment would start, after
   * `before` (an interchange, or the file start): the defaults ({@link serviceCharsAfter}) when a
   * `UNZ` of its interchange ends before `i` ({@link unzEndBefore}) and `i` follows it directly
   * (its gaps skipped under them) or starts a segment under them (segments outside any
   * interchange may come between, read with them, as the tokenizer reads them); `before`'s own
   * characters when there is no such `UNZ` and a segment under them ends right before `i`;
   * `null` when `i` starts no segment.
   */
  private inForceAt(w: Window, i: number, before: Before): ServiceChars | null {
    // A segment starts at `i` under `before`'s characters or (after a UNZ) the defaults, or none does: no need to look for the UNZ.
    if (!startsSegment(w, i, before.chars) && !startsSegment(w, i, DEFAULT_SERVICE_CHARS)) return null;
    const unz = this.unzEndBefore(w, i, before);
    if (unz === -1) return startsSegment(w, i, before.chars) ? before.chars : null;
    const end = unz - w.base;
    if (end >= i) return null;
    const after = serviceCharsAfter('UNZ', before.chars);
    if (end >= 0) {
      const gaps = segmentGaps(after);
      let next = end + 1;
      while (next < i && isSegmentGap(w.buf[next]!, gaps)) next++;
      if (next === i) return after;
    }
    return startsSegment(w, i, after) ? after : null;
  }

  /**
   * An interchange starting with the `UNB` at index `i` of `w`: its start (the `UNA` when one
   * precedes it) and context. `before`: the interchange before (or the file start), if known;
   * else (looking back blind) it is taken only where it follows a `UNZ` or starts the file
   * ({@link followsUnz}), read with its `UNA`'s characters or else the defaults.
   */
  private interchangeAt(w: Window, i: number, before: Before | null): { at: number; context: InterchangeContext } | null {
    const una = unaBefore(w, i);
    let chars: ServiceChars | null;
    if (before === null) {
      chars = una?.chars ?? DEFAULT_SERVICE_CHARS;
      if (una ? !followsUnz(w, una.index, null) : !(startsSegment(w, i, chars) && followsUnz(w, i, chars))) return null;
    } else {
      chars = this.inForceAt(w, una?.index ?? i, before);
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
    // A range fed these bytes, or started at them, reads the interchange with its UNA's characters, else the defaults.
    const prelude = una !== null || sameServiceChars(chars, DEFAULT_SERVICE_CHARS) ? { start: at, end: unbAt + t + 1 } : null;
    return { at, context: { unbAt, prelude, chars } };
  }

  /**
   * The interchange `offset` is inside, looking back to the last accepted split point. The
   * nearest interchange start that shows its characters is taken: one with a `UNA` of its own, or
   * a `UNB` without one where the defaults must be in force (after a `UNZ`, or at the file
   * start). A `UNB` after a terminator of the defaults anywhere else is not read with them
   * blind: after an interchange without `UNZ` it is read with that interchange's characters, and
   * under a `UNA` with another terminator, release character or element separator `'UNB+` (or
   * `!'UNB+` under the release character `!`) may be data. Such a `UNB`, and one that starts no
   * segment under the defaults, is looked at again, in order, with the characters of the
   * interchange before it (or of the last accepted point, or of the file start) once that is known.
   */
  contextAt(offset: number): InterchangeContext | null {
    const undecided: Array<{ w: Window; i: number }> = [];
    let context =
      this.walkBack('UNB', offset, this.lastAt, (w, i) => {
        const found = this.interchangeAt(w, i, null);
        if (found === null) undecided.push({ w, i });
        return found?.context;
      }) ?? this.lastContext;
    for (let k = undecided.length - 1; k >= 0; k--) {
      const { w, i } = undecided[k]!;
      // No context: the search reached the file start (the only point accepted without one).
      context = this.interchangeAt(w, i, context ?? FILE_START)?.context ?? context;
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
          const found = this.interchangeAt(w, i, context ?? FILE_START);
          // A range started there would read it with the characters of its own bytes, which must be the ones it is read with.
          if (found && found.at > this.lastAt && found.context.prelude !== null) return { at: found.at, prelude: null, context: found.context };
          // The interchange the last point starts, or one no range can start in: messages after it are inside it.
          if (found) context = found.context;
        } else if (
          message === null &&
          context !== null &&
          context.prelude !== null &&
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
