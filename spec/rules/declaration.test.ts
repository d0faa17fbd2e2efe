import { describe, expect, it } from 'vitest';
import { Declaration } from '../../src/rules/declaration.js';
import { CEDING, DEBTOR, LIENHOLDER, NEW_LIENHOLDER, pant, THIRD, TO_LIENHOLDER } from './fixtures.js';
import { accept, active, created, fromLienholder, notice, refusedBy, replayDeclaration } from './helpers.js';


describe('creation and answer', () => {
  it('new declaration → ubesvaret → accept → aktivt', () => {
    const d = new Declaration();
    expect(d.state).toBe('new');
    d.apply(created());
    expect(d.state).toBe('ubesvaret');
    d.apply(accept());
    expect(d.state).toBe('aktivt');
    expect(d.violations).toEqual([]);
  });
  it('rejection → historisk; a late rejection (by the configured period) → midlertidigt', () => {
    const rejection = (date: string) => notice('rejection', date, { reasons: ['1'] });
    expect(Declaration.replay([{ message: created() }, { message: rejection('2024-02-25') }]).state).toBe('historisk');
    const options = { rejectionDeadlineDays: { B: 10 } };
    expect(Declaration.replay([{ message: created() }, { message: rejection('2024-03-01') }], options).state).toBe('historisk');
    expect(Declaration.replay([{ message: created() }, { message: rejection('2024-03-02') }], options).state).toBe('midlertidigt');
  });
  it('refuses an accept or rejection of a declaration that is not awaiting one', () => {
    expect(refusedBy(active(), accept('2024-03-10'))).toEqual(['declaration.answer-needs-request']);
  });
  it('refuses a new declaration under a number in use', () => {
    expect(refusedBy(active(), created('ZBB', '2024-04-01'))).toEqual(['declaration.number-in-use']);
  });
  it('L: accept date at most receipt + 14 days, and a sum insured', () => {
    const l = () => Declaration.replay([{ message: created('ZLL') }]);
    const ok = l();
    expect(ok.apply(accept('2024-03-10', { effectiveDate: '2024-03-05', sumInsured: 250000 })).status).toBe('applied');
    expect(ok.state).toBe('aktivt');
    expect(refusedBy(l(), accept('2024-03-10', { effectiveDate: '2024-03-06', sumInsured: 250000 }))).toEqual(['deadline.l-accept-latest']);
    expect(refusedBy(l(), accept('2024-03-01'))).toEqual(['declaration.l-accept']);
  });
});

describe('reminders from the lienholder', () => {
  it('allowed from day 21 after creation (the insurer has 20 days), refused earlier or when answered', () => {
    const d = Declaration.replay([{ message: created() }]);
    expect(refusedBy(d, fromLienholder('reminder', '2024-03-11'))).toEqual(['deadline.lienholder-reminder']);
    expect(d.apply(fromLienholder('reminder', '2024-03-12')).status).toBe('applied');
    expect(d.state).toBe('ubesvaret');
    expect(refusedBy(active(), fromLienholder('reminder', '2024-04-01'))).toEqual(['declaration.reminder-needs-outstanding']);
  });
});

describe('coverage ended and restored (Z10, Z11, Z12, Z20)', () => {
  it('Z20 only after a coverage-ended message', () => {
    expect(refusedBy(active(), notice('coverageRestored', '2024-05-01', { effectiveDate: '2024-05-01' }))).toEqual(['declaration.restore-needs-end']);
    const d = active();
    d.apply(notice('coverageEndedArrears', '2024-04-01', { cessationDate: '2024-04-15' }));
    expect(d.apply(notice('coverageRestored', '2024-04-20', { effectiveDate: '2024-04-20' })).status).toBe('applied');
    expect(d.state).toBe('aktivt');
    expect(refusedBy(d, notice('coverageRestored', '2024-04-21', { effectiveDate: '2024-04-21' }))).toEqual(['declaration.restore-needs-end']);
  });
  it('a new cover type is allowed on B but not on D, E, L', () => {
    expect(active('ZBB').apply(notice('coverageEndedComprehensive', '2024-04-01', { cessationDate: '2024-04-15', coverType: 'ZKM' })).status).toBe('applied');
    for (const type of ['ZDD', 'ZEE', 'ZLL']) {
      expect(refusedBy(active(type), notice('coverageEndedOther', '2024-04-01', { cessationDate: '2024-04-15', coverType: 'ZKM' }))).toEqual(['declaration.cover-type-not-del']);
    }
    expect(active('ZDD').apply(notice('coverageEndedOther', '2024-04-01', { cessationDate: '2024-04-15' })).status).toBe('applied');
  });
  it('coverage-ended needs an accepted declaration', () => {
    expect(refusedBy(Declaration.replay([{ message: created() }]), notice('coverageEndedArrears', '2024-03-01', { cessationDate: '2024-03-15' }))).toEqual(['declaration.notice-needs-accepted']);
  });
});

