/**
 * A partner profile cannot relax what the typed messages always read and only the layout
 * refuses when empty (FP_REQUIRED): such a patch or profile is refused up front with a
 * ProfileError naming the position and why. Before, a patch making DTM 2379 (the date format
 * code) optional again loaded, and then `validate` took `DTM+137:20241120'` while
 * `decodeMessage` refused it — two answers for one message. What a content rule refuses when
 * empty (F01/F02: a CTA's function, SIF's premium step, an ERC's code) stays the partner's.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProfileFile } from '../../src/cli/profiles.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { patchProfile } from '../../src/schema/patch.js';
import { loadProfile, ProfileError, type GuideProfile } from '../../src/schema/profile.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { FP_REQUIRED } from '../../src/schema/required.js';
import { STANDARD_LAYOUTS, type ElementStatus, type SegmentLayout } from '../../src/schema/segments.js';
import { validate } from '../../src/validate/index.js';
import { NOW } from '../validate/helpers.js';

/** `layout`'s elements with `position` ('2' or '2.3') set to `status`. */
function withStatus(layout: SegmentLayout, position: string, status: ElementStatus): SegmentLayout['elements'] {
  const [e, c] = position.split('.').map(Number) as [number, number | undefined];
  return layout.elements.map((el, i) => {
    if (i !== e - 1) return el;
    if (c === undefined) return { ...el, status };
    return { ...el, components: el.components!.map((x, k) => (k === c - 1 ? { ...x, status } : x)) };
  });
}

/** The ProfileError issues of loading `profile` patched by `patch` (none when it loads). */
function refusal(profile: GuideProfile, patch: Record<string, unknown>): Array<{ path: string; message: string }> {
  try {
    patchProfile(profile, patch);
    return [];
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return e.issues;
  }
}

const place = (e: { code: string; segmentPosition: number | null; element: number | null; component: number | null }) => [e.code, e.segmentPosition, e.element, e.component];

/** validate's and decodeMessage's errors for the one message of `text` under `profile`. */
async function answers(text: string, profile: GuideProfile) {
  const [report] = await validate(text, { now: NOW, profile });
  const decoded = decodeMessage(parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!, profile);
  return { validate: report!.messages[0]!.errors.map(place), decode: decoded.ok ? [] : decoded.errors.map(place) };
}

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');

