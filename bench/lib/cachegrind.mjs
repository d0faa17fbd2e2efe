// The arithmetic of bench/instructions.mjs, apart from running valgrind, so it can be tested
// without valgrind (spec/bench-instructions.test.ts).
import { REFERENCE } from './summary.mjs';

/** What cachegrind's summary reports, by our name: the label of its line. */
const EVENTS = { instructions: 'I\\s+refs', i1Misses: 'I1\\s+misses', d1Misses: 'D1\\s+misses', mispredicts: 'Mispredicts' };

/**
 * The counts in cachegrind's summary (its stderr): `instructions` always, the misses and
 * mispredicts only when the simulators ran. Thousands separators are dropped.
 * @param {string} text
 * @returns {{ instructions?: number, i1Misses?: number, d1Misses?: number, mispredicts?: number }}
 */
export function parseSummary(text) {
  const found = {};
  for (const [name, label] of Object.entries(EVENTS)) {
    const m = new RegExp(`^==\\d+== ${label}:\\s+([\\d,]+)`, 'm').exec(text);
    if (m) found[name] = Number(m[1].replaceAll(',', ''));
  }
  return found;
}

/**
 * Each contender's cost of the segments the big file has beyond the base file: its counts for
 * the big file less those for the base file, per segment, and the ratio of npm `edifact`'s
 * difference to its own (how many times fewer instructions it needs), when `edifact` ran.
 * @param {Array<{ contender: string, full: Record<string, number>, base: Record<string, number> }>} runs
 * @param {number} segments  segments of the big file less those of the base file
 */
export function marginalCosts(runs, segments) {
  const rows = runs.map(({ contender, full, base }) => ({
    contender,
    full,
    base,
    work: full.instructions - base.instructions,
    /** @param {string} name */
    perSegment: (name) => (full[name] - base[name]) / segments,
  }));
  const ref = rows.find((r) => r.contender === REFERENCE);
  return rows.map((r) => ({ ...r, timesEdifact: ref ? ref.work / r.work : null }));
}
