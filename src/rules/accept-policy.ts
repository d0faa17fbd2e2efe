/**
 * The accept policy (acceptpolitik) of the ceding insurer: what to answer a received
 * cancellation (opsigelse, BGM 9), given what the insurer's own system knows about the
 * policy. Opsigelser guide 5.5, sections 2.3–2.6 and 'Regler for behandling af
 * EDI-opsigelser i selskaberne'. Every decision names its rule, guide section and dates.
 *
 * @module
 */
import type { Cancellation } from '../messages/types/opsigelser.js';
import { rejectionCode } from '../schema/access.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile } from '../schema/profiles/index.js';
import {
  pass,
  type CancellationDecision,
  type CheckOutcome,
  type ManualReviewDecision,
  type RejectDecision,
  type RejectionSpec,
  type ReplyableDecision,
} from './accept-decision.js';
import { checkDates, type DateOutcome, type FinalDateOutcome } from './accept-dates.js';
import {
  checkBranch,
  checkLocation,
  checkNames,
  checkRegistration,
  checkStatus,
  identifyPolicy,
  type IdentityLookup,
} from './accept-identity.js';
import type { BusinessCalendar } from './calendar.js';
import { assertIsoDate, type IsoDate } from './dates.js';
import { replyDeadline } from './deadlines.js';
import { explain, type Explanation } from './explanation.js';
import type { PolicyRecord } from './policy-record.js';
import { ACCEPT_POLICY_OPTION_CHECKS, checkOptions } from './option-checks.js';

export type { IdentityLookup } from './accept-identity.js';

/** Options of {@link decideOnCancellation}. */
export interface AcceptPolicyOptions {
  /** The opsigelser profile (branch groups, ERC codes); default `fp-opsigelser/5.5-reconstructed`. */
  profile?: GuideProfile;
  /** The day of deciding (the reply's message date); a note says when the 21-day reply deadline has passed. */
  today: IsoDate;
  /** The day the cancellation was received; default its message date (DTM 137). */
  receivedOn?: IsoDate;
  /** For an unknown policy number: the customer's policies by CPR/CVR number and branch (section 2.4). */
  lookupByIdentity?: IdentityLookup;
  /** Working days for the notice deadline; default the Danish calendar. */
  calendar?: BusinessCalendar;
  /**
   * Branch groups where a policy with two holders needs both named (accident, pleasure boat);
   * default: the profile's branch groups with `bothHoldersRequired` (`['005', '007']` in the default profile).
   */
  bothHoldersRequiredGroups?: readonly string[];
  /** Decide a re-send per another date (DTM 288, with free text) by machine instead of manual review; default false. */
  autoDecideFreeText?: boolean;
}

interface Context {
  profile: GuideProfile;
  policy?: PolicyRecord;
  notes: Explanation[];
}

function rejectDecision(ctx: Context, why: Explanation, spec: RejectionSpec): RejectDecision {
  return {
    decision: 'reject',
    ...why,
    reason: spec.reason,
    code: rejectionCode(ctx.profile, spec.reason),
    ...(spec.endDate !== undefined ? { endDate: spec.endDate } : {}),
    ...(spec.cancelledBy !== undefined ? { cancelledBy: spec.cancelledBy } : {}),
    notes: ctx.notes,
    ...(ctx.policy !== undefined ? { policy: ctx.policy } : {}),
  };
}

function finalDecision(ctx: Context, outcome: FinalDateOutcome): ReplyableDecision {
  const base = { ...outcome.why, notes: [...ctx.notes, ...outcome.notes], ...(ctx.policy !== undefined ? { policy: ctx.policy } : {}) };
  switch (outcome.outcome) {
    case 'accept':
      return { decision: 'accept', ...base };
    case 'accept-with-date':
      return { decision: 'accept-with-date', ...base, correctedDate: outcome.correctedDate };
    case 'reject':
      return rejectDecision({ ...ctx, notes: base.notes }, outcome.why, outcome.rejection);
  }
}

