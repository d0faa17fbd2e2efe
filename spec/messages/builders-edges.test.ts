/**
 * Edges of the reply builders the fixture reproductions in builders.test.ts do not reach:
 * free-text splitting, our own party, default reminders, rejection reason codes, the
 * direction of declaration notices and the reply interchange's envelope.
 */
import { describe, expect, it } from 'vitest';
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
import type { BonusQuery, Cancellation } from '../../src/messages/types/opsigelser.js';
import type { PanthaverOf } from '../../src/messages/types/panthaver.js';
import { MessageBuildError, MessageEncodeError } from '../../src/messages/wire/errors.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { decodedFixture } from './helpers.js';

const fixture = decodedFixture;
const motor9 = fixture<Cancellation>('opsigelse-9-motor.edi');
const query13 = fixture<BonusQuery>('opsigelse-13-bonus-query.edi');
const decl30 = fixture<PanthaverOf<'newDeclaration'>>('panthaver-30-new-declaration.edi');
const accept33 = fixture<PanthaverOf<'accept'>>('panthaver-33-accept.edi');
const DAY = { messageDate: '2024-11-22' };

describe('free text given to a builder becomes FTX segments of at most 5 lines of at most 70 characters', () => {
  const freeTextOf = (text: Parameters<typeof buildContentError>[1]['text']) => buildContentError(motor9, { ...DAY, code: 'F02', text }).freeText;
  it.each([
    ['70 characters stay one line', 'a'.repeat(70), [['a'.repeat(70)]]],
    ['71 characters make two lines', 'a'.repeat(70) + 'b', [['a'.repeat(70), 'b']]],
    ['each given line is cut on its own', ['x'.repeat(71), 'y'], [['x'.repeat(70), 'x', 'y']]],
    ['lines are counted in characters, not UTF-16 units', '😀'.repeat(70), [['😀'.repeat(70)]]],
    ['6 lines make a second FTX', ['1', '2', '3', '4', '5', '6'], [['1', '2', '3', '4', '5'], ['6']]],
    ['a long line breaks after its last space within 70 characters, not inside a word (the space stays, so the lines join back)', `${'a'.repeat(60)} bbbbbbbbbbbb ccc`, [[`${'a'.repeat(60)} `, 'bbbbbbbbbbbb ccc']]],
    ['a space as the 70th character ends the line there', `${'a'.repeat(69)} b`, [[`${'a'.repeat(69)} `, 'b']]],
    ['a space as the 71st character is not in the line: the word before it is cut at a space before it', `${'a'.repeat(30)} ${'b'.repeat(39)} c`, [[`${'a'.repeat(30)} `, `${'b'.repeat(39)} c`]]],
    ['FTX segments given as lines of lines are kept as they are', [['a', 'b'], ['c']], [['a', 'b'], ['c']]],
  ])('%s', (_name, text, expected) => {
    expect(freeTextOf(text)).toEqual(expected);
  });
  it('25 lines fill 5 FTX segments; 26 lines do not fit and throw MessageBuildError', () => {
    expect(freeTextOf(Array.from({ length: 25 }, (_, i) => String(i)))).toHaveLength(5);
    expect(() => freeTextOf(Array.from({ length: 26 }, (_, i) => String(i)))).toThrow(
      new MessageBuildError('free text of 26 lines does not fit in 5 FTX segments of 5 lines'),
    );
  });
});

describe('our own party in a reply', () => {
  it('is the received recipient, name included, when ownVir is that same VIR number', () => {
    const received = { ...motor9, recipient: { vir: '22222222', name: 'Afgivende Forsikring A/S' } };
    expect(buildAccept(received, { ...DAY, ownVir: '22222222' }).sender).toEqual({ vir: '22222222', name: 'Afgivende Forsikring A/S' });
    expect(buildContentError(received, { ...DAY, code: 'F01', ownVir: '44444444' }).sender).toEqual({ vir: '44444444' });
  });
});

