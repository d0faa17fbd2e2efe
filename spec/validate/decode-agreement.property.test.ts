/**
 * One answer for one message: for a random valid message with data put in random empty
 * positions, under a profile that a random subset of those positions is opened in (what a
 * partner's Bilag 1 might add), `validate` accepts the message exactly when `decodeMessage`
 * reads it — and what the decoder reads, `encodeMessage` writes back byte for byte (data no
 * typed field holds travels in `extraData`). The same for a valid message with values taken
 * away: a component blanked, or an element cut short after a component (a value the guide
 * requires for the kind that is present but empty is a content error, F01, for both). And the
 * same under a profile that makes those positions conditional where it may: what only the layout
 * refuses when empty stays mandatory (FP_REQUIRED: loadProfile refuses relaxing it), the rest a
 * content rule refuses whatever the layout says. And under a profile patched to add a segment to
 * the table (a tag no typed field reads) or to let a row or group repeat more often, with such
 * segments or repetitions in the message: the same verdict, and what the decoder reads it writes
 * back byte for byte (segments no typed field holds travel in `extraSegments`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInterchange } from '../../src/envelope/builder.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage, type FpMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { matchStructure } from '../../src/schema/match.js';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { requiredPositionIssues } from '../../src/schema/required.js';
import { STANDARD_LAYOUTS, type SegmentLayout } from '../../src/schema/segments.js';
import type { StructureEntry } from '../../src/schema/structure.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import type { SegmentInput } from '../../src/syntax/segment.js';
import { serialize } from '../../src/syntax/writer.js';
import { arbOpsigelse, arbPanthaver } from '../../src/testing.js';
import { validate } from '../../src/validate/index.js';
import { arbFilled, fillSites, openPositions, type FilledCase } from '../messages/helpers.js';
import { NOW } from './helpers.js';

/** Values of every kind a layout may refuse: too long for an..35, letters where digits go, a code no list has. */
const VALUES = ['X1', '7', 'ABC', 'Zz', 'X'.repeat(36), '0123456789'];

async function check(profile: GuideProfile, { message, body, picks }: FilledCase) {
  const patched = openPositions(profile, picks.filter((p) => p.open).map((p) => p.site));
  await agree(patched, message, fillSites(body, picks.map((p) => ({ ...p.site, value: p.value }))));
}

/**
 * `profile` with the layout positions of `relax` (a segment's tag, its element `e` and component
 * `c`, 0-based) made conditional — the component and its element — where loadProfile lets a
 * partner do so (not a position of FP_REQUIRED).
 */
function relaxed(profile: GuideProfile, relax: ReadonlyArray<{ tag: string; e: number; c: number }>): GuideProfile {
  const segments: Record<string, SegmentLayout> = {};
  for (const { tag, e, c } of relax) {
    const layout = structuredClone(segments[tag] ?? profile.segments[tag]!);
    const el = layout.elements[e]!;
    if (el.status === 'M') el.status = 'C';
    const component = el.components?.[c];
    if (component?.status === 'M') component.status = 'C';
    if (requiredPositionIssues({ exchange: profile.exchange, segments: { [tag]: layout } }).length === 0) segments[tag] = layout;
  }
  return Object.keys(segments).length === 0 ? profile : patchProfile(profile, { segments });
}

/** A valid message and its body with 1–2 values taken away (blanked, or the element cut after them), and their positions. */
function arbEmptied(arbMessage: fc.Arbitrary<FpMessage>, profile: GuideProfile): fc.Arbitrary<{ message: FpMessage; filled: SegmentInput[]; emptied: Array<{ tag: string; e: number; c: number }> }> {
  return arbMessage.chain((message) => {
    const body = encodeMessage(message, profile).body;
    const sites = body.flatMap((segment, s) => segment.elements.flatMap((el, e) => el.flatMap((v, c) => (v === '' ? [] : [{ s, e, c }]))));
    const arbCut = fc.record({ site: fc.constantFrom(...sites), truncate: fc.boolean() });
    return fc.uniqueArray(arbCut, { minLength: 1, maxLength: 2, selector: (x) => `${x.site.s}.${x.site.e}.${x.site.c}` }).map((cuts) => {
      const filled = body.map((seg) => ({ tag: seg.tag, elements: seg.elements.map((el) => [...el]) }));
      for (const { site, truncate } of cuts) {
        const el = filled[site.s]!.elements[site.e]!;
        if (truncate) el.length = Math.max(1, Math.min(el.length, site.c));
        if (site.c < el.length) el[site.c] = '';
      }
      // Written as a writer would: no trailing empty components or elements (what encodeMessage writes back).
      for (const seg of filled) {
        for (const el of seg.elements) while (el.length > 1 && el[el.length - 1] === '') el.pop();
        while (seg.elements.length > 1 && seg.elements[seg.elements.length - 1]!.every((v) => v === '')) seg.elements.pop();
      }
      return { message, filled, emptied: cuts.map(({ site }) => ({ tag: body[site.s]!.tag, e: site.e, c: site.c })) };
    });
  });
}

