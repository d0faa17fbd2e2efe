// One size's table rows from its raw runs: medians, min–max, messages/s, RSS and the ratio
// against npm `edifact`. Shared by run.mjs and merge.mjs, so a merged results file is always
// summarised by the same arithmetic as a fresh run.

export const REFERENCE = 'edifact'; // ratios are against npm `edifact`
const MiB = 1024 * 1024;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * How many times a run went through the file: the bytes the contender says it processed (two
 * processes on one file process it twice) over the file's size; once when it does not say.
 */
const passes = (run, counts) => (run.result.bytes ?? counts.bytes) / counts.bytes;

/** MiB/s of one run, over its own timer. */
export function mibPerSecond(run, counts) {
  return (passes(run, counts) * counts.bytes) / MiB / (run.result.ms / 1000);
}

/** Messages/s of one run, over its own timer. */
const messagesPerSecond = (run, counts) => (passes(run, counts) * counts.messages) / (run.result.ms / 1000);

/** The rows of one size, in `contenders` order, from its successful runs. */
export function summarize(runs, contenders, counts) {
  const rows = contenders.map((contender) => {
    const ok = runs.filter((r) => r.contender === contender && r.ok);
    const mibs = ok.map((r) => mibPerSecond(r, counts));
    const rssMiB = ok.filter((r) => r.rssKb).map((r) => r.rssKb / 1024);
    return {
      contender,
      kind: ok[0]?.result.kind ?? 'parser',
      runs: ok.length,
      median: mibs.length ? median(mibs) : null,
      min: mibs.length ? Math.min(...mibs) : null,
      max: mibs.length ? Math.max(...mibs) : null,
      messagesPerSecond: mibs.length ? median(ok.map((r) => messagesPerSecond(r, counts))) : null,
      rssMiB: rssMiB.length ? median(rssMiB) : null,
      wallMs: ok.length ? median(ok.map((r) => r.wallMs)) : null,
      notes: ok[0]?.result.notes,
    };
  });
  const ref = rows.find((r) => r.contender === REFERENCE)?.median;
  for (const r of rows) r.vsEdifact = ref && r.median ? r.median / ref : null;
  return rows;
}
