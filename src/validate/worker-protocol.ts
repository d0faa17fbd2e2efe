/**
 * What the calling thread and `validateFile`'s workers exchange: the ranges they are given, the
 * items and results they report, and how a worker reads the file. All structured-cloneable.
 */
import { readSync } from 'node:fs';
import type { InterchangeHeader, MessageHeader } from '../envelope/types.js';
import type { GuideProfile } from '../schema/profile.js';
import type { ErrorDraft } from '../syntax/errors.js';
import type { Segment } from '../syntax/segment.js';
import type { MessageReport, ProfileMap, ValidationError } from './types.js';
import type { PackedItems } from './worker-packing.js';

/** Reads `length` bytes of the file at `offset` (fewer at its end). */
export type ByteReader = (offset: number, length: number) => Uint8Array;

/**
 * The error when the file at `path` is no longer `size` bytes long (`now`, or `null` when only a
 * read came short): the ranges were planned on the size it had when validation started.
 */
export function fileChangedSize(path: string, size: number, now: number | null): Error {
  const found = now === null ? 'a read came short of it' : `it is ${now} bytes now`;
  return new Error(`fp-edifact: validateFile: ${path} changed size during validation (it was ${size} bytes when validation started; ${found}); validate it again once it is complete`);
}

/**
 * A {@link ByteReader} over the open file `path` of `size` bytes (its size when validation
 * started); a read that comes short within those bytes — the file shrank — throws
 * {@link fileChangedSize} rather than let a range end early.
 */
export function fileReader(fd: number, path: string, size: number): ByteReader {
  return (offset, length) => {
    const buf = Buffer.allocUnsafe(Math.max(0, length));
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    if (done < length && offset + done < size) throw fileChangedSize(path, size, null);
    return done === length ? buf : buf.subarray(0, done);
  };
}

/** Bytes `[start, end)` of the file. */
export interface ByteSpan {
  start: number;
  end: number;
}

/** What a worker needs of the validate options (all structured-cloneable). */
export interface RangeOptions {
  profile?: GuideProfile | ProfileMap | undefined;
  captureSegments: boolean;
  maxMessageSegments?: number | undefined;
  maxErrors?: number | undefined;
  /** Send a content-error message's segments: the calling thread builds its 12'er. */
  replySegments: boolean;
  /** Send each message's UNH header (CONTRL `message`/`segment` detail). */
  messageHeaders: boolean;
}

/**
 * The pipeline state when the boundary segment arrives (before the assembler sees it); a
 * range's state at its end must equal the next range's at its start.
 */
export interface BoundaryState {
  /** File offset and tag of the first segment at or after the boundary. */
  segmentAt: number;
  tag: string;
  /** The tokenizer's service characters then (UNA string form). */
  chars: string;
  realOpen: boolean;
  orphanOpen: boolean;
  groupOpen: boolean;
  /** UNB offset and header (JSON) of the open interchange. */
  unbAt: number | null;
  header: string | null;
  /** A UNA the assembler has seen since the last interchange closed (it goes into the next UNB's header). */
  una: string | null;
  /** Waiting tokenizer errors from before the segment, and how many wait in all. */
  pendingBefore: string[];
  pendingAll: number;
  /** More errors waited than a range holds to compare (`pendingBefore` is cut): the state agrees with no other. */
  pendingCut: boolean;
}

/** Where a range may stop: the start of a later range, and that range's state there (`probeBoundary`). */
export interface RangeEnd {
  at: number;
  expect: BoundaryState;
}

/** One range to validate. */
export interface RangeJob {
  /** 0-based, in file order. */
  index: number;
  start: number;
  /** The `UNA`+`UNB` bytes of the interchange `start` is inside, or `null` at an interchange start. */
  prelude: ByteSpan | null;
  /**
   * The starts of the next ranges, in order: the range stops at the first whose state agrees,
   * taking in the ranges before it; at the end of the file when none does (or none is given).
   */
  ends: RangeEnd[];
}

/** What a range reports, in input order. Offsets are the file's. */
export type RangeItem =
  /** A new interchange (a UNB, or `header: null` for segments outside any interchange). */
  | { t: 'start'; header: InterchangeHeader | null; unb: Segment | null }
  /** The range starts inside the interchange the previous range left open. */
  | { t: 'cont' }
  | {
      t: 'msg';
      /** Validated as not duplicated; `index` is the position in this range's part of the interchange. */
      report: MessageReport;
      unhOffset: number;
      header?: MessageHeader;
      /** The segments of a content-error message its 12'er copies from (see {@link REPLY_TAGS}). */
      segments?: Segment[];
      /** The UNH text, for `segmentText` should the message turn out to be a duplicate. */
      unhText?: string;
    }
  | {
      t: 'end';
      /** The interchange goes on in the next range. */
      continues: boolean;
      /**
       * Envelope and tokenizer errors of this part of the interchange that `maxErrors` counts,
       * in the order found: this part's first ones, and the notice (18) at the first not kept.
       * Sent as the envelope holds them (their tags shown already), so the merger keeps them
       * by the envelope's own rule and converts what it keeps as one thread does.
       */
      errors: ErrorDraft[];
      /** The envelope's checks made once (trailers, counts, missing trailers), which `maxErrors` leaves alone. */
      structural: ValidationError[];
      /** Element-layout errors of UNB (first part only), of UNG/UNE, of UNZ. */
      unbErrors: ValidationError[];
      groupErrors: ValidationError[];
      unzErrors: ValidationError[];
      groupCount: number;
      trailer: { count: string; reference: string } | null;
      /** Set when UNZ count (29) and empty-interchange (32) errors were left out: this part is not the whole interchange. */
      recount: { unzOffset: number; requiredOk: boolean } | null;
    };

/** How a range ended: at `ends[skipped]` (the ranges before it taken in), or at the end of the file. */
export interface RangeResult {
  toEof: boolean;
  /** How many of `ends` were passed because the state there did not agree. */
  skipped: number;
  /** Why each passed boundary did not agree (diagnostics). */
  mismatches: string[];
}

/** What a worker is started with. */
export interface WorkerData {
  path: string;
  size: number;
  options: RangeOptions;
}

/** Messages from a worker. */
export type WorkerMessage =
  | { type: 'items'; index: number; items: PackedItems }
  | { type: 'done'; index: number; result: RangeResult }
  | { type: 'error'; index: number; message: string };
