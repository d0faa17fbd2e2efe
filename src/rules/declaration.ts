/**
 * One panthaverdeklaration (keyed by its declaration number) replayed message by message
 * through the states ubesvaret, aktivt, midlertidigt, under skift and historisk. It refuses
 * (with violations, never by throwing) the transitions the guide does not allow, ignores
 * duplicates, tells what is due on a day, and serialises to JSON.
 *
 * @module
 */
import { panthaverSchema, type Panthaver } from '../messages/types/panthaver.js';
import { declarationTypeLetters } from '../schema/access.js';
import type { GuideProfile } from '../schema/profile.js';
import { canonicalJson } from './canonical.js';
import { storedEntries, undoLastReceivedBy } from './case-log.js';
import { addDays, assertIsoDate, type IsoDate } from './dates.js';
import { latestLAcceptDate, lienholderReminderDate } from './deadlines.js';
import {
  declarationTransition,
  DEFAULT_DECLARATION_LETTERS,
  emptyDeclaration,
  letterOf,
  type DeclarationLetter,
  type DeclarationModel,
  type DeclarationSettings,
  type DeclarationState,
} from './declaration-transitions.js';
import { explain, type Due, type Explanation, type Violation } from './explanation.js';
import { checkOptions, DECLARATION_OPTION_CHECKS, MESSAGE_OPTION_CHECKS } from './option-checks.js';

export type { DeclarationLetter, DeclarationState } from './declaration-transitions.js';

/** Options of a {@link Declaration}: the panthaver profile, and the settings the guide leaves to the (non-public) declaration terms. */
export interface DeclarationOptions {
  /**
   * The panthaver profile whose declaration-type codes (`qualifiers.declarationTypeCodes`) give
   * each declaration its letter (B, F, R, D, E, L); default the shipped one.
   */
  profile?: GuideProfile;
  /** Declaration type code → letter, outright; default the letters of `profile` ({@link DEFAULT_DECLARATION_LETTERS} for the shipped one). */
  declarationTypeLetters?: Readonly<Record<string, DeclarationLetter>>;
  /** Days after receipt after which a rejection leaves the declaration `midlertidigt`, per type; none by default (→ `historisk`). */
  rejectionDeadlineDays?: Readonly<Partial<Record<DeclarationLetter, number>>>;
  /** Days after "lien ended" within which a re-registration may undo it; default 14. */
  reRegistrationWindowDays?: number;
}

/** What happened to one message. */
export interface DeclarationApplyResult {
  /** `applied` (state may change), `refused` (not allowed; state unchanged), `ignored` (a duplicate). */
  status: 'applied' | 'refused' | 'ignored';
  /** The rules the message broke. */
  violations: Violation[];
  /** Why a duplicate was ignored. */
  ignoredBecause?: Explanation;
}

/** One message in the declaration's log. */
export interface DeclarationEntry extends DeclarationApplyResult {
  /** The message as offered. */
  message: Panthaver;
  /** The day it was received. */
  receivedOn: IsoDate;
  /** Its label, when given. */
  source?: string;
}

/** The JSON form of a declaration: its settings and message log, replayed on load. */
export interface DeclarationSnapshot {
  /** Always `'declaration'`: `fromJSON` refuses anything else. */
  type: 'declaration';
  /** Version of the snapshot format; `fromJSON` reads version 1 only. */
  version: 1;
  /** The settings the declaration was replayed with (letters, deadlines, window), restored by `fromJSON`. */
  settings: DeclarationSettings;
  /** Every message offered, in order (duplicates and refused ones too), replayed by `fromJSON`. */
  entries: Array<{
    /** The message as offered; checked as a typed panthaver message on load. */
    message: Panthaver;
    /** The day it was received (its message date when none was given). */
    receivedOn: IsoDate;
    /** Its label, when given. */
    source?: string;
  }>;
}

/**
 * A panthaverdeklaration's history and state.
 *
 * @example
 * const d = Declaration.replay([{ message: newDeclaration }, { message: accept }]);
 * d.state; // 'aktivt'
 */
