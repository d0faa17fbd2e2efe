/**
 * A data element as its components. A simple element is a one-component array:
 * `RFF+POL:123'` has elements `[['POL', '123']]`; `BGM+9'` has `[['9']]`.
 * Empty elements and components are kept (`['']`), so writing back is exact.
 */
export type Element = string[];

/** One segment as read from (or to be written to) the wire. */
export interface Segment {
  /** Segment tag, e.g. `UNH`, `NAD`. */
  tag: string;
  /** Data elements after the tag, 0-based here; element positions in errors are 1-based. */
  elements: Element[];
  /**
   * Syntax 4 repetitions: for an element index that repeated (`a*b`), every occurrence in order.
   * `elements[i]` then holds the first occurrence. Absent when nothing repeated.
   */
  repeats?: Record<number, Element[]>;
  /** Absolute byte offset of the first byte of the tag (character offset for string input). */
  offset: number;
  /** 1-based segment number in the interchange (UNB = 1; 0 before any UNB). */
  segmentNumber: number;
  /** 1-based segment number in the current message (UNH = 1; 0 outside a message). */
  messageSegmentNumber: number;
}

/** The minimum needed to write a segment. */
export interface SegmentInput {
  /** Segment tag, e.g. `NAD`; written as given, its service characters released (`UNH:1`, syntax 4, keeps its component separator). */
  tag: string;
  /**
   * Data elements after the tag, 0-based, each as its components (`[['POL', '123']]` writes
   * `+POL:123`). Written as given: empty elements and components are kept, none is trimmed.
   */
  elements: ReadonlyArray<ReadonlyArray<string>>;
  /**
   * Syntax 4 repetitions, by 0-based element index: every occurrence of that element, in order,
   * written joined by the repetition separator in place of `elements[i]`. More than one
   * occurrence with no repetition separator in use is syntax error 35.
   */
  repeats?: Record<number, ReadonlyArray<ReadonlyArray<string>>>;
}

/** Component `c` (0-based) of element `e` (0-based), or `''` when absent. */
export function componentAt(segment: SegmentInput, e: number, c = 0): string {
  return segment.elements[e]?.[c] ?? '';
}

/**
 * A copy of `value` that shares no memory with the input it was read from. Values are sliced
 * out of the input chunk, and V8 keeps the whole chunk alive as long as any slice of it lives:
 * anything kept for the length of a run (duplicate-detection keys, case registers) should hold
 * detached copies, or memory grows with the input.
 */
export function detach(value: string): string {
  return value.length === 0 ? '' : Buffer.from(value, 'utf8').toString('utf8');
}

/** The number in `value[from, to)` when it is all ASCII digits, else -1 (control counts, dates). */
export function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
