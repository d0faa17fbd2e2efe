import { EdifactSyntaxError, inputError, SyntaxErrorCode } from '../syntax/errors.js';
import type { Segment, SegmentInput } from '../syntax/segment.js';
import { type ServiceChars, formatServiceString, isSegmentGap, parseServiceString, segmentGaps } from '../syntax/service-chars.js';
import { Tokenizer, type TokenizerLimits } from '../syntax/tokenizer.js';
import { serializeToBytes } from '../syntax/writer.js';

/** A data element in JSON: its components, or all occurrences when it repeated (syntax 4). */
export type JsonElement =
  | string[]
  | {
      /** Every occurrence of the element, in order, each as its components (at least one). */
      repeats: string[][];
    };
/** A segment in JSON: the tag, then its elements. */
export type JsonSegment = [string, ...JsonElement[]];

/** One interchange, losslessly: how it was written and every segment as read. */
export interface InterchangeJson {
  /** How the interchange was written, so that writing it back gives the same bytes. */
  format: {
    /** Whether a UNA preceded it (written back when `true`). */
    una: boolean;
    /** The service characters it was read with (its UNA's, or those in force). */
    serviceChars: ServiceChars;
    /** The line break written after each segment terminator (`''`: none), as read before its second segment. */
    lineBreak: '' | '\n' | '\r\n';
  };
  /** Every segment as read, in order, empty elements and components kept. */
  segments: JsonSegment[];
}

/** The document `to-json` prints and `from-json` reads. */
export interface EdifactJson {
  /** Version of this document format; always `1` (`checkEdifactJson` refuses any other). */
  fpEdifact: 1;
  /** Every interchange of the input, in order; segments before the first UNB form one of their own. */
  interchanges: InterchangeJson[];
}

function toJsonSegment(s: Segment): JsonSegment {
  const out: JsonSegment = [s.tag];
  s.elements.forEach((el, i) => out.push(s.repeats?.[i] ? { repeats: s.repeats[i] as string[][] } : el));
  return out;
}

/** The line break before the segment at `offset`: only CR and LF that are not service characters (a terminator LF is no line break). */
function lineBreakBefore(input: Uint8Array | string, offset: number, chars: ServiceChars): '' | '\n' | '\r\n' {
  const at = (i: number): number => (typeof input === 'string' ? input.charCodeAt(i) : (input[i] ?? 0));
  const gaps = segmentGaps(chars);
  if (offset < 1 || at(offset - 1) !== 0x0a || !isSegmentGap(0x0a, gaps)) return '';
  return offset >= 2 && at(offset - 2) === 0x0d && isSegmentGap(0x0d, gaps) ? '\r\n' : '\n';
}

/** Where {@link readJsonInterchanges} hands what it reads, interchange by interchange. */
interface JsonInterchangeSink {
  /** An interchange starts; its format is final (its line break is known once its second segment is read). */
  interchange(format: InterchangeJson['format']): void;
  /** The next segment of the interchange announced last. */
  segment(segment: JsonSegment): void;
}

/**
 * Reads `input` segment by segment and hands each interchange's format and segments to `sink` as
 * soon as the format is known: an interchange's first segment waits until its second is read (or
 * the interchange ends), because the line break is the one before the second. Segments before the
 * first UNB form an interchange of their own, so nothing is dropped. Returns the tokenizer's
 * syntax errors (an input with no segment is error 13).
 */
function readJsonInterchanges(input: Uint8Array | string, limits: TokenizerLimits, sink: JsonInterchangeSink): EdifactSyntaxError[] {
  const errors: EdifactSyntaxError[] = [];
  let una: ServiceChars | null = null;
  let current: { format: InterchangeJson['format']; first: Segment; announced: boolean } | null = null;
  let interchanges = 0;
  const announce = (lineBreakAt: Segment | null): void => {
    const c = current!;
    if (lineBreakAt !== null) c.format.lineBreak = lineBreakBefore(input, lineBreakAt.offset, c.format.serviceChars);
    sink.interchange(c.format);
    sink.segment(toJsonSegment(c.first));
    c.announced = true;
  };
  // An interchange of one segment takes its line break from before that segment when a UNA preceded it.
  const close = (): void => {
    if (current !== null && !current.announced) announce(current.format.una ? current.first : null);
  };
  const tokenizer = new Tokenizer(
    {
      serviceString: (chars) => {
        una = chars;
      },
      error: (e) => errors.push(e),
      segment: (s) => {
        if (s.tag === 'UNB' || current === null) {
          close();
          // Without a UNA of its own, the characters in force split it: the defaults after a UNZ,
          // an earlier UNA's when the interchange before lacks its UNZ.
          current = { format: { una: una !== null, serviceChars: una ?? tokenizer.serviceChars, lineBreak: '' }, first: s, announced: false };
          interchanges++;
          una = null;
        } else if (!current.announced) {
          announce(s);
          sink.segment(toJsonSegment(s));
        } else sink.segment(toJsonSegment(s));
      },
    },
    limits,
  );
  tokenizer.write(input);
  tokenizer.end();
  close();
  if (interchanges === 0 && errors.length === 0) {
    // As the envelope reader reports an input without a UNB: an empty file is never a good one.
    errors.push(inputError(SyntaxErrorCode.missing, 'no segment found: the input holds no EDIFACT data', { offset: input.length }));
  }
  return errors;
}

/**
 * Converts a whole input to lossless JSON: per interchange, the UNA (if any), the line break
 * style, and every segment with empty elements and components kept. Segments before the first
 * UNB form an interchange of their own, so nothing is dropped.
 */
