/**
 * What the ceding insurer's own system knows about a policy: the input of the accept policy
 * ({@link decideOnCancellation}).
 *
 * @module
 */
import type { Address, Company, NamedParty } from '../messages/types/common.js';
import type { Branch, Matrikel } from '../messages/types/opsigelser.js';
import type { IsoDate } from './dates.js';

/**
 * The policy's status. Anything but `active` makes a cancellation a rejection with an ERC
 * that needs the end date (ERC 9, 10, 11, 12).
 */
export type PolicyStatus =
  | {
      /** In force: the cancellation is judged on its merits. */
      kind: 'active';
    }
  | {
      /** Already cancelled by another insurer: a cancellation is rejected with ERC 9. */
      kind: 'cancelled-by-company';
      /** The insurer whose cancellation was accepted (its VIR); the rejection names it. */
      company: Company;
      /** The day the policy ends by that cancellation (ophørsdato), sent in the rejection. */
      endDate: IsoDate;
    }
  | {
      /** Already cancelled by the policyholder: a cancellation is rejected with ERC 10. */
      kind: 'cancelled-by-holder';
      /** The day the policy ends (ophørsdato), sent in the rejection. */
      endDate: IsoDate;
    }
  | {
      /** Lapsed because of arrears: a cancellation is rejected with ERC 11. */
      kind: 'lapsed-arrears';
      /** The day the policy lapsed (ophørsdato), sent in the rejection. */
      endDate: IsoDate;
    }
  | {
      /** Lapsed for another reason: a cancellation is rejected with ERC 12. */
      kind: 'lapsed-other';
      /** The day the policy lapsed (ophørsdato), sent in the rejection. */
      endDate: IsoDate;
    };

/** A cancellation of this policy the ceding insurer already accepted. */
export interface AcceptedCancellation {
  /** Its case reference. */
  caseReference: string;
  /** The acquirer whose cancellation was accepted. */
  acquirer: Company;
  /** The date the policy ends by that cancellation (the accepted cancellation date). */
  cancellationDate: IsoDate;
  /** The message date (DTM 137) of that cancellation, to recognise a duplicate. */
  messageDate?: IsoDate;
}

/** A cancellation of this policy that the ceding insurer has received and not yet answered. */
export interface PendingCancellation {
  /** Its case reference. */
  caseReference: string;
  /** The acquirer that sent it. */
  acquirer: Company;
  /** Its message date (DTM 137). */
  messageDate: IsoDate;
}

/** An earlier cancellation of this policy that the ceding insurer rejected (for a re-send with DTM 288). */
export interface RejectedCancellation {
  /** Its case reference. */
  caseReference: string;
  /** The message date (DTM 137) of the original cancellation. */
  sentOn: IsoDate;
  /** The date the rejection was sent (its DTM 137); the acquirer is taken to receive it that day. */
  rejectedOn: IsoDate;
}

/**
 * For a policy we wrote by taking the customer over from another insurer (we are the "1st
 * acquirer" of section 2.6): where our own cancellation to the previous insurer stands, and the
 * dates a withdrawal (fortrydelse) is judged by.
 */
export interface Takeover {
  /** Our own cancellation to the previous insurer: still awaiting its accept, accepted, or none sent. */
  ownCancellation: 'awaiting-accept' | 'accepted' | 'none';
  /** The policy's start date with us (ikrafttrædelsesdato). */
  policyStart: IsoDate;
  /** The day the customer received policy and terms; default `policyStart`. */
  policyReceivedOn?: IsoDate;
}

/** The ceding insurer's own record of a policy. */
export interface PolicyRecord {
  /** The current policy number as we write it. */
  policyNumber: string;
  /** Numbers the policy had before a portfolio conversion. */
  oldPolicyNumbers?: readonly string[];
  /** Branch and product group (BRC) of the policy. */
  branch: Branch;
  /** Policyholders as we have them (1 or 2); the first is sent back in the accept. */
  holders: readonly NamedParty[];
  /** Registration number (motor). */
  registrationNumber?: string;
  /** Insured location (building). */
  insuredLocation?: Address;
  /** Matrikel number and ejerlav (building). */
  matrikel?: Matrikel;
  /** A private policy written in a company's name (no shortened notice, ERC 23). */
  writtenInCompanyName?: boolean;
  /** Status: active, already cancelled, lapsed. */
  status: PolicyStatus;
  /** A main renewal date (hovedforfald) of the policy, in any year; renewal dates recur every `renewalIntervalMonths`. */
  renewalDate?: IsoDate;
  /** Months between renewal dates; default 12. */
  renewalIntervalMonths?: number;
  /** Notice period in months for a normal cancellation; default 1. */
  noticeMonths?: number;
  /** An accepted cancellation of this policy. */
  acceptedCancellation?: AcceptedCancellation;
  /** An unanswered cancellation of this policy. */
  pendingCancellation?: PendingCancellation;
  /** The last cancellation of this policy we rejected. */
  rejectedCancellation?: RejectedCancellation;
  /** Set when we took the customer over from another insurer (withdrawal rules). */
  takeover?: Takeover;
}
