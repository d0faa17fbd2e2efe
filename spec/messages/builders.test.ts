import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import {
  buildAccept,
  buildAcceptWithoutFee,
  buildBonusAnswer,
  buildBonusQuery,
  buildContentError,
  buildDeclarationAccept,
  buildDeclarationNotice,
  buildDeclarationRejection,
  buildRejection,
  buildReminder,
  buildReplyInterchange,
} from '../../src/messages/builders.js';
import { encodeMessage } from '../../src/messages/encode.js';
import type { Cancellation } from '../../src/messages/types/opsigelser.js';
import type { PanthaverOf } from '../../src/messages/types/panthaver.js';
import { MessageBuildError, MessageEncodeError } from '../../src/messages/wire/errors.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { serialize } from '../../src/syntax/writer.js';
import { decodedFixture } from './helpers.js';

const DIR = join(import.meta.dirname, '../../fixtures');
const fixture = decodedFixture;
const motor9 = fixture('opsigelse-9-motor.edi') as Cancellation;
const building9 = fixture('opsigelse-9-building.edi') as Cancellation;

describe('buildAccept (29)', () => {
  it('puts the acquirer first and us second, copying the case reference and BRC', () => {
    const a = buildAccept(motor9, { messageDate: '2024-12-03' });
    expect(a.recipient).toEqual(motor9.sender);
    expect(a.sender).toEqual(motor9.recipient);
    expect(a.caseReference).toBe(motor9.caseReference);
    expect(a.branch).toEqual(motor9.branch);
    const nads = encodeMessage(a, opsigelser55).body.filter((s) => s.tag === 'NAD');
    expect(nads.map((s) => [s.elements[0]![0], s.elements[1]![0]])).toEqual([
      ['MR', '11111111'],
      ['MS', '22222222'],
      ['FT1', '0101801234'],
    ]);
    expect(a).not.toHaveProperty('correctedDate');
    expect(a).not.toHaveProperty('policyNumber');
  });
  it('reproduces opsigelse-29-accept-with-date.edi from the building cancellation', () => {
    const a = buildAccept(building9, {
      messageDate: '2024-12-05',
      correctedDate: '2025-02-01',
      matrikel: { number: '12a', ejerlav: 'Ærøskøbing Købstad' },
    });
    expect(a).toEqual(fixture('opsigelse-29-accept-with-date.edi'));
  });
  it('uses ownVir and refuses to answer anything but a 9', () => {
    expect(buildAccept(motor9, { messageDate: '2024-12-03', ownVir: '44444444' }).sender).toEqual({ vir: '44444444' });
    expect(() => buildAccept(fixture('opsigelse-13-bonus-query.edi') as never, { messageDate: '2024-12-03' })).toThrow(MessageBuildError);
  });
});

describe("buildContentError (12'er)", () => {
  const e = buildContentError(motor9, { code: 'F02', text: 'Fritekst (FTX) er kun tilladt i en opsigelse med DTM 288', messageDate: '2024-11-22' });
  it('swaps the NADs and copies only the case reference and BRC', () => {
    expect(e.recipient).toEqual(motor9.sender);
    expect(e.sender).toEqual(motor9.recipient);
    expect(e).toMatchObject({ kind: 'contentError', errorCode: 'F02', caseReference: motor9.caseReference, branch: motor9.branch });
    expect(Object.keys(e).sort()).toEqual(['branch', 'caseReference', 'errorCode', 'freeText', 'kind', 'messageDate', 'recipient', 'sender']);
    for (const absent of ['policyholder1', 'policyNumber', 'registrationNumber', 'cancellationDate', 'claimsDataRequested', 'insuredLocation']) {
      expect(e).not.toHaveProperty(absent);
    }
  });
  it('writes no segment of the refused message', () => {
    const body = encodeMessage(e, opsigelser55).body;
    expect(body.map((s) => s.tag)).toEqual(['BGM', 'ERC', 'RFF', 'DTM', 'FTX', 'NAD', 'NAD', 'BRC']);
    const text = serialize(body);
    for (const absent of ['FT1', 'POL', 'REG', 'DOC', '287', '0101801234', 'Søren']) expect(text).not.toContain(absent);
  });
  it('matches opsigelse-12-content-error.edi for its case', () => {
    expect({ ...e, caseReference: 'TRY-2024-000126' }).toEqual(fixture('opsigelse-12-content-error.edi'));
  });
  it('answers a panthaver message with its declaration number and no declaration content', () => {
    const decl = fixture('panthaver-30-new-declaration.edi');
    const p = buildContentError(decl, { code: 'F01', messageDate: '2024-10-16' });
    expect(Object.keys(p).sort()).toEqual(['declarationNumber', 'errorCode', 'kind', 'messageDate', 'recipient', 'sender', 'senderReference']);
    expect(p.recipient).toEqual(decl.sender);
    expect(encodeMessage(p, panthaver52).body.map((s) => s.tag)).toEqual(['BGM', 'ERC', 'RFF', 'RFF', 'DTM', 'NAD', 'NAD']);
  });
});

