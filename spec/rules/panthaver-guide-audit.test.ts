/**
 * Rules of the Panthaver Web-EDI user guide (seed 001, Danish original) that the declaration
 * state machine must enforce; each test quotes the sentence it checks.
 */
import { describe, expect, it } from 'vitest';
import { Declaration } from '../../src/rules/declaration.js';
import { CEDING, LIENHOLDER, pant } from './fixtures.js';
import { accept, active, created, declaration30, notice, refusedBy, replayDeclaration } from './helpers.js';

describe("seed 001 'Accept' (L-deklarationer)", () => {
  // "Hvis der accepteres senere end 14 dage efter modtagelsen, skal brugeren indtaste en
  // acceptdato, der er lig med modtagelsesdato + 14 dage."
  const l = () => Declaration.replay([{ message: created('ZLL', '2024-02-20'), receivedOn: '2024-02-22' }]);
  it('an L accept sent later than receipt + 14 days must be dated exactly receipt + 14', () => {
    // Receipt 2024-02-22, so receipt + 14 = 2024-03-07; accepted on 2024-03-10 (late).
    expect(refusedBy(l(), accept('2024-03-10', { effectiveDate: '2024-03-01', sumInsured: 250000 }))).toEqual(['deadline.l-accept-latest']);
    expect(refusedBy(l(), accept('2024-03-08', { effectiveDate: '2024-03-06', sumInsured: 250000 }))).toEqual(['deadline.l-accept-latest']);
    const late = l();
    expect(late.apply(accept('2024-03-10', { effectiveDate: '2024-03-07', sumInsured: 250000 })).status).toBe('applied');
    expect(late.state).toBe('aktivt');
  });
  it('an L accept sent within 14 days of receipt may carry an earlier acceptance date', () => {
    // Sent on the last day (receipt + 14) is not later than 14 days after receipt.
    for (const sent of ['2024-03-01', '2024-03-07']) {
      const d = l();
      expect(d.apply(accept(sent, { effectiveDate: '2024-03-01', sumInsured: 250000 })).status).toBe('applied');
      expect(d.state).toBe('aktivt');
    }
  });
  it('the rule is for L only: a late B accept keeps its own acceptance date', () => {
    const d = Declaration.replay([{ message: created('ZBB', '2024-02-20'), receivedOn: '2024-02-22' }]);
    expect(d.apply(accept('2024-03-20', { effectiveDate: '2024-03-01' })).status).toBe('applied');
  });
});

describe("seed 001 'Administrativ rettelse'", () => {
  // "Meddelelsen Administrativ rettelse kan sendes på en accepteret og godkendt deklaration."
  // A midlertidigt declaration is "afvist, men så sent at der er dækning" ('Sager'): rejected, not accepted.
  const lateRejected = () =>
    replayDeclaration([created(), pant('rejection', { sender: { vir: CEDING }, recipient: { vir: LIENHOLDER }, messageDate: '2024-03-02', reasons: ['1'] })], { rejectionDeadlineDays: { B: 10 } });
  const z50 = () => notice('administrativeCorrection', '2024-03-10', { registrationNumber: 'CD98765' });
  it('a Z50 on a late-rejected (midlertidigt) declaration is refused', () => {
    const d = lateRejected();
    expect(d.state).toBe('midlertidigt');
    expect(refusedBy(d, z50())).toEqual(['declaration.notice-needs-accepted']);
  });
  it('a Z50 on an accepted (aktivt) declaration is applied', () => {
    const d = active();
    expect(d.apply(z50()).status).toBe('applied');
    expect(d.state).toBe('aktivt');
  });
  // "Følgende oplysninger kan rettes ved meddelelsen Administrativ rettelse: cpr-nr., navn og adresse på
  // debitor/leasingtager/forsikringstager panttype policenummer debitorreferencenummer registreringsnummer
  // stelnummer motornummer byggenummer(lystfartøjer)": a closed list. The særaftalenummer ('Sager': "SaftaleNr:
  // Viser særaftalenummer") and the declaration's amount ('Serviceudtræk': "beløb") are not on it.
  const withTerms = () =>
    replayDeclaration([declaration30({ messageDate: '2024-02-20', specialAgreementNumber: 'SA-17', lienAmount: '125000.50' }), accept()]);
  it('a Z50 may not change the special-agreement number or the lien amount', () => {
    expect(refusedBy(withTerms(), notice('administrativeCorrection', '2024-03-10', { specialAgreementNumber: 'SA-18' }))).toEqual(['declaration.correction-fields']);
    expect(refusedBy(withTerms(), notice('administrativeCorrection', '2024-03-10', { lienAmount: '99000' }))).toEqual(['declaration.correction-fields']);
  });
  it('a Z50 repeating them unchanged (the amount in another notation) is applied, as is every field on the list', () => {
    const d = withTerms();
    const listed = { specialAgreementNumber: 'SA-17', lienAmount: '0125000.5', lienType: 'ZLE', policyNumber: 'P-2', debtorReference: 'D-2', registrationNumber: 'XY12345', chassisNumber: 'VIN2', engineNumber: 'M2', buildNumber: 'B2', debtor: { name: 'Ny Navnesen', street: 'Vej 2' } };
    expect(d.apply(notice('administrativeCorrection', '2024-03-10', listed)).status).toBe('applied');
    expect(d.violations).toEqual([]);
  });
});

