import { describe, expect, it } from 'vitest';
import { decideOnCancellation, type AcceptPolicyOptions } from '../../src/rules/accept-policy.js';
import { toReply } from '../../src/rules/accept-reply.js';
import type { CancellationDecision } from '../../src/rules/accept-decision.js';
import type { PolicyRecord } from '../../src/rules/policy-record.js';
import type { Cancellation } from '../../src/messages/types/opsigelser.js';
import type { Address } from '../../src/messages/types/common.js';
import { ruleTable } from '../../src/rules/rule-table.js';
import { createCalendar } from '../../src/rules/calendar.js';
import { defaultProfile } from '../../src/schema/profiles/index.js';
import { patchProfile } from '../../src/schema/patch.js';
import {
  ACQUIRER,
  buildingCancellation,
  buildingPolicy,
  cancellation,
  familyCancellation,
  familyPolicy,
  motorPolicy,
  THIRD,
} from './fixtures.js';

function decide(received: Cancellation, policy: PolicyRecord | undefined, options: Partial<AcceptPolicyOptions> = {}): CancellationDecision {
  return decideOnCancellation(received, policy, { today: received.messageDate, ...options });
}

function proposalOf(d: CancellationDecision) {
  expect(d.decision).toBe('manual-review');
  return d.decision === 'manual-review' ? d.proposal : undefined;
}

describe('every decision explains itself', () => {
  it('names a rule of the table, its guide section, dates and a sentence', () => {
    const d = decide(cancellation({ messageDate: '2024-12-02' }), motorPolicy());
    expect(Object.keys(ruleTable)).toContain(d.rule);
    expect(d.guideSection).toBe(ruleTable[d.rule].guideSection);
    expect(d.dates).toMatchObject({ sentOn: '2024-12-02', requestedDate: '2025-01-01', correctedDate: '2026-01-01' });
    expect(d.explanation).toMatch(/^The cancellation .*2026-01-01\.$/);
  });
});

describe('policy numbers are matched un-masked (accept.policy-number-match)', () => {
  it('accepts a number written with spaces, dashes, dots and slashes', () => {
    expect(decide(cancellation({ policyNumber: '00 123+456' }), motorPolicy()).decision).toBe('accept');
    expect(decide(cancellation({ policyNumber: '0.0/123+456' }), motorPolicy()).decision).toBe('accept');
  });
  it('keeps leading zeros and letter prefixes significant', () => {
    const d = decide(cancellation({ policyNumber: '0123+456', policyholder1: { name: 'Søren Ærø Ågård' } }), motorPolicy());
    expect(d).toMatchObject({ decision: 'reject', reason: 'policyUnknown', code: '1', rule: 'accept.policy-number-match' });
    const building = decide(buildingCancellation({ policyNumber: '778812', policyholder1: { name: 'Karen Mølgaard' } }), buildingPolicy());
    expect(building).toMatchObject({ decision: 'reject', reason: 'policyUnknown' });
  });
  it('matches an old number after a portfolio conversion, with a note', () => {
    const d = decide(cancellation({ policyNumber: 'M-998877' }), motorPolicy({ oldPolicyNumbers: ['M998877'] }));
    expect(d.decision).toBe('accept');
    expect(d.notes.map((n) => n.rule)).toContain('accept.policy-number-match');
  });
});

