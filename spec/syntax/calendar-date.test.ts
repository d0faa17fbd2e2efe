import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isRealCcyymmdd, isRealIsoDate } from '../../src/syntax/calendar-date.js';

describe('calendar dates (one implementation for every layer)', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2024, 1900, 2000, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
  });

  it('accepts exactly the real days, in both notations', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
    expect(isRealIsoDate('2024-2-29')).toBe(false);
    expect(isRealIsoDate('0000-01-01')).toBe(false);
    expect(isRealCcyymmdd('20240229')).toBe(true);
    expect(isRealCcyymmdd('20241301')).toBe(false);
    expect(isRealCcyymmdd('2024022')).toBe(false);
  });

  it('takes only eight ASCII digits as CCYYMMDD', () => {
    for (const v of ['2024010a', '2024+101', '20240/01', ' 2024010', '２０２４0101', '202401011', '-2024011', '2024.101']) {
      expect(isRealCcyymmdd(v), v).toBe(false);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '/', ':', '-', 'a', ' ', '٣'), minLength: 6, maxLength: 10 }), (v) => {
        const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
        const real = m !== null && isRealIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
        expect(isRealCcyymmdd(v)).toBe(real);
      }),
    );
  });

  it('agrees with the JavaScript calendar for every day of years 1–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const probe = new Date(0);
        probe.setUTCFullYear(y, m - 1, d);
        const real = probe.getUTCDate() === d;
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isRealIsoDate(iso)).toBe(real);
        expect(isRealCcyymmdd(iso.replaceAll('-', ''))).toBe(real);
      }),
    );
  });
});
