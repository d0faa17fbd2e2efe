/**
 * One opsigelser case — one cancellation reference, one policy — replayed message by
 * message. It knows its state, refuses (with violations, never by throwing) what the guide
 * forbids, ignores duplicates silently, tells what is due on a day, and serialises to JSON.
 *
 * @module
 */
import { opsigelseSchema, type Opsigelse } from '../messages/types/opsigelser.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile, getProfile } from '../schema/profiles/index.js';
import { canonicalJson } from './canonical.js';
import { storedEntries, undoLastReceivedBy } from './case-log.js';
import { assertIsoDate, type IsoDate } from './dates.js';
import { explain, type Due, type Explanation, type Violation } from './explanation.js';
import { dueItems } from './opsigelse-due.js';
import {
  cancellationOutstanding,
  emptyModel,
  isRepeatedAccept,
  policyKeyOf,
  stateOf,
  transition,
  type CaseModel,
  type OpsigelseCaseState,
} from './opsigelse-transitions.js';
import { CASE_MESSAGE_OPTION_CHECKS, CASE_OPTION_CHECKS, checkOptions } from './option-checks.js';

export type { OpsigelseCaseState } from './opsigelse-transitions.js';

/** How a message is offered to a case. */
export interface CaseMessageOptions {
  /** The day the message was received; default its message date (DTM 137). */
  receivedOn?: IsoDate;
  /** A label for reports, e.g. `batch.edi #3`. */
  source?: string;
  /** Violations found outside the case (e.g. across the cases of one policy), recorded with the message. */
  externalViolations?: Explanation[];
}

/** What happened to one message. */
export interface ApplyResult {
  /** `applied` (state may change), `refused` (the guide forbids it; state unchanged), `ignored` (a duplicate). */
  status: 'applied' | 'refused' | 'ignored';
  /** The rules the message broke (empty for a clean message and for an ignored duplicate). */
  violations: Violation[];
  /** Why a duplicate was ignored. */
  ignoredBecause?: Explanation;
}

/** One message in the case's log. */
export interface CaseEntry extends ApplyResult {
  /** The message as offered. */
  message: Opsigelse;
  /** The day it was received. */
  receivedOn: IsoDate;
  /** Its label, when given. */
  source?: string;
}

/** The JSON form of a case: its log of messages, replayed on load. */
export interface OpsigelseCaseSnapshot {
  /** Always `'opsigelse-case'`: `fromJSON` refuses anything else. */
  type: 'opsigelse-case';
  /** Version of the snapshot format; `fromJSON` reads version 1 only. */
  version: 1;
  /** The profile the case was replayed with. */
  profileId: string;
  /** Every message offered, in order (duplicates and refused ones too), replayed by `fromJSON`. */
  entries: Array<{
    /** The message as offered; checked as a typed opsigelse on load. */
    message: Opsigelse;
    /** The day it was received (its message date when none was given). */
    receivedOn: IsoDate;
    /** Its label, when given. */
    source?: string;
    /** The violations found outside the case that came with it, when there were any. */
    externalViolations?: Explanation[];
  }>;
}

/** Options of an {@link OpsigelseCase}. */
export interface OpsigelseCaseOptions {
  /** The opsigelser profile (branch groups for bonus queries); default `fp-opsigelser/5.5-reconstructed`. */
  profile?: GuideProfile;
}

/**
 * A case of the opsigelser exchange, keyed by its cancellation reference (RFF 1154).
 *
 * @example
 * const c = OpsigelseCase.replay([{ message: cancellation }, { message: accept }]);
 * c.state; // 'accepted'
 * c.dueOn('2025-01-10'); // []
 */
export class OpsigelseCase {
  private model: CaseModel = emptyModel();
  /** The log; `canonical` is the message's canonical JSON, kept to recognise duplicates without re-serialising. */
  private readonly log: Array<CaseEntry & { externalViolations?: Explanation[]; before?: CaseModel; canonical: string }> = [];
  private readonly profile: GuideProfile;

  /** An empty case; give it messages with {@link apply}. */
  constructor(options: OpsigelseCaseOptions = {}) {
    checkOptions(options, CASE_OPTION_CHECKS, 'OpsigelseCase');
    this.profile = options.profile ?? defaultProfile('opsigelser');
  }

  /** A case built by applying `messages` in order. */
  static replay(
    messages: Iterable<
      {
        /** The message to apply. */
        message: Opsigelse;
      } & CaseMessageOptions
    >,
    options: OpsigelseCaseOptions = {},
  ): OpsigelseCase {
    const c = new OpsigelseCase(options);
    for (const { message, ...rest } of messages) c.apply(message, rest);
    return c;
  }

  /**
   * Rebuilds a case from {@link toJSON}'s output (validated: every message is checked as a typed opsigelse).
   * Pass `options.profile` when the case was replayed with a profile that is not shipped.
   * @throws TypeError when the snapshot is not an opsigelse case snapshot
   * @throws Error when the snapshot's profile id is not shipped and no profile is given
   * @throws TypeError when a stored message is not a valid typed message (naming the entry and the field)
   */
  static fromJSON(snapshot: OpsigelseCaseSnapshot, options: OpsigelseCaseOptions = {}): OpsigelseCase {
    checkOptions(options, CASE_OPTION_CHECKS, 'OpsigelseCase.fromJSON');
    if (snapshot?.type !== 'opsigelse-case' || snapshot.version !== 1 || !Array.isArray(snapshot.entries)) {
      throw new TypeError('OpsigelseCase.fromJSON: not an opsigelse-case snapshot of version 1');
    }
    const profile = options.profile ?? getProfile(snapshot.profileId);
    return OpsigelseCase.replay(
      storedEntries(snapshot.entries, opsigelseSchema, 'opsigelser', 'OpsigelseCase.fromJSON'),
      { profile },
    );
  }