async function agree(patched: GuideProfile, message: FpMessage, filled: SegmentInput[]) {
  const text = serialize(
    buildInterchange({ sender: { id: message.sender.vir }, recipient: { id: message.recipient.vir }, reference: 'R1', date: '2024-11-20', time: '1200', messages: [{ header: encodeMessage(message, patched).header, body: filled }] }),
    { una: true, newline: '\n' },
  );
  const [report] = await validate(text, { now: NOW, profile: patched });
  const accepted = report!.errors.length === 0 && report!.messages[0]!.status === 'accepted';
  const decoded = decodeMessage(parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!, patched);
  const why = JSON.stringify({ segments: serialize(filled, { newline: '\n' }), validate: report!.messages[0]!.errors.map((e) => `${e.code} ${e.message}`), decode: decoded.ok ? decoded.value.extraData : decoded.errors.map((e) => `${e.code} ${e.reason}`) }, null, 1);
  expect(decoded.ok, why).toBe(accepted);
  if (decoded.ok) expect(serialize(encodeMessage(decoded.value, patched).body), why).toBe(serialize(filled));
}

describe('validate and decodeMessage give one answer under patched profiles', () => {
  it('opsigelser', async () => {
    await fc.assert(fc.asyncProperty(arbFilled(arbOpsigelse(), opsigelser55, VALUES), (c) => check(opsigelser55, c)), { numRuns: 150 });
  });
  it('panthaver', async () => {
    await fc.assert(fc.asyncProperty(arbFilled(arbPanthaver(), panthaver52, VALUES), (c) => check(panthaver52, c)), { numRuns: 150 });
  });
});

/** Runs per exchange; `AGREEMENT_RUNS=3000` by hand to search harder. */
const RUNS = Number(process.env.AGREEMENT_RUNS ?? 150);

describe('validate and decodeMessage give one answer when values are taken away', () => {
  it('opsigelser', async () => {
    await fc.assert(fc.asyncProperty(arbEmptied(arbOpsigelse(), opsigelser55), (c) => agree(opsigelser55, c.message, c.filled)), { numRuns: RUNS });
  });
  it('panthaver', async () => {
    await fc.assert(fc.asyncProperty(arbEmptied(arbPanthaver(), panthaver52), (c) => agree(panthaver52, c.message, c.filled)), { numRuns: RUNS });
  });
});

describe('validate and decodeMessage give one answer when values are taken away under a profile that makes their positions conditional', () => {
  it('opsigelser', async () => {
    await fc.assert(fc.asyncProperty(arbEmptied(arbOpsigelse(), opsigelser55), (c) => agree(relaxed(opsigelser55, c.emptied), c.message, c.filled)), { numRuns: RUNS });
  });
  it('panthaver', async () => {
    await fc.assert(fc.asyncProperty(arbEmptied(arbPanthaver(), panthaver52), (c) => agree(relaxed(panthaver52, c.emptied), c.message, c.filled)), { numRuns: RUNS });
  });
});

/**
 * A valid message and its body with the id type (C082/3055) of one party NAD changed to another
 * the profile knows (VIR, CPR, CVR): a lienholder by CVR where the kind names a lienholder there,
 * an insurer by CVR, a debtor by VIR, …
 */
function arbIdTypeChanged(arbMessage: fc.Arbitrary<FpMessage>, profile: GuideProfile): fc.Arbitrary<{ message: FpMessage; filled: SegmentInput[] }> {
  const types = Object.values(profile.qualifiers.NADIdType!).map((q) => q.value);
  return arbMessage.chain((message) => {
    const body = encodeMessage(message, profile).body;
    const nads = body.flatMap((s, i) => (s.tag === 'NAD' && (s.elements[1]?.[2] ?? '') !== '' ? [i] : []));
    return fc.record({ at: fc.constantFrom(...nads), type: fc.constantFrom(...types) }).map(({ at, type }) => {
      const filled = body.map((seg) => ({ tag: seg.tag, elements: seg.elements.map((el) => [...el]) }));
      filled[at]!.elements[1]![2] = type;
      return { message, filled };
    });
  });
}

