/**
 * The state of one panthaverdeklaration (lienholder declaration) and what each message does to
 * it: the transition rules of the Panthaver Web-EDI user guide (seed 001). Pure functions on a
 * JSON-safe model; {@link Declaration} wraps them.
 *
 * @module
 */
import { declarationTypeLetters } from '../schema/access.js';
import { panthaver52 } from '../schema/profiles/index.js';
import { lAcceptDateProblem } from '../schema/rule-facts.js';
import type { Panthaver, PanthaverOf } from '../messages/types/panthaver.js';
import { addDays, type IsoDate } from './dates.js';
import { earliestChangeOfInsurerDate, latestLAcceptDate, lienholderReminderDate } from './deadlines.js';
import { misrouted } from './declaration-parties.js';
import { explain, type Explanation } from './explanation.js';

/**
 * The state (forhold) of a declaration: `ubesvaret` (created, not answered), `aktivt` (valid),
 * `midlertidigt` (rejected so late that there is cover for a period), `under skift` (sent to a
 * new insurer after a change of insurer, not yet answered), `historisk` (no longer valid between
 * the two parties); `new` before any message.
 */
export type DeclarationState = 'new' | 'ubesvaret' | 'aktivt' | 'midlertidigt' | 'under skift' | 'historisk';

/** Declaration type letters (B, F, R, D, E, L). */
export type DeclarationLetter = 'B' | 'F' | 'R' | 'D' | 'E' | 'L';

/** The shipped panthaver profile's declaration type codes (code → letter); another profile's are `new Declaration({ profile })`'s default. */
export const DEFAULT_DECLARATION_LETTERS: Readonly<Record<string, DeclarationLetter>> = Object.freeze(declarationTypeLetters(panthaver52));

/** Settings of the declaration rules where the guide refers to non-public terms. */
export interface DeclarationSettings {
  /** Declaration type code → letter; default {@link DEFAULT_DECLARATION_LETTERS}. */
  declarationTypeLetters: Readonly<Record<string, DeclarationLetter>>;
  /** Days after receipt after which a rejection leaves the declaration `midlertidigt`, per type; none by default. */
  rejectionDeadlineDays: Readonly<Partial<Record<DeclarationLetter, number>>>;
  /** Days after "lien ended" within which a re-registration is allowed; default 14. */
  reRegistrationWindowDays: number;
}

/** The JSON-safe model of a declaration. */
export interface DeclarationModel {
  /** The current state. */
  state: DeclarationState;
  /** Declaration type code (ATT DKL), e.g. `ZLL`. */
  declarationType?: string;
  /** The insurer holding the declaration (VIR). */
  insurer?: string;
  /** The lienholder holding the declaration: its id as its NAD carries it (a VIR number, or its CVR number when named `::CVR`). */
  lienholder?: string;
  /** Message date of the declaration (or of its sending to a new insurer) awaiting an answer. */
  createdOn?: IsoDate;
  /** Day that declaration was received. */
  receivedOn?: IsoDate;
  /** The kind of coverage-ended message in force, with its cessation date. */
  coverageEnded?: { kind: string; date: IsoDate };
  /** A change of insurer (Z40) in force: the policy's end date and the new insurer. */
  changeOfInsurer?: { endDate: IsoDate; newInsurer: string };
  /** A "lien ended" that a re-registration may undo. */
  lienEnded?: { on: IsoDate; stateBefore: DeclarationState };
  /** Current terms (data a Z50 may not change), for the administrative-correction check. */
  terms: { coverType?: string; priority?: string; sumInsured?: number; effectiveDate?: IsoDate; specialAgreementNumber?: string; lienAmount?: string };
}

/** The result of applying one message. */
export interface DeclarationTransition {
  /** `applied`, or `refused` (state unchanged). */
  status: 'applied' | 'refused';
  /** The broken rules (at least one when refused). */
  violations: Explanation[];
  /** The model after the message (the unchanged model when refused). */
  model: DeclarationModel;
}

/** The model of a declaration no message has touched. */
export function emptyDeclaration(): DeclarationModel {
  return { state: 'new', terms: {} };
}

/** The declaration type letter of a model, if its type is known. */
export function letterOf(model: DeclarationModel, settings: DeclarationSettings): DeclarationLetter | undefined {
  return model.declarationType === undefined ? undefined : settings.declarationTypeLetters[model.declarationType];
}

const ACTIVE: readonly DeclarationState[] = ['aktivt', 'midlertidigt'];
const AWAITING: readonly DeclarationState[] = ['ubesvaret', 'under skift'];
/** Registered with an insurer: in force, or moving to a new insurer (Z20 applies). */
const REGISTERED: readonly DeclarationState[] = [...ACTIVE, 'under skift'];

