import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, isDanishWorkingDay, lastWorkingDayOfMonth, weekdayCalendar } from '../../src/rules/calendar.js';
import {
  contrlChaseDate,
  contrlDueDate,
  deadlineRules,
  earliestChangeOfInsurerDate,
  earliestReminderDate,
  isCancellationOnTime,
  latestLAcceptDate,
  latestOnTimeSendDate,
  lienholderReminderDate,
  otherDateResendDeadline,
  replyDeadline,
  resendDeadline,
  shortenedNoticeEffectiveDate,
  withdrawalDeadline,
  type CancellationKind,
  type CancellationToCheck,
} from '../../src/rules/deadlines.js';

// Test-side date arithmetic on UTC epoch days, independent of the code under test.
const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOfEpochDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const shift = (iso: string, days: number) => isoOfEpochDay(epochDay(iso) + days);

/** ISO dates 1950–2150, generated through UTC so the host time zone cannot shift them. */
const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const orderedDates = fc.tuple(isoDate, isoDate).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

describe('latestOnTimeSendDate (deadline.normal-notice)', () => {
  it.each([
    ['2024-03-01', '2024-01-31', 'the seed example shape: renewal 1 March -> last working day of January'],
    ['2024-04-01', '2024-02-29', 'leap day'],
    ['2023-04-01', '2023-02-28', 'no leap day'],
    ['2025-01-01', '2024-11-29', '30 November on a Saturday'],
    ['2025-02-01', '2024-12-30', '31 December is a bank closing day'],
    ['2024-02-01', '2023-12-29', '31 December on a Sunday'],
    ['2024-05-01', '2024-03-27', 'Easter in March 2024: 31 March is Easter Sunday'],
    ['2025-05-22', '2025-04-16', 'Easter in April 2025: 21 April is Easter Monday'],
    ['2024-07-06', '2024-06-04', '5 June, Constitution Day'],
    ['2024-06-11', '2024-05-08', 'Friday after Ascension and Ascension Day'],
    ['2023-06-06', '2023-05-04', 'Great Prayer Day 2023 is a holiday'],
    ['2024-05-27', '2024-04-26', 'Great Prayer Day 2024 is a working day'],
    ['2024-03-30', '2024-02-28', 'R - 1 month is clamped to 29 February'],
    ['2024-09-15', '2024-08-14', 'a renewal date in mid-month'],
  ])('renewal %s -> %s (%s)', (renewalDate, expected) => {
    expect(latestOnTimeSendDate(renewalDate)).toBe(expected);
  });

  it('takes the notice period and the calendar as options', () => {
    expect(latestOnTimeSendDate('2024-04-01', { noticeMonths: 3 })).toBe('2023-12-29');
    expect(latestOnTimeSendDate('2024-03-01', { noticeMonths: 0 })).toBe('2024-02-29');
    expect(latestOnTimeSendDate('2025-02-01', { calendar: weekdayCalendar })).toBe('2024-12-31');
  });

  it('rejects bad input', () => {
    expect(() => latestOnTimeSendDate('2023-02-29')).toThrow(/"renewalDate".*"2023-02-29"/);
    expect(() => latestOnTimeSendDate('2024-03-01', { noticeMonths: -1 })).toThrow(/noticeMonths/);
    expect(() => latestOnTimeSendDate('2024-03-01', { noticeMonths: 1.5 })).toThrow(RangeError);
  });

  it('is the last working day of the month two months before a first-of-month renewal', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const renewal = `${date.slice(0, 7)}-01`;
        const monthBeforeNoticeStart = shift(shift(renewal, -1).slice(0, 7) + '-01', -1);
        expect(latestOnTimeSendDate(renewal)).toBe(lastWorkingDayOfMonth(monthBeforeNoticeStart));
      }),
    );
  });

  it('is a working day before the notice period starts', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 24 }), (renewal, noticeMonths) => {
        const latest = latestOnTimeSendDate(renewal, { noticeMonths });
        expect(isDanishWorkingDay(latest)).toBe(true);
        // At least noticeMonths * 28 days and at most noticeMonths * 31 + 1 + 5 days before the renewal.
        const daysBefore = epochDay(renewal) - epochDay(latest);
        expect(daysBefore).toBeGreaterThanOrEqual(noticeMonths * 28 + 1);
        expect(daysBefore).toBeLessThanOrEqual(noticeMonths * 31 + 1 + 5);
      }),
    );
  });
});

