/**
 * Builders of opsigelser replies and follow-ups, each producing a complete typed message
 * from the message it answers: accept (29), rejection (27), bonus answer (11), content
 * error (12'er, also for panthaver), reminder (15) and bonus query (13).
 */
import type { ContentErrorCode } from '../../schema/profile.js';
import { opsigelser55 } from '../../schema/profiles/index.js';
import type { FpMessage } from '../decode.js';
import { rejectionReasonCode, type GuideProfile } from '../profile.js';
import type { Address, Company, NamedParty, Policyholder } from '../types/common.js';
import {
  acceptSchema,
  bonusAnswerSchema,
  bonusQuerySchema,
  contentErrorSchema,
  rejectionSchema,
  reminderSchema,
  type Bonus,
  type BonusAnswer,
  type BonusQuery,
  type Cancellation,
  type CancellationDate,
  type Matrikel,
  type OpsigelseAccept,
  type OpsigelseContentError,
  type OpsigelseRejection,
  type OpsigelseReminder,
} from '../types/opsigelser.js';
import { contentErrorSchema as pantContentErrorSchema, type PanthaverOf } from '../types/panthaver.js';
import { MessageBuildError } from '../wire/errors.js';
import { compact, finish, isOpsigelse, looksLikeCode, ownParty, profileOption, toFreeText, type TextInput } from './common.js';

/** Options every reply builder takes. */
export interface ReplyOptions {
  /** meddelelsesdato (DTM 137) of the reply, `YYYY-MM-DD`. */
  messageDate: string;
  /** Our VIR number when it differs from the received message's recipient. */
  ownVir?: string;
  /** kontaktperson (CTA). */
  contact?: string;
}

/**
 * What every reply to a received opsigelse carries: the case reference and BRC unchanged, the
 * received message's sender as first NAD (recipient), us as second NAD (sender).
 */
function replyHeader(received: Cancellation | BonusQuery, options: ReplyOptions) {
  return {
    caseReference: received.caseReference,
    messageDate: options.messageDate,
    recipient: received.sender,
    sender: ownParty(received, options.ownVir),
    branch: received.branch,
    contact: options.contact,
  };
}

function assertKind(received: FpMessage, kinds: readonly string[], what: string): void {
  if (!isOpsigelse(received) || !kinds.includes(received.kind)) {
    throw new MessageBuildError(`${what} answers an opsigelser ${kinds.join(' or ')}, not a ${received.kind}`);
  }
}

/**
 * The dates a bonus block must carry, by the kind that sends it (seed 002, 2.9.2: an 11 sends "DTM med tegningsdato
 * DTM med dato for sidste trinskift DTM med policens ophørsdato"; 2.9.7: a 29 with claims data "DTM med tegningsdato
 * DTM med dato for sidste trinskift"). The last step change is always there (the schema requires it, 293 when unknown).
 */
const BONUS_DATES: Record<'bonusAnswer' | 'accept', ReadonlyArray<readonly [keyof Bonus, string]>> = {
  bonusAnswer: [
    ['underwritingDate', 'the underwriting date (tegningsdato)'],
    ['policyEndDate', 'the policy end date (ophørsdato)'],
  ],
  accept: [['underwritingDate', 'the underwriting date (tegningsdato)']],
};

/** @throws MessageBuildError when `bonus` lacks a date its kind must send. */
function assertBonusDates(bonus: Bonus | undefined, kind: keyof typeof BONUS_DATES, what: string): void {
  if (bonus === undefined) return;
  const missing = BONUS_DATES[kind].filter(([field]) => bonus[field] === undefined).map(([, name]) => name);
  if (missing.length > 0) throw new MessageBuildError(`${what} needs ${missing.join(' and ')} in its bonus block`);
}

/** Options of {@link buildAccept}. */
export interface AcceptOptions extends ReplyOptions {
  /** Accept per another date than requested (OSI ODC + DTM): a date (basis as requested) or date and basis. */
  correctedDate?: string | CancellationDate;
  /** Bonus information, when a bonus query came with the cancellation; it must carry the underwriting date. */
  bonus?: Bonus;
  /** forsikringstager 1 as we (the ceding insurer) have it, with its address; default: as received. */
  policyholder?: Policyholder;
  /** forsikringstager 2 as we have it; default: as received. */
  policyholder2?: NamedParty;
  /** forsikringssted as we have it; default: as received. */
  insuredLocation?: Address;
  /** matrikelnummer and ejerlav as we have them; default: as received. */
  matrikel?: Matrikel;
}

/**
 * Builds the accept (29) of a received cancellation (9): first NAD = the acquirer (the 9's
 * sender), second = us (the 9's recipient); case reference and BRC copied unchanged.
 * @throws MessageBuildError when the corrected date is the requested one, or the bonus block lacks the underwriting date
 *
 * @example buildAccept(received9, { messageDate: '2024-12-03' })
 */
