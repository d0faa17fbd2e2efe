/**
 * The accept policy's tolerant matching at its edges, and how a decision combines its checks:
 * name comparison (initials, typing errors, missing middle names, placeholders), CPR/CVR
 * equality, insured locations, registration and policy numbers, the identity fallback, names
 * of two holders, which proposal wins in a manual review, what a decision carries, and the
 * reply built from it. (Mutation testing found each of these unasserted.)
 */
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '../../src/messages/types/opsigelser.js';
import { decideOnCancellation, type AcceptPolicyOptions } from '../../src/rules/accept-policy.js';
import type { CancellationDecision } from '../../src/rules/accept-decision.js';
import { toReply } from '../../src/rules/accept-reply.js';
import { compareLocations, splitStreet } from '../../src/rules/location-match.js';
import { compareNames, comparePartyNames, samePersonId } from '../../src/rules/name-match.js';
import type { PolicyRecord } from '../../src/rules/policy-record.js';
import { isMissingPolicyNumber } from '../../src/rules/policy-number.js';
import { compareRegistrationNumbers, normalizeRegistrationNumber } from '../../src/rules/registration-number.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { defaultProfile } from '../../src/schema/profiles/index.js';
import { ACQUIRER, buildingCancellation, buildingPolicy, cancellation, familyCancellation, familyPolicy, motorPolicy, THIRD } from './fixtures.js';

const decide = (received: Cancellation, policy: PolicyRecord | undefined, options: Partial<AcceptPolicyOptions> = {}): CancellationDecision =>
  decideOnCancellation(received, policy, { today: received.messageDate, ...options });
const proposalOf = (d: CancellationDecision) => (d.decision === 'manual-review' ? d.proposal : undefined);
const rulesOf = (explanations: Array<{ rule: string }>) => explanations.map((e) => e.rule);

describe('names: what is insignificant, similar or different (accept.name-manual-check)', () => {
  it.each([
    // An initial on our side stands for the full first name received.
    ['Jens Hansen', 'J. P. Hansen', 'similar'],
    // A typing error in a name of 4+ letters, with the middle name missing as well.
    ['Jems Hansen', 'Jens Peter Hansen', 'similar'],
    ['Jens Hanssen', 'Jens Peter Hansen', 'similar'],
    // Up to 2 typing errors in the whole name.
    ['Jan Hanssen', 'Jon Hansen', 'similar'],
    // Word order on our side is insignificant too.
    ['Jens Hansen', 'Hansen, Jens', 'insignificant'],
    // Another family name.
    ['Jens Olsen', 'Jens Hansen', 'different'],
    // A family name is not an initial of a first name it starts with (Madsen / Mads).
    ['Jens Madsen', 'Jens Mads Olsen', 'different'],
    // Short names one letter apart are other names (Jan / Jane), so with a missing middle name it is not a match.
    ['Jan Hansen', 'Jane Marie Hansen', 'different'],
    // Olsen and Olesen are different family names: an initial alone anchors nothing.
    ['K. Olsen', 'Kurt Olesen', 'different'],
    ['K. Olsen', 'K. M. Olesen', 'different'],
    // The same letters in other words.
    ['Lise Berg', 'Else Grib', 'different'],
    // A placeholder without letters matches no name, not even another placeholder.
    ['?', 'Bo', 'different'],
    ['Bo', '?', 'different'],
    ['???', '---', 'different'],
  ] as const)('%s / %s → %s', (received, ours, expected) => {
    expect(compareNames(received, ours)).toBe(expected);
  });

  it('takes the closer of name line 1 alone and lines 1 and 2 together', () => {
    expect(comparePartyNames({ name: 'Jens Hansen', name2: 'c/o Lise Hansen' }, { name: 'Jens Hansen' })).toBe('same');
  });

  it('compares the digits of CPR numbers, not only their type', () => {
    expect(samePersonId({ value: '010180-1234', type: 'CPR' }, { value: '0101801235', type: 'CPR' })).toBe(false);
  });
});

