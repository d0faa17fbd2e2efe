/**
 * Builders of the insurer's panthaver messages: accept (33), accept without fee (34) with
 * its receipt to the old lienholder (Z70), rejection (27) and the Z-notices about an
 * accepted declaration (Z10, Z11, Z12, Z15, Z20, Z40, Z50, Z60, Z80).
 */
import { panthaver52 } from '../../schema/profiles/index.js';
import type { FpMessage } from '../decode.js';
import { rejectionReasonCode, type GuideProfile } from '../profile.js';
import { declarationTypeCode, kindOfDocumentCode } from '../../schema/access.js';
import type { Company } from '../types/common.js';
import {
  acceptSchema,
  acceptWithoutFeeSchema,
  oldLienholderReceiptSchema,
  panthaverSchemas,
  PANTHAVER_KINDS,
  PANTHAVER_SENT_BY,
  rejectionSchema,
  type DeclarationNoticeKind,
  type Panthaver,
  type PanthaverKind,
  type PanthaverOf,
} from '../types/panthaver.js';
import { MessageBuildError } from '../wire/errors.js';
import { L_ACCEPT_MAX_DAYS, lAcceptDateProblem } from '../../schema/rule-facts.js';
import { addIsoDays, isRealIsoDate } from '../../syntax/calendar-date.js';
import { checkOptions, isString, type OptionCheck } from '../../syntax/options.js';
import { compact, finish, isOpsigelse, looksLikeCode, ownParty, profileOption, toFreeText, type TextInput } from './common.js';
import type { ReplyOptions } from './opsigelser.js';

/** Kinds the lienholder sends (the insurer answers them with the NADs swapped): 30, 31, 32, 36, 37, 38 ({@link PANTHAVER_SENT_BY}). */
export const LIENHOLDER_KINDS: readonly PanthaverKind[] = PANTHAVER_KINDS.filter((k) => PANTHAVER_SENT_BY[k] === 'lienholder');

/** Declaration fields an answer repeats from the declaration (identity, object, terms, debtor). */
const DECLARATION_COPY = [
  'declarationNumber', 'senderReference', 'policyNumber', 'debtorReference', 'specialAgreementNumber', 'registrationNumber',
  'chassisNumber', 'engineNumber', 'buildNumber', 'effectiveDate', 'lienType', 'declarationType', 'priority', 'coverType',
  'sumInsured', 'debtor',
] as const;

type DeclarationCopy = Partial<Pick<PanthaverOf<'newDeclaration'>, (typeof DECLARATION_COPY)[number]>>;

function copyDeclaration(received: Panthaver): DeclarationCopy {
  const out: Record<string, unknown> = {};
  for (const k of DECLARATION_COPY) out[k] = (received as Record<string, unknown>)[k];
  return out as DeclarationCopy;
}

function assertPanthaver(received: FpMessage, kinds: readonly PanthaverKind[], what: string): asserts received is Panthaver {
  if (isOpsigelse(received) || !kinds.includes(received.kind as PanthaverKind)) {
    throw new MessageBuildError(`${what} answers a panthaver ${kinds.join(' or ')}, not a ${received.kind}`);
  }
}

/** Options of {@link buildDeclarationAccept} and {@link buildAcceptWithoutFee}. */
export interface DeclarationAcceptOptions extends ReplyOptions {
  /**
   * acceptdato (DTM 7); default: the declaration's effective date. For an L declaration at most
   * receipt + 14 days, and exactly that when the accept is sent later (its default then); the
   * builder refuses any other (seed 001, 'Accept'), as the Declaration rules do (`deadline.l-accept-latest`).
   */
  effectiveDate?: string;
  /**
   * The day the declaration was received, `YYYY-MM-DD`, from which an L declaration's 14 days
   * count; default the received 30's or 32's message date (DTM 137), as `Declaration.apply`
   * defaults it. Needed for an L accept answering a reminder (31): the reminder is not the receipt.
   */
  receivedOn?: string;
  /** policenummer to add or correct. */
  policyNumber?: string;
  /** prioritet (Z91…) when it differs from the declared one. */
  priority?: string;
  /** dækningstype (ICD) of the insured object. */
  coverType?: string;
  /** forsikringssum in whole kroner (required for L). */
  sumInsured?: number;
  /** fri tekst. */
  text?: TextInput;
  /** The panthaver profile whose declaration-type codes say which declaration is an L; default the shipped one. */
  profile?: GuideProfile;
}

