/**
 * The acceptance date of an L declaration (seed 001, 'Accept'): "Ved L-deklarationer skal
 * forsikringselskabet indtaste en acceptdato og en forsikringssum (i hele kroner uden punktum).
 * Acceptdatoen må ikke være senere end 14 dage efter modtagelsen. Hvis der accepteres senere end
 * 14 dage efter modtagelsen, skal brugeren indtaste en acceptdato, der er lig med
 * modtagelsesdato + 14 dage."
 *
 * The Declaration rules refuse an accept that breaks it (`deadline.l-accept-latest`); the
 * builders used to write such an accept all the same. They now refuse exactly what the rules
 * refuse (MessageBuildError, as for a missing sum insured), and an accept sent later than
 * receipt + 14 without an `effectiveDate` gets the date the guide prescribes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAcceptWithoutFee, buildDeclarationAccept } from '../../src/messages/builders.js';
import type { Panthaver, PanthaverOf } from '../../src/messages/types/panthaver.js';
import { MessageBuildError } from '../../src/messages/wire/errors.js';
import { addDays } from '../../src/rules/dates.js';
import { Declaration } from '../../src/rules/declaration.js';
import { decodedFixture } from './helpers.js';

const decl30 = decodedFixture('panthaver-30-new-declaration.edi') as PanthaverOf<'newDeclaration'>;
/** The fixture's 30 as an L declaration (ZLL in the shipped profile), received 2024-10-15 (its DTM 137): latest acceptance date 2024-10-29. */
const l30 = { ...decl30, declarationType: 'ZLL' } as PanthaverOf<'newDeclaration'>;
const l32 = { ...l30, kind: 'changeOfLienholder', oldLienholder: { vir: '60000009' } } as unknown as PanthaverOf<'changeOfLienholder'>;
const l31 = { kind: 'reminder', messageDate: '2024-11-10', recipient: l30.recipient, sender: l30.sender, declarationNumber: l30.declarationNumber, declarationType: 'ZLL' } as PanthaverOf<'reminder'>;
const SUM = { sumInsured: 450000 };

describe("buildDeclarationAccept and buildAcceptWithoutFee: an L declaration's acceptance date is at most receipt + 14 days", () => {
  it('refuses an acceptance date later than receipt + 14 (receipt: the declaration date, or receivedOn)', () => {
    const tooLate = new MessageBuildError('the accept of an L declaration (ZLL) received 2024-10-15 may have an acceptance date (acceptdato, effectiveDate) of at most 2024-10-29, 14 days after receipt; got 2024-10-30');
    expect(() => buildDeclarationAccept(l30, { messageDate: '2024-10-20', effectiveDate: '2024-10-30', ...SUM })).toThrow(tooLate);
    expect(() => buildAcceptWithoutFee(l32, { messageDate: '2024-10-20', effectiveDate: '2024-10-30', ...SUM })).toThrow(tooLate);
    expect(buildDeclarationAccept(l30, { messageDate: '2024-10-20', effectiveDate: '2024-10-29', ...SUM }).effectiveDate).toBe('2024-10-29');
    // Received later than its message date: the 14 days count from receivedOn, as in Declaration.apply.
    expect(buildDeclarationAccept(l30, { messageDate: '2024-10-20', effectiveDate: '2024-10-30', receivedOn: '2024-10-16', ...SUM }).effectiveDate).toBe('2024-10-30');
    expect(() => buildDeclarationAccept(l30, { messageDate: '2024-10-20', effectiveDate: '2024-10-31', receivedOn: '2024-10-16', ...SUM })).toThrow(/at most 2024-10-30, 14 days after receipt; got 2024-10-31$/);
  });

  it('accepted later than receipt + 14, the acceptance date is receipt + 14: given otherwise it is refused, not given it is that day', () => {
    expect(() => buildDeclarationAccept(l30, { messageDate: '2024-11-22', effectiveDate: '2024-10-20', ...SUM })).toThrow(
      new MessageBuildError('the accept of an L declaration (ZLL) received 2024-10-15 and sent 2024-11-22, later than 14 days after receipt, needs the acceptance date (acceptdato, effectiveDate) 2024-10-29; got 2024-10-20'),
    );
    expect(buildDeclarationAccept(l30, { messageDate: '2024-11-22', ...SUM }).effectiveDate).toBe('2024-10-29');
    const { accept, receipt } = buildAcceptWithoutFee(l32, { messageDate: '2024-11-22', ...SUM });
    expect([accept.effectiveDate, receipt.cessationDate]).toEqual(['2024-10-29', '2024-10-29']);
    // Not an L declaration: the declaration's own date, whenever accepted.
    expect(buildDeclarationAccept(decl30, { messageDate: '2024-11-22' }).effectiveDate).toBe('2024-10-15');
    expect(buildDeclarationAccept(decl30, { messageDate: '2024-10-20', effectiveDate: '2025-01-01' }).effectiveDate).toBe('2025-01-01');
  });

  it('answering a reminder (31) of an L declaration, needs receivedOn: the reminder is not the receipt', () => {
    expect(() => buildDeclarationAccept(l31, { messageDate: '2024-11-12', effectiveDate: '2024-10-20', ...SUM })).toThrow(
      new MessageBuildError('the accept of an L declaration (ZLL) answering a reminder (31) needs receivedOn, the day the declaration was received: the acceptance date (acceptdato, effectiveDate) is at most 14 days later'),
    );
    expect(buildDeclarationAccept(l31, { messageDate: '2024-11-12', receivedOn: '2024-10-15', ...SUM }).effectiveDate).toBe('2024-10-29');
  });

  it('refuses a receivedOn that is no date, naming the option', () => {
    expect(() => buildDeclarationAccept(l30, { messageDate: '2024-10-20', receivedOn: '2024-02-30', ...SUM })).toThrow(
      new TypeError('fp-edifact: buildDeclarationAccept: option receivedOn must be an ISO date YYYY-MM-DD, got "2024-02-30"'),
    );
    expect(() => buildAcceptWithoutFee(l32, { messageDate: '2024-10-20', receivedOn: 20241015 as never, ...SUM })).toThrow(
      new TypeError('fp-edifact: buildAcceptWithoutFee: option receivedOn must be an ISO date YYYY-MM-DD, got 20241015'),
    );
  });
});

