import { describe, expect, it } from 'vitest';
import type { Bonus } from '../../src/messages/types/opsigelser.js';
import { buildBonusBlock, checkBonusBlock, isBonusQueryAllowed, type BonusFacts, type ClaimRecord } from '../../src/rules/bonus.js';
import { BONUS } from './fixtures.js';

const facts = (o: Partial<BonusFacts> = {}): BonusFacts => ({
  premiumStep: '7',
  claimFreeYears: 6,
  underwritingDate: '2015-03-01',
  lastStepChange: { date: '2024-01-01' },
  claims: [],
  ...o,
});
const rules = (found: Array<{ rule: string }>) => found.map((f) => f.rule);

describe('buildBonusBlock: premium step and last step change (bonus.premium-step, bonus.last-step-change)', () => {
  it('gives the step, claim-free years (may be negative) and the date of the last step change (290)', () => {
    const { bonus } = buildBonusBlock(facts({ claimFreeYears: -2 }), '2025-01-01');
    expect(bonus).toEqual({ premiumStep: '7', claimFreeYears: -2, underwritingDate: '2015-03-01', lastStepChange: { date: '2024-01-01' }, claims: [] });
  });
  it('uses the underwriting date when the step never changed', () => {
    expect(buildBonusBlock(facts({ lastStepChange: { never: true } }), '2025-01-01').bonus.lastStepChange).toEqual({ date: '2015-03-01' });
  });
  it('uses the change date when the policy moved to fixed premium (FASTP)', () => {
    const { bonus } = buildBonusBlock(facts({ premiumStep: 'FASTP', fixedPremiumSince: '2022-06-01', lastStepChange: { date: '2021-01-01' } }), '2025-01-01');
    expect(bonus).toMatchObject({ premiumStep: 'FASTP', lastStepChange: { date: '2022-06-01' } });
  });
  it('gives qualifier 293 with a blank date when the date is unknown', () => {
    expect(buildBonusBlock(facts({ lastStepChange: { unknown: true } }), '2025-01-01').bonus.lastStepChange).toEqual({ unknown: true });
  });
});

describe('buildBonusBlock: underwriting date (bonus.underwriting-date)', () => {
  it('gives the conversion date, with a note, when the underwriting date is unknown', () => {
    const { bonus, notes } = buildBonusBlock(facts({ underwritingDate: undefined, conversionDate: '2018-09-01' }), '2025-01-01');
    expect(bonus.underwritingDate).toBe('2018-09-01');
    expect(rules(notes)).toEqual(['bonus.underwriting-date']);
  });
  it('needs one of the two', () => {
    expect(() => buildBonusBlock(facts({ underwritingDate: undefined }), '2025-01-01')).toThrow(TypeError);
  });
});

describe('buildBonusBlock: claims (bonus.claims-cost, bonus.claims-window, bonus.claims-max-10)', () => {
  it('reports only claims that cost the ceding insurer', () => {
    const claims: ClaimRecord[] = [
      { date: '2023-05-01', consequence: '4' },
      { date: '2023-06-01', consequence: '4', fullyRecovered: true },
      { date: '2023-07-01', consequence: '1', costsCedingInsurer: false },
    ];
    const { bonus, notes } = buildBonusBlock(facts({ claims }), '2025-01-01');
    expect(bonus.claims).toEqual([{ consequence: '4', date: '2023-05-01' }]);
    expect(rules(notes)).toEqual(['bonus.claims-cost']);
  });
  it('reports claims up to 5 years before the cancellation date, both ends included', () => {
    const claims: ClaimRecord[] = [
      { date: '2019-12-31', consequence: '4' },
      { date: '2020-01-01', consequence: '5' },
      { date: '2025-01-01', consequence: '6' },
      { date: '2025-01-02', consequence: '6' },
    ];
    const { bonus, notes } = buildBonusBlock(facts({ claims }), '2025-01-01');
    expect(bonus.claims.map((c) => c.date)).toEqual(['2025-01-01', '2020-01-01']);
    expect(notes[0]).toMatchObject({ rule: 'bonus.claims-window', dates: { from: '2020-01-01', to: '2025-01-01' } });
  });
  it('keeps the 10 most recent when more qualify, newest first, and says so', () => {
    const claims: ClaimRecord[] = Array.from({ length: 12 }, (_, i) => ({ date: `2023-${String(i + 1).padStart(2, '0')}-15`, consequence: '2' }));
    const { bonus, notes } = buildBonusBlock(facts({ claims }), '2025-01-01');
    expect(bonus.claims).toHaveLength(10);
    expect(bonus.claims[0]?.date).toBe('2023-12-15');
    expect(bonus.claims[9]?.date).toBe('2023-03-15');
    expect(notes).toEqual([expect.objectContaining({ rule: 'bonus.claims-max-10', dates: { oldestKept: '2023-03-15' } })]);
  });
});

