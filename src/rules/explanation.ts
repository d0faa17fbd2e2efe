/**
 * The shape every verdict, violation and due item of the rules layer shares: which rule,
 * where the guide says it, the dates involved, and one sentence a case handler understands.
 *
 * @module
 */
import { ruleTable, type RuleId } from './rule-table.js';

/** Why: the rule applied, its guide section, the dates used and a one-sentence explanation. */
export interface Explanation {
  /** The rule id, a key of {@link ruleTable}. */
  rule: RuleId;
  /** The guide and section the rule comes from. */
  guideSection: string;
  /** The dates the rule used, by name (ISO `YYYY-MM-DD`), e.g. `{ sentOn: '2024-11-20', deadline: '2024-11-29' }`. */
  dates: Record<string, string>;
  /** One English sentence for a case handler. */
  explanation: string;
}

/** A broken rule found while replaying a case or declaration. */
export interface Violation extends Explanation {
  /** The kind of the message that broke the rule (e.g. `reminder`). */
  messageKind: string;
  /** That message's date (DTM 137). */
  messageDate: string;
  /** Where the message came from, when the caller labelled it (e.g. `batch.edi #3`). */
  source?: string;
}

/** Something due (or allowed) on a given day: a reply, a reminder, a re-send. */
export interface Due extends Explanation {
  /** What is due, e.g. `reply`, `reminder`, `resend`. */
  action: string;
  /** Who has to act. */
  party: 'acquirer' | 'ceding' | 'lienholder' | 'insurer';
  /** First day the action is allowed, when the rule gives one. */
  from?: string;
  /** Last day the action is on time, when the rule gives one. */
  by?: string;
  /** True when `by` has passed. */
  overdue: boolean;
}

/** Builds an {@link Explanation} for `rule`, taking the guide section from the rules table. */
export function explain(rule: RuleId, dates: Record<string, string | undefined>, explanation: string): Explanation {
  const definedDates: Record<string, string> = {};
  for (const [name, value] of Object.entries(dates)) if (value !== undefined) definedDates[name] = value;
  return { rule, guideSection: ruleTable[rule].guideSection, dates: definedDates, explanation };
}