describe('insured locations (accept.building-location)', () => {
  it('splits street lines with stray spaces or a comma before the number', () => {
    expect(splitStreet('  Brogade 3')).toEqual({ streetName: 'Brogade', houseNumber: '3' });
    expect(splitStreet('Brogade, 3')).toEqual({ streetName: 'Brogade', houseNumber: '3' });
    expect(splitStreet(' Bakken ')).toEqual({ streetName: 'Bakken', houseNumber: '' });
  });
  it('strips every trailing space and comma before the number, mixed and in any amount', () => {
    expect(splitStreet('Brogade ,\t, 3')).toEqual({ streetName: 'Brogade', houseNumber: '3' });
    expect(splitStreet('Brogade\u00a0,3')).toEqual({ streetName: 'Brogade', houseNumber: '3' });
    expect(splitStreet(', ,3')).toEqual({ streetName: '', houseNumber: '3' });
  });
  // A street line is untrusted input: 200,000 spaces before a letter and a digit once took
  // minutes (a regex backtracking from every space); vitest's timeout is the guard here.
  it('splits a street line of 200,000 spaces and commas without backtracking', () => {
    const run = ' ,'.repeat(100_000);
    expect(splitStreet(`${' '.repeat(200_000)}x${run}1`)).toEqual({ streetName: 'x', houseNumber: '1' });
    expect(compareLocations({ street: `Brogade${run}3`, postcode: '5970' }, { street: 'Brogade 3', postcode: '5970' })).toEqual([]);
  });
  it('counts a part missing on both sides as different: there is nothing to match it on', () => {
    expect(compareLocations({ postcode: '5970' }, { postcode: '5970' })).toEqual(['street', 'houseNumber']);
    expect(compareLocations({ street: 'Bakken', postcode: '5970' }, { street: 'Bakken', postcode: '5970' })).toEqual(['houseNumber']);
    expect(compareLocations({ street: 'Brogade 3' }, { street: 'Brogade 3' })).toEqual(['postcode']);
  });
  it('accepts with a note when the policy has no insured location on record', () => {
    const d = decide(buildingCancellation(), buildingPolicy({ insuredLocation: undefined }));
    expect(d.decision).toBe('accept');
    expect(rulesOf(d.notes)).toEqual(['accept.building-location']);
  });
  it('adds no matrikel note when only one side has a matrikel (accept.building-matrikel)', () => {
    expect(decide(buildingCancellation(), buildingPolicy({ matrikel: undefined }))).toMatchObject({ decision: 'accept', notes: [] });
    expect(decide(buildingCancellation({ matrikel: undefined }), buildingPolicy())).toMatchObject({ decision: 'accept', notes: [] });
  });
});

describe('registration and policy numbers', () => {
  it('normalises registration numbers to upper case without spaces, dashes and dots', () => {
    expect(normalizeRegistrationNumber('ab 12-345')).toBe('AB12345');
    expect(normalizeRegistrationNumber('ab.12.345')).toBe('AB12345');
  });
  it('treats a blank registration number as missing: manual review, never a machine rejection', () => {
    expect(compareRegistrationNumbers(' - ', 'AB12345')).toBe('missing');
    const d = decide(cancellation({ registrationNumber: ' - ' }), motorPolicy());
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.motor-registration' });
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'registrationMismatch' });
  });
  it("recognises the forbidden numbers padded with spaces, and no number at all (accept.policy-number-required)", () => {
    for (const n of [undefined, ' ukendt ', ' ??? ']) expect(isMissingPolicyNumber(n)).toBe(true);
    expect(isMissingPolicyNumber('??12')).toBe(false);
  });
});

