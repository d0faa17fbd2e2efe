/**
 * How a worker's range items travel to the calling thread: packed into columns by the worker
 * (`packItems`), unpacked in order by the merger (`unpackItems`). Split from `worker-range.ts`,
 * which produces the items; the format is private to these two sides.
 */
import type { MessageReport, ValidationError } from './types.js';
import type { RangeItem } from './worker-protocol.js';

/**
 * A batch of items as posted, in columns: the structured clone writes every value (and every
 * property name of every object) it meets, so the one row per message most batches consist of
 * goes as numbers into one `Float64Array` (copied whole), the message references as one string,
 * repeated strings (kinds, codes, types, profiles, tags) as indexes into `strings`, and only
 * what is rare — a message's errors, warnings, segments, header; the other items — as values.
 */
export interface PackedItems {
  strings: Array<string | null>;
  /** {@link ROW} numbers per item, in order. */
  rows: Float64Array;
  /** The messages' UNH 0062 values, end to end (each row has its length). */
  references: string;
  rest: unknown[];
}

/**
 * The numbers of an item row, by column (an enum: packing and unpacking name the same
 * column, and the bundler writes the offsets as literals). A `whole` item's row holds only
 * what it is and where in `rest` it is.
 */
enum Col {
  what,
  index,
  referenceLength,
  kind,
  documentCode,
  status,
  messageType,
  profileId,
  unhOffset,
  /** Index in `rest` of a message's rare parts, or {@link NONE}. */
  extras,
}
/** Numbers per item row. */
const ROW = Col.extras + 1;
/** `Col.what` of a row; `Col.index` of a `WHOLE` row is its index in `rest`. */
const WHOLE = 0;
const MSG = 1;
const STATUS: readonly MessageReport['status'][] = ['accepted', 'rejected', 'content-error'];
/** A message's rare parts, in `rest` (a tuple: the clone writes no property names for it). */
type PackedExtras = [
  errors: unknown[] | null,
  warnings: unknown[] | null,
  segmentText: Record<number, string> | null,
  segments: unknown[] | null,
  unhText: string | null,
  header: Array<string | null> | null,
];
const NO_EXTRAS: PackedExtras = [null, null, null, null, null, null];
/** Values per error in a message's errors or warnings. */
const ERROR_WIDTH = 8;
const NONE = -1;

export function packItems(items: readonly RangeItem[]): PackedItems {
  const strings: Array<string | null> = [];
  const index = new Map<string | null, number>();
  // Most rows repeat the previous row's value (one kind, code and profile after another):
  // compare with it first, as a Map lookup hashes each fresh string.
  let lastString: string | null | undefined;
  let lastIndex = -1;
  const s = (x: string | null): number => {
    if (x === lastString) return lastIndex;
    let i = index.get(x);
    if (i === undefined) {
      i = strings.push(x) - 1;
      index.set(x, i);
    }
    lastString = x;
    lastIndex = i;
    return i;
  };
  /** A message's errors or warnings, {@link ERROR_WIDTH} values each; `null` for none. */
  const packErrors = (list: readonly ValidationError[]): unknown[] | null => {
    if (list.length === 0) return null;
    const out: unknown[] = [];
    for (const e of list) out.push(s(e.code), s(e.rule), s(e.segment), e.segmentPosition, e.element, e.component, e.offset, e.message);
    return out;
  };
  const rows = new Float64Array(items.length * ROW);
  let references = '';
  const rest: unknown[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const at = k * ROW;
    if (item.t !== 'msg') {
      rows[at + Col.what] = WHOLE;
      rows[at + Col.index] = rest.push(item) - 1;
      continue;
    }
    const r = item.report;
    const errors = packErrors(r.errors);
    const warnings = packErrors(r.warnings);
    let segments: unknown[] | null = null;
    if (item.segments) {
      segments = [];
      for (const x of item.segments) segments.push(s(x.tag), x.elements);
    }
    const h = item.header;
    const header = h ? [h.reference, h.type, h.version, h.release, h.agency, h.associationCode, h.commonAccessReference] : null;
    const extras = errors !== null || warnings !== null || r.segmentText !== undefined || segments !== null || item.unhText !== undefined || header !== null;
    rows[at + Col.what] = MSG;
    rows[at + Col.index] = r.index;
    rows[at + Col.referenceLength] = r.reference === null ? NONE : r.reference.length;
    rows[at + Col.kind] = s(r.kind);
    rows[at + Col.documentCode] = s(r.documentCode);
    rows[at + Col.status] = STATUS.indexOf(r.status);
    rows[at + Col.messageType] = s(r.messageType);
    rows[at + Col.profileId] = s(r.profileId);
    rows[at + Col.unhOffset] = item.unhOffset;
    if (extras) {
      const packed: PackedExtras = [errors, warnings, r.segmentText ?? null, segments, item.unhText ?? null, header];
      rows[at + Col.extras] = rest.push(packed) - 1;
    } else rows[at + Col.extras] = NONE;
    if (r.reference !== null) references += r.reference;
  }
  return { strings, rows, references, rest };
}