describe('buildReminder (15): what it chases by default', () => {
  it.each([
    ['a cancellation with DOC 11 → its answer and the bonus answer', motor9, ['cancellationAnswer', 'bonusAnswer'], ['9', '11']],
    ['a cancellation without DOC 11 → its answer only', { ...motor9, claimsDataRequested: undefined }, ['cancellationAnswer'], ['9']],
    ['a bonus query → the bonus answer', query13, ['bonusAnswer'], ['11']],
  ] as const)('%s', (_name, original, chases, docs) => {
    const r = buildReminder(original as Cancellation | BonusQuery, { messageDate: '2024-12-12' });
    expect(r.chases).toEqual(chases);
    // same direction and case as the message chased
    expect([r.recipient, r.sender, r.caseReference, r.branch]).toEqual([original.recipient, original.sender, original.caseReference, original.branch]);
    expect(encodeMessage(r, opsigelser55).body.filter((s) => s.tag === 'DOC').map((s) => s.elements[0]![0])).toEqual(docs);
  });
  it('chases what it is told, and refuses to chase anything but a 9 or a 13', () => {
    expect(buildReminder(motor9, { messageDate: '2024-12-12', chases: ['bonusAnswer'] }).chases).toEqual(['bonusAnswer']);
    expect(() => buildReminder(fixture('opsigelse-29-accept.edi'), { messageDate: '2024-12-12' })).toThrow(
      new MessageBuildError('a reminder answers an opsigelser cancellation or bonusQuery, not a accept'),
    );
  });
});

describe('buildRejection (27): the reason', () => {
  it.each(['abc', '1234', 'a1', ''])('%j is neither a named reason nor an ERC code (an..3, capitals and digits): MessageBuildError', (reason) => {
    expect(() => buildRejection(motor9, { ...DAY, reason })).toThrow(MessageBuildError);
  });
  it('a reason that is not a string is a MessageBuildError naming it, in both exchanges (it was "value is not iterable")', () => {
    expect(() => buildRejection(motor9, { ...DAY, reason: 11 as never })).toThrow('rejection reason 11 is neither a named reason of profile');
    expect(() => buildDeclarationRejection(decl30, { ...DAY, reasons: [5 as never] })).toThrow(MessageBuildError);
  });
  it.each(['1', '23', 'X9'])('%j is sent as the ERC code', (reason) => {
    expect(buildRejection(motor9, { ...DAY, reason }).reasonCode).toBe(reason);
  });
  it('with ERC 9 takes the company that already cancelled as a VIR number; with another end-date reason it refuses it', () => {
    const r = buildRejection(motor9, { ...DAY, reason: '9', endDate: '2025-01-01', cancelledBy: '33333333' });
    expect(r.cancelledBy).toEqual({ vir: '33333333' });
    expect(() => buildRejection(motor9, { ...DAY, reason: '10', endDate: '2025-01-01', cancelledBy: '33333333' })).toThrow(
      new MessageBuildError('the company that already cancelled (NAD OPS) is only sent with ERC 9, not 10'),
    );
  });
  it('answers a bonus query too, and nothing else', () => {
    expect(buildRejection(query13, { ...DAY, reason: '19' })).toMatchObject({ kind: 'rejection', recipient: query13.sender, sender: query13.recipient });
    expect(() => buildRejection(fixture('opsigelse-29-accept.edi'), { ...DAY, reason: '19' })).toThrow(MessageBuildError);
  });
});

