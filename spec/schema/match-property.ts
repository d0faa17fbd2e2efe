/** The property of `matchStructure` every segment table must keep, shared by its tests. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { matchStructure } from '../../src/schema/match.js';
import { isGroup, type MessageStructure, type StructureEntry } from '../../src/schema/structure.js';

/** Every position of a structure with its tag. */
export function positions(entries: readonly StructureEntry[], out = new Map<string, string>()): Map<string, string> {
  for (const e of entries) {
    if (isGroup(e)) positions(e.children, out);
    else out.set(e.position, e.tag);
  }
  return out;
}

/**
 * On random sequences of `structure`'s tags, a tag it lacks and a UNB, `matchStructure`
 * terminates and accounts for every segment: each is matched at a position of its tag, or
 * reported as 15 (not allowed there); no issue points past the end.
 */
export function expectEverySegmentAccounted(structure: MessageStructure, options: { maxLength: number; numRuns: number }): void {
  const pos = positions(structure.entries);
  const tags = [...new Set([...pos.values(), 'XXX', 'UNB'])];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tags), { maxLength: options.maxLength }), (list) => {
      const r = matchStructure(list.map((tag) => ({ tag })), structure);
      expect(r.matches.map((m) => m.index)).toEqual(list.map((_, i) => i));
      for (const m of r.matches) {
        expect(m.tag).toBe(list[m.index]);
        if (m.position === null) expect(r.issues.some((x) => x.code === '15' && x.index === m.index)).toBe(true);
        else expect(pos.get(m.position)).toBe(m.tag);
      }
      for (const x of r.issues) expect(x.index).toBeLessThanOrEqual(list.length);
    }),
    { numRuns: options.numRuns },
  );
}