describe('validate and decodeMessage give one answer when a party NAD carries another id type', () => {
  it('opsigelser', async () => {
    await fc.assert(fc.asyncProperty(arbIdTypeChanged(arbOpsigelse(), opsigelser55), (c) => agree(opsigelser55, c.message, c.filled)), { numRuns: RUNS });
  });
  it('panthaver', async () => {
    await fc.assert(fc.asyncProperty(arbIdTypeChanged(arbPanthaver(), panthaver52), (c) => agree(panthaver52, c.message, c.filled)), { numRuns: RUNS });
  });
});

/** Segments a partner's Bilag 1 might add: F&P-style segments of our own (any tag the exchange does not use), and standard layouts the exchange does not use. */
const OWN_LAYOUTS: readonly SegmentLayout[] = [
  {
    tag: 'ZPX',
    name: 'Partner extension (test)',
    elements: [
      { id: 'Z901', name: 'Code', status: 'M', format: 'an..3' },
      { id: 'Z902', name: 'Count', status: 'C', format: 'n..3' },
      { id: 'Z903', name: 'Pair', status: 'C', components: [{ id: 'Z904', name: 'Key', status: 'M', format: 'an..6' }, { id: 'Z905', name: 'Text', status: 'C', format: 'an..35' }] },
    ],
    assumption: false,
    source: 'a partner Bilag 1 (test)',
  },
];

/** A value of `format` (`an..35`, `n..3`, `a3`): one that fits, or one that does not (too long, letters in numbers). */
function valueFor(format: string, fits: boolean): string {
  const m = /^(an|a|n)(\.\.)?(\d+)$/.exec(format)!;
  const max = Number(m[3]);
  const char = m[1] === 'n' ? '7' : 'K';
  return fits ? char.repeat(m[2] ? Math.min(max, 2) : max) : (m[1] === 'n' ? 'X' : char.repeat(max + 1));
}

/** A segment of `layout`: every mandatory value, and each conditional one when `take` says so; one value that does not fit when `bad`. */
function segmentOf(layout: SegmentLayout, take: () => boolean, bad: boolean): { tag: string; elements: string[][] } {
  let spoil = bad;
  const value = (format: string): string => {
    const v = valueFor(format, !spoil);
    spoil = false;
    return v;
  };
  const elements = layout.elements.map((el) => {
    if (el.status === 'N' || (el.status === 'C' && !take())) return [''];
    if (!el.components) return [value(el.format!)];
    return el.components.map((c) => (c.status === 'M' || (c.status === 'C' && take()) ? value(c.format) : ''));
  });
  for (const el of elements) while (el.length > 1 && el[el.length - 1] === '') el.pop();
  while (elements.length > 1 && elements[elements.length - 1]!.every((v) => v === '')) elements.pop();
  return { tag: layout.tag, elements };
}

/** The index of the top-level entry that each body segment belongs to (its row, or its group's row). */
function topEntries(body: readonly SegmentInput[], entries: readonly StructureEntry[], profile: GuideProfile): number[] {
  const full = [{ tag: 'UNH', elements: [] }, ...body, { tag: 'UNT', elements: [] }];
  const { matches } = matchStructure(full, profile.structure);
  return matches.slice(1, -1).map((m) => entries.findIndex((e) => ('group' in e ? e.group === m.groupPath[0]?.group : m.groupPath.length === 0 && e.position === m.position)));
}

/** A segment row added to the table (and its layout), with 1–3 such segments in the message. */
interface AddSegment {
  how: 'segment';
  layout: SegmentLayout;
  at: number;
  maxRepeat: number;
  count: number;
  take: boolean[];
  bad: boolean;
}
/** A row (or a group, or a row of a group) the message uses, allowed `more` repetitions more, and that many copies in the message. */
interface AddRepeats {
  how: 'repeat';
  pick: number;
  child: number;
  more: number;
}

