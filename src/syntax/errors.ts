import { shownTag } from './shown.js';

/**
 * ISO 9735 syntax error codes (data element 0085) that fp-edifact produces.
 * The numbers are the standard's; the names are ours.
 */
export const SyntaxErrorCode = {
  syntaxVersionNotSupported: '2',
  recipientNotActualRecipient: '7',
  invalidValue: '12',
  missing: '13',
  valueNotSupportedInPosition: '14',
  notSupportedInPosition: '15',
  tooManyConstituents: '16',
  unspecified: '18',
  invalidDecimalNotation: '19',
  characterInvalidAsServiceCharacter: '20',
  invalidCharacter: '21',
  invalidServiceCharacter: '22',
  unknownInterchangeSender: '23',
  duplicateDetected: '26',
  referencesDoNotMatch: '28',
  controlCountDoesNotMatch: '29',
  lowerLevelEmpty: '32',
  invalidOccurrenceOutsideMessage: '33',
  tooManyRepetitions: '35',
  tooManySegmentGroupRepetitions: '36',
  invalidTypeOfCharacter: '37',
  dataElementTooLong: '39',
  dataElementTooShort: '40',
} as const;

/** A syntax error code (0085) fp-edifact produces: one of the values of {@link SyntaxErrorCode}, e.g. `'13'`. */
export type SyntaxErrorCodeValue = (typeof SyntaxErrorCode)[keyof typeof SyntaxErrorCode];

/** Where in the input something is. Every field is optional because not every error has every coordinate. */
export interface Position {
  /** Absolute byte offset from the start of the input (character offset for string input). */
  offset?: number | undefined;
  /** 1-based segment number in the interchange (UNB = 1). */
  segmentNumber?: number | undefined;
  /** 1-based segment number in the message (UNH = 1). */
  messageSegmentNumber?: number | undefined;
  /**
   * Segment tag, e.g. `NAD`; for a missing segment (13) the missing one's, at the offset where it was
   * expected. An error holds it as {@link shownTag} shows it (a junk tag bounded and escaped).
   */
  tag?: string | undefined;
  /** 1-based data element position in the segment (the tag is element 0). */
  element?: number | undefined;
  /** 1-based component position in the composite. */
  component?: number | undefined;
}

/**
 * The one error type of fp-edifact's syntax and envelope layers.
 * It carries the ISO 9735 syntax error code (0085), the position and a plain-English message.
 */
export class EdifactSyntaxError extends Error implements Position {
  override readonly name = 'EdifactSyntaxError';
  /** The ISO 9735 syntax error code (data element 0085) a CONTRL reports it with: one of {@link SyntaxErrorCode}'s values, e.g. `'13'` (missing). */
  readonly code: SyntaxErrorCodeValue;
  readonly offset: number | undefined;
  readonly segmentNumber: number | undefined;
  readonly messageSegmentNumber: number | undefined;
  readonly tag: string | undefined;
  readonly element: number | undefined;
  readonly component: number | undefined;
  /** The message without the position prefix. */
  readonly reason: string;

  /**
   * An error of syntax error code `code`, at `where` (no field of it: the whole input). Its
   * `message` is the position, the reason and the code: `byte 120, segment 7 (NAD), element 2:
   * <reason> (syntax error 12)`. A tag in `where` is held as the readers show one (bounded and
   * escaped). The readers and writers build these; build one yourself to report a problem of
   * your own in the same shape.
   */
  constructor(code: SyntaxErrorCodeValue, reason: string, where: Position = {}) {
    // A tag read from the wire may be 64 KiB of anything: every error quotes it one way
    // (an error given as the position, or a draft that says so, holds its tag shown already).
    const shown = where.tag === undefined || where instanceof EdifactSyntaxError || (where as ErrorDraft).tagShown === true;
    const position = shown ? where : { ...where, tag: shownTag(where.tag as string) };
    super(`${describePosition(position)}: ${reason} (syntax error ${code})`);
    this.code = code;
    this.reason = reason;
    this.offset = position.offset;
    this.segmentNumber = position.segmentNumber;
    this.messageSegmentNumber = position.messageSegmentNumber;
    this.tag = position.tag;
    this.element = position.element;
    this.component = position.component;
  }

  /** A plain object for JSON reports. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      offset: this.offset ?? null,
      segmentNumber: this.segmentNumber ?? null,
      messageSegmentNumber: this.messageSegmentNumber ?? null,
      tag: this.tag ?? null,
      element: this.element ?? null,
      component: this.component ?? null,
    };
  }
}

/** `byte 120, segment 7 (NAD), element 2, component 1` — the prefix of every error message. */
export function describePosition(p: Position): string {
  const parts: string[] = [];
  if (p.offset !== undefined) parts.push(`byte ${p.offset}`);
  if (p.segmentNumber !== undefined) {
    parts.push(`segment ${p.segmentNumber}${p.tag ? ` (${p.tag})` : ''}`);
  } else if (p.tag) {
    parts.push(`segment ${p.tag}`);
  }
  if (p.messageSegmentNumber !== undefined) parts.push(`message segment ${p.messageSegmentNumber}`);
  if (p.element !== undefined) parts.push(`element ${p.element}`);
  if (p.component !== undefined) parts.push(`component ${p.component}`);
  return parts.length ? parts.join(', ') : 'input';
}

/**
 * An {@link EdifactSyntaxError} about the input, built without a stack trace: such errors are
 * data, and capturing a stack was ~75 % of reading a file full of them (100,000 empty segments:
 * 2.3 s against 0.5 s). A face that throws one gives it its caller's stack first ({@link thrownFrom}).
 */
export function inputError(code: SyntaxErrorCodeValue, reason: string, where?: Position): EdifactSyntaxError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new EdifactSyntaxError(code, reason, where);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * An error found but not built: its code, where it is, and its reason, which may be worded only
 * when it is built ({@link buildError}). A reader that keeps only some of its errors (the
 * envelope's `maxErrors`) builds only those, so the others cost no error object and no message.
 * The tag is the one read (building shows it, as every error quotes a tag), unless `tagShown`
 * says it is shown already: the fields of a built error, sent to another thread. An
 * {@link EdifactSyntaxError} is a draft built already.
 */
export interface ErrorDraft extends Position {
  readonly code: SyntaxErrorCodeValue;
  readonly reason: string | (() => string);
  readonly tagShown?: boolean;
}

/**
 * A draft at `at` (its position fields only), all drafts of one shape: spreading positions of
 * many shapes into one object was the slow part of an error dropped unbuilt.
 */
export function errorDraft(code: SyntaxErrorCodeValue, reason: string | (() => string), at: Position): ErrorDraft {
  return {
    code,
    reason,
    offset: at.offset,
    segmentNumber: at.segmentNumber,
    messageSegmentNumber: at.messageSegmentNumber,
    tag: at.tag,
    element: at.element,
    component: at.component,
  };
}

/** The error `draft` describes, without a stack trace ({@link inputError}); `draft` itself when it is one. */
export function buildError(draft: ErrorDraft): EdifactSyntaxError {
  if (draft instanceof EdifactSyntaxError) return draft;
  return inputError(draft.code, typeof draft.reason === 'string' ? draft.reason : draft.reason(), draft);
}

/** `error` with the stack of the code about to throw it, for `throw thrownFrom(error)`. */
export function thrownFrom<E extends Error>(error: E): E {
  Error.captureStackTrace(error, thrownFrom);
  return error;
}
