/**
 * A declaration is between one lienholder and one insurer (seed 001, 'Sager'), so once it has
 * them, each message on it must pass between those two — or, while under skift, between the
 * lienholder and the new insurer the Z40 named (rule `declaration.parties`).
 */
import { describe, expect, it } from 'vitest';
import type { Panthaver } from '../../src/messages/types/panthaver.js';
import type { Declaration } from '../../src/rules/declaration.js';
import { CEDING, LIENHOLDER, pant, THIRD } from './fixtures.js';
import { accept, active, created, declaration30, refusedBy, replayDeclaration, rulesOf } from './helpers.js';

type Kind = Parameters<typeof pant>[0];
const STRANGER = '99999999';

/** A message of `kind` from `from` to `to` on the tests' declaration. */
const message = (kind: Kind, from: string, to: string, fields: Record<string, unknown> = {}, messageDate = '2024-04-10') =>
  pant(kind, { sender: { vir: from }, recipient: { vir: to }, messageDate, ...fields });

/** Aktivt between LIENHOLDER and CEDING, after a Z40 naming THIRD and the declaration sent to THIRD. */
const underSkift = () =>
  replayDeclaration([
    created(),
    accept(),
    message('changeOfInsurer', CEDING, LIENHOLDER, { cessationDate: '2024-03-30', newInsurer: { vir: THIRD } }, '2024-03-01'),
    declaration30({ sender: { vir: LIENHOLDER }, recipient: { vir: THIRD }, messageDate: '2024-03-05' }),
  ]);
const unanswered = () => replayDeclaration([created()]);

/** [kind, fields, the declaration it is sent on, sender, recipient] — each row passes between the right parties. */
const ROWS: ReadonlyArray<[Kind, Record<string, unknown>, () => Declaration, string, string]> = [
  ['coverageEndedArrears', { cessationDate: '2024-05-01' }, active, CEDING, LIENHOLDER],
  ['coverageEndedComprehensive', { cessationDate: '2024-05-01' }, active, CEDING, LIENHOLDER],
  ['coverageEndedOther', { cessationDate: '2024-05-01' }, active, CEDING, LIENHOLDER],
  ['sumInsuredChanged', { sumInsured: 300000 }, () => active('ZLL'), CEDING, LIENHOLDER],
  ['changeOfInsurer', { cessationDate: '2024-04-30', newInsurer: { vir: THIRD } }, active, CEDING, LIENHOLDER],
  ['administrativeCorrection', { registrationNumber: 'CD98765' }, active, CEDING, LIENHOLDER],
  ['priorityChanged', { priority: 'Z92' }, active, CEDING, LIENHOLDER],
  ['oldLienholderReceipt', {}, active, CEDING, LIENHOLDER],
  ['coverageRestored', { effectiveDate: '2024-04-10' }, underSkift, CEDING, LIENHOLDER],
  ['accept', { effectiveDate: '2024-03-01' }, unanswered, CEDING, LIENHOLDER],
  ['acceptWithoutFee', { effectiveDate: '2024-03-01' }, unanswered, CEDING, LIENHOLDER],
  ['rejection', { reasons: ['Z01'] }, unanswered, CEDING, LIENHOLDER],
  ['accept', { effectiveDate: '2024-04-01' }, underSkift, THIRD, LIENHOLDER],
  ['rejection', { reasons: ['Z01'] }, underSkift, THIRD, LIENHOLDER],
  ['reminder', {}, unanswered, LIENHOLDER, CEDING],
  ['reminder', {}, underSkift, LIENHOLDER, THIRD],
  ['lienEnded', {}, active, LIENHOLDER, CEDING],
  ['lienEnded', {}, underSkift, LIENHOLDER, CEDING],
];