describe('unknown policy number: CPR/CVR fallback (accept.identity-fallback)', () => {
  const unknown = cancellation({ policyNumber: '99-999' });
  it('accepts when exactly one policy of the customer has the branch/product', () => {
    const d = decide(unknown, undefined, { lookupByIdentity: () => [motorPolicy()] });
    expect(d.decision).toBe('accept');
    expect(d.policy?.policyNumber).toBe('00123+456');
    expect(d.notes.map((n) => n.rule)).toContain('accept.identity-fallback');
  });
  it('rejects when several policies match, or none', () => {
    expect(decide(unknown, undefined, { lookupByIdentity: () => [motorPolicy(), motorPolicy({ policyNumber: 'X1' })] })).toMatchObject({ decision: 'reject', reason: 'policyUnknown', rule: 'accept.identity-fallback' });
    expect(decide(unknown, undefined, { lookupByIdentity: () => [motorPolicy({ branch: { group: '001', product: '001' } })] })).toMatchObject({ decision: 'reject', reason: 'policyUnknown' });
  });
  it('asks for a manual check instead of rejecting when no lookup is available', () => {
    expect(proposalOf(decide(unknown, motorPolicy()))).toMatchObject({ decision: 'reject', reason: 'policyUnknown' });
  });
  it('masks the CPR number in the explanation (check-digits.md: never log a full CPR), but not a CVR', () => {
    const two = cancellation({
      policyNumber: '99-999',
      policyholder1: { name: 'Søren Ærø Ågård', id: { value: '0101801234', type: 'CPR' } },
      policyholder2: { name: 'Hansen & Søn ApS', id: { value: '13585628', type: 'CVR' } },
    });
    const d = decide(two, motorPolicy());
    expect(d.rule).toBe('accept.identity-fallback');
    expect(JSON.stringify(d)).not.toContain('1234');
    expect(d.explanation).toContain('010180-****');
    expect(d.explanation).toContain('13585628');
  });
  it("treats 'ukendt' as an unknown number, with a note (accept.policy-number-required)", () => {
    const d = decide(cancellation({ policyNumber: 'ukendt' }), undefined, { lookupByIdentity: () => [motorPolicy()] });
    expect(d.decision).toBe('accept');
    expect(d.notes.map((n) => n.rule)).toContain('accept.policy-number-required');
  });
});

describe('branch/product must be correct (accept.branch-product)', () => {
  it('accepts the right branch and rejects another one', () => {
    expect(decide(cancellation(), motorPolicy()).decision).toBe('accept');
    expect(decide(cancellation({ branch: { group: '001', product: '004' } }), motorPolicy())).toMatchObject({ decision: 'reject', reason: 'wrongBranch', code: '2', rule: 'accept.branch-product' });
  });
});

describe('motor: policy and registration number (accept.motor-registration)', () => {
  it('accepts when the registration number matches after normalising', () => {
    expect(decide(cancellation({ registrationNumber: 'ab-12345' }), motorPolicy()).decision).toBe('accept');
  });
  it('rejects a clearly different registration number', () => {
    expect(decide(cancellation({ registrationNumber: 'XY98765' }), motorPolicy())).toMatchObject({ decision: 'reject', reason: 'registrationMismatch', rule: 'accept.motor-registration' });
  });
  it('sends a one-character difference or a missing number to manual review', () => {
    expect(proposalOf(decide(cancellation({ registrationNumber: 'AB12346' }), motorPolicy()))).toMatchObject({ reason: 'registrationMismatch' });
    expect(proposalOf(decide(cancellation({ registrationNumber: undefined }), motorPolicy()))).toMatchObject({ reason: 'registrationMismatch' });
  });
});

describe('building: policy and insured location (accept.building-location)', () => {
  it('accepts on the first 3 letters of the street, house number and postcode', () => {
    expect(decide(buildingCancellation(), buildingPolicy()).decision).toBe('accept');
    const loose = buildingCancellation({ insuredLocation: { street: 'Brogaden 3', postcode: '5970' } });
    expect(decide(loose, buildingPolicy()).decision).toBe('accept');
  });
  it('never rejects by machine for a wrong location: manual review with a proposed rejection', () => {
    const d = decide(buildingCancellation({ insuredLocation: { street: 'Brogade 5', postcode: '5970' } }), buildingPolicy());
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.building-location' });
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'locationMismatch', code: '5' });
    expect(proposalOf(decide(buildingCancellation({ insuredLocation: undefined }), buildingPolicy()))).toMatchObject({ reason: 'locationMismatch' });
  });
  it('says which parts differ and which are missing, and on which side', () => {
    const why = (received: Address, ours: Address) => {
      const d = decide(buildingCancellation({ insuredLocation: received }), buildingPolicy({ insuredLocation: ours }));
      return d.decision === 'manual-review' ? d.explanation : d.decision;
    };
    expect(why({ street: 'Brogade 5', postcode: '5970' }, { street: 'Brogade 3', postcode: '5970', city: 'Ærøskøbing' })).toBe(
      'The insured location Brogade 5, 5970 does not match ours (Brogade 3, 5970, Ærøskøbing): the house number differs; make sure the error is real before rejecting.',
    );
    expect(why({ street: 'Bakken', postcode: '5000' }, { street: 'Bakken', postcode: '5970' })).toBe(
      'The insured location Bakken, 5000 does not match ours (Bakken, 5970): the house number is missing on both sides, the postcode differs; make sure the error is real before rejecting.',
    );
    expect(why({ street: 'Brogade 3' }, { street: 'Algade', postcode: '5970' })).toBe(
      'The insured location Brogade 3 does not match ours (Algade, 5970): the street name (first 3 letters) differs, the house number is missing in our record, the postcode is missing in the cancellation; make sure the error is real before rejecting.',
    );
  });
});

