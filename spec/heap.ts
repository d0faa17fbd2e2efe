/**
 * The heap held: `heapUsed` after a full collection, so garbage not yet collected does not
 * count. V8 lets the `gc` function be asked for at run time (no `--expose-gc` on the command line).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function heldHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
