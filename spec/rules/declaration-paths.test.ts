/**
 * The panthaverdeklaration's less travelled paths: the states in which each message is refused
 * (and by which rule), who holds the declaration after a change of insurer or a portfolio
 * transfer, the terms in force that an administrative correction (Z50) may not change, a
 * corrected declaration after a rejection, a late rejection (midlertidigt), the due items on
 * the first and last day of their windows, and what apply and fromJSON refuse.
 * (Mutation testing of src/rules/declaration*.ts found each of these unasserted.)
 */
import { describe, expect, it } from 'vitest';
import type { Panthaver } from '../../src/messages/types/panthaver.js';
import { Declaration, type DeclarationSnapshot } from '../../src/rules/declaration.js';
import { CEDING, DEBTOR, LIENHOLDER, NEW_LIENHOLDER, pant, THIRD, TO_INSURER } from './fixtures.js';
import { accept, active, created, declaration30, fromLienholder, notice, refusedBy, replayDeclaration as replay } from './helpers.js';

const FOURTH = '44444444';
type Fields = Record<string, unknown>;

const rejection = (messageDate: string, from = CEDING) => pant('rejection', { sender: { vir: from }, recipient: { vir: LIENHOLDER }, messageDate, reasons: ['1'] });
const correction = (extra: Fields, from = CEDING) => pant('administrativeCorrection', { sender: { vir: from }, recipient: { vir: LIENHOLDER }, messageDate: '2024-04-01', ...extra });
/** Z40 from `from`: the policy ends `policyEnd` and moves to `newInsurer`. */
const z40 = (messageDate = '2024-03-01', policyEnd = '2024-03-30', from = CEDING, newInsurer = THIRD, to = LIENHOLDER) =>
  pant('changeOfInsurer', { sender: { vir: from }, recipient: { vir: to }, messageDate, cessationDate: policyEnd, newInsurer: { vir: newInsurer } });
/** The lienholder sends the declaration (a 30 without priority or cover type) to `insurer`. */
const sendTo = (insurer: string, messageDate = '2024-03-05', from = LIENHOLDER) => declaration30({ sender: { vir: from }, recipient: { vir: insurer }, messageDate });

/** Aktivt, Z40 on 2024-03-01 (policy ends 2024-03-30, to THIRD), declaration sent to THIRD on 2024-03-05. */
const underSkift = () => replay([created(), accept(), z40(), sendTo(THIRD)]);

function appliedTo(d: Declaration, message: Panthaver): Declaration['state'] {
  expect(d.apply(message)).toEqual({ status: 'applied', violations: [] });
  return d.state;
}
const dueSummary = (d: Declaration, date: string) => d.dueOn(date).map((x) => [x.rule, x.action, x.party, x.from ?? x.by, x.overdue]);

describe('messages refused in the wrong state', () => {
  it('a lien can only end on a registered declaration: not before any message, unanswered, or historisk', () => {
    expect(refusedBy(new Declaration(), fromLienholder('lienEnded', '2024-06-01'))).toEqual(['declaration.lien-ended']);
    expect(refusedBy(replay([created()]), fromLienholder('lienEnded', '2024-06-01'))).toEqual(['declaration.lien-ended']);
    expect(refusedBy(replay([created(), rejection('2024-02-25')]), fromLienholder('lienEnded', '2024-06-01'))).toEqual(['declaration.lien-ended']);
  });
  it('Z15, Z40 and Z50 need an accepted declaration', () => {
    expect(refusedBy(replay([created('ZLL')]), notice('sumInsuredChanged', '2024-03-01', { sumInsured: 300000 }))).toEqual(['declaration.notice-needs-accepted']);
    expect(refusedBy(replay([created()]), z40('2024-03-01'))).toEqual(['declaration.notice-needs-accepted']);
    expect(refusedBy(replay([created()]), correction({ registrationNumber: 'CD98765' }))).toEqual(['declaration.notice-needs-accepted']);
  });
  it('a rejection answers only a declaration awaiting an answer', () => {
    expect(refusedBy(active(), rejection('2024-03-10'))).toEqual(['declaration.answer-needs-request']);
  });
  it('a portfolio transfer between lienholders moves only aktivt declarations', () => {
    const transfer = pant('lienholderPortfolioTransfer', { sender: { vir: NEW_LIENHOLDER }, recipient: { vir: CEDING }, messageDate: '2024-03-01' });
    expect(refusedBy(replay([created()]), transfer)).toEqual(['declaration.lienholder-portfolio']);
  });
  it('Z20 (coverage restored) is a notice on a declaration in force: refused once the lien ended made it historisk', () => {
    const ended = replay([created(), accept(), notice('coverageEndedArrears', '2024-04-01', { cessationDate: '2024-04-15' }), fromLienholder('lienEnded', '2024-06-01')]);
    expect(ended.state).toBe('historisk');
    expect(refusedBy(ended, notice('coverageRestored', '2024-06-05', { effectiveDate: '2024-06-05' }))).toEqual(['declaration.notice-needs-accepted']);
  });
  it('a late-rejected (midlertidigt) declaration takes notices but no change of insurer (Z40)', () => {
    const late = () => replay([created(), rejection('2024-03-02')], { rejectionDeadlineDays: { B: 10 } });
    expect(refusedBy(late(), z40('2024-03-10', '2024-04-01'))).toEqual(['declaration.notice-needs-accepted']);
    expect(appliedTo(late(), notice('priorityChanged', '2024-03-10', { priority: 'Z92' }))).toBe('midlertidigt');
  });
  it('a re-registration on a declaration made historisk by a rejection has no "lien ended" to undo', () => {
    expect(refusedBy(replay([created(), rejection('2024-02-25')]), fromLienholder('reRegistration', '2024-03-01'))).toEqual(['declaration.re-registration']);
  });
});

