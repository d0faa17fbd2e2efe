/**
 * Deadlines (frister) of the F&P exchanges, as pure functions on ISO `YYYY-MM-DD` dates.
 *
 * Sources: F&P "EDI-guide for Opsigelser" version 5.5, the F&P Web-EDI user guide for
 * panthaverdeklarationer, and F&P's "EDI-guide for CONTRL" version 1.0 (2015).
 * Conventions where the guides are silent (see `docs/rules-deadlines.md`):
 * "within N days" counts calendar days from the earlier event, and the deadline day itself
 * is still on time; working days come from a pluggable {@link BusinessCalendar}.
 *
 * @module
 */
import {
  addWorkingDays,
  danishCalendar,
  previousWorkingDayOnOrBefore,
  type BusinessCalendar,
} from './calendar.js';
import { addDays, addMonths, assertIsoDate, differenceInDays, endOfMonth, laterOf, type IsoDate } from './dates.js';
import { checkOptions, NOTICE_OPTION_CHECKS, TIMELINESS_CONTEXT_CHECKS, WORKING_DAY_OPTION_CHECKS } from './option-checks.js';
import { L_ACCEPT_MAX_DAYS } from '../schema/rule-facts.js';

/** One deadline rule: a stable id, where the guide says it, and what it says in English. */
export interface DeadlineRule {
  /** Stable rule id, e.g. `deadline.normal-notice`; safe to store and to match on. */
  readonly id: string;
  /** The guide and section the rule comes from, with the section's Danish heading. */
  readonly guideSection: string;
  /** The rule in plain English, close to the guide's wording. */
  readonly text: string;
}

const OPSIGELSER = 'Opsigelser guide 5.5';
const PANTHAVER = 'Panthaver Web-EDI user guide';
/** F&P's CONTRL guide, a guide of its own beside the two above. */
const CONTRL = "F&P 'EDI-guide for CONTRL', version 1.0 (2015)";

/**
 * Every deadline rule of this module, keyed by rule id. Other code (explanations, the rule
 * documentation) reads this table, so ids never change once published.
 */