function refused(model: DeclarationModel, why: Explanation): DeclarationTransition {
  return { status: 'refused', violations: [why], model };
}

function applied(model: DeclarationModel): DeclarationTransition {
  return { status: 'applied', violations: [], model };
}

function notAccepted(model: DeclarationModel, message: Panthaver): DeclarationTransition {
  return refused(model, explain('declaration.notice-needs-accepted', {}, `A ${message.kind} is sent on an accepted declaration; this one is ${model.state}.`));
}

/** Applies one message (received on `receivedOn`) to a declaration model; never throws on business data. */
export function declarationTransition(model: DeclarationModel, message: Panthaver, receivedOn: IsoDate, settings: DeclarationSettings): DeclarationTransition {
  const wrongParty = misrouted(model, message);
  if (wrongParty !== undefined) return refused(model, wrongParty);
  const next = structuredClone(model);
  const letter = letterOf(next, settings);
  switch (message.kind) {
    case 'newDeclaration':
    case 'changeOfLienholder':
      return onDeclaration(next, message, receivedOn);
    case 'reminder':
      return onReminder(next, message);
    case 'accept':
    case 'acceptWithoutFee':
      return onAccept(next, message, letter);
    case 'rejection':
      return onRejection(next, message, letter, settings);
    case 'lienEnded':
      if (next.state === 'new' || next.state === 'historisk' || next.state === 'ubesvaret') {
        return refused(model, explain('declaration.lien-ended', {}, `A lien can only end on a registered declaration; this one is ${next.state}.`));
      }
      next.lienEnded = { on: message.messageDate, stateBefore: next.state };
      next.state = 'historisk';
      return applied(next);
    case 'reRegistration':
      return onReRegistration(next, message, settings);
    case 'lienholderPortfolioTransfer':
    case 'insurerPortfolioTransfer': {
      // "alle aktive, elektroniske deklarationer flyttes" (seed 001, both 'Portefølgeoverdragelse' sections).
      if (next.state !== 'aktivt') {
        const rule = message.kind === 'insurerPortfolioTransfer' ? 'declaration.insurer-portfolio' : 'declaration.lienholder-portfolio';
        return refused(model, explain(rule, {}, `Only aktivt declarations are moved in a portfolio transfer; this one is ${next.state}.`));
      }
      if (message.kind === 'insurerPortfolioTransfer') next.insurer = message.sender.vir;
      else next.lienholder = message.sender.vir;
      return applied(next);
    }
    case 'coverageEndedArrears':
    case 'coverageEndedComprehensive':
    case 'coverageEndedOther':
      if (!ACTIVE.includes(next.state)) return notAccepted(model, message);
      if (message.coverType !== undefined && (letter === 'D' || letter === 'E' || letter === 'L')) {
        return refused(model, explain('declaration.cover-type-not-del', {}, `A new cover type (${message.coverType}) cannot be given on a ${letter} declaration.`));
      }
      next.coverageEnded = { kind: message.kind, date: message.cessationDate };
      if (message.coverType !== undefined) next.terms.coverType = message.coverType;
      return applied(next);
    case 'sumInsuredChanged':
      if (letter !== 'L') return refused(model, explain('declaration.sum-change-only-l', {}, `Z15 (sum insured changed) is only for L declarations; this one is ${letter ?? 'of unknown type'}.`));
      if (!ACTIVE.includes(next.state)) return notAccepted(model, message);
      next.terms.sumInsured = message.sumInsured;
      return applied(next);
    case 'coverageRestored':
      // A notice on a declaration in force, or under a change of insurer the customer regrets.
      if (!REGISTERED.includes(next.state)) return notAccepted(model, message);
      if (next.coverageEnded === undefined && next.changeOfInsurer === undefined) {
        return refused(model, explain('declaration.restore-needs-end', {}, 'Z20 (coverage restored) needs a preceding coverage-ended message (Z10, Z11, Z12) or change of insurer (Z40).'));
      }
      delete next.coverageEnded;
      delete next.changeOfInsurer;
      if (next.state === 'under skift') next.state = 'aktivt';
      return applied(next);
    case 'changeOfInsurer': {
      if (next.state !== 'aktivt') return notAccepted(model, message);
      const earliest = earliestChangeOfInsurerDate(message.cessationDate);
      if (message.messageDate < earliest) {
        return refused(model, explain('deadline.change-of-insurer-earliest', { sentOn: message.messageDate, policyEnd: message.cessationDate, earliest }, `The change of insurer was sent ${message.messageDate}, more than 30 days before the policy ends ${message.cessationDate} (earliest ${earliest}).`));
      }
      next.changeOfInsurer = { endDate: message.cessationDate, newInsurer: message.newInsurer.vir };
      return applied(next);
    }
    case 'administrativeCorrection':
      return onCorrection(next, message, model);
    case 'priorityChanged':
      if (!ACTIVE.includes(next.state)) return notAccepted(model, message);
      next.terms.priority = message.priority;
      return applied(next);
    case 'oldLienholderReceipt':
      if (!(next.state === 'new' || ACTIVE.includes(next.state))) {
        return refused(model, explain('declaration.old-lienholder-historic', {}, `The receipt to the old lienholder (Z70) ends a registered declaration; this one is ${next.state}.`));
      }
      next.state = 'historisk';
      return applied(next);
    case 'contentError':
      return applied(next);
  }
}

