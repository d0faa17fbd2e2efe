/**
 * The accept policy's date checks: is the requested cancellation date right and on time,
 * and if not, which corrected date to accept per (or which refusal applies) — per basis:
 * normal (287), another date (288), withdrawal (294), shortened notice (296).
 *
 * @module
 */
import type { Cancellation, CancellationDate } from '../messages/types/opsigelser.js';
import { branchGroup } from '../schema/access.js';
import type { GuideProfile } from '../schema/profile.js';
import type { RejectionSpec } from './accept-decision.js';
import type { BusinessCalendar } from './calendar.js';
import { laterOf, type IsoDate } from './dates.js';
import { isCancellationOnTime, otherDateResendDeadline, resendDeadline } from './deadlines.js';
import { explain, type Explanation } from './explanation.js';
import type { PolicyRecord } from './policy-record.js';
import { earliestOnTimeRenewal, isRenewalDate, nextRenewalOnOrAfter, type RenewalPattern } from './renewal.js';

/** A final date outcome: accept as requested, accept per a corrected date, or refuse. */
export type FinalDateOutcome =
  | { outcome: 'accept'; why: Explanation; notes: Explanation[] }
  | { outcome: 'accept-with-date'; why: Explanation; correctedDate: CancellationDate; notes: Explanation[] }
  | { outcome: 'reject'; why: Explanation; rejection: RejectionSpec; notes: Explanation[] };

/** The outcome of the date checks; `review` when a person must decide (free text, missing facts). */
export type DateOutcome = FinalDateOutcome | { outcome: 'review'; why: Explanation; proposal?: FinalDateOutcome; notes: Explanation[] };

/** What the date checks need besides the cancellation and the policy. */
export interface DateCheckContext {
  /** The opsigelser profile (branch groups allowing shortened notice). */
  profile: GuideProfile;
  /** The day the cancellation was received; default its message date. */
  receivedOn: IsoDate;
  /** Working days for the notice deadline. */
  calendar?: BusinessCalendar;
  /** Decide a 288 re-send by machine instead of sending it to manual review (free text). */
  autoDecideFreeText: boolean;
}

function renewalPattern(policy: PolicyRecord): RenewalPattern | undefined {
  if (policy.renewalDate === undefined) return undefined;
  return { renewalDate: policy.renewalDate, ...(policy.renewalIntervalMonths !== undefined ? { intervalMonths: policy.renewalIntervalMonths } : {}) };
}

function noticeOptions(policy: PolicyRecord, calendar: BusinessCalendar | undefined) {
  return { ...(policy.noticeMonths !== undefined ? { noticeMonths: policy.noticeMonths } : {}), ...(calendar !== undefined ? { calendar } : {}) };
}

function accept(why: Explanation): FinalDateOutcome {
  return { outcome: 'accept', why, notes: [] };
}

/**
 * Accept per `date` — as requested when it is the requested date: OSI ODC and its DTM are sent
 * only when accepting per another date (seed 002, Accept), and `buildAccept` refuses them otherwise.
 */
function acceptPer(date: IsoDate, basis: CancellationDate['basis'], why: Explanation, requested: IsoDate): FinalDateOutcome {
  if (date === requested) return accept(why);
  return { outcome: 'accept-with-date', why, correctedDate: { date, basis }, notes: [] };
}

