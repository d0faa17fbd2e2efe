/**
 * Main renewal dates (hovedforfald) and the corrected cancellation date of a late or wrong
 * normal cancellation. Rule `accept.corrected-date`.
 *
 * @module
 */
import { addDays, addMonths, assertIsoDate, type IsoDate } from './dates.js';
import { latestOnTimeSendDate, type NoticeOptions } from './deadlines.js';
import { checkOptions, NOTICE_OPTION_CHECKS } from './option-checks.js';

/** How a policy renews: one known renewal date and the months between renewals. */
export interface RenewalPattern {
  /** Any main renewal date of the policy. */
  renewalDate: IsoDate;
  /** Months between renewal dates; default 12. */
  intervalMonths?: number;
}

/** The most renewal periods searched before giving up (100 years of yearly renewals). */
const MAX_PERIODS = 100;

function interval(pattern: RenewalPattern): number {
  const months = pattern.intervalMonths ?? 12;
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError(`renewal interval must be a whole number of months >= 1, got ${String(months)}`);
  }
  return months;
}

/** The renewal date `k` periods from the pattern's date (negative goes back), counted from the anchor so month ends do not drift. */
function renewalAt(pattern: RenewalPattern, k: number): IsoDate {
  return addMonths(pattern.renewalDate, k * interval(pattern));
}

/**
 * The first renewal date on or after `date`.
 *
 * @example nextRenewalOnOrAfter({ renewalDate: '2020-03-01' }, '2024-03-02') // => '2025-03-01'
 */
export function nextRenewalOnOrAfter(pattern: RenewalPattern, date: IsoDate): IsoDate {
  assertIsoDate(date, 'date');
  const months = interval(pattern);
  const [ay, am] = assertIsoDate(pattern.renewalDate, 'renewalDate').split('-').map(Number) as [number, number];
  const [dy, dm] = date.split('-').map(Number) as [number, number];
  let k = Math.floor(((dy - ay) * 12 + (dm - am)) / months) - 1;
  for (let tries = 0; tries < MAX_PERIODS; tries++, k++) {
    const candidate = renewalAt(pattern, k);
    if (candidate >= date) return candidate;
  }
  throw new RangeError(`no renewal date found on or after ${date}`);
}

/** True when `date` is one of the pattern's renewal dates. */
export function isRenewalDate(pattern: RenewalPattern, date: IsoDate): boolean {
  return nextRenewalOnOrAfter(pattern, date) === date;
}

/**
 * The first renewal date on or after `requestedDate` for which a normal cancellation sent on
 * `sentOn` is on time (sent no later than `latestOnTimeSendDate` of that renewal date).
 *
 * @example earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-12-31', '2025-01-01') // => '2026-01-01'
 */
export function earliestOnTimeRenewal(pattern: RenewalPattern, sentOn: IsoDate, requestedDate: IsoDate, options: NoticeOptions = {}): IsoDate {
  checkOptions(options, NOTICE_OPTION_CHECKS, 'earliestOnTimeRenewal');
  let candidate = nextRenewalOnOrAfter(pattern, requestedDate);
  for (let tries = 0; tries < MAX_PERIODS; tries++) {
    const latest = latestOnTimeSendDate(candidate, options);
    if (sentOn <= latest) return candidate;
    candidate = nextRenewalOnOrAfter(pattern, addDays(candidate, 1));
  }
  throw new RangeError(`no renewal date found for a cancellation sent ${sentOn}`);
}
