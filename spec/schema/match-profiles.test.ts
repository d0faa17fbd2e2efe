import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchStructure } from '../../src/schema/match.js';
import { CONTRL_STRUCTURE } from '../../src/schema/contrl.js';
import { getProfile } from '../../src/schema/profiles/index.js';
import { isGroup, type MessageStructure, type StructureEntry } from '../../src/schema/structure.js';
import { expectEverySegmentAccounted } from './match-property.js';

const ops = getProfile('fp-opsigelser/5.5-reconstructed').structure;
const pant = getProfile('fp-panthaver/5.2-reconstructed').structure;
const seg = (s: string) => s.split(' ').filter(Boolean).map((tag) => ({ tag }));

/** One valid message per opsigelser kind, following opsigelser.md's segments per kind (with the C ones). */
const KINDS: Record<string, string> = {
  '9 cancellation': 'UNH BGM RFF OSI DTM DTM DOC FTX NAD NAD NAD NAD NAD RFF RFF BRC CTA UNT',
  '11 bonus answer': 'UNH BGM RFF DTM NAD NAD NAD NAD BRC CTA SIF DTM DTM DTM SHI DTM SHI DTM UNT',
  '12 content error': 'UNH BGM ERC RFF DTM FTX NAD NAD BRC CTA UNT',
  '13 bonus query': 'UNH BGM RFF DTM DTM DOC NAD NAD NAD NAD RFF RFF BRC CTA UNT',
  '15 reminder': 'UNH BGM RFF DTM DOC DOC NAD NAD BRC CTA UNT',
  '27 rejection': 'UNH BGM ERC RFF DTM DTM NAD NAD NAD BRC CTA UNT',
  '29 accept': 'UNH BGM RFF OSI DTM DTM NAD NAD NAD NAD NAD RFF RFF BRC CTA SIF DTM DTM SHI DTM UNT',
  '29 minimal': 'UNH BGM RFF DTM NAD NAD NAD RFF BRC UNT',
};

describe('matchStructure with the shipped opsigelser table', () => {
  it.each(Object.entries(KINDS))('%s matches with no issues', (_, text) => {
    const r = matchStructure(seg(text), ops);
    expect(r.issues).toEqual([]);
    expect(r.matches.every((m) => m.position !== null)).toBe(true);
  });
  it('gives the group paths of SIF / DTM / SHI / DTM', () => {
    const r = matchStructure(seg(KINDS['11 bonus answer']!), ops);
    const at = (i: number) => [r.matches[i]!.tag, r.matches[i]!.position, r.matches[i]!.groupPath];
    expect(at(3)).toEqual(['DTM', '0060', []]);
    expect(at(10)).toEqual(['SIF', '0140', [{ group: 'SG1', occurrence: 1 }]]);
    expect(at(11)).toEqual(['DTM', '0150', [{ group: 'SG1', occurrence: 1 }]]);
    expect(at(14)).toEqual(['SHI', '0170', [{ group: 'SG2', occurrence: 1 }]]);
    expect(at(15)).toEqual(['DTM', '0180', [{ group: 'SG2', occurrence: 1 }]]);
    expect(at(16)).toEqual(['SHI', '0170', [{ group: 'SG2', occurrence: 2 }]]);
    expect(at(17)).toEqual(['DTM', '0180', [{ group: 'SG2', occurrence: 2 }]]);
  });
  it('missing BGM → 13', () => {
    const r = matchStructure(seg('UNH RFF DTM NAD NAD BRC UNT'), ops);
    expect(r.issues.map((i) => [i.code, i.tag, i.index, i.position])).toEqual([['13', 'BGM', 1, '0020']]);
  });
  it('DTM ×5 at top level → 35', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM DTM DTM DTM DTM NAD NAD BRC UNT'), ops);
    expect(r.issues.map((i) => [i.code, i.tag, i.index, i.position])).toEqual([['35', 'DTM', 7, '0060']]);
  });
  it('11 SHI groups → 36', () => {
    const r = matchStructure(seg(`UNH BGM RFF DTM NAD NAD BRC SIF ${'SHI DTM '.repeat(11)}UNT`), ops);
    expect(r.issues.map((i) => [i.code, i.tag, i.index, i.position])).toEqual([['36', 'SHI', 28, '0160']]);
    expect(r.matches[28]!.groupPath).toEqual([{ group: 'SG2', occurrence: 11 }]);
  });
  it('unknown tag → 15', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM QTY NAD NAD BRC UNT'), ops);
    expect(r.issues.map((i) => [i.code, i.tag, i.index, i.position])).toEqual([['15', 'QTY', 4, null]]);
    expect(r.issues[0]!.reason).toMatch(/not part of/);
  });
  it('out of order → 15', () => {
    const r = matchStructure(seg('UNH BGM RFF DTM NAD NAD BRC OSI UNT'), ops);
    expect(r.issues.map((i) => [i.code, i.tag, i.index])).toEqual([['15', 'OSI', 7]]);
    expect(r.issues[0]!.reason).toMatch(/out of order/);
  });
  it('a missing mandatory group head is reported once with the head tag', () => {
    const s: MessageStructure = {
      entries: [
        { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
        { position: '0020', group: 'SG1', status: 'M', maxRepeat: 2, children: [{ position: '0030', tag: 'NAD', status: 'M', maxRepeat: 1 }] },
        { position: '0040', tag: 'UNT', status: 'M', maxRepeat: 1 },
      ],
    };
    const r = matchStructure(seg('UNH UNT'), s);
    expect(r.issues.map((i) => [i.code, i.tag, i.index, i.position])).toEqual([['13', 'NAD', 1, '0020']]);
  });
  it('an empty message reports UNH and the other mandatory rows at index 0', () => {
    const r = matchStructure([], ops);
    expect(r.matches).toEqual([]);
    expect(r.issues.map((i) => i.tag)).toEqual(['UNH', 'BGM', 'RFF', 'DTM', 'NAD', 'BRC', 'UNT']);
  });
});

