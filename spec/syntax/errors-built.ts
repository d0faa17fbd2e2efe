/**
 * How many input errors a run builds. `inputError` (syntax/errors.ts), the one way the tokenizer
 * and the envelope build the errors they report, sets `Error.stackTraceLimit` to 0 around each
 * construction and back: an accessor in its place counts those writes, two per error built.
 * While it is in place V8 captures no stack for any error (it reads only a data property there).
 */

/** The input errors `run` (sync or async) builds. */
export async function errorsBuilt(run: () => unknown): Promise<number> {
  const saved = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  let limit = Error.stackTraceLimit;
  let writes = 0;
  Object.defineProperty(Error, 'stackTraceLimit', {
    configurable: true,
    enumerable: true,
    get: () => limit,
    set: (value: number) => {
      writes++;
      limit = value;
    },
  });
  try {
    await run();
  } finally {
    if (saved) Object.defineProperty(Error, 'stackTraceLimit', saved);
  }
  return writes / 2;
}
