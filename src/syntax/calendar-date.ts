/**
 * Calendar-date facts every layer needs (EDIFACT format 102 `CCYYMMDD`, ISO `YYYY-MM-DD`, CPR
 * birth dates, the `HHMM` of UNB/UNG S004): one place for month lengths, "is this a real day"
 * and "is this a time of day". Proleptic Gregorian, years 0001–9999.
 */
import { digitsAt } from './segment.js';

/** Number of days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year (1–9999), month (1–12) and day name a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` naming a real calendar day. */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * True when `value` is `CCYYMMDD` (EDIFACT date format 102) naming a real calendar day.
 * Read digit by digit rather than by regex: the validator asks this for every DTM.
 */
export function isRealCcyymmdd(value: string): boolean {
  if (value.length !== 8) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 4, 6);
  const day = digitsAt(value, 6, 8);
  return year !== -1 && month !== -1 && day !== -1 && isCalendarDate(year, month, day);
}

/** True when `value` is `HHMM` naming a time of day, 0000–2359 (UNB/UNG S004 0019). */
export function isTimeOfDay(value: string): boolean {
  if (value.length !== 4) return false;
  const hours = digitsAt(value, 0, 2);
  const minutes = digitsAt(value, 2, 4);
  return hours !== -1 && minutes !== -1 && hours < 24 && minutes < 60;
}

/** Milliseconds in a calendar day (UTC has no daylight-saving jumps). */
export const MS_PER_DAY = 86_400_000;

/**
 * UTC milliseconds of year, month (1–12) and day; a day or month out of range rolls over
 * (`Date.UTC` maps years 0–99 to 1900–1999; `setUTCFullYear` does not). UTC has no
 * daylight-saving jumps and does not depend on the host's `TZ`.
 */
export function utcMillis(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/**
 * The ISO date `YYYY-MM-DD` of UTC milliseconds.
 * @throws RangeError when the year is outside 0001–9999
 */
export function isoDateOfUtcMillis(millis: number): string {
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) {
    throw new RangeError('Date arithmetic left the supported range 0001-01-01..9999-12-31');
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** UTC milliseconds of a real ISO date `YYYY-MM-DD` (the caller checked it). */
export function utcMillisOfIsoDate(date: string): number {
  return utcMillis(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/**
 * A real ISO date `YYYY-MM-DD` (the caller checked it) plus `days` calendar days (negative goes back).
 * @throws RangeError when the result is outside 0001–9999
 */
export function addIsoDays(date: string, days: number): string {
  return isoDateOfUtcMillis(utcMillisOfIsoDate(date) + days * MS_PER_DAY);
}