function arbChange(profile: GuideProfile): fc.Arbitrary<AddSegment | AddRepeats> {
  const entries = profile.structure.entries;
  const unused = [...OWN_LAYOUTS, ...Object.values(STANDARD_LAYOUTS).filter((l) => !/^U/.test(l.tag) && profile.segments[l.tag] === undefined)];
  const segment = fc.record({
    how: fc.constant('segment' as const),
    layout: fc.constantFrom(...unused),
    at: fc.integer({ min: 2, max: entries.length - 1 }),
    maxRepeat: fc.integer({ min: 1, max: 3 }),
    count: fc.integer({ min: 1, max: 3 }),
    take: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    bad: fc.boolean(),
  });
  const repeat = fc.record({ how: fc.constant('repeat' as const), pick: fc.nat(), child: fc.nat(), more: fc.integer({ min: 1, max: 2 }) });
  return fc.oneof(segment, repeat);
}

/** `profile` patched by `change`, and `message`'s body with the added segments or repetitions in it. */
function applyChange(profile: GuideProfile, message: FpMessage, change: AddSegment | AddRepeats): { patched: GuideProfile; filled: SegmentInput[] } {
  const entries = profile.structure.entries;
  const body = encodeMessage(message, profile).body;
  const tops = topEntries(body, entries, profile);
  const table = structuredClone(entries) as StructureEntry[];
  const filled = body.map((seg) => ({ tag: seg.tag, elements: seg.elements.map((el) => [...el]) }));
  const segments: Record<string, SegmentLayout> = {};
  if (change.how === 'segment') {
    // A row between two rows of the table (four-digit positions stay unique and in order).
    const before = Number(table[change.at - 1]!.position);
    const after = Number(table[change.at]!.position);
    table.splice(change.at, 0, { position: String(Math.floor((before + after) / 2)).padStart(4, '0'), tag: change.layout.tag, status: 'C', maxRepeat: change.maxRepeat });
    segments[change.layout.tag] = change.layout;
    let t = 0;
    const take = () => change.take[t++ % change.take.length]!;
    const extra = Array.from({ length: Math.min(change.count, change.maxRepeat) }, (_, i) => segmentOf(change.layout, take, change.bad && i === 0));
    const where = tops.findIndex((e) => e >= change.at);
    filled.splice(where === -1 ? filled.length : where, 0, ...extra);
  } else {
    const used = [...new Set(tops)].filter((e) => e > 0);
    const e = used[change.pick % used.length]!;
    const row = table[e]!;
    const mine = tops.flatMap((x, i) => (x === e ? [i] : []));
    const copies = (i: number) => Array.from({ length: change.more }, () => structuredClone(filled[i]!));
    if ('group' in row && change.child % 2 === 0) {
      // The group's last occurrence, copied.
      const head = row.children[0] as { tag: string };
      const starts = mine.filter((i) => filled[i]!.tag === head.tag);
      const last = mine.filter((i) => i >= starts[starts.length - 1]!);
      row.maxRepeat += change.more;
      filled.splice(last[last.length - 1]! + 1, 0, ...Array.from({ length: change.more }, () => last.map((i) => structuredClone(filled[i]!))).flat());
    } else if ('group' in row) {
      // A row of the group after its head: one of its segments, copied next to it.
      const kids = row.children.slice(1).filter((c): c is { tag: string; maxRepeat: number } & StructureEntry => 'tag' in c && mine.some((i) => filled[i]!.tag === c.tag));
      if (kids.length === 0) return { patched: profile, filled };
      const kid = kids[change.child % kids.length]!;
      kid.maxRepeat += change.more;
      const i = mine.filter((x) => filled[x]!.tag === kid.tag).pop()!;
      filled.splice(i + 1, 0, ...copies(i));
    } else {
      (row as { maxRepeat: number }).maxRepeat += change.more;
      filled.splice(mine[mine.length - 1]! + 1, 0, ...copies(mine[change.child % mine.length]!));
    }
  }
  return { patched: patchProfile(profile, { structure: { entries: table }, segments }), filled };
}

async function checkChange(profile: GuideProfile, message: FpMessage, change: AddSegment | AddRepeats) {
  const { patched, filled } = applyChange(profile, message, change);
  await agree(patched, message, filled);
}

describe('validate and decodeMessage give one answer under a profile that adds a segment or lets a row repeat more', () => {
  it('opsigelser', async () => {
    await fc.assert(fc.asyncProperty(arbOpsigelse(), arbChange(opsigelser55), (m, c) => checkChange(opsigelser55, m, c)), { numRuns: RUNS });
  });
  it('panthaver', async () => {
    await fc.assert(fc.asyncProperty(arbPanthaver(), arbChange(panthaver52), (m, c) => checkChange(panthaver52, m, c)), { numRuns: RUNS });
  });
});