describe('building: matrikel and ejerlav never reject by machine (accept.building-matrikel)', () => {
  it('accepts with a note when the matrikel number differs or ejerlav is missing', () => {
    const wrong = decide(buildingCancellation({ matrikel: { number: '99x', ejerlav: 'Ærøskøbing Bygrunde' } }), buildingPolicy());
    expect(wrong.decision).toBe('accept');
    expect(wrong.notes.map((n) => n.rule)).toContain('accept.building-matrikel');
    const noEjerlav = decide(buildingCancellation({ matrikel: { number: '12a' } }), buildingPolicy());
    expect(noEjerlav.decision).toBe('accept');
    expect(noEjerlav.notes.map((n) => n.rule)).toContain('accept.building-matrikel');
  });
  it('adds no matrikel note when matrikel and ejerlav agree', () => {
    expect(decide(buildingCancellation(), buildingPolicy()).notes).toEqual([]);
  });
});

describe('family insurance: the name must be correct (accept.family-name, accept.name-manual-check)', () => {
  it('accepts the same name and insignificant differences', () => {
    expect(decide(familyCancellation(), familyPolicy()).decision).toBe('accept');
    const reordered = decide(familyCancellation({ policyholder1: { name: 'HANSEN, Jens-Peter' } }), familyPolicy());
    expect(reordered.decision).toBe('accept');
    expect(reordered.notes.map((n) => n.rule)).toContain('accept.family-name');
  });
  it('sends a small difference to manual review with a proposed accept', () => {
    const d = decide(familyCancellation({ policyholder1: { name: 'Jens Hansen' } }), familyPolicy());
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.name-manual-check' });
    expect(proposalOf(d)).toMatchObject({ decision: 'accept' });
  });
  it('never rejects a wrong name by machine: manual review with a proposed rejection', () => {
    const d = decide(familyCancellation({ policyholder1: { name: 'Mette Frederiksen' } }), familyPolicy());
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'nameMismatch', code: '3' });
  });
  it('proposes an accept when the name differs but the CPR number matches', () => {
    const d = decide(familyCancellation({ policyholder1: { name: 'Jensine Hansen-Berg', id: { value: '1212701111', type: 'CPR' } } }), familyPolicy());
    expect(proposalOf(d)).toMatchObject({ decision: 'accept' });
  });
  it('does not check names on motor policies', () => {
    expect(decide(cancellation({ policyholder1: { name: 'Someone Else' } }), motorPolicy()).decision).toBe('accept');
  });
});

