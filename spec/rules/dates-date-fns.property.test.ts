/**
 * The rule engine's calendar arithmetic (src/rules/dates.ts) checked against date-fns, the
 * field's reference library for it. The library does its own arithmetic on ISO strings through
 * UTC, so no host time zone can move a date (date-fns works on local `Date`s); its docs promise
 * date-fns' semantics, e.g. "31 March − 1 month = 28/29 February, as date-fns does".
 *
 * The oracle's dates are local noon, so no daylight-saving jump (at most an hour or two, at
 * night) can move them to the neighbouring day in whatever zone the tests run.
 */
import { addDays as fnsAddDays, addMonths as fnsAddMonths, differenceInCalendarDays, getISODay, lastDayOfMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, differenceInDays, endOfMonth, isoWeekday } from '../../src/rules/dates.js';

function localNoon(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(year, month - 1, day); // setFullYear, because the constructor maps 0–99 to 1900–1999
  return date;
}

function isoOf(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Real calendar dates across the whole supported range, month ends over-represented. */
const isoDate = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1895, max: 2105 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
  })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // days in `month` of a leap year
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const clamped = Math.min(day, month === 2 && !leap ? 28 : last);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
  });

const inRange = (iso: string) => iso >= '0001-01-01' && iso <= '9999-12-31' && iso.length === 10;

describe('date arithmetic agrees with date-fns', () => {
  it('addMonths clamps to the end of a shorter month exactly as date-fns addMonths', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -1300, max: 1300 }), (date, months) => {
        const expected = isoOf(fnsAddMonths(localNoon(date), months));
        fc.pre(inRange(expected));
        expect(addMonths(date, months)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('addDays and differenceInDays are date-fns addDays and differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const expected = isoOf(fnsAddDays(localNoon(date), days));
        fc.pre(inRange(expected));
        expect(addDays(date, days)).toBe(expected);
        expect(differenceInDays(expected, date)).toBe(differenceInCalendarDays(localNoon(expected), localNoon(date)));
      }),
      { numRuns: 3000 },
    );
  });

  it('isoWeekday and endOfMonth are date-fns getISODay and lastDayOfMonth', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(isoWeekday(date)).toBe(getISODay(localNoon(date)));
        expect(endOfMonth(date)).toBe(isoOf(lastDayOfMonth(localNoon(date))));
      }),
      { numRuns: 3000 },
    );
  });

  it('the examples the docs give', () => {
    expect(addMonths('2024-03-31', -1)).toBe(isoOf(fnsAddMonths(localNoon('2024-03-31'), -1)));
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
  });
});