describe('change of insurer (Z40): who holds the declaration', () => {
  it('only a 30 to another insurer after a Z40 starts the change; anything else is a number in use', () => {
    expect(refusedBy(active(), sendTo(THIRD))).toEqual(['declaration.number-in-use']);
    expect(refusedBy(replay([created(), accept(), z40()]), sendTo(CEDING))).toEqual(['declaration.number-in-use']);
    const change = pant('changeOfLienholder', { sender: { vir: NEW_LIENHOLDER }, recipient: { vir: THIRD }, messageDate: '2024-03-05', lienType: 'ZPA', declarationType: 'ZBB', debtor: DEBTOR, oldLienholder: { vir: LIENHOLDER } });
    expect(refusedBy(replay([created(), accept(), z40()]), change)).toEqual(['declaration.number-in-use']);
    expect(appliedTo(replay([created(), accept(), z40()]), sendTo(THIRD))).toBe('under skift');
  });
  it('under skift: no second insurer; the reminder (from day 21 after the 30 to the new insurer) is the only due item', () => {
    const d = underSkift();
    expect(refusedBy(d, sendTo(FOURTH, '2024-03-06'))).toEqual(['declaration.number-in-use']);
    expect(d.dueOn('2024-03-25')).toEqual([]);
    expect(dueSummary(d, '2024-03-26')).toEqual([['deadline.lienholder-reminder', 'reminder', 'lienholder', '2024-03-26', false]]);
  });
  it("the new insurer's accept ends the change: it holds the declaration, nothing is left to send", () => {
    const d = underSkift();
    expect(appliedTo(d, pant('acceptWithoutFee', { sender: { vir: THIRD }, recipient: { vir: LIENHOLDER }, messageDate: '2024-03-08', effectiveDate: '2024-03-30' }))).toBe('aktivt');
    expect(d.dueOn('2024-03-10')).toEqual([]);
    expect(refusedBy(d, sendTo(THIRD, '2024-04-01'))).toEqual(['declaration.number-in-use']);
    // the terms travel with the declaration; a 30 without priority or cover type does not erase them
    expect(refusedBy(d, correction({ priority: 'Z92' }, THIRD))).toEqual(['declaration.correction-fields']);
    expect(refusedBy(d, correction({ coverType: 'ZKM' }, THIRD))).toEqual(['declaration.correction-fields']);
  });
  it("the new insurer's rejection leaves the declaration aktivt with the old insurer", () => {
    const d = replay([created(), accept(), z40(), sendTo(THIRD)], { rejectionDeadlineDays: { B: 1 } });
    expect(appliedTo(d, rejection('2024-03-20', THIRD))).toBe('aktivt');
  });
  it('Z20 when the customer regrets: aktivt with the old insurer, which a later real change leaves', () => {
    const d = underSkift();
    expect(appliedTo(d, notice('coverageRestored', '2024-03-10', { effectiveDate: '2024-03-10' }))).toBe('aktivt');
    expect(d.dueOn('2024-03-11')).toEqual([]);
    d.apply(z40('2024-06-01', '2024-06-30'));
    expect(appliedTo(d, sendTo(THIRD, '2024-06-03'))).toBe('under skift');
  });
  it('an insurer portfolio transfer moves the declaration to the acquiring insurer; a lienholder transfer does not', () => {
    const byInsurer = active();
    byInsurer.apply(pant('insurerPortfolioTransfer', { sender: { vir: THIRD }, recipient: { vir: LIENHOLDER }, messageDate: '2024-05-01' }));
    byInsurer.apply(z40('2024-06-01', '2024-06-30', THIRD, FOURTH));
    expect(refusedBy(byInsurer, sendTo(THIRD, '2024-06-03'))).toEqual(['declaration.number-in-use']);
    expect(appliedTo(byInsurer, sendTo(FOURTH, '2024-06-03'))).toBe('under skift');

    const byLienholder = active();
    byLienholder.apply(pant('lienholderPortfolioTransfer', { sender: { vir: NEW_LIENHOLDER }, recipient: { vir: CEDING }, messageDate: '2024-05-01' }));
    expect(appliedTo(byLienholder, z40('2024-06-01', '2024-06-30', CEDING, THIRD, NEW_LIENHOLDER))).toBe('aktivt');
    expect(refusedBy(byLienholder, sendTo(CEDING, '2024-06-03', NEW_LIENHOLDER))).toEqual(['declaration.number-in-use']);
    expect(appliedTo(byLienholder, sendTo(THIRD, '2024-06-03', NEW_LIENHOLDER))).toBe('under skift');
  });
});

