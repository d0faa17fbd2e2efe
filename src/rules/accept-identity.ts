/**
 * The accept policy's identity checks: which policy a cancellation is about, its branch, its
 * state, and whether registration number, insured location and names fit it.
 *
 * @module
 */
import type { PersonId } from '../messages/types/common.js';
import type { Branch, Cancellation } from '../messages/types/opsigelser.js';
import { branchGroup } from '../schema/access.js';
import { maskCpr } from '../schema/identifiers.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile } from '../schema/profiles/index.js';
import { pass, type CheckOutcome, type RejectionReason } from './accept-decision.js';
import type { IsoDate } from './dates.js';
import { explain, type Explanation } from './explanation.js';
import { compareLocations, describeAddress, locationParts, type LocationDifference, type LocationParts } from './location-match.js';
import { comparePartyNames, RANK, samePersonId, type NameComparison } from './name-match.js';
import type { PolicyRecord, PolicyStatus } from './policy-record.js';
import { isMissingPolicyNumber, matchPolicyNumber } from './policy-number.js';
import { compareRegistrationNumbers } from './registration-number.js';

/** Finds the policies of a customer by CPR/CVR number and branch/product (identity fallback, section 2.4). */
export type IdentityLookup = (query: {
  /** The CPR/CVR numbers of the cancellation's policyholders (1 or 2), as sent. */
  ids: PersonId[];
  /** The cancellation's branch and product group (BRC); policies of another one are dropped from the answer. */
  branch: Branch;
}) => readonly PolicyRecord[];

/**
 * Branch groups whose policies need both holders named, by default: the default profile's branch
 * groups with `bothHoldersRequired` (accident 005, pleasure boat 007). Another profile brings its own.
 */
export const DEFAULT_BOTH_HOLDERS_GROUPS: readonly string[] = Object.freeze(
  Object.entries(defaultProfile('opsigelser').branchGroups)
    .filter(([, g]) => g.bothHoldersRequired === true)
    .map(([code]) => code),
);

/** A CPR/CVR number as an explanation may show it: a CPR's last four digits masked (check-digits.md), a CVR whole. */
function shownId(id: PersonId): string {
  return id.type === 'CPR' ? maskCpr(id.value) : id.value;
}

/** True when two branch/product codes are the same. */
export function sameBranch(a: Branch, b: Branch): boolean {
  return a.group === b.group && a.product === b.product;
}

/** Either the policy found (with notes) or the outcome that ends the decision. */
export type Identification = { policy: PolicyRecord; notes: Explanation[] } | { policy?: undefined; outcome: CheckOutcome };

/**
 * Finds the policy a cancellation is about: by its un-masked policy number (current or old),
 * else by CPR/CVR number and branch through `lookup`. Rules `accept.policy-number-match`,
 * `accept.policy-number-required`, `accept.identity-fallback`.
 */
export function identifyPolicy(received: Cancellation, record: PolicyRecord | undefined, lookup: IdentityLookup | undefined): Identification {
  const notes: Explanation[] = [];
  const number = received.policyNumber;
  if (record !== undefined) {
    const match = matchPolicyNumber(number, record.policyNumber, record.oldPolicyNumbers);
    if (match.matched) {
      if (match.via === 'old') {
        notes.push(explain('accept.policy-number-match', {}, `The policy number ${number} matched the policy's old number ${match.number} (now ${record.policyNumber}).`));
      }
      return { policy: record, notes };
    }
  }
  if (isMissingPolicyNumber(number)) {
    notes.push(explain('accept.policy-number-required', {}, `The cancellation carries no real policy number (${JSON.stringify(number)}), which the guide forbids.`));
  }
  const ids = [received.policyholder1.id, received.policyholder2?.id].filter((id): id is PersonId => id !== undefined);
  const unknown = { reason: 'policyUnknown' as const };
  if (ids.length === 0) {
    const why = explain('accept.policy-number-match', {}, `No policy has the number ${number} (current or old), and the cancellation has no CPR/CVR number to search by.`);
    return { outcome: { outcome: 'reject', why, rejection: unknown, notes } };
  }
  if (lookup === undefined) {
    const why = explain(
      'accept.identity-fallback',
      {},
      `No policy has the number ${number}; check the CPR/CVR number ${ids.map(shownId).join(', ')} and the branch before rejecting.`,
    );
    return { outcome: { outcome: 'review', why, proposal: unknown, notes } };
  }
  const found = lookup({ ids, branch: received.branch }).filter((p) => sameBranch(p.branch, received.branch));
  const [only] = found;
  if (found.length === 1 && only !== undefined) {
    notes.push(explain('accept.identity-fallback', {}, `The policy number ${number} is unknown, but the CPR/CVR number and branch ${received.branch.group}:${received.branch.product} identify policy ${only.policyNumber}.`));
    return { policy: only, notes };
  }
  const why =
    found.length === 0
      ? explain('accept.identity-fallback', {}, `No policy has the number ${number}, and no policy of branch ${received.branch.group}:${received.branch.product} belongs to the CPR/CVR number.`)
      : explain('accept.identity-fallback', {}, `The policy number ${number} is unknown and ${found.length} policies of the customer have branch ${received.branch.group}:${received.branch.product}, so the CPR/CVR number cannot decide.`);
  return { outcome: { outcome: 'reject', why, rejection: unknown, notes } };
}