describe('matchStructure with the shipped panthaver and CONTRL tables', () => {
  it('matches panthaver messages', () => {
    expect(matchStructure(seg('UNH BGM RFF RFF RFF DTM DTM ATT ATT ATT ICD MOA NAD NAD NAD UNT'), pant).issues).toEqual([]);
    expect(matchStructure(seg('UNH BGM ERC ERC ERC RFF DTM FTX NAD NAD UNT'), pant).issues).toEqual([]);
    expect(matchStructure(seg('UNH BGM ERC ERC ERC ERC RFF DTM NAD NAD UNT'), pant).issues.map((i) => i.code)).toEqual(['35']);
  });
  it('matches CONTRL with nested groups', () => {
    const r = matchStructure(seg('UNH UCI UCM UCS UCD UCD UCS UCM UNT'), CONTRL_STRUCTURE);
    expect(r.issues).toEqual([]);
    expect(r.matches[4]!.groupPath).toEqual([{ group: 'SG1', occurrence: 1 }, { group: 'SG2', occurrence: 1 }]);
    expect(r.matches[6]!.groupPath).toEqual([{ group: 'SG1', occurrence: 1 }, { group: 'SG2', occurrence: 2 }]);
    expect(r.matches[7]!.groupPath).toEqual([{ group: 'SG1', occurrence: 2 }]);
  });
});

/** Arbitrary valid tag sequences of a structure (repetitions capped at 3, except small maxima). */
function validSequence(entries: readonly StructureEntry[]): fc.Arbitrary<string[]> {
  const parts = entries.map((e) => {
    const min = e.status === 'M' ? 1 : 0;
    const max = Math.max(min, Math.min(e.maxRepeat, e.maxRepeat <= 10 ? e.maxRepeat : 3));
    const one: fc.Arbitrary<string[]> = isGroup(e) ? validSequence(e.children) : fc.constant([e.tag]);
    return fc.array(one, { minLength: min, maxLength: max }).map((xs) => xs.flat());
  });
  return fc.tuple(...parts).map((xs) => xs.flat());
}

describe('matchStructure properties', () => {
  it.each([['opsigelser', ops], ['panthaver', pant], ['CONTRL', CONTRL_STRUCTURE]] as const)('every valid %s sequence matches with no issues', (_, s) => {
    fc.assert(
      fc.property(validSequence(s.entries), (tags) => {
        expect(matchStructure(tags.map((tag) => ({ tag })), s).issues).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
  it.each([['opsigelser', ops], ['panthaver', pant], ['CONTRL', CONTRL_STRUCTURE]] as const)(
    'random %s-like tag sequences terminate and every segment is matched or reported',
    (_, s) => expectEverySegmentAccounted(s, { maxLength: 80, numRuns: 1000 }),
  );
  it('mutating one segment of a valid message yields at least one issue', () => {
    fc.assert(
      fc.property(validSequence(ops.entries), fc.nat(), (tags, k) => {
        if (tags.length === 0) return;
        const i = k % tags.length;
        const mutated = [...tags.slice(0, i), 'XXX', ...tags.slice(i + 1)];
        expect(matchStructure(mutated.map((tag) => ({ tag })), ops).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
