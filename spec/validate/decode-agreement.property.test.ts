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
 * content rule refuses whatever the layout says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInterchange } from '../../src/envelope/builder.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage, type FpMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { requiredPositionIssues } from '../../src/schema/required.js';
import type { SegmentLayout } from '../../src/schema/segments.js';
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