describe('checkBonusBlock', () => {
  it('finds nothing wrong with a correct block', () => {
    expect(checkBonusBlock(BONUS, { referenceDate: '2025-01-01', messageDate: '2024-11-25', messageKind: 'accept' })).toEqual([]);
  });
  it('finds each broken rule', () => {
    const bad = {
      premiumStep: 'X1',
      claimFreeYears: 1.5,
      lastStepChange: {},
      claims: [
        ...Array.from({ length: 10 }, () => ({ consequence: '4', date: '2024-01-01' })),
        { consequence: '7', date: '2018-01-01' },
      ],
    } as unknown as Bonus;
    expect(new Set(rules(checkBonusBlock(bad, { referenceDate: '2025-01-01', messageKind: 'bonusAnswer' })))).toEqual(
      new Set(['bonus.premium-step', 'bonus.claim-free-years', 'bonus.underwriting-date', 'bonus.last-step-change', 'bonus.policy-end-date', 'bonus.claims-max-10', 'bonus.consequence-code', 'bonus.claims-window']),
    );
  });
  it('flags dates after the message date', () => {
    const block: Bonus = { ...BONUS, lastStepChange: { date: '2024-12-01' }, claims: [{ consequence: '6', date: '2024-12-02' }] };
    expect(rules(checkBonusBlock(block, { messageDate: '2024-11-25' }))).toEqual(['bonus.last-step-change', 'bonus.claims-window']);
  });
  it("compares the block with the insurer's data", () => {
    const data = facts({ lastStepChange: { never: true }, claims: [{ date: '2024-02-01', consequence: '4' }, { date: '2024-03-01', consequence: '2', fullyRecovered: true }] });
    expect(checkBonusBlock(buildBonusBlock(data, '2025-01-01').bonus, { referenceDate: '2025-01-01', facts: data })).toEqual([]);
    const wrong: Bonus = { ...BONUS, claims: [{ consequence: '2', date: '2024-03-01' }] };
    expect(rules(checkBonusBlock(wrong, { referenceDate: '2025-01-01', facts: data }))).toEqual(['bonus.last-step-change', 'bonus.claims-cost', 'bonus.claims-window']);
  });
});

describe('buildBonusBlock: what its notes say', () => {
  it('counts the claims it leaves out, sorts any input newest first, and passes the policy end date on', () => {
    const claims: ClaimRecord[] = [
      { date: '2023-01-01', consequence: '1' },
      { date: '2024-06-01', consequence: '2' },
      { date: '2019-01-01', consequence: '3' },
      { date: '2018-01-01', consequence: '3' },
      { date: '2023-09-01', consequence: '4', fullyRecovered: true },
      { date: '2023-10-01', consequence: '4', costsCedingInsurer: false },
      { date: '2023-11-01', consequence: '4', fullyRecovered: true },
    ];
    const { bonus, notes } = buildBonusBlock(facts({ claims, policyEndDate: '2024-12-31' }), '2025-01-01');
    expect(bonus.policyEndDate).toBe('2024-12-31');
    expect(bonus.claims.map((c) => c.date)).toEqual(['2024-06-01', '2023-01-01']);
    expect(notes.map((n) => n.explanation)).toEqual([
      expect.stringContaining('3 claim(s) without cost'),
      expect.stringContaining('2 claim(s) outside 2020-01-01 – 2025-01-01'),
    ]);
    expect('policyEndDate' in buildBonusBlock(facts(), '2025-01-01').bonus).toBe(false);
  });
  it('reports exactly 10 qualifying claims without a note', () => {
    const claims: ClaimRecord[] = Array.from({ length: 10 }, (_, i) => ({ date: `2023-${String(i + 1).padStart(2, '0')}-15`, consequence: '2' }));
    const { bonus, notes } = buildBonusBlock(facts({ claims }), '2025-01-01');
    expect(bonus.claims).toHaveLength(10);
    expect(notes).toEqual([]);
  });
});

