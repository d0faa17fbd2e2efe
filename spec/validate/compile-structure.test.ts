/**
 * The fast structure matcher (validate/compile/structure.ts) on segment tables other than the
 * shipped ones: a profile may bring its own table (patchProfile), with groups of more than two
 * rows, a group head that may repeat, optional rows at the end. Whenever the matcher says a
 * message fits, matchStructure must find no issue (13, 15, 35, 36) and put every segment at
 * the same position, in the same innermost group.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStructure } from '../../src/schema/match.js';
import { groupHeadTags, isGroup, type MessageStructure, type StructureEntry } from '../../src/schema/structure.js';
import { FastStructureMatcher, type FastMatch } from '../../src/validate/compile/structure.js';

const TAGS = ['AAA', 'BBB', 'CCC', 'DDD'] as const;

/** A table of up to five rows per level, groups nested at most twice; tags repeat across rows. */
function arbStructure(): fc.Arbitrary<MessageStructure> {
  const arbRow = (depth: number): fc.Arbitrary<unknown> =>
    depth < 2
      ? fc.oneof(
          { weight: 3, arbitrary: fc.record({ tag: fc.constantFrom(...TAGS), m: fc.boolean(), max: fc.integer({ min: 1, max: 3 }) }) },
          {
            weight: 1,
            arbitrary: fc.record({
              head: fc.record({ tag: fc.constantFrom(...TAGS), max: fc.integer({ min: 1, max: 2 }) }),
              m: fc.boolean(),
              max: fc.integer({ min: 1, max: 3 }),
              rest: fc.array(fc.constant(null).chain(() => arbRow(depth + 1)), { maxLength: 3 }),
            }),
          },
        )
      : fc.record({ tag: fc.constantFrom(...TAGS), m: fc.boolean(), max: fc.integer({ min: 1, max: 3 }) });
  return fc.array(arbRow(0), { minLength: 1, maxLength: 5 }).map((rows) => {
    let n = 0;
    let g = 0;
    const position = () => String(++n * 10).padStart(4, '0');
    type Row = { tag: string; m: boolean; max: number } | { head: { tag: string; max: number }; m: boolean; max: number; rest: Row[] };
    const build = (row: Row): StructureEntry => {
      if ('tag' in row) return { position: position(), tag: row.tag, status: row.m ? 'M' : 'C', maxRepeat: row.max };
      const at = position();
      const head: StructureEntry = { position: position(), tag: row.head.tag, status: 'M', maxRepeat: row.head.max };
      return { position: at, group: `SG${++g}`, status: row.m ? 'M' : 'C', maxRepeat: row.max, children: [head, ...row.rest.map(build)] };
    };
    return { entries: (rows as Row[]).map(build) };
  });
}

/** Segment lists that walk the table (so the clean case is common), then maybe changed a little. */
function arbSegments(structure: MessageStructure): fc.Arbitrary<Array<{ tag: string }>> {
  const walk = fc.array(fc.nat({ max: 3 }), { minLength: 40, maxLength: 40 }).map((counts) => {
    const out: string[] = [];
    let k = 0;
    const emit = (entries: readonly StructureEntry[]): void => {
      for (const e of entries) {
        const n = Math.min(counts[k++ % counts.length]! + (e.status === 'M' ? 1 : 0), e.maxRepeat + (k % 7 === 0 ? 1 : 0));
        for (let r = 0; r < n && out.length < 30; r++) {
          if (isGroup(e)) emit(e.children);
          else out.push(e.tag);
        }
      }
    };
    emit(structure.entries);
    return out;
  });
  const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('none', 'drop', 'insert', 'swap'), tag: fc.constantFrom(...TAGS, 'XXX') });
  return fc.tuple(walk, edit).map(([tags, { at, op, tag }]) => {
    const i = tags.length === 0 ? 0 : at % tags.length;
    if (op === 'drop') tags.splice(i, 1);
    else if (op === 'insert') tags.splice(i, 0, tag);
    else if (op === 'swap' && i + 1 < tags.length) [tags[i], tags[i + 1]] = [tags[i + 1]!, tags[i]!];
    return tags.map((t) => ({ tag: t }));
  });
}

describe('the fast structure matcher agrees with matchStructure on any segment table', () => {
  it('says fit exactly when matchStructure finds no issue, with the same positions, layouts and groups', () => {
    let fits = 0;
    let misfits = 0;
    fc.assert(
      fc.property(
        arbStructure().chain((structure) => fc.tuple(fc.constant(structure), fc.array(arbSegments(structure), { minLength: 1, maxLength: 8 }))),
        ([structure, lists]) => {
          const fast = new FastStructureMatcher(structure, (tag) => ({ tag }));
          const heads = groupHeadTags(structure);
          const out: FastMatch<{ tag: string }> = { positions: [], groups: [], layouts: [] };
          for (const segments of [[], ...lists]) {
            const slow = matchStructure(segments, structure);
            const ok = fast.match(segments, out);
            expect(ok, JSON.stringify({ structure, segments: segments.map((s) => s.tag), issues: slow.issues })).toBe(slow.issues.length === 0);
            if (!ok) {
              misfits++;
              continue;
            }
            fits++;
            expect(out.positions).toEqual(slow.matches.map((m) => m.position));
            expect(out.layouts.slice(0, segments.length)).toEqual(segments);
            const groups = slow.matches.map((m) => {
              const g = m.groupPath[m.groupPath.length - 1];
              return g === undefined ? null : heads.get(g.group);
            });
            expect(out.groups.slice(0, segments.length)).toEqual(groups);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(fits).toBeGreaterThan(1000);
    expect(misfits).toBeGreaterThan(1000);
  });

  it('a message that goes back to an earlier row of a three-row group is not a fit', () => {
    const structure: MessageStructure = {
      entries: [
        { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
        {
          position: '0020',
          group: 'SG1',
          status: 'C',
          maxRepeat: 2,
          children: [
            { position: '0030', tag: 'SIF', status: 'M', maxRepeat: 1 },
            { position: '0040', tag: 'DTM', status: 'C', maxRepeat: 1 },
            { position: '0050', tag: 'FTX', status: 'C', maxRepeat: 1 },
          ],
        },
        { position: '0060', tag: 'UNT', status: 'M', maxRepeat: 1 },
      ],
    };
    const fast = new FastStructureMatcher(structure, () => undefined);
    const tags = (s: string) => s.split(' ').map((tag) => ({ tag }));
    const out: FastMatch<undefined> = { groups: [], layouts: [] };
    expect(fast.match(tags('UNH SIF DTM FTX UNT'), out)).toBe(true);
    expect(out.groups.slice(0, 5)).toEqual([null, 'SIF', 'SIF', 'SIF', null]);
    expect(fast.match(tags('UNH SIF FTX DTM UNT'), out)).toBe(false);
    expect(matchStructure(tags('UNH SIF FTX DTM UNT'), structure).issues.map((i) => i.code)).toEqual(['15']);
  });
});
