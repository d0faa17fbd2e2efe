/**
 * The rules layer's options are checked when a function starts (`rules/option-checks.ts`): a
 * calendar that is no calendar failed deep inside with "calendar.isWorkingDay is not a
 * function", a profile that is a number was taken silently, a notice of "1" months was called
 * out of range, and options that were not an object were ignored.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  contrlChaseDate,
  contrlDueDate,
  createCalendar,
  danishCalendar,
  defaultProfile,
  decideOnCancellation,
  Declaration,
  earliestOnTimeRenewal,
  isCancellationOnTime,
  lastWorkingDayOfMonth,
  latestOnTimeSendDate,
  nextWorkingDayOnOrAfter,
  OpsigelseCase,
  OpsigelseRegistry,
  previousWorkingDayOnOrBefore,
  replayMessages,
  toReply,
} from '../../src/index.js';
import { cancellation, motorPolicy } from './fixtures.js';
import { created } from './helpers.js';

const bad = (v: unknown) => v as never;
const nine = cancellation();
const noCalendar = { id: 'x', isWorkingDay: () => true };

describe('deadlines and calendars', () => {
  it.each([
    ['latestOnTimeSendDate', () => latestOnTimeSendDate('2025-01-01', bad({ calendar: 5 })), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got 5'],
    ['latestOnTimeSendDate', () => latestOnTimeSendDate('2025-01-01', bad({ noticeMonths: '1' })), TypeError, 'option noticeMonths must be a whole number of months >= 0, got "1"'],
    ['latestOnTimeSendDate', () => latestOnTimeSendDate('2025-01-01', { noticeMonths: 1.5 }), RangeError, 'option noticeMonths must be a whole number of months >= 0, got 1.5'],
    ['latestOnTimeSendDate', () => latestOnTimeSendDate('2025-01-01', bad(1)), TypeError, 'options must be an object, got 1'],
    // Its options went on to latestOnTimeSendDate unchecked, whose error named latestOnTimeSendDate.
    ['earliestOnTimeRenewal', () => earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-12-31', '2025-01-01', { noticeMonths: 1.5 }), RangeError, 'option noticeMonths must be a whole number of months >= 0, got 1.5'],
    ['earliestOnTimeRenewal', () => earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-12-31', '2025-01-01', bad({ calendar: 'dk' })), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got "dk"'],
    ['earliestOnTimeRenewal', () => earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-12-31', '2025-01-01', bad(12)), TypeError, 'options must be an object, got 12'],
    ['contrlDueDate', () => contrlDueDate('2025-01-02', bad({ calendar: noCalendar })), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got an object'],
    ['contrlChaseDate', () => contrlChaseDate('2025-01-02', bad({ calendar: 'dk' })), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got "dk"'],
    ['isCancellationOnTime', () => isCancellationOnTime({ kind: 'normal', sentOn: '2024-11-20', requestedDate: '2025-01-01' }, bad({ noticeMonths: -1 })), RangeError, 'option noticeMonths must be a whole number of months >= 0, got -1'],
    ['isCancellationOnTime', () => isCancellationOnTime({ kind: 'other-date', sentOn: '2024-11-20', requestedDate: '2025-01-01' }, bad({ originalSentOn: 20241101 })), TypeError, 'option originalSentOn must be an ISO date YYYY-MM-DD, got 20241101'],
    ['addWorkingDays', () => addWorkingDays('2025-01-02', 1, bad(null)), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got null'],
    ['nextWorkingDayOnOrAfter', () => nextWorkingDayOnOrAfter('2025-01-02', bad({})), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got an object'],
    ['previousWorkingDayOnOrBefore', () => previousWorkingDayOnOrBefore('2025-01-02', bad('dk')), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got "dk"'],
    ['lastWorkingDayOfMonth', () => lastWorkingDayOfMonth('2025-01-02', bad(noCalendar)), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got an object'],
    ['createCalendar', () => createCalendar(bad({ id: 7 })), TypeError, 'option id must be a string, got 7'],
    ['createCalendar', () => createCalendar(bad({})), TypeError, 'option id is required'],
    ['createCalendar', () => createCalendar(bad({ id: 'x', base: {} })), TypeError, 'option base must be a BusinessCalendar'],
    ['createCalendar', () => createCalendar(bad({ id: 'x', extraWorkingDays: '2025-01-04' })), TypeError, 'option extraWorkingDays must be an array of ISO dates, got "2025-01-04"'],
  ])('%s refuses a bad option at once', (where, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`fp-edifact: ${where}: ${message}`);
  });

  it('takes undefined as the default and keeps working with a calendar of its own', () => {
    expect(latestOnTimeSendDate('2025-01-01', { noticeMonths: undefined, calendar: undefined })).toBe(latestOnTimeSendDate('2025-01-01'));
    const saturdays = createCalendar({ id: 'with-saturday', extraWorkingDays: ['2025-01-04'] });
    expect(addWorkingDays('2025-01-03', 1, saturdays)).toBe('2025-01-04');
    expect(contrlDueDate('2025-01-03', { calendar: saturdays })).toBe('2025-01-04');
    expect(addWorkingDays('2025-01-03', 1, danishCalendar)).toBe('2025-01-06');
  });

  it('the working-day helpers also take { calendar }, as the deadline functions do', () => {
    const saturdays = createCalendar({ id: 'with-saturday', extraWorkingDays: ['2025-01-04'] });
    expect(addWorkingDays('2025-01-03', 1, { calendar: saturdays })).toBe('2025-01-04');
    expect(nextWorkingDayOnOrAfter('2025-01-04', { calendar: saturdays })).toBe('2025-01-04');
    expect(previousWorkingDayOnOrBefore('2025-01-05', { calendar: saturdays })).toBe('2025-01-04');
    expect(lastWorkingDayOfMonth('2024-12-05', { calendar: danishCalendar })).toBe(lastWorkingDayOfMonth('2024-12-05'));
    expect(addWorkingDays('2025-01-03', 1, { calendar: undefined })).toBe('2025-01-06');
    expect(() => lastWorkingDayOfMonth('2024-12-05', bad({ calendar: 5 }))).toThrow(
      new TypeError('fp-edifact: lastWorkingDayOfMonth: option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got 5'),
    );
  });
});

describe('accept policy, replies, cases and replays', () => {
  const decision = decideOnCancellation(nine, motorPolicy(), { today: '2024-11-21' });
  it.each([
    ['decideOnCancellation', () => decideOnCancellation(nine, motorPolicy(), bad({ today: '2024-11-21', profile: 'opsigelser' })), TypeError, 'option profile must be an opsigelser guide profile, got "opsigelser"'],
    ['decideOnCancellation', () => decideOnCancellation(nine, motorPolicy(), bad({ today: '2024-11-21', calendar: danishCalendar.isWorkingDay })), TypeError, 'option calendar must be a BusinessCalendar (id, isWorkingDay and holidayName), got a function'],
    ['decideOnCancellation', () => decideOnCancellation(nine, motorPolicy(), bad({ today: '2024-11-21', bothHoldersRequiredGroups: '005' })), TypeError, 'option bothHoldersRequiredGroups must be an array of branch group codes, got "005"'],
    ['decideOnCancellation', () => decideOnCancellation(nine, motorPolicy(), bad({ today: '2024-11-21', autoDecideFreeText: 'yes' })), TypeError, 'option autoDecideFreeText must be true or false, got "yes"'],
    ['decideOnCancellation', () => decideOnCancellation(nine, undefined, bad({ today: '2024-11-21', lookupByIdentity: [] })), TypeError, 'option lookupByIdentity must be a function, got an array'],
    ['toReply', () => toReply(decision, nine, bad({ messageDate: '2024-11-21', ownVir: 22222222 })), TypeError, 'option ownVir must be a string, got 22222222'],
    ['toReply', () => toReply(decision, nine, bad('2024-11-21')), TypeError, 'options must be an object, got "2024-11-21"'],
    ['OpsigelseCase', () => new OpsigelseCase(bad({ profile: 5 })), TypeError, 'option profile must be an opsigelser guide profile, got 5'],
    ['OpsigelseCase', () => OpsigelseCase.replay([], bad({ profile: 'x' })), TypeError, 'option profile must be an opsigelser guide profile, got "x"'],
    ['OpsigelseCase.fromJSON', () => OpsigelseCase.fromJSON(new OpsigelseCase().toJSON(), bad({ profile: [] })), TypeError, 'option profile must be an opsigelser guide profile, got an array'],
    ['OpsigelseRegistry.fromJSON', () => OpsigelseRegistry.fromJSON(new OpsigelseRegistry().toJSON(), bad({ profile: 'x' })), TypeError, 'option profile must be an opsigelser guide profile, got "x"'],
    ['OpsigelseCase.apply', () => new OpsigelseCase().apply(nine, bad({ externalViolations: 'late' })), TypeError, 'option externalViolations must be an array of explanations, got "late"'],
    ['OpsigelseRegistry', () => new OpsigelseRegistry(bad({ profile: true })), TypeError, 'option profile must be an opsigelser guide profile, got true'],
    ['OpsigelseRegistry.apply', () => new OpsigelseRegistry().apply(nine, bad({ source: 3 })), TypeError, 'option source must be a string, got 3'],
    ['Declaration.apply', () => new Declaration().apply(created(), bad({ receivedOn: new Date() })), TypeError, 'option receivedOn must be an ISO date YYYY-MM-DD, got an object'],
    ['OpsigelseCase', () => new OpsigelseCase(bad({ profile: defaultProfile('panthaver') })), TypeError, `option profile must be an opsigelser guide profile, got the panthaver profile "${defaultProfile('panthaver').id}"`],
    ['replayMessages', () => replayMessages([], bad({ today: '2024-11-21', profile: 'fp-opsigelser/5.5-reconstructed' })), TypeError, 'option profile must be a guide profile or a map of them by message type, got "fp-opsigelser/5.5-reconstructed"'],
    ['replayMessages', () => replayMessages([], bad({ today: '2024-11-21', declarationOptions: 14 })), TypeError, 'option declarationOptions must be Declaration options, got 14'],
  ])('%s refuses a bad option at once', (where, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`fp-edifact: ${where}: ${message}`);
  });

  it('refuses before changing anything: the case and the registry stay empty', () => {
    const c = new OpsigelseCase();
    expect(() => c.apply(nine, bad({ receivedOn: 20241121 }))).toThrow(TypeError);
    expect(c.state).toBe('new');
    const registry = new OpsigelseRegistry();
    expect(() => registry.apply(nine, bad({ receivedOn: 20241121 }))).toThrow(TypeError);
    expect(registry.toJSON().entries).toEqual([]);
  });
});
