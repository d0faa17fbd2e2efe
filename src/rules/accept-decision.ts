/**
 * The decisions of the accept policy ({@link decideOnCancellation}) and the small step
 * results its checks return.
 *
 * @module
 */
import type { Company } from '../messages/types/common.js';
import type { CancellationDate } from '../messages/types/opsigelser.js';
import type { IsoDate } from './dates.js';
import type { Explanation } from './explanation.js';
import type { PolicyRecord } from './policy-record.js';

/**
 * Named rejection reasons of the opsigelser profile (mapped to ERC codes through
 * `profile.rejectionReasons`): 9, 10, 11, 12, 19 and 23 are the guide's; the others are the
 * default profile's assumptions.
 */
export type RejectionReason =
  | 'alreadyCancelledByCompany'
  | 'alreadyCancelledByPolicyholder'
  | 'lapsedArrears'
  | 'lapsedOther'
  | 'withdrawalOriginalNotAccepted'
  | 'shortenedNoticePrivateOnly'
  | 'policyUnknown'
  | 'wrongBranch'
  | 'nameMismatch'
  | 'registrationMismatch'
  | 'locationMismatch'
  | 'cancellationAlreadyAccepted'
  | 'cancellationPending'
  | 'otherReason';

/** What every decision carries besides its own fields. */
export interface DecisionBase extends Explanation {
  /** Observations that did not change the decision (matched through an old number, matrikel differs, reply late, …). */
  notes: Explanation[];
  /** The policy the cancellation was matched to, when one was found. */
  policy?: PolicyRecord;
}

/** Accept the cancellation as requested: send a 29. */
export interface AcceptDecision extends DecisionBase {
  /** Send a 29 accepting the requested date (`toReply` builds it). */
  decision: 'accept';
}

/** Accept per another date: send a 29 with OSI ODC and the corrected date. */
export interface AcceptWithDateDecision extends DecisionBase {
  /** Send a 29 with the corrected date (`toReply` builds it). */
  decision: 'accept-with-date';
  /** The corrected cancellation date and its basis (294 for a withdrawal). */
  correctedDate: CancellationDate;
}

/** Reject: send a 27 with the reason's ERC code. */
export interface RejectDecision extends DecisionBase {
  /** Send a 27 with `code` (`toReply` builds it). */
  decision: 'reject';
  /** The named reason. */
  reason: RejectionReason;
  /** Its ERC code through the profile. */
  code: string;
  /** End date (ophørsdato), required with ERC 9, 10, 11 and 12. */
  endDate?: IsoDate;
  /** The company that already cancelled (ERC 9). */
  cancelledBy?: Company;
}

/** A decision the machine may send. */
export type ReplyableDecision = AcceptDecision | AcceptWithDateDecision | RejectDecision;

/**
 * A case handler must decide: the guide forbids deciding by machine here (a name rejection,
 * free text, a location error not yet verified) or facts are missing. `proposal` is what the
 * machine would send, when it can tell.
 */
export interface ManualReviewDecision extends DecisionBase {
  /** Send nothing yet: a person decides (`toReply` refuses it; send `proposal` after the check). */
  decision: 'manual-review';
  /** Every reason a person must look at. */
  reasons: Explanation[];
  /** The machine's proposal, to send after the check. */
  proposal?: ReplyableDecision;
}

/** A duplicate of a cancellation already received: ignore it without notice to the sender. */
export interface IgnoreDecision extends DecisionBase {
  /** Send nothing, ever: the cancellation repeats one already received. */
  decision: 'ignore';
}

/** The accept policy's decision on a received cancellation. */
export type CancellationDecision = AcceptDecision | AcceptWithDateDecision | RejectDecision | ManualReviewDecision | IgnoreDecision;

/** A rejection a check asks for (the reason and what the 27 needs). */
export interface RejectionSpec {
  /** The named reason. */
  reason: RejectionReason;
  /** End date for ERC 9–12. */
  endDate?: IsoDate;
  /** The company that already cancelled (ERC 9). */
  cancelledBy?: Company;
}

/** The outcome of one check of the accept policy. */
export type CheckOutcome =
  | { outcome: 'pass'; notes: Explanation[] }
  | { outcome: 'reject'; why: Explanation; rejection: RejectionSpec; notes: Explanation[] }
  | { outcome: 'review'; why: Explanation; proposal: 'accept' | RejectionSpec; notes: Explanation[] }
  | { outcome: 'ignore'; why: Explanation; notes: Explanation[] };

/** A check that passed, with optional notes. */
export function pass(notes: Explanation[] = []): CheckOutcome {
  return { outcome: 'pass', notes };
}