describe('a patch that makes DTM 2379 (the date format code) optional again', () => {
  const patch = { segments: { DTM: { elements: withStatus(opsigelser55.segments.DTM!, '1.3', 'C') } } };

  it('is refused with a ProfileError naming the position and why — by patchProfile, loadProfile and a --profile file', () => {
    const issues = refusal(opsigelser55, patch);
    expect(issues.map((i) => i.path)).toEqual(['segments.DTM.elements.0.components.2.status']);
    expect(issues[0]!.message).toMatch(/^DTM 1\.3 is C, not M: decodeMessage reads the date qualifier and the date format code there/);
    const whole = JSON.parse(JSON.stringify(opsigelser55)) as GuideProfile;
    whole.segments.DTM!.elements[0]!.components![2]!.status = 'C';
    expect(() => loadProfile(whole)).toThrow(/segments\.DTM\.elements\.0\.components\.2\.status: DTM 1\.3 is C, not M/);
    const dir = mkdtempSync(join(tmpdir(), 'fp-required-'));
    try {
      writeFileSync(join(dir, 'partner.json'), JSON.stringify({ extends: opsigelser55.id, ...patch }));
      expect(() => readProfileFile(join(dir, 'partner.json'))).toThrow(/partner\.json is not usable: .*segments\.DTM\.elements\.0\.components\.2\.status: DTM 1\.3 is C, not M/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the one answer both sides give under the shipped profile: 13 at DTM element 1, component 3', async () => {
    expect(await answers(motor.replace('DTM+137:20241120:102', 'DTM+137:20241120'), opsigelser55)).toEqual({ validate: [['13', 4, 1, 3]], decode: [['13', 4, 1, 3]] });
  });
});

describe('every position of FP_REQUIRED stays mandatory in both shipped profiles', () => {
  const rows = [opsigelser55, panthaver52].flatMap((p) =>
    FP_REQUIRED.filter((r) => (r.exchange ?? p.exchange) === p.exchange && p.segments[r.tag] !== undefined).flatMap((r) => r.positions.map((pos) => [p.id, r.tag, pos, p] as const)),
  );
  it('covers both exchanges', () => {
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([opsigelser55.id, panthaver52.id]));
  });
  it.each(rows)('%s: %s %s is M in the shipped layout, and made C or N is refused at its status', (_, tag, pos, p) => {
    const [e, c] = pos.split('.').map(Number) as [number, number | undefined];
    const el = p.segments[tag]!.elements[e - 1]!;
    expect(c === undefined ? el.status : el.components![c - 1]!.status).toBe('M');
    const path = `segments.${tag}.elements.${e - 1}${c === undefined ? '' : `.components.${c - 1}`}.status`;
    for (const status of ['C', 'N'] as const) {
      const issues = refusal(p, { segments: { [tag]: { elements: withStatus(p.segments[tag]!, pos, status) } } });
      expect(issues.map((i) => i.path), `${tag} ${pos} → ${status}`).toContain(path);
      expect(issues.find((i) => i.path === path)!.message).toContain(`${tag} ${pos} is ${status}, not M`);
    }
  });
});

describe("a party list (byQualifier) cannot leave such a position out of an element the party uses", () => {
  it.each<[string, GuideProfile, string, string[], string]>([
    ["the recipient's id type", opsigelser55, 'recipient', ['1', '2.1', '4.1'], 'NAD 2.3'],
    ["policyholder 1's id, its type kept", opsigelser55, 'policyholder1', ['1', '2.3', '4.1', '4.2', '5.1', '6', '8', '9'], 'NAD 2.1'],
    ["the new insurer's id type", panthaver52, 'newInsurer', ['1', '2.1', '4.1'], 'NAD 2.3'],
  ])('%s', (_, p, role, list, left) => {
    const issues = refusal(p, { segments: { NAD: { byQualifier: { [role]: list } } } });
    expect(issues.map((i) => i.path)).toEqual([`segments.NAD.byQualifier.${role}`]);
    expect(issues[0]!.message).toMatch(new RegExp(`^leaves ${left.replace('.', '\\.')} out for ${role}: decodeMessage reads`));
  });

  it('such a list would let NAD+FT1+::CPR (an id type without the id) through validate; the decoder refuses it, as both do under the shipped profile', async () => {
    const text = motor.replace('NAD+FT1+0101801234::CPR', 'NAD+FT1+::CPR');
    expect(await answers(text, opsigelser55)).toEqual({ validate: [['13', 9, 2, 1]], decode: [['13', 9, 2, 1]] });
  });
});

describe('patches that relax nothing the typed messages read from the layout alone still load', () => {
  it.each<[string, GuideProfile, Record<string, unknown>]>([
    ['BGM 1004 used (C)', opsigelser55, { segments: { BGM: { elements: withStatus(opsigelser55.segments.BGM!, '2', 'C') } } }],
    ['a second name line on the recipient', opsigelser55, { segments: { NAD: { byQualifier: { recipient: ['1', '2.1', '2.3', '4.1', '4.2'] } } } }],
    ['a company NAD without its name element', opsigelser55, { segments: { NAD: { byQualifier: { sender: ['1', '2.1', '2.3'] } } } }],
    ['a policyholder without any id (element 2 left out whole)', opsigelser55, { segments: { NAD: { byQualifier: { policyholder1: ['1', '4.1', '5.1', '6', '8', '9'] } } } }],
    ['the insured location with C082 component 2 (its typed form reads no id)', opsigelser55, { segments: { NAD: { byQualifier: { insuredLocation: ['1', '2.2', '5.1', '6', '8', '9'] } } } }],
    // What the other exchange's typed messages read is no business of this one's: its layout is the partner's.
    ['an opsigelser profile with the standard ATT layout (ATT 3 conditional)', opsigelser55, { segments: { ATT: STANDARD_LAYOUTS.ATT } }],
    ['a panthaver profile with a SHI layout whose code is conditional', panthaver52, { segments: { SHI: { ...STANDARD_LAYOUTS.SHI!, elements: withStatus(STANDARD_LAYOUTS.SHI!, '1', 'C') } } }],
  ])('%s', (_, p, patch) => {
    expect(refusal(p, patch)).toEqual([]);
  });

  // An empty premium step is F02 (unknown-code), an empty ERC code F02 too: both still refuse, whatever the layout says.
  it.each<[string, GuideProfile, string, string, string, string[][]]>([
    ["SIF's premium step (Z004) made C, sent empty", opsigelser55, 'SIF', '1', 'fixtures/opsigelse-11-bonus-answer.edi', [['SIF+10+4', 'SIF++4']]],
    ["ERC's code (C901 and 9321) made C, sent empty", opsigelser55, 'ERC', '1.1', 'fixtures/opsigelse-27-rejection.edi', [['ERC+9', 'ERC+']]],
  ])('%s: the profile loads, and validate and decodeMessage both refuse the message', async (_, p, tag, pos, file, swaps) => {
    let elements = withStatus(p.segments[tag]!, pos, 'C');
    if (pos.includes('.')) elements = withStatus({ ...p.segments[tag]!, elements }, pos.split('.')[0]!, 'C');
    const patched = patchProfile(p, { segments: { [tag]: { elements } } });
    const text = swaps.reduce((t, [from, to]) => t.replace(`${from!}'`, `${to!}'`), readFileSync(file, 'latin1'));
    const got = await answers(text, patched);
    expect(got.validate.length, JSON.stringify(got)).toBeGreaterThan(0);
    expect(got.decode.length, JSON.stringify(got)).toBeGreaterThan(0);
  });
});
