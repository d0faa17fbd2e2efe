/**
 * The structure matcher: walks a message's segments (UNH..UNT) against its segment table
 * and reports ISO 9735 structure errors 13, 15, 35 and 36.
 *
 * Algorithm: a table walk with a stack of cursors (one per open segment group). For each
 * segment every place it could go is a *candidate*: the current row again, a later row of
 * the current group, or a later row (or a new occurrence) of an enclosing group. A
 * candidate's cost is the number of mandatory rows it would skip (+1 when it exceeds a
 * repetition limit); the cheapest wins, ties to the innermost group and earliest row.
 * A segment with no candidate is "not allowed here" (15) and is skipped. A segment whose
 * best candidate would skip mandatory rows, followed by a segment that fits the current
 * place with no skip, is also treated as stray (15) — so one misplaced segment does not
 * drag the cursor forward and turn every later segment into an error. Each input segment
 * is consumed exactly once, so the walk always terminates.
 */
import { groupHead, isGroup, structureTags, type MessageStructure, type SegmentEntry, type StructureEntry } from './structure.js';
import { shownTag } from '../syntax/shown.js';

/** Where one segment of the message landed in the segment table. */
export interface MatchedSegment {
  /** 0-based index of the segment in the message (UNH = 0). */
  index: number;
  /** Table position, e.g. `'0060'`, or `null` when the segment matched no row. */
  position: string | null;
  /** The segment's tag. */
  tag: string;
  /** The enclosing groups, outermost first, each with its 1-based occurrence number. */
  groupPath: Array<{
    /** Group name, e.g. `'SG1'`. */
    group: string;
    /** 1-based occurrence of the group, counted within the occurrence of the group around it. */
    occurrence: number;
  }>;
}

/** A structure error found by {@link matchStructure}. */
export interface StructureIssue {
  /** ISO 9735 0085: 13 missing, 15 not allowed here, 35 too many repetitions, 36 too many group repetitions. */
  code: '13' | '15' | '35' | '36';
  /**
   * 0-based segment index where it was detected. For 13: the index of the segment before
   * which the mandatory one was expected (the segment count when it was expected at the end).
   */
  index: number;
  /** The offending tag as errors quote it ({@link shownTag}: a junk tag bounded and escaped), or for 13 the missing tag (a group's head tag for a missing group). */
  tag: string;
  /** Table position involved, or `null` for a segment that matched no row. */
  position: string | null;
  /** Plain-English explanation. */
  reason: string;
}

/** Result of {@link matchStructure}: one match per input segment, in input order, and the issues. */
export interface StructureMatch {
  /** Exactly one per input segment, in input order (`position: null` for a segment that matched no row). */
  matches: MatchedSegment[];
  /** The structure errors (13, 15, 35, 36), in the order found; empty when the message fits its table. */
  issues: StructureIssue[];
}

interface Frame {
  entries: readonly StructureEntry[];
  /** Current row. */
  ei: number;
  /** Repetitions (segment row) or occurrences (group row) of the current row so far. */
  count: number;
  /** For a group frame: the group's name and occurrence. */
  group: { group: string; occurrence: number } | null;
}

interface Candidate {
  level: number;
  row: number;
  cost: number;
  skipped: number;
  overflow: boolean;
}

function tagOf(entry: StructureEntry): string {
  return isGroup(entry) ? groupHead(entry).tag : entry.tag;
}

/** Mandatory rows from `from` (inclusive) to `to` (exclusive) of a frame that have no occurrence yet. */
function missingRows(frame: Frame, from: number, to: number): StructureEntry[] {
  const out: StructureEntry[] = [];
  for (let k = from; k < to; k++) {
    const e = frame.entries[k];
    if (e === undefined || e.status !== 'M') continue;
    if (k === frame.ei && frame.count > 0) continue;
    out.push(e);
  }
  return out;
}

/** First row a fresh walk of a frame may skip from: the current row when it is still empty, else the next. */
function skipStart(frame: Frame): number {
  return frame.count > 0 ? frame.ei + 1 : frame.ei;
}

function findCandidates(stack: readonly Frame[], tag: string): Candidate[] {
  const out: Candidate[] = [];
  let poppedMissing = 0; // mandatory rows left empty in frames deeper than the one examined
  for (let level = stack.length - 1; level >= 0; level--) {
    const f = stack[level]!;
    const firstRow = f.group !== null ? 1 : 0; // a group's head is never repeated inside its own frame
    for (let j = Math.max(f.ei, firstRow); j < f.entries.length; j++) {
      const e = f.entries[j]!;
      if (tagOf(e) !== tag) continue;
      let skipped = poppedMissing;
      let overflow = false;
      if (j === f.ei && f.count > 0) overflow = f.count >= e.maxRepeat;
      else skipped += missingRows(f, f.ei, j).length;
      out.push({ level, row: j, skipped, overflow, cost: skipped + (overflow ? 1 : 0) });
    }
    poppedMissing += missingRows(f, skipStart(f), f.entries.length).length;
  }
  return out;
}