describe('bonus builders copy the case and may replace the policyholders', () => {
  const holder = { name: 'Anden Ejer', street: 'Nyvej 2', postcode: '7100' };
  it('buildBonusAnswer takes the policyholders given instead of the received ones', () => {
    const bonus = fixture('opsigelse-11-bonus-answer.edi').bonus;
    const a = buildBonusAnswer(query13, { ...DAY, bonus, policyholder: holder, policyholder2: { name: 'Tredje' } });
    expect([a.policyholder1, a.policyholder2]).toEqual([holder, { name: 'Tredje' }]);
    expect(buildBonusAnswer(motor9, { ...DAY, bonus }).policyholder1).toEqual(motor9.policyholder1);
  });
  it('a bonus without an underwriting date is written with no DTM 291 (only DTM 293 has a blank date); buildBonusAnswer refuses it, the validator asks for it', () => {
    const { underwritingDate: _u, ...bonus } = fixture('opsigelse-11-bonus-answer.edi').bonus;
    expect(() => buildBonusAnswer(query13, { ...DAY, bonus })).toThrow(new MessageBuildError('a bonus answer (11) needs the underwriting date (tegningsdato) in its bonus block'));
    const body = encodeMessage({ ...buildBonusAnswer(query13, { ...DAY, bonus: fixture('opsigelse-11-bonus-answer.edi').bonus }), bonus }, opsigelser55).body;
    expect(body.filter((s) => s.tag === 'DTM').map((s) => s.elements[0]![0])).toEqual(['137', '290', '295', '292', '292']);
  });
  it('buildBonusQuery carries the registration number, the second policyholder and the policy end date of a pure query', () => {
    const q = buildBonusQuery({ ...motor9, policyholder2: holder }, { ...DAY, policyEndDate: '2024-12-31', contact: 'Jens' });
    expect(q).toMatchObject({ registrationNumber: motor9.registrationNumber, policyholder2: holder, policyEndDate: '2024-12-31', contact: 'Jens', branch: motor9.branch });
  });
  it('buildAccept takes a corrected date with its own basis, and the policyholders as the ceding company has them', () => {
    const a = buildAccept(motor9, { ...DAY, correctedDate: { date: '2025-02-01', basis: 'shortenedNotice' }, policyholder: holder, policyholder2: { name: 'To' } });
    expect(a.correctedDate).toEqual({ date: '2025-02-01', basis: 'shortenedNotice' });
    expect([a.policyholder1, a.policyholder2]).toEqual([holder, { name: 'To' }]);
    expect(buildAccept(motor9, { ...DAY, correctedDate: '2025-02-01' }).correctedDate).toEqual({ date: '2025-02-01', basis: 'normal' });
  });
  it('buildAccept refuses a "corrected" date equal to the requested one: OSI ODC + DTM are sent only per another date (seed 002, Accept)', () => {
    const requested = motor9.cancellationDate.date;
    expect(() => buildAccept(motor9, { ...DAY, correctedDate: requested })).toThrow(MessageBuildError);
    expect(() => buildAccept(motor9, { ...DAY, correctedDate: { date: requested, basis: 'shortenedNotice' } })).toThrow(
      `an accept (29) per another date needs another date than the requested ${requested}; accept without correctedDate instead`,
    );
  });
});

