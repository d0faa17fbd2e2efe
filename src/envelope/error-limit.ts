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

/** The reason of the error that ends a list at `maxErrors`. */
export function errorLimitReason(maxErrors: number): string {
  return `more than ${maxErrors} errors here; later ones are not kept (maxErrors)`;
}

/**
 * The rule of `maxErrors`: adds `build(item)` to `target`, which holds `counted` counted items,
 * while that is under `maxErrors`; at the limit adds `notice(item)` instead (at the first item
 * not kept); past it, drops `item` (neither is called). Returns the new count. Applied to a list
 * cut in parts, each kept by this rule (a part's notice taken as an item), it keeps what it keeps
 * of the whole list: how `validateFile` merges the parts of an interchange its worker ranges cut apart.
 */
export function keepCounted<T, K>(target: K[], counted: number, maxErrors: number, item: T, build: (item: T) => K, notice: (first: T) => K): number {
  if (counted > maxErrors) return counted;
  target.push(counted < maxErrors ? build(item) : notice(item));
  return counted + 1;
}

/** Keeps the error lists of one reader within `maxErrors`, each list counted apart. */
export class ErrorLimit {
  private readonly counted = new WeakMap<EdifactSyntaxError[], number>();
  /** The notice (18) at `first`, the first error not kept. */
  private readonly notice = (first: ErrorDraft): EdifactSyntaxError => inputError(SyntaxErrorCode.unspecified, errorLimitReason(this.maxErrors), first);

  constructor(private readonly maxErrors: number) {}

  /** Whether an error with `ahead` errors before it on their way to the same list could still be added (kept, or the notice). */
  mayAdd(ahead: number): boolean {
    return ahead <= this.maxErrors;
  }

  /**
   * Adds the error `draft` describes to `target` by {@link keepCounted}: only what is added (the
   * error, or the notice at it) is built, so an error past the limit costs no error object.
   */
  keep(target: EdifactSyntaxError[], draft: ErrorDraft): void {
    const n = this.counted.get(target) ?? 0;
    if (n <= this.maxErrors) this.counted.set(target, keepCounted<ErrorDraft, EdifactSyntaxError>(target, n, this.maxErrors, draft, buildError, this.notice));
  }
}