export const deadlineRules = {
  'deadline.normal-notice': {
    id: 'deadline.normal-notice',
    guideSection: `${OPSIGELSER}, section 2.3 'Sagsgangen i det overtagende selskab'`,
    text:
      'A cancellation is on time if it is sent (DTM 137) no later than the day before the notice period ends, ' +
      'i.e. no later than the last working day of a month; this also holds for a re-send after a rejection.',
  },
  'deadline.other-date-resend': {
    id: 'deadline.other-date-resend',
    guideSection: `${OPSIGELSER}, section 2.3 'Sagsgangen i det overtagende selskab'`,
    text:
      'A re-send with date code 288 (cancellation per another date, with free text) is on time if it is sent ' +
      "no later than 3 weeks after the original cancellation's sending.",
  },
  'deadline.shortened-notice': {
    id: 'deadline.shortened-notice',
    guideSection: `${OPSIGELSER}, section 2.3 'Sagsgangen i det overtagende selskab'`,
    text:
      'A cancellation with shortened notice (date code 296) needs one month of notice to the first of a month, ' +
      'at least 30 days to the end of a calendar month: sent 1 August it takes effect 1 September, ' +
      'sent 1 September only 1 November.',
  },
  'deadline.withdrawal': {
    id: 'deadline.withdrawal',
    guideSection: `${OPSIGELSER}, section 2.6 'Fortrydelse i forbindelse med nytegning'`,
    text:
      'A cancellation with withdrawal (date code 294) must reach the first acquiring insurer no later than 14 days ' +
      "after the policy's start date, or 14 days after the customer received the policy and terms if that is later.",
  },
  'deadline.reminder-earliest': {
    id: 'deadline.reminder-earliest',
    guideSection: `${OPSIGELSER}, sections 2.3 'Sagsgangen i det overtagende selskab' and 2.9.5 'Rykker (Kode 15)'`,
    text: 'A reminder (15) may be sent at the earliest 21 days after the cancellation or bonus query it chases was sent.',
  },
  'deadline.reply': {
    id: 'deadline.reply',
    guideSection: `${OPSIGELSER}, section 2.4 'Sagsgangen i det afgivende selskab'`,
    text: 'The ceding insurer must send its reply within 21 days.',
  },
  'deadline.resend-after-rejection': {
    id: 'deadline.resend-after-rejection',
    guideSection: `${OPSIGELSER}, section 'Regler for behandling af EDI-opsigelser i selskaberne', heading 'Afvisning'`,
    text: 'After a rejection the acquiring insurer must re-send a corrected cancellation no later than 2 weeks after receiving the rejection.',
  },
  'deadline.contrl-due': {
    id: 'deadline.contrl-due',
    guideSection: CONTRL,
    text: 'A CONTRL must be sent for every interchange received, no later than 1 working day after receipt.',
  },
  'deadline.contrl-chase': {
    id: 'deadline.contrl-chase',
    guideSection: CONTRL,
    text: 'The sender may chase a missing CONTRL at the earliest 3 working days after sending the interchange.',
  },
  'deadline.lienholder-reminder': {
    id: 'deadline.lienholder-reminder',
    guideSection: `${PANTHAVER}, section 'Meddelelse fra panthaver', heading 'Rykker'`,
    text:
      'If the lienholder has had no answer to a declaration within 20 days after creating it, it may send a reminder: ' +
      'the 20 days run to the end of day 20, so the reminder may be sent from day 21.',
  },
  'deadline.l-accept-latest': {
    id: 'deadline.l-accept-latest',
    guideSection: `${PANTHAVER}, section 'Accept' (L-declarations)`,
    text:
      'The acceptance date of an L-declaration (pleasure boat) may be at most 14 days after receipt; ' +
      'when accepting later, the acceptance date is receipt + 14 days.',
  },
  'deadline.change-of-insurer-earliest': {
    id: 'deadline.change-of-insurer-earliest',
    guideSection: `${PANTHAVER}, section 'Accept af en panthaverdeklaration ved skift af forsikringsselskab'`,
    text: 'The change-of-insurer message (Z40) may be sent at the earliest 30 days before the policy ends.',
  },
} as const satisfies Record<string, DeadlineRule>;

/** A rule id of {@link deadlineRules}. */
export type DeadlineRuleId = keyof typeof deadlineRules;

/** Options of deadline functions counted in working days. */
export interface WorkingDayOptions {
  /** Which days are working days; default {@link danishCalendar}. */
  calendar?: BusinessCalendar;
}

/** Options of {@link latestOnTimeSendDate}. */
export interface NoticeOptions extends WorkingDayOptions {
  /** Length of the notice period (opsigelsesvarsel) in months; default 1. */
  noticeMonths?: number;
}

/**
 * Latest sending date (DTM 137) at which a normal cancellation is still on time
 * (rettidig opsigelse) for renewal date `renewalDate` (hovedforfald): the last working day
 * on or before the day before (`renewalDate` − `noticeMonths` months).
 * Rule `deadline.normal-notice`.
 *
 * @example latestOnTimeSendDate('2024-03-01') // => '2024-01-31'
 */
export function latestOnTimeSendDate(renewalDate: IsoDate, options: NoticeOptions = {}): IsoDate {
  checkOptions(options, NOTICE_OPTION_CHECKS, 'latestOnTimeSendDate');
  const { noticeMonths = 1, calendar = danishCalendar } = options;
  assertIsoDate(renewalDate, 'renewalDate');
  const noticeStart = addMonths(renewalDate, -noticeMonths);
  return previousWorkingDayOnOrBefore(addDays(noticeStart, -1), calendar);
}

/**
 * Earliest effective date of a cancellation with shortened notice (forkortet opsigelsesvarsel,
 * DTM 296) sent on `sentOn`: the first day of month M+1 for the earliest month M whose last
 * day is at least 30 days after `sentOn`. Rule `deadline.shortened-notice`.
 *
 * @example shortenedNoticeEffectiveDate('2024-09-01') // => '2024-11-01'
 */