describe("seed 001 'Meddelelse fra panthaver', 'Rykker'", () => {
  // "Hvis panthaver ikke har modtaget svar på en fremsendt deklaration inden 20 dage efter oprettelsen, kan der
  // sendes en rykker." The insurer's 20 days run to the end of day creation + 20 (the deadline day is still in
  // time, docs/rules-deadlines.md), so "no answer within 20 days" holds from day 21.
  const reminder = (messageDate: string) => pant('reminder', { declarationNumber: created().declarationNumber, sender: { vir: LIENHOLDER }, recipient: { vir: CEDING }, messageDate });
  it('refuses a reminder on day 20 after the declaration, while an answer of that day is still in time', () => {
    // Created 2024-02-20 (2024 is a leap year): day 20 is 2024-03-11, day 21 is 2024-03-12.
    const d = replayDeclaration([created('ZBB', '2024-02-20')]);
    expect(refusedBy(d, reminder('2024-03-11'))).toEqual(['deadline.lienholder-reminder']);
    expect(d.apply(accept('2024-03-11')).status).toBe('applied');
  });
  it('takes a reminder from day 21, and lists it as due from then', () => {
    const d = replayDeclaration([created('ZBB', '2024-02-20')]);
    expect(d.dueOn('2024-03-11').map((x) => x.action)).not.toContain('reminder');
    expect(d.dueOn('2024-03-12').find((x) => x.action === 'reminder')).toMatchObject({ from: '2024-03-12' });
    expect(d.apply(reminder('2024-03-12')).status).toBe('applied');
    expect(d.state).toBe('ubesvaret');
  });
});

describe("seed 001 'Portefølgeoverdragelse' (between 2 insurers, between 2 lienholders)", () => {
  // Insurers: "så skal alle aktive, elektroniske deklarationer flyttes til det overtagende forsikringsselskab … Når de
  // aktive deklarationer skal flyttes … vil der … blive sendt en meddelelse (portefølgeoverdragelse) til panthavere på
  // hver enkelt deklaration." Lienholders: "så skal alle aktive, elektroniske deklarationer flyttes til den
  // overtagende panthaver … Når de aktive deklarationer skal flyttes …". 'Sager' names the states: "Aktivt:
  // Deklarationen er gyldig", "Midlertidigt: en deklaration er afvist, men så sent at der er dækning", "Under skift".
  const byInsurer = () => pant('insurerPortfolioTransfer', { sender: { vir: '33333333' }, recipient: { vir: LIENHOLDER }, messageDate: '2024-05-01' });
  const byLienholder = () => pant('lienholderPortfolioTransfer', { sender: { vir: '60000002' }, recipient: { vir: CEDING }, messageDate: '2024-05-01' });
  const midlertidigt = () =>
    replayDeclaration([created(), pant('rejection', { sender: { vir: CEDING }, recipient: { vir: LIENHOLDER }, messageDate: '2024-03-02', reasons: ['1'] })], { rejectionDeadlineDays: { B: 10 } });
  const underSkift = () =>
    replayDeclaration([
      created(),
      accept(),
      notice('changeOfInsurer', '2024-03-01', { cessationDate: '2024-03-30', newInsurer: { vir: '33333333' } }),
      declaration30({ recipient: { vir: '33333333' }, messageDate: '2024-03-05' }),
    ]);
  it('moves an aktivt declaration', () => {
    expect(active().apply(byInsurer()).status).toBe('applied');
    expect(active().apply(byLienholder()).status).toBe('applied');
  });
  it('refuses to move a midlertidigt or under-skift declaration', () => {
    expect(midlertidigt().state).toBe('midlertidigt');
    expect(refusedBy(midlertidigt(), byInsurer())).toEqual(['declaration.insurer-portfolio']);
    expect(refusedBy(midlertidigt(), byLienholder())).toEqual(['declaration.lienholder-portfolio']);
    expect(underSkift().state).toBe('under skift');
    expect(refusedBy(underSkift(), byInsurer())).toEqual(['declaration.insurer-portfolio']);
    expect(refusedBy(underSkift(), byLienholder())).toEqual(['declaration.lienholder-portfolio']);
  });
});