describe('shortenedNoticeEffectiveDate (deadline.shortened-notice)', () => {
  it.each([
    ['2024-08-01', '2024-09-01', 'guide example: August has 31 days'],
    ['2024-09-01', '2024-11-01', 'guide example: September has only 30 days'],
    ['2024-01-01', '2024-02-01', 'default example'],
    ['2024-01-02', '2024-03-01', 'default example'],
    ['2024-01-31', '2024-04-01', 'leap February: 29 + 0 days is too short'],
    ['2024-01-30', '2024-03-01', 'exactly 30 days to 29 February 2024'],
    ['2023-01-29', '2023-03-01', 'exactly 30 days to 28 February 2023'],
    ['2023-01-30', '2023-04-01', 'one day later it is April'],
    ['2024-12-02', '2025-02-01', 'over the year end'],
    ['2024-12-01', '2025-01-01', '31 December is 30 days after 1 December'],
  ])('sent %s -> effective %s (%s)', (sentOn, expected) => {
    expect(shortenedNoticeEffectiveDate(sentOn)).toBe(expected);
  });

  it('is the first of the month after the earliest month ending at least 30 days after sending', () => {
    fc.assert(
      fc.property(isoDate, (sentOn) => {
        const effective = shortenedNoticeEffectiveDate(sentOn);
        expect(effective.endsWith('-01')).toBe(true);
        const endOfChosenMonth = shift(effective, -1);
        const endOfMonthBefore = shift(`${endOfChosenMonth.slice(0, 7)}-01`, -1);
        expect(epochDay(endOfChosenMonth) - epochDay(sentOn)).toBeGreaterThanOrEqual(30);
        expect(epochDay(endOfMonthBefore) - epochDay(sentOn)).toBeLessThan(30);
      }),
    );
  });
});

describe('calendar-day deadlines', () => {
  const offsets = [
    ['earliestReminderDate', earliestReminderDate, 21],
    ['replyDeadline', replyDeadline, 21],
    ['otherDateResendDeadline', otherDateResendDeadline, 21],
    ['resendDeadline', resendDeadline, 14],
    ['lienholderReminderDate', lienholderReminderDate, 21],
    ['latestLAcceptDate', latestLAcceptDate, 14],
    ['earliestChangeOfInsurerDate', earliestChangeOfInsurerDate, -30],
  ] as const;

  it.each([
    [earliestReminderDate, '2024-01-10', '2024-01-31'],
    [earliestReminderDate, '2024-02-15', '2024-03-07'], // over 29 February
    [replyDeadline, '2024-12-20', '2025-01-10'],
    [otherDateResendDeadline, '2024-02-08', '2024-02-29'],
    [resendDeadline, '2024-03-25', '2024-04-08'], // calendar days: Easter does not matter
    [lienholderReminderDate, '2024-02-10', '2024-03-02'], // "inden 20 dage": day 20 is still the insurer's
    [latestLAcceptDate, '2023-02-20', '2023-03-06'],
    [earliestChangeOfInsurerDate, '2024-03-30', '2024-02-29'],
    [earliestChangeOfInsurerDate, '2025-01-01', '2024-12-02'],
  ])('%o(%s) = %s', (fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });

  it.each(offsets)('%s is exactly %i calendar days from its input', (_name, fn, days) => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(epochDay(fn(date)) - epochDay(date)).toBe(days);
      }),
    );
  });

  it.each(offsets)('%s names its parameter when the date is bad', (_name, fn) => {
    expect(() => fn('2024-04-31')).toThrow(RangeError);
    expect(() => fn('2024-04-31')).toThrow(/"2024-04-31"/);
  });

  it('names the parameters in errors', () => {
    expect(() => earliestReminderDate('x')).toThrow(/"sentOn"/);
    expect(() => replyDeadline('x')).toThrow(/"receivedOn"/);
    expect(() => resendDeadline('x')).toThrow(/"rejectionReceivedOn"/);
    expect(() => otherDateResendDeadline('x')).toThrow(/"originalSentOn"/);
    expect(() => lienholderReminderDate('x')).toThrow(/"createdOn"/);
    expect(() => earliestChangeOfInsurerDate('x')).toThrow(/"policyEnd"/);
    expect(() => withdrawalDeadline('2024-01-01', 'x')).toThrow(/"policyReceivedOn"/);
    expect(() => withdrawalDeadline('x', '2024-01-01')).toThrow(/"policyStart"/);
    expect(() => contrlDueDate('x')).toThrow(/"receivedOn"/);
    expect(() => contrlChaseDate('x')).toThrow(/"sentOn"/);
  });
});

