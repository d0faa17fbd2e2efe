/**
 * `maxErrors` (an `EnvelopeLimits` option, assembler.ts): how many errors an interchange's or
 * a message's list keeps of those that can come once per segment, and the notice (18) that
 * ends it.
 */
import { buildError, type EdifactSyntaxError, type ErrorDraft, inputError, type Position, SyntaxErrorCode, type SyntaxErrorCodeValue } from '../syntax/errors.js';

/** `maxErrors` when not given. */
export const DEFAULT_MAX_ERRORS = 1_000;

/** Errors of the checks made once per interchange, group or message, which `maxErrors` does not count. */
const STRUCTURAL = new WeakSet<EdifactSyntaxError>();

/** An error of a check made once per interchange, group or message: `maxErrors` does not count it. */
export function structuralError(code: SyntaxErrorCodeValue, reason: string, position: Position): EdifactSyntaxError {
  const error = inputError(code, reason, position);
  STRUCTURAL.add(error);
  return error;
}

/** Whether `maxErrors` leaves `error` alone (a header, trailer or count check), rather than counting it. */
export function isStructuralError(error: EdifactSyntaxError): boolean {
  return STRUCTURAL.has(error);
}

/**
 * The notice (18) that ends a list at `maxErrors`, at `first`, the first error not kept: the
 * one way it is made, whether one reader keeps the list or `validateFile` merges its parts.
 */
function limitNotice(maxErrors: number, first: ErrorDraft): EdifactSyntaxError {
  return inputError(SyntaxErrorCode.unspecified, `more than ${maxErrors} errors here; later ones are not kept (maxErrors)`, first);
}

/**
 * Keeps the error lists of one reader within `maxErrors`, each list counted apart: the rule of
 * `maxErrors`. Applied to a list cut in parts, each kept by this rule (a part's notice taken as
 * an error), it keeps what it keeps of the whole list: how `validateFile` merges the parts of an
 * interchange its worker ranges cut apart.
 */
export class ErrorLimit {
  private readonly counted = new WeakMap<EdifactSyntaxError[], number>();

  constructor(private readonly maxErrors: number) {}

  /** Whether an error with `ahead` errors before it on their way to the same list could still be added (kept, or the notice). */
  mayAdd(ahead: number): boolean {
    return ahead <= this.maxErrors;
  }

  /**
   * Adds the error `draft` describes to `target` while the list holds fewer than `maxErrors`;
   * at the limit the notice (18) at it instead, at the first error not kept; past it, nothing.
   * Only what is added is built.
   */
  keep(target: EdifactSyntaxError[], draft: ErrorDraft): void {
    const n = this.counted.get(target) ?? 0;
    if (n > this.maxErrors) return;
    target.push(n < this.maxErrors ? buildError(draft) : limitNotice(this.maxErrors, draft));
    this.counted.set(target, n + 1);
  }
}
