import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Run {
  contender: string;
  ok: boolean;
  rssKb?: number;
  wallMs?: number;
  result: { kind?: string; bytes?: number; ms: number; notes?: string };
}
interface Row {
  contender: string;
  kind: string;
  runs: number;
  median: number | null;
  min: number | null;
  max: number | null;
  messagesPerSecond: number | null;
  rssMiB: number | null;
  vsEdifact: number | null;
}
const lib = (await import(pathToFileURL(resolve('bench/lib/summary.mjs')).href)) as {
  summarize: (runs: Run[], contenders: string[], counts: { bytes: number; messages: number }) => Row[];
  median: (xs: number[]) => number;
};

const MiB = 1024 * 1024;
const counts = { bytes: 100 * MiB, messages: 1000 };
const run = (contender: string, ms: number, extra: Partial<Run['result']> = {}, ok = true): Run => ({
  contender,
  ok,
  rssKb: 80 * 1024,
  wallMs: ms + 100,
  result: { kind: 'parser', bytes: counts.bytes, ms, ...extra },
});

describe('bench/lib/summary.mjs', () => {
  it('takes the median of odd and even counts', () => {
    expect(lib.median([3, 1, 2])).toBe(2);
    expect(lib.median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives MiB/s from each run’s own bytes and timer, and ratios against npm edifact', () => {
    const rows = lib.summarize(
      [
        run('edifact', 4000),
        run('edifact', 5000),
        run('edifact', 2000),
        run('fp', 2000),
        run('fp', 1000, {}, false), // failed: left out
        // Two processes over one file report its bytes twice.
        run('two', 4000, { kind: 'baseline', bytes: 2 * counts.bytes }),
      ],
      ['edifact', 'fp', 'two'],
      counts,
    );
    const [edifact, fp, two] = rows as [Row, Row, Row];
    expect(edifact).toMatchObject({ runs: 3, median: 25, min: 20, max: 50, messagesPerSecond: 250, rssMiB: 80, vsEdifact: 1 });
    expect(fp).toMatchObject({ runs: 1, median: 50, vsEdifact: 2 });
    expect(two).toMatchObject({ kind: 'baseline', median: 50, vsEdifact: 2, messagesPerSecond: 500 });
  });

  it('falls back to the file size when a run does not say how many bytes it read', () => {
    const rows = lib.summarize([run('edifact', 1000, { bytes: undefined })], ['edifact'], counts);
    expect(rows[0]!.median).toBe(100);
  });
});
