/**
 * The `fp-edifact/testing` arbitraries generate interchanges the validator accepts: every coded
 * value (BRC branch/product group, qualifiers, ERC, SHI, ATT and cover-type codes, …) comes
 * from the profile, so no message is ever `rejected` (no CONTRL syntax or structure error).
 *
 * They are content-valid too: for the shipped profiles no content rule (12'er) fires, because
 * the arbitraries also follow the per-message rules the typed schema cannot express (DOC 11 and
 * bonus blocks only on a branch/product group with bonus, FTX exactly with DTM 288, no shortened
 * notice on 004/006, NAD FS on building, DTM 295 with ERC 9–12, NAD OPS only with ERC 9,
 * underwriting and end dates in the bonus block; Z15 only on L, no ICD on a D/E/L
 * coverage-ended, Z40 at most 30 days early, an L accept with MOA FSU). What can still fire:
 * - with a *patched* profile, rules whose precondition the profile makes impossible — e.g.
 *   `bonus-query-branch-not-allowed` when no branch group lists bonus product groups (a bonus
 *   answer needs one), or `policy-number-missing` if a patch makes every policy number invalid;
 * - never from `validate()`, but from a case store: the case-level rules (`state-not-allowed`,
 *   `reminder-too-early`, `cancellation-while-pending`, `reference-unknown`, `brc-changed`,
 *   `restore-without-cessation`, …), because every generated message is an independent message,
 *   not a step in a case. `validate()` judges one message at a time and does not run them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { arbInterchangeText, arbOpsigelse, arbPanthaver } from '../../src/testing.js';
import { validate } from '../../src/validate/index.js';
import type { InterchangeReport } from '../../src/validate/types.js';

const NOW = (): Date => new Date('2024-12-01T10:00:00Z');
const RUNS = 150;

function problems(r: InterchangeReport): string {
  const bad = r.messages.filter((m) => m.status !== 'accepted').map((m) => ({ kind: m.kind, status: m.status, errors: m.errors.map((e) => `${e.code} ${e.rule ?? ''} ${e.message}`) }));
  return JSON.stringify({ interchange: r.errors, messages: bad }, null, 1);
}

/** Validates `RUNS` generated interchanges; returns the kinds seen. */
async function checkAll(exchange: 'opsigelser' | 'panthaver', profile: GuideProfile | undefined, expectAccepted: boolean): Promise<Set<string>> {
  const kinds = new Set<string>();
  await fc.assert(
    fc.asyncProperty(arbInterchangeText({ exchange, profile, maxMessages: 4 }), async (ic) => {
      const reports = await validate(ic.text, { now: NOW, ...(profile ? { profile } : {}) });
      expect(reports.length).toBe(1);
      const r = reports[0]!;
      expect(r.errors, problems(r)).toEqual([]);
      expect(r.accepted, problems(r)).toBe(true);
      expect(r.messages.length).toBe(ic.messages.length);
      for (const m of r.messages) {
        kinds.add(m.kind ?? '?');
        expect(m.status, problems(r)).not.toBe('rejected');
        if (expectAccepted) expect(m.status, problems(r)).toBe('accepted');
      }
    }),
    { numRuns: RUNS },
  );
  return kinds;
}

describe('arbitrary interchanges are CONTRL-valid (never rejected) and content-valid under the shipped profiles', () => {
  it('opsigelser: every kind, no syntax/structure error, no 12\'er', async () => {
    const kinds = await checkAll('opsigelser', undefined, true);
    expect([...kinds].sort()).toEqual(Object.keys(opsigelser55.documentCodes).sort());
  });
  it('panthaver: every kind, no syntax/structure error, no 12\'er', async () => {
    const kinds = await checkAll('panthaver', undefined, true);
    expect(kinds.size).toBeGreaterThanOrEqual(18);
  });
});

describe('the arbitraries draw coded values from the profile they are given', () => {
  it('opsigelser: patched branch groups, qualifiers, SHI and rejection codes', async () => {
    const profile = patchProfile(opsigelser55, {
      qualifiers: { RFF: { policyNumber: 'PNR' }, DTM: { claimDate: 'Z92' } },
      branchGroups: {
        '001': null,
        '002': null,
        '008': { name: 'travel', assumption: true, source: 'test', bonusProductGroups: ['010'], requiresInsuredLocation: true, nameMustMatch: false, shortenedNoticeAllowed: false },
      },
      codeLists: { shiConsequence: { codes: { '6': null } }, rejectionCodes: { codes: { '13': null, '14': null, '15': null } } },
    } as never);
    await checkAll('opsigelser', profile, true);
  });
  it('panthaver: patched ATT codes, cover types and declaration-type roles', async () => {
    const profile = patchProfile(panthaver52, {
      qualifiers: { ATT: { lienType: 'PNX' }, declarationTypeCodes: { L: 'ZBB' } },
      codeLists: {
        lienType: { codes: { ZXX: { name: 'test lien type', assumption: true, source: 'test' }, ZPA: null } },
        coverType: { codes: { ZKZ: { name: 'test cover', assumption: true, source: 'test' } } },
      },
    } as never);
    await checkAll('panthaver', profile, true);
  });
});

describe('the arbitraries refuse a kind they do not know', () => {
  it('names the kind and the known ones (a TypeError, not a failure deep inside)', () => {
    expect(() => arbPanthaver('nope' as never)).toThrow(new TypeError('fp-edifact/testing: arbPanthaver: unknown kind "nope"; the panthaver kinds are newDeclaration, reminder, changeOfLienholder, lienEnded, reRegistration, lienholderPortfolioTransfer, accept, acceptWithoutFee, rejection, coverageEndedArrears, coverageEndedComprehensive, coverageEndedOther, sumInsuredChanged, coverageRestored, changeOfInsurer, administrativeCorrection, priorityChanged, oldLienholderReceipt, insurerPortfolioTransfer, contentError'));
    expect(() => arbOpsigelse('bogus' as never)).toThrow(/^fp-edifact\/testing: arbOpsigelse: unknown kind "bogus"; the opsigelser kinds are cancellation, /);
    // A known kind still gives its messages.
    fc.assert(fc.property(arbPanthaver('reminder'), (m) => m.kind === 'reminder'), { numRuns: 5 });
  });
});