describe('accident and pleasure boats: names, both holders (accept.accident-boat-name, accept.two-holders)', () => {
  const boat = (o = {}) => familyCancellation({ branch: { group: '007', product: '001' }, policyNumber: 'BOAT-1', ...o });
  const boatPolicy = (o: Partial<PolicyRecord> = {}) => familyPolicy({ policyNumber: 'BOAT1', branch: { group: '007', product: '001' }, ...o });
  const twoHolders = [{ name: 'Jens Peter Hansen' }, { name: 'Lise Hansen' }];
  it('accepts a correct name, and both names when the policy has two holders', () => {
    expect(decide(boat(), boatPolicy()).decision).toBe('accept');
    expect(decide(boat({ policyholder2: { name: 'Lise Hansen' } }), boatPolicy({ holders: twoHolders })).decision).toBe('accept');
  });
  it('rejects a cancellation naming only one of two holders', () => {
    expect(decide(boat(), boatPolicy({ holders: twoHolders }))).toMatchObject({ decision: 'reject', reason: 'nameMismatch', rule: 'accept.two-holders' });
  });
  it('sends a wrong name to manual review', () => {
    const accident = familyCancellation({ branch: { group: '005', product: '001' }, policyholder1: { name: 'Ole Olsen' } });
    const d = decide(accident, familyPolicy({ branch: { group: '005', product: '001' } }));
    expect(proposalOf(d)).toMatchObject({ reason: 'nameMismatch' });
  });
  it('does not ask for both names on family insurance', () => {
    expect(decide(familyCancellation(), familyPolicy({ holders: [{ name: 'Jens Peter Hansen' }, { name: 'Lise Hansen' }] })).decision).toBe('accept');
  });
  it("reads which branch groups need both holders from the profile's branch groups (default-profile.md: the rules read the branch list from the profile)", () => {
    const base = defaultProfile('opsigelser');
    expect(Object.keys(base.branchGroups).filter((g) => base.branchGroups[g]?.bothHoldersRequired)).toEqual(['005', '007']);
    // A partner's Bilag 2: pleasure boats are group 010, and 007 is something else.
    const partner = patchProfile(base, {
      branchGroups: {
        '007': { name: 'travel', bothHoldersRequired: false, nameMustMatch: false },
        '010': { name: 'pleasure boat', assumption: false, source: 'Bilag 2', bonusProductGroups: [], requiresInsuredLocation: false, nameMustMatch: true, shortenedNoticeAllowed: true, bothHoldersRequired: true },
      },
    });
    const boat010 = (o = {}) => boat({ branch: { group: '010', product: '001' }, ...o });
    const policy010 = boatPolicy({ branch: { group: '010', product: '001' }, holders: twoHolders });
    expect(decide(boat010(), policy010, { profile: partner })).toMatchObject({ decision: 'reject', reason: 'nameMismatch', rule: 'accept.two-holders' });
    expect(decide(boat(), boatPolicy({ holders: twoHolders }), { profile: partner }).decision).toBe('accept');
    // The option still overrides the profile.
    expect(decide(boat010(), policy010, { profile: partner, bothHoldersRequiredGroups: [] }).decision).toBe('accept');
  });
});

describe('already cancelled or lapsed: ERC 9–12 with end date (accept.already-terminated)', () => {
  it('accepts an active policy', () => {
    expect(decide(cancellation(), motorPolicy({ status: { kind: 'active' } })).decision).toBe('accept');
  });
  it.each([
    [{ kind: 'cancelled-by-company', company: { vir: THIRD }, endDate: '2025-01-01' } as const, 'alreadyCancelledByCompany', '9'],
    [{ kind: 'cancelled-by-holder', endDate: '2024-12-31' } as const, 'alreadyCancelledByPolicyholder', '10'],
    [{ kind: 'lapsed-arrears', endDate: '2024-10-15' } as const, 'lapsedArrears', '11'],
    [{ kind: 'lapsed-other', endDate: '2024-09-30' } as const, 'lapsedOther', '12'],
  ])('status %o → %s (ERC %s) with the end date', (status, reason, code) => {
    const d = decide(cancellation(), motorPolicy({ status }));
    expect(d).toMatchObject({ decision: 'reject', reason, code, endDate: status.endDate, rule: 'accept.already-terminated' });
    if (status.kind === 'cancelled-by-company') expect(d).toMatchObject({ cancelledBy: { vir: THIRD } });
  });
});