function manualReview(ctx: Context, reasons: Explanation[], proposal: ReplyableDecision | undefined): ManualReviewDecision {
  const [first] = reasons;
  if (first === undefined) throw new Error('manualReview needs at least one reason');
  return {
    decision: 'manual-review',
    ...first,
    reasons,
    ...(proposal !== undefined ? { proposal } : {}),
    notes: ctx.notes,
    ...(ctx.policy !== undefined ? { policy: ctx.policy } : {}),
  };
}

/** A duplicate, an accepted or a pending cancellation of the same policy (rules `case.duplicate-ignored`, `accept.second-after-accepted`, `accept.pending-cancellation`). */
function checkEarlierCancellations(received: Cancellation, policy: PolicyRecord): CheckOutcome {
  const { caseReference, messageDate, sender } = received;
  const accepted = policy.acceptedCancellation;
  const pending = policy.pendingCancellation;
  const isDuplicate = (earlier: { caseReference: string; messageDate?: IsoDate } | undefined) =>
    earlier !== undefined && earlier.caseReference === caseReference && earlier.messageDate === messageDate;
  if (isDuplicate(accepted) || isDuplicate(pending)) {
    return { outcome: 'ignore', why: explain('case.duplicate-ignored', { messageDate }, `This cancellation (${caseReference} of ${messageDate}) was received before; it is ignored without notice.`), notes: [] };
  }
  if (accepted !== undefined) {
    const dates = { acceptedCancellationDate: accepted.cancellationDate };
    if (accepted.acquirer.vir === sender.vir) {
      const why = explain('accept.second-after-accepted', dates, `Your cancellation ${accepted.caseReference} of this policy was already accepted (per ${accepted.cancellationDate}); only one EDI cancellation per policy is allowed.`);
      return { outcome: 'reject', why, rejection: { reason: 'cancellationAlreadyAccepted' }, notes: [] };
    }
    const why = explain('accept.second-after-accepted', { ...dates, endDate: accepted.cancellationDate }, `Company ${accepted.acquirer.vir} already cancelled this policy (accepted, ending ${accepted.cancellationDate}).`);
    return { outcome: 'reject', why, rejection: { reason: 'alreadyCancelledByCompany', endDate: accepted.cancellationDate, cancelledBy: accepted.acquirer }, notes: [] };
  }
  if (pending !== undefined) {
    const dates = { pendingMessageDate: pending.messageDate };
    if (pending.acquirer.vir === sender.vir) {
      const why = explain('accept.pending-cancellation', dates, `Your earlier cancellation ${pending.caseReference} of ${pending.messageDate} is still unanswered; send a reminder instead of a new cancellation.`);
      return { outcome: 'reject', why, rejection: { reason: 'cancellationPending' }, notes: [] };
    }
    const why = explain('accept.pending-cancellation', dates, `Company ${pending.acquirer.vir} sent a cancellation of this policy (${pending.caseReference}, ${pending.messageDate}) that is still unanswered; decide which one to answer first.`);
    return { outcome: 'review', why, proposal: 'accept', notes: [] };
  }
  return pass();
}

/**
 * Decides the answer to a received cancellation (9) under the guide's accept policy.
 *
 * Checks, in order: which policy (un-masked policy number, old numbers, CPR/CVR fallback
 * through `lookupByIdentity`); branch/product; duplicates, an accepted or a pending
 * cancellation; the policy's status (ERC 9–12 with end date); registration number (motor),
 * insured location and matrikel (building), names (family, accident, pleasure boat); then the
 * date rules of the cancellation's basis (notice deadline and corrected date, shortened notice
 * and ERC 23, withdrawal and ERC 19, 288 re-send). Returns `accept`, `accept-with-date`,
 * `reject`, `manual-review` (where the guide forbids a machine rejection, with the machine's
 * proposal) or `ignore` (a duplicate). Never throws on business data.
 *
 * @param received - the typed cancellation
 * @param policyRecord - the policy found by the caller (usually by policy number), or `undefined`
 * @throws RangeError when `options.today` or `options.receivedOn` is not a real date
 *
 * @example
 * const decision = decideOnCancellation(received9, policy, { today: '2024-11-21' });
 * if (decision.decision === 'accept') send(toReply(decision, received9, { messageDate: '2024-11-21' }));
 */