export function buildAccept(received: Cancellation, options: AcceptOptions): OpsigelseAccept {
  assertKind(received, ['cancellation'], 'an accept');
  const corrected =
    options.correctedDate === undefined
      ? undefined
      : typeof options.correctedDate === 'string'
        ? { date: options.correctedDate, basis: received.cancellationDate.basis }
        : options.correctedDate;
  if (corrected !== undefined && corrected.date === received.cancellationDate.date) {
    // OSI ODC and its DTM are sent "only when accepting per another date" (seed 002, Accept).
    throw new MessageBuildError(`an accept (29) per another date needs another date than the requested ${corrected.date}; accept without correctedDate instead`);
  }
  assertBonusDates(options.bonus, 'accept', 'an accept (29)');
  return finish(
    acceptSchema,
    compact({
      kind: 'accept',
      ...replyHeader(received, options),
      correctedDate: corrected,
      policyholder1: options.policyholder ?? received.policyholder1,
      policyholder2: options.policyholder2 ?? received.policyholder2,
      insuredLocation: options.insuredLocation ?? received.insuredLocation,
      matrikel: options.matrikel ?? received.matrikel,
      bonus: options.bonus,
    }),
    'an accept (29)',
  );
}

/** Named rejection reasons whose ERC code requires the end date (ERC 9, 10, 11, 12). */
export const END_DATE_REASONS = ['alreadyCancelledByCompany', 'alreadyCancelledByPolicyholder', 'lapsedArrears', 'lapsedOther'] as const;

/** Options of {@link buildRejection}. */
export interface RejectionOptions extends ReplyOptions {
  /** A named reason of the profile (`'lapsedArrears'`) or an ERC code (`'11'`). */
  reason: string;
  /** ophørsdato (DTM 295): required for ERC 9–12. */
  endDate?: string;
  /** The company that already cancelled (third NAD OPS), only with ERC 9: a company or its VIR number. */
  cancelledBy?: Company | string;
  /** The opsigelser profile whose `rejectionReasons` name the reasons; default the shipped one. */
  profile?: GuideProfile;
}

/**
 * Builds the rejection (27) of a received cancellation (9) or bonus query (13). A named reason
 * is looked up in the `rejectionReasons` of `options.profile` (default: the shipped opsigelser
 * profile).
 * @throws MessageBuildError when the reason is unknown, when ERC 9–12 comes without an end
 *   date, or when `cancelledBy` comes with another reason than ERC 9
 * @throws TypeError when `options.profile` is not an opsigelser guide profile
 */
export function buildRejection(received: Cancellation | BonusQuery, options: RejectionOptions): OpsigelseRejection {
  const profile = profileOption(options, opsigelser55, 'buildRejection');
  assertKind(received, ['cancellation', 'bonusQuery'], 'a rejection');
  const code = rejectionReasonCode(profile, options.reason) ?? (looksLikeCode(options.reason) ? options.reason : undefined);
  if (code === undefined) throw new MessageBuildError(`rejection reason ${JSON.stringify(options.reason)} is neither a named reason of profile ${profile.id} nor an ERC code`);
  const needsEnd = END_DATE_REASONS.map((n) => rejectionReasonCode(profile, n)).includes(code);
  if (needsEnd && options.endDate === undefined) {
    throw new MessageBuildError(`a rejection with ERC ${code} requires the end date (ophørsdato, endDate)`);
  }
  const byCompany = rejectionReasonCode(profile, 'alreadyCancelledByCompany');
  if (options.cancelledBy !== undefined && code !== byCompany) {
    throw new MessageBuildError(`the company that already cancelled (NAD OPS) is only sent with ERC ${byCompany ?? '9'}, not ${code}`);
  }
  const cancelledBy = typeof options.cancelledBy === 'string' ? { vir: options.cancelledBy } : options.cancelledBy;
  return finish(
    rejectionSchema,
    compact({
      kind: 'rejection',
      ...replyHeader(received, options),
      reasonCode: code,
      endDate: options.endDate,
      cancelledBy,
    }),
    'a rejection (27)',
  );
}

/** Options of {@link buildBonusAnswer}. */
export interface BonusAnswerOptions extends ReplyOptions {
  /** The bonus information (premium step, claim-free years, dates, claims); it must carry the underwriting date and the policy end date. */
  bonus: Bonus;
  /** forsikringstager 1 as we have it, with its address; default: as received. */
  policyholder?: Policyholder;
  /** forsikringstager 2 as we have it; default: as received. */
  policyholder2?: NamedParty;
}

/**
 * Builds the bonus answer (11) to a received bonus query (13) or cancellation with DOC 11 (9).
 * @throws MessageBuildError when the bonus block lacks the underwriting date or the policy end date
 */
