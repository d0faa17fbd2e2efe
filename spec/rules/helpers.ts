/** Helpers the case and declaration tests share (messages and parties are in fixtures.ts). */
import { expect } from 'vitest';
import type { Opsigelse } from '../../src/messages/types/opsigelser.js';
import type { Panthaver } from '../../src/messages/types/panthaver.js';
import { Declaration, type DeclarationOptions } from '../../src/rules/declaration.js';
import { OpsigelseCase } from '../../src/rules/opsigelse-case.js';
import { DEBTOR, pant, TO_INSURER, TO_LIENHOLDER } from './fixtures.js';

/** The rule ids of a result's violations. */
export const rulesOf = (r: { violations: ReadonlyArray<{ rule: string }> }) => r.violations.map((v) => v.rule);
/** The sentences of a result's violations. */
export const explanationsOf = (r: { violations: ReadonlyArray<{ explanation: string }> }) => r.violations.map((v) => v.explanation);
/** An opsigelser case after `messages`, each received on its message date. */
export const replayCase = (...messages: Opsigelse[]) => OpsigelseCase.replay(messages.map((message) => ({ message })));

type Kind = Parameters<typeof pant>[0];
type Fields = Record<string, unknown>;
/** A new declaration (30) from the lienholder to the insurer: ZPA, type ZBB, unless `fields` say otherwise. */
export const declaration30 = (fields: Fields) => pant('newDeclaration', { ...TO_INSURER, lienType: 'ZPA', declarationType: 'ZBB', debtor: DEBTOR, ...fields });
/** The declaration that opens the tests' cases, with priority Z91 and cover type ZKA. */
export const created = (type = 'ZBB', messageDate = '2024-02-20') => declaration30({ messageDate, declarationType: type, priority: 'Z91', coverType: 'ZKA' });
/** The insurer's accept, effective 2024-03-01. */
export const accept = (messageDate = '2024-02-25', extra: Fields = {}) => pant('accept', { ...TO_LIENHOLDER, messageDate, effectiveDate: '2024-03-01', ...extra });
/** A message of `kind` from the insurer to the lienholder. */
export const notice = (kind: Kind, messageDate: string, extra: Fields = {}) => pant(kind, { ...TO_LIENHOLDER, messageDate, ...extra });
/** A message of `kind` from the lienholder to the insurer. */
export const fromLienholder = (kind: Kind, messageDate: string, extra: Fields = {}) => pant(kind, { ...TO_INSURER, messageDate, ...extra });
/** A declaration after `messages`, each received on its message date. */
export const replayDeclaration = (messages: Panthaver[], options: DeclarationOptions = {}) => Declaration.replay(messages.map((message) => ({ message })), options);
/** An accepted (aktivt) declaration of `type`; an L accept carries its sum insured. */
export const active = (type = 'ZBB', options: DeclarationOptions = {}) =>
  replayDeclaration([created(type), accept('2024-02-25', type === 'ZLL' ? { sumInsured: 250000 } : {})], options);

/** Applies `message`, asserts it is refused and leaves the state as it was; returns the rules it broke. */
export function refusedBy(d: Declaration, message: Panthaver): string[] {
  const before = d.state;
  const r = d.apply(message);
  expect(r.status).toBe('refused');
  expect(d.state).toBe(before);
  return rulesOf(r);
}