export function shortenedNoticeEffectiveDate(sentOn: IsoDate): IsoDate {
  let monthEnd = endOfMonth(assertIsoDate(sentOn, 'sentOn'));
  while (differenceInDays(monthEnd, sentOn) < 30) {
    monthEnd = endOfMonth(addDays(monthEnd, 1));
  }
  return addDays(monthEnd, 1);
}

/**
 * Earliest date a reminder (rykker, BGM 15) may be sent: 21 days after the cancellation or
 * bonus query it chases was sent. Rule `deadline.reminder-earliest`.
 *
 * @example earliestReminderDate('2024-01-10') // => '2024-01-31'
 */
export function earliestReminderDate(sentOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(sentOn, 'sentOn'), 21);
}

/**
 * Last day the ceding insurer (afgivende selskab) may send its reply (accept or rejection)
 * to a cancellation received on `receivedOn`: 21 days later. Rule `deadline.reply`.
 */
export function replyDeadline(receivedOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(receivedOn, 'receivedOn'), 21);
}

/**
 * Last day the acquiring insurer may re-send a corrected cancellation after a rejection
 * (afvisning, BGM 27) received on `rejectionReceivedOn`: 2 weeks (14 days) later.
 * Rule `deadline.resend-after-rejection`.
 */
export function resendDeadline(rejectionReceivedOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(rejectionReceivedOn, 'rejectionReceivedOn'), 14);
}

/**
 * Last day a re-send per another date (opsigelse pr. anden dato, DTM 288) is on time:
 * 3 weeks (21 days) after the original cancellation was sent on `originalSentOn`.
 * Rule `deadline.other-date-resend`.
 */
export function otherDateResendDeadline(originalSentOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(originalSentOn, 'originalSentOn'), 21);
}

/**
 * Last day a cancellation with withdrawal (fortrydelse, DTM 294) may reach the first
 * acquiring insurer: 14 days after the later of the policy's start date (ikrafttrædelsesdato)
 * and the day the customer received the policy. Rule `deadline.withdrawal`.
 */
export function withdrawalDeadline(policyStart: IsoDate, policyReceivedOn: IsoDate): IsoDate {
  assertIsoDate(policyStart, 'policyStart');
  assertIsoDate(policyReceivedOn, 'policyReceivedOn');
  return addDays(laterOf(policyStart, policyReceivedOn), 14);
}

/**
 * Last day a CONTRL may be sent for an interchange received on `receivedOn`: 1 working day
 * after receipt (`addWorkingDays(receivedOn, 1)`). Rule `deadline.contrl-due`.
 */
export function contrlDueDate(receivedOn: IsoDate, options: WorkingDayOptions = {}): IsoDate {
  checkOptions(options, WORKING_DAY_OPTION_CHECKS, 'contrlDueDate');
  return addWorkingDays(assertIsoDate(receivedOn, 'receivedOn'), 1, options.calendar ?? danishCalendar);
}

/**
 * Earliest day the sender may chase a missing CONTRL for an interchange sent on `sentOn`:
 * 3 working days after sending. Rule `deadline.contrl-chase`.
 */
export function contrlChaseDate(sentOn: IsoDate, options: WorkingDayOptions = {}): IsoDate {
  checkOptions(options, WORKING_DAY_OPTION_CHECKS, 'contrlChaseDate');
  return addWorkingDays(assertIsoDate(sentOn, 'sentOn'), 3, options.calendar ?? danishCalendar);
}

/**
 * Earliest day a lienholder (panthaver) may send a reminder (rykker) for an unanswered
 * declaration created on `createdOn`: 21 days later. The guide's "inden 20 dage efter
 * oprettelsen" gives the insurer up to and including day 20 (the deadline day is still on
 * time), so "no answer within 20 days" holds from day 21. Rule `deadline.lienholder-reminder`.
 *
 * @example lienholderReminderDate('2024-02-10') // => '2024-03-02'
 */
