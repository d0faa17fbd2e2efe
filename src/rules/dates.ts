/**
 * ISO calendar-date helpers for the rule engine.
 *
 * EDIFACT dates are calendar dates without a time or a zone, so every value here is an
 * ISO 8601 `YYYY-MM-DD` string. The arithmetic goes through UTC milliseconds only inside
 * this file: UTC has no daylight-saving jumps and does not depend on the host's `TZ`,
 * so a date can never slide to the neighbouring day. No `Date` object leaves this module.
 *
 * Supported range: 0001-01-01 to 9999-12-31 (proleptic Gregorian calendar).
 * Because the year always has four digits, ISO dates compare correctly as strings
 * (`a < b` means "a is earlier than b").
 *
 * @module
 */
import { addIsoDays, daysInMonth, MS_PER_DAY, isoDateOfUtcMillis, isRealIsoDate, utcMillis, utcMillisOfIsoDate } from '../syntax/calendar-date.js';
import { describeValue } from '../syntax/options.js';

/** An ISO 8601 calendar date, `YYYY-MM-DD`. A plain string alias: documentation, not a brand. */
export type IsoDate = string;

/**
 * Checks that `value` is a real calendar date written `YYYY-MM-DD` and returns it.
 *
 * @param value - the value to check (typically a caller's argument)
 * @param parameter - the parameter's name, quoted in the error so the caller knows which input was bad
 * @throws RangeError naming the parameter and the bad value, e.g. `2023-02-29` or `2024-1-5`
 */
export function assertIsoDate(value: unknown, parameter: string): IsoDate {
  if (typeof value === 'string' && isRealIsoDate(value)) return value;
  throw new RangeError(
    `Parameter "${parameter}" must be a real calendar date written YYYY-MM-DD, got ${describeValue(value)}`,
  );
}

function toMillis(date: IsoDate, parameter: string): number {
  return utcMillisOfIsoDate(assertIsoDate(date, parameter));
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return addIsoDays(assertIsoDate(date, 'date'), days);
}

/**
 * `date` plus `months` calendar months (negative goes back). When the target month is shorter,
 * the day is clamped to its last day (31 March − 1 month = 28/29 February), as date-fns does.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = assertIsoDate(date, 'date').split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  // A target year outside 1–9999 is refused by isoDateOfUtcMillis.
  return isoDateOfUtcMillis(utcMillis(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

/** Whole calendar days from `earlier` to `later` (negative when `later` is before `earlier`). */
export function differenceInDays(later: IsoDate, earlier: IsoDate): number {
  return Math.round((toMillis(later, 'later') - toMillis(earlier, 'earlier')) / MS_PER_DAY);
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const sundayIsZero = new Date(toMillis(date, 'date')).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

/** The last day of the month containing `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  const [year, month] = assertIsoDate(date, 'date').split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return assertIsoDate(a, 'a') >= assertIsoDate(b, 'b') ? a : b;
}