describe('buildRejection (27)', () => {
  it.each(['alreadyCancelledByCompany', 'alreadyCancelledByPolicyholder', 'lapsedArrears', 'lapsedOther', '9', '10', '11', '12'])(
    'reason %s without end date throws',
    (reason) => {
      expect(() => buildRejection(motor9, { reason, messageDate: '2024-11-25' })).toThrow(/end date/);
    },
  );
  it('accepts other reasons without an end date and maps named reasons through the profile', () => {
    expect(buildRejection(motor9, { reason: 'withdrawalOriginalNotAccepted', messageDate: '2024-11-25' }).reasonCode).toBe('19');
    expect(buildRejection(motor9, { reason: '23', messageDate: '2024-11-25' }).reasonCode).toBe('23');
    expect(() => buildRejection(motor9, { reason: 'noSuchReason', messageDate: '2024-11-25' })).toThrow(MessageBuildError);
  });
  it('sends NAD OPS only with ERC 9 and reproduces opsigelse-27-rejection.edi', () => {
    expect(() =>
      buildRejection(motor9, { reason: 'lapsedArrears', endDate: '2025-01-01', cancelledBy: '33333333', messageDate: '2024-11-25' }),
    ).toThrow(/OPS/);
    const r = buildRejection(
      { ...motor9, caseReference: 'TRY-2024-000125' },
      { reason: 'alreadyCancelledByCompany', endDate: '2025-01-01', cancelledBy: { vir: '33333333', name: 'Tredje Forsikring A/S' }, messageDate: '2024-11-25' },
    );
    expect(r).toEqual(fixture('opsigelse-27-rejection.edi'));
  });
  it('follows a patched profile', async () => {
    const { patchProfile } = await import('../../src/schema/patch.js');
    const p = patchProfile(opsigelser55, { rejectionReasons: { lapsedArrears: { value: '14' } } });
    expect(() => buildRejection(motor9, { reason: 'lapsedArrears', messageDate: '2024-11-25', profile: p })).toThrow(/ERC 14/);
    expect(buildRejection(motor9, { reason: '11', messageDate: '2024-11-25', profile: p }).reasonCode).toBe('11');
  });
});

describe('buildReminder (15), buildBonusQuery (13), buildBonusAnswer (11)', () => {
  it('reproduces opsigelse-15-reminder.edi from the motor cancellation (DOC 9 and 11)', () => {
    expect(buildReminder(motor9, { messageDate: '2024-12-12' })).toEqual(fixture('opsigelse-15-reminder.edi'));
  });
  it('builds a bonus query with the same case and parties', () => {
    const q = buildBonusQuery(motor9, { messageDate: '2024-11-21' });
    expect(q).toMatchObject({ kind: 'bonusQuery', caseReference: motor9.caseReference, recipient: motor9.recipient, sender: motor9.sender, policyNumber: motor9.policyNumber });
    expect(encodeMessage(q, opsigelser55).body.filter((s) => s.tag === 'DOC')).toEqual([{ tag: 'DOC', elements: [['11']] }]);
  });
  it('answers the bonus query of opsigelse-13-bonus-query.edi', () => {
    const q = fixture('opsigelse-13-bonus-query.edi') as never;
    const bonus = fixture('opsigelse-11-bonus-answer.edi');
    const a = buildBonusAnswer(q, { messageDate: '2024-12-02', bonus: bonus.bonus });
    expect({ ...a, branch: { group: '001', product: '001' } }).toEqual(fixture('opsigelse-11-bonus-answer.edi'));
  });
});

