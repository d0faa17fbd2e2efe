import { describe, expect, it } from 'vitest';
import { OpsigelseCase } from '../../src/rules/opsigelse-case.js';
import { OpsigelseRegistry } from '../../src/rules/opsigelse-registry.js';
import { replayCase as replay, rulesOf as rules } from './helpers.js';
import {
  ACQUIRER,
  BONUS,
  buildAccept,
  buildBonusAnswer,
  buildBonusQuery,
  buildRejection,
  buildReminder,
  cancellation,
  familyCancellation,
  THIRD,
} from './fixtures.js';

const nine = cancellation();

describe("the guide's flows", () => {
  it('cancel → accept', () => {
    const c = new OpsigelseCase();
    expect(c.state).toBe('new');
    expect(c.apply(nine)).toEqual({ status: 'applied', violations: [] });
    expect(c.state).toBe('sent');
    c.apply(buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(c.state).toBe('accepted');
    expect(c.violations).toEqual([]);
    expect(c.dueOn('2025-01-10')).toEqual([]);
  });

  it('cancel + bonus query → bonus answer → accept', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20' });
    const c = replay(nine, query);
    expect(c.state).toBe('bonus-requested');
    c.apply(buildBonusAnswer(query, { messageDate: '2024-11-24', bonus: { ...BONUS, policyEndDate: '2025-01-01' } }));
    expect(c.state).toBe('answered');
    c.apply(buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(c.state).toBe('accepted');
    expect(c.violations).toEqual([]);
  });

  it('cancel with DOC 11 → accept carrying the bonus block', () => {
    const withDoc = cancellation({ claimsDataRequested: true });
    const c = replay(withDoc, buildAccept(withDoc, { messageDate: '2024-11-25', bonus: BONUS }));
    expect(c.state).toBe('accepted');
    expect(c.dueOn('2024-11-26')).toEqual([]);
  });

  it('cancel → reject → re-send per another date (288) within 2 weeks → accept with date', () => {
    const rejection = buildRejection(nine, { messageDate: '2024-11-25', reason: 'registrationMismatch' });
    const c = replay(nine, rejection);
    expect(c.state).toBe('rejected');
    expect(c.dueOn('2024-11-26').map((d) => [d.action, d.by])).toEqual([
      ['resend', '2024-12-09'],
      ['resend-other-date', '2024-12-11'],
    ]);
    const resend = cancellation({ messageDate: '2024-12-05', cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Rettet registreringsnummer']] });
    expect(c.apply(resend)).toEqual({ status: 'applied', violations: [] });
    expect(c.state).toBe('re-sent');
    c.apply(buildAccept(resend, { messageDate: '2024-12-06', correctedDate: '2025-02-01' }));
    expect(c.state).toBe('accepted-with-date');
    expect(c.violations).toEqual([]);
  });

  it('flags a 288 re-send after the 2-week and 3-week windows, but applies it', () => {
    const c = replay(nine, buildRejection(nine, { messageDate: '2024-11-25', reason: 'registrationMismatch' }));
    const late = cancellation({ messageDate: '2024-12-12', cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Sent']] });
    const result = c.apply(late);
    expect(result.status).toBe('applied');
    expect(result.violations.map((v) => v.rule)).toEqual(['deadline.resend-after-rejection', 'deadline.other-date-resend']);
    expect(c.dueOn('2024-12-10')).toEqual([expect.objectContaining({ action: 'reply', by: '2025-01-02', overdue: false })]);
  });

  it('withdrawal rejected with ERC 19 while the original cancellation is unaccepted', () => {
    const withdrawal = familyCancellation({
      caseReference: 'SEC-2024-77',
      sender: { vir: THIRD },
      recipient: { vir: ACQUIRER },
      cancellationDate: { date: '2024-11-14', basis: 'withdrawal' },
      messageDate: '2024-11-15',
    });
    const c = replay(withdrawal, buildRejection(withdrawal, { messageDate: '2024-11-16', reason: 'withdrawalOriginalNotAccepted' }));
    expect(c.state).toBe('rejected');
    expect(c.entries[1]?.message).toMatchObject({ kind: 'rejection', reasonCode: '19' });
    expect(c.violations).toEqual([]);
    const accepted = replay(withdrawal, buildAccept(withdrawal, { messageDate: '2024-11-16' }));
    expect(accepted.state).toBe('withdrawn');
  });

  it('a second identical accept is dropped silently, also with another message date', () => {
    const accept = buildAccept(nine, { messageDate: '2024-11-25' });
    const c = replay(nine, accept);
    const again = c.apply(accept);
    expect(again.status).toBe('ignored');
    expect(again.violations).toEqual([]);
    expect(again.ignoredBecause?.rule).toBe('case.duplicate-ignored');
    expect(c.apply({ ...accept, messageDate: '2024-11-26' }).status).toBe('ignored');
    expect(c.apply(nine).status).toBe('ignored');
    expect(c.state).toBe('accepted');
    expect(c.violations).toEqual([]);
  });

  it('a reminder from day 21 chases the answer', () => {
    const c = replay(nine);
    expect(c.apply(buildReminder(nine, { messageDate: '2024-12-11' })).status).toBe('applied');
    expect(c.state).toBe('reminded');
    c.apply(buildAccept(nine, { messageDate: '2024-12-12' }));
    expect(c.state).toBe('accepted');
  });

  it('a content error (12) from the ceding insurer undoes the refused cancellation', () => {
    const c = replay(nine);
    c.apply({ kind: 'contentError', caseReference: nine.caseReference, messageDate: '2024-11-21', recipient: nine.sender, sender: nine.recipient, branch: nine.branch, errorCode: 'F01' });
    expect(c.state).toBe('new');
    c.apply(cancellation({ messageDate: '2024-11-22' }));
    expect(c.state).toBe('sent');
    expect(c.violations).toEqual([]);
  });
});

describe('what the guide forbids is refused', () => {
  it('a second cancellation while the first is unanswered', () => {
    const c = replay(nine);
    const second = c.apply(cancellation({ messageDate: '2024-11-22', cancellationDate: { date: '2024-12-01', basis: 'shortenedNotice' } }));
    expect(second.status).toBe('refused');
    expect(second.violations).toEqual([
      expect.objectContaining({ rule: 'case.no-new-while-unanswered', messageKind: 'cancellation', messageDate: '2024-11-22', dates: { earlierSentOn: '2024-11-20' } }),
    ]);
    expect(c.state).toBe('sent');
  });

  it('a second cancellation after an accepted one', () => {
    const c = replay(nine, buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(c.apply(cancellation({ messageDate: '2024-11-28' })).violations.map((v) => v.rule)).toEqual(['case.one-cancellation-per-policy']);
    expect(c.state).toBe('accepted');
  });

  it('a reminder on day 20', () => {
    const c = replay(nine);
    const early = c.apply(buildReminder(nine, { messageDate: '2024-12-10' }));
    expect(early.status).toBe('refused');
    expect(early.violations[0]).toMatchObject({ rule: 'deadline.reminder-earliest', dates: { chasedSentOn: '2024-11-20', sentOn: '2024-12-10', earliest: '2024-12-11' } });
    expect(c.state).toBe('sent');
  });

  it('a reminder when nothing is outstanding', () => {
    const c = replay(nine, buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(rules({ violations: c.apply(buildReminder(nine, { messageDate: '2024-12-20' })).violations })).toEqual(['case.reminder-needs-outstanding']);
  });

  it('a third bonus query', () => {
    const withDoc = cancellation({ claimsDataRequested: true });
    const c = replay(withDoc, buildBonusQuery(withDoc, { messageDate: '2024-11-21' }));
    const third = c.apply(buildBonusQuery(withDoc, { messageDate: '2024-12-20' }));
    expect(third.status).toBe('refused');
    expect(third.violations[0]).toMatchObject({ rule: 'case.bonus-query-max-2', dates: { request1: '2024-11-20', request2: '2024-11-21' } });
  });

  it('a bonus query outside motor products 001, 002, 004, 999', () => {
    const family = familyCancellation();
    const c = replay(family);
    expect(rules({ violations: c.apply(buildBonusQuery(family, { messageDate: '2024-11-21' })).violations })).toEqual(['bonus.query-branch']);
  });

  it('reference reuse for another policy while the case is open; allowed after a rejection', () => {
    const other = cancellation({ messageDate: '2024-11-22', policyNumber: '77-000' });
    const open = replay(nine);
    expect(rules({ violations: open.apply(other).violations })).toEqual(['case.reference-reuse']);
    const rejected = replay(nine, buildRejection(nine, { messageDate: '2024-11-21', reason: 'policyUnknown' }));
    expect(rejected.apply(other)).toEqual({ status: 'applied', violations: [] });
    expect(rejected.state).toBe('re-sent');
    expect(rejected.policyNumber).toBe('77-000');
  });

  it('a reply with nothing to answer, in the wrong direction, or with another branch', () => {
    const c = replay(nine, buildRejection(nine, { messageDate: '2024-11-21', reason: 'policyUnknown' }));
    expect(rules({ violations: c.apply(buildAccept(nine, { messageDate: '2024-11-22' })).violations })).toEqual(['case.reply-needs-request']);
    const open = replay(nine);
    const wrongWay = { ...buildAccept(nine, { messageDate: '2024-11-22' }), sender: nine.sender, recipient: nine.recipient };
    expect(rules({ violations: open.apply(wrongWay).violations })).toEqual(['case.parties']);
    const otherBranch = { ...buildAccept(nine, { messageDate: '2024-11-22' }), branch: { group: '001', product: '001' } };
    expect(rules({ violations: open.apply(otherBranch).violations })).toEqual(['case.branch-unchanged']);
    expect(open.state).toBe('sent');
  });

  it('a reply after 21 days is applied with a violation', () => {
    const c = replay(nine);
    const late = c.apply(buildAccept(nine, { messageDate: '2024-12-12' }));
    expect(late.status).toBe('applied');
    expect(late.violations[0]).toMatchObject({ rule: 'deadline.reply', dates: { deadline: '2024-12-11' } });
  });

  it('throws only for a message of another case (a caller error)', () => {
    const c = replay(nine);
    expect(() => c.apply(cancellation({ caseReference: 'OTHER' }))).toThrow(TypeError);
  });
});

describe('dueOn', () => {
  it('shows the reply due, then overdue, and reminders allowed from day 21', () => {
    const c = replay(nine);
    expect(c.dueOn('2024-11-21')).toEqual([expect.objectContaining({ action: 'reply', party: 'ceding', by: '2024-12-11', overdue: false, rule: 'deadline.reply' })]);
    const late = c.dueOn('2024-12-12');
    expect(late.map((d) => [d.action, d.overdue])).toEqual([
      ['reply', true],
      ['reminder', false],
    ]);
    expect(late[1]).toMatchObject({ from: '2024-12-11', party: 'acquirer', rule: 'deadline.reminder-earliest' });
  });
  it('shows the bonus answer due for an open bonus query', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' });
    const c = replay(query);
    expect(c.state).toBe('bonus-requested');
    expect(c.dueOn('2024-12-15').map((d) => d.action)).toEqual(['bonus-answer', 'reminder']);
  });

  const dueAt = (c: OpsigelseCase, date: string) => c.dueOn(date).map((d) => [d.action, d.overdue, 'by' in d ? d.by : d.from]);

  it('counts the last day of a deadline as on time, and a reminder as allowed on its first day', () => {
    const c = replay(nine);
    expect(dueAt(c, '2024-12-10')).toEqual([['reply', false, '2024-12-11']]);
    expect(dueAt(c, '2024-12-11')).toEqual([['reply', false, '2024-12-11'], ['reminder', false, '2024-12-11']]);
    expect(dueAt(c, '2024-12-12')).toEqual([['reply', true, '2024-12-11'], ['reminder', false, '2024-12-11']]);
    const q = replay(buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' }));
    expect(dueAt(q, '2024-12-10')).toEqual([['bonus-answer', false, '2024-12-11']]);
    expect(dueAt(q, '2024-12-11')).toEqual([['bonus-answer', false, '2024-12-11'], ['reminder', false, '2024-12-11']]);
    expect(dueAt(q, '2024-12-12')).toEqual([['bonus-answer', true, '2024-12-11'], ['reminder', false, '2024-12-11']]);
  });

  it('after a rejection: the re-send, and the re-send per another date while both of its windows are open', () => {
    // Rejected on day 5: the 2-week re-send window (to 12-09) closes before the 3-week one (to 12-11).
    const early = replay(nine, buildRejection(nine, { messageDate: '2024-11-25', reason: 'registrationMismatch' }));
    expect(dueAt(early, '2024-12-09')).toEqual([['resend', false, '2024-12-09'], ['resend-other-date', false, '2024-12-11']]);
    expect(dueAt(early, '2024-12-10')).toEqual([['resend', true, '2024-12-09']]);
    // Rejected on day 15: now the 3-week window from the original cancellation closes first.
    const late = replay(nine, buildRejection(nine, { messageDate: '2024-12-05', reason: 'registrationMismatch' }));
    expect(dueAt(late, '2024-12-11')).toEqual([['resend', false, '2024-12-19'], ['resend-other-date', false, '2024-12-11']]);
    expect(dueAt(late, '2024-12-12')).toEqual([['resend', false, '2024-12-19']]);
  });

  it('keeps the original cancellation date for the re-send per another date after a second rejection', () => {
    const first = buildRejection(nine, { messageDate: '2024-11-25', reason: 'registrationMismatch' });
    const resend = cancellation({ messageDate: '2024-12-05', cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Rettet']] });
    const c = replay(nine, first, resend, buildRejection(resend, { messageDate: '2024-12-06', reason: 'registrationMismatch' }));
    expect(c.state).toBe('rejected');
    // 3 weeks from 2024-11-20 (the first cancellation), not from the re-send of 2024-12-05.
    expect(dueAt(c, '2024-12-07')).toEqual([['resend', false, '2024-12-20'], ['resend-other-date', false, '2024-12-11']]);
  });
});

describe('cases across references on one policy (OpsigelseRegistry)', () => {
  it('flags a cancellation under a new reference while another case on the policy is unanswered', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    const second = registry.apply(cancellation({ caseReference: 'TRY-2024-000999', messageDate: '2024-11-22', policyNumber: '00 123 + 456' }));
    expect(second.violations.map((v) => v.rule)).toEqual(['case.no-new-while-unanswered']);
    expect(registry.get('TRY-2024-000999')?.state).toBe('sent');
  });
  it('flags a cancellation after another case on the policy was accepted; accepts another policy', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    registry.apply(buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(registry.apply(cancellation({ caseReference: 'TRY-2', messageDate: '2024-11-28' })).violations.map((v) => v.rule)).toEqual(['case.one-cancellation-per-policy']);
    expect(registry.apply(cancellation({ caseReference: 'TRY-3', messageDate: '2024-11-28', policyNumber: '55-1' })).violations).toEqual([]);
  });
  it('round-trips through JSON', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine, { source: 'a.edi #1' });
    registry.apply(cancellation({ caseReference: 'TRY-2', messageDate: '2024-11-22' }), { source: 'b.edi #1' });
    const copy = OpsigelseRegistry.fromJSON(JSON.parse(JSON.stringify(registry.toJSON())));
    expect(copy.all().map(([ref, c]) => [ref, c.state, c.violations])).toEqual(registry.all().map(([ref, c]) => [ref, c.state, c.violations]));
    expect(copy.get('TRY-2')?.violations[0]?.source).toBe('b.edi #1');
  });
});
