/**
 * Calendar-date facts every layer needs (EDIFACT format 102 `CCYYMMDD`, ISO `YYYY-MM-DD`, CPR
 * birth dates): one place for month lengths and "is this a real day". Proleptic Gregorian,
 * years 0001–9999.
 */

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
const WIRE_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` naming a real calendar day. */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True when `value` is `CCYYMMDD` (EDIFACT date format 102) naming a real calendar day. */
export function isRealCcyymmdd(value: string): boolean {
  const m = WIRE_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