function onDeclaration(model: DeclarationModel, message: PanthaverOf<'newDeclaration'> | PanthaverOf<'changeOfLienholder'>, receivedOn: IsoDate): DeclarationTransition {
  const toNewInsurer = message.kind === 'newDeclaration' && model.state === 'aktivt' && model.changeOfInsurer !== undefined && message.recipient.vir !== model.insurer;
  const newInsurer = model.changeOfInsurer?.newInsurer;
  if (toNewInsurer && message.recipient.vir !== newInsurer) {
    return refused(model, explain('declaration.change-of-insurer', {}, `After the change of insurer the declaration goes to the new insurer ${newInsurer}, not to ${message.recipient.vir}.`));
  }
  if (!toNewInsurer && model.state !== 'new' && model.state !== 'historisk') {
    return refused(model, explain('declaration.number-in-use', {}, `Declaration ${message.declarationNumber} is already ${model.state}; a new declaration needs a new number.`));
  }
  const fresh: DeclarationModel = toNewInsurer ? model : emptyDeclaration();
  fresh.state = toNewInsurer ? 'under skift' : 'ubesvaret';
  fresh.declarationType = message.declarationType;
  fresh.lienholder = message.sender.vir;
  if (!toNewInsurer) fresh.insurer = message.recipient.vir;
  fresh.createdOn = message.messageDate;
  fresh.receivedOn = receivedOn;
  fresh.terms = { ...fresh.terms, ...termsOf(message, ['priority', 'coverType', 'specialAgreementNumber', 'lienAmount']) };
  return applied(fresh);
}

function onReminder(model: DeclarationModel, message: PanthaverOf<'reminder'>): DeclarationTransition {
  if (!AWAITING.includes(model.state) || model.createdOn === undefined) {
    return refused(model, explain('declaration.reminder-needs-outstanding', {}, `A reminder chases an unanswered declaration; this one is ${model.state}.`));
  }
  const from = lienholderReminderDate(model.createdOn);
  if (message.messageDate < from) {
    return refused(model, explain('deadline.lienholder-reminder', { createdOn: model.createdOn, sentOn: message.messageDate, earliest: from }, `The reminder was sent ${message.messageDate}, before ${from}: the insurer has 20 days from the declaration of ${model.createdOn} to answer.`));
  }
  return applied(model);
}

function onAccept(model: DeclarationModel, message: PanthaverOf<'accept'> | PanthaverOf<'acceptWithoutFee'>, letter: DeclarationLetter | undefined): DeclarationTransition {
  if (!AWAITING.includes(model.state)) {
    return refused(model, explain('declaration.answer-needs-request', {}, `An accept answers an unanswered declaration; this one is ${model.state}.`));
  }
  if (letter === 'L') {
    if (message.sumInsured === undefined) return refused(model, explain('declaration.l-accept', {}, 'The accept of an L declaration must give the sum insured.'));
    const latest = latestLAcceptDate(model.receivedOn ?? message.messageDate);
    // The same check as the builders' (seed 001, 'Accept'): at most receipt + 14; accepted later, exactly receipt + 14.
    switch (lAcceptDateProblem(latest, message.messageDate, message.effectiveDate)) {
      case 'later-than-latest':
        return refused(model, explain('deadline.l-accept-latest', { receivedOn: model.receivedOn, acceptDate: message.effectiveDate, latest }, `The acceptance date ${message.effectiveDate} of the L declaration is later than ${latest}, 14 days after receipt.`));
      case 'late-accept-not-latest':
        return refused(model, explain('deadline.l-accept-latest', { receivedOn: model.receivedOn, sentOn: message.messageDate, acceptDate: message.effectiveDate, latest }, `The L declaration is accepted ${message.messageDate}, later than 14 days after receipt, so its acceptance date must be ${latest}, not ${message.effectiveDate}.`));
    }
  }
  if (model.state === 'under skift') {
    model.insurer = message.sender.vir;
    delete model.changeOfInsurer;
    delete model.coverageEnded;
  }
  model.state = 'aktivt';
  model.terms = {
    ...model.terms,
    effectiveDate: message.effectiveDate,
    ...termsOf(message, ['priority', 'coverType', 'sumInsured', 'specialAgreementNumber', 'lienAmount']),
  };
  return applied(model);
}

