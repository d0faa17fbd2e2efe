/**
 * Who may send which message on a declaration. A declaration ("forhold") is between two
 * parties, one lienholder and one insurer (seed 001, 'Sager': historisk = "ikke gældende
 * mellem de 2 parter"), so once it has them every message on it passes between those two —
 * except answers and reminders while it is under skift, which pass between the lienholder and
 * the new insurer the Z40 named.
 *
 * @module
 */
import type { Panthaver } from '../messages/types/panthaver.js';
import type { DeclarationModel } from './declaration-transitions.js';
import { explain, type Explanation } from './explanation.js';

/**
 * The party each end of a message must be: the declaration's lienholder, its insurer, or the
 * insurer whose answer is awaited (the new insurer while under skift, else the insurer).
 */
type Party = 'lienholder' | 'insurer' | 'awaited';

type Route = readonly [from: Party | null, to: Party | null];
const FROM_LIENHOLDER: Route = ['lienholder', 'insurer'];
const FROM_INSURER: Route = ['insurer', 'lienholder'];
const ANSWER: Route = ['awaited', 'lienholder'];

/**
 * Sender and recipient per kind. `null`: not checked — a declaration (30, 32) starts the
 * pairing, a portfolio transfer is sent by the acquiring party (its recipient is checked), and
 * a 12 never gets here: `Declaration.apply` undoes with it only what its sender had received.
 */
const ROUTES: Readonly<Record<Panthaver['kind'], Route | null>> = {
  newDeclaration: null,
  changeOfLienholder: null,
  reminder: ['lienholder', 'awaited'],
  lienEnded: FROM_LIENHOLDER,
  reRegistration: FROM_LIENHOLDER,
  lienholderPortfolioTransfer: [null, 'insurer'],
  accept: ANSWER,
  acceptWithoutFee: ANSWER,
  rejection: ANSWER,
  coverageEndedArrears: FROM_INSURER,
  coverageEndedComprehensive: FROM_INSURER,
  coverageEndedOther: FROM_INSURER,
  sumInsuredChanged: FROM_INSURER,
  coverageRestored: FROM_INSURER,
  changeOfInsurer: FROM_INSURER,
  administrativeCorrection: FROM_INSURER,
  priorityChanged: FROM_INSURER,
  oldLienholderReceipt: FROM_INSURER,
  insurerPortfolioTransfer: [null, 'lienholder'],
  contentError: null,
};

/** The id `party` stands for on this declaration (a VIR number; a lienholder's may be its CVR number), and how to name it. */
function partyOf(model: DeclarationModel, party: Party): { vir: string | undefined; who: string } {
  if (party === 'lienholder') return { vir: model.lienholder, who: "the declaration's lienholder" };
  if (party === 'awaited' && model.state === 'under skift') return { vir: model.changeOfInsurer?.newInsurer, who: 'the new insurer' };
  return { vir: model.insurer, who: "the declaration's insurer" };
}

/**
 * Why `message` does not pass between the declaration's parties, or `undefined` when it does
 * (or the declaration has no parties yet: nothing has been applied to it).
 */
export function misrouted(model: DeclarationModel, message: Panthaver): Explanation | undefined {
  const route = ROUTES[message.kind];
  if (route === null) return undefined;
  const ends = [
    ['sender', route[0], message.sender.vir],
    ['recipient', route[1], message.recipient.vir],
  ] as const;
  for (const [end, party, actual] of ends) {
    if (party === null) continue;
    const expected = partyOf(model, party);
    // No party yet (nothing applied, or only a Z70 to an old lienholder): nothing to hold to.
    if (expected.vir === undefined || expected.vir === actual) continue;
    return explain('declaration.parties', {}, `The ${message.kind}'s ${end} is ${actual}, not ${expected.who} ${expected.vir}.`);
  }
  return undefined;
}
