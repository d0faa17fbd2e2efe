/**
 * The state of one opsigelser case (one cancellation reference) and what each message does
 * to it: the case rules of Opsigelser guide 5.5 (sections 2.3, 2.4, 2.7, 2.9, 2.10).
 * Pure functions on a JSON-safe model; {@link OpsigelseCase} wraps them.
 *
 * @module
 */
import type { Cancellation, Opsigelse, OpsigelseAccept } from '../messages/types/opsigelser.js';
import type { GuideProfile } from '../schema/profile.js';
import { sameBranch } from './accept-identity.js';
import { checkBonusBlock, isBonusQueryAllowed } from './bonus.js';
import { sameData } from './canonical.js';
import type { IsoDate } from './dates.js';
import { earliestReminderDate, otherDateResendDeadline, replyDeadline, resendDeadline } from './deadlines.js';
import { explain, type Explanation } from './explanation.js';
import { unmaskPolicyNumber } from './policy-number.js';

/**
 * The state of a case:
 * `new` (nothing yet), `sent` (cancellation sent, unanswered), `reminded` (a reminder chases an
 * answer), `bonus-requested` (a bonus query awaits its answer), `answered` (the bonus answer
 * came; the cancellation, if any, is still unanswered), `accepted`, `accepted-with-date`
 * (accepted per another date), `rejected`, `re-sent` (a cancellation sent again after a
 * rejection, unanswered), `withdrawn` (a cancellation with withdrawal, DTM 294, accepted).
 */
export type OpsigelseCaseState =
  | 'new'
  | 'sent'
  | 'reminded'
  | 'bonus-requested'
  | 'answered'
  | 'accepted'
  | 'accepted-with-date'
  | 'rejected'
  | 're-sent'
  | 'withdrawn';

/** A request for claims data (DOC 11 with a 9, or a 13) and whether it was answered. */
export interface BonusRequest {
  /** A cancellation with DOC 11, or a bonus query (13). */
  via: 'cancellation' | 'bonusQuery';
  /** Its message date (DTM 137). */
  sentOn: IsoDate;
  /** The day the ceding insurer received it. */
  receivedOn: IsoDate;
  /** Claims are reported up to 5 years back from this date (cancellation date, or the query's policy end date). */
  referenceDate?: IsoDate;
  /** True once a bonus answer (or an accept with the bonus block, or a rejection) answered it. */
  answered: boolean;
}

/** The JSON-safe model of a case. */
export interface CaseModel {
  /** The state while no final answer exists (or `rejected` for a rejected pure bonus query). */
  activity: OpsigelseCaseState;
  /** VIR of the acquiring insurer (sends 9, 13, 15). */
  acquirer?: string;
  /** VIR of the ceding insurer (sends 11, 27, 29). */
  ceding?: string;
  /** Branch/product of the case's first cancellation or bonus query. */
  branch?: { group: string; product: string };
  /** Policy number of the case's cancellation or bonus query. */
  policyNumber?: string;
  /** The current cancellation and its final answer, if any. */
  cancellation?: {
    message: Cancellation;
    receivedOn: IsoDate;
    outcome?: 'accepted' | 'accepted-with-date' | 'rejected' | 'withdrawn';
  };
  /** Message date of the case's first cancellation (the 288 re-send window counts from it). */
  originalSentOn?: IsoDate;
  /** The last rejection. */
  rejection?: { messageDate: IsoDate; receivedOn: IsoDate; code: string };
  /** Every request for claims data in the case. */
  bonusRequests: BonusRequest[];
  /** The accept, to drop an identical second one. */
  lastAccept?: OpsigelseAccept;
}

/** The empty model of a new case. */
export function emptyModel(): CaseModel {
  return { activity: 'new', bonusRequests: [] };
}

/** The case state a model is in. */
export function stateOf(model: CaseModel): OpsigelseCaseState {
  return model.cancellation?.outcome ?? model.activity;
}