describe('the builders refuse exactly the acceptance dates the Declaration rules refuse (property)', () => {
  const RECEIVED = '2024-10-15';
  const day = (n: number): string => addDays(RECEIVED, n);
  /** The declaration as the rules have it: received RECEIVED, then `accept` applied. */
  const rulesOn = (declaration: Panthaver, accept: Panthaver) => Declaration.replay([{ message: declaration, receivedOn: RECEIVED }]).apply(accept);

  it('an explicit effectiveDate: refused by the builder ⇔ refused by the rules (deadline.l-accept-latest); built ⇒ applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 35 }), fc.integer({ min: 0, max: 35 }), fc.integer({ min: -5, max: 35 }), fc.boolean(), (declared, sent, effective, withoutFee) => {
        const declaration = { ...(withoutFee ? l32 : l30), effectiveDate: day(declared) } as Panthaver;
        const options = { messageDate: day(sent), effectiveDate: day(effective), receivedOn: RECEIVED, ...SUM };
        const build = (d: Panthaver): Panthaver => (withoutFee ? buildAcceptWithoutFee(d as PanthaverOf<'changeOfLienholder'>, options).accept : buildDeclarationAccept(d, options));
        // The same accept, written by the builder for a non-L twin of the declaration (no check), then made an L one.
        const unchecked = { ...build({ ...declaration, declarationType: 'ZBB' } as Panthaver), declarationType: 'ZLL' } as Panthaver;
        const judged = rulesOn(declaration, unchecked);
        let built: Panthaver | undefined;
        try {
          built = build(declaration);
        } catch (e) {
          expect(e).toBeInstanceOf(MessageBuildError);
        }
        expect(built === undefined).toBe(judged.status === 'refused');
        if (judged.status === 'refused') expect(judged.violations.map((v) => v.rule)).toEqual(['deadline.l-accept-latest']);
        if (built !== undefined) expect(built).toEqual(unchecked);
      }),
      { numRuns: 400 },
    );
  });

  it('no effectiveDate: whatever the builder writes, the rules apply; it refuses only a declared date the rules refuse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 35 }), fc.integer({ min: 0, max: 35 }), (declared, sent) => {
        const declaration = { ...l30, effectiveDate: day(declared) };
        let built: Panthaver | undefined;
        try {
          built = buildDeclarationAccept(declaration, { messageDate: day(sent), ...SUM });
        } catch (e) {
          expect(e).toBeInstanceOf(MessageBuildError);
          const asDeclared = { ...buildDeclarationAccept({ ...declaration, declarationType: 'ZBB' }, { messageDate: day(sent), ...SUM }), declarationType: 'ZLL' } as Panthaver;
          expect(rulesOn(declaration, asDeclared).status).toBe('refused');
        }
        if (built !== undefined) expect(rulesOn(declaration, built).status).toBe('applied');
      }),
      { numRuns: 300 },
    );
  });
});
