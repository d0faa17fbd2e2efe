/**
 * Business calendars: which dates count as working days (arbejdsdage) for deadlines.
 *
 * The F&P guides count some deadlines in working days ("senest den sidste arbejdsdag i en
 * måned", CONTRL "senest 1 arbejdsdag efter modtagelse"). The guides do not list the days,
 * so {@link danishCalendar} is our documented assumption: Danish public holidays plus the
 * days Danish banks are closed. Any function that needs working days takes a
 * {@link BusinessCalendar}, so an integrator can plug in another one ({@link createCalendar}).
 *
 * @module
 */
import { addDays, assertIsoDate, endOfMonth, isoWeekday, type IsoDate } from './dates.js';
import { CALENDAR_OPTION_CHECKS, calendarArgument, checkOptions } from './option-checks.js';

/** Decides which dates are working days. All dates are ISO `YYYY-MM-DD` strings. */
export interface BusinessCalendar {
  /** Stable identifier of the calendar, e.g. `dk-working-days`; shows up in diagnostics. */
  readonly id: string;
  /** True when business is done on `date` (so a deadline may fall on it). */
  isWorkingDay(date: IsoDate): boolean;
  /** The name of the holiday or closing day on `date`, or `null` (ordinary weekdays and weekends). */
  holidayName(date: IsoDate): string | null;
}

/** The most days we search for a working day before deciding the calendar has none. */
const MAX_DAYS_WITHOUT_WORKING_DAY = 3_660;

function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

const easterCache = new Map<number, IsoDate>();

/**
 * Easter Sunday (påskedag) of a Gregorian `year`, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Cached per year.
 *
 * @throws RangeError when `year` is not an integer from 1 to 9999
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Parameter "year" must be an integer from 1 to 9999, got ${String(year)}`);
  }
  const cached = easterCache.get(year);
  if (cached !== undefined) return cached;
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  easterCache.set(year, easter);
  return easter;
}

/** Store bededag stopped being a public holiday from 2024 (abolished by an act of 2023). */
const LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

const danishHolidayCache = new Map<number, ReadonlyMap<IsoDate, string>>();

/**
 * The Danish non-working days of `year` that can fall on a weekday, keyed by ISO date:
 * public holidays (helligdage) and the banks' closing days (bankernes lukkedage).
 * Easter Sunday and Whit Sunday are listed for naming only: they are Sundays anyway.
 * Cached per year.
 */
export function danishHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const cached = danishHolidayCache.get(year);
  if (cached !== undefined) return cached;
  const easter = easterSunday(year);
  const y = String(year).padStart(4, '0');
  const fromEaster = (days: number) => addDays(easter, days);
  const entries: Array<[IsoDate, string]> = [
    [`${y}-01-01`, "Nytårsdag (New Year's Day)"],
    [fromEaster(-3), 'Skærtorsdag (Maundy Thursday)'],
    [fromEaster(-2), 'Langfredag (Good Friday)'],
    [easter, 'Påskedag (Easter Sunday)'],
    [fromEaster(1), '2. påskedag (Easter Monday)'],
    [fromEaster(39), 'Kristi himmelfartsdag (Ascension Day)'],
    [fromEaster(40), 'Fredag efter Kristi himmelfartsdag (Friday after Ascension, bank closing day)'],
    [fromEaster(49), 'Pinsedag (Whit Sunday)'],
    [fromEaster(50), '2. pinsedag (Whit Monday)'],
    [`${y}-06-05`, 'Grundlovsdag (Constitution Day, bank closing day)'],
    [`${y}-12-24`, 'Juleaftensdag (Christmas Eve, bank closing day)'],
    [`${y}-12-25`, '1. juledag (Christmas Day)'],
    [`${y}-12-26`, '2. juledag (Boxing Day)'],
    [`${y}-12-31`, "Nytårsaftensdag (New Year's Eve, bank closing day)"],
  ];
  if (year <= LAST_YEAR_WITH_GREAT_PRAYER_DAY) {
    // The fourth Friday after Easter.
    entries.push([fromEaster(26), 'Store bededag (Great Prayer Day)']);
  }
  const holidays: ReadonlyMap<IsoDate, string> = new Map(entries);
  danishHolidayCache.set(year, holidays);
  return holidays;
}

function danishHolidayName(date: IsoDate): string | null {
  const year = Number(assertIsoDate(date, 'date').slice(0, 4));
  return danishHolidays(year).get(date) ?? null;
}

/**
 * The default calendar: Danish working days (arbejdsdage) as Danish banks count them.
 * Monday–Friday, except public holidays — 1 January, Maundy Thursday, Good Friday,
 * Easter Monday, Great Prayer Day (Easter + 26, up to and including 2023), Ascension Day,
 * Whit Monday, 25 and 26 December — and the banks' closing days — 5 June (Constitution Day),
 * 24 December, 31 December and the Friday after Ascension.
 */
export const danishCalendar: BusinessCalendar = Object.freeze({
  id: 'dk-working-days',
  isWorkingDay: (date: IsoDate) => !isWeekend(assertIsoDate(date, 'date')) && danishHolidayName(date) === null,
  holidayName: danishHolidayName,
});

/** Monday–Friday with no holidays at all; a neutral base for {@link createCalendar}. */
export const weekdayCalendar: BusinessCalendar = Object.freeze({
  id: 'weekdays',
  isWorkingDay: (date: IsoDate) => !isWeekend(assertIsoDate(date, 'date')),
  holidayName: (date: IsoDate) => (assertIsoDate(date, 'date'), null),
});

