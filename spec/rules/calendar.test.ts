import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createCalendar,
  danishCalendar,
  easterSunday,
  isDanishWorkingDay,
  lastWorkingDayOfMonth,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  weekdayCalendar,
  type BusinessCalendar,
} from '../../src/rules/calendar.js';
import { addDays, addMonths, assertIsoDate, differenceInDays, endOfMonth, isoWeekday } from '../../src/rules/dates.js';

// Test-side date arithmetic on UTC epoch days, independent of the code under test.
const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOfEpochDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const utcWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday

/** ISO dates 1950–2150, generated through UTC so the host time zone cannot shift them. */
const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function workingDaysBetween(fromExclusive: string, toInclusive: string, calendar: BusinessCalendar): number {
  let count = 0;
  for (let day = epochDay(fromExclusive) + 1; day <= epochDay(toInclusive); day++) {
    if (calendar.isWorkingDay(isoOfEpochDay(day))) count++;
  }
  return count;
}

describe('ISO date helpers', () => {
  it.each([
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-10-27', 1, '2024-10-28'], // EU daylight-saving change: must still be exactly one day
    ['2024-03-31', 1, '2024-04-01'],
    ['0050-06-15', 0, '0050-06-15'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-03-31', -1, '2024-02-29'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-01'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2024-11-30', 2, '2025-01-30'],
  ])('addMonths(%s, %i) = %s (clamped to month end)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('knows month ends, weekdays and day differences', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2023-02-10')).toBe('2023-02-28');
    expect(endOfMonth('2024-09-01')).toBe('2024-09-30');
    expect(isoWeekday('2024-08-01')).toBe(4); // Thursday
    expect(isoWeekday('2024-03-31')).toBe(7); // Sunday
    expect(differenceInDays('2024-08-31', '2024-08-01')).toBe(30);
    expect(differenceInDays('2024-03-01', '2024-02-28')).toBe(2);
  });

  it.each(['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-05', '24-01-05', '2024-01-05T00:00', '', '0000-01-01'])(
    'rejects %j with a RangeError naming the parameter and the value',
    (bad) => {
      expect(() => assertIsoDate(bad, 'someParameter')).toThrow(RangeError);
      expect(() => assertIsoDate(bad, 'someParameter')).toThrow(/"someParameter".*got "/);
      expect(() => assertIsoDate(bad, 'someParameter')).toThrow(JSON.stringify(bad));
    },
  );

  it('rejects non-strings', () => {
    expect(() => assertIsoDate(undefined, 'date')).toThrow(/"date".*undefined/);
    expect(() => assertIsoDate(20240101, 'date')).toThrow(RangeError);
  });

  it('refuses to leave the four-digit year range', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(/left the supported range 0001-01-01\.\.9999-12-31/);
    expect(() => addMonths('0001-01-15', -1)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(/left the supported range/);
    // …and to reach both of its ends.
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addMonths('0001-02-28', -1)).toBe('0001-01-28');
    expect(addMonths('9999-11-30', 1)).toBe('9999-12-30');
  });

  it('addDays agrees with UTC epoch-day arithmetic', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(epochDay(addDays(date, days)) - epochDay(date)).toBe(days);
      }),
    );
  });
});

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    // Years whose golden number is 0 (the epact sum is smallest) and years whose correction term m is 1.
    [2014, '2014-04-20'],
    [2033, '2033-04-17'],
    [1954, '1954-04-18'],
    [1981, '1981-04-19'],
    [2049, '2049-04-18'],
    [2076, '2076-04-19'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("agrees with Oudin's algorithm (a different derivation of the Gregorian computus) for every year 1–9999", () => {
    const f = Math.floor;
    const oudin = (y: number) => {
      const g = y % 19;
      const c = f(y / 100);
      const h = (c - f(c / 4) - f((8 * c + 13) / 25) + 19 * g + 15) % 30;
      const i = h - f(h / 28) * (1 - f(29 / (h + 1)) * f((21 - g) / 11));
      const j = (y + f(y / 4) + i + 2 - c + f(c / 4)) % 7;
      const l = i - j;
      const month = 3 + f((l + 40) / 44);
      return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(l + 28 - 31 * f(month / 4)).padStart(2, '0')}`;
    };
    const disagree: number[] = [];
    for (let year = 1; year <= 9999; year++) if (easterSunday(year) !== oudin(year)) disagree.push(year);
    expect(disagree).toEqual([]);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(utcWeekday(easter)).toBe(0);
        expect(easter.slice(0, 4)).toBe(String(year));
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });

  it('rejects a year that is not an integer in 1..9999', () => {
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
    expect(() => easterSunday(0)).toThrow(/year/);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
    expect(easterSunday(1)).toBe('0001-04-01');
    expect(easterSunday(9999)).toBe('9999-03-28');
  });
});

describe('danishCalendar', () => {
  it.each([
    ['2024-01-01', 'Nytårsdag'],
    ['2024-03-28', 'Skærtorsdag'],
    ['2024-03-29', 'Langfredag'],
    ['2024-04-01', '2. påskedag'],
    ['2024-05-09', 'Kristi himmelfartsdag'],
    ['2024-05-10', 'Fredag efter Kristi himmelfartsdag'],
    ['2024-05-20', '2. pinsedag'],
    ['2024-06-05', 'Grundlovsdag'],
    ['2024-12-24', 'Juleaftensdag'],
    ['2024-12-25', '1. juledag'],
    ['2024-12-26', '2. juledag'],
    ['2024-12-31', 'Nytårsaftensdag'],
    ['2023-05-05', 'Store bededag'],
    ['2023-04-06', 'Skærtorsdag'],
    ['2025-04-17', 'Skærtorsdag'],
    ['2025-04-18', 'Langfredag'],
    ['2025-04-21', '2. påskedag'],
    ['2025-05-29', 'Kristi himmelfartsdag'],
    ['2025-05-30', 'Fredag efter Kristi himmelfartsdag'],
    ['2025-06-05', 'Grundlovsdag'],
    ['2025-06-09', '2. pinsedag'],
  ])('%s (a weekday) is %s, not a working day', (date, name) => {
    expect(utcWeekday(date)).not.toBe(0);
    expect(utcWeekday(date)).not.toBe(6);
    expect(isDanishWorkingDay(date)).toBe(false);
    expect(danishCalendar.holidayName(date)).toContain(name);
  });

  it.each([
    ['2024-04-26', 'Great Prayer Day is no longer a holiday from 2024'],
    ['2024-12-27', 'the Friday between Christmas and the weekend'],
    ['2024-12-30', 'the Monday before New Year'],
    ['2025-01-02', 'the day after New Year'],
    ['2024-06-04', 'the day before Constitution Day'],
    ['2024-06-06', 'the day after Constitution Day'],
    ['2024-05-08', 'the day before Ascension'],
    ['2024-05-21', 'the day after Whit Monday'],
    ['2024-02-29', 'a leap day on a Thursday'],
    ['2024-03-27', 'the Wednesday before Easter'],
  ])('%s is a working day (%s)', (date) => {
    expect(isDanishWorkingDay(date)).toBe(true);
    expect(danishCalendar.holidayName(date)).toBeNull();
  });

  it('names Easter Sunday and Whit Sunday, which are Sundays anyway', () => {
    expect(danishCalendar.holidayName('2024-03-31')).toContain('Påskedag');
    expect(danishCalendar.holidayName('2024-05-19')).toContain('Pinsedag');
    expect(isDanishWorkingDay('2024-03-31')).toBe(false);
  });

  it('gives ordinary weekends no holiday name', () => {
    expect(danishCalendar.holidayName('2024-08-03')).toBeNull();
    expect(isDanishWorkingDay('2024-08-03')).toBe(false);
    expect(isDanishWorkingDay('2024-08-04')).toBe(false);
  });

  it('never treats a Saturday or Sunday as a working day, and has a name for every closed weekday', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const weekend = utcWeekday(date) === 0 || utcWeekday(date) === 6;
        if (weekend) expect(isDanishWorkingDay(date)).toBe(false);
        else expect(isDanishWorkingDay(date)).toBe(danishCalendar.holidayName(date) === null);
      }),
    );
  });

  it('closes between 7 and 13 weekdays a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), (year) => {
        let closedWeekdays = 0;
        for (let day = epochDay(`${year}-01-01`); day <= epochDay(`${year}-12-31`); day++) {
          const date = isoOfEpochDay(day);
          if (utcWeekday(date) % 6 !== 0 && !isDanishWorkingDay(date)) closedWeekdays++;
        }
        expect(closedWeekdays).toBeGreaterThanOrEqual(7);
        expect(closedWeekdays).toBeLessThanOrEqual(13);
      }),
      { numRuns: 40 },
    );
  });

  it('validates its input', () => {
    expect(() => isDanishWorkingDay('2024-02-30')).toThrow(/"date".*"2024-02-30"/);
    expect(() => danishCalendar.holidayName('31-12-2024')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-03-27', 1, '2024-04-02'], // over Maundy Thursday, Good Friday, the weekend, Easter Monday
    ['2024-03-26', 3, '2024-04-03'],
    ['2024-05-08', 1, '2024-05-13'], // over Ascension and the Friday after it
    ['2024-06-04', 1, '2024-06-06'], // over Constitution Day
    ['2024-12-23', 1, '2024-12-27'],
    ['2024-12-27', 1, '2024-12-30'],
    ['2024-12-30', 1, '2025-01-02'],
    ['2023-05-04', 1, '2023-05-08'], // Great Prayer Day 2023
    ['2024-04-25', 1, '2024-04-26'], // no Great Prayer Day in 2024
    ['2024-08-03', 1, '2024-08-05'], // from a Saturday
    ['2024-08-02', 5, '2024-08-09'],
    ['2024-03-27', 0, '2024-03-27'], // working day: itself
    ['2024-03-28', 0, '2024-04-02'], // holiday: the next working day
    ['2024-08-03', 0, '2024-08-05'],
    ['2024-04-02', -1, '2024-03-27'],
    ['2024-04-01', -1, '2024-03-27'],
    ['2025-01-02', -1, '2024-12-30'],
    ['2024-08-05', -1, '2024-08-02'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('rejects a non-integer count and a bad date', () => {
    expect(() => addWorkingDays('2024-08-01', 1.5)).toThrow(/"n"/);
    expect(() => addWorkingDays('2024-08-01', Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-08-32', 1)).toThrow(/"date".*"2024-08-32"/);
  });

  it('for n >= 1 lands on a working day after date, with exactly n working days in between', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(result > date).toBe(true);
        expect(isDanishWorkingDay(result)).toBe(true);
        expect(workingDaysBetween(date, result, danishCalendar)).toBe(n);
      }),
    );
  });

  it('for n <= -1 mirrors n >= 1', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        const result = addWorkingDays(date, -n);
        expect(result < date).toBe(true);
        expect(isDanishWorkingDay(result)).toBe(true);
        // date itself never counts, so count the working days in [result, date).
        expect(workingDaysBetween(addDays(result, -1), addDays(date, -1), danishCalendar)).toBe(n);
      }),
    );
  });

  it('goes back to a working day it started from', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
        fc.pre(isDanishWorkingDay(date));
        expect(addWorkingDays(addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('for n = 0 rolls forward to the first working day on or after date', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const result = addWorkingDays(date, 0);
        expect(result >= date).toBe(true);
        expect(isDanishWorkingDay(result)).toBe(true);
        expect(workingDaysBetween(addDays(date, -1), addDays(result, -1), danishCalendar)).toBe(0);
        expect(nextWorkingDayOnOrAfter(date)).toBe(result);
      }),
    );
  });
});

describe('previousWorkingDayOnOrBefore', () => {
  it.each([
    ['2024-12-31', '2024-12-30'],
    ['2024-03-31', '2024-03-27'],
    ['2023-05-07', '2023-05-04'],
    ['2024-04-28', '2024-04-26'],
    ['2024-06-05', '2024-06-04'],
    ['2024-05-10', '2024-05-08'],
    ['2024-08-01', '2024-08-01'],
  ])('previousWorkingDayOnOrBefore(%s) = %s', (date, expected) => {
    expect(previousWorkingDayOnOrBefore(date)).toBe(expected);
  });
});

describe('lastWorkingDayOfMonth', () => {
  it.each([
    ['2024-12-05', '2024-12-30'], // 31 Dec is a bank closing day
    ['2023-12-01', '2023-12-29'], // 31 Dec on a Sunday
    ['2024-03-15', '2024-03-27'], // Easter at the end of March 2024
    ['2025-04-30', '2025-04-30'], // Easter in April 2025, month end untouched
    ['2025-05-01', '2025-05-28'], // 29 May Ascension, 30 May Friday after, 31 May Saturday
    ['2024-02-01', '2024-02-29'], // leap year
    ['2023-02-01', '2023-02-28'],
    ['2024-08-31', '2024-08-30'], // 31 Aug on a Saturday
    ['2024-01-01', '2024-01-31'],
  ])('lastWorkingDayOfMonth(%s) = %s', (date, expected) => {
    expect(lastWorkingDayOfMonth(date)).toBe(expected);
  });

  it('is a working day in the same month with no working day after it in that month', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const last = lastWorkingDayOfMonth(date);
        expect(last.slice(0, 7)).toBe(date.slice(0, 7));
        expect(isDanishWorkingDay(last)).toBe(true);
        for (let day = epochDay(last) + 1; isoOfEpochDay(day).slice(0, 7) === date.slice(0, 7); day++) {
          expect(isDanishWorkingDay(isoOfEpochDay(day))).toBe(false);
        }
      }),
    );
  });
});

describe('createCalendar', () => {
  const companyCalendar = createCalendar({
    id: 'company',
    extraHolidays: { '2024-08-02': 'Company summer party' },
    extraWorkingDays: ['2024-12-31', '2024-08-03'],
  });

  it('adds holidays and working days on top of the Danish calendar', () => {
    expect(companyCalendar.id).toBe('company');
    expect(companyCalendar.isWorkingDay('2024-08-02')).toBe(false);
    expect(companyCalendar.holidayName('2024-08-02')).toBe('Company summer party');
    expect(companyCalendar.isWorkingDay('2024-12-31')).toBe(true);
    expect(companyCalendar.holidayName('2024-12-31')).toBeNull();
    expect(companyCalendar.isWorkingDay('2024-08-03')).toBe(true); // an opened Saturday
    expect(companyCalendar.isWorkingDay('2024-12-24')).toBe(false); // inherited
    expect(addWorkingDays('2024-08-01', 1, companyCalendar)).toBe('2024-08-03');
    expect(lastWorkingDayOfMonth('2024-12-01', companyCalendar)).toBe('2024-12-31');
    expect(previousWorkingDayOnOrBefore('2024-08-02', companyCalendar)).toBe('2024-08-01');
  });

  it('can start from a plain Monday–Friday calendar', () => {
    const weekdays = createCalendar({ id: 'no-holidays', base: weekdayCalendar });
    expect(weekdays.isWorkingDay('2024-12-25')).toBe(true);
    expect(weekdays.isWorkingDay('2024-12-28')).toBe(false);
    expect(addWorkingDays('2024-03-27', 1, weekdays)).toBe('2024-03-28');
  });

  it('rejects bad or contradictory dates in its options', () => {
    expect(() => createCalendar({ id: 'x', extraHolidays: { '2024-02-30': 'nope' } })).toThrow(/extraHolidays.*2024-02-30/);
    expect(() => createCalendar({ id: 'x', extraWorkingDays: ['2024/01/01'] })).toThrow(RangeError);
    expect(() =>
      createCalendar({ id: 'x', extraHolidays: { '2024-01-02': 'a' }, extraWorkingDays: ['2024-01-02'] }),
    ).toThrow(/both/);
  });

  it('reports a calendar without working days instead of looping forever', () => {
    const closed = createCalendar({ id: 'closed', base: { id: 'never', isWorkingDay: () => false, holidayName: () => 'closed' } });
    expect(() => addWorkingDays('2024-01-01', 1, closed)).toThrow(/"closed" has no working day/);
    expect(() => lastWorkingDayOfMonth('2024-01-01', closed)).toThrow(/no working day/);
  });

  it('looks 3,660 days ahead or back for a working day, and names the direction when there is none', () => {
    const from = '2024-01-01';
    const opensAt = (first: string): BusinessCalendar => ({ id: 'opens', isWorkingDay: (d) => d >= first, holidayName: () => null });
    const closesAt = (last: string): BusinessCalendar => ({ id: 'closes', isWorkingDay: (d) => d <= last, holidayName: () => null });
    expect(nextWorkingDayOnOrAfter(from, opensAt(addDays(from, 3660)))).toBe(addDays(from, 3660));
    expect(() => nextWorkingDayOnOrAfter(from, opensAt(addDays(from, 3661)))).toThrow('Calendar "opens" has no working day within 3660 days after 2024-01-01');
    expect(previousWorkingDayOnOrBefore(from, closesAt(addDays(from, -3660)))).toBe(addDays(from, -3660));
    expect(() => previousWorkingDayOnOrBefore(from, closesAt(addDays(from, -3661)))).toThrow('Calendar "closes" has no working day within 3660 days before 2024-01-01');
  });

  it('reports a month without working days', () => {
    const januaryOff: Record<string, string> = {};
    for (let day = 1; day <= 31; day++) januaryOff[`2024-01-${String(day).padStart(2, '0')}`] = 'closed';
    const calendar = createCalendar({ id: 'january-off', extraHolidays: januaryOff });
    expect(() => lastWorkingDayOfMonth('2024-01-10', calendar)).toThrow(/"january-off" has no working day in 2024-01/);
  });
});