export function decideOnCancellation(received: Cancellation, policyRecord: PolicyRecord | undefined, options: AcceptPolicyOptions): CancellationDecision {
  checkOptions(options, ACCEPT_POLICY_OPTION_CHECKS, 'decideOnCancellation');
  const profile = options.profile ?? defaultProfile('opsigelser');
  const today = assertIsoDate(options.today, 'options.today');
  const receivedOn = assertIsoDate(options.receivedOn ?? received.messageDate, 'options.receivedOn');
  const identified = identifyPolicy(received, policyRecord, options.lookupByIdentity);
  const replyBy = replyDeadline(receivedOn);
  const lateNote = today > replyBy ? [explain('deadline.reply', { receivedOn, replyDeadline: replyBy, today }, `The reply was due by ${replyBy} (21 days after receipt on ${receivedOn}).`)] : [];
  if (identified.policy === undefined) {
    const ctx: Context = { profile, notes: [...identified.outcome.notes, ...lateNote] };
    return decideOutcome(ctx, identified.outcome);
  }
  const policy = identified.policy;
  const ctx: Context = { profile, policy, notes: [...identified.notes, ...lateNote] };
  const reviews: Array<Extract<CheckOutcome, { outcome: 'review' }>> = [];
  const checks: Array<() => CheckOutcome> = [
    () => checkBranch(received, policy),
    () => checkEarlierCancellations(received, policy),
    () => checkStatus(policy),
    () => checkRegistration(received, policy),
    () => checkLocation(received, policy, profile),
    () => checkNames(received, policy, profile, options.bothHoldersRequiredGroups),
  ];
  for (const check of checks) {
    const outcome = check();
    ctx.notes.push(...outcome.notes);
    if (outcome.outcome === 'review') reviews.push(outcome);
    else if (outcome.outcome !== 'pass') return decideOutcome(ctx, outcome);
  }
  const dates = checkDates(received, policy, {
    profile,
    receivedOn,
    autoDecideFreeText: options.autoDecideFreeText ?? false,
    ...(options.calendar !== undefined ? { calendar: options.calendar } : {}),
  });
  return combine(ctx, reviews, dates);
}

/** Turns a decisive check outcome (reject, review, ignore) into the decision. */
function decideOutcome(ctx: Context, outcome: CheckOutcome): CancellationDecision {
  switch (outcome.outcome) {
    case 'reject':
      return rejectDecision(ctx, outcome.why, outcome.rejection);
    case 'ignore':
      return { decision: 'ignore', ...outcome.why, notes: ctx.notes, ...(ctx.policy !== undefined ? { policy: ctx.policy } : {}) };
    case 'review':
      return manualReview(ctx, [outcome.why], outcome.proposal === 'accept' ? undefined : rejectDecision(ctx, outcome.why, outcome.proposal));
    case 'pass':
      throw new Error('decideOutcome: a passed check decides nothing');
  }
}

/** Combines the identity checks that need a person with the date outcome. */
function combine(ctx: Context, reviews: Array<Extract<CheckOutcome, { outcome: 'review' }>>, dates: DateOutcome): CancellationDecision {
  ctx.notes.push(...dates.notes);
  if (dates.outcome === 'reject') return finalDecision(ctx, dates);
  if (reviews.length === 0 && dates.outcome !== 'review') return finalDecision(ctx, dates);
  const reasons = [...reviews.map((r) => r.why), ...(dates.outcome === 'review' ? [dates.why] : [])];
  const rejecting = reviews.find((r) => r.proposal !== 'accept');
  if (rejecting !== undefined && rejecting.proposal !== 'accept') {
    return manualReview(ctx, reasons, rejectDecision(ctx, rejecting.why, rejecting.proposal));
  }
  const dateProposal = dates.outcome === 'review' ? dates.proposal : dates;
  return manualReview(ctx, reasons, dateProposal === undefined ? undefined : finalDecision(ctx, dateProposal));
}