describe('one cancellation per policy (accept.second-after-accepted, accept.pending-cancellation)', () => {
  const accepted = { caseReference: 'TRY-2024-000001', acquirer: { vir: ACQUIRER }, cancellationDate: '2025-01-01', messageDate: '2024-10-01' };
  it('rejects a second cancellation after an accepted one of the same acquirer', () => {
    expect(decide(cancellation(), motorPolicy({ acceptedCancellation: accepted }))).toMatchObject({ decision: 'reject', reason: 'cancellationAlreadyAccepted', code: '6' });
  });
  it("answers ERC 9 naming the company when another insurer's cancellation was accepted", () => {
    const d = decide(cancellation(), motorPolicy({ acceptedCancellation: { ...accepted, acquirer: { vir: THIRD } } }));
    expect(d).toMatchObject({ decision: 'reject', reason: 'alreadyCancelledByCompany', code: '9', endDate: '2025-01-01', cancelledBy: { vir: THIRD } });
  });
  it('rejects a new cancellation from the acquirer while its earlier one is unanswered; another acquirer goes to review', () => {
    const pending = { caseReference: 'TRY-2024-000001', acquirer: { vir: ACQUIRER }, messageDate: '2024-11-01' };
    expect(decide(cancellation(), motorPolicy({ pendingCancellation: pending }))).toMatchObject({ decision: 'reject', reason: 'cancellationPending', code: '7' });
    expect(decide(cancellation(), motorPolicy({ pendingCancellation: { ...pending, acquirer: { vir: THIRD } } })).decision).toBe('manual-review');
  });
  it('ignores a duplicate of the pending or accepted cancellation (case.duplicate-ignored)', () => {
    const same = { caseReference: 'TRY-2024-000123', acquirer: { vir: ACQUIRER }, messageDate: '2024-11-20' };
    expect(decide(cancellation(), motorPolicy({ pendingCancellation: same })).decision).toBe('ignore');
    expect(decide(cancellation(), motorPolicy({ acceptedCancellation: { ...same, cancellationDate: '2025-01-01' } })).decision).toBe('ignore');
  });
});

describe('wrong or late date: accepted with a corrected date (accept.corrected-date)', () => {
  it('accepts an on-time cancellation to a renewal date as requested', () => {
    expect(decide(cancellation(), motorPolicy())).toMatchObject({ decision: 'accept', rule: 'deadline.normal-notice' });
  });
  it('accepts a late cancellation per the next renewal date it is on time for', () => {
    const d = decide(cancellation({ messageDate: '2024-12-02' }), motorPolicy());
    expect(d).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01', basis: 'normal' }, rule: 'accept.corrected-date' });
  });
  it('accepts a date that is not a renewal date per the next renewal date', () => {
    const d = decide(cancellation({ cancellationDate: { date: '2025-02-01', basis: 'normal' } }), motorPolicy());
    expect(d).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01' } });
  });
  it('without a renewal date on record: accepts on time, sends a late one to review', () => {
    expect(decide(cancellation(), motorPolicy({ renewalDate: undefined })).decision).toBe('accept');
    expect(decide(cancellation({ messageDate: '2024-12-02' }), motorPolicy({ renewalDate: undefined })).decision).toBe('manual-review');
  });
  it("uses the policy's notice period and renewal interval, and the calendar given", () => {
    // 3 months' notice: to 2025-01-01 the latest day is 2024-09-30, so a cancellation of 2024-11-20 is late.
    expect(decide(cancellation(), motorPolicy({ noticeMonths: 3 }))).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01' } });
    // …and with half-yearly renewals it is on time for 2025-07-01.
    expect(decide(cancellation(), motorPolicy({ noticeMonths: 3, renewalIntervalMonths: 6 }))).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2025-07-01' } });
    // 2024-11-29 is the last working day before December; closed, the latest day is 2024-11-28.
    const late = cancellation({ messageDate: '2024-11-29' });
    expect(decide(late, motorPolicy()).decision).toBe('accept');
    const closed = createCalendar({ id: 'closed-29th', extraHolidays: { '2024-11-29': 'closed' } });
    expect(decide(late, motorPolicy(), { calendar: closed })).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01' } });
  });

  it('notes a reply sent after the 21-day deadline (deadline.reply)', () => {
    const d = decide(cancellation(), motorPolicy(), { today: '2024-12-12' });
    expect(d.notes.map((n) => n.rule)).toContain('deadline.reply');
    expect(decide(cancellation(), motorPolicy(), { today: '2024-12-11' }).notes).toEqual([]);
  });
});