describe('panthaver builders', () => {
  const decl30 = fixture('panthaver-30-new-declaration.edi');
  const accept33 = fixture('panthaver-33-accept.edi');
  it('reproduces panthaver-33-accept.edi from panthaver-30-new-declaration.edi', () => {
    expect(buildDeclarationAccept(decl30, { messageDate: '2024-10-21', policyNumber: '00-778899', coverType: 'ZKA' })).toEqual(accept33);
  });
  it('reproduces panthaver-Z40-change-of-insurer.edi from the accept', () => {
    const z40 = buildDeclarationNotice(accept33, 'Z40', {
      messageDate: '2024-12-05',
      cessationDate: '2025-01-01',
      newInsurer: { vir: '33333333', name: 'Tredje Forsikring A/S' },
    });
    expect(z40).toEqual(fixture('panthaver-Z40-change-of-insurer.edi'));
    expect(() => buildDeclarationNotice(accept33, 'Z40', { messageDate: '2024-12-05', cessationDate: '2025-01-01' })).toThrow(MessageEncodeError);
    expect(() => buildDeclarationNotice(accept33, 'Z99' as never, { messageDate: '2024-12-05' })).toThrow(MessageBuildError);
  });
  it('reproduces panthaver-34-Z70.edi (accept without fee + receipt to the old lienholder)', () => {
    const change32: PanthaverOf<'changeOfLienholder'> = {
      kind: 'changeOfLienholder',
      messageDate: '2024-11-01',
      recipient: { vir: '22222222' },
      sender: { vir: '60000002', name: 'Finansieringsselskabet Vest A/S' },
      declarationNumber: 'FV-2024-5531',
      senderReference: 'FV-K-10021',
      registrationNumber: 'AB12345',
      effectiveDate: '2024-11-01',
      lienType: 'ZLE',
      declarationType: 'ZFF',
      priority: 'Z91',
      lienAmount: '125000.50',
      debtor: (decl30 as PanthaverOf<'newDeclaration'>).debtor,
      oldLienholder: { vir: '60000001', name: 'Nordbank A/S' },
    };
    const { accept, receipt } = buildAcceptWithoutFee(change32, { messageDate: '2024-11-04', policyNumber: '00-778899', oldDeclarationNumber: 'PD2024000417' });
    expect(accept).toEqual(fixture('panthaver-34-Z70.edi', 0));
    expect(receipt).toEqual(fixture('panthaver-34-Z70.edi', 1));
    expect(() => buildAcceptWithoutFee({ ...change32, oldLienholder: undefined } as never, { messageDate: '2024-11-04' })).toThrow(/old lienholder/);
  });
  it('builds a rejection with 1–3 reasons like panthaver-27-rejection.edi', () => {
    const d = { ...(decl30 as PanthaverOf<'newDeclaration'>), declarationNumber: 'PD2024000418', senderReference: 'NB-LOAN-88214', debtor: (fixture('panthaver-27-rejection.edi') as PanthaverOf<'rejection'>).debtor! };
    const r = buildDeclarationRejection(d, {
      reasons: ['policyUnknown', '3'],
      text: 'Køretøjet er solgt 01.10.2024 og forsikringen overgået til ny ejer',
      messageDate: '2024-10-21',
    });
    expect(r).toEqual(fixture('panthaver-27-rejection.edi'));
    expect(() => buildDeclarationRejection(d, { reasons: [], messageDate: '2024-10-21' })).toThrow(/1 to 3/);
    expect(() => buildDeclarationRejection(d, { reasons: ['1', '2', '3', '4'], messageDate: '2024-10-21' })).toThrow(/1 to 3/);
  });
});

describe('buildReplyInterchange', () => {
  it('swaps the UNB parties of the received interchange', () => {
    const { interchanges } = parseInterchanges(readFileSync(join(DIR, 'opsigelse-9-motor.edi')));
    const h = interchanges[0]!.header!;
    const accept = buildAccept(motor9, { messageDate: '2024-12-03' });
    const segs = buildReplyInterchange(accept, h, { reference: 'R1', date: '2024-12-03', time: '0930' });
    expect(segs[0]).toEqual({ tag: 'UNB', elements: [['UNOC', '3'], ['22222222', 'ZZ'], ['11111111', 'ZZ'], ['241203', '0930'], ['R1']] });
    expect(segs.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'BGM', 'RFF', 'DTM', 'NAD', 'NAD', 'NAD', 'BRC', 'UNT', 'UNZ']);
  });
});