/** Normal notice (287) to a main renewal date: rules `deadline.normal-notice`, `accept.corrected-date`. */
function checkNormal(received: Cancellation, policy: PolicyRecord, ctx: DateCheckContext): DateOutcome {
  const sentOn = received.messageDate;
  const requested = received.cancellationDate.date;
  const verdict = isCancellationOnTime({ kind: 'normal', sentOn, requestedDate: requested }, {
    ...noticeOptions(policy, ctx.calendar),
  });
  const pattern = renewalPattern(policy);
  if (pattern === undefined) {
    if (verdict.onTime) {
      const why = explain('deadline.normal-notice', { sentOn, requestedDate: requested, deadline: verdict.deadline }, `The cancellation to ${requested} was sent ${sentOn}, on time (latest ${verdict.deadline}); the policy's renewal date is not on record, so the date itself was not checked.`);
      return accept(why);
    }
    const why = explain('accept.corrected-date', { sentOn, requestedDate: requested, deadline: verdict.deadline }, `The cancellation to ${requested} was sent ${sentOn}, after the latest on-time date ${verdict.deadline}; the policy's renewal date is not on record, so the corrected date must be set by hand.`);
    return { outcome: 'review', why, notes: [] };
  }
  const isRenewal = isRenewalDate(pattern, requested);
  if (isRenewal && verdict.onTime) {
    return accept(explain('deadline.normal-notice', { sentOn, requestedDate: requested, deadline: verdict.deadline }, `The cancellation to the renewal date ${requested} was sent ${sentOn}, on time (latest ${verdict.deadline}).`));
  }
  const corrected = earliestOnTimeRenewal(pattern, sentOn, requested, noticeOptions(policy, ctx.calendar));
  const reason = isRenewal
    ? `was sent ${sentOn}, after the latest on-time date ${verdict.deadline} for the renewal date ${requested}`
    : `asks for ${requested}, which is not a main renewal date of the policy (next: ${nextRenewalOnOrAfter(pattern, requested)})`;
  const why = explain('accept.corrected-date', { sentOn, requestedDate: requested, correctedDate: corrected }, `The cancellation ${reason}, so it is accepted per the renewal date ${corrected}.`);
  return acceptPer(corrected, 'normal', why, requested);
}

/** Shortened notice (296): rules `accept.shortened-notice-refused`, `deadline.shortened-notice`, `accept.corrected-date`. */
function checkShortened(received: Cancellation, policy: PolicyRecord, ctx: DateCheckContext): DateOutcome {
  const group = received.branch.group;
  const refused = (sentence: string): DateOutcome => ({
    outcome: 'reject',
    why: explain('accept.shortened-notice-refused', {}, sentence),
    rejection: { reason: 'shortenedNoticePrivateOnly' },
    notes: [],
  });
  if (branchGroup(ctx.profile, group)?.shortenedNoticeAllowed === false) {
    return refused(`Shortened notice (DTM 296) is not allowed for branch group ${group} (business and agriculture policies).`);
  }
  if (policy.writtenInCompanyName === true) {
    return refused(`Policy ${policy.policyNumber} is a private policy written in a company's name, so shortened notice (DTM 296) is not allowed.`);
  }
  const sentOn = received.messageDate;
  const requested = received.cancellationDate.date;
  const verdict = isCancellationOnTime({ kind: 'shortened-notice', sentOn, requestedDate: requested });
  const dates = { sentOn, requestedDate: requested, earliestEffective: verdict.deadline };
  if (verdict.onTime) {
    return accept(explain('deadline.shortened-notice', dates, `The cancellation with shortened notice sent ${sentOn} can take effect ${verdict.deadline} at the earliest, and ${requested} is not earlier.`));
  }
  const why = explain('accept.corrected-date', { ...dates, correctedDate: verdict.deadline }, `Sent ${sentOn} with shortened notice, the cancellation can take effect ${verdict.deadline} at the earliest, not ${requested}, so it is accepted per ${verdict.deadline}.`);
  return acceptPer(verdict.deadline, 'shortenedNotice', why, requested);
}