describe('panthaver builders: what an answer repeats and where a notice goes', () => {
  it('an accept repeats the declaration and takes the acceptance date, priority, cover type, sum insured and text given', () => {
    const a = buildDeclarationAccept(decl30, { ...DAY, effectiveDate: '2024-11-01', priority: 'Z92', coverType: 'ZKM', sumInsured: 90000, text: 'OK', contact: 'Jens' });
    expect(a).toMatchObject({
      kind: 'accept',
      recipient: decl30.sender,
      sender: decl30.recipient,
      declarationNumber: decl30.declarationNumber,
      senderReference: decl30.senderReference,
      chassisNumber: decl30.chassisNumber,
      effectiveDate: '2024-11-01',
      priority: 'Z92',
      coverType: 'ZKM',
      sumInsured: 90000,
      freeText: [['OK']],
      contact: 'Jens',
      debtor: decl30.debtor,
    });
    expect(buildDeclarationAccept(decl30, DAY)).toMatchObject({ effectiveDate: decl30.effectiveDate, priority: 'Z91' });
  });
  it('an accept answers only a declaration, its change of lienholder or reminder', () => {
    expect(() => buildDeclarationAccept(accept33, DAY)).toThrow(
      new MessageBuildError('an accept answers a panthaver newDeclaration or changeOfLienholder or reminder, not a accept'),
    );
    expect(() => buildDeclarationAccept(motor9 as never, DAY)).toThrow(MessageBuildError);
    expect(() => buildDeclarationRejection(motor9 as never, { ...DAY, reasons: ['1'] })).toThrow(MessageBuildError);
  });
  it('a rejection takes 1 to 3 reasons, maps named ones through the profile and refuses anything else', () => {
    expect(buildDeclarationRejection(decl30, { ...DAY, reasons: ['3'] }).reasons).toEqual(['3']);
    expect(buildDeclarationRejection(decl30, { ...DAY, reasons: ['1', '2', 'policyUnknown'] }).reasons).toHaveLength(3);
    expect(() => buildDeclarationRejection(decl30, { ...DAY, reasons: ['not a reason'] })).toThrow(MessageBuildError);
  });
  it('a notice about the lienholder’s own declaration swaps its NADs; one about our accept keeps them', () => {
    const fromDeclaration = buildDeclarationNotice(decl30, 'coverageRestored', { ...DAY, effectiveDate: '2024-12-01' });
    expect([fromDeclaration.kind, fromDeclaration.recipient, fromDeclaration.sender]).toEqual(['coverageRestored', decl30.sender, decl30.recipient]);
    const fromAccept = buildDeclarationNotice(accept33, 'Z60', { ...DAY, priority: 'Z92', text: 'Ny prioritet' });
    expect(fromAccept).toMatchObject({
      kind: 'priorityChanged',
      recipient: accept33.recipient,
      sender: accept33.sender,
      declarationNumber: accept33.declarationNumber,
      policyNumber: accept33.policyNumber,
      priority: 'Z92',
      freeText: [['Ny prioritet']],
    });
    expect(fromAccept).not.toHaveProperty('senderReference');
  });
  it('takes every notice kind by its document code too, Z70 included (its type refused the code it runs with)', () => {
    const byCode = buildDeclarationNotice(decl30, 'Z70', { ...DAY, cessationDate: '2024-12-01' });
    expect(byCode).toEqual(buildDeclarationNotice(decl30, 'oldLienholderReceipt', { ...DAY, cessationDate: '2024-12-01' }));
    expect(byCode.kind).toBe('oldLienholderReceipt');
  });
  it.each(['accept', '33', 'Z99'])('%j is not a notice: MessageBuildError', (kind) => {
    expect(() => buildDeclarationNotice(accept33, kind as never, DAY)).toThrow(MessageBuildError);
  });
  it('a notice needs a panthaver message, and what its kind requires', () => {
    expect(() => buildDeclarationNotice(motor9 as never, 'Z60', DAY)).toThrow(new MessageBuildError('a declaration notice needs a panthaver message'));
    expect(() => buildDeclarationNotice(accept33, 'Z60', DAY)).toThrow(MessageEncodeError);
  });
});

