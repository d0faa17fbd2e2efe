import { describe, expect, it } from 'vitest';
import { decideOnCancellation } from '../../src/rules/accept-policy.js';
import { toReply } from '../../src/rules/accept-reply.js';
import { BONUS, buildingCancellation, buildingPolicy, cancellation, motorPolicy, THIRD } from './fixtures.js';

describe('toReply', () => {
  it('turns an accept into a 29 with the policyholder, location and matrikel as we have them', () => {
    const received = buildingCancellation({ matrikel: { number: '99x' } });
    const decision = decideOnCancellation(received, buildingPolicy(), { today: '2024-11-22' });
    const reply = toReply(decision, received, { messageDate: '2024-11-22' });
    expect(reply).toMatchObject({
      kind: 'accept',
      caseReference: received.caseReference,
      recipient: received.sender,
      sender: received.recipient,
      branch: received.branch,
      policyholder1: { name: 'Karen Mølgaard' },
      matrikel: { number: '12a', ejerlav: 'Ærøskøbing Bygrunde' },
    });
    expect(reply).not.toHaveProperty('correctedDate');
  });
  it('carries the corrected date and the bonus block', () => {
    const received = cancellation({ messageDate: '2024-12-02', claimsDataRequested: true });
    const decision = decideOnCancellation(received, motorPolicy(), { today: '2024-12-03' });
    const reply = toReply(decision, received, { messageDate: '2024-12-03', bonus: BONUS });
    expect(reply).toMatchObject({ kind: 'accept', correctedDate: { date: '2026-01-01', basis: 'normal' }, bonus: BONUS });
  });
  it('turns a rejection into a 27 with ERC, end date and the company that cancelled', () => {
    const received = cancellation();
    const decision = decideOnCancellation(received, motorPolicy({ status: { kind: 'cancelled-by-company', company: { vir: THIRD }, endDate: '2025-01-01' } }), { today: '2024-11-21' });
    expect(toReply(decision, received, { messageDate: '2024-11-21' })).toMatchObject({
      kind: 'rejection',
      reasonCode: '9',
      endDate: '2025-01-01',
      cancelledBy: { vir: THIRD },
      branch: received.branch,
    });
  });
  it('refuses to reply for manual review and duplicates', () => {
    const received = cancellation({ registrationNumber: 'AB12346' });
    const review = decideOnCancellation(received, motorPolicy(), { today: '2024-11-21' });
    expect(() => toReply(review, received, { messageDate: '2024-11-21' })).toThrow(TypeError);
    expect(review.decision).toBe('manual-review');
    const proposal = review.decision === 'manual-review' ? review.proposal : undefined;
    expect(proposal).toBeDefined();
    expect(toReply(proposal!, received, { messageDate: '2024-11-21' })).toMatchObject({ kind: 'rejection', reasonCode: '4' });
    const duplicate = decideOnCancellation(received, motorPolicy({ pendingCancellation: { caseReference: received.caseReference, acquirer: received.sender, messageDate: received.messageDate } }), { today: '2024-11-21' });
    expect(() => toReply(duplicate, received, { messageDate: '2024-11-21' })).toThrow(/ignored/);
  });
});
