import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Counts {
  instructions?: number;
  i1Misses?: number;
  d1Misses?: number;
  mispredicts?: number;
}
interface Row {
  contender: string;
  work: number;
  perSegment: (name: string) => number;
  timesEdifact: number | null;
}
const lib = (await import(pathToFileURL(resolve('bench/lib/cachegrind.mjs')).href)) as {
  parseSummary: (text: string) => Counts;
  marginalCosts: (runs: Array<{ contender: string; full: Record<string, number>; base: Record<string, number> }>, segments: number) => Row[];
};

// cachegrind 3.19's summary as it prints it on stderr, with --cache-sim=yes --branch-sim=yes.
const SIMULATED = `==1470== Cachegrind, a cache and branch-prediction profiler
==1470== Command: node bench/contenders/edifact.mjs big.edi
--1470-- warning: L3 cache found, using its data for the LL simulation.
==1470== 
==1470== I   refs:      5,843,271,009
==1470== I1  misses:      6,102,344
==1470== LLi misses:        101,072
==1470== I1  miss rate:    0.10%
==1470== 
==1470== D   refs:       39,669  (29,403 rd   + 10,266 wr)
==1470== D1  misses:     22,301,568  ( 1,225 rd   +    343 wr)
==1470== LLd misses:      1,326  ( 1,015 rd   +    311 wr)
==1470== 
==1470== Branches:       25,623  (25,344 cond +    279 ind)
==1470== Mispredicts:    41,813,313  ( 3,163 cond +    150 ind)
==1470== Mispred rate:     12.9% (  12.5%     +   53.8%   )
`;

/** The figures docs/performance.md quotes come from these two functions (bench/instructions.mjs runs valgrind around them). */
describe('bench/lib/cachegrind.mjs', () => {
  it('reads every count of a simulated summary, without thousands separators', () => {
    expect(lib.parseSummary(SIMULATED)).toEqual({ instructions: 5_843_271_009, i1Misses: 6_102_344, d1Misses: 22_301_568, mispredicts: 41_813_313 });
  });

  it('reads only the instructions without the simulators, and not a look-alike line the contender printed', () => {
    const text = 'I   refs: 12 (printed by the contender)\n==77== \n==77== I   refs:      127,771\n';
    expect(lib.parseSummary(text)).toEqual({ instructions: 127_771 });
  });

  it('charges each contender the difference between its big and base runs, per segment and against npm edifact', () => {
    const rows = lib.marginalCosts(
      [
        { contender: 'edifact', full: { instructions: 5_000, mispredicts: 90 }, base: { instructions: 1_000, mispredicts: 10 } },
        { contender: 'fp-edifact-tokenize', full: { instructions: 3_000, mispredicts: 50 }, base: { instructions: 1_000, mispredicts: 10 } },
      ],
      4,
    );
    expect(rows.map((r) => [r.contender, r.work, r.perSegment('instructions'), r.perSegment('mispredicts'), r.timesEdifact])).toEqual([
      ['edifact', 4_000, 1_000, 20, 1],
      ['fp-edifact-tokenize', 2_000, 500, 10, 2],
    ]);
  });

  it('gives no ratio when npm edifact did not run', () => {
    const rows = lib.marginalCosts([{ contender: 'minimal-tokenizer', full: { instructions: 9 }, base: { instructions: 1 } }], 2);
    expect(rows[0]?.timesEdifact).toBeNull();
    expect(rows[0]?.perSegment('instructions')).toBe(4);
  });
});
