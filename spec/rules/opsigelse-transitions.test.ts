/**
 * The case state machine's less travelled paths: who may send what, which branch a case keeps,
 * cases that start with a bonus query, rejections of bonus requests, and deadlines on their
 * last day. (Mutation testing found each of these unasserted.)
 */
import { describe, expect, it } from 'vitest';
import type { Bonus } from '../../src/messages/types/opsigelser.js';
import { OpsigelseCase } from '../../src/rules/opsigelse-case.js';
import { BONUS, THIRD, buildAccept, buildBonusAnswer, buildBonusQuery, buildRejection, buildReminder, cancellation, familyCancellation } from './fixtures.js';
import { explanationsOf as explanations, replayCase as replay, rulesOf } from './helpers.js';

const nine = cancellation();
const withDoc = cancellation({ claimsDataRequested: true });
const rejectNine = (messageDate = '2024-11-25') => buildRejection(nine, { messageDate, reason: 'registrationMismatch' });

describe('parties and branch', () => {
  it('refuses a reply from the right sender to the wrong recipient', () => {
    const c = replay(nine);
    const misaddressed = { ...buildAccept(nine, { messageDate: '2024-11-22' }), recipient: { vir: THIRD } };
    const result = c.apply(misaddressed);
    expect(rulesOf(result)).toEqual(['case.parties']);
    expect(explanations(result)).toEqual([`A accept in this case goes from ${nine.recipient.vir} to ${nine.sender.vir}, but this one goes from ${nine.recipient.vir} to ${THIRD}.`]);
  });

  it('after a rejection, lets the acquirer re-send to another insurer and for another branch, but no one else', () => {
    const elsewhere = cancellation({ messageDate: '2024-11-26', recipient: { vir: THIRD }, branch: { group: '001', product: '001' } });
    const c = replay(nine, rejectNine());
    expect(c.apply(elsewhere)).toEqual({ status: 'applied', violations: [] });
    expect(c.state).toBe('re-sent');
    const stranger = cancellation({ messageDate: '2024-11-26', sender: { vir: THIRD } });
    expect(rulesOf(replay(nine, rejectNine()).apply(stranger))).toEqual(['case.parties']);
  });

  it('takes the parties and the branch from a bonus query that opens the case', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' });
    const c = replay(query);
    expect([c.acquirer, c.ceding, c.policyNumber, c.state]).toEqual([nine.sender.vir, nine.recipient.vir, nine.policyNumber, 'bonus-requested']);
    const answer = buildBonusAnswer(query, { messageDate: '2024-11-24', bonus: { ...BONUS, policyEndDate: '2025-01-01' } });
    expect(rulesOf(replay(query).apply({ ...answer, sender: { vir: THIRD } }))).toEqual(['case.parties']);
    expect(rulesOf(replay(query).apply({ ...answer, branch: { group: '001', product: '001' } }))).toEqual(['case.branch-unchanged']);
    expect(replay(query).apply(answer)).toEqual({ status: 'applied', violations: [] });
  });
});