describe('sum insured (Z15), priority (Z60), correction (Z50)', () => {
  it('Z15 only on L declarations', () => {
    expect(active('ZLL').apply(notice('sumInsuredChanged', '2024-04-01', { sumInsured: 300000 })).status).toBe('applied');
    expect(refusedBy(active('ZBB'), notice('sumInsuredChanged', '2024-04-01', { sumInsured: 300000 }))).toEqual(['declaration.sum-change-only-l']);
  });
  it('Z60 on an accepted declaration only', () => {
    expect(active().apply(notice('priorityChanged', '2024-04-01', { priority: 'Z92' })).status).toBe('applied');
    expect(refusedBy(Declaration.replay([{ message: created() }]), notice('priorityChanged', '2024-03-01', { priority: 'Z92' }))).toEqual(['declaration.notice-needs-accepted']);
  });
  it('Z50 corrects identification data, not the terms', () => {
    expect(active().apply(notice('administrativeCorrection', '2024-04-01', { registrationNumber: 'CD98765' })).status).toBe('applied');
    expect(refusedBy(active(), notice('administrativeCorrection', '2024-04-01', { priority: 'Z93' }))).toEqual(['declaration.correction-fields']);
  });
});

describe('change of insurer (Z40) and under skift', () => {
  const z40 = (messageDate: string) => notice('changeOfInsurer', messageDate, { cessationDate: '2024-03-30', newInsurer: { vir: THIRD } });
  const toNewInsurer = pant('newDeclaration', { sender: { vir: LIENHOLDER }, recipient: { vir: THIRD }, messageDate: '2024-03-05', lienType: 'ZPA', declarationType: 'ZBB', debtor: DEBTOR });
  it('Z40 not earlier than 30 days before the policy ends', () => {
    expect(refusedBy(active(), z40('2024-02-28'))).toEqual(['deadline.change-of-insurer-earliest']);
    expect(active().apply(z40('2024-02-29')).status).toBe('applied');
  });
  it('the declaration sent to the new insurer is under skift until it answers', () => {
    const d = active();
    d.apply(z40('2024-03-01'));
    expect(d.dueOn('2024-03-02')).toEqual([expect.objectContaining({ action: 'send-to-new-insurer', by: '2024-03-30', rule: 'declaration.change-of-insurer' })]);
    d.apply(toNewInsurer);
    expect(d.state).toBe('under skift');
    d.apply(pant('acceptWithoutFee', { sender: { vir: THIRD }, recipient: { vir: LIENHOLDER }, messageDate: '2024-03-08', effectiveDate: '2024-03-30' }));
    expect(d.state).toBe('aktivt');
    expect(d.violations).toEqual([]);
  });
  it('Z20 after a Z40 the customer regretted', () => {
    const d = active();
    d.apply(z40('2024-03-01'));
    expect(d.apply(notice('coverageRestored', '2024-03-10', { effectiveDate: '2024-03-10' })).status).toBe('applied');
    expect(d.dueOn('2024-03-11')).toEqual([]);
  });
});