function unpackErrors(e: unknown[], str: (i: unknown) => string | null): ValidationError[] {
  const errors: ValidationError[] = [];
  for (let k = 0; k < e.length; k += ERROR_WIDTH) {
    errors.push({
      code: str(e[k]) as string,
      rule: str(e[k + 1]),
      segment: str(e[k + 2]),
      segmentPosition: e[k + 3] as number | null,
      element: e[k + 4] as number | null,
      component: e[k + 5] as number | null,
      offset: e[k + 6] as number | null,
      message: e[k + 7] as string,
    });
  }
  return errors;
}

export function unpackItems(packed: PackedItems): RangeItem[] {
  const { strings, rows, references, rest } = packed;
  const str = (i: unknown): string | null => strings[i as number] as string | null;
  const out: RangeItem[] = [];
  let referenceAt = 0;
  for (let at = 0; at < rows.length; at += ROW) {
    if (rows[at + Col.what] === WHOLE) {
      out.push(rest[rows[at + Col.index]!] as RangeItem);
      continue;
    }
    const referenceLength = rows[at + Col.referenceLength]!;
    let reference: string | null = null;
    if (referenceLength !== NONE) {
      reference = references.slice(referenceAt, referenceAt + referenceLength);
      referenceAt += referenceLength;
    }
    const extrasAt = rows[at + Col.extras]!;
    const [errors, warnings, segmentText, segs, unhText, h] = extrasAt === NONE ? NO_EXTRAS : (rest[extrasAt] as PackedExtras);
    const report: MessageReport = {
      index: rows[at + Col.index]!,
      reference,
      kind: str(rows[at + Col.kind]),
      documentCode: str(rows[at + Col.documentCode]),
      status: STATUS[rows[at + Col.status]!]!,
      errors: errors === null ? [] : unpackErrors(errors, str),
      warnings: warnings === null ? [] : unpackErrors(warnings, str),
      reply: null,
      messageType: str(rows[at + Col.messageType]),
      profileId: str(rows[at + Col.profileId]),
    };
    if (segmentText !== null) report.segmentText = segmentText;
    const item: RangeItem & { t: 'msg' } = { t: 'msg', report, unhOffset: rows[at + Col.unhOffset]! };
    if (segs !== null) {
      item.segments = [];
      for (let k = 0; k < segs.length; k += 2) item.segments.push({ tag: str(segs[k]) as string, elements: segs[k + 1] as string[][], offset: 0, segmentNumber: 0, messageSegmentNumber: 0 });
    }
    if (unhText !== null) item.unhText = unhText;
    if (h !== null) {
      item.header = { reference: h[0]!, type: h[1]!, version: h[2]!, release: h[3]!, agency: h[4]!, associationCode: h[5] ?? null, commonAccessReference: h[6] ?? null };
    }
    out.push(item);
  }
  return out;
}