describe('buildReplyInterchange', () => {
  it('encodes panthaver replies with the panthaver profile, keeps given UNB qualifiers and defaults absent ones (null) to ZZ', () => {
    const segs = buildReplyInterchange([accept33], { sender: { id: '60000001', qualifier: null }, recipient: { id: '22222222', qualifier: '14' } }, { reference: 'R7', date: '2024-10-21', time: '1200' });
    expect(segs[0]).toEqual({ tag: 'UNB', elements: [['UNOC', '3'], ['22222222', '14'], ['60000001', 'ZZ'], ['241021', '1200'], ['R7']] });
    expect(segs[1]).toEqual({ tag: 'UNH', elements: [['1'], ['PANTDE', '1', '911', 'UN']] });
    expect(segs.slice(2, -2)).toEqual(encodeMessage(accept33, panthaver52).body);
  });
  it('takes the date and time from the clock given, a profile given, and the received sender’s qualifier', () => {
    const segs = buildReplyInterchange(buildAccept(motor9, DAY), { sender: { id: motor9.sender.vir, qualifier: '30' }, recipient: { id: motor9.recipient.vir, qualifier: null } }, {
      reference: 'R8',
      now: () => new Date('2024-03-04T05:06:00Z'),
      profile: opsigelser55,
    });
    expect(segs[0]!.elements.slice(1, 4)).toEqual([[motor9.recipient.vir, 'ZZ'], [motor9.sender.vir, '30'], ['240304', '0506']]);
    expect(segs[1]!.elements[1]![0]).toBe('OPSIGE');
  });
  it('marks the reply to a test interchange (UNB 0035 = 1) as a test, and no other', () => {
    const received = { sender: { id: motor9.sender.vir, qualifier: 'ZZ' }, recipient: { id: motor9.recipient.vir, qualifier: 'ZZ' } };
    const unb = (testIndicator?: boolean) => buildReplyInterchange(buildAccept(motor9, DAY), { ...received, ...(testIndicator !== undefined && { testIndicator }) }, { reference: 'R9', date: '2024-03-04', time: '0506' })[0]!;
    expect(unb(true).elements.slice(4)).toEqual([['R9'], [''], [''], [''], [''], [''], ['1']]);
    expect(unb(false).elements.slice(4)).toEqual([['R9']]);
    expect(unb().elements.slice(4)).toEqual([['R9']]);
  });
  it("writes the profile's UNOC:3 when it carries every value, else the received interchange's syntax (UNOY:4), never a character its charset cannot carry", () => {
    const omega = { ...motor9, caseReference: 'TRY-Ω-000150' };
    const received = { sender: { id: motor9.sender.vir, qualifier: 'ZZ' }, recipient: { id: motor9.recipient.vir, qualifier: 'ZZ' } };
    const build = (reply: Cancellation, header: object) => buildReplyInterchange(buildAccept(reply, DAY), header as typeof received, { reference: 'R9', date: '2024-03-04', time: '0506' });
    const rff = (segs: ReturnType<typeof build>) => segs.find((s) => s.tag === 'RFF')!.elements[0];
    // A received header names its syntax (parseInterchanges(...).header.syntaxId/syntaxVersion).
    const unoy = { ...received, syntaxId: 'UNOY', syntaxVersion: '4' };
    expect(build(motor9, unoy)[0]!.elements.slice(0, 4)).toEqual([['UNOC', '3'], [motor9.recipient.vir, 'ZZ'], [motor9.sender.vir, 'ZZ'], ['240304', '0506']]);
    const mirrored = build(omega, unoy);
    expect(mirrored[0]!.elements.slice(0, 4)).toEqual([['UNOY', '4'], [motor9.recipient.vir, 'ZZ'], [motor9.sender.vir, 'ZZ'], ['20240304', '0506']]);
    expect(rff(mirrored)).toEqual(['OPS', 'TRY-Ω-000150']);
    // No charset at hand carries it: refused, naming the character and where it is, not written as '?'.
    for (const header of [received, { ...received, syntaxId: 'UNOC', syntaxVersion: '3' }]) {
      expect(() => build(omega, header)).toThrow(MessageBuildError);
      expect(() => build(omega, header)).toThrow(/segment 4 \(RFF\), element 1, component 2: character "Ω" cannot be written in the UNOC character set/);
    }
  });
  it('refuses a missing received header, options or reply with a clear error, not a TypeError from inside', async () => {
    const { InterchangeSpecError } = await import('../../src/envelope/builder.js');
    const reply = buildAccept(motor9, DAY);
    const received = { sender: { id: motor9.sender.vir, qualifier: 'ZZ' }, recipient: { id: motor9.recipient.vir, qualifier: 'ZZ' } };
    expect(() => buildReplyInterchange(reply, null as never, { reference: 'R9' })).toThrow(InterchangeSpecError);
    expect(() => buildReplyInterchange(reply, null as never, { reference: 'R9' })).toThrow(/received: must be the received interchange's header \{ sender, recipient \}, got null/);
    expect(() => buildReplyInterchange(reply, { sender: received.sender } as never, { reference: 'R9' })).toThrow(/received: must be/);
    expect(() => buildReplyInterchange(reply, received, undefined as never)).toThrow(/options: must be an object \{ reference, … \}, got undefined/);
    expect(() => buildReplyInterchange([reply, null] as never, received, { reference: 'R9' })).toThrow(MessageBuildError);
    expect(() => buildReplyInterchange([reply, null] as never, received, { reference: 'R9' })).toThrow(/reply 2 is not a message: got null/);
  });
});

describe('buildAcceptWithoutFee', () => {
  it('throws MessageBuildError (not an encode error) when the old lienholder is neither given nor in the 32', () => {
    const change32 = { ...decl30, kind: 'changeOfLienholder' } as PanthaverOf<'changeOfLienholder'>;
    expect(() => buildAcceptWithoutFee(change32, DAY)).toThrow(
      new MessageBuildError('the receipt (Z70) needs the old lienholder: pass oldLienholder (the 32 has no NAD GPH)'),
    );
    const { receipt } = buildAcceptWithoutFee(change32, { ...DAY, oldLienholder: { vir: '60000009' } });
    expect([receipt.recipient, receipt.oldLienholder, receipt.cessationDate]).toEqual([{ vir: '60000009' }, { vir: '60000009' }, decl30.effectiveDate]);
  });
});

describe('buildReplyInterchange puts only messages between the two parties of the received interchange', () => {
  // The first NAD names the UNB recipient and the second the UNB sender (rules first-nad-not-unb-recipient and
  // second-nad-not-unb-sender, F03): a Z70 to the old lienholder cannot travel in the interchange to the new one.
  const change32 = { ...decl30, kind: 'changeOfLienholder', oldLienholder: { vir: '60000009' } } as unknown as PanthaverOf<'changeOfLienholder'>;
  const received = { sender: { id: decl30.sender.vir, qualifier: 'ZZ' }, recipient: { id: decl30.recipient.vir, qualifier: 'ZZ' } };
  it('the 34 goes back to the new lienholder; the Z70 beside it is refused, naming it and where it must go', () => {
    const { accept, receipt } = buildAcceptWithoutFee(change32, DAY);
    expect(buildReplyInterchange(accept, received, { reference: 'R1' })[0]!.elements[2]![0]).toBe(decl30.sender.vir);
    expect(() => buildReplyInterchange([accept, receipt], received, { reference: 'R1' })).toThrow(
      new MessageBuildError(`reply 2 (oldLienholderReceipt) is addressed to 60000009, but this interchange goes to ${decl30.sender.vir} (the received interchange's sender); build its own interchange`),
    );
  });
  it('a reply must also come from the received interchange\'s recipient', () => {
    const accept = buildDeclarationAccept(decl30, DAY);
    const otherSender = { ...accept, sender: { vir: '99999999' } };
    expect(() => buildReplyInterchange(otherSender, received, { reference: 'R1' })).toThrow(
      new MessageBuildError(`reply 1 (accept) is sent by 99999999, but this interchange comes from ${decl30.recipient.vir} (the received interchange's recipient)`),
    );
  });
  it('the Z70 goes in an interchange of its own, built with the old lienholder as the party answered', () => {
    const { receipt } = buildAcceptWithoutFee(change32, DAY);
    const segs = buildReplyInterchange(receipt, { sender: { id: '60000009', qualifier: 'ZZ' }, recipient: received.recipient }, { reference: 'R2' });
    expect(segs[0]!.elements[2]![0]).toBe('60000009');
  });
});

describe("panthaver builders follow seed 001 'Accept' for L declarations", () => {
  // "Ved L-deklarationer skal forsikringselskabet indtaste en acceptdato og en forsikringssum
  // (i hele kroner uden punktum)."
  const l30 = { ...decl30, declarationType: 'ZLL' } as PanthaverOf<'newDeclaration'>;
  const l32 = { ...l30, kind: 'changeOfLienholder', oldLienholder: { vir: '60000009' } } as unknown as PanthaverOf<'changeOfLienholder'>;
  it('an accept (33) or accept without fee (34) of an L declaration needs the sum insured', () => {
    expect(() => buildDeclarationAccept(l30, DAY)).toThrow(new MessageBuildError('the accept of an L declaration (ZLL) needs the sum insured (forsikringssum, sumInsured) in whole kroner'));
    expect(() => buildAcceptWithoutFee(l32, DAY)).toThrow(MessageBuildError);
    expect(buildDeclarationAccept(l30, { ...DAY, sumInsured: 450000 }).sumInsured).toBe(450000);
    expect(buildAcceptWithoutFee(l32, { ...DAY, sumInsured: 450000 }).accept.sumInsured).toBe(450000);
  });
  it('the L code is the profile\'s, and other declaration types need no sum insured', () => {
    expect(buildDeclarationAccept(decl30, DAY).sumInsured).toBeUndefined();
    const patched = { ...panthaver52, qualifiers: { ...panthaver52.qualifiers, declarationTypeCodes: { ...panthaver52.qualifiers.declarationTypeCodes, L: { ...panthaver52.qualifiers.declarationTypeCodes!.L!, value: 'ZFF' } } } };
    expect(() => buildDeclarationAccept(decl30, { ...DAY, profile: patched as typeof panthaver52 })).toThrow(MessageBuildError);
    expect(buildDeclarationAccept(l30, { ...DAY, profile: patched as typeof panthaver52 }).kind).toBe('accept');
  });
});
