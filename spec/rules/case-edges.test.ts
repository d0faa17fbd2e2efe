/**
 * Case-level edges: the registry across cases (duplicates, rejected and orphan cases,
 * snapshots), what a case keeps in its log and snapshot, what a content error (12) undoes,
 * replaying a batch (order, receipt dates, ignored duplicates, profile), the store's misses,
 * canonical JSON, and renewal dates of other intervals. (Mutation testing found each of these
 * unasserted.)
 */
import { describe, expect, it } from 'vitest';
import type { Opsigelse } from '../../src/messages/types/opsigelser.js';
import { canonicalJson } from '../../src/rules/canonical.js';
import { OpsigelseCase, type OpsigelseCaseSnapshot } from '../../src/rules/opsigelse-case.js';
import { OpsigelseRegistry, type OpsigelseRegistrySnapshot } from '../../src/rules/opsigelse-registry.js';
import { nextRenewalOnOrAfter } from '../../src/rules/renewal.js';
import { replayMessages } from '../../src/rules/replay.js';
import { loadDeclaration, loadOpsigelseCase, MemoryCaseStore } from '../../src/rules/store.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { defaultProfile } from '../../src/schema/profiles/index.js';
import { buildAccept, buildBonusQuery, buildRejection, buildReminder, cancellation, familyCancellation } from './fixtures.js';
import { replayCase as replay, rulesOf } from './helpers.js';

const nine = cancellation();
/** A 12 from `from` about the last message it received in the case of {@link nine}. */
const contentError = (from: 'ceding' | 'acquirer', messageDate: string): Opsigelse => ({
  kind: 'contentError',
  caseReference: nine.caseReference,
  messageDate,
  sender: from === 'ceding' ? nine.recipient : nine.sender,
  recipient: from === 'ceding' ? nine.sender : nine.recipient,
  branch: nine.branch,
  errorCode: 'F05',
});
/** A profile that is not shipped: its own Bilag 2 lets family insurance (003:001) ask for claims data. */
const base = defaultProfile('opsigelser');
const officeProfile: GuideProfile = {
  ...base,
  id: 'office/own-bilag-2',
  branchGroups: { ...base.branchGroups, '003': { ...base.branchGroups['003']!, bonusProductGroups: ['001'] } },
};
const family = familyCancellation();
const familyQuery = buildBonusQuery(family, { messageDate: '2024-11-21' });
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('OpsigelseRegistry across cases', () => {
  it('ignores a duplicate without notice, also when its first copy broke a cross-case rule', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    const second = cancellation({ caseReference: 'TRY-2', messageDate: '2024-11-22' });
    expect(rulesOf(registry.apply(second))).toEqual(['case.no-new-while-unanswered']);
    expect(registry.apply(second)).toMatchObject({ status: 'ignored', violations: [] });
    expect(registry.apply(nine)).toMatchObject({ status: 'ignored', violations: [] });
    expect(rulesOf(registry.get('TRY-2')!)).toEqual(['case.no-new-while-unanswered']);
  });
  it("reports a second cancellation in the same case once, not also against the case's own cancellation", () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    const again = registry.apply(cancellation({ messageDate: '2024-11-22', cancellationDate: { date: '2024-12-01', basis: 'shortenedNotice' } }));
    expect(again.status).toBe('refused');
    expect(rulesOf(again)).toEqual(['case.no-new-while-unanswered']);
  });
  it('lets another reference cancel the policy after a rejection', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    registry.apply(buildRejection(nine, { messageDate: '2024-11-25', reason: 'registrationMismatch' }));
    expect(registry.apply(cancellation({ caseReference: 'TRY-2', messageDate: '2024-11-26' }))).toEqual({ status: 'applied', violations: [] });
  });
  it('keeps checking across cases when a case holds only an orphan reply', () => {
    expect(new OpsigelseCase().policyKey).toBeUndefined();
    const registry = new OpsigelseRegistry();
    expect(registry.apply(buildAccept(cancellation({ caseReference: 'ORPHAN-1' }), { messageDate: '2024-11-19' })).status).toBe('refused');
    expect(registry.apply(nine)).toEqual({ status: 'applied', violations: [] });
  });
  it('refuses to load what is not a registry snapshot of version 1', () => {
    const good = new OpsigelseRegistry().toJSON();
    const bad = [null, { ...good, type: 'opsigelse-case' }, { ...good, version: 2 }, { ...good, entries: {} }];
    for (const snapshot of bad) {
      expect(() => OpsigelseRegistry.fromJSON(snapshot as unknown as OpsigelseRegistrySnapshot)).toThrow(/not an opsigelse-registry snapshot of version 1/);
    }
  });
  it('reloads with a profile that is not shipped, and keeps applying it', () => {
    const registry = new OpsigelseRegistry({ profile: officeProfile });
    registry.apply(family);
    expect(registry.apply(familyQuery)).toEqual({ status: 'applied', violations: [] });
    const copy = OpsigelseRegistry.fromJSON(json(registry.toJSON()), { profile: officeProfile });
    expect(copy.toJSON().profileId).toBe('office/own-bilag-2');
    expect(copy.get(family.caseReference)?.state).toBe('bonus-requested');
    expect(copy.get(family.caseReference)?.violations).toEqual([]);
  });
});

