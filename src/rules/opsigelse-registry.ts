/**
 * All opsigelser cases of a back office (or of an audit): routes each message to the case of
 * its reference and checks the rules that span cases — one EDI cancellation per policy, none
 * while another is unanswered (Opsigelser guide 5.5, section 2.3).
 *
 * @module
 */
import { opsigelseSchema, type Cancellation, type Opsigelse } from '../messages/types/opsigelser.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile, getProfile } from '../schema/profiles/index.js';
import { storedEntries } from './case-log.js';
import { explain, type Explanation } from './explanation.js';
import { OpsigelseCase, type ApplyResult, type CaseMessageOptions, type OpsigelseCaseOptions } from './opsigelse-case.js';
import { ACCEPTED_STATES, policyKeyOf } from './opsigelse-transitions.js';
import { CASE_OPTION_CHECKS, checkOptions, MESSAGE_OPTION_CHECKS } from './option-checks.js';

/** The JSON form of a registry: every message in the order it was applied. */
export interface OpsigelseRegistrySnapshot {
  /** Always `'opsigelse-registry'`: `fromJSON` refuses anything else. */
  type: 'opsigelse-registry';
  /** Version of the snapshot format; `fromJSON` reads version 1 only. */
  version: 1;
  /** The profile the registry's cases were replayed with; `fromJSON` loads it when shipped, else needs it given. */
  profileId: string;
  /** Every message applied, in order, with the options it was applied with; replayed by `fromJSON`. */
  entries: Array<{
    /** The message as applied; checked as a typed opsigelse on load. */
    message: Opsigelse;
    /** The day it was received, when given (else its message date counts). */
    receivedOn?: string;
    /** Its label, when given. */
    source?: string;
  }>;
}

/**
 * Many opsigelser cases, keyed by cancellation reference. A cancellation is also checked
 * against the other cases of the same policy (same ceding insurer, same un-masked policy
 * number): another case still unanswered gives `case.no-new-while-unanswered`, another case
 * accepted gives `case.one-cancellation-per-policy`. Such a cancellation is still applied to
 * its own case (so its answer can follow) with the violation recorded.
 */
export class OpsigelseRegistry {
  private readonly cases = new Map<string, OpsigelseCase>();
  private readonly log: OpsigelseRegistrySnapshot['entries'] = [];
  private readonly profile: GuideProfile;

  /** An empty registry; `options.profile` is given to each of its cases. */
  constructor(options: OpsigelseCaseOptions = {}) {
    checkOptions(options, CASE_OPTION_CHECKS, 'OpsigelseRegistry');
    this.profile = options.profile ?? defaultProfile('opsigelser');
  }

  /**
   * Rebuilds a registry from {@link toJSON}'s output by replaying its messages.
   * @throws TypeError when the snapshot is not a registry snapshot, or a stored message is not a valid typed message (naming the entry and the field); Error when its profile id is not shipped and none is given
   */
  static fromJSON(snapshot: OpsigelseRegistrySnapshot, options: OpsigelseCaseOptions = {}): OpsigelseRegistry {
    checkOptions(options, CASE_OPTION_CHECKS, 'OpsigelseRegistry.fromJSON');
    if (snapshot?.type !== 'opsigelse-registry' || snapshot.version !== 1 || !Array.isArray(snapshot.entries)) {
      throw new TypeError('OpsigelseRegistry.fromJSON: not an opsigelse-registry snapshot of version 1');
    }
    const registry = new OpsigelseRegistry({ profile: options.profile ?? getProfile(snapshot.profileId) });
    for (const { message, ...rest } of storedEntries(snapshot.entries, opsigelseSchema, 'opsigelser', 'OpsigelseRegistry.fromJSON')) registry.apply(message, rest);
    return registry;
  }

  /** The case of a reference, if any message of it was applied. */
  get(reference: string): OpsigelseCase | undefined {
    return this.cases.get(reference);
  }

  /** All cases, in the order their first message arrived. */
  all(): Array<[reference: string, opsigelseCase: OpsigelseCase]> {
    return [...this.cases.entries()];
  }

  /** Applies a message to the case of its reference (creating it), after the cross-case checks. */
  apply(message: Opsigelse, options: Omit<CaseMessageOptions, 'externalViolations'> = {}): ApplyResult {
    checkOptions(options, MESSAGE_OPTION_CHECKS, 'OpsigelseRegistry.apply');
    let target = this.cases.get(message.caseReference);
    if (target === undefined) {
      target = new OpsigelseCase({ profile: this.profile });
      this.cases.set(message.caseReference, target);
    }
    const external = message.kind === 'cancellation' ? this.crossCaseViolations(message) : [];
    this.log.push({ message, ...options });
    return target.apply(message, { ...options, ...(external.length > 0 ? { externalViolations: external } : {}) });
  }

  private crossCaseViolations(message: Cancellation): Explanation[] {
    const key = policyKeyOf(message.recipient.vir, message.policyNumber);
    const unanswered: string[] = [];
    const accepted: string[] = [];
    for (const [reference, other] of this.cases) {
      if (reference === message.caseReference || other.policyKey !== key) continue;
      if (other.awaitingAnswer) unanswered.push(reference);
      else if (ACCEPTED_STATES.has(other.state)) accepted.push(reference);
    }
    const cases = (refs: string[]) => `${refs.length === 1 ? 'Case' : 'Cases'} ${refs.join(', ')} on the same policy ${message.policyNumber}`;
    const found: Explanation[] = [];
    if (accepted.length > 0) {
      found.push(explain('case.one-cancellation-per-policy', {}, `${cases(accepted)} ${accepted.length === 1 ? 'was' : 'were'} already accepted; only one EDI cancellation per policy is allowed.`));
    }
    if (unanswered.length > 0) {
      found.push(explain('case.no-new-while-unanswered', {}, `${cases(unanswered)} ${unanswered.length === 1 ? 'is' : 'are'} still unanswered; send a reminder instead of a new cancellation.`));
    }
    return found;
  }

  /** The registry as JSON-safe data (its message log). */
  toJSON(): OpsigelseRegistrySnapshot {
    return { type: 'opsigelse-registry', version: 1, profileId: this.profile.id, entries: [...this.log] };
  }
}