describe('which policy, which branch (accept.identity-fallback, accept.branch-product)', () => {
  it('rejects another branch group even when the product group is the same', () => {
    expect(decide(cancellation({ branch: { group: '003', product: '002' } }), motorPolicy())).toMatchObject({ decision: 'reject', reason: 'wrongBranch', code: '2' });
  });
  it('notes only the fallback when a real but unknown number is identified by CPR number', () => {
    const d = decide(cancellation({ policyNumber: '99-999' }), undefined, { lookupByIdentity: () => [motorPolicy()] });
    expect(d.decision).toBe('accept');
    expect(rulesOf(d.notes)).toEqual(['accept.identity-fallback']);
  });
  it('decides a branch group the profile does not list without location or name rules', () => {
    const branch = { group: '010', product: '001' };
    expect(decide(cancellation({ branch, policyholder1: { name: 'Someone Else' } }), motorPolicy({ branch })).decision).toBe('accept');
  });
});

describe('names of one or two holders (accept.family-name, accept.accident-boat-name)', () => {
  const boat = (o: Parameters<typeof familyCancellation>[0] = {}) => familyCancellation({ branch: { group: '007', product: '001' }, policyNumber: 'BOAT-1', ...o });
  const holders = [
    { name: 'Jens Peter Hansen', id: { value: '1212701111', type: 'CPR' as const } },
    { name: 'Lise Hansen', id: { value: '0303802222', type: 'CPR' as const } },
  ];
  const boatPolicy = familyPolicy({ policyNumber: 'BOAT1', branch: { group: '007', product: '001' }, holders });

  it('accepts a cancellation naming a second holder the policy does not have', () => {
    expect(decide(familyCancellation({ policyholder2: { name: 'Lise Hansen' } }), familyPolicy()).decision).toBe('accept');
  });
  it('sends a wrong first name to review even when the second name is right', () => {
    const d = decide(boat({ policyholder1: { name: 'Ole Olsen' }, policyholder2: { name: 'Lise Hansen' } }), boatPolicy);
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.name-manual-check' });
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'nameMismatch' });
  });
  it('proposes a rejection when only one of two wrong names has a matching CPR number', () => {
    const d = decide(boat({ policyholder1: { name: 'Ole Olsen', id: holders[0]!.id }, policyholder2: { name: 'Mette Frederiksen' } }), boatPolicy);
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'nameMismatch' });
  });
  it("pairs a name that matches no holder with the holder whose CPR number it carries, and proposes an accept", () => {
    const family = familyPolicy({ holders });
    const d = decide(familyCancellation({ policyholder1: { name: 'Lise Kjær', id: holders[1]!.id } }), family);
    expect(d).toMatchObject({ decision: 'manual-review', rule: 'accept.name-manual-check' });
    expect(proposalOf(d)).toMatchObject({ decision: 'accept' });
    expect(d.explanation).toContain('Lise Kjær / Lise Hansen');
  });
  it("proposes an accept when the one wrong name has the holder's CPR number (a changed name)", () => {
    const d = decide(boat({ policyholder1: { name: 'Jens Peter Hansen' }, policyholder2: { name: 'Lise Kjær', id: holders[1]!.id } }), boatPolicy);
    expect(proposalOf(d)).toMatchObject({ decision: 'accept' });
  });
});

