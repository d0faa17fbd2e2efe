/**
 * The rules layer: deadlines and the business calendar, the accept policy, the bonus history,
 * the case machines of both exchanges, their persistence, and the rules table every
 * explanation refers to. See `docs/rules.md` and `docs/rules-deadlines.md`.
 *
 * @module
 */
export {
  easterSunday,
  danishHolidays,
  danishCalendar,
  weekdayCalendar,
  createCalendar,
  isDanishWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  addWorkingDays,
  lastWorkingDayOfMonth,
  type BusinessCalendar,
  type CalendarOptions,
  type CalendarArgument,
} from './calendar.js';
export {
  deadlineRules,
  latestOnTimeSendDate,
  shortenedNoticeEffectiveDate,
  earliestReminderDate,
  replyDeadline,
  resendDeadline,
  otherDateResendDeadline,
  withdrawalDeadline,
  contrlDueDate,
  contrlChaseDate,
  lienholderReminderDate,
  latestLAcceptDate,
  earliestChangeOfInsurerDate,
  isCancellationOnTime,
  type DeadlineRule,
  type DeadlineRuleId,
  type WorkingDayOptions,
  type NoticeOptions,
  type CancellationKind,
  type CancellationToCheck,
  type TimelinessContext,
  type TimelinessVerdict,
} from './deadlines.js';
export type { IsoDate } from './dates.js';

export { ruleTable, ruleDefinition, isRuleId, type RuleDefinition, type RuleId } from './rule-table.js';
export type { Explanation, Violation, Due } from './explanation.js';

export { decideOnCancellation, type AcceptPolicyOptions, type IdentityLookup } from './accept-policy.js';
export type {
  AcceptDecision,
  AcceptWithDateDecision,
  CancellationDecision,
  DecisionBase,
  IgnoreDecision,
  ManualReviewDecision,
  RejectDecision,
  RejectionReason,
  ReplyableDecision,
} from './accept-decision.js';
export { DEFAULT_BOTH_HOLDERS_GROUPS } from './accept-identity.js';
export { toReply, type ToReplyOptions } from './accept-reply.js';
export type { AcceptedCancellation, PendingCancellation, PolicyRecord, PolicyStatus, RejectedCancellation, Takeover } from './policy-record.js';
export { unmaskPolicyNumber, isMissingPolicyNumber, matchPolicyNumber, type PolicyNumberMatch } from './policy-number.js';
export { compareNames, comparePartyNames, samePersonId, type NameComparison } from './name-match.js';
export { splitStreet, streetKey, compareLocations, type StreetParts, type LocationDifference } from './location-match.js';
export { normalizeRegistrationNumber, compareRegistrationNumbers, type RegistrationComparison } from './registration-number.js';
export { nextRenewalOnOrAfter, isRenewalDate, earliestOnTimeRenewal, type RenewalPattern } from './renewal.js';

export {
  buildBonusBlock,
  checkBonusBlock,
  claimsWindowStart,
  isBonusQueryAllowed,
  type BonusFacts,
  type BonusBlockResult,
  type BonusCheckContext,
  type ClaimRecord,
} from './bonus.js';

export {
  OpsigelseCase,
  type OpsigelseCaseState,
  type OpsigelseCaseOptions,
  type OpsigelseCaseSnapshot,
  type CaseMessageOptions,
  type ApplyResult,
  type CaseEntry,
} from './opsigelse-case.js';
export { OpsigelseRegistry, type OpsigelseRegistrySnapshot } from './opsigelse-registry.js';
export {
  Declaration,
  type DeclarationState,
  type DeclarationLetter,
  type DeclarationOptions,
  type DeclarationApplyResult,
  type DeclarationEntry,
  type DeclarationSnapshot,
} from './declaration.js';
export { DEFAULT_DECLARATION_LETTERS, type DeclarationSettings } from './declaration-transitions.js';
export { MemoryCaseStore, caseKey, saveCase, loadOpsigelseCase, loadDeclaration, type CaseStore, type CaseSnapshot } from './store.js';
export { replayMessages, type ReplayMessage, type ReplayOptions, type CaseReport } from './replay.js';