/** The branch/product code must be the policy's (rule `accept.branch-product`). */
export function checkBranch(received: Cancellation, policy: PolicyRecord): CheckOutcome {
  if (sameBranch(received.branch, policy.branch)) return pass();
  const why = explain(
    'accept.branch-product',
    {},
    `The cancellation has branch/product ${received.branch.group}:${received.branch.product}, but policy ${policy.policyNumber} is ${policy.branch.group}:${policy.branch.product}.`,
  );
  return { outcome: 'reject', why, rejection: { reason: 'wrongBranch' }, notes: [] };
}

/** Per kind of ended policy: the rejection reason and the end of the explanation's sentence. */
const TERMINATED: Record<Exclude<PolicyStatus['kind'], 'active'>, { reason: RejectionReason; sentence: (endDate: IsoDate, companyVir: string) => string }> = {
  'cancelled-by-company': { reason: 'alreadyCancelledByCompany', sentence: (endDate, companyVir) => `is already cancelled by company ${companyVir} and ends ${endDate}.` },
  'cancelled-by-holder': { reason: 'alreadyCancelledByPolicyholder', sentence: (endDate) => `is already cancelled by the policyholder and ends ${endDate}.` },
  'lapsed-arrears': { reason: 'lapsedArrears', sentence: (endDate) => `lapsed because of arrears on ${endDate}.` },
  'lapsed-other': { reason: 'lapsedOther', sentence: (endDate) => `lapsed for another reason on ${endDate}.` },
};

/** A policy that has already ended is rejected with ERC 9–12 and its end date (rule `accept.already-terminated`). */
export function checkStatus(policy: PolicyRecord): CheckOutcome {
  const status = policy.status;
  if (status.kind === 'active') return pass();
  const { reason, sentence } = TERMINATED[status.kind];
  const company = status.kind === 'cancelled-by-company' ? status.company : undefined;
  return {
    outcome: 'reject',
    why: explain('accept.already-terminated', { endDate: status.endDate }, `Policy ${policy.policyNumber} ${sentence(status.endDate, company?.vir ?? '')}`),
    rejection: { reason, endDate: status.endDate, ...(company !== undefined ? { cancelledBy: company } : {}) },
    notes: [],
  };
}

/** Motor: the registration number must be the policy's (rule `accept.motor-registration`). */
export function checkRegistration(received: Cancellation, policy: PolicyRecord): CheckOutcome {
  if (policy.registrationNumber === undefined) return pass();
  const onPolicy = policy.registrationNumber;
  const comparison = compareRegistrationNumbers(received.registrationNumber, onPolicy);
  const got = received.registrationNumber;
  switch (comparison) {
    case 'same':
      return pass();
    case 'missing':
      return {
        outcome: 'review',
        why: explain('accept.motor-registration', {}, `The cancellation of motor policy ${policy.policyNumber} has no registration number (ours: ${onPolicy}).`),
        proposal: { reason: 'registrationMismatch' },
        notes: [],
      };
    case 'close':
      return {
        outcome: 'review',
        why: explain('accept.motor-registration', {}, `The registration number ${got ?? ''} differs by one character from ours (${onPolicy}); check it before rejecting.`),
        proposal: { reason: 'registrationMismatch' },
        notes: [],
      };
    case 'different':
      return {
        outcome: 'reject',
        why: explain('accept.motor-registration', {}, `The registration number ${got ?? ''} is not the policy's (${onPolicy}).`),
        rejection: { reason: 'registrationMismatch' },
        notes: [],
      };
  }
}

/**
 * Building: the insured location must be the policy's; matrikel and ejerlav only give notes
 * (rules `accept.building-location`, `accept.building-matrikel`).
 */
export function checkLocation(received: Cancellation, policy: PolicyRecord, profile: GuideProfile): CheckOutcome {
  if (!branchGroup(profile, received.branch.group)?.requiresInsuredLocation) return pass();
  const notes = matrikelNotes(received, policy);
  if (policy.insuredLocation === undefined) {
    notes.push(explain('accept.building-location', {}, `Policy ${policy.policyNumber} has no insured location on record, so it was not compared.`));
    return pass(notes);
  }
  const ours = policy.insuredLocation;
  const describe = describeAddress(ours);
  if (received.insuredLocation === undefined) {
    const why = explain('accept.building-location', {}, `The cancellation of building policy ${policy.policyNumber} has no insured location (ours: ${describe}).`);
    return { outcome: 'review', why, proposal: { reason: 'locationMismatch' }, notes };
  }
  const differences = compareLocations(received.insuredLocation, ours);
  if (differences.length === 0) return pass(notes);
  const theirs = received.insuredLocation;
  const why = explain(
    'accept.building-location',
    {},
    `The insured location ${describeAddress(theirs)} does not match ours (${describe}): ${describeDifferences(differences, locationParts(theirs), locationParts(ours))}; make sure the error is real before rejecting.`,
  );
  return { outcome: 'review', why, proposal: { reason: 'locationMismatch' }, notes };
}