describe('shortened notice (accept.shortened-notice-refused, deadline.shortened-notice)', () => {
  const shortened = (o = {}) => familyCancellation({ messageDate: '2024-09-02', cancellationDate: { date: '2024-11-01', basis: 'shortenedNotice' }, ...o });
  it('accepts shortened notice on a private policy when on time', () => {
    expect(decide(shortened(), familyPolicy())).toMatchObject({ decision: 'accept', rule: 'deadline.shortened-notice' });
  });
  it('accepts a too-early date per the earliest effective date', () => {
    const d = decide(shortened({ cancellationDate: { date: '2024-10-01', basis: 'shortenedNotice' } }), familyPolicy());
    expect(d).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2024-11-01', basis: 'shortenedNotice' } });
  });
  it.each(['004', '006'])('rejects shortened notice on branch group %s with ERC 23', (group) => {
    const d = decide(shortened({ branch: { group, product: '001' } }), familyPolicy({ branch: { group, product: '001' } }));
    expect(d).toMatchObject({ decision: 'reject', reason: 'shortenedNoticePrivateOnly', code: '23', rule: 'accept.shortened-notice-refused' });
  });
  it("rejects shortened notice on a private policy written in a company's name with ERC 23", () => {
    expect(decide(shortened(), familyPolicy({ writtenInCompanyName: true }))).toMatchObject({ decision: 'reject', code: '23' });
  });
});

describe('withdrawal (accept.withdrawal-original-not-accepted, accept.withdrawal-date, deadline.withdrawal)', () => {
  const withdrawal = (o = {}) => familyCancellation({ messageDate: '2024-11-15', cancellationDate: { date: '2024-11-14', basis: 'withdrawal' }, ...o });
  const takenOver = (own: 'awaiting-accept' | 'accepted', start = '2024-11-01') =>
    familyPolicy({ renewalDate: '2024-11-01', takeover: { ownCancellation: own, policyStart: start, policyReceivedOn: '2024-11-05' } });
  it('rejects with ERC 19 while our own cancellation awaits its accept', () => {
    expect(decide(withdrawal(), takenOver('awaiting-accept'))).toMatchObject({ decision: 'reject', reason: 'withdrawalOriginalNotAccepted', code: '19' });
  });
  it('accepts per the requested date when received within 14 days', () => {
    expect(decide(withdrawal(), takenOver('accepted'))).toMatchObject({ decision: 'accept', rule: 'deadline.withdrawal', dates: { deadline: '2024-11-19' } });
  });
  it('accepts a late withdrawal per the next expiry date, with code 294', () => {
    const d = decide(withdrawal({ messageDate: '2024-11-25' }), takenOver('accepted'));
    expect(d).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2025-11-01', basis: 'withdrawal' }, rule: 'accept.withdrawal-date' });
  });
  it('accepts a late withdrawal that asks for the next expiry date as it is: no corrected date equal to the one requested', () => {
    const received = withdrawal({ messageDate: '2024-11-25', cancellationDate: { date: '2025-11-01', basis: 'withdrawal' } });
    const d = decide(received, takenOver('accepted'));
    expect(d).toMatchObject({ decision: 'accept', rule: 'accept.withdrawal-date' });
    expect(d).not.toHaveProperty('correctedDate');
    // The reply is a plain accept (the builder refuses a correction to the same date).
    const reply = toReply(d, received, { messageDate: '2024-11-26' });
    expect(reply.kind).toBe('accept');
    expect(reply).not.toHaveProperty('correctedDate');
  });
  it("accepts per the policy's start date when it has not started", () => {
    const d = decide(withdrawal(), takenOver('accepted', '2024-12-01'));
    expect(d).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2024-12-01', basis: 'withdrawal' } });
    expect(decide(withdrawal({ cancellationDate: { date: '2024-12-01', basis: 'withdrawal' } }), takenOver('accepted', '2024-12-01')).decision).toBe('accept');
  });
  it('judges a policy that starts the day the withdrawal arrives by the 14-day deadline, as started', () => {
    expect(decide(withdrawal(), takenOver('accepted', '2024-11-15'))).toMatchObject({ decision: 'accept', rule: 'deadline.withdrawal', dates: { deadline: '2024-11-29' } });
  });
  it('sends a withdrawal to review when the start date, or for a late one the renewal date, is not on record', () => {
    expect(decide(withdrawal(), familyPolicy({ renewalDate: '2024-11-01' }))).toMatchObject({ decision: 'manual-review', rule: 'accept.withdrawal-date' });
    const noRenewal = familyPolicy({ renewalDate: undefined, takeover: { ownCancellation: 'accepted', policyStart: '2024-11-01', policyReceivedOn: '2024-11-05' } });
    expect(decide(withdrawal({ messageDate: '2024-11-25' }), noRenewal)).toMatchObject({ decision: 'manual-review', rule: 'accept.withdrawal-date' });
  });
});