describe('messages pass between the declaration parties', () => {
  it.each(ROWS)('%s %j: applied between the right parties, refused from or to anyone else', (kind, fields, on, from, to) => {
    const right = on().apply(message(kind, from, to, fields));
    expect(right.status).toBe('applied');
    for (const [sender, recipient] of [[STRANGER, to], [from, STRANGER]] as const) {
      expect(refusedBy(on(), message(kind, sender, recipient, fields))).toEqual(['declaration.parties']);
    }
  });

  it('under skift, the old insurer cannot answer and the lienholder does not chase it', () => {
    expect(refusedBy(underSkift(), message('accept', CEDING, LIENHOLDER, { effectiveDate: '2024-04-01' }))).toEqual(['declaration.parties']);
    expect(refusedBy(underSkift(), message('reminder', LIENHOLDER, CEDING))).toEqual(['declaration.parties']);
  });

  it("the new insurer's accept makes it the declaration's insurer: its notices pass, the old insurer's do not", () => {
    const d = underSkift();
    expect(d.apply(message('accept', THIRD, LIENHOLDER, { effectiveDate: '2024-04-01' })).status).toBe('applied');
    expect(d.apply(message('priorityChanged', THIRD, LIENHOLDER, { priority: 'Z92' }, '2024-04-11')).status).toBe('applied');
    expect(refusedBy(d, message('priorityChanged', CEDING, LIENHOLDER, { priority: 'Z93' }, '2024-04-12'))).toEqual(['declaration.parties']);
  });

  it('a re-registration comes from the lienholder to the insurer of the ended lien', () => {
    const ended = () => {
      const d = active();
      d.apply(message('lienEnded', LIENHOLDER, CEDING, {}, '2024-04-01'));
      return d;
    };
    expect(ended().apply(message('reRegistration', LIENHOLDER, CEDING, {}, '2024-04-05')).status).toBe('applied');
    expect(refusedBy(ended(), message('reRegistration', STRANGER, CEDING, {}, '2024-04-05'))).toEqual(['declaration.parties']);
    expect(refusedBy(ended(), message('reRegistration', LIENHOLDER, STRANGER, {}, '2024-04-05'))).toEqual(['declaration.parties']);
  });

  it('a portfolio transfer comes from the acquiring party, but must reach the other party of the declaration', () => {
    expect(active().apply(message('insurerPortfolioTransfer', STRANGER, LIENHOLDER)).status).toBe('applied');
    expect(refusedBy(active(), message('insurerPortfolioTransfer', STRANGER, THIRD))).toEqual(['declaration.parties']);
    expect(active().apply(message('lienholderPortfolioTransfer', STRANGER, CEDING)).status).toBe('applied');
    expect(refusedBy(active(), message('lienholderPortfolioTransfer', STRANGER, THIRD))).toEqual(['declaration.parties']);
  });

  it('names the end, the party and both numbers', () => {
    const r = active().apply(message('priorityChanged', STRANGER, LIENHOLDER, { priority: 'Z92' }));
    expect(r.violations[0]!.explanation).toBe(`The priorityChanged's sender is ${STRANGER}, not the declaration's insurer ${CEDING}.`);
    const s = underSkift().apply(message('accept', THIRD, STRANGER, { effectiveDate: '2024-04-01' }));
    expect(s.violations[0]!.explanation).toBe(`The accept's recipient is ${STRANGER}, not the declaration's lienholder ${LIENHOLDER}.`);
    const t = underSkift().apply(message('accept', CEDING, LIENHOLDER, { effectiveDate: '2024-04-01' }));
    expect(t.violations[0]!.explanation).toBe(`The accept's sender is ${CEDING}, not the new insurer ${THIRD}.`);
  });

  it('checks nothing before the declaration has parties, nor a 12 (it undoes only what its sender had received)', () => {
    const first: Panthaver = message('oldLienholderReceipt', STRANGER, THIRD);
    expect(replayDeclaration([]).apply(first).status).toBe('applied');
    const d = unanswered();
    const twelve = d.apply(message('contentError', STRANGER, THIRD, { errorCode: 'F01' }, '2024-02-21'));
    expect(twelve.status).toBe('applied');
    expect(d.state).toBe('ubesvaret');
  });
});

describe('after a change of insurer (Z40), the declaration goes to the insurer it names', () => {
  const withZ40 = () => {
    const d = active();
    d.apply(message('changeOfInsurer', CEDING, LIENHOLDER, { cessationDate: '2024-03-30', newInsurer: { vir: THIRD } }, '2024-03-01'));
    return d;
  };
  it('a 30 to the named insurer puts it under skift; to any other insurer it is refused', () => {
    const named = withZ40();
    expect(named.apply(declaration30({ recipient: { vir: THIRD }, messageDate: '2024-03-05' })).status).toBe('applied');
    expect(named.state).toBe('under skift');
    const other = withZ40();
    const r = other.apply(declaration30({ recipient: { vir: STRANGER }, messageDate: '2024-03-05' }));
    expect(rulesOf(r)).toEqual(['declaration.change-of-insurer']);
    expect(r.violations[0]!.explanation).toBe(`After the change of insurer the declaration goes to the new insurer ${THIRD}, not to ${STRANGER}.`);
    expect(other.state).toBe('aktivt');
  });
  it('a 30 to the insurer that holds it is still a number in use', () => {
    expect(refusedBy(withZ40(), declaration30({ recipient: { vir: CEDING }, messageDate: '2024-03-05' }))).toEqual(['declaration.number-in-use']);
  });
});