export function buildBonusAnswer(received: BonusQuery | Cancellation, options: BonusAnswerOptions): BonusAnswer {
  assertKind(received, ['bonusQuery', 'cancellation'], 'a bonus answer');
  assertBonusDates(options.bonus, 'bonusAnswer', 'a bonus answer (11)');
  return finish(
    bonusAnswerSchema,
    compact({
      kind: 'bonusAnswer',
      ...replyHeader(received, options),
      policyholder1: options.policyholder ?? received.policyholder1,
      policyholder2: options.policyholder2 ?? received.policyholder2,
      bonus: options.bonus,
    }),
    'a bonus answer (11)',
  );
}

/** Options of {@link buildContentError}. */
export interface ContentErrorOptions extends ReplyOptions {
  /** F01–F05. */
  code: ContentErrorCode;
  /** Explanation (FTX): recommended with F02 and F03. */
  text?: TextInput;
}

/**
 * Builds the 12'er refusing a received message of either exchange: NADs swapped (the
 * received sender becomes the first NAD), case reference and BRC (opsigelser) or
 * declaration number and sender's reference (panthaver) copied, optional FTX — and nothing
 * else of the refused message.
 */
export function buildContentError(received: FpMessage, options: ContentErrorOptions): OpsigelseContentError | PanthaverOf<'contentError'> {
  const common = {
    kind: 'contentError',
    messageDate: options.messageDate,
    recipient: received.sender,
    sender: ownParty(received, options.ownVir),
    errorCode: options.code,
    freeText: options.text === undefined ? undefined : toFreeText(options.text),
    contact: options.contact,
  };
  if (isOpsigelse(received)) {
    return finish(contentErrorSchema, compact({ ...common, caseReference: received.caseReference, branch: received.branch }), "a 12'er");
  }
  return finish(
    pantContentErrorSchema,
    compact({ ...common, declarationNumber: received.declarationNumber, senderReference: received.senderReference }),
    "a 12'er",
  );
}

/** Options of {@link buildReminder}. */
export interface ReminderOptions {
  /** meddelelsesdato of the reminder. */
  messageDate: string;
  /** What is chased; default: a 9 → its answer (and the bonus answer with DOC 11), a 13 → the bonus answer. */
  chases?: Array<'cancellationAnswer' | 'bonusAnswer'>;
  /** kontaktperson (CTA). */
  contact?: string;
}

/** Builds the reminder (15) chasing the answer to our own cancellation (9) or bonus query (13); same direction and case. */
export function buildReminder(original: Cancellation | BonusQuery, options: ReminderOptions): OpsigelseReminder {
  assertKind(original, ['cancellation', 'bonusQuery'], 'a reminder');
  const chases =
    options.chases ??
    (original.kind === 'cancellation'
      ? (['cancellationAnswer', ...(original.claimsDataRequested ? ['bonusAnswer'] : [])] as Array<'cancellationAnswer' | 'bonusAnswer'>)
      : ['bonusAnswer' as const]);
  return finish(
    reminderSchema,
    compact({
      kind: 'reminder',
      caseReference: original.caseReference,
      messageDate: options.messageDate,
      recipient: original.recipient,
      sender: original.sender,
      branch: original.branch,
      contact: options.contact,
      chases,
    }),
    'a reminder (15)',
  );
}

/** What a bonus query is built from: our cancellation of the case, or the same fields by hand. */
export type BonusQuerySource = Pick<Cancellation, 'caseReference' | 'recipient' | 'sender' | 'branch' | 'policyholder1' | 'policyNumber'> &
  Partial<Pick<Cancellation, 'policyholder2' | 'registrationNumber'>>;

/** Options of {@link buildBonusQuery}. */
export interface BonusQueryOptions {
  /** meddelelsesdato of the query. */
  messageDate: string;
  /** policens ophørsdato (DTM 295): required on a pure bonus query (one not sent with a 9). */
  policyEndDate?: string;
  /** kontaktperson (CTA). */
  contact?: string;
}

/** Builds a bonus query (13) for a case: same parties, case, policyholders, policy and registration number, BRC. */
export function buildBonusQuery(source: BonusQuerySource, options: BonusQueryOptions): BonusQuery {
  return finish(
    bonusQuerySchema,
    compact({
      kind: 'bonusQuery',
      caseReference: source.caseReference,
      messageDate: options.messageDate,
      recipient: source.recipient,
      sender: source.sender,
      branch: source.branch,
      contact: options.contact,
      policyEndDate: options.policyEndDate,
      policyholder1: source.policyholder1,
      policyholder2: source.policyholder2,
      policyNumber: source.policyNumber,
      registrationNumber: source.registrationNumber,
    }),
    'a bonus query (13)',
  );
}