describe('checkBonusBlock: edges', () => {
  const check = (block: Partial<Bonus>, context = {}) => rules(checkBonusBlock({ ...BONUS, ...block } as Bonus, context));
  it('takes a step of one to three digits or FASTP, and nothing else', () => {
    for (const premiumStep of ['1', '12', '123', 'FASTP']) expect(check({ premiumStep })).toEqual([]);
    for (const premiumStep of ['1234', '7X', 'FASTP1', '', 'fastp']) expect(check({ premiumStep })).toEqual(['bonus.premium-step']);
  });
  it('takes 293 for an unknown last step change, and a change on the message date itself', () => {
    expect(check({ lastStepChange: { unknown: true } })).toEqual([]);
    expect(check({ lastStepChange: { unknown: false } as unknown as Bonus['lastStepChange'] })).toEqual(['bonus.last-step-change']);
    expect(check({ lastStepChange: { date: '2024-11-25' } }, { messageDate: '2024-11-25' })).toEqual([]);
    expect(check({ lastStepChange: { date: '2024-11-26' } }, { messageDate: '2024-11-25' })).toEqual(['bonus.last-step-change']);
  });
  it('takes claims on both ends of the window and on the message date, and at most 10', () => {
    const window = { referenceDate: '2025-01-01' };
    expect(check({ claims: [{ consequence: '1', date: '2020-01-01' }, { consequence: '1', date: '2025-01-01' }] }, window)).toEqual([]);
    expect(check({ claims: [{ consequence: '1', date: '2019-12-31' }] }, window)).toEqual(['bonus.claims-window']);
    expect(check({ claims: [{ consequence: '1', date: '2025-01-02' }] }, window)).toEqual(['bonus.claims-window']);
    expect(check({ claims: [{ consequence: '1', date: '2024-11-25' }] }, { messageDate: '2024-11-25' })).toEqual([]);
    const ten: Bonus['claims'] = Array.from({ length: 10 }, () => ({ consequence: '4', date: '2024-01-01' }));
    expect(check({ claims: ten })).toEqual([]);
    expect(check({ claims: [...ten, { consequence: '4', date: '2024-01-01' }] })).toEqual(['bonus.claims-max-10']);
  });
  it("names each difference from the insurer's data, and compares only with a reference date", () => {
    const data = facts();
    const context = { referenceDate: '2025-01-01', facts: data };
    const found = checkBonusBlock({ ...BONUS, premiumStep: '8', claimFreeYears: 5, underwritingDate: '2016-03-01', lastStepChange: { unknown: true } }, context);
    expect(found.map((f) => [f.rule, f.explanation])).toEqual([
      ['bonus.premium-step', 'The block gives premium step 8; our data says 7.'],
      ['bonus.claim-free-years', 'The block gives 5 claim-free years; our data says 6.'],
      ['bonus.underwriting-date', 'The block gives underwriting date 2016-03-01; our data says 2015-03-01.'],
      ['bonus.last-step-change', 'The block gives last step change unknown (293); by our data it is 2024-01-01.'],
    ]);
    expect(checkBonusBlock({ ...BONUS, premiumStep: '8' }, { facts: data })).toEqual([]);
    const noDates = facts({ underwritingDate: undefined });
    expect(checkBonusBlock(BONUS, { referenceDate: '2025-01-01', facts: noDates }).map((f) => f.explanation)).toEqual([
      'Our data has neither an underwriting date nor a conversion date for the policy.',
    ]);
  });
  it('tells a claim that cost nothing from one not to report, and names a missing one', () => {
    const data = facts({ claims: [{ date: '2024-02-01', consequence: '4' }, { date: '2024-03-01', consequence: '2', costsCedingInsurer: false }] });
    const block: Bonus = { ...BONUS, claims: [{ consequence: '2', date: '2024-03-01' }, { consequence: '5', date: '2024-04-01' }] };
    expect(checkBonusBlock(block, { referenceDate: '2025-01-01', facts: data }).map((f) => [f.rule, f.explanation])).toEqual([
      ['bonus.claims-cost', 'The claim of 2024-03-01 (code 2) should not be listed: it cost us nothing (fully recovered or no expense).'],
      ['bonus.claims-window', 'The claim of 2024-04-01 (code 5) should not be listed: it is not one of the claims to report (outside the window, beyond the 10 most recent, or not on record).'],
      ['bonus.claims-window', 'The claim of 2024-02-01 (code 4) is missing from the block.'],
    ]);
  });
});

describe('isBonusQueryAllowed (bonus.query-branch)', () => {
  it('allows branch 001 with products 001, 002, 004, 999 only', () => {
    for (const product of ['001', '002', '004', '999']) expect(isBonusQueryAllowed({ group: '001', product })).toBe(true);
    expect(isBonusQueryAllowed({ group: '001', product: '003' })).toBe(false);
    expect(isBonusQueryAllowed({ group: '002', product: '001' })).toBe(false);
    expect(isBonusQueryAllowed({ group: '998', product: '001' })).toBe(false); // no such branch group
  });
});
