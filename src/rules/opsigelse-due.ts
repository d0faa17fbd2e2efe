/**
 * What is due in an opsigelser case on a given day: the ceding insurer's reply (21 days), the
 * acquirer's reminders (from day 21), and after a rejection the re-send (2 weeks) and the
 * re-send per another date (3 weeks from the original cancellation).
 *
 * @module
 */
import { assertIsoDate, type IsoDate } from './dates.js';
import { earliestReminderDate, otherDateResendDeadline, replyDeadline, resendDeadline } from './deadlines.js';
import { explain, type Due } from './explanation.js';
import { cancellationOutstanding, stateOf, type CaseModel } from './opsigelse-transitions.js';

/** The due items of a case model on `date`; see {@link OpsigelseCase.dueOn}. */
export function dueItems(model: CaseModel, date: IsoDate): Due[] {
  assertIsoDate(date, 'date');
  const due: Due[] = [];
  const cancellation = model.cancellation;
  if (cancellation !== undefined && cancellationOutstanding(model)) {
    const by = replyDeadline(cancellation.receivedOn);
    const overdue = date > by;
    due.push({
      ...explain('deadline.reply', { receivedOn: cancellation.receivedOn, by }, overdue ? `The ceding insurer's reply to the cancellation was due by ${by} and is overdue.` : `The ceding insurer must accept or reject the cancellation by ${by}.`),
      action: 'reply',
      party: 'ceding',
      by,
      overdue,
    });
    const from = earliestReminderDate(cancellation.message.messageDate);
    if (date >= from) {
      due.push({
        ...explain('deadline.reminder-earliest', { sentOn: cancellation.message.messageDate, from }, `No answer to the cancellation of ${cancellation.message.messageDate}: a reminder may be sent (allowed since ${from}).`),
        action: 'reminder',
        party: 'acquirer',
        from,
        overdue: false,
      });
    }
  }
  for (const request of model.bonusRequests.filter((r) => !r.answered)) {
    const by = replyDeadline(request.receivedOn);
    const overdue = date > by;
    due.push({
      ...explain('deadline.reply', { receivedOn: request.receivedOn, by }, overdue ? `The bonus answer to the request of ${request.sentOn} was due by ${by} and is overdue.` : `The ceding insurer should answer the request for claims data of ${request.sentOn} by ${by}.`),
      action: 'bonus-answer',
      party: 'ceding',
      by,
      overdue,
    });
    const from = earliestReminderDate(request.sentOn);
    if (date >= from) {
      due.push({
        ...explain('deadline.reminder-earliest', { sentOn: request.sentOn, from }, `No bonus answer to the request of ${request.sentOn}: a reminder may be sent (allowed since ${from}).`),
        action: 'reminder',
        party: 'acquirer',
        from,
        overdue: false,
      });
    }
  }
  if (stateOf(model) === 'rejected' && cancellation !== undefined && model.rejection !== undefined) {
    const by = resendDeadline(model.rejection.receivedOn);
    const overdue = date > by;
    due.push({
      ...explain('deadline.resend-after-rejection', { rejectionReceivedOn: model.rejection.receivedOn, by }, overdue ? `The corrected cancellation was due by ${by}, 2 weeks after the rejection; a re-send per another date (288) is no longer possible.` : `The acquirer must re-send a corrected cancellation by ${by}, 2 weeks after the rejection.`),
      action: 'resend',
      party: 'acquirer',
      by,
      overdue,
    });
    const original = model.originalSentOn ?? cancellation.message.messageDate;
    const window = otherDateResendDeadline(original);
    if (date <= window && date <= by) {
      due.push({
        ...explain('deadline.other-date-resend', { originalSentOn: original, by: window }, `A re-send per another date (DTM 288, with free text) keeps the original date if sent by ${window}, 3 weeks after the original cancellation.`),
        action: 'resend-other-date',
        party: 'acquirer',
        by: window,
        overdue: false,
      });
    }
  }
  return due;
}