describe('lienholder messages: lien ended, re-registration, change of lienholder, portfolio', () => {
  it('lien ended → historisk; a re-registration shortly after undoes it', () => {
    const d = active();
    d.apply(fromLienholder('lienEnded', '2024-06-01'));
    expect(d.state).toBe('historisk');
    expect(d.dueOn('2024-06-02')).toEqual([expect.objectContaining({ action: 're-registration', by: '2024-06-15' })]);
    d.apply(fromLienholder('reRegistration', '2024-06-10'));
    expect(d.state).toBe('aktivt');
  });
  it('refuses a late re-registration, or one with no lien ended', () => {
    const d = active();
    d.apply(fromLienholder('lienEnded', '2024-06-01'));
    expect(refusedBy(d, fromLienholder('reRegistration', '2024-06-16'))).toEqual(['declaration.re-registration']);
    expect(refusedBy(active(), fromLienholder('reRegistration', '2024-06-16'))).toEqual(['declaration.re-registration']);
  });
  it('change of lienholder: 34 to the new lienholder, Z70 moves the old declaration to historisk', () => {
    const old = active();
    const change = pant('changeOfLienholder', { declarationNumber: 'FV-2024-5531', sender: { vir: NEW_LIENHOLDER }, recipient: { vir: CEDING }, messageDate: '2024-11-01', lienType: 'ZLE', declarationType: 'ZFF', debtor: DEBTOR, oldLienholder: { vir: LIENHOLDER } });
    const fresh = Declaration.replay([{ message: change }]);
    fresh.apply(pant('acceptWithoutFee', { declarationNumber: 'FV-2024-5531', sender: { vir: CEDING }, recipient: { vir: NEW_LIENHOLDER }, messageDate: '2024-11-04', effectiveDate: '2024-11-01' }));
    expect(fresh.state).toBe('aktivt');
    old.apply(notice('oldLienholderReceipt', '2024-11-04', { cessationDate: '2024-11-01', oldLienholder: { vir: LIENHOLDER } }));
    expect(old.state).toBe('historisk');
    expect(refusedBy(old, notice('oldLienholderReceipt', '2024-11-05', { cessationDate: '2024-11-01' }))).toEqual(['declaration.old-lienholder-historic']);
    // The old lienholder may know the declaration only from the Z70 that ends it.
    const onlyTheReceipt = replayDeclaration([notice('oldLienholderReceipt', '2024-11-04', { cessationDate: '2024-11-01', oldLienholder: { vir: LIENHOLDER } })]);
    expect([onlyTheReceipt.state, onlyTheReceipt.violations]).toEqual(['historisk', []]);
    expect(refusedBy(replayDeclaration([created()]), notice('oldLienholderReceipt', '2024-11-04', { cessationDate: '2024-11-01' }))).toEqual(['declaration.old-lienholder-historic']);
  });
  it('portfolio transfers move only aktivt declarations and need no answer', () => {
    const d = active();
    expect(d.apply(pant('lienholderPortfolioTransfer', { sender: { vir: NEW_LIENHOLDER }, recipient: { vir: CEDING }, messageDate: '2024-07-01' })).status).toBe('applied');
    expect(refusedBy(d, accept('2024-07-02', { recipient: { vir: NEW_LIENHOLDER } }))).toEqual(['declaration.answer-needs-request']);
    expect(refusedBy(Declaration.replay([{ message: created() }]), pant('insurerPortfolioTransfer', { sender: { vir: THIRD }, recipient: { vir: LIENHOLDER }, messageDate: '2024-07-01' }))).toEqual(['declaration.insurer-portfolio']);
  });
});

describe('duplicates, content errors, due items, JSON', () => {
  it('ignores an exact duplicate', () => {
    const d = active();
    expect(d.apply(accept()).status).toBe('ignored');
    expect(d.violations).toEqual([]);
  });
  it('a content error from the insurer undoes the refused declaration', () => {
    const d = Declaration.replay([{ message: created() }]);
    d.apply(pant('contentError', { ...TO_LIENHOLDER, messageDate: '2024-02-21', errorCode: 'F01' }));
    expect(d.state).toBe('new');
  });
  it('shows the reminder and the latest L acceptance date while unanswered', () => {
    const d = Declaration.replay([{ message: created('ZLL') }]);
    expect(d.dueOn('2024-03-12').map((x) => [x.action, x.from ?? x.by, x.overdue])).toEqual([
      ['reminder', '2024-03-12', false],
      ['answer', '2024-03-05', true],
    ]);
  });
  it('round-trips through JSON with its settings', () => {
    const d = active('ZBB', { rejectionDeadlineDays: { B: 10 }, reRegistrationWindowDays: 3 });
    d.apply(fromLienholder('lienEnded', '2024-06-01'));
    d.apply(fromLienholder('reRegistration', '2024-06-10'), { source: 'x.edi #4' });
    const copy = Declaration.fromJSON(JSON.parse(JSON.stringify(d.toJSON())));
    expect(copy.state).toBe(d.state);
    expect(copy.state).toBe('historisk');
    expect(copy.violations).toEqual(d.violations);
    expect(copy.violations[0]?.source).toBe('x.edi #4');
    expect(copy.dueOn('2024-06-02')).toEqual(d.dueOn('2024-06-02'));
  });
});
