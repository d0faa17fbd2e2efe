/**
 * Seed 002 (F&P "EDI-guide for Opsigelser" 5.5, Danish original) against the rules layer: every
 * normative sentence on deadlines, the case, the accept policy and the bonus history. Each test
 * quotes the sentence it checks, through the public API. What a message must carry is audited in
 * spec/validate/opsigelser-guide-audit.test.ts.
 *
 * Sentences other tests already pin (not repeated here):
 * TODO
 */
import { describe, expect, it } from 'vitest';
import { buildAccept, decideOnCancellation, OpsigelseCase, OpsigelseRegistry, type Cancellation } from '../../src/index.js';
import { ACQUIRER, cancellation, CEDING, motorPolicy, THIRD } from './fixtures.js';
import { rulesOf } from './helpers.js';

/** A motor cancellation to the renewal date 2025-01-01 of {@link motorPolicy}, sent (DTM 137) on `sentOn`. */
const nineSentOn = (sentOn: string, overrides: Partial<Cancellation> = {}) => cancellation({ messageDate: sentOn, ...overrides });

describe("2.3 'Sagsgangen i det overtagende selskab': when a cancellation is on time", () => {
  // "Generelt betragtes en opsigelse som rettidig, såfremt den er afsendt senest dagen før opsigelsesfristens udløb, dvs.
  // senest den sidste arbejdsdag i en måned. Datoen for afsendelse fremgår af meddelelsesdatoen (137) i DTM segmentet."
  // Renewal 2025-01-01: the notice period starts 2024-12-01, so the last working day before it is Friday 2024-11-29.
  it('judges by the message date (DTM 137), not by the day the ceding insurer received the cancellation', () => {
    const received = decideOnCancellation(nineSentOn('2024-11-29'), motorPolicy(), { today: '2024-12-02', receivedOn: '2024-12-02' });
    expect(received.decision).toBe('accept');
    const late = decideOnCancellation(nineSentOn('2024-12-02'), motorPolicy(), { today: '2024-12-02', receivedOn: '2024-12-02' });
    expect(late).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01', basis: 'normal' } });
  });

  // "Denne frist gælder også selv om, der er sket en afvisning, og derfor skal ske genfremsendelse."
  it('holds for a re-send after a rejection: a late normal re-send is accepted per the next renewal date it is on time for', () => {
    const policy = motorPolicy({ rejectedCancellation: { caseReference: 'TRY-2024-000123', sentOn: '2024-11-20', rejectedOn: '2024-11-22' } });
    expect(decideOnCancellation(nineSentOn('2024-11-29'), policy, { today: '2024-11-29' }).decision).toBe('accept');
    expect(decideOnCancellation(nineSentOn('2024-12-02'), policy, { today: '2024-12-02' })).toMatchObject({
      decision: 'accept-with-date',
      rule: 'accept.corrected-date',
      correctedDate: { date: '2026-01-01' },
    });
  });
});

describe("2.3: one EDI cancellation per policy", () => {
  // "Der må ikke sendes mere end en EDI-opsigelse på en forsikring. Er en EDI-opsigelse først blevet accepteret, vil
  // efterfølgende EDI-opsigelser på den pågældende forsikring blive afvist. Det vil således ikke være muligt først at
  // sende en EDI-opsigelse til forsikringens hovedforfaldsdag, for derefter at sende en EDI-opsigelse med ønske om kort
  // opsigelse - eller omvendt."
  const normal = nineSentOn('2024-11-20');
  const shortened = nineSentOn('2024-11-20', { cancellationDate: { date: '2025-01-01', basis: 'shortenedNotice' } });
  const secondCase = (first: Cancellation, second: Cancellation) => {
    const registry = new OpsigelseRegistry();
    registry.apply(first);
    registry.apply(buildAccept(first, { messageDate: '2024-11-22' }));
    return registry.apply({ ...second, caseReference: 'TRY-2024-000999', messageDate: '2024-11-25' });
  };
  it.each([
    ['a renewal-date cancellation, then one with shortened notice', normal, shortened],
    ['a shortened-notice cancellation, then one to the renewal date', shortened, normal],
  ])('%s: the second is flagged across cases, and in the same case refused', (_, first, second) => {
    expect(rulesOf(secondCase(first, second))).toEqual(['case.one-cancellation-per-policy']);
    const c = OpsigelseCase.replay([{ message: first }, { message: buildAccept(first, { messageDate: '2024-11-22' }) }]);
    const again = c.apply({ ...second, messageDate: '2024-11-25' });
    expect(again.status).toBe('refused');
    expect(rulesOf(again)).toEqual(['case.one-cancellation-per-policy']);
  });
  it.each([
    ['the same acquirer', ACQUIRER, 'cancellationAlreadyAccepted'],
    ['another acquirer', THIRD, 'alreadyCancelledByCompany'],
  ])('the ceding insurer rejects the second from %s', (_, acquirer, reason) => {
    const policy = motorPolicy({ acceptedCancellation: { caseReference: 'TRY-2024-000001', acquirer: { vir: acquirer }, cancellationDate: '2025-01-01' } });
    const second = { ...shortened, sender: { vir: ACQUIRER }, recipient: { vir: CEDING } };
    expect(decideOnCancellation(second, policy, { today: '2024-11-25' })).toMatchObject({ decision: 'reject', rule: 'accept.second-after-accepted', reason });
  });
});

describe("2.6 'Fortrydelse i forbindelse med nytegning'", () => {
  // "Såvel ved opsigelse som ved accept (hvis der ændres dato) anvendes kode 294 i DTM segmentet."
  const withdrawal = nineSentOn('2024-11-20', { cancellationDate: { date: '2024-11-25', basis: 'withdrawal' } });
  it('an accept of a withdrawal that changes the date must carry it under code 294: under another code it is flagged', () => {
    const c = OpsigelseCase.replay([{ message: withdrawal }]);
    const other = c.apply(buildAccept(withdrawal, { messageDate: '2024-11-22', correctedDate: { date: '2025-01-01', basis: 'normal' } }));
    expect(other.status).toBe('applied');
    expect(rulesOf(other)).toEqual(['accept.withdrawal-date']);
    expect(c.state).toBe('withdrawn');
  });
  it('under 294 it is clean, and buildAccept writes the changed date under the cancellation\'s code', () => {
    const built = buildAccept(withdrawal, { messageDate: '2024-11-22', correctedDate: '2025-01-01' });
    expect(built.correctedDate).toEqual({ date: '2025-01-01', basis: 'withdrawal' });
    const c = OpsigelseCase.replay([{ message: withdrawal }]);
    expect(c.apply(built)).toEqual({ status: 'applied', violations: [] });
  });
});
