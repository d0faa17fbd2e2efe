/** How the syntax tests look at an error: its code and every coordinate of its position. */
import { EdifactSyntaxError } from '../../src/syntax/index.js';

export const positionOf = (e: EdifactSyntaxError) => ({ code: e.code, offset: e.offset, segmentNumber: e.segmentNumber, tag: e.tag, element: e.element, component: e.component });

/** The position of the `EdifactSyntaxError` that `run` throws, or `null` when it throws none. */
export function refusal(run: () => unknown): ReturnType<typeof positionOf> | null {
  try {
    run();
  } catch (err) {
    if (!(err instanceof EdifactSyntaxError)) throw err;
    return positionOf(err);
  }
  return null;
}