describe('OpsigelseCase log and snapshot', () => {
  it('refuses to load what is not a case snapshot of version 1', () => {
    const good = replay(nine).toJSON();
    for (const snapshot of [null, { ...good, version: 2 }]) {
      expect(() => OpsigelseCase.fromJSON(snapshot as unknown as OpsigelseCaseSnapshot)).toThrow(/not an opsigelse-case snapshot of version 1/);
    }
  });
  it('reloads with a profile that is not shipped', () => {
    const c = OpsigelseCase.replay([{ message: family }, { message: familyQuery }], { profile: officeProfile });
    expect(c.violations).toEqual([]);
    const copy = OpsigelseCase.fromJSON(json(c.toJSON()), { profile: officeProfile });
    expect([copy.state, copy.violations]).toEqual(['bonus-requested', []]);
  });
  it('keeps the source label of every message, in its entries and its snapshot', () => {
    const c = new OpsigelseCase();
    c.apply(nine, { source: 'a.edi #1' });
    expect(c.entries[0]?.source).toBe('a.edi #1');
    expect(c.toJSON().entries[0]?.source).toBe('a.edi #1');
  });
  it('keeps violations found across cases through its snapshot', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    registry.apply(cancellation({ caseReference: 'TRY-2', messageDate: '2024-11-22' }));
    const copy = OpsigelseCase.fromJSON(json(registry.get('TRY-2')!.toJSON()));
    expect(rulesOf(copy)).toEqual(['case.no-new-while-unanswered']);
  });
  it('drops only an accept identical to the first; a different accept is not ignored', () => {
    const c = replay(nine, buildAccept(nine, { messageDate: '2024-11-25' }));
    expect(c.apply(buildAccept(nine, { messageDate: '2024-11-26', correctedDate: '2026-01-01' })).status).not.toBe('ignored');
    expect(canonicalJson({ b: [{ d: 1, c: null }, 'x', 2], a: { z: true, y: undefined } })).toBe('{"a":{"z":true},"b":[{"c":null,"d":1},"x",2]}');
  });
});

describe('content errors (12) undo only the message their sender received last', () => {
  it('a 12 answering a refused (early) reminder leaves the cancellation standing', () => {
    const c = replay(nine);
    expect(c.apply(buildReminder(nine, { messageDate: '2024-12-01' })).status).toBe('refused');
    c.apply(contentError('ceding', '2024-12-02'));
    expect(c.state).toBe('sent');
    expect(c.dueOn('2024-12-03')).toEqual([expect.objectContaining({ action: 'reply', by: '2024-12-11' })]);
  });
  it('a 12 from the ceding insurer undoes the bonus query, not the cancellation before it', () => {
    const c = replay(nine, buildBonusQuery(nine, { messageDate: '2024-11-21' }));
    c.apply(contentError('ceding', '2024-11-22'));
    expect(c.state).toBe('sent');
  });
  it('a 12 undoes nothing its sender did not receive, and never another 12', () => {
    const accept = buildAccept(nine, { messageDate: '2024-11-25' });
    const c = replay(nine, accept, contentError('ceding', '2024-11-26'));
    expect(c.state).toBe('accepted');
    const undone = replay(nine, accept, contentError('acquirer', '2024-11-26'));
    expect(undone.state).toBe('sent');
    undone.apply(contentError('ceding', '2024-11-27'));
    expect(undone.state).toBe('sent');
  });
});

describe('replayMessages', () => {
  it('counts the reply deadline from the day received, and counts ignored duplicates', () => {
    const accept = buildAccept(nine, { messageDate: '2024-12-13' });
    const [report] = replayMessages([{ message: nine, receivedOn: '2024-11-22' }, { message: accept }, { message: accept }], { today: '2024-12-14' });
    expect(report).toMatchObject({ state: 'accepted', violations: [], messages: 3, ignored: 1 });
  });
  it('replays with the opsigelser profile given', () => {
    const [report] = replayMessages([{ message: family }, { message: familyQuery }], { today: '2024-11-22', profile: officeProfile });
    expect(report).toMatchObject({ state: 'bonus-requested', violations: [] });
  });
});

describe('stores and renewal dates', () => {
  it('answers undefined for a key it does not hold', async () => {
    const store = new MemoryCaseStore();
    expect(await store.get('opsigelser:nope')).toBeUndefined();
    expect(await loadOpsigelseCase(store, 'nope')).toBeUndefined();
    expect(await loadDeclaration(store, 'PD-none')).toBeUndefined();
  });
  it('finds the next quarterly renewal, on its day and after it', () => {
    const quarterly = { renewalDate: '2020-11-01', intervalMonths: 3 };
    expect(nextRenewalOnOrAfter(quarterly, '2024-02-01')).toBe('2024-02-01');
    expect(nextRenewalOnOrAfter(quarterly, '2024-02-10')).toBe('2024-05-01');
  });
  it('refuses an interval that is not a whole number of months >= 1', () => {
    for (const intervalMonths of [0, -12, 1.5]) {
      expect(() => nextRenewalOnOrAfter({ renewalDate: '2020-01-01', intervalMonths }, '2024-01-10')).toThrow(/whole number of months >= 1/);
    }
  });
});