export class Declaration {
  private model: DeclarationModel = emptyDeclaration();
  /** The log; `canonical` is the message's canonical JSON, kept to recognise duplicates without re-serialising. */
  private readonly log: Array<DeclarationEntry & { before?: DeclarationModel; canonical: string }> = [];
  private readonly settings: DeclarationSettings;

  /**
   * An empty declaration; give it messages with {@link apply}.
   * @throws TypeError when an option has the wrong type (`profile` not a panthaver guide profile, …)
   */
  constructor(options: DeclarationOptions = {}) {
    checkOptions(options, DECLARATION_OPTION_CHECKS, 'Declaration');
    this.settings = {
      declarationTypeLetters: { ...(options.declarationTypeLetters ?? (options.profile !== undefined ? declarationTypeLetters(options.profile) : DEFAULT_DECLARATION_LETTERS)) },
      rejectionDeadlineDays: { ...(options.rejectionDeadlineDays ?? {}) },
      reRegistrationWindowDays: options.reRegistrationWindowDays ?? 14,
    };
  }

  /** A declaration built by applying `messages` in order. */
  static replay(
    messages: Iterable<{
      /** The message to apply. */
      message: Panthaver;
      /** The day it was received; default its message date (DTM 137). */
      receivedOn?: IsoDate;
      /** A label for reports, e.g. `batch.edi #3`. */
      source?: string;
    }>,
    options: DeclarationOptions = {},
  ): Declaration {
    const d = new Declaration(options);
    for (const { message, ...rest } of messages) d.apply(message, rest);
    return d;
  }

  /**
   * Rebuilds a declaration from {@link toJSON}'s output (every message is checked as a typed panthaver message).
   * @throws TypeError when the snapshot is not a declaration snapshot, or a stored message is not a valid typed message (naming the entry and the field)
   */
  static fromJSON(snapshot: DeclarationSnapshot): Declaration {
    if (snapshot?.type !== 'declaration' || snapshot.version !== 1 || !Array.isArray(snapshot.entries)) {
      throw new TypeError('Declaration.fromJSON: not a declaration snapshot of version 1');
    }
    return Declaration.replay(
      storedEntries(snapshot.entries, panthaverSchema, 'panthaver', 'Declaration.fromJSON'),
      snapshot.settings,
    );
  }

  /** The declaration number, once a message was applied. */
  get declarationNumber(): string | undefined {
    return this.log[0]?.message.declarationNumber;
  }

  /** The current state (`new` before any message). */
  get state(): DeclarationState {
    return this.model.state;
  }

  /** The declaration type letter (B, F, R, D, E, L), once known. */
  get letter(): DeclarationLetter | undefined {
    return letterOf(this.model, this.settings);
  }

  /** Every message offered, in order, with what happened to it. */
  get entries(): readonly DeclarationEntry[] {
    return this.log.map(({ before: _before, canonical: _canonical, ...entry }) => entry);
  }

  /** Every violation, in order. */
  get violations(): Violation[] {
    return this.log.flatMap((e) => e.violations);
  }

  /**
   * Offers one message. Exact duplicates are ignored; a transition the guide does not allow is
   * refused with its violations (state unchanged); a content error (12) undoes the last message
   * its sender had received.
   *
   * @throws TypeError when the message belongs to another declaration number (a caller error)
   */
  apply(
    message: Panthaver,
    options: {
      /** The day the message was received; default its message date (DTM 137). For a declaration (30, 32) the insurer's deadlines count from it: an L accept's latest date (receipt + 14 days) and `rejectionDeadlineDays`. */
      receivedOn?: IsoDate;
      /** A label for reports, e.g. `batch.edi #3`. */
      source?: string;
    } = {},
  ): DeclarationApplyResult {
    checkOptions(options, MESSAGE_OPTION_CHECKS, 'Declaration.apply');
    const number = this.declarationNumber;
    if (number !== undefined && message.declarationNumber !== number) {
      throw new TypeError(`Declaration.apply: message of declaration ${message.declarationNumber} offered to declaration ${number}`);
    }
    const receivedOn = assertIsoDate(options.receivedOn ?? message.messageDate, 'options.receivedOn');
    const label = options.source !== undefined ? { source: options.source } : {};
    const toViolation = (v: Explanation): Violation => ({ ...v, messageKind: message.kind, messageDate: message.messageDate, ...label });
    const canonical = canonicalJson(message);
    const duplicate = this.log.find((e) => e.canonical === canonical);
    if (duplicate !== undefined) {
      const why = explain('declaration.duplicate-ignored', { messageDate: message.messageDate }, `This ${message.kind} repeats one received before; it is ignored.`);
      this.log.push({ status: 'ignored', violations: [], ignoredBecause: why, message, receivedOn, ...label, canonical });
      return { status: 'ignored', violations: [], ignoredBecause: why };
    }
    const result =
      message.kind === 'contentError'
        ? { status: 'applied' as const, violations: [], model: undoLastReceivedBy(this.log, this.model, message.sender.vir) }
        : declarationTransition(this.model, message, receivedOn, this.settings);
    const violations = result.violations.map(toViolation);
    this.log.push({ status: result.status, violations, message, receivedOn, ...label, ...(result.status === 'applied' ? { before: this.model } : {}), canonical });
    if (result.status === 'applied') this.model = result.model;
    return { status: result.status, violations };
  }

