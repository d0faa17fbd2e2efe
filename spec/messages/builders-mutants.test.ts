/**
 * Builder behaviour at the edges builders.test.ts and builders-edges.test.ts leave open:
 * an ERC code of the full an..3 length and a reply interchange without replies (refused).
 */
import { describe, expect, it } from 'vitest';
import { buildDeclarationRejection, buildRejection, buildReplyInterchange } from '../../src/messages/builders.js';
import { MessageBuildError } from '../../src/messages/wire/errors.js';
import type { Cancellation } from '../../src/messages/types/opsigelser.js';
import type { PanthaverOf } from '../../src/messages/types/panthaver.js';
import { decodedFixture } from './helpers.js';

const motor9 = decodedFixture<Cancellation>('opsigelse-9-motor.edi');
const decl30 = decodedFixture<PanthaverOf<'newDeclaration'>>('panthaver-30-new-declaration.edi');
const DAY = { messageDate: '2024-11-22' };

describe('a rejection reason given as an ERC code may use the whole an..3', () => {
  it('a three-character code that is not a named reason is sent as given (opsigelser 27)', () => {
    expect(buildRejection(motor9, { ...DAY, reason: 'Z99' }).reasonCode).toBe('Z99');
    expect(buildRejection(motor9, { ...DAY, reason: '123' }).reasonCode).toBe('123');
  });
  it('and in a panthaver rejection, beside named reasons', () => {
    expect(buildDeclarationRejection(decl30, { ...DAY, reasons: ['101', 'policyUnknown', 'ZZZ'] }).reasons).toEqual(['101', '1', 'ZZZ']);
  });
});

describe('buildReplyInterchange without replies', () => {
  it('refuses to write an interchange no reader accepts (error 32, lower level empty)', () => {
    const build = () => buildReplyInterchange([], { sender: { id: 'A', qualifier: null }, recipient: { id: 'B', qualifier: '14' } }, { reference: 'R0', date: '2024-10-21', time: '1200' });
    expect(build).toThrow(MessageBuildError);
    expect(build).toThrow('buildReplyInterchange: no replies given; an interchange without messages is error 32 (lower level empty) for every reader');
  });
});