describe('bonus requests', () => {
  it('a cancellation with DOC 11 stays sent, with the bonus answer due, and its rejection answers both', () => {
    const c = replay(withDoc);
    expect(c.state).toBe('sent');
    expect(c.dueOn('2024-11-21').map((d) => d.action)).toEqual(['reply', 'bonus-answer']);
    c.apply(buildRejection(withDoc, { messageDate: '2024-11-25', reason: 'registrationMismatch' }));
    expect(c.dueOn('2024-11-26').map((d) => d.action)).toEqual(['resend', 'resend-other-date']);
  });

  it('a rejection answers an open bonus query, late after 21 days; with nothing open it is refused', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' });
    const c = replay(query);
    const late = c.apply(buildRejection(query, { messageDate: '2024-12-12', reason: 'policyUnknown' }));
    expect(late.status).toBe('applied');
    expect(late.violations).toEqual([expect.objectContaining({ rule: 'deadline.reply', dates: { receivedOn: '2024-11-20', sentOn: '2024-12-12', deadline: '2024-12-11' } })]);
    expect(c.state).toBe('rejected');
    expect(c.dueOn('2024-12-13')).toEqual([]);
    const again = c.apply(buildRejection(query, { messageDate: '2024-12-13', reason: 'policyUnknown' }));
    expect(again.status).toBe('refused');
    expect(explanations(again)).toEqual(['The rejection answers nothing: nothing is outstanding.']);
  });

  it('refuses a rejection, and an accept, of a cancellation already answered, naming its outcome', () => {
    const c = replay(nine, buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(explanations(c.apply(rejectNine('2024-11-26')))).toEqual(['The rejection answers nothing: the cancellation was already accepted.']);
    expect(c.state).toBe('accepted');
    const rejected = replay(nine, rejectNine());
    expect(explanations(rejected.apply(buildAccept(nine, { messageDate: '2024-11-26' })))).toEqual(['The accept answers nothing: the cancellation was already rejected.']);
  });

  it('checks a bonus query answer against the cancellation date when the query names no end date', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-21' });
    const c = replay(nine, query);
    const oldClaim: Bonus = { ...BONUS, policyEndDate: '2025-01-01', claims: [{ consequence: '4', date: '2019-12-31' }] };
    const answered = c.apply(buildBonusAnswer(query, { messageDate: '2024-11-24', bonus: oldClaim }));
    expect(answered.violations).toEqual([expect.objectContaining({ rule: 'bonus.claims-window', dates: { claimDate: '2019-12-31', from: '2020-01-01', to: '2025-01-01' } })]);
  });

  it('stays bonus-requested while a second request is unanswered', () => {
    const query = buildBonusQuery(withDoc, { messageDate: '2024-11-21' });
    const c = replay(withDoc, query);
    c.apply(buildBonusAnswer(withDoc, { messageDate: '2024-11-24', bonus: { ...BONUS, policyEndDate: '2025-01-01' } }));
    expect(c.state).toBe('bonus-requested');
    c.apply(buildBonusAnswer(query, { messageDate: '2024-11-25', bonus: { ...BONUS, policyEndDate: '2025-01-01' } }));
    expect(c.state).toBe('answered');
  });

  // Seed 002, 2.9.7 Accept af overtagelse (kode 29): "Hvis der i forbindelse med overtagelsen tillige fulgte en
  // bonusforespørgsel, sendes følgende segmenter: SIF med skadeinformation, DTM med tegningsdato, …"
  it('flags an accept without the bonus block when the cancellation asked for claims data and nothing answered it yet', () => {
    const c = replay(withDoc);
    const result = c.apply(buildAccept(withDoc, { messageDate: '2024-11-25' }));
    expect(result.status).toBe('applied');
    expect(rulesOf(result)).toEqual(['case.accept-needs-bonus']);
    expect(explanations(result)).toEqual([`The cancellation of ${withDoc.messageDate} asked for claims data (DOC 11), which no bonus answer has given; the accept must carry the bonus block (SIF, underwriting date, last step change, claims).`]);
    expect(c.state).toBe('accepted');
    // The request stays open: the acquirer may chase the bonus answer.
    expect(c.dueOn('2024-12-20').map((d) => d.action)).toEqual(['bonus-answer', 'reminder']);
  });

  it('takes an accept without the bonus block when a bonus answer already gave the claims data, or none was asked for', () => {
    const answered = replay(withDoc, buildBonusAnswer(withDoc, { messageDate: '2024-11-22', bonus: { ...BONUS, policyEndDate: '2025-01-01' } }));
    expect(answered.apply(buildAccept(withDoc, { messageDate: '2024-11-25' })).violations).toEqual([]);
    expect(replay(nine).apply(buildAccept(nine, { messageDate: '2024-11-25' })).violations).toEqual([]);
  });

  // Seed 002, 2.9.7: "Nedenstående segmenter kan medsendes som supplement afhængig af hvad der blev modtaget
  // fra det overtagende selskab: … Hvis der i forbindelse med overtagelsen tillige fulgte en bonusforespørgsel,
  // sendes følgende segmenter: SIF med skadeinformation …"
  it('flags an accept carrying a bonus block nobody asked for (no DOC 11 in the 9, no bonus query), and still takes the accept', () => {
    const c = replay(nine);
    const result = c.apply(buildAccept(nine, { messageDate: '2024-11-25', bonus: BONUS }));
    expect(result.status).toBe('applied');
    expect(rulesOf(result)).toEqual(['case.accept-bonus-unrequested']);
    expect(explanations(result)).toEqual([
      `The accept carries the bonus block (SIF …), but no claims data were asked for in this case: the cancellation of ${nine.messageDate} has no DOC 11 and there is no bonus query.`,
    ]);
    expect(c.state).toBe('accepted');
    expect(c.dueOn('2024-12-20')).toEqual([]);
  });

  it('checks the bonus block of an accept against the corrected date when there is one', () => {
    const claim: Bonus = { ...BONUS, claims: [{ consequence: '4', date: '2020-06-15' }] };
    // Window of the requested 2025-01-01: from 2020-01-01 (claim inside); of the corrected 2026-01-01: from 2021-01-01 (outside).
    expect(replay(withDoc).apply(buildAccept(withDoc, { messageDate: '2024-11-25', bonus: claim })).violations).toEqual([]);
    const corrected = replay(withDoc).apply(buildAccept(withDoc, { messageDate: '2024-11-25', bonus: claim, correctedDate: '2026-01-01' }));
    expect(rulesOf(corrected)).toEqual(['bonus.claims-window']);
  });

  it("an accept's bonus block answers the cancellation's DOC 11, not a separate bonus query", () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-21', policyEndDate: '2025-01-01' });
    const c = replay(nine, query);
    expect(c.apply(buildAccept(nine, { messageDate: '2024-11-25', bonus: BONUS })).violations).toEqual([]);
    expect(c.dueOn('2024-11-26').map((d) => d.action)).toEqual(['bonus-answer']);
  });

  it('refuses an accept in a case without a cancellation', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' });
    expect(explanations(replay(query).apply(buildAccept(nine, { messageDate: '2024-11-25' })))).toEqual(['The accept answers nothing: the case has no cancellation.']);
  });

  it('names both earlier requests when refusing a third', () => {
    const c = replay(withDoc, buildBonusQuery(withDoc, { messageDate: '2024-11-21' }));
    const third = c.apply(buildBonusQuery(withDoc, { messageDate: '2024-12-20' }));
    expect(explanations(third)).toEqual(['Claims data were already requested twice in this case (2024-11-20 and 2024-11-21); a third request is not allowed.']);
  });
});