  /**
   * What is due on `date`: the lienholder's reminder (allowed from day 21 after an unanswered
   * declaration: the insurer has 20 days), the latest acceptance date of an unanswered L declaration (receipt + 14),
   * sending the declaration to the new insurer before the policy ends after a Z40, and a
   * re-registration while it may still undo a "lien ended".
   */
  dueOn(date: IsoDate): Due[] {
    assertIsoDate(date, 'date');
    const m = this.model;
    const due: Due[] = [];
    if ((m.state === 'ubesvaret' || m.state === 'under skift') && m.createdOn !== undefined) {
      const from = lienholderReminderDate(m.createdOn);
      if (date >= from) {
        due.push({ ...explain('deadline.lienholder-reminder', { createdOn: m.createdOn, from }, `The declaration of ${m.createdOn} is unanswered: the lienholder may send a reminder (allowed since ${from}).`), action: 'reminder', party: 'lienholder', from, overdue: false });
      }
      if (this.letter === 'L') {
        const by = latestLAcceptDate(m.receivedOn ?? m.createdOn);
        due.push({ ...explain('deadline.l-accept-latest', { receivedOn: m.receivedOn, by }, date > by ? `An accept now must be dated ${by} (receipt + 14 days).` : `An accept may be dated at most ${by} (receipt + 14 days).`), action: 'answer', party: 'insurer', by, overdue: date > by });
      }
    }
    if (m.state === 'aktivt' && m.changeOfInsurer !== undefined) {
      const by = m.changeOfInsurer.endDate;
      due.push({ ...explain('declaration.change-of-insurer', { policyEnd: by }, `The policy moves to insurer ${m.changeOfInsurer.newInsurer} on ${by}: the lienholder should send the declaration there.`), action: 'send-to-new-insurer', party: 'lienholder', by, overdue: date > by });
    }
    if (m.coverageEnded !== undefined && (m.state === 'aktivt' || m.state === 'midlertidigt')) {
      const on = m.coverageEnded.date;
      due.push({ ...explain('declaration.restore-needs-end', { cessationDate: on }, `Coverage ends ${on}; if the customer returns, the insurer must send Z20 (coverage restored).`), action: 'restore-if-customer-returns', party: 'insurer', by: on, overdue: false });
    }
    if (m.state === 'historisk' && m.lienEnded !== undefined) {
      const by = addDays(m.lienEnded.on, this.settings.reRegistrationWindowDays);
      if (date <= by) {
        due.push({ ...explain('declaration.re-registration', { lienEndedOn: m.lienEnded.on, by }, `If the "lien ended" of ${m.lienEnded.on} was a mistake, the lienholder can re-register until ${by}.`), action: 're-registration', party: 'lienholder', by, overdue: false });
      }
    }
    return due;
  }

  /** The declaration as JSON-safe data; {@link Declaration.fromJSON} rebuilds it. */
  toJSON(): DeclarationSnapshot {
    return {
      type: 'declaration',
      version: 1,
      settings: structuredClone(this.settings),
      entries: this.log.map((e) => ({ message: e.message, receivedOn: e.receivedOn, ...(e.source !== undefined ? { source: e.source } : {}) })),
    };
  }
}