export function lienholderReminderDate(createdOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(createdOn, 'createdOn'), 21);
}

/**
 * Latest acceptance date (acceptdato) an insurer may give an L-declaration (lystfartøj)
 * received on `receivedOn`: 14 days later. Rule `deadline.l-accept-latest`.
 */
export function latestLAcceptDate(receivedOn: IsoDate): IsoDate {
  return addDays(assertIsoDate(receivedOn, 'receivedOn'), L_ACCEPT_MAX_DAYS);
}

/**
 * Earliest day the old insurer may send the change-of-insurer message (skift af
 * forsikringsselskab, Z40) for a policy ending on `policyEnd`: 30 days before.
 * Rule `deadline.change-of-insurer-earliest`.
 */
export function earliestChangeOfInsurerDate(policyEnd: IsoDate): IsoDate {
  return addDays(assertIsoDate(policyEnd, 'policyEnd'), -30);
}

/** The kinds of cancellation (opsigelse, BGM 9) whose timeliness {@link isCancellationOnTime} judges. */
export type CancellationKind = 'normal' | 'other-date' | 'withdrawal' | 'shortened-notice';

/** The cancellation being judged, as read from its DTM segments. */
export interface CancellationToCheck {
  /**
   * `normal`: to the renewal date (DTM cancellation date); `other-date`: re-send per another
   * date (DTM 288); `withdrawal`: fortrydelse (DTM 294); `shortened-notice`: DTM 296.
   */
  kind: CancellationKind;
  /** The message date (DTM 137), i.e. the day the cancellation was sent. */
  sentOn: IsoDate;
  /** The requested cancellation date (opsigelsesdato); needed by `normal` and `shortened-notice`. */
  requestedDate?: IsoDate;
  /**
   * `withdrawal` only: the day the cancellation reached the first acquiring insurer.
   * Defaults to `sentOn` (F&P exchanges deliver overnight).
   */
  receivedOn?: IsoDate;
}

/** Facts outside the cancellation that some kinds need. */
export interface TimelinessContext {
  /** `other-date`: the day the original cancellation was sent (its DTM 137). */
  originalSentOn?: IsoDate;
  /** `withdrawal`: the policy's start date at the first acquiring insurer. */
  policyStart?: IsoDate;
  /** `withdrawal`: the day the customer received the policy and terms. */
  policyReceivedOn?: IsoDate;
  /** `normal`: notice period in months; default 1. */
  noticeMonths?: number;
  /** `normal`: which days are working days; default {@link danishCalendar}. */
  calendar?: BusinessCalendar;
}

/** The verdict of {@link isCancellationOnTime}. */
export interface TimelinessVerdict {
  /** True when the cancellation meets its deadline. */
  onTime: boolean;
  /** The rule applied, a key of {@link deadlineRules}. */
  rule: DeadlineRuleId;
  /**
   * The date the rule compares with: the latest on-time date for `normal`, `other-date` and
   * `withdrawal`; the earliest allowed effective date for `shortened-notice`.
   */
  deadline: IsoDate;
  /** One sentence for a case handler, naming the dates used and the guide section. */
  explanation: string;
}

function required(value: IsoDate | undefined, name: string, kind: CancellationKind): IsoDate {
  if (value === undefined) {
    throw new TypeError(`isCancellationOnTime: a cancellation of kind '${kind}' needs ${name} (an ISO date YYYY-MM-DD)`);
  }
  return assertIsoDate(value, name);
}

function verdict(onTime: boolean, rule: DeadlineRuleId, deadline: IsoDate, reason: string): TimelinessVerdict {
  const opening = onTime ? 'On time' : 'Not on time';
  return { onTime, rule, deadline, explanation: `${opening}: ${reason}; see ${deadlineRules[rule].guideSection}.` };
}