/** Options of {@link createCalendar}. */
export interface CalendarOptions {
  /** Identifier of the new calendar. */
  id: string;
  /** The calendar to start from; default {@link danishCalendar}. */
  base?: BusinessCalendar;
  /** Extra non-working days, ISO date → name (e.g. a company's own closing day). */
  extraHolidays?: Readonly<Record<IsoDate, string>>;
  /** Dates that are working days whatever `base` says (e.g. to drop a holiday or open a Saturday). */
  extraWorkingDays?: readonly IsoDate[];
}

/**
 * Builds a pluggable calendar from a base calendar plus date-level exceptions.
 *
 * @throws RangeError when a date in the options is not a real `YYYY-MM-DD` date, or is both
 *   an extra holiday and an extra working day
 */
export function createCalendar(options: CalendarOptions): BusinessCalendar {
  checkOptions(options, CALENDAR_OPTION_CHECKS, 'createCalendar');
  if (options?.id === undefined) throw new TypeError('fp-edifact: createCalendar: option id is required');
  const { id, base = danishCalendar, extraHolidays = {}, extraWorkingDays = [] } = options;
  const holidays = new Map<IsoDate, string>();
  for (const [date, name] of Object.entries(extraHolidays)) {
    holidays.set(assertIsoDate(date, 'extraHolidays'), name);
  }
  const workingDays = new Set<IsoDate>();
  for (const date of extraWorkingDays) {
    workingDays.add(assertIsoDate(date, 'extraWorkingDays'));
    if (holidays.has(date)) {
      throw new RangeError(`Date ${date} is both in "extraHolidays" and in "extraWorkingDays"`);
    }
  }
  return Object.freeze({
    id,
    isWorkingDay(date: IsoDate): boolean {
      if (holidays.has(assertIsoDate(date, 'date'))) return false;
      return workingDays.has(date) || base.isWorkingDay(date);
    },
    holidayName(date: IsoDate): string | null {
      const extra = holidays.get(assertIsoDate(date, 'date'));
      if (extra !== undefined) return extra;
      return workingDays.has(date) ? null : base.holidayName(date);
    },
  });
}

/** True when `date` is a Danish working day in {@link danishCalendar}. */
export function isDanishWorkingDay(date: IsoDate): boolean {
  return danishCalendar.isWorkingDay(date);
}

/** First working day found walking from `from` (inclusive) in direction `step`. */
function findWorkingDay(from: IsoDate, step: 1 | -1, calendar: BusinessCalendar): IsoDate {
  let candidate = from;
  for (let searched = 0; searched <= MAX_DAYS_WITHOUT_WORKING_DAY; searched++) {
    if (calendar.isWorkingDay(candidate)) return candidate;
    candidate = addDays(candidate, step);
  }
  throw new Error(
    `Calendar "${calendar.id}" has no working day within ${MAX_DAYS_WITHOUT_WORKING_DAY} days ${step > 0 ? 'after' : 'before'} ${from}`,
  );
}

/** The last argument of the working-day helpers: a calendar, or `{ calendar }` as the deadline functions take it. */
export type CalendarArgument =
  | BusinessCalendar
  | {
      /** Which days are working days; default {@link danishCalendar}. */
      calendar?: BusinessCalendar | undefined;
    };

/** `date` itself when it is a working day, else the nearest working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendarOrOptions: CalendarArgument = danishCalendar): IsoDate {
  const calendar = calendarArgument(calendarOrOptions, 'nextWorkingDayOnOrAfter', danishCalendar);
  return findWorkingDay(assertIsoDate(date, 'date'), 1, calendar);
}

/** `date` itself when it is a working day, else the nearest working day before it. */
export function previousWorkingDayOnOrBefore(date: IsoDate, calendarOrOptions: CalendarArgument = danishCalendar): IsoDate {
  const calendar = calendarArgument(calendarOrOptions, 'previousWorkingDayOnOrBefore', danishCalendar);
  return findWorkingDay(assertIsoDate(date, 'date'), -1, calendar);
}

/**
 * Counts `n` working days from `date`.
 *
 * - `n >= 1`: the n-th working day strictly after `date` (`date` itself never counts,
 *   working day or not): Wednesday + 1 = Thursday; Friday + 1 = Monday.
 * - `n = 0`: `date` when it is a working day, else the next working day (roll forward).
 * - `n <= -1`: the mirror image, the |n|-th working day strictly before `date`.
 *
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date or `n` is not an integer
 */
export function addWorkingDays(date: IsoDate, n: number, calendarOrOptions: CalendarArgument = danishCalendar): IsoDate {
  const calendar = calendarArgument(calendarOrOptions, 'addWorkingDays', danishCalendar);
  assertIsoDate(date, 'date');
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Parameter "n" must be an integer number of working days, got ${String(n)}`);
  }
  if (n === 0) return findWorkingDay(date, 1, calendar);
  const step = n > 0 ? 1 : -1;
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0; remaining--) {
    current = findWorkingDay(addDays(current, step), step, calendar);
  }
  return current;
}

/**
 * The last working day (sidste arbejdsdag) of the month containing `date`.
 *
 * @throws Error when the calendar has no working day in that month
 */
export function lastWorkingDayOfMonth(date: IsoDate, calendarOrOptions: CalendarArgument = danishCalendar): IsoDate {
  const calendar = calendarArgument(calendarOrOptions, 'lastWorkingDayOfMonth', danishCalendar);
  const monthEnd = endOfMonth(assertIsoDate(date, 'date'));
  const candidate = findWorkingDay(monthEnd, -1, calendar);
  if (candidate.slice(0, 7) !== date.slice(0, 7)) {
    throw new Error(`Calendar "${calendar.id}" has no working day in ${date.slice(0, 7)}`);
  }
  return candidate;
}
