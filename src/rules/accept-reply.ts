/**
 * From an accept-policy decision to the reply to send: the accept (29) or rejection (27),
 * built with the messages layer's builders.
 *
 * @module
 */
import { buildAccept, buildRejection } from '../messages/builders/opsigelser.js';
import type { NamedParty, Policyholder } from '../messages/types/common.js';
import type { Bonus, Cancellation, OpsigelseAccept, OpsigelseRejection } from '../messages/types/opsigelser.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile } from '../schema/profiles/index.js';
import type { CancellationDecision, ReplyableDecision } from './accept-decision.js';
import { checkOptions, TO_REPLY_OPTION_CHECKS } from './option-checks.js';

/** Options of {@link toReply}. */
export interface ToReplyOptions {
  /** The reply's message date (DTM 137), `YYYY-MM-DD`. */
  messageDate: string;
  /** The opsigelser profile (ERC codes); default `fp-opsigelser/5.5-reconstructed`. */
  profile?: GuideProfile;
  /** The bonus block for the accept, when the cancellation asked for claims data (DOC 11); see `buildBonusBlock`. */
  bonus?: Bonus;
  /** Contact person (CTA). */
  contact?: string;
  /** Our VIR number when it is not the cancellation's recipient. */
  ownVir?: string;
}

/**
 * Builds the reply a decision calls for: a 29 for `accept` and `accept-with-date` (with the
 * corrected date, and the policyholders, insured location and matrikel as the ceding insurer
 * has them), a 27 for `reject` (ERC code, end date for ERC 9–12, the company that cancelled for
 * ERC 9). Branch/product and case reference are copied unchanged.
 *
 * @throws TypeError for `manual-review` (send the reviewed `proposal` instead) and `ignore` (no reply)
 * @throws MessageBuildError / MessageEncodeError from the builders when the reply would be invalid
 */
export function toReply(decision: CancellationDecision, received: Cancellation, options: ToReplyOptions): OpsigelseAccept | OpsigelseRejection {
  checkOptions(options, TO_REPLY_OPTION_CHECKS, 'toReply');
  if (decision.decision === 'manual-review') {
    throw new TypeError('toReply: a manual-review decision has no reply; after the check, pass its proposal (or your own decision)');
  }
  if (decision.decision === 'ignore') {
    throw new TypeError('toReply: a duplicate is ignored without notice to the sender; there is no reply');
  }
  return replyTo(decision, received, options);
}

function replyTo(decision: ReplyableDecision, received: Cancellation, options: ToReplyOptions): OpsigelseAccept | OpsigelseRejection {
  const common = {
    messageDate: options.messageDate,
    ...(options.contact !== undefined ? { contact: options.contact } : {}),
    ...(options.ownVir !== undefined ? { ownVir: options.ownVir } : {}),
  };
  if (decision.decision === 'reject') {
    return buildRejection(received, {
      ...common,
      reason: decision.reason,
      ...(decision.endDate !== undefined ? { endDate: decision.endDate } : {}),
      ...(decision.cancelledBy !== undefined ? { cancelledBy: decision.cancelledBy } : {}),
      profile: options.profile ?? defaultProfile('opsigelser'),
    });
  }
  const policy = decision.policy;
  const [holder1, holder2] = policy?.holders ?? [];
  return buildAccept(received, {
    ...common,
    ...(decision.decision === 'accept-with-date' ? { correctedDate: decision.correctedDate } : {}),
    ...(holder1 !== undefined ? { policyholder: withAddress(holder1, received.policyholder1) } : {}),
    ...(holder2 !== undefined ? { policyholder2: holder2 } : {}),
    ...(policy?.insuredLocation !== undefined ? { insuredLocation: policy.insuredLocation } : {}),
    ...(policy?.matrikel !== undefined ? { matrikel: policy.matrikel } : {}),
    ...(options.bonus !== undefined ? { bonus: options.bonus } : {}),
  });
}

/**
 * Our policyholder 1 for the accept: our name and id, and our address when we hold one (street and
 * postcode), else the address the cancellation gave — the 29 must carry "forsikringstager 1 s navn
 * og adresse" (seed 002, 2.9.7) even when our record has no address.
 */
function withAddress(ours: NamedParty, received: Policyholder): Policyholder {
  if (ours.street !== undefined && ours.postcode !== undefined) return { ...ours, street: ours.street, postcode: ours.postcode };
  const { street, city, postcode, country } = received;
  const { street: _s, city: _c, postcode: _p, country: _k, ...named } = ours;
  return { ...named, street, postcode, ...(city !== undefined ? { city } : {}), ...(country !== undefined ? { country } : {}) };
}
