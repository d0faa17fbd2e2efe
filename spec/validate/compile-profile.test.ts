/**
 * The profiles a validation runs with (validate/compile/profile.ts): the `profile` option may
 * be a map of guide profiles by UNH message type, which replaces the shipped profile of each
 * type it names, keeps the others and adds the types the shipped ones lack; an entry that is
 * not a guide profile is refused, naming it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchProfile } from '../../src/schema/patch.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { validate } from '../../src/validate/index.js';
import { messageErrors, NOW, oneMessage } from './helpers.js';
import { NINE, swap } from './opsigelser-bodies.js';

// A 9 with policy number 'ukendt': policy-number-missing, F01 in the shipped profile.
const unknownPolicy = oneMessage(swap(NINE, 'RFF+POL:00-123', 'RFF+POL:ukendt'));
const f05 = patchProfile(opsigelser55, { contentRules: { 'policy-number-missing': { code: { value: 'F05' } } } });
const panthaverAccept = readFileSync('fixtures/panthaver-33-accept.edi');

describe('a map of profiles by message type', () => {
  it('replaces the profile of each type it names', async () => {
    expect(await messageErrors(unknownPolicy)).toEqual([['F01', 'policy-number-missing', 9, 1, 2]]);
    expect(await messageErrors(unknownPolicy, { profile: { OPSIGE: f05 } })).toEqual([['F05', 'policy-number-missing', 9, 1, 2]]);
    expect(await messageErrors(unknownPolicy, { profile: { OPSIGE: f05, PANTDE: panthaver52 } })).toEqual([['F05', 'policy-number-missing', 9, 1, 2]]);
  });

  it('keeps the shipped profile of each type it does not name', async () => {
    const [p] = await validate(panthaverAccept, { now: NOW, profile: { OPSIGE: f05 } });
    expect(p!.messages.map((m) => [m.status, m.profileId, m.errors])).toEqual([['accepted', panthaver52.id, []]]);
  });

  it('adds a message type the shipped profiles do not know', async () => {
    const other = oneMessage(NINE).replace('UNH+1+OPSIGE:', 'UNH+1+OPSIGX:');
    expect((await messageErrors(other)).map((e) => e[0])).toEqual(['14']);
    const [r] = await validate(other, { now: NOW, profile: { OPSIGX: opsigelser55 } });
    expect(r!.messages.map((m) => [m.status, m.profileId, m.errors])).toEqual([['accepted', opsigelser55.id, []]]);
  });

  it.each([
    ['without a message identifier', { id: 'x' }],
    ['without an id', { messageIdentifier: opsigelser55.messageIdentifier }],
  ])('refuses an entry %s, naming it', async (_, entry) => {
    await expect(validate(unknownPolicy, { now: NOW, profile: { PANTDE: panthaver52, OPSIGE: entry } as never })).rejects.toThrow(
      new TypeError('fp-edifact: validate: option profile is neither a guide profile nor a map of them (profile.OPSIGE is not one)'),
    );
  });
});

describe('a hand-built profile (never through loadProfile)', () => {
  it('is refused when two roles share a qualifier code but use different positions, as loadProfile refuses it', async () => {
    // The insured location (1, 5.1, 6, 8, 9) given the recipient's code MR (1, 2.1, 2.3, 4.1):
    // without the check every NAD MR would be checked against the first role's positions.
    const shared = { ...opsigelser55, qualifiers: { ...opsigelser55.qualifiers, NAD: { ...opsigelser55.qualifiers.NAD, insuredLocation: { ...opsigelser55.qualifiers.NAD!.insuredLocation!, value: 'MR' } } } };
    await expect(validate(unknownPolicy, { now: NOW, profile: { OPSIGE: shared } })).rejects.toThrow(
      /profile fp-opsigelser\/5\.5-reconstructed: segments\.NAD\.byQualifier: NAD qualifier code MR is used by roles recipient .* and insuredLocation/,
    );
  });

  it('is refused when it makes optional a position the typed messages always read (FP_REQUIRED), as loadProfile refuses it', async () => {
    // DTM 2379 (the date format code) conditional: validate would take DTM+137:20241120' that decodeMessage refuses.
    const dtm = structuredClone(opsigelser55.segments.DTM!);
    dtm.elements[0]!.components![2]!.status = 'C';
    const relaxed = { ...opsigelser55, segments: { ...opsigelser55.segments, DTM: dtm } };
    await expect(validate(unknownPolicy, { now: NOW, profile: { OPSIGE: relaxed } })).rejects.toThrow(
      /profile fp-opsigelser\/5\.5-reconstructed: segments\.DTM\.elements\.0\.components\.2\.status: DTM 1\.3 is C, not M/,
    );
  });
});