describe('withdrawalDeadline (deadline.withdrawal)', () => {
  it.each([
    ['2024-03-01', '2024-03-05', '2024-03-19'], // received after start: counts from receipt
    ['2024-03-10', '2024-03-05', '2024-03-24'], // received before start: counts from start
    ['2024-02-20', '2024-02-20', '2024-03-05'], // same day, leap year
  ])('policy start %s, received %s -> %s', (policyStart, policyReceivedOn, expected) => {
    expect(withdrawalDeadline(policyStart, policyReceivedOn)).toBe(expected);
  });
});

describe('CONTRL deadlines (deadline.contrl-due, deadline.contrl-chase)', () => {
  it.each([
    ['2024-08-01', '2024-08-02'],
    ['2024-08-02', '2024-08-05'], // Friday -> Monday
    ['2024-08-03', '2024-08-05'], // received on a Saturday
    ['2024-03-27', '2024-04-02'], // Easter 2024
    ['2025-04-16', '2025-04-22'], // Easter 2025
    ['2024-05-08', '2024-05-13'], // Ascension + Friday after
    ['2024-06-04', '2024-06-06'], // 5 June
    ['2024-12-23', '2024-12-27'],
    ['2024-12-30', '2025-01-02'],
    ['2023-05-04', '2023-05-08'], // Great Prayer Day 2023
    ['2024-04-25', '2024-04-26'], // no Great Prayer Day 2024
  ])('CONTRL for an interchange received %s is due %s', (receivedOn, expected) => {
    expect(contrlDueDate(receivedOn)).toBe(expected);
  });

  it.each([
    ['2024-08-01', '2024-08-06'],
    ['2024-03-26', '2024-04-03'],
    ['2024-12-20', '2024-12-30'],
  ])('a missing CONTRL for an interchange sent %s may be chased from %s', (sentOn, expected) => {
    expect(contrlChaseDate(sentOn)).toBe(expected);
  });

  it('uses the calendar it is given', () => {
    const calendar = createCalendar({ id: 'test', extraHolidays: { '2024-08-02': 'closed' } });
    expect(contrlDueDate('2024-08-01', { calendar })).toBe('2024-08-05');
    expect(contrlChaseDate('2024-03-26', { calendar: weekdayCalendar })).toBe('2024-03-29');
  });
});

describe('monotonicity: a later input never gives an earlier deadline', () => {
  const singleDate: ReadonlyArray<readonly [string, (date: string) => string]> = [
    ['latestOnTimeSendDate', (d) => latestOnTimeSendDate(d)],
    ['latestOnTimeSendDate 3 months', (d) => latestOnTimeSendDate(d, { noticeMonths: 3 })],
    ['shortenedNoticeEffectiveDate', shortenedNoticeEffectiveDate],
    ['earliestReminderDate', earliestReminderDate],
    ['replyDeadline', replyDeadline],
    ['resendDeadline', resendDeadline],
    ['otherDateResendDeadline', otherDateResendDeadline],
    ['contrlDueDate', (d) => contrlDueDate(d)],
    ['contrlChaseDate', (d) => contrlChaseDate(d)],
    ['lienholderReminderDate', lienholderReminderDate],
    ['latestLAcceptDate', latestLAcceptDate],
    ['earliestChangeOfInsurerDate', earliestChangeOfInsurerDate],
  ];

  it.each(singleDate)('%s', (_name, fn) => {
    fc.assert(
      fc.property(orderedDates, ([earlier, later]) => {
        expect(fn(earlier) <= fn(later)).toBe(true);
      }),
    );
  });

  it('latestOnTimeSendDate on consecutive days, across month ends', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(latestOnTimeSendDate(date) <= latestOnTimeSendDate(shift(date, 1))).toBe(true);
      }),
    );
  });

  it('withdrawalDeadline in each argument', () => {
    fc.assert(
      fc.property(orderedDates, isoDate, ([earlier, later], other) => {
        expect(withdrawalDeadline(earlier, other) <= withdrawalDeadline(later, other)).toBe(true);
        expect(withdrawalDeadline(other, earlier) <= withdrawalDeadline(other, later)).toBe(true);
      }),
    );
  });
});