const PART_NAMES = { street: 'street name (first 3 letters)', houseNumber: 'house number', postcode: 'postcode' } as const;

/** `the house number differs, the postcode is missing in the cancellation`: a part that is absent is not said to differ. */
function describeDifferences(differences: readonly LocationDifference[], theirs: LocationParts, ours: LocationParts): string {
  return differences
    .map((part) => {
      const how = theirs[part] === '' ? (ours[part] === '' ? 'is missing on both sides' : 'is missing in the cancellation') : ours[part] === '' ? 'is missing in our record' : 'differs';
      return `the ${PART_NAMES[part]} ${how}`;
    })
    .join(', ');
}

function matrikelNotes(received: Cancellation, policy: PolicyRecord): Explanation[] {
  const got = received.matrikel;
  const ours = policy.matrikel;
  const fold = (s: string | undefined) => (s ?? '').replace(/\s/g, '').toLowerCase();
  if (ours !== undefined && got !== undefined && fold(got.number) !== fold(ours.number)) {
    return [explain('accept.building-matrikel', {}, `The matrikel number ${got.number} differs from ours (${ours.number}); this is never a reason for a machine rejection.`)];
  }
  if (got !== undefined && got.ejerlav === undefined) {
    return [explain('accept.building-matrikel', {}, 'The cancellation has no ejerlav; this is never a reason for a machine rejection.')];
  }
  return [];
}

/**
 * Family, accident and pleasure boat: the policyholders' names must be the policy's, with the
 * guide's tolerance; with two holders on accident or boat policies both must be named (rules
 * `accept.family-name`, `accept.accident-boat-name`, `accept.two-holders`, `accept.name-manual-check`).
 * Which groups need both holders: `bothHoldersRequiredGroups` when given, else the profile's flag.
 */
export function checkNames(received: Cancellation, policy: PolicyRecord, profile: GuideProfile, bothHoldersRequiredGroups?: readonly string[]): CheckOutcome {
  const group = received.branch.group;
  const info = branchGroup(profile, group);
  if (!info?.nameMustMatch || policy.holders.length === 0) return pass();
  const bothHolders = bothHoldersRequiredGroups ? bothHoldersRequiredGroups.includes(group) : info.bothHoldersRequired === true;
  const nameRule = bothHolders ? 'accept.accident-boat-name' : 'accept.family-name';
  if (bothHolders && policy.holders.length >= 2 && received.policyholder2 === undefined) {
    const why = explain('accept.two-holders', {}, `Policy ${policy.policyNumber} has two policyholders (${policy.holders.map((h) => h.name).join(' and ')}), but the cancellation names only ${received.policyholder1.name}.`);
    return { outcome: 'reject', why, rejection: { reason: 'nameMismatch' }, notes: [] };
  }
  const named = [received.policyholder1, received.policyholder2].filter((p) => p !== undefined);
  const remaining = [...policy.holders];
  const results: Array<{ comparison: NameComparison; idMatches: boolean; received: string; ours: string }> = [];
  for (const party of named) {
    // The closest name; between equally close ones, the holder whose CPR/CVR number the party carries.
    let bestIndex = -1;
    let best: NameComparison = 'different';
    let bestIdMatches = false;
    remaining.forEach((holder, index) => {
      const comparison = comparePartyNames(party, holder);
      const idMatches = samePersonId(party.id, holder.id);
      if (bestIndex === -1 || RANK[comparison] < RANK[best] || (RANK[comparison] === RANK[best] && idMatches && !bestIdMatches)) {
        best = comparison;
        bestIndex = index;
        bestIdMatches = idMatches;
      }
    });
    const holder = remaining[bestIndex];
    if (holder === undefined) break;
    results.push({ comparison: best, idMatches: bestIdMatches, received: party.name, ours: holder.name });
    remaining.splice(bestIndex, 1);
  }
  const worst = results.reduce<NameComparison>((w, r) => (RANK[r.comparison] > RANK[w] ? r.comparison : w), 'same');
  const detail = results.filter((r) => r.comparison === worst).map((r) => `${r.received} / ${r.ours}`).join('; ');
  if (worst === 'same') return pass();
  if (worst === 'insignificant') {
    return pass([explain(nameRule, {}, `The names differ only insignificantly from ours (${detail}), which is never a reason to reject.`)]);
  }
  const idsMatch = results.filter((r) => r.comparison === worst).every((r) => r.idMatches);
  if (worst === 'similar' || idsMatch) {
    const why = explain('accept.name-manual-check', {}, `The names differ a little from ours (${detail})${idsMatch ? ' but the CPR/CVR number matches' : ''}; a case handler must check them, and may not reject for an insignificant difference.`);
    return { outcome: 'review', why, proposal: 'accept', notes: [] };
  }
  const why = explain('accept.name-manual-check', {}, `The names differ from ours (${detail}); a rejection for a wrong name must pass a manual check before it is sent.`);
  return { outcome: 'review', why, proposal: { reason: 'nameMismatch' }, notes: [] };
}
