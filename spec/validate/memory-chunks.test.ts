import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { writeInterchange } from '../../src/envelope/index.js';
import { segment } from '../../src/syntax/index.js';
import { validateStream } from '../../src/validate/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** One interchange of ~100 KB, with a UNB reference long enough to be sliced out of its chunk. */
function interchange(n: number): Buffer {
  const body = [segment('BGM', '9'), segment('FTX', 'AAI', undefined, undefined, ['x'.repeat(200)])];
  const messages = Array.from({ length: 400 }, () => ({ header: { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' }, body }));
  return Buffer.from(writeInterchange({ sender: { id: '11111111' }, recipient: { id: '22222222' }, reference: `REF${String(n).padStart(11, '0')}`, date: '2024-11-20', time: '2300', messages }), 'latin1');
}

/** Heap in use (after a full GC) when the last message of `count` interchanges is reported. */
async function heapAtEnd(count: number): Promise<number> {
  const chunks = Array.from({ length: count }, (_, i) => interchange(i));
  const total = count * 400;
  let seen = 0;
  let heap = 0;
  async function* source() {
    for (const c of chunks.splice(0)) yield c;
  }
  for await (const event of validateStream(source(), { replies: false })) {
    if (event.type === 'message' && ++seen === total) {
      gc();
      heap = process.memoryUsage().heapUsed;
    }
  }
  expect(seen).toBe(total);
  return heap;
}

describe('memory stays flat across interchanges', () => {
  it('does not keep an input chunk alive per interchange (duplicate-store keys are detached)', async () => {
    await heapAtEnd(5); // warm up
    const few = await heapAtEnd(20);
    const many = await heapAtEnd(160);
    // 140 more interchanges of ~100 KB: holding one chunk each would add ~14 MB.
    expect(many - few).toBeLessThan(5_000_000);
  });
});