  /** The case reference, once a message was applied. */
  get reference(): string | undefined {
    return this.log[0]?.message.caseReference;
  }

  /** The current state (`new` before any message). */
  get state(): OpsigelseCaseState {
    return stateOf(this.model);
  }

  /** Every message offered, in order, with what happened to it. */
  get entries(): readonly CaseEntry[] {
    return this.log.map(({ before: _before, externalViolations: _external, canonical: _canonical, ...entry }) => entry);
  }

  /** Every violation of every message, in order. */
  get violations(): Violation[] {
    return this.log.flatMap((e) => e.violations);
  }

  /** VIR of the acquiring insurer, once known. */
  get acquirer(): string | undefined {
    return this.model.acquirer;
  }

  /** VIR of the ceding insurer, once known. */
  get ceding(): string | undefined {
    return this.model.ceding;
  }

  /** The policy number of the case's cancellation or bonus query, once known. */
  get policyNumber(): string | undefined {
    return this.model.policyNumber;
  }

  /** Ceding VIR and un-masked policy number: cases with the same key concern the same policy. */
  get policyKey(): string | undefined {
    const number = this.model.policyNumber;
    return number === undefined || this.model.ceding === undefined ? undefined : policyKeyOf(this.model.ceding, number);
  }

  /** True while the case's cancellation awaits its accept or rejection. */
  get awaitingAnswer(): boolean {
    return cancellationOutstanding(this.model);
  }

  /**
   * Offers one message to the case. Exact duplicates (and a second accept equal to the first
   * except for its date) are ignored; a message the guide forbids is refused with its
   * violations and leaves the state unchanged; a late reply or re-send is applied with a
   * violation. A content error (12) undoes the last message its sender had received.
   *
   * @throws TypeError when the message belongs to another case reference (a caller error, not a rule)
   */
  apply(message: Opsigelse, options: CaseMessageOptions = {}): ApplyResult {
    checkOptions(options, CASE_MESSAGE_OPTION_CHECKS, 'OpsigelseCase.apply');
    const reference = this.reference;
    if (reference !== undefined && message.caseReference !== reference) {
      throw new TypeError(`OpsigelseCase.apply: message of case ${message.caseReference} offered to case ${reference}`);
    }
    const receivedOn = assertIsoDate(options.receivedOn ?? message.messageDate, 'options.receivedOn');
    const label = options.source !== undefined ? { source: options.source } : {};
    const canonical = canonicalJson(message);
    const result = this.decide(message, canonical, receivedOn);
    // A duplicate is ignored without notice: violations found outside the case are not repeated for it.
    const externalViolations = result.status === 'ignored' ? [] : (options.externalViolations ?? []);
    const external = externalViolations.map((v) => this.violation(v, message, options.source));
    const violations = [...result.violations.map((v) => this.violation(v, message, options.source)), ...external];
    const outcome: ApplyResult = { status: result.status, violations, ...(result.ignoredBecause ? { ignoredBecause: result.ignoredBecause } : {}) };
    this.log.push({
      ...outcome,
      message,
      receivedOn,
      ...label,
      ...(externalViolations.length > 0 ? { externalViolations } : {}),
      ...(result.status === 'applied' ? { before: this.model } : {}),
      canonical,
    });
    if (result.status === 'applied') this.model = result.model;
    return outcome;
  }

  private decide(message: Opsigelse, canonical: string, receivedOn: IsoDate): { status: ApplyResult['status']; violations: Explanation[]; ignoredBecause?: Explanation; model: CaseModel } {
    const duplicate = this.log.find((e) => e.canonical === canonical);
    if (duplicate !== undefined || isRepeatedAccept(this.model, message)) {
      const why = explain('case.duplicate-ignored', { messageDate: message.messageDate }, `This ${message.kind} repeats one received before (${duplicate?.message.messageDate ?? this.model.lastAccept?.messageDate ?? ''}); it is ignored without notice to the sender.`);
      return { status: 'ignored', violations: [], ignoredBecause: why, model: this.model };
    }
    if (message.kind === 'contentError') return { status: 'applied', violations: [], model: undoLastReceivedBy(this.log, this.model, message.sender.vir) };
    return transition(this.model, message, receivedOn, { profile: this.profile });
  }

  private violation(v: Explanation, message: Opsigelse, source: string | undefined): Violation {
    return { ...v, messageKind: message.kind, messageDate: message.messageDate, ...(source !== undefined ? { source } : {}) };
  }

  /**
   * What is due on `date`: the ceding insurer's reply to an unanswered cancellation or bonus
   * request (21 days after receipt; `overdue` after that), the acquirer's reminder (allowed from
   * day 21), and after a rejection the re-send (2 weeks after the rejection) and the re-send per
   * another date (until 3 weeks after the original cancellation).
   */
  dueOn(date: IsoDate): Due[] {
    return dueItems(this.model, date);
  }

  /** The case as JSON-safe data (its message log); {@link OpsigelseCase.fromJSON} rebuilds it. */
  toJSON(): OpsigelseCaseSnapshot {
    return {
      type: 'opsigelse-case',
      version: 1,
      profileId: this.profile.id,
      entries: this.log.map((e) => ({
        message: e.message,
        receivedOn: e.receivedOn,
        ...(e.source !== undefined ? { source: e.source } : {}),
        ...(e.externalViolations !== undefined ? { externalViolations: e.externalViolations } : {}),
      })),
    };
  }
}