function acceptValue(kind: 'accept' | 'acceptWithoutFee', received: Panthaver, o: DeclarationAcceptOptions, l: LAccept | undefined): Record<string, unknown> {
  const base = copyDeclaration(received);
  // Accepted later than receipt + 14, an L declaration's acceptance date is receipt + 14 (seed 001, 'Accept').
  const lLatest = l !== undefined && o.messageDate > l.latest ? l.latest : undefined;
  return compact({
    kind,
    ...base,
    messageDate: o.messageDate,
    recipient: received.sender,
    sender: ownParty(received, o.ownVir),
    effectiveDate: o.effectiveDate ?? lLatest ?? base.effectiveDate,
    policyNumber: o.policyNumber ?? base.policyNumber,
    priority: o.priority ?? base.priority,
    coverType: o.coverType ?? base.coverType,
    sumInsured: o.sumInsured ?? base.sumInsured,
    freeText: o.text === undefined ? undefined : toFreeText(o.text),
    contact: o.contact,
  });
}

/** The checks of the accept builders' options beyond the profile. */
const ACCEPT_OPTION_CHECKS: readonly OptionCheck[] = [['receivedOn', (v) => isString(v) && isRealIsoDate(v as string), 'an ISO date YYYY-MM-DD']];

/** An accept of an L declaration: the profile's L code, the day the declaration was received and receipt + 14 days. */
interface LAccept {
  code: string;
  receivedOn: string;
  latest: string;
}

/**
 * The L facts of an accept of `received` when it is an L declaration (the L code of `profile`);
 * the receipt is `options.receivedOn`, else the declaration's message date — a reminder's is not.
 */
function lAccept(received: Panthaver, options: DeclarationAcceptOptions, profile: GuideProfile): LAccept | undefined {
  const code = declarationTypeCode(profile, 'L');
  if (code === undefined || copyDeclaration(received).declarationType !== code) return undefined;
  const receivedOn = options.receivedOn ?? (received.kind === 'reminder' ? undefined : received.messageDate);
  if (receivedOn === undefined) {
    throw new MessageBuildError(`the accept of an L declaration (${code}) answering a reminder (31) needs receivedOn, the day the declaration was received: the acceptance date (acceptdato, effectiveDate) is at most ${L_ACCEPT_MAX_DAYS} days later`);
  }
  return { code, receivedOn, latest: addIsoDays(receivedOn, L_ACCEPT_MAX_DAYS) };
}

/** An accept of an L declaration carries the sum insured (seed 001, 'Accept': "skal … indtaste en acceptdato og en forsikringssum"). */
function assertLSumInsured(value: Record<string, unknown>, l: LAccept | undefined): void {
  if (l !== undefined && value.sumInsured === undefined) {
    throw new MessageBuildError(`the accept of an L declaration (${l.code}) needs the sum insured (forsikringssum, sumInsured) in whole kroner`);
  }
}

/**
 * An accept of an L declaration has an acceptance date the Declaration rules take (the same
 * {@link lAcceptDateProblem}): at most receipt + 14 days, and exactly that when sent later.
 */
function assertLAcceptDate(accept: { messageDate: string; effectiveDate: string }, l: LAccept | undefined): void {
  if (l === undefined) return;
  const { code, receivedOn, latest } = l;
  const what = `the accept of an L declaration (${code}) received ${receivedOn}`;
  switch (lAcceptDateProblem(latest, accept.messageDate, accept.effectiveDate)) {
    case 'later-than-latest':
      throw new MessageBuildError(`${what} may have an acceptance date (acceptdato, effectiveDate) of at most ${latest}, ${L_ACCEPT_MAX_DAYS} days after receipt; got ${accept.effectiveDate}`);
    case 'late-accept-not-latest':
      throw new MessageBuildError(`${what} and sent ${accept.messageDate}, later than ${L_ACCEPT_MAX_DAYS} days after receipt, needs the acceptance date (acceptdato, effectiveDate) ${latest}; got ${accept.effectiveDate}`);
  }
}

/**
 * Builds the accept (33) of a received declaration (30, 32 or its reminder 31): NADs
 * swapped, the declaration's references, object, terms and debtor repeated, with the
 * acceptance date, policy number, priority, cover type and sum insured as given.
 * @throws MessageBuildError for an L declaration (the L code of `options.profile`, default the shipped panthaver profile) without a sum insured,
 *   with an acceptance date later than receipt + 14 days or, sent later than that, other than receipt + 14 (seed 001, 'Accept'),
 *   or answering a reminder (31) without `receivedOn`
 * @throws TypeError when `options.profile` is not a panthaver guide profile or `options.receivedOn` no ISO date
 */