/** The states in which the case's cancellation was finally accepted (with or without another date, or as a withdrawal). */
export const ACCEPTED_STATES: ReadonlySet<OpsigelseCaseState> = new Set<OpsigelseCaseState>(['accepted', 'accepted-with-date', 'withdrawn']);

/**
 * The key of the policy a case concerns: ceding VIR and un-masked policy number. Cases with the
 * same key concern the same policy.
 */
export function policyKeyOf(cedingVir: string, policyNumber: string): string {
  return `${cedingVir}|${unmaskPolicyNumber(policyNumber)}`;
}

/** True while the case's cancellation awaits its accept or rejection. */
export function cancellationOutstanding(model: CaseModel): boolean {
  return model.cancellation !== undefined && model.cancellation.outcome === undefined;
}

/** The result of applying one message to a model. */
export interface Transition {
  /** `applied`, `refused` (state unchanged) or `ignored` (duplicate). */
  status: 'applied' | 'refused' | 'ignored';
  /** Broken rules (a refused message always has at least one). */
  violations: Explanation[];
  /** Why an ignored message was ignored. */
  ignoredBecause?: Explanation;
  /** The model after the message (the same model when refused or ignored). */
  model: CaseModel;
}

/** What the transitions need besides the model. */
export interface TransitionContext {
  /** The opsigelser profile (branch groups that may ask for claims data). */
  profile: GuideProfile;
}

const ACQUIRER_KINDS: ReadonlySet<string> = new Set(['cancellation', 'bonusQuery', 'reminder']);

function refused(model: CaseModel, ...violations: Explanation[]): Transition {
  return { status: 'refused', violations, model };
}

function applied(model: CaseModel, violations: Explanation[] = []): Transition {
  return { status: 'applied', violations, model };
}

/** An accept equal to the earlier one except for its message date: the second of "two identical accepts". */
export function isRepeatedAccept(model: CaseModel, message: Opsigelse): boolean {
  if (message.kind !== 'accept' || model.lastAccept === undefined) return false;
  return sameData({ ...model.lastAccept, messageDate: '' }, { ...message, messageDate: '' });
}

function checkParties(model: CaseModel, message: Opsigelse): Explanation | undefined {
  if (model.acquirer === undefined || model.ceding === undefined || message.kind === 'contentError') return undefined;
  const fromAcquirer = ACQUIRER_KINDS.has(message.kind);
  const [from, to] = fromAcquirer ? [model.acquirer, model.ceding] : [model.ceding, model.acquirer];
  if (message.sender.vir === from && message.recipient.vir === to) return undefined;
  if (message.kind === 'cancellation' && stateOf(model) === 'rejected' && message.sender.vir === model.acquirer) return undefined;
  return explain(
    'case.parties',
    {},
    `A ${message.kind} in this case goes from ${from} to ${to}, but this one goes from ${message.sender.vir} to ${message.recipient.vir}.`,
  );
}

function checkBranch(model: CaseModel, message: Opsigelse): Explanation | undefined {
  const b = model.branch;
  if (b === undefined || message.kind === 'contentError') return undefined;
  if (message.kind === 'cancellation' && stateOf(model) === 'rejected') return undefined;
  if (sameBranch(message.branch, b)) return undefined;
  return explain(
    'case.branch-unchanged',
    {},
    `The case's branch/product is ${b.group}:${b.product}; this ${message.kind} says ${message.branch.group}:${message.branch.product}.`,
  );
}