describe('terms in force, as an administrative correction (Z50) sees them', () => {
  it('a Z50 may repeat the terms in force while correcting identification data, not change them', () => {
    expect(appliedTo(active(), correction({ registrationNumber: 'CD98765', priority: 'Z91', coverType: 'ZKA', effectiveDate: '2024-03-01', declarationType: 'ZBB' }))).toBe('aktivt');
    expect(refusedBy(active(), correction({ coverType: 'ZKM' }))).toEqual(['declaration.correction-fields']);
  });
  it("the accept's priority and cover type are the terms in force", () => {
    const accepted = () => replay([created(), accept('2024-02-25', { priority: 'Z92', coverType: 'ZKM' })]);
    expect(appliedTo(accepted(), correction({ priority: 'Z92', coverType: 'ZKM' }))).toBe('aktivt');
    expect(refusedBy(accepted(), correction({ priority: 'Z91' }))).toEqual(['declaration.correction-fields']);
    expect(refusedBy(accepted(), correction({ coverType: 'ZKA' }))).toEqual(['declaration.correction-fields']);
  });
  it("L: the accept's sum insured is in force", () => {
    expect(appliedTo(active('ZLL'), correction({ sumInsured: 250000 }))).toBe('aktivt');
    expect(refusedBy(active('ZLL'), correction({ sumInsured: 300000 }))).toEqual(['declaration.correction-fields']);
  });
  it('a coverage-ended notice with a new cover type puts it in force; one without keeps the old', () => {
    const changed = () => replay([created(), accept(), notice('coverageEndedComprehensive', '2024-03-15', { cessationDate: '2024-04-01', coverType: 'ZKM' })]);
    expect(appliedTo(changed(), correction({ coverType: 'ZKM' }))).toBe('aktivt');
    expect(refusedBy(changed(), correction({ coverType: 'ZKA' }))).toEqual(['declaration.correction-fields']);
    const kept = replay([created(), accept(), notice('coverageEndedArrears', '2024-03-15', { cessationDate: '2024-04-01' })]);
    expect(refusedBy(kept, correction({ coverType: 'ZKM' }))).toEqual(['declaration.correction-fields']);
  });
  it('a term no message ever stated cannot be shown to change, so a Z50 giving it is not refused', () => {
    expect(appliedTo(replay([declaration30({ messageDate: '2024-02-20' }), accept()]), correction({ priority: 'Z92' }))).toBe('aktivt');
  });
});

describe('rejected declarations', () => {
  it('after a rejection the corrected declaration may be sent under the same number; its reminder counts from the new date', () => {
    const d = replay([created(), rejection('2024-02-25')]);
    expect(d.state).toBe('historisk');
    expect(appliedTo(d, created('ZBB', '2024-03-01'))).toBe('ubesvaret');
    expect(d.dueOn('2024-03-21')).toEqual([]);
    expect(dueSummary(d, '2024-03-22')).toEqual([['deadline.lienholder-reminder', 'reminder', 'lienholder', '2024-03-22', false]]);
    expect(appliedTo(d, accept('2024-03-05'))).toBe('aktivt');
  });
  it('a late rejection (midlertidigt) still has cover: Z10 shows the restore item, Z20 does not make it aktivt', () => {
    const d = replay([created(), rejection('2024-03-02')], { rejectionDeadlineDays: { B: 10 } });
    expect(d.state).toBe('midlertidigt');
    d.apply(notice('coverageEndedArrears', '2024-03-10', { cessationDate: '2024-03-25' }));
    expect(dueSummary(d, '2024-03-11')).toEqual([['declaration.restore-needs-end', 'restore-if-customer-returns', 'insurer', '2024-03-25', false]]);
    expect(appliedTo(d, notice('coverageRestored', '2024-03-20', { effectiveDate: '2024-03-20' }))).toBe('midlertidigt');
    expect(d.dueOn('2024-03-21')).toEqual([]);
  });
});