export function buildDeclarationAccept(received: Panthaver, options: DeclarationAcceptOptions): PanthaverOf<'accept'> {
  const profile = profileOption(options, panthaver52, 'buildDeclarationAccept');
  checkOptions(options, ACCEPT_OPTION_CHECKS, 'buildDeclarationAccept');
  assertPanthaver(received, ['newDeclaration', 'changeOfLienholder', 'reminder'], 'an accept');
  const l = lAccept(received, options, profile);
  const value = acceptValue('accept', received, options, l);
  assertLSumInsured(value, l);
  const accept = finish(acceptSchema, value, 'an accept (33)');
  assertLAcceptDate(accept, l);
  return accept;
}

/** Options of {@link buildAcceptWithoutFee}. */
export interface AcceptWithoutFeeOptions extends DeclarationAcceptOptions {
  /** The old lienholder; default: the change of lienholder's NAD GPH. */
  oldLienholder?: Company;
  /** The old lienholder's declaration number, for the Z70; default: the received one. */
  oldDeclarationNumber?: string;
}

/**
 * Answers a change of lienholder (32): the accept without fee (34) to the new lienholder,
 * and the receipt (Z70) to the old lienholder (MR and NAD GPH = the old lienholder; its
 * cessation date = the takeover date).
 * @throws MessageBuildError when the old lienholder is neither given nor in the 32, or for an L declaration (the L code of `options.profile`) without a sum insured
 *   or with an acceptance date seed 001 'Accept' does not allow (see {@link buildDeclarationAccept})
 * @throws TypeError when `options.profile` is not a panthaver guide profile or `options.receivedOn` no ISO date
 */
export function buildAcceptWithoutFee(
  received: PanthaverOf<'changeOfLienholder'>,
  options: AcceptWithoutFeeOptions,
): {
  /** The accept without fee (34) to the new lienholder: the change of lienholder's sender. */
  accept: PanthaverOf<'acceptWithoutFee'>;
  /** The receipt (Z70) to the old lienholder; it needs an interchange of its own (`buildReplyInterchange` sends only to the received interchange's sender). */
  receipt: PanthaverOf<'oldLienholderReceipt'>;
} {
  const profile = profileOption(options, panthaver52, 'buildAcceptWithoutFee');
  checkOptions(options, ACCEPT_OPTION_CHECKS, 'buildAcceptWithoutFee');
  assertPanthaver(received, ['changeOfLienholder'], 'an accept without fee');
  const l = lAccept(received, options, profile);
  const value = acceptValue('acceptWithoutFee', received, options, l);
  assertLSumInsured(value, l);
  const accept = finish(acceptWithoutFeeSchema, value, 'an accept without fee (34)');
  assertLAcceptDate(accept, l);
  const old = options.oldLienholder ?? received.oldLienholder;
  if (old === undefined) throw new MessageBuildError('the receipt (Z70) needs the old lienholder: pass oldLienholder (the 32 has no NAD GPH)');
  const receipt = finish(
    oldLienholderReceiptSchema,
    compact({
      kind: 'oldLienholderReceipt',
      messageDate: options.messageDate,
      recipient: old,
      sender: accept.sender,
      declarationNumber: options.oldDeclarationNumber ?? received.declarationNumber,
      policyNumber: accept.policyNumber,
      cessationDate: accept.effectiveDate,
      debtor: received.debtor,
      oldLienholder: old,
      contact: options.contact,
    }),
    'a receipt to the old lienholder (Z70)',
  );
  return { accept, receipt };
}

/** Options of {@link buildDeclarationRejection}. */
export interface DeclarationRejectionOptions extends ReplyOptions {
  /** 1–3 reasons: named reasons of the profile or ERC codes. */
  reasons: readonly string[];
  /** Optional free text (not repeating the reasons). */
  text?: TextInput;
  /** The panthaver profile whose `rejectionReasons` name the reasons; default the shipped one. */
  profile?: GuideProfile;
}

/**
 * Builds the rejection (27) of a received declaration: 1–3 ERC reasons, NADs swapped,
 * declaration number, sender's reference and debtor repeated, optional free text.
 * Named reasons are looked up in the `rejectionReasons` of `options.profile` (default: the
 * shipped panthaver profile).
 * @throws MessageBuildError for 0 or more than 3 reasons, or an unknown named reason
 * @throws TypeError when `options.profile` is not a panthaver guide profile
 */
