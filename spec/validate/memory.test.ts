/**
 * Memory stays flat: validating 20,000 messages through `validateStream` does not hold more
 * heap than validating 5,000, nor does a flood of errors hold them all (no timing assertions;
 * generous margins; no `global.gc`).
 */
import { describe, expect, it } from 'vitest';
import { validateStream } from '../../src/validate/index.js';
import type { ByteReader, RangeItem } from '../../src/validate/worker-protocol.js';
import { unpackItems } from '../../src/validate/worker-packing.js';
import { runRangeBatched } from '../../src/validate/worker-range.js';
import { heldHeap } from '../heap.js';
import { NOW } from './helpers.js';

const BODY = [
  "BGM+9'",
  "RFF+OPS:TRY-2024-{n}'",
  "DTM+137:20241120:102'",
  "DTM+287:20250101:102'",
  "DOC+11'",
  "NAD+MR+22222222::VIR'",
  "NAD+MS+11111111::VIR'",
  "NAD+FT1+0101801234::CPR++Søren Ærø Ågård+Østergade 12, 2. th.+København K++1100+DK'",
  "RFF+POL:00-{n}'",
  "RFF+REG:AB12345'",
  "BRC+001:002'",
];

/** A batch of interchanges of 1,000 messages each, generated lazily in ~64 KiB chunks. */
async function* batch(messages: number): AsyncGenerator<Uint8Array> {
  let out = '';
  let interchange = 0;
  for (let n = 1; n <= messages; n++) {
    const local = ((n - 1) % 1000) + 1;
    if (local === 1) out += `UNA:+.? 'UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+B${++interchange}'`;
    out += `UNH+${local}+OPSIGE:1:911:UN'${BODY.join('').replaceAll('{n}', String(n))}UNT+${BODY.length + 2}+${local}'`;
    if (local === 1000 || n === messages) out += `UNZ+${local}+B${interchange}'`;
    if (out.length > 65_536) {
      yield Buffer.from(out, 'latin1');
      out = '';
    }
  }
  if (out) yield Buffer.from(out, 'latin1');
}

/** Validates a batch; returns the peak heap seen (sampled every 500 messages) and the counts. */
async function run(messages: number): Promise<{ peak: number; accepted: number; interchanges: number }> {
  let peak = 0;
  let accepted = 0;
  let interchanges = 0;
  for await (const ev of validateStream(batch(messages), { now: NOW })) {
    if (ev.type === 'message') {
      if (ev.message.status === 'accepted') accepted++;
      if (accepted % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    } else if (ev.type === 'interchange' && ev.outcome.accepted) {
      interchanges++;
    }
  }
  return { peak, accepted, interchanges };
}

describe('memory', () => {
  it('does not grow with the number of messages', async () => {
    await run(2_000); // warm up (compiled profiles, JIT)
    const small = await run(5_000);
    const large = await run(20_000);
    expect(small.accepted).toBe(5_000);
    expect(large.accepted).toBe(20_000);
    expect(large.interchanges).toBe(20);
    // Holding 15,000 more messages (~12 segments each) would cost far more than 40 MB.
    expect(large.peak - small.peak).toBeLessThan(40 * 1024 * 1024);
  });
});

/** 200,000 empty segments (LF the terminator) outside any message: a 12 and a 33 each. */
async function* flood(): AsyncGenerator<string> {
  yield 'UNA:+.? \nUNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+F1\n';
  for (let i = 0; i < 200; i++) yield '\n'.repeat(1000);
  yield 'UNZ+0+F1\n';
}

describe('memory under a flood of errors', () => {
  it('holds at most maxErrors errors of an interchange, not 400,000', async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let kept = -1;
    for await (const ev of validateStream(flood(), { now: NOW })) {
      if (ev.type !== 'interchange') continue;
      peak = process.memoryUsage().heapUsed;
      kept = ev.outcome.errors.length;
    }
    expect(kept).toBeGreaterThan(1000);
    expect(kept).toBeLessThan(1010);
    // The 400,000 errors held until the UNZ took some 180 MB of heap; a thousand take a few MB.
    expect(peak - before).toBeLessThan(60 * 1024 * 1024);
  });
});

/**
 * One interchange of `groups` functional groups without messages, each UNG carrying a 60,000-
 * character application password (0058 is an..14: one 39 each) and each UNE a 32 (the group holds no messages). Measures
 * the heap held, after a full collection, when every group has been read and the UNZ not yet.
 */
async function groupFlood(groups: number): Promise<{ held: number; errors: number }> {
  let held = 0;
  async function* source(): AsyncGenerator<string> {
    yield "UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+G1'";
    for (let i = 1; i <= groups; i++) yield `UNG+OPSIGE+11111111:ZZ+22222222:ZZ+241120:2300+G${i}+UN+1:911+${'P'.repeat(60_000)}'UNE+0+G${i}'`;
    held = heldHeap();
    yield `UNZ+${groups}+G1'`;
  }
  let errors = 0;
  for await (const ev of validateStream(source(), { now: NOW })) if (ev.type === 'interchange') errors = ev.outcome.errors.length;
  return { held, errors };
}

describe('memory under a flood of functional groups', () => {
  it('holds the errors of each UNG and UNE until the UNZ, not the segments', async () => {
    const before = heldHeap();
    const { held, errors } = await groupFlood(300);
    expect(errors).toBe(601); // a 39 and a 32 per group, and the UNZ's 32
    // Holding the 300 UNGs held their 18 MB of passwords; their 600 errors take well under 1 MB.
    expect(held - before).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('memory of a worker range under a flood of UNAs', () => {
  it('holds a bounded number of the errors waiting for the next segment', () => {
    // 200,000 UNAs after a message (a 33 each), which no segment follows until the UNZ.
    const head = "UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+U1'UNH+1+OPSIGE:1:911:UN'BGM+9'UNT+3+1'";
    const text = Buffer.from(`${head}${"UNA:+.? '".repeat(200_000)}UNZ+1+U1'`, 'latin1');
    const floodEnd = text.length - 9;
    let held = 0;
    const before = heldHeap();
    const read: ByteReader = (offset, length) => {
      // The last read inside the flood: every UNA before it has been fed.
      if (offset + length >= floodEnd && held === 0) held = heldHeap();
      return text.subarray(offset, Math.min(offset + length, text.length));
    };
    const items: RangeItem[] = [];
    const result = runRangeBatched({ index: 0, start: 0, prelude: null, ends: [] }, read, text.length, { captureSegments: false, replySegments: false, messageHeaders: false, maxErrors: 100 }, (packed) => items.push(...unpackItems(packed)));
    expect(result.toEof).toBe(true);
    const end = items.find((i) => i.t === 'end');
    expect(end !== undefined && end.t === 'end' && end.errors.length).toBe(101);
    // 200,000 waiting errors took 20 MB and more (built, 70 MB); the range holds what it compares.
    expect(held - before).toBeLessThan(4 * 1024 * 1024);
  });
});