function onRejection(model: DeclarationModel, message: PanthaverOf<'rejection'>, letter: DeclarationLetter | undefined, settings: DeclarationSettings): DeclarationTransition {
  if (!AWAITING.includes(model.state)) {
    return refused(model, explain('declaration.answer-needs-request', {}, `A rejection answers an unanswered declaration; this one is ${model.state}.`));
  }
  if (model.state === 'under skift') {
    model.state = 'aktivt';
    return applied(model);
  }
  const days = letter === undefined ? undefined : settings.rejectionDeadlineDays[letter];
  const late = days !== undefined && model.receivedOn !== undefined && message.messageDate > addDays(model.receivedOn, days);
  model.state = late ? 'midlertidigt' : 'historisk';
  return applied(model);
}

function onReRegistration(model: DeclarationModel, message: PanthaverOf<'reRegistration'>, settings: DeclarationSettings): DeclarationTransition {
  const ended = model.lienEnded;
  if (model.state !== 'historisk' || ended === undefined) {
    return refused(model, explain('declaration.re-registration', {}, 'A re-registration undoes a "lien ended"; this declaration has none to undo.'));
  }
  const latest = addDays(ended.on, settings.reRegistrationWindowDays);
  if (message.messageDate > latest) {
    return refused(model, explain('declaration.re-registration', { lienEndedOn: ended.on, sentOn: message.messageDate, latest }, `The re-registration of ${message.messageDate} comes too long after the "lien ended" of ${ended.on} (latest ${latest}).`));
  }
  model.state = ended.stateBefore;
  delete model.lienEnded;
  return applied(model);
}

type Terms = DeclarationModel['terms'];

/** The fields of `message` named in `fields` that it carries, as terms. */
function termsOf(message: Panthaver, fields: ReadonlyArray<keyof Terms>): Terms {
  return Object.fromEntries(fields.filter((f) => message[f] !== undefined).map((f) => [f, message[f]])) as Terms;
}

/**
 * Declaration data off the guide's closed list of what a Z50 corrects (seed 001, 'Administrativ
 * rettelse': "Følgende oplysninger kan rettes …": CPR, name and address of the debtor, panttype,
 * policy number, debtor reference, registration, chassis, engine and build number).
 */
const LOCKED_TERMS = ['declarationType', 'coverType', 'priority', 'effectiveDate', 'sumInsured', 'specialAgreementNumber', 'lienAmount'] as const;

/** An amount (`"0125000.50"`) as a canonical decimal (`"125000.5"`), so notations of one amount compare equal. */
function canonicalAmount(amount: string): string {
  const [whole = '', fraction = ''] = amount.split('.');
  const f = fraction.replace(/0+$/, '');
  return `${whole.replace(/^0+(?=\d)/, '')}${f === '' ? '' : `.${f}`}`;
}

function sameTerm(field: (typeof LOCKED_TERMS)[number], a: unknown, b: unknown): boolean {
  return field === 'lienAmount' && typeof a === 'string' && typeof b === 'string' ? canonicalAmount(a) === canonicalAmount(b) : a === b;
}

function onCorrection(model: DeclarationModel, message: PanthaverOf<'administrativeCorrection'>, original: DeclarationModel): DeclarationTransition {
  // "kan sendes på en accepteret og godkendt deklaration": not on a late-rejected (midlertidigt) one.
  if (model.state !== 'aktivt') return notAccepted(original, message);
  const current: Record<string, unknown> = { ...model.terms, declarationType: model.declarationType };
  const changed = LOCKED_TERMS.filter((field) => message[field] !== undefined && current[field] !== undefined && !sameTerm(field, message[field], current[field]));
  if (changed.length > 0) {
    return refused(original, explain('declaration.correction-fields', {}, `An administrative correction may not change ${changed.join(', ')}.`));
  }
  return applied(model);
}
