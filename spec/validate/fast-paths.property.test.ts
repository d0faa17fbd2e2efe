/**
 * The validator's fast paths agree with the schema layer: the compiled `isClean` says clean
 * only when `checkSegment` finds nothing, and the fast structure matcher succeeds exactly when
 * `matchStructure` reports no issue (and then puts every segment at the same table position).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileCodeLists, qualifierLayouts } from '../../src/schema/access.js';
import { checkSegment } from '../../src/schema/check.js';
import { CONTRL_STRUCTURE } from '../../src/schema/contrl.js';
import { matchStructure } from '../../src/schema/match.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import type { SegmentLayout } from '../../src/schema/segments.js';
import { structureTags, type MessageStructure } from '../../src/schema/structure.js';
import { CodeSet, compileLayout, isClean, layoutOfSegment } from '../../src/validate/compile/layout.js';
import { FastStructureMatcher, type FastMatch } from '../../src/validate/compile/structure.js';

const VALUES = ['', '1', '12', '001', '002', '9', 'Z40', 'ZLL', '-1', '1.5', '1,5', '.5', '5.', '1-2', 'A', 'AB', 'abc', 'æøå', '2024', '20241120', 'x'.repeat(35), 'x'.repeat(36), '9'.repeat(18), '9'.repeat(19), '🙂', 'UNOC', 'VIR', 'MR', '137', '102'];
const arbValue = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 6 }));
const arbElement = fc.array(arbValue, { minLength: 1, maxLength: 6 });

describe('the code sets of the compiled layouts', () => {
  it('answer exactly as a Set of the codes does, for any codes and values', () => {
    const edges = ['', '\0', '\0A', 'A', 'A\0', '0', '00', 'ZZZZ', 'ZZZZZ', '\x7f\x7f\x7f\x7f', '\x80', 'é', 'Z40', '🙂'];
    const arbCode = fc.oneof(fc.constantFrom(...edges), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(arbCode, { maxLength: 12 }), fc.array(arbCode, { maxLength: 12 }), (codes, probes) => {
        const set = new Set(codes);
        const codeSet = new CodeSet();
        for (const c of codes) codeSet.add(c);
        for (const v of [...codes, ...probes, ...edges]) expect(codeSet.has(v)).toBe(set.has(v));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the code sets tell short codes apart whatever their characters', () => {
  it('no two-character value of Latin-1 letters or signs is taken for another code', () => {
    const codes = ['AB', 'Z4', '9', 'ÆØ'];
    const set = new CodeSet();
    for (const c of codes) set.add(c);
    for (let a = 0x20; a <= 0xff; a++) {
      for (let b = 0x20; b <= 0xff; b++) {
        const v = String.fromCharCode(a, b);
        if (set.has(v) !== codes.includes(v)) expect.fail(`${JSON.stringify(v)}: has() says ${set.has(v)}`);
      }
    }
  });
});

/** A layout of every format class and length, simple, as components and conditional, for the isClean property. */
function layoutFor(format: string, codeLists?: string[]): SegmentLayout {
  const value = (id: string, status: 'M' | 'C' | 'N') => ({ id, name: id, status, format, ...(codeLists ? { codeLists } : {}) });
  return {
    tag: 'TST',
    name: 'test',
    assumption: false,
    source: 'test',
    elements: [
      value('1', 'M'),
      { id: 'C1', name: 'C1', status: 'C', components: [value('2', 'M'), value('3', 'C'), value('3N', 'N')] },
      value('4', 'C'),
      value('5N', 'N'),
      { id: 'C2N', name: 'C2N', status: 'N', components: [value('6', 'M'), value('7', 'C')] },
    ],
  };
}

describe('compiled isClean never says clean when checkSegment reports, for every format class and length', () => {
  const values = [...VALUES, '0', '0A', 'A0', 'AB0', '00', '000', '0000', 'a0', 'ABC', 'ABCD', '🙂A', 'A🙂', '🙂🙂', 'AB🙂', 'Æ', 'ÆØÅ', '1.2', '-12', '123'];
  const arb = fc.array(fc.array(fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 3 }), { maxLength: 6 });
  const lists = { LST: { codes: { A0: {}, ABC: {}, '12': {} } } } as never;
  it.each(['a1', 'a3', 'a..3', 'an1', 'an2', 'an3', 'an..3', 'n1', 'n3', 'n..3'])('%s, with and without a code list', (format) => {
    for (const layout of [layoutFor(format), layoutFor(format, ['LST'])]) {
      const compiled = compileLayout(layout, lists);
      fc.assert(
        fc.property(arb, (elements) => {
          if (isClean({ elements }, compiled)) expect(checkSegment({ tag: 'TST', elements }, layout, { codeLists: lists })).toEqual([]);
        }),
        { numRuns: 400 },
      );
      // The fast path is taken for a well-formed value.
      const length = format.includes('..') ? 1 : Number(format.replace(/^\D+/, ''));
      expect(isClean({ elements: [[(format.startsWith('n') ? '1' : 'A').repeat(length)]] }, compileLayout(layoutFor(format), lists))).toBe(true);
    }
  });
});