export function buildDeclarationRejection(received: Panthaver, options: DeclarationRejectionOptions): PanthaverOf<'rejection'> {
  const profile = profileOption(options, panthaver52, 'buildDeclarationRejection');
  assertPanthaver(received, ['newDeclaration', 'changeOfLienholder', 'reminder'], 'a rejection');
  if (options.reasons.length < 1 || options.reasons.length > 3) {
    throw new MessageBuildError(`a rejection carries 1 to 3 reasons, not ${options.reasons.length}`);
  }
  const reasons = options.reasons.map((r) => {
    const code = rejectionReasonCode(profile, r) ?? (looksLikeCode(r) ? r : undefined);
    if (code === undefined) throw new MessageBuildError(`rejection reason ${JSON.stringify(r)} is neither a named reason of profile ${profile.id} nor a code`);
    return code;
  });
  return finish(
    rejectionSchema,
    compact({
      kind: 'rejection',
      reasons,
      messageDate: options.messageDate,
      recipient: received.sender,
      sender: ownParty(received, options.ownVir),
      declarationNumber: received.declarationNumber,
      senderReference: received.senderReference,
      debtor: received.debtor,
      freeText: options.text === undefined ? undefined : toFreeText(options.text),
      contact: options.contact,
    }),
    'a rejection (27)',
  );
}

/**
 * Data of a Z-notice: the message date plus whatever the notice changes or reports, and the
 * panthaver profile whose document codes name the notices (`profile`, default the shipped one;
 * not a field of the notice).
 */
export type DeclarationNoticeData = {
  /** meddelelsesdato (DTM 137) of the notice, `YYYY-MM-DD`. */
  messageDate: string;
  /** fri tekst (FTX): one string or lines, cut into lines of at most 70 characters, five to an FTX (more than 25 lines is a `MessageBuildError`); or FTX segments of lines, taken as they are. */
  text?: TextInput;
  /** The panthaver profile whose document codes name the notices (`'Z40'` → `changeOfInsurer`); default the shipped one. */
  profile?: GuideProfile;
} & Partial<
  Omit<PanthaverOf<'administrativeCorrection'>, 'kind' | 'messageDate' | 'recipient' | 'sender' | 'declarationNumber' | 'freeText'>
>;

/**
 * Builds a notice about an accepted declaration (Z10, Z11, Z12, Z15, Z20, Z40, Z50, Z60,
 * Z70, Z80 — given as document code or kind name) to the lienholder. `declaration` is the
 * lienholder's declaration (NADs swapped) or our own accept of it (same direction); its
 * declaration number, policy number and debtor are repeated, then `data` is applied. A document
 * code is read through `data.profile` (default: the shipped panthaver profile).
 * @throws MessageEncodeError when the notice lacks what its kind needs (e.g. Z40 without newInsurer)
 * @throws TypeError when `data.profile` is not a panthaver guide profile
 */
export function buildDeclarationNotice(
  declaration: Panthaver,
  kind: DeclarationNoticeKind | 'Z10' | 'Z11' | 'Z12' | 'Z15' | 'Z20' | 'Z40' | 'Z50' | 'Z60' | 'Z70' | 'Z80' | (string & {}),
  data: DeclarationNoticeData,
): Panthaver {
  const profile = profileOption(data, panthaver52, 'buildDeclarationNotice');
  if (isOpsigelse(declaration)) throw new MessageBuildError('a declaration notice needs a panthaver message');
  const k = ((PANTHAVER_KINDS as readonly string[]).includes(kind) ? kind : kindOfDocumentCode(profile, kind)) as PanthaverKind | undefined;
  const notices: readonly string[] = [
    'coverageEndedArrears', 'coverageEndedComprehensive', 'coverageEndedOther', 'sumInsuredChanged', 'coverageRestored',
    'changeOfInsurer', 'administrativeCorrection', 'priorityChanged', 'insurerPortfolioTransfer', 'oldLienholderReceipt',
  ];
  if (k === undefined || !notices.includes(k)) throw new MessageBuildError(`${JSON.stringify(kind)} is not a declaration notice of profile ${profile.id}`);
  const fromLienholder = LIENHOLDER_KINDS.includes(declaration.kind);
  const { text, messageDate, profile: _profile, ...changes } = data;
  return finish(
    panthaverSchemas[k] as never,
    compact({
      kind: k,
      messageDate,
      recipient: fromLienholder ? declaration.sender : declaration.recipient,
      sender: fromLienholder ? declaration.recipient : declaration.sender,
      declarationNumber: declaration.declarationNumber,
      policyNumber: declaration.policyNumber,
      debtor: declaration.debtor,
      ...compact(changes),
      freeText: text === undefined ? undefined : toFreeText(text),
    }),
    `a ${kind} notice`,
  ) as Panthaver;
}