describe('re-send per another date with free text (accept.free-text-manual)', () => {
  const resend = (messageDate: string) =>
    cancellation({ messageDate, cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Genfremsendt efter afvisning']] });
  const rejected = motorPolicy({ rejectedCancellation: { caseReference: 'TRY-2024-000123', sentOn: '2024-11-20', rejectedOn: '2024-11-25' } });
  it('goes to manual review, proposing the requested date within the 2- and 3-week windows', () => {
    const d = decide(resend('2024-12-05'), rejected);
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.free-text-manual' });
    expect(proposalOf(d)).toMatchObject({ decision: 'accept', rule: 'deadline.other-date-resend' });
  });
  it('proposes the next renewal date after the windows', () => {
    expect(proposalOf(decide(resend('2024-12-12'), rejected))).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01' } });
  });
  it('after the windows, a re-send that asks for the renewal date itself is proposed as it is', () => {
    const atRenewal = cancellation({ messageDate: '2024-12-12', cancellationDate: { date: '2026-01-01', basis: 'otherDate' }, freeText: [['Genfremsendt']] });
    const proposal = proposalOf(decide(atRenewal, rejected));
    expect(proposal).toMatchObject({ decision: 'accept', rule: 'accept.corrected-date' });
    expect(proposal).not.toHaveProperty('correctedDate');
  });
  it('decides by machine when asked to', () => {
    expect(decide(resend('2024-12-05'), rejected, { autoDecideFreeText: true }).decision).toBe('accept');
  });
  it('needs both windows: the last day of each is on time, and a late re-send says which one it missed', () => {
    // Rejected 2024-11-25: re-send by 2024-12-09; 3 weeks from the original of 2024-11-20: by 2024-12-11.
    expect(proposalOf(decide(resend('2024-12-09'), rejected))).toMatchObject({ decision: 'accept' });
    const twoWeeks = proposalOf(decide(resend('2024-12-10'), rejected));
    expect(twoWeeks).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01' } });
    expect(twoWeeks?.explanation).toContain('more than 2 weeks after the rejection of 2024-11-25 (deadline 2024-12-09)');
    // Rejected 2024-12-05: re-send by 2024-12-19, but the 3-week window still closes 2024-12-11.
    const lateRejection = motorPolicy({ rejectedCancellation: { caseReference: 'TRY-2024-000123', sentOn: '2024-11-20', rejectedOn: '2024-12-05' } });
    expect(proposalOf(decide(resend('2024-12-11'), lateRejection))).toMatchObject({ decision: 'accept' });
    expect(proposalOf(decide(resend('2024-12-12'), lateRejection))?.explanation).toContain('more than 3 weeks after the original cancellation of 2024-11-20 (deadline 2024-12-11)');
  });
  it('proposes nothing without the rejected cancellation, or late without a renewal date, even when asked to decide', () => {
    for (const policy of [motorPolicy(), motorPolicy({ renewalDate: undefined, rejectedCancellation: { caseReference: 'TRY-2024-000123', sentOn: '2024-11-20', rejectedOn: '2024-11-25' } })]) {
      const d = decide(resend('2024-12-12'), policy, { autoDecideFreeText: true });
      expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.free-text-manual' });
      expect(proposalOf(d)).toBeUndefined();
    }
  });
});