describe('a pure bonus query (a 13 not sent with a 9)', () => {
  it('must carry the policy end date (DTM 295); it is still recorded and answered when it does not', () => {
    const bare = buildBonusQuery(nine, { messageDate: '2024-11-20' });
    const c = new OpsigelseCase();
    const result = c.apply(bare);
    expect(result.status).toBe('applied');
    expect(rulesOf(result)).toEqual(['bonus.pure-query-end-date']);
    expect(explanations(result)).toEqual([`The bonus query of 2024-11-20 is not sent with a cancellation, so it must give the policy end date (DTM 295).`]);
    expect(c.state).toBe('bonus-requested');
    expect(c.dueOn('2024-11-21').map((d) => d.action)).toEqual(['bonus-answer']);
    // A query refused for its branch is not also told about the end date.
    expect(rulesOf(replay().apply(buildBonusQuery(familyCancellation(), { messageDate: '2024-11-20' })))).toEqual(['bonus.query-branch']);
  });

  it('with the end date, or after the case has a cancellation, needs nothing more', () => {
    expect(replay().apply(buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' }))).toEqual({ status: 'applied', violations: [] });
    expect(replay(nine).apply(buildBonusQuery(nine, { messageDate: '2024-11-21' }))).toEqual({ status: 'applied', violations: [] });
    // A rejected cancellation still makes the query part of a cancellation case, not a pure one.
    expect(replay(nine, rejectNine()).apply(buildBonusQuery(nine, { messageDate: '2024-11-26' })).violations).toEqual([]);
  });
});

describe('reminders and deadlines on their last day', () => {
  it('a reminder chasing the bonus answer counts from the request, and names what it chases', () => {
    const query = buildBonusQuery(nine, { messageDate: '2024-11-20', policyEndDate: '2025-01-01' });
    const early = replay(query).apply(buildReminder(query, { messageDate: '2024-12-10' }));
    expect(explanations(early)).toEqual(['The reminder for the bonus answer was sent 2024-12-10, before 2024-12-11 (21 days after 2024-11-20).']);
    const c = replay(query);
    expect(c.apply(buildReminder(query, { messageDate: '2024-12-11' })).status).toBe('applied');
    expect(c.state).toBe('reminded');
    const nothing = replay(nine).apply(buildReminder(nine, { messageDate: '2024-12-11', chases: ['bonusAnswer'] }));
    expect(explanations(nothing)).toEqual(['The reminder chases the bonus answer, but nothing of that kind is outstanding.']);
  });

  it('an answer on day 21 is on time', () => {
    expect(replay(nine).apply(buildAccept(nine, { messageDate: '2024-12-11' })).violations).toEqual([]);
  });

  it('a 288 re-send on the last day of both windows is on time; a re-send of another basis has no window', () => {
    const rejected = () => replay(nine, rejectNine());
    const lastDay = cancellation({ messageDate: '2024-12-09', cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Rettet']] });
    expect(rejected().apply(lastDay)).toEqual({ status: 'applied', violations: [] });
    const lateRejection = replay(nine, rejectNine('2024-12-05'));
    expect(lateRejection.apply({ ...lastDay, messageDate: '2024-12-11' })).toEqual({ status: 'applied', violations: [] });
    const normal = cancellation({ messageDate: '2025-01-20', cancellationDate: { date: '2026-01-01', basis: 'normal' } });
    expect(rejected().apply(normal)).toEqual({ status: 'applied', violations: [] });
  });
});

describe('an accept per another date', () => {
  // Seed 002, 2.9.7 Accept af overtagelse (kode 29): "OSI med kode ODC, hvis opsigelsesdato er ændret … Disse 2 segmenter
  // sendes kun, hvis der accepteres per anden dato end den i opsigelsen anførte."
  it('flags OSI ODC + DTM that repeat the requested date, and counts the accept as a plain one', () => {
    const same = { ...buildAccept(nine, { messageDate: '2024-11-22' }), correctedDate: { ...nine.cancellationDate } };
    const c = replay(nine);
    const result = c.apply(same);
    expect(result.status).toBe('applied');
    expect(rulesOf(result)).toEqual(['case.corrected-date-differs']);
    expect(explanations(result)).toEqual([`The accept carries OSI ODC with the cancellation date ${nine.cancellationDate.date}, which is the requested date; OSI ODC and its date are sent only when accepting per another date.`]);
    expect(c.state).toBe('accepted');
  });

  it('an accept per another date than requested is clean and accepted with that date', () => {
    const c = replay(nine);
    expect(c.apply(buildAccept(nine, { messageDate: '2024-11-22', correctedDate: '2025-02-01' }))).toEqual({ status: 'applied', violations: [] });
    expect(c.state).toBe('accepted-with-date');
  });
});