/** Applies one message (received on `receivedOn`) to the model; never throws on business data. */
export function transition(model: CaseModel, message: Opsigelse, receivedOn: IsoDate, ctx: TransitionContext): Transition {
  const next = structuredClone(model);
  if (next.acquirer === undefined && message.kind !== 'contentError') {
    const fromAcquirer = ACQUIRER_KINDS.has(message.kind);
    next.acquirer = fromAcquirer ? message.sender.vir : message.recipient.vir;
    next.ceding = fromAcquirer ? message.recipient.vir : message.sender.vir;
  }
  if (next.branch === undefined && (message.kind === 'cancellation' || message.kind === 'bonusQuery')) next.branch = { ...message.branch };
  const structural = [checkParties(next, message), checkBranch(next, message)].filter((v) => v !== undefined);
  if (structural.length > 0) return refused(model, ...structural);
  switch (message.kind) {
    case 'cancellation':
      return onCancellation(next, message, receivedOn, ctx);
    case 'bonusQuery': {
      const referenceDate = message.policyEndDate ?? next.cancellation?.message.cancellationDate.date;
      const request: BonusRequest = { via: 'bonusQuery', sentOn: message.messageDate, receivedOn, answered: false, ...(referenceDate !== undefined ? { referenceDate } : {}) };
      return onBonusRequest(next, request, message, ctx);
    }
    case 'reminder':
      return onReminder(next, message);
    case 'bonusAnswer':
      return onBonusAnswer(next, message);
    case 'accept':
      return onAccept(next, message);
    case 'rejection':
      return onRejection(next, message, receivedOn);
    case 'contentError':
      return applied(next);
  }
}

function onCancellation(model: CaseModel, message: Cancellation, receivedOn: IsoDate, ctx: TransitionContext): Transition {
  const state = stateOf(model);
  const samePolicy = model.policyNumber === undefined || unmaskPolicyNumber(model.policyNumber) === unmaskPolicyNumber(message.policyNumber);
  const earlier = model.cancellation?.message;
  if (state !== 'rejected' && !samePolicy) {
    return refused(model, explain('case.reference-reuse', {}, `The reference ${message.caseReference} already belongs to policy ${model.policyNumber ?? ''}; it may be reused for policy ${message.policyNumber} only after a rejection.`));
  }
  if (cancellationOutstanding(model) && earlier !== undefined) {
    return refused(model, explain('case.no-new-while-unanswered', { earlierSentOn: earlier.messageDate }, `The cancellation of ${earlier.messageDate} is still unanswered; send a reminder instead of a new cancellation.`));
  }
  if (ACCEPTED_STATES.has(state)) {
    return refused(model, explain('case.one-cancellation-per-policy', { earlierSentOn: earlier?.messageDate }, `The cancellation of ${earlier?.messageDate ?? 'this case'} was already accepted; only one EDI cancellation per policy is allowed.`));
  }
  const violations: Explanation[] = [];
  const sentOn = message.messageDate;
  const resend = state === 'rejected' && model.cancellation !== undefined;
  if (resend && message.cancellationDate.basis === 'otherDate' && model.rejection !== undefined) {
    const by = resendDeadline(model.rejection.receivedOn);
    if (sentOn > by) violations.push(explain('deadline.resend-after-rejection', { sentOn, rejectionReceivedOn: model.rejection.receivedOn, deadline: by }, `The corrected cancellation per another date was sent ${sentOn}, after the 2-week deadline ${by} from the rejection.`));
    const original = model.originalSentOn ?? sentOn;
    const window = otherDateResendDeadline(original);
    if (sentOn > window) violations.push(explain('deadline.other-date-resend', { sentOn, originalSentOn: original, deadline: window }, `The re-send per another date was sent ${sentOn}, more than 3 weeks after the original cancellation of ${original} (deadline ${window}).`));
  }
  model.cancellation = { message, receivedOn };
  model.policyNumber = message.policyNumber;
  model.originalSentOn ??= sentOn;
  model.branch = { ...message.branch };
  model.acquirer = message.sender.vir;
  model.ceding = message.recipient.vir;
  model.activity = resend ? 're-sent' : 'sent';
  if (message.claimsDataRequested === true) {
    const request: BonusRequest = { via: 'cancellation', sentOn, receivedOn, referenceDate: message.cancellationDate.date, answered: false };
    violations.push(...onBonusRequest(model, request, message, ctx).violations);
  }
  return applied(model, violations);
}