export function toEdifactJson(
  input: Uint8Array | string,
  limits: TokenizerLimits = {},
): {
  /** The document: every segment read, even around an error. */
  json: EdifactJson;
  /** The syntax errors of the tokenizer (no envelope checks), in input order; an input with no segment is error 13. */
  errors: EdifactSyntaxError[];
} {
  const interchanges: InterchangeJson[] = [];
  const errors = readJsonInterchanges(input, limits, {
    interchange: (format) => interchanges.push({ format, segments: [] }),
    segment: (segment) => interchanges[interchanges.length - 1]!.segments.push(segment),
  });
  return { json: { fpEdifact: 1, interchanges }, errors };
}

/** `value` as `JSON.stringify(value, null, 2)` writes it, nested `depth` levels deep (indented 2 × depth spaces after its first line). */
function prettyAt(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * Writes the document of {@link toEdifactJson} as `JSON.stringify(json, null, 2)` would, byte
 * for byte, but piece by piece as it reads: memory holds the input and one interchange's first
 * segment, not the document. Returns the syntax errors as {@link toEdifactJson} does.
 */
export function writeEdifactJson(input: Uint8Array | string, write: (text: string) => void, limits: TokenizerLimits = {}): EdifactSyntaxError[] {
  write('{\n  "fpEdifact": 1,\n  "interchanges": [');
  let interchanges = 0;
  let segments = 0;
  const errors = readJsonInterchanges(input, limits, {
    interchange: (format) => {
      write(`${interchanges++ === 0 ? '' : '\n      ]\n    },'}\n    {\n      "format": ${prettyAt(format, 3)},\n      "segments": [`);
      segments = 0;
    },
    segment: (segment) => write(`${segments++ === 0 ? '' : ','}\n        ${prettyAt(segment, 4)}`),
  });
  write(interchanges === 0 ? ']\n}' : '\n      ]\n    }\n  ]\n}');
  return errors;
}

const isComponents = (value: unknown): value is string[] => Array.isArray(value) && value.every((c) => typeof c === 'string');

function isJsonSegment(value: unknown): value is JsonSegment {
  if (!Array.isArray(value) || typeof value[0] !== 'string') return false;
  return value.slice(1).every((el) => {
    if (Array.isArray(el)) return isComponents(el);
    // A repeated element: one or more occurrences, each its components.
    const repeats = typeof el === 'object' && el !== null ? (el as { repeats?: unknown }).repeats : undefined;
    return Array.isArray(repeats) && repeats.length > 0 && repeats.every(isComponents);
  });
}

const LINE_BREAKS: readonly unknown[] = ['', '\n', '\r\n'];

/** Checks the shape of a parsed `EdifactJson` document; throws an error naming the bad path. */
export function checkEdifactJson(value: unknown): EdifactJson {
  const fail = (path: string, what: string): never => {
    throw new EdifactSyntaxError('12', `invalid JSON document at ${path}: ${what}`);
  };
  if (typeof value !== 'object' || value === null) fail('$', 'expected an object');
  const doc = value as { fpEdifact?: unknown; interchanges?: unknown };
  if (doc.fpEdifact !== 1) fail('$.fpEdifact', 'expected 1');
  if (!Array.isArray(doc.interchanges)) fail('$.interchanges', 'expected an array');
  (doc.interchanges as unknown[]).forEach((ic, i) => {
    const c = ic as Partial<InterchangeJson>;
    if (typeof c !== 'object' || c === null || !c.format || !Array.isArray(c.segments)) fail(`$.interchanges[${i}]`, 'expected { format, segments }');
    const { una, lineBreak, serviceChars: chars } = (c as InterchangeJson).format;
    if (typeof una !== 'boolean') fail(`$.interchanges[${i}].format.una`, 'expected true or false');
    if (!LINE_BREAKS.includes(lineBreak)) fail(`$.interchanges[${i}].format.lineBreak`, 'expected "", "\\n" or "\\r\\n"');
    if (typeof chars !== 'object' || chars === null) fail(`$.interchanges[${i}].format.serviceChars`, 'expected an object of the six service characters');
    try {
      parseServiceString(formatServiceString(chars).slice(3));
    } catch (e) {
      // The reason only: the UNA's byte and element positions mean nothing in a JSON document.
      fail(`$.interchanges[${i}].format.serviceChars`, e instanceof EdifactSyntaxError ? e.reason : (e as Error).message);
    }
    (c.segments as unknown[]).forEach((s, k) => {
      if (!isJsonSegment(s)) fail(`$.interchanges[${i}].segments[${k}]`, 'expected [tag, ...elements] with string components, a repeated element as { repeats: [components, ...] }');
    });
  });
  return value as EdifactJson;
}

function fromJsonSegment(s: JsonSegment): SegmentInput {
  const [tag, ...elements] = s;
  const repeats: Record<number, string[][]> = {};
  let hasRepeats = false;
  const flat = elements.map((el, i) => {
    if (Array.isArray(el)) return el;
    repeats[i] = el.repeats;
    hasRepeats = true;
    return el.repeats[0] ?? [''];
  });
  return hasRepeats ? { tag, elements: flat, repeats } : { tag, elements: flat };
}

/**
 * Writes an `EdifactJson` document back to bytes, each interchange in its own charset and format.
 * The document is checked first ({@link checkEdifactJson}), so a wrong shape throws an
 * `EdifactSyntaxError` naming its path.
 */
export function fromEdifactJson(doc: EdifactJson): Uint8Array {
  const parts = checkEdifactJson(doc).interchanges.map((ic) =>
    serializeToBytes(ic.segments.map(fromJsonSegment), {
      una: ic.format.una,
      serviceChars: ic.format.serviceChars,
      newline: ic.format.lineBreak,
    }),
  );
  return Buffer.concat(parts);
}
