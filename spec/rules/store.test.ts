import { describe, expect, it } from 'vitest';
import { Declaration } from '../../src/rules/declaration.js';
import { OpsigelseCase } from '../../src/rules/opsigelse-case.js';
import { caseKey, loadDeclaration, loadOpsigelseCase, MemoryCaseStore, saveCase, type CaseSnapshot, type CaseStore } from '../../src/rules/store.js';
import { BONUS, buildAccept, buildBonusAnswer, buildBonusQuery, buildRejection, buildReminder, cancellation, DEBTOR, pant, TO_INSURER } from './fixtures.js';

/** A busy case: rejection, re-send, a refused reminder, a bonus query and answer, a duplicate. */
function busyCase(): OpsigelseCase {
  const nine = cancellation();
  const resend = cancellation({ messageDate: '2024-12-02', cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: [['Rettet']] });
  const query = buildBonusQuery(resend, { messageDate: '2024-12-03' });
  const c = new OpsigelseCase();
  c.apply(nine, { source: 'a.edi #1' });
  c.apply(buildRejection(nine, { messageDate: '2024-11-22', reason: 'registrationMismatch' }), { receivedOn: '2024-11-23' });
  c.apply(resend);
  c.apply(buildReminder(resend, { messageDate: '2024-12-04' }));
  c.apply(query);
  c.apply(buildBonusAnswer(query, { messageDate: '2024-12-05', bonus: { ...BONUS, policyEndDate: '2025-01-01' } }));
  c.apply(buildAccept(resend, { messageDate: '2024-12-06', correctedDate: '2025-02-01' }));
  c.apply(buildAccept(resend, { messageDate: '2024-12-07', correctedDate: '2025-02-01' }));
  return c;
}

describe('CaseStore', () => {
  it('round-trips an opsigelser case through JSON text: same state, log, violations and due items', async () => {
    const store = new MemoryCaseStore();
    const original = busyCase();
    expect(original.violations.map((v) => v.rule)).toEqual(['deadline.reminder-earliest']);
    const key = await saveCase(store, original);
    expect(key).toBe(caseKey('opsigelser', 'TRY-2024-000123'));
    const loaded = await loadOpsigelseCase(store, 'TRY-2024-000123');
    expect(loaded?.state).toBe('accepted-with-date');
    expect(loaded?.entries).toEqual(original.entries);
    expect(loaded?.violations).toEqual(original.violations);
    expect(loaded?.dueOn('2024-12-20')).toEqual(original.dueOn('2024-12-20'));
    expect(loaded?.toJSON()).toEqual(JSON.parse(JSON.stringify(original.toJSON())));
  });

  it('round-trips a declaration', async () => {
    const store = new MemoryCaseStore();
    const d = Declaration.replay([
      { message: pant('newDeclaration', { ...TO_INSURER, messageDate: '2024-02-20', lienType: 'ZPA', declarationType: 'ZLL', debtor: DEBTOR }) },
      { message: pant('reminder', { ...TO_INSURER, messageDate: '2024-03-01' }) },
    ]);
    await saveCase(store, d);
    const loaded = await loadDeclaration(store, 'PD2024000417');
    expect(loaded?.state).toBe('ubesvaret');
    expect(loaded?.entries).toEqual(d.entries);
    expect(loaded?.dueOn('2024-03-12')).toEqual(d.dueOn('2024-03-12'));
    expect(await store.keys()).toEqual(['panthaver:PD2024000417']);
  });

  it('continues a loaded case with new messages', async () => {
    const store = new MemoryCaseStore();
    const nine = cancellation();
    await saveCase(store, OpsigelseCase.replay([{ message: nine }]));
    const loaded = await loadOpsigelseCase(store, nine.caseReference);
    expect(loaded?.state).toBe('sent');
    loaded?.apply(buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(loaded?.state).toBe('accepted');
    await saveCase(store, loaded!);
    expect((await loadOpsigelseCase(store, nine.caseReference))?.entries).toHaveLength(2);
  });

  it('works over any implementation of the interface', async () => {
    const rows = new Map<string, CaseSnapshot>();
    const store: CaseStore = {
      get: async (key) => rows.get(key),
      put: async (key, snapshot) => void rows.set(key, structuredClone(snapshot)),
      keys: async () => [...rows.keys()],
    };
    await saveCase(store, busyCase());
    expect((await loadOpsigelseCase(store, 'TRY-2024-000123'))?.state).toBe('accepted-with-date');
    expect(await loadOpsigelseCase(store, 'nope')).toBeUndefined();
  });

  it('refuses a snapshot of the wrong kind, and an empty case', async () => {
    const store = new MemoryCaseStore();
    await store.put(caseKey('opsigelser', 'X'), { type: 'declaration', version: 1, settings: { declarationTypeLetters: {}, rejectionDeadlineDays: {}, reRegistrationWindowDays: 14 }, entries: [] });
    await expect(loadOpsigelseCase(store, 'X')).rejects.toThrow(TypeError);
    await expect(saveCase(store, new OpsigelseCase())).rejects.toThrow(TypeError);
  });
});
