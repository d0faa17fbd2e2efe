/**
 * The checks of the rules layer's options, as tables (see `syntax/options.ts`): a calendar
 * that is no calendar, a notice of 1.5 months or a profile that is a number fails when the
 * function starts, naming the function, the option and the value — not deep inside with
 * `calendar.isWorkingDay is not a function`, or never.
 *
 * @module
 */
import { profileOptionCheck } from '../schema/profile.js';
import { checkOptions, isBoolean, isFunction, isObject, isRecord, isString, nonNegativeInteger, type OptionCheck } from '../syntax/options.js';
import type { BusinessCalendar } from './calendar.js';

/** A {@link BusinessCalendar}: an id and the two functions the deadlines call. */
const isCalendar = (v: unknown): boolean => {
  if (!isObject(v)) return false;
  const c = v as Record<string, unknown>;
  return isString(c.id) && isFunction(c.isWorkingDay) && isFunction(c.holidayName);
};
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isDayCounts = (v: unknown): boolean => isRecord(v) && Object.values(v as object).every(nonNegativeInteger);

const A_CALENDAR = 'a BusinessCalendar (id, isWorkingDay and holidayName)';
const CALENDAR: OptionCheck = ['calendar', isCalendar, A_CALENDAR];
/** A guide profile for opsigelser (a panthaver profile has none of the branch groups and codes the rules read). */
const PROFILE: OptionCheck = profileOptionCheck('opsigelser');
const ISO_DATE = 'an ISO date YYYY-MM-DD';
const NOTICE_MONTHS: OptionCheck = ['noticeMonths', nonNegativeInteger, 'a whole number of months >= 0'];

/** `contrlDueDate`, `contrlChaseDate`. */
export const WORKING_DAY_OPTION_CHECKS: readonly OptionCheck[] = [CALENDAR];
/** `latestOnTimeSendDate`, `earliestOnTimeRenewal`. */
export const NOTICE_OPTION_CHECKS: readonly OptionCheck[] = [CALENDAR, NOTICE_MONTHS];
/** `isCancellationOnTime`'s context. */
export const TIMELINESS_CONTEXT_CHECKS: readonly OptionCheck[] = [
  CALENDAR,
  NOTICE_MONTHS,
  ['originalSentOn', isString, ISO_DATE],
  ['policyStart', isString, ISO_DATE],
  ['policyReceivedOn', isString, ISO_DATE],
];
/** `decideOnCancellation`. */
export const ACCEPT_POLICY_OPTION_CHECKS: readonly OptionCheck[] = [
  PROFILE,
  ['today', isString, ISO_DATE],
  ['receivedOn', isString, ISO_DATE],
  ['lookupByIdentity', isFunction, 'a function'],
  CALENDAR,
  ['bothHoldersRequiredGroups', isStringList, 'an array of branch group codes'],
  ['autoDecideFreeText', isBoolean, 'true or false'],
];
/** `toReply`. */
export const TO_REPLY_OPTION_CHECKS: readonly OptionCheck[] = [
  ['messageDate', isString, ISO_DATE],
  PROFILE,
  ['bonus', isObject, 'a bonus block'],
  ['contact', isString, 'a string'],
  ['ownVir', isString, 'a string'],
];
/** `createCalendar`. */
export const CALENDAR_OPTION_CHECKS: readonly OptionCheck[] = [
  ['id', isString, 'a string'],
  ['base', isCalendar, A_CALENDAR],
  ['extraHolidays', isRecord, 'a map of ISO dates to holiday names'],
  ['extraWorkingDays', isStringList, 'an array of ISO dates'],
];
/** `new OpsigelseCase`, `OpsigelseCase.replay`/`fromJSON`, `new OpsigelseRegistry`, `isBonusQueryAllowed`. */
export const CASE_OPTION_CHECKS: readonly OptionCheck[] = [PROFILE];
/** `OpsigelseRegistry.apply`, `Declaration.apply`. */
export const MESSAGE_OPTION_CHECKS: readonly OptionCheck[] = [
  ['receivedOn', isString, ISO_DATE],
  ['source', isString, 'a string'],
];
/** `OpsigelseCase.apply`. */
export const CASE_MESSAGE_OPTION_CHECKS: readonly OptionCheck[] = [...MESSAGE_OPTION_CHECKS, ['externalViolations', Array.isArray, 'an array of explanations']];
/** `new Declaration`, `Declaration.replay`/`fromJSON`. */
export const DECLARATION_OPTION_CHECKS: readonly OptionCheck[] = [
  profileOptionCheck('panthaver'),
  ['declarationTypeLetters', isRecord, 'a map of declaration type codes to letters'],
  ['rejectionDeadlineDays', isDayCounts, 'a map of declaration letters to whole numbers of days'],
  ['reRegistrationWindowDays', nonNegativeInteger, 'a whole number of days'],
];
/** `replayMessages`. */
export const REPLAY_OPTION_CHECKS: readonly OptionCheck[] = [
  ['today', isString, ISO_DATE],
  // Each entry of a map is checked where the profiles are picked (givenProfiles).
  ['profile', isRecord, 'a guide profile or a map of them by message type'],
  ['declarationOptions', isObject, 'Declaration options'],
];

/** A calendar given as a plain argument (`addWorkingDays(date, n, calendar)`). */
function checkCalendar(calendar: unknown, where: string): void {
  checkOptions({ calendar }, [CALENDAR], where);
}

/**
 * A working-day helper's last argument: the calendar itself, or `{ calendar }` as the deadline
 * functions take it (an object with a `calendar` key); `fallback` when those options name none.
 */
export function calendarArgument(value: unknown, where: string, fallback: BusinessCalendar): BusinessCalendar {
  if (isObject(value) && Object.hasOwn(value as object, 'calendar')) {
    checkOptions(value, WORKING_DAY_OPTION_CHECKS, where);
    return (value as { calendar?: BusinessCalendar }).calendar ?? fallback;
  }
  checkCalendar(value, where);
  return value as BusinessCalendar;
}

export { checkOptions };