describe('due items on the edges of their windows', () => {
  it('the reminder is allowed from day 21, not on day 20; a B declaration has no acceptance-date item', () => {
    const d = replay([created()]);
    expect(d.dueOn('2024-03-11')).toEqual([]);
    expect(dueSummary(d, '2024-03-12')).toEqual([['deadline.lienholder-reminder', 'reminder', 'lienholder', '2024-03-12', false]]);
  });
  it('L: the latest acceptance date is receipt + 14, overdue only after it, and the sentence says which', () => {
    const l = () => Declaration.replay([{ message: created('ZLL', '2024-02-20'), receivedOn: '2024-02-22' }]);
    const onTime = l().dueOn('2024-03-07');
    expect(onTime.map((x) => [x.rule, x.action, x.party, x.by, x.overdue])).toEqual([['deadline.l-accept-latest', 'answer', 'insurer', '2024-03-07', false]]);
    expect(onTime[0]?.explanation).toBe('An accept may be dated at most 2024-03-07 (receipt + 14 days).');
    const late = l().dueOn('2024-03-08');
    expect(late.map((x) => [x.by, x.overdue])).toEqual([['2024-03-07', true]]);
    expect(late[0]?.explanation).toBe('An accept now must be dated 2024-03-07 (receipt + 14 days).');
    expect(refusedBy(l(), accept('2024-03-10', { effectiveDate: '2024-03-08', sumInsured: 250000 }))).toEqual(['deadline.l-accept-latest']);
    expect(appliedTo(l(), accept('2024-03-10', { effectiveDate: '2024-03-07', sumInsured: 250000 }))).toBe('aktivt');
  });
  it('after a Z40 the declaration is due at the new insurer by the policy end, overdue the day after', () => {
    const d = replay([created(), accept(), z40()]);
    expect(dueSummary(d, '2024-03-30')).toEqual([['declaration.change-of-insurer', 'send-to-new-insurer', 'lienholder', '2024-03-30', false]]);
    expect(dueSummary(d, '2024-03-31')).toEqual([['declaration.change-of-insurer', 'send-to-new-insurer', 'lienholder', '2024-03-30', true]]);
  });
  it('coverage ended: the insurer restores if the customer returns (never overdue); nothing once the lien ended', () => {
    const d = replay([created(), accept(), notice('coverageEndedArrears', '2024-04-01', { cessationDate: '2024-04-15' })]);
    expect(dueSummary(d, '2024-05-01')).toEqual([['declaration.restore-needs-end', 'restore-if-customer-returns', 'insurer', '2024-04-15', false]]);
    d.apply(fromLienholder('lienEnded', '2024-06-01'));
    expect(dueSummary(d, '2024-06-02')).toEqual([['declaration.re-registration', 're-registration', 'lienholder', '2024-06-15', false]]);
  });
  it('a re-registration is due through the last day of its window, and accepted on that day', () => {
    const d = replay([created(), accept(), fromLienholder('lienEnded', '2024-06-01')]);
    expect(dueSummary(d, '2024-06-15')).toEqual([['declaration.re-registration', 're-registration', 'lienholder', '2024-06-15', false]]);
    expect(d.dueOn('2024-06-16')).toEqual([]);
    expect(appliedTo(d, fromLienholder('reRegistration', '2024-06-15'))).toBe('aktivt');
  });
});

describe('caller errors and snapshots', () => {
  it('apply throws on a message of another declaration number and logs nothing', () => {
    const d = active();
    const stranger = pant('reminder', { ...TO_INSURER, declarationNumber: 'PD2024999999', messageDate: '2024-03-20' });
    expect(() => d.apply(stranger)).toThrow(new TypeError('Declaration.apply: message of declaration PD2024999999 offered to declaration PD2024000417'));
    expect(d.entries).toHaveLength(2);
  });
  it('fromJSON accepts a version-1 declaration snapshot and refuses anything else', () => {
    const good = JSON.parse(JSON.stringify(active().toJSON())) as DeclarationSnapshot;
    expect(Declaration.fromJSON(good).state).toBe('aktivt');
    const bad: unknown[] = [{ ...good, type: 'case' }, { ...good, version: 2 }, { ...good, entries: undefined }, null];
    for (const snapshot of bad) {
      expect(() => Declaration.fromJSON(snapshot as DeclarationSnapshot)).toThrow(new TypeError('Declaration.fromJSON: not a declaration snapshot of version 1'));
    }
  });
});
