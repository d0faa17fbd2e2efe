/**
 * Checks of the options the public faces take, as tables: an option given with the wrong type
 * or out of range fails at once with a `TypeError` or `RangeError` naming it — instead of
 * failing deep inside (`now is not a function`), or silently changing what is read (a `NaN`
 * segment limit split every segment apart; `detail: 'full'` answered at interchange level).
 * `undefined` always means "the default".
 */

/**
 * One option: its name, what it accepts, how to say so, and how to name a value it refuses
 * (default {@link describeValue}; the profile option names a profile by its exchange and id).
 */
export type OptionCheck = readonly [name: string, accepts: (value: unknown) => boolean, expected: string, describe?: (value: unknown) => string];

/** Checks of numbers: a number they refuse is out of range (`RangeError`), anything else the wrong type. */
const NUMERIC = new WeakSet<(value: unknown) => boolean>();
/** The check of a whole number (a safe integer) `>= min`; a number it refuses is out of range. */
export function wholeNumberAtLeast(min: number): (value: unknown) => boolean {
  const accepts = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= min;
  NUMERIC.add(accepts);
  return accepts;
}
export const positiveInteger = wholeNumberAtLeast(1);
export const nonNegativeInteger = wholeNumberAtLeast(0);
export const isFunction = (v: unknown): boolean => typeof v === 'function';
export const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
export const isString = (v: unknown): boolean => typeof v === 'string';
export const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;
/**
 * A plain object used as a map of keys to values: not an array (read as a map it is keyed
 * '0', '1', …), a `Map` or other class instance (whose entries `Object.entries` never sees),
 * nor an object whose prototype a literal `__proto__` key set.
 */
export const isRecord = (v: unknown): boolean => {
  if (!isObject(v) || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
export const oneOf =
  (...values: readonly unknown[]) =>
  (v: unknown): boolean =>
    values.includes(v);

/** An option that takes a positive integer (a limit, a count, a size). */
export const positiveIntegerOption = (name: string): OptionCheck => [name, positiveInteger, 'a positive integer'];

/** The `errors` and `onError` options of every reading face (`ErrorHandling`). */
export const ERROR_HANDLING_CHECKS: readonly OptionCheck[] = [
  ['errors', oneOf('throw', 'collect'), `'throw' or 'collect'`],
  ['onError', isFunction, 'a function'],
];

/** A short description of a value for an error message (no contents of objects). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'function' ? 'a function' : `${typeof value === 'object' ? 'an object' : typeof value}`;
}

/** How {@link checkOptions} names what it checks: the entry point (`fp-edifact`) and the word for a value (`option`). */
export interface CheckWording {
  entry: string;
  /** `option` for a field of an options object, `argument` for a positional one. */
  noun: 'option' | 'argument';
}

const OPTIONS_WORDING: CheckWording = { entry: 'fp-edifact', noun: 'option' };

/**
 * Throws for the first option of `options` that `checks` refuses (`RangeError` for a number out
 * of range, `TypeError` otherwise); `where` names the function in the message, `wording` the
 * entry point and whether the values are options or positional arguments.
 */
export function checkOptions(options: unknown, checks: readonly OptionCheck[], where: string, wording: CheckWording = OPTIONS_WORDING): void {
  if (options === undefined) return;
  const { entry, noun } = wording;
  if (!isObject(options)) throw new TypeError(`${entry}: ${where}: options must be an object, got ${describeValue(options)}`);
  for (const [name, accepts, expected, describe = describeValue] of checks) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || accepts(value)) continue;
    const ErrorType = typeof value === 'number' && NUMERIC.has(accepts) ? RangeError : TypeError;
    throw new ErrorType(`${entry}: ${where}: ${noun} ${name} must be ${expected}, got ${describe(value)}`);
  }
}

/** `defaults` overridden by the options that are not `undefined` (an explicit `undefined` keeps the default). */
export function withDefaults<T extends object>(defaults: Required<T>, options: T): Required<T> {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    const value = options[key];
    if (value !== undefined) out[key] = value as Required<T>[keyof T];
  }
  return out;
}

/** Throws a TypeError saying what input is taken unless `chunk` is a string or a Uint8Array (one check per chunk). */
export function assertInputChunk(chunk: unknown): asserts chunk is Uint8Array | string {
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new TypeError(`fp-edifact: input must be a string or a Uint8Array (e.g. a Buffer), got ${describeValue(chunk)}`);
  }
}