/**
 * Judges whether a cancellation (opsigelse) is on time (rettidig) under the rule for its kind:
 *
 * - `normal` (`deadline.normal-notice`): sent on or before
 *   {@link latestOnTimeSendDate}(requestedDate).
 * - `other-date` (`deadline.other-date-resend`, DTM 288): sent on or before
 *   {@link otherDateResendDeadline}(context.originalSentOn).
 * - `withdrawal` (`deadline.withdrawal`, DTM 294): received on or before
 *   {@link withdrawalDeadline}(context.policyStart, context.policyReceivedOn).
 * - `shortened-notice` (`deadline.shortened-notice`, DTM 296): requested date on or after
 *   {@link shortenedNoticeEffectiveDate}(sentOn).
 *
 * @throws TypeError when the kind is unknown or a date the kind needs is missing
 * @throws RangeError when a date is not a real `YYYY-MM-DD` date
 */
export function isCancellationOnTime(
  cancellation: CancellationToCheck,
  context: TimelinessContext = {},
): TimelinessVerdict {
  checkOptions(context, TIMELINESS_CONTEXT_CHECKS, 'isCancellationOnTime');
  const { kind } = cancellation;
  const sentOn = assertIsoDate(cancellation.sentOn, 'cancellation.sentOn');
  switch (kind) {
    case 'normal': {
      const requestedDate = required(cancellation.requestedDate, 'cancellation.requestedDate', kind);
      const noticeMonths = context.noticeMonths ?? 1;
      const deadline = latestOnTimeSendDate(requestedDate, { noticeMonths, calendar: context.calendar ?? danishCalendar });
      const noticeStart = addMonths(requestedDate, -noticeMonths);
      return verdict(
        sentOn <= deadline,
        'deadline.normal-notice',
        deadline,
        `sent ${sentOn}, and the latest on-time sending date is ${deadline}, the last working day on or before ` +
          `the day before ${noticeStart} (${noticeMonths === 1 ? '1 month' : `${noticeMonths} months`} of notice to the requested date ${requestedDate})`,
      );
    }
    case 'other-date': {
      const originalSentOn = required(context.originalSentOn, 'context.originalSentOn', kind);
      const deadline = otherDateResendDeadline(originalSentOn);
      return verdict(
        sentOn <= deadline,
        'deadline.other-date-resend',
        deadline,
        `the re-send per another date (DTM 288) was sent ${sentOn}, and the deadline is ${deadline}, ` +
          `3 weeks after the original cancellation was sent on ${originalSentOn}`,
      );
    }
    case 'withdrawal': {
      const policyStart = required(context.policyStart, 'context.policyStart', kind);
      const policyReceivedOn = required(context.policyReceivedOn, 'context.policyReceivedOn', kind);
      const receivedOn =
        cancellation.receivedOn === undefined ? sentOn : assertIsoDate(cancellation.receivedOn, 'cancellation.receivedOn');
      const deadline = withdrawalDeadline(policyStart, policyReceivedOn);
      return verdict(
        receivedOn <= deadline,
        'deadline.withdrawal',
        deadline,
        `the withdrawal (DTM 294) reached the first acquiring insurer ${receivedOn}, and the deadline is ${deadline}, ` +
          `14 days after the later of the policy start ${policyStart} and the policy's receipt ${policyReceivedOn}`,
      );
    }
    case 'shortened-notice': {
      const requestedDate = required(cancellation.requestedDate, 'cancellation.requestedDate', kind);
      const deadline = shortenedNoticeEffectiveDate(sentOn);
      return verdict(
        requestedDate >= deadline,
        'deadline.shortened-notice',
        deadline,
        `sent ${sentOn} with shortened notice (DTM 296), the cancellation can take effect ${deadline} at the earliest, ` +
          `and the requested date is ${requestedDate}`,
      );
    }
    default: {
      const unknownKind: never = kind;
      throw new TypeError(
        `isCancellationOnTime: unknown cancellation kind ${JSON.stringify(unknownKind)}; ` +
          "expected 'normal', 'other-date', 'withdrawal' or 'shortened-notice'",
      );
    }
  }
}