function best(cands: readonly Candidate[]): Candidate | undefined {
  let b: Candidate | undefined;
  for (const c of cands) {
    if (b === undefined || c.cost < b.cost || (c.cost === b.cost && (c.level > b.level || (c.level === b.level && c.row < b.row)))) b = c;
  }
  return b;
}

function pathOf(stack: readonly Frame[]): Array<{ group: string; occurrence: number }> {
  const p: Array<{ group: string; occurrence: number }> = [];
  for (const f of stack) if (f.group) p.push({ ...f.group });
  return p;
}

function describeMissing(e: StructureEntry): string {
  return isGroup(e)
    ? `mandatory segment group ${e.group} (head ${groupHead(e).tag}) at ${e.position} is missing`
    : `mandatory segment ${e.tag} at ${e.position} is missing`;
}

/**
 * Move the cursors of `stack` to a candidate: close deeper frames, step to the row, open
 * the group(s) it heads. `missing` is told about every mandatory row left empty on the way.
 * Returns the segment row the segment landed on.
 */
function advance(stack: Frame[], choice: Candidate, missing: (f: Frame, from: number, to: number) => void): SegmentEntry {
  while (stack.length - 1 > choice.level) {
    const f = stack.pop()!;
    missing(f, skipStart(f), f.entries.length);
  }
  const f = stack[choice.level]!;
  if (choice.row === f.ei && f.count > 0) {
    f.count++;
  } else {
    missing(f, f.ei, choice.row);
    f.ei = choice.row;
    f.count = 1;
  }
  let entry = f.entries[f.ei]!;
  while (isGroup(entry)) {
    const owner = stack[stack.length - 1]!;
    stack.push({ entries: entry.children, ei: 0, count: 1, group: { group: entry.group, occurrence: owner.count } });
    entry = entry.children[0]!;
  }
  return entry;
}

/**
 * Match a message's segments (UNH..UNT inclusive) against a segment table.
 * Never throws on bad input; every segment gets exactly one {@link MatchedSegment}
 * (with `position: null` when it matched nothing, which always comes with a 15 issue).
 *
 * @param segments the message's segments in order; only `tag` is read
 * @param structure the message's segment table
 */
export function matchStructure(
  segments: ReadonlyArray<{
    /** The segment's tag; the only field read. */
    tag: string;
  }>,
  structure: MessageStructure,
): StructureMatch {
  const matches: MatchedSegment[] = [];
  const issues: StructureIssue[] = [];
  const known = structureTags(structure);
  const stack: Frame[] = [{ entries: structure.entries, ei: 0, count: 0, group: null }];

  const reportMissing = (frame: Frame, from: number, to: number, index: number): void => {
    for (const e of missingRows(frame, from, to)) {
      issues.push({ code: '13', index, tag: tagOf(e), position: e.position, reason: describeMissing(e) });
    }
  };

  for (let i = 0; i < segments.length; i++) {
    const tag = segments[i]!.tag;
    const choice = best(findCandidates(stack, tag));
    let stray = false;
    if (choice !== undefined && choice.skipped > 0) {
      // Taking this segment skips mandatory rows. If the next segment fits where we are now
      // but not where this one would take us, this one is the misplaced segment.
      const next = segments[i + 1];
      if (next !== undefined) {
        const nowBest = best(findCandidates(stack, next.tag));
        if (nowBest !== undefined && nowBest.skipped === 0) {
          const after = stack.map((f) => ({ ...f }));
          advance(after, choice, () => undefined);
          const thenBest = best(findCandidates(after, next.tag));
          stray = thenBest === undefined || thenBest.skipped > 0;
        }
      }
    }
    if (choice === undefined || stray) {
      const shown = shownTag(tag);
      const why = known.has(tag)
        ? `segment ${shown} is not allowed here (out of order)`
        : `segment ${shown} is not part of this message's segment table`;
      issues.push({ code: '15', index: i, tag: shown, position: null, reason: why });
      matches.push({ index: i, position: null, tag, groupPath: pathOf(stack) });
      continue;
    }
    const entry = advance(stack, choice, (f, from, to) => reportMissing(f, from, to, i));
    if (choice.overflow) {
      const owner = stack[choice.level]!;
      const e = owner.entries[owner.ei]!;
      issues.push(
        isGroup(e)
          ? { code: '36', index: i, tag, position: e.position, reason: `segment group ${e.group} at ${e.position} occurs ${owner.count} times; at most ${e.maxRepeat} allowed` }
          : { code: '35', index: i, tag, position: e.position, reason: `segment ${tag} at ${e.position} occurs ${owner.count} times; at most ${e.maxRepeat} allowed` },
      );
    }
    matches.push({ index: i, position: entry.position, tag, groupPath: pathOf(stack) });
  }
  while (stack.length > 0) {
    const f = stack.pop()!;
    reportMissing(f, skipStart(f), f.entries.length, segments.length);
  }
  return { matches, issues };
}