function onBonusRequest(model: CaseModel, request: BonusRequest, message: Opsigelse, ctx: TransitionContext): Transition {
  if (!isBonusQueryAllowed(message.branch, { profile: ctx.profile })) {
    return refused(model, explain('bonus.query-branch', {}, `Claims data cannot be requested for branch/product ${message.branch.group}:${message.branch.product}.`));
  }
  if (model.bonusRequests.length >= 2) {
    const dates = Object.fromEntries(model.bonusRequests.map((r, i) => [`request${i + 1}`, r.sentOn]));
    return refused(model, explain('case.bonus-query-max-2', dates, `Claims data were already requested twice in this case (${model.bonusRequests.map((r) => r.sentOn).join(' and ')}); a third request is not allowed.`));
  }
  model.bonusRequests.push(request);
  if (message.kind !== 'bonusQuery') return applied(model);
  model.policyNumber ??= message.policyNumber;
  model.activity = 'bonus-requested';
  // A query in a case without a cancellation is a pure one (section 2.7): it must give the policy end date.
  if (model.cancellation !== undefined || message.policyEndDate !== undefined) return applied(model);
  return applied(model, [
    explain('bonus.pure-query-end-date', { sentOn: message.messageDate }, `The bonus query of ${message.messageDate} is not sent with a cancellation, so it must give the policy end date (DTM 295).`),
  ]);
}

function onReminder(model: CaseModel, message: Extract<Opsigelse, { kind: 'reminder' }>): Transition {
  const sentOn = message.messageDate;
  for (const chased of message.chases) {
    const chasedOn =
      chased === 'cancellationAnswer'
        ? cancellationOutstanding(model)
          ? model.cancellation?.message.messageDate
          : undefined
        : model.bonusRequests.find((r) => !r.answered)?.sentOn;
    const what = chased === 'cancellationAnswer' ? 'the answer to the cancellation' : 'the bonus answer';
    if (chasedOn === undefined) {
      return refused(model, explain('case.reminder-needs-outstanding', {}, `The reminder chases ${what}, but nothing of that kind is outstanding.`));
    }
    const from = earliestReminderDate(chasedOn);
    if (sentOn < from) {
      return refused(model, explain('deadline.reminder-earliest', { chasedSentOn: chasedOn, sentOn, earliest: from }, `The reminder for ${what} was sent ${sentOn}, before ${from} (21 days after ${chasedOn}).`));
    }
  }
  model.activity = 'reminded';
  return applied(model);
}

function lateReply(kind: string, requestReceivedOn: IsoDate, sentOn: IsoDate): Explanation[] {
  const by = replyDeadline(requestReceivedOn);
  if (sentOn <= by) return [];
  return [explain('deadline.reply', { receivedOn: requestReceivedOn, sentOn, deadline: by }, `The ${kind} was sent ${sentOn}, after the 21-day deadline ${by}.`)];
}

function onBonusAnswer(model: CaseModel, message: Extract<Opsigelse, { kind: 'bonusAnswer' }>): Transition {
  const request = model.bonusRequests.find((r) => !r.answered);
  if (request === undefined) {
    return refused(model, explain('case.reply-needs-request', {}, 'The bonus answer answers no outstanding bonus query or cancellation with DOC 11.'));
  }
  request.answered = true;
  const violations = [
    ...lateReply('bonus answer', request.receivedOn, message.messageDate),
    ...checkBonusBlock(message.bonus, { messageDate: message.messageDate, messageKind: 'bonusAnswer', ...(request.referenceDate ? { referenceDate: request.referenceDate } : {}) }),
  ];
  model.activity = model.bonusRequests.some((r) => !r.answered) ? 'bonus-requested' : 'answered';
  return applied(model, violations);
}