describe('isCancellationOnTime', () => {
  describe("kind 'normal'", () => {
    const requestedDate = '2025-02-01'; // latest on-time sending: 2024-12-30

    it.each([
      ['2024-12-30', true],
      ['2024-12-02', true],
      ['2024-12-31', false],
      ['2025-01-02', false],
    ])('sent %s for renewal 2025-02-01: onTime %s', (sentOn, onTime) => {
      const verdict = isCancellationOnTime({ kind: 'normal', sentOn, requestedDate });
      expect(verdict).toMatchObject({ onTime, rule: 'deadline.normal-notice', deadline: '2024-12-30' });
    });

    it('explains with the dates and the guide section', () => {
      const { explanation } = isCancellationOnTime({ kind: 'normal', sentOn: '2024-12-31', requestedDate });
      expect(explanation).toMatch(/^Not on time: /);
      for (const part of ['2024-12-31', '2024-12-30', '2025-01-01', '2025-02-01', '1 month', "2.3 'Sagsgangen i det overtagende selskab'"]) {
        expect(explanation).toContain(part);
      }
      expect(explanation.trim().split(/\.\s+[A-Z]/)).toHaveLength(1); // one sentence
    });

    it('uses noticeMonths and calendar from the context', () => {
      const threeMonths = isCancellationOnTime({ kind: 'normal', sentOn: '2023-12-29', requestedDate: '2024-04-01' }, { noticeMonths: 3 });
      expect(threeMonths).toMatchObject({ onTime: true, deadline: '2023-12-29' });
      expect(threeMonths.explanation).toContain('3 months');
      const weekdays = isCancellationOnTime({ kind: 'normal', sentOn: '2024-12-31', requestedDate }, { calendar: weekdayCalendar });
      expect(weekdays).toMatchObject({ onTime: true, deadline: '2024-12-31' });
    });
  });

  describe("kind 'other-date' (DTM 288)", () => {
    it.each([
      ['2024-03-22', true],
      ['2024-03-01', true],
      ['2024-03-23', false],
    ])('original sent 2024-03-01, re-sent %s: onTime %s', (sentOn, onTime) => {
      const verdict = isCancellationOnTime({ kind: 'other-date', sentOn }, { originalSentOn: '2024-03-01' });
      expect(verdict).toMatchObject({ onTime, rule: 'deadline.other-date-resend', deadline: '2024-03-22' });
      expect(verdict.explanation).toContain('2024-03-01');
      expect(verdict.explanation).toContain(sentOn);
      expect(verdict.explanation).toContain('section 2.3');
    });
  });

  describe("kind 'withdrawal' (DTM 294)", () => {
    const context = { policyStart: '2024-03-01', policyReceivedOn: '2024-03-05' };

    it.each([
      [{ sentOn: '2024-03-19' }, true],
      [{ sentOn: '2024-03-20' }, false],
      [{ sentOn: '2024-03-18', receivedOn: '2024-03-19' }, true],
      [{ sentOn: '2024-03-19', receivedOn: '2024-03-20' }, false],
    ])('%o: onTime %s', (dates, onTime) => {
      const verdict = isCancellationOnTime({ kind: 'withdrawal', ...dates }, context);
      expect(verdict).toMatchObject({ onTime, rule: 'deadline.withdrawal', deadline: '2024-03-19' });
      expect(verdict.explanation).toContain("2.6 'Fortrydelse i forbindelse med nytegning'");
      expect(verdict.explanation).toContain('2024-03-05');
    });
  });

  describe("kind 'shortened-notice' (DTM 296)", () => {
    it.each([
      ['2024-08-01', '2024-09-01', true],
      ['2024-09-01', '2024-10-01', false],
      ['2024-09-01', '2024-11-01', true],
      ['2024-09-01', '2025-03-01', true],
    ])('sent %s requesting %s: onTime %s', (sentOn, requestedDate, onTime) => {
      const verdict = isCancellationOnTime({ kind: 'shortened-notice', sentOn, requestedDate });
      expect(verdict.onTime).toBe(onTime);
      expect(verdict.rule).toBe('deadline.shortened-notice');
      expect(verdict.deadline).toBe(shortenedNoticeEffectiveDate(sentOn));
      expect(verdict.explanation).toContain(requestedDate);
    });
  });

  it('throws a clear error when the kind needs a missing date', () => {
    expect(() => isCancellationOnTime({ kind: 'normal', sentOn: '2024-01-01' })).toThrow(TypeError);
    expect(() => isCancellationOnTime({ kind: 'normal', sentOn: '2024-01-01' })).toThrow(/'normal'.*cancellation\.requestedDate/);
    expect(() => isCancellationOnTime({ kind: 'shortened-notice', sentOn: '2024-01-01' })).toThrow(/requestedDate/);
    expect(() => isCancellationOnTime({ kind: 'other-date', sentOn: '2024-01-01' })).toThrow(/context\.originalSentOn/);
    expect(() => isCancellationOnTime({ kind: 'withdrawal', sentOn: '2024-01-01' }, { policyReceivedOn: '2024-01-01' })).toThrow(
      /context\.policyStart/,
    );
    expect(() => isCancellationOnTime({ kind: 'withdrawal', sentOn: '2024-01-01' }, { policyStart: '2024-01-01' })).toThrow(
      /context\.policyReceivedOn/,
    );
  });

  it('rejects bad dates and unknown kinds', () => {
    expect(() => isCancellationOnTime({ kind: 'normal', sentOn: '2024-02-30', requestedDate: '2024-03-01' })).toThrow(
      /cancellation\.sentOn.*2024-02-30/,
    );
    expect(() => isCancellationOnTime({ kind: 'other-date', sentOn: '2024-01-01' }, { originalSentOn: '2024-13-01' })).toThrow(RangeError);
    const unknown = { kind: 'bonus', sentOn: '2024-01-01' } as unknown as CancellationToCheck;
    expect(() => isCancellationOnTime(unknown)).toThrow(/unknown cancellation kind "bonus"/);
  });
});

