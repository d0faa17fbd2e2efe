/**
 * The shipped profiles carry everything the validator's content rules need: every rule's
 * F-code comes from `contentRules`, and the L/D/E declaration-type codes the panthaver rules
 * name come from `qualifiers.declarationTypeCodes` — so patching the profile changes behaviour.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declarationTypeCode } from '../../src/schema/access.js';
import { patchProfile } from '../../src/schema/patch.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { unmappedRuleIds, validate } from '../../src/validate/index.js';
import { compileRuleSet } from '../../src/validate/rules/index.js';

const NOW = (): Date => new Date('2024-12-01T10:00:00Z');

describe('content rules', () => {
  it.each([opsigelser55, panthaver52])('$id maps every built-in rule (unmappedRuleIds is empty)', (profile) => {
    expect(unmappedRuleIds(profile)).toEqual([]);
  });
  it.each([opsigelser55, panthaver52])('$id: each bound rule has the F-code of its profile entry', (profile) => {
    for (const bound of compileRuleSet(profile).rules) {
      expect(bound.fromProfile, bound.rule.id).toBe(true);
      expect(bound.code, bound.rule.id).toBe(profile.contentRules[bound.rule.id]!.code.value);
    }
  });
  it('re-mapping one of the former additions through the profile changes its F-code', async () => {
    // a 29 with a changed cancellation date (DTM 287) but without OSI ODC
    const fixed = readFileSync('fixtures/opsigelse-29-accept-with-date.edi', 'latin1').replace(/OSI\+ODC'\r?\n?/, '').replace('UNT+13+', 'UNT+12+');
    const [shipped] = await validate(fixed, { now: NOW });
    expect(shipped!.messages[0]!.errors.map((e) => [e.rule, e.code])).toEqual([['changed-date-without-odc', 'F02']]);
    const patched = patchProfile(opsigelser55, { contentRules: { 'changed-date-without-odc': { code: { value: 'F04' } } } } as never);
    const [r] = await validate(fixed, { now: NOW, profile: patched });
    expect(r!.messages[0]!.errors.map((e) => [e.rule, e.code])).toEqual([['changed-date-without-odc', 'F04']]);
  });
});

describe('declaration-type codes (L, D, E) come from the panthaver profile', () => {
  const z15 = readFileSync('fixtures/panthaver-Z15-sum-changed.edi', 'latin1');
  const rules = async (text: string, profile = panthaver52) => (await validate(text, { now: NOW, profile }))[0]!.messages[0]!.errors.map((e) => e.rule);

  it('the shipped profile names ZLL, ZDD and ZEE', () => {
    expect(panthaver52.qualifiers.declarationTypeCodes).toMatchObject({ L: { value: 'ZLL' }, D: { value: 'ZDD' }, E: { value: 'ZEE' } });
    expect(['L', 'D', 'E'].map((l) => declarationTypeCode(panthaver52, l as 'L'))).toEqual(['ZLL', 'ZDD', 'ZEE']);
  });
  it('a code that is not in the declarationType list disables the letter', () => {
    const p = patchProfile(panthaver52, { qualifiers: { declarationTypeCodes: { L: 'ZQQ' } } } as never);
    expect(declarationTypeCode(p, 'L')).toBeUndefined();
  });
  it('patching L changes which declarations a Z15 may concern', async () => {
    const asB = z15.replace('ATT+DKL++ZLL', 'ATT+DKL++ZBB');
    expect(await rules(z15)).toEqual([]);
    expect(await rules(asB)).toEqual(['sum-change-not-for-l']);
    const lIsB = patchProfile(panthaver52, { qualifiers: { declarationTypeCodes: { L: 'ZBB' } } } as never);
    expect(await rules(asB, lIsB)).toEqual([]);
    expect(await rules(z15, lIsB)).toEqual(['sum-change-not-for-l']);
  });
  it('patching D away lets a D declaration get a new cover type when coverage ends', async () => {
    const z10 = z15
      .replace("BGM+Z15'", "BGM+Z10'")
      .replace('ATT+DKL++ZLL', 'ATT+DKL++ZDD')
      .replace("DTM+7:20241201:102'", "DTM+206:20241201:102'")
      .replace("MOA+FSU:450000'", "ICD+DK+ZKA'");
    expect(await rules(z10)).toEqual(['cover-type-change-not-allowed']);
    const noD = patchProfile(panthaver52, { qualifiers: { declarationTypeCodes: { D: null } } } as never);
    expect(await rules(z10, noD)).toEqual([]);
  });
});