function onAccept(model: CaseModel, message: OpsigelseAccept): Transition {
  const cancellation = model.cancellation;
  if (cancellation === undefined || cancellation.outcome !== undefined) {
    const why = cancellation?.outcome !== undefined ? `the cancellation was already ${cancellation.outcome}` : 'the case has no cancellation';
    return refused(model, explain('case.reply-needs-request', {}, `The accept answers nothing: ${why}.`));
  }
  const violations = lateReply('accept', cancellation.receivedOn, message.messageDate);
  const requested = cancellation.message.cancellationDate.date;
  const changedDate = message.correctedDate !== undefined && message.correctedDate.date !== requested;
  if (message.correctedDate !== undefined && !changedDate) {
    violations.push(explain('case.corrected-date-differs', { requestedDate: requested }, `The accept carries OSI ODC with the cancellation date ${requested}, which is the requested date; OSI ODC and its date are sent only when accepting per another date.`));
  }
  const basis = cancellation.message.cancellationDate.basis;
  if (changedDate && basis === 'withdrawal' && message.correctedDate?.basis !== 'withdrawal') {
    // Seed 002, 2.6: "Såvel ved opsigelse som ved accept (hvis der ændres dato) anvendes kode 294 i DTM segmentet."
    violations.push(explain('accept.withdrawal-date', { requestedDate: requested, correctedDate: message.correctedDate?.date }, `The accept changes the date of a withdrawal to ${message.correctedDate?.date ?? ''} under another date code (basis ${message.correctedDate?.basis ?? ''}); the changed date of a withdrawal is sent with code 294.`));
  }
  const request = model.bonusRequests.find((r) => r.via === 'cancellation' && !r.answered);
  if (request !== undefined && message.bonus !== undefined) {
    request.answered = true;
    const referenceDate = message.correctedDate?.date ?? cancellation.message.cancellationDate.date;
    violations.push(...checkBonusBlock(message.bonus, { referenceDate, messageDate: message.messageDate, messageKind: 'accept' }));
  } else if (request !== undefined) {
    // The request stays open: the acquirer may still chase the bonus answer.
    violations.push(
      explain('case.accept-needs-bonus', { requestSentOn: request.sentOn }, `The cancellation of ${request.sentOn} asked for claims data (DOC 11), which no bonus answer has given; the accept must carry the bonus block (SIF, underwriting date, last step change, claims).`),
    );
  } else if (message.bonus !== undefined && model.bonusRequests.length === 0) {
    // Supplements "afhængig af hvad der blev modtaget fra det overtagende selskab" (seed 002, 2.9.7): nothing asked for one.
    const sentOn = cancellation.message.messageDate;
    violations.push(
      explain('case.accept-bonus-unrequested', { cancellationSentOn: sentOn }, `The accept carries the bonus block (SIF …), but no claims data were asked for in this case: the cancellation of ${sentOn} has no DOC 11 and there is no bonus query.`),
    );
  }
  cancellation.outcome = basis === 'withdrawal' ? 'withdrawn' : changedDate ? 'accepted-with-date' : 'accepted';
  model.lastAccept = message;
  return applied(model, violations);
}

function onRejection(model: CaseModel, message: Extract<Opsigelse, { kind: 'rejection' }>, receivedOn: IsoDate): Transition {
  const cancellation = model.cancellation;
  if (cancellation !== undefined && cancellation.outcome === undefined) {
    const violations = lateReply('rejection', cancellation.receivedOn, message.messageDate);
    cancellation.outcome = 'rejected';
    for (const r of model.bonusRequests) if (r.via === 'cancellation' && r.sentOn === cancellation.message.messageDate) r.answered = true;
    model.rejection = { messageDate: message.messageDate, receivedOn, code: message.reasonCode };
    return applied(model, violations);
  }
  const query = cancellation === undefined ? model.bonusRequests.find((r) => r.via === 'bonusQuery' && !r.answered) : undefined;
  if (query !== undefined) {
    query.answered = true;
    model.activity = 'rejected';
    model.rejection = { messageDate: message.messageDate, receivedOn, code: message.reasonCode };
    return applied(model, lateReply('rejection', query.receivedOn, message.messageDate));
  }
  const why = cancellation?.outcome !== undefined ? `the cancellation was already ${cancellation.outcome}` : 'nothing is outstanding';
  return refused(model, explain('case.reply-needs-request', {}, `The rejection answers nothing: ${why}.`));
}