describe('deadlineRules', () => {
  it('keys every rule by its own id and cites a guide section', () => {
    for (const [key, rule] of Object.entries(deadlineRules)) {
      expect(rule.id).toBe(key);
      expect(rule.id).toMatch(/^deadline\.[a-z]+(-[a-z]+)*$/);
      expect(rule.guideSection.length).toBeGreaterThan(10);
      expect(rule.text).toMatch(/\.$/);
    }
  });

  it('has an entry for every rule isCancellationOnTime returns', () => {
    const samples: Array<[CancellationKind, CancellationToCheck]> = [
      ['normal', { kind: 'normal', sentOn: '2024-01-01', requestedDate: '2024-03-01' }],
      ['other-date', { kind: 'other-date', sentOn: '2024-01-01' }],
      ['withdrawal', { kind: 'withdrawal', sentOn: '2024-01-01' }],
      ['shortened-notice', { kind: 'shortened-notice', sentOn: '2024-01-01', requestedDate: '2024-03-01' }],
    ];
    const context = { originalSentOn: '2024-01-01', policyStart: '2024-01-01', policyReceivedOn: '2024-01-01' };
    for (const [, cancellation] of samples) {
      const { rule, explanation } = isCancellationOnTime(cancellation, context);
      expect(deadlineRules[rule].id).toBe(rule);
      expect(explanation).toContain(deadlineRules[rule].guideSection);
    }
  });

  it('cites the real Danish section headings of the seed', () => {
    expect(deadlineRules['deadline.normal-notice'].guideSection).toContain("2.3 'Sagsgangen i det overtagende selskab'");
    expect(deadlineRules['deadline.reply'].guideSection).toContain("2.4 'Sagsgangen i det afgivende selskab'");
    expect(deadlineRules['deadline.reminder-earliest'].guideSection).toContain("2.9.5 'Rykker (Kode 15)'");
    expect(deadlineRules['deadline.resend-after-rejection'].guideSection).toContain("'Afvisning'");
  });

  it("names F&P's CONTRL guide by its title for the CONTRL deadlines, not a note of this project that a reader of the package does not have", () => {
    for (const rule of ['deadline.contrl-due', 'deadline.contrl-chase'] as const) expect(deadlineRules[rule].guideSection).toBe("F&P 'EDI-guide for CONTRL', version 1.0 (2015)");
  });
});
