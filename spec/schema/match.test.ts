import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchStructure } from '../../src/schema/match.js';
import { structureTags, type MessageStructure, type StructureEntry } from '../../src/schema/structure.js';
import { expectEverySegmentAccounted } from './match-property.js';

/** The opsigelser 5.5 segment table of default-profile.md, written out by hand. */
const OPS: MessageStructure = {
  entries: [
    { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
    { position: '0020', tag: 'BGM', status: 'M', maxRepeat: 1 },
    { position: '0030', tag: 'ERC', status: 'C', maxRepeat: 1 },
    { position: '0040', tag: 'RFF', status: 'M', maxRepeat: 1 },
    { position: '0050', tag: 'OSI', status: 'C', maxRepeat: 1 },
    { position: '0060', tag: 'DTM', status: 'M', maxRepeat: 4 },
    { position: '0070', tag: 'DOC', status: 'C', maxRepeat: 2 },
    { position: '0080', tag: 'FTX', status: 'C', maxRepeat: 5 },
    { position: '0090', tag: 'NAD', status: 'M', maxRepeat: 6 },
    { position: '0100', tag: 'RFF', status: 'C', maxRepeat: 3 },
    { position: '0110', tag: 'BRC', status: 'M', maxRepeat: 1 },
    { position: '0120', tag: 'CTA', status: 'C', maxRepeat: 1 },
    {
      position: '0130', group: 'SG1', status: 'C', maxRepeat: 1,
      children: [
        { position: '0140', tag: 'SIF', status: 'M', maxRepeat: 1 },
        { position: '0150', tag: 'DTM', status: 'C', maxRepeat: 3 },
      ],
    },
    {
      position: '0160', group: 'SG2', status: 'C', maxRepeat: 10,
      children: [
        { position: '0170', tag: 'SHI', status: 'M', maxRepeat: 1 },
        { position: '0180', tag: 'DTM', status: 'M', maxRepeat: 1 },
      ],
    },
    { position: '0190', tag: 'UNT', status: 'M', maxRepeat: 1 },
  ],
};

const seg = (s: string) => s.split(' ').filter(Boolean).map((tag) => ({ tag }));

describe('structureTags', () => {
  it('lists every tag of the table, groups included, once per structure', () => {
    const tags = structureTags(OPS);
    expect([...tags].sort()).toEqual(['BGM', 'BRC', 'CTA', 'DOC', 'DTM', 'ERC', 'FTX', 'NAD', 'OSI', 'RFF', 'SHI', 'SIF', 'UNH', 'UNT']);
    expect(structureTags(OPS)).toBe(tags);
    // Another table gets its own set.
    expect([...structureTags({ entries: OPS.entries.slice(0, 2) })]).toEqual(['UNH', 'BGM']);
  });
});

describe('matchStructure (hand-written opsigelser table)', () => {
  it('matches a cancellation with no issues', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM DTM DOC NAD NAD NAD RFF RFF BRC UNT'), OPS);
    expect(r.issues).toEqual([]);
    expect(r.matches.map((m) => m.position)).toEqual(['0010', '0020', '0040', '0060', '0060', '0070', '0090', '0090', '0090', '0100', '0100', '0110', '0190']);
  });
  it('gives group paths in a bonus answer', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM NAD NAD NAD BRC SIF DTM DTM SHI DTM SHI DTM UNT'), OPS);
    expect(r.issues).toEqual([]);
    expect(r.matches.slice(8).map((m) => [m.tag, m.position, m.groupPath])).toEqual([
      ['SIF', '0140', [{ group: 'SG1', occurrence: 1 }]],
      ['DTM', '0150', [{ group: 'SG1', occurrence: 1 }]],
      ['DTM', '0150', [{ group: 'SG1', occurrence: 1 }]],
      ['SHI', '0170', [{ group: 'SG2', occurrence: 1 }]],
      ['DTM', '0180', [{ group: 'SG2', occurrence: 1 }]],
      ['SHI', '0170', [{ group: 'SG2', occurrence: 2 }]],
      ['DTM', '0180', [{ group: 'SG2', occurrence: 2 }]],
      ['UNT', '0190', []],
    ]);
  });
  it('reports a missing BGM as 13', () => {
    const r = matchStructure(seg('UNH RFF DTM NAD NAD BRC UNT'), OPS);
    expect(r.issues).toEqual([expect.objectContaining({ code: '13', tag: 'BGM', index: 1, position: '0020' })]);
  });
  it('reports five top-level DTMs as 35', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM DTM DTM DTM DTM NAD NAD BRC UNT'), OPS);
    expect(r.issues).toEqual([expect.objectContaining({ code: '35', tag: 'DTM', index: 7, position: '0060' })]);
  });
  it('reports 11 SHI groups as 36', () => {
    const r = matchStructure(seg(`UNH BGM RFF DTM NAD NAD BRC ${'SHI DTM '.repeat(11)}UNT`), OPS);
    expect(r.issues).toEqual([expect.objectContaining({ code: '36', tag: 'SHI', index: 27, position: '0160' })]);
  });
  it('reports an unknown tag and an out-of-order segment as 15, then carries on', () => {
    const r = matchStructure(seg('UNH BGM RFF XYZ DTM NAD NAD BRC DTM UNT'), OPS);
    expect(r.issues.map((x) => [x.code, x.index, x.tag])).toEqual([['15', 3, 'XYZ'], ['15', 8, 'DTM']]);
  });
  it('treats a single misplaced segment as stray, not as a jump', () => {
    const r = matchStructure(seg('UNH BGM CTA RFF DTM NAD NAD BRC UNT'), OPS);
    expect(r.issues.map((x) => [x.code, x.index, x.tag])).toEqual([['15', 2, 'CTA']]);
  });
  it('reports a missing SHI-group DTM and a missing UNT', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM NAD NAD BRC SHI SHI DTM'), OPS);
    expect(r.issues.map((x) => [x.code, x.index, x.tag])).toEqual([['13', 8, 'DTM'], ['13', 10, 'UNT']]);
  });
  it('terminates and accounts for every segment on random tag sequences', () => {
    expectEverySegmentAccounted(OPS, { maxLength: 60, numRuns: 2000 });
  });
  it('terminates and accounts for every segment on random structures and sequences', () => {
    const TAGS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
    let n = 0;
    const pos = () => String(++n).padStart(4, '0');
    const entry = (depth: number): fc.Arbitrary<StructureEntry> =>
      depth > 2
        ? fc.record({ tag: fc.constantFrom(...TAGS), status: fc.constantFrom('M' as const, 'C' as const), maxRepeat: fc.integer({ min: 1, max: 3 }) }).map((e) => ({ position: pos(), ...e }))
        : fc.oneof(
            entry(3),
            fc
              .tuple(fc.constantFrom(...TAGS), fc.constantFrom('M' as const, 'C' as const), fc.integer({ min: 1, max: 3 }), fc.array(entry(depth + 1), { maxLength: 3 }))
              .map(([head, status, maxRepeat, rest]) => ({
                position: pos(),
                group: `SG${n}`,
                status,
                maxRepeat,
                children: [{ position: pos(), tag: head, status: 'M' as const, maxRepeat: 1 }, ...rest],
              })),
          );
    fc.assert(
      fc.property(fc.array(entry(0), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...TAGS, 'ZZZ'), { maxLength: 40 }), (entries, list) => {
        const r = matchStructure(list.map((tag) => ({ tag })), { entries });
        expect(r.matches.map((m) => m.index)).toEqual(list.map((_, i) => i));
        for (const m of r.matches) if (m.position === null) expect(r.issues.some((x) => x.code === '15' && x.index === m.index)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
