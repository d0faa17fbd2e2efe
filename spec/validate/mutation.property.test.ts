/**
 * Mutation property: take arbitrary valid interchanges (the messages layer's arbitraries),
 * break one thing — delete a mandatory segment, duplicate a non-repeatable one, overfill an
 * element, break a control count — and the report names the right code at the right
 * position; every message is reported exactly once, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStructure } from '../../src/schema/match.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { parseFormat } from '../../src/syntax/formats.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { parse } from '../../src/syntax/read.js';
import type { Segment, SegmentInput } from '../../src/syntax/segment.js';
import { serialize } from '../../src/syntax/writer.js';
import { arbInterchangeText } from '../../src/testing.js';
import { validate } from '../../src/validate/index.js';
import type { InterchangeReport, ValidationError } from '../../src/validate/types.js';
import { NOW } from './helpers.js';

type Mutation = 'delete' | 'duplicate' | 'overfill' | 'unt-count' | 'unz-count';

interface Expected {
  /** Interchange-level error, or one in message `message` (1-based). */
  message: number | null;
  code: string;
  segmentPosition?: number;
  segment?: string;
  element?: number | null;
  component?: number | null;
}

/** Message spans [start, end] (indexes of UNH and UNT) in the interchange's segment list. */
function spans(segs: readonly SegmentInput[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  segs.forEach((s, i) => {
    if (s.tag === 'UNH') start = i;
    if (s.tag === 'UNT') out.push([start, i]);
  });
  return out;
}

function copy(s: SegmentInput): SegmentInput {
  return { tag: s.tag, elements: s.elements.map((e) => [...e]) };
}

/** Recomputes UNT counts (UNZ counts messages, which no mutation here changes). */
function fixUnt(segs: SegmentInput[]): void {
  for (const [a, b] of spans(segs)) {
    const unt = segs[b]!;
    segs[b] = { tag: 'UNT', elements: [[String(b - a + 1)], ...unt.elements.slice(1).map((e) => [...e])] };
  }
}

/**
 * Applies mutation `kind` to message `m` of the interchange, choosing among the candidates
 * with `pick`. Returns the mutated segments and what the validator must report, or `null`
 * when the message offers no candidate for this mutation.
 */
function mutate(segsIn: readonly Segment[], profile: GuideProfile, kind: Mutation, m: number, pick: number): { segs: SegmentInput[]; want: Expected } | null {
  const segs = segsIn.map(copy);
  const span = spans(segs)[m]!;
  const body = segsIn.slice(span[0], span[1] + 1);
  const matched = matchStructure(body, profile.structure).matches;
  const rowOf = (pos: string | null) => profile.structure.entries.find((e) => e.position === pos && !('group' in e)) as { status: string; maxRepeat: number } | undefined;
  const countAt = (pos: string | null) => matched.filter((x) => x.position === pos).length;
  const topLevel = (i: number) => matched[i]!.groupPath.length === 0 && body[i]!.tag !== 'UNH' && body[i]!.tag !== 'UNT';
  if (kind === 'unt-count' || kind === 'unz-count') {
    if (kind === 'unz-count') {
      const unz = segs[segs.length - 1]!;
      segs[segs.length - 1] = { tag: 'UNZ', elements: [[String(Number(unz.elements[0]![0]) + 1)], [...unz.elements[1]!]] };
      return { segs, want: { message: null, code: '29', segment: 'UNZ', element: 1 } };
    }
    const unt = segs[span[1]]!;
    segs[span[1]] = { tag: 'UNT', elements: [[String(Number(unt.elements[0]![0]) + 1)], [...unt.elements[1]!]] };
    return { segs, want: { message: m + 1, code: '29', segment: 'UNT', segmentPosition: body.length, element: 1 } };
  }
  if (kind === 'delete') {
    const candidates = body.map((_, i) => i).filter((i) => topLevel(i) && rowOf(matched[i]!.position)?.status === 'M' && countAt(matched[i]!.position) === 1);
    if (candidates.length === 0) return null;
    const i = candidates[pick % candidates.length]!;
    const tag = body[i]!.tag;
    segs.splice(span[0] + i, 1);
    fixUnt(segs);
    return { segs, want: { message: m + 1, code: '13', segment: tag, segmentPosition: i } };
  }
  if (kind === 'duplicate') {
    const candidates = body.map((_, i) => i).filter((i) => topLevel(i) && rowOf(matched[i]!.position)?.maxRepeat === 1);
    if (candidates.length === 0) return null;
    const i = candidates[pick % candidates.length]!;
    segs.splice(span[0] + i + 1, 0, copy(body[i]!));
    fixUnt(segs);
    return { segs, want: { message: m + 1, code: '35', segment: body[i]!.tag, segmentPosition: i + 2 } };
  }
  // overfill: a present value of a body segment, one character longer than its format allows
  const values: Array<{ i: number; e: number; c: number | null; max: number; cls: string }> = [];
  body.forEach((s, i) => {
    const layout = profile.segments[s.tag];
    if (!layout || s.tag === 'UNH' || s.tag === 'UNT') return;
    layout.elements.forEach((def, e) => {
      if (def.format) {
        if (s.elements[e]?.[0]) values.push({ i, e, c: null, ...fmt(def.format) });
      } else {
        def.components?.forEach((comp, c) => {
          if (s.elements[e]?.[c]) values.push({ i, e, c, ...fmt(comp.format) });
        });
      }
    });
  });
  if (values.length === 0) return null;
  const v = values[pick % values.length]!;
  const seg = segs[span[0] + v.i]!;
  (seg.elements[v.e] as string[])[v.c ?? 0] = (v.cls === 'n' ? '1' : v.cls === 'a' ? 'A' : 'X').repeat(v.max + 1);
  return { segs, want: { message: m + 1, code: '39', segmentPosition: v.i + 1, element: v.e + 1, component: v.c === null ? null : v.c + 1 } };
}

function fmt(format: string): { max: number; cls: string } {
  const f = parseFormat(format);
  return { max: f.maxLength, cls: f.charClass };
}

function has(errors: readonly ValidationError[], want: Expected): boolean {
  return errors.some(
    (e) =>
      e.code === want.code &&
      (want.segment === undefined || e.segment === want.segment) &&
      (want.segmentPosition === undefined || e.segmentPosition === want.segmentPosition) &&
      (want.element === undefined || e.element === want.element) &&
      (want.component === undefined || e.component === want.component),
  );
}

function show(r: InterchangeReport): string {
  return JSON.stringify({ errors: r.errors, messages: r.messages.map((m) => ({ i: m.index, s: m.status, e: m.errors })) }, null, 1);
}

for (const [exchange, profile] of [
  ['opsigelser', opsigelser55],
  ['panthaver', panthaver52],
] as const) {
  describe(`mutations of arbitrary ${exchange} interchanges`, () => {
    it('reports the mutation with its code and position, every message exactly once', async () => {
      const applied: Record<Mutation, number> = { delete: 0, duplicate: 0, overfill: 0, 'unt-count': 0, 'unz-count': 0 };
      await fc.assert(
        fc.asyncProperty(
          arbInterchangeText({ exchange, maxMessages: 3 }),
          fc.constantFrom<Mutation>('delete', 'duplicate', 'overfill', 'unt-count', 'unz-count'),
          fc.nat(),
          fc.nat(),
          async (ic, kind, m, pick) => {
            const segs = parse(ic.text, { errors: 'collect' }).segments;
            const messageCount = spans(segs).length;
            const baseline = (await validate(ic.text, { now: NOW }))[0]!;
            expect(baseline.messages.every((x) => x.status !== 'rejected'), show(baseline)).toBe(true);
            expect(baseline.accepted).toBe(true);
            const mutated = mutate(segs, profile, kind, m % messageCount, pick);
            if (mutated === null) return;
            applied[kind]++;
            const reports = await validate(serialize(mutated.segs, { una: true }), { now: NOW });
            expect(reports.length).toBe(1);
            const r = reports[0]!;
            expect(r.messages.map((x) => x.index)).toEqual(Array.from({ length: messageCount }, (_, i) => i + 1));
            expect(r.accepted).toBe(false);
            const want = mutated.want;
            if (want.message === null) {
              expect(has(r.errors, want), `${kind}: ${JSON.stringify(want)}\n${show(r)}`).toBe(true);
            } else {
              const msg = r.messages[want.message - 1]!;
              expect(msg.status).toBe('rejected');
              expect(has(msg.errors, want), `${kind}: ${JSON.stringify(want)}\n${show(r)}`).toBe(true);
              r.messages.forEach((x, i) => {
                if (i !== want.message! - 1) expect(x.status).not.toBe('rejected');
              });
            }
          },
        ),
        { numRuns: 150 },
      );
      for (const n of Object.values(applied)) expect(n).toBeGreaterThan(5);
    });
  });
}