describe('how the decision combines its checks', () => {
  const pending = { caseReference: 'TRY-2024-000001', acquirer: { vir: ACQUIRER }, messageDate: '2024-11-20' };

  it('a date rule that rejects (ERC 23) wins over a name that only needs a look', () => {
    const shortened = familyCancellation({ messageDate: '2024-09-02', cancellationDate: { date: '2024-11-01', basis: 'shortenedNotice' }, policyholder1: { name: 'Jens Hansen' } });
    expect(decide(shortened, familyPolicy({ writtenInCompanyName: true }))).toMatchObject({ decision: 'reject', code: '23', rule: 'accept.shortened-notice-refused' });
  });
  it('lists as reasons only the checks that need a person', () => {
    const d = decide(familyCancellation({ policyholder1: { name: 'Jens Hansen' } }), familyPolicy());
    expect(d.decision === 'manual-review' ? rulesOf(d.reasons) : []).toEqual(['accept.name-manual-check']);
  });
  it('proposes the rejection of a later check over the accept of an earlier one', () => {
    const d = decide(cancellation({ registrationNumber: 'AB12346' }), motorPolicy({ pendingCancellation: { ...pending, acquirer: { vir: THIRD } } }));
    expect(d.decision === 'manual-review' ? rulesOf(d.reasons) : []).toEqual(['accept.pending-cancellation', 'accept.motor-registration']);
    expect(proposalOf(d)).toMatchObject({ decision: 'reject', reason: 'registrationMismatch' });
  });
  it('is a duplicate only with the same reference and message date; else a second cancellation (ERC 7)', () => {
    expect(decide(cancellation(), motorPolicy({ pendingCancellation: pending }))).toMatchObject({ decision: 'reject', reason: 'cancellationPending', code: '7' });
    const sameCase = { ...pending, caseReference: 'TRY-2024-000123' };
    expect(decide(cancellation({ messageDate: '2024-11-22' }), motorPolicy({ pendingCancellation: sameCase }))).toMatchObject({ decision: 'reject', code: '7' });
  });
  it('names the policy it matched in a rejection, a manual review and an ignored duplicate', () => {
    const lapsed = motorPolicy({ status: { kind: 'lapsed-arrears', endDate: '2024-10-15' } });
    expect(decide(cancellation({ policyNumber: '99-999' }), undefined, { lookupByIdentity: () => [lapsed] })).toMatchObject({ decision: 'reject', code: '11', policy: lapsed });
    expect(decide(cancellation({ registrationNumber: 'AB12346' }), motorPolicy())).toMatchObject({ decision: 'manual-review', policy: motorPolicy() });
    const duplicate = motorPolicy({ pendingCancellation: { ...pending, caseReference: 'TRY-2024-000123' } });
    expect(decide(cancellation(), duplicate)).toMatchObject({ decision: 'ignore', policy: duplicate });
  });
});

describe('the reply carries what the ceding insurer has (toReply)', () => {
  it('names the policyholders and the insured location as we have them, with contact and our VIR', () => {
    const received = familyCancellation({ policyholder1: { name: 'HANSEN, Jens-Peter' } });
    const reply = toReply(decide(received, familyPolicy()), received, { messageDate: '2024-11-21', contact: 'Kim Holm', ownVir: '44444444' });
    expect(reply).toMatchObject({ kind: 'accept', policyholder1: { name: 'Jens Peter Hansen' }, contact: 'Kim Holm', sender: { vir: '44444444' } });
    const boat = familyCancellation({ branch: { group: '007', product: '001' }, policyNumber: 'BOAT-1', policyholder2: { name: 'lise  HANSEN' } });
    const twoHolders = familyPolicy({ policyNumber: 'BOAT1', branch: { group: '007', product: '001' }, holders: [{ name: 'Jens Peter Hansen' }, { name: 'Lise Hansen' }] });
    expect(toReply(decide(boat, twoHolders), boat, { messageDate: '2024-11-21' })).toMatchObject({ policyholder2: { name: 'Lise Hansen' } });
    const building = buildingCancellation({ insuredLocation: { street: 'Brogaden 3', postcode: '5970' } });
    expect(toReply(decide(building, buildingPolicy()), building, { messageDate: '2024-11-21' })).toMatchObject({ insuredLocation: { street: 'Brogade 3', city: 'Ærøskøbing' } });
  });
  it("uses the profile given for the rejection's ERC code", () => {
    const base = defaultProfile('opsigelser');
    const own: GuideProfile = { ...base, id: 'office/own-bilag-1', rejectionReasons: { ...base.rejectionReasons, registrationMismatch: { value: '14', assumption: false, source: 'own Bilag 1' } } };
    const received = cancellation({ registrationNumber: 'XY98765' });
    const d = decide(received, motorPolicy(), { profile: own });
    expect(d).toMatchObject({ decision: 'reject', code: '14' });
    expect(toReply(d, received, { messageDate: '2024-11-21', profile: own })).toMatchObject({ kind: 'rejection', reasonCode: '14' });
  });
});