/** Withdrawal (294), we being the 1st acquirer: rules `accept.withdrawal-original-not-accepted`, `deadline.withdrawal`, `accept.withdrawal-date`. */
function checkWithdrawal(received: Cancellation, policy: PolicyRecord, ctx: DateCheckContext): DateOutcome {
  const takeover = policy.takeover;
  const requested = received.cancellationDate.date;
  const receivedOn = ctx.receivedOn;
  if (takeover === undefined) {
    const why = explain('accept.withdrawal-date', { receivedOn }, `Policy ${policy.policyNumber} has no start date on record, so the withdrawal (DTM 294) cannot be judged by machine.`);
    return { outcome: 'review', why, notes: [] };
  }
  if (takeover.ownCancellation === 'awaiting-accept') {
    return {
      outcome: 'reject',
      why: explain('accept.withdrawal-original-not-accepted', { receivedOn }, `Our own cancellation to the previous insurer is not yet accepted, so the withdrawal (DTM 294) must be rejected with ERC 19.`),
      rejection: { reason: 'withdrawalOriginalNotAccepted' },
      notes: [],
    };
  }
  const start = takeover.policyStart;
  if (start > receivedOn) {
    const dates = { receivedOn, policyStart: start, requestedDate: requested };
    if (requested === start) return accept(explain('accept.withdrawal-date', dates, `The policy starts ${start}, after the withdrawal was received, and the withdrawal asks for that start date.`));
    return acceptPer(start, 'withdrawal', explain('accept.withdrawal-date', { ...dates, correctedDate: start }, `The policy has not started (start ${start}), so the withdrawal is accepted per the start date instead of ${requested}.`), requested);
  }
  const policyReceivedOn = takeover.policyReceivedOn ?? start;
  const verdict = isCancellationOnTime({ kind: 'withdrawal', sentOn: received.messageDate, receivedOn }, { policyStart: start, policyReceivedOn });
  const dates = { receivedOn, policyStart: start, policyReceivedOn, deadline: verdict.deadline, requestedDate: requested };
  if (verdict.onTime) {
    return accept(explain('deadline.withdrawal', dates, `The withdrawal was received ${receivedOn}, within the deadline ${verdict.deadline}, so it is accepted per ${requested}.`));
  }
  const pattern = renewalPattern(policy);
  if (pattern === undefined) {
    const why = explain('accept.withdrawal-date', dates, `The withdrawal was received ${receivedOn}, after the deadline ${verdict.deadline}; it is normally accepted per the next expiry date, which is not on record.`);
    return { outcome: 'review', why, notes: [] };
  }
  const corrected = earliestOnTimeRenewal(pattern, received.messageDate, laterOf(requested, receivedOn), noticeOptions(policy, ctx.calendar));
  const why = explain('accept.withdrawal-date', { ...dates, correctedDate: corrected }, `The withdrawal was received ${receivedOn}, after the deadline ${verdict.deadline}, so it is accepted per the next expiry date ${corrected}.`);
  return acceptPer(corrected, 'withdrawal', why, requested);
}

/** Re-send per another date (288): rules `deadline.other-date-resend`, `deadline.resend-after-rejection`, `accept.free-text-manual`. */
function checkOtherDate(received: Cancellation, policy: PolicyRecord, ctx: DateCheckContext): DateOutcome {
  const sentOn = received.messageDate;
  const requested = received.cancellationDate.date;
  const rejected = policy.rejectedCancellation;
  let proposal: FinalDateOutcome | undefined;
  if (rejected !== undefined) {
    const verdict = isCancellationOnTime({ kind: 'other-date', sentOn }, { originalSentOn: rejected.sentOn });
    const resendBy = resendDeadline(rejected.rejectedOn);
    const dates = { sentOn, originalSentOn: rejected.sentOn, rejectedOn: rejected.rejectedOn, otherDateDeadline: verdict.deadline, resendDeadline: resendBy };
    if (verdict.onTime && sentOn <= resendBy) {
      proposal = accept(explain('deadline.other-date-resend', dates, `The re-send per another date was sent ${sentOn}, within 3 weeks of the original (${verdict.deadline}) and 2 weeks of the rejection (${resendBy}), so ${requested} can be accepted.`));
    } else {
      const pattern = renewalPattern(policy);
      const late = !verdict.onTime
        ? `more than 3 weeks after the original cancellation of ${rejected.sentOn} (deadline ${otherDateResendDeadline(rejected.sentOn)})`
        : `more than 2 weeks after the rejection of ${rejected.rejectedOn} (deadline ${resendBy})`;
      if (pattern !== undefined) {
        const corrected = earliestOnTimeRenewal(pattern, sentOn, requested, noticeOptions(policy, ctx.calendar));
        proposal = acceptPer(corrected, 'normal', explain('accept.corrected-date', { ...dates, correctedDate: corrected }, `The re-send per another date was sent ${sentOn}, ${late}, so it is accepted per the renewal date ${corrected}.`), requested);
      }
    }
  }
  const why = explain('accept.free-text-manual', { sentOn }, `A cancellation per another date (DTM 288) carries free text${received.freeText ? '' : ' (missing here)'}, which must be read by a case handler.`);
  if (ctx.autoDecideFreeText && proposal !== undefined) return proposal;
  return { outcome: 'review', why, ...(proposal !== undefined ? { proposal } : {}), notes: [] };
}

/** Runs the date checks of the cancellation's basis. */
export function checkDates(received: Cancellation, policy: PolicyRecord, ctx: DateCheckContext): DateOutcome {
  switch (received.cancellationDate.basis) {
    case 'normal':
      return checkNormal(received, policy, ctx);
    case 'shortenedNotice':
      return checkShortened(received, policy, ctx);
    case 'withdrawal':
      return checkWithdrawal(received, policy, ctx);
    case 'otherDate':
      return checkOtherDate(received, policy, ctx);
  }
}