describe('compiled isClean never says clean when checkSegment reports', () => {
  for (const profile of [opsigelser55, panthaver52]) {
    const lists = profileCodeLists(profile);
    for (const [tag, layout] of Object.entries(profile.segments)) {
      // With its variants by party qualifier, each the segment's layout when element 1 holds that code.
      for (const [code, own] of [['', layout] as const, ...qualifierLayouts(profile, tag)]) {
        it(`${profile.id} ${tag} ${code}`, () => {
          const compiled = layoutOfSegment({ elements: [[code]] }, compileLayout(layout, lists, qualifierLayouts(profile, tag)));
          expect(compiled.layout).toBe(own);
          const arb = fc.array(arbElement, { maxLength: layout.elements.length + 2 }).map((els) => (code === '' ? els : [[code], ...els.slice(1)]));
          fc.assert(
            fc.property(arb, (elements) => {
              const issues = checkSegment({ tag, elements }, own, { codeLists: lists });
              if (isClean({ elements }, compiled)) expect(issues).toEqual([]);
            }),
            { numRuns: 300 },
          );
        });
      }
    }
  }
  it('says clean for the common well-formed values (the fast path is taken)', () => {
    const lists = profileCodeLists(opsigelser55);
    const nad = compileLayout(opsigelser55.segments.NAD!, lists);
    expect(isClean({ elements: [['MR'], ['22222222', '', 'VIR']] }, nad)).toBe(true);
    const dtm = compileLayout(opsigelser55.segments.DTM!, lists);
    expect(isClean({ elements: [['137', '20241120', '102']] }, dtm)).toBe(true);
    expect(isClean({ elements: [['137', '20241120', '102']], repeats: { 0: [['137']] } }, dtm)).toBe(false);
  });
});

function arbTags(structure: MessageStructure): fc.Arbitrary<Array<{ tag: string }>> {
  const tags = [...structureTags(structure)].filter((t) => t !== 'UNH' && t !== 'UNT');
  return fc
    .array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...tags) }, { weight: 1, arbitrary: fc.constant('XXX') }), { maxLength: 25 })
    .chain((body) =>
      fc.tuple(fc.boolean(), fc.boolean()).map(([withUnh, withUnt]) => [...(withUnh ? ['UNH'] : []), ...body, ...(withUnt ? ['UNT'] : [])].map((tag) => ({ tag }))),
    );
}

/** Segment lists that follow the table (a walk), so the clean case is exercised too. */
function arbWalk(structure: MessageStructure): fc.Arbitrary<Array<{ tag: string }>> {
  const rows = structure.entries;
  return fc.array(fc.nat({ max: 3 }), { minLength: rows.length * 2, maxLength: rows.length * 2 }).map((counts) => {
    const out: string[] = [];
    let k = 0;
    const emit = (entries: typeof rows): void => {
      for (const e of entries) {
        const n = Math.min(counts[k++ % counts.length]! + (e.status === 'M' ? 1 : 0), e.maxRepeat);
        for (let r = 0; r < n; r++) {
          if ('group' in e) emit(e.children);
          else out.push(e.tag);
        }
      }
    };
    emit(rows);
    return out.map((tag) => ({ tag }));
  });
}

describe('fast structure matcher agrees with matchStructure', () => {
  for (const [name, structure] of [
    ['opsigelser', opsigelser55.structure],
    ['panthaver', panthaver52.structure],
    ['CONTRL', CONTRL_STRUCTURE],
  ] as const) {
    it(name, () => {
      // Each row's layout stands in as its tag: the matcher must hand every segment its own.
      const fast = new FastStructureMatcher(structure, (tag) => ({ tag }));
      const out: FastMatch<{ tag: string }> = { positions: [], groups: [], layouts: [] };
      let clean = 0;
      fc.assert(
        fc.property(fc.oneof(arbTags(structure), arbWalk(structure)), (segments) => {
          const slow = matchStructure(segments, structure);
          const ok = fast.match(segments, out);
          expect(ok).toBe(slow.issues.length === 0);
          if (ok) {
            clean++;
            expect(out.positions).toEqual(slow.matches.map((m) => m.position));
            expect(out.layouts.slice(0, segments.length)).toEqual(segments.map((seg) => ({ tag: seg.tag })));
          }
        }),
        { numRuns: 1500 },
      );
      expect(clean).toBeGreaterThan(100);
    });
  }
});
