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

/**
 * Sender and recipient per kind. `null`: not checked — a declaration (30, 32) starts the
 * pairing, a portfolio transfer is sent by the acquiring party (its recipient is checked), and
 * a 12 never gets here: `Declaration.apply` undoes with it only what its sender had received.
 */
const ROUTES: Readonly<Record<Panthaver['kind'], readonly [from: Party | null, to: Party | null] | null>> = {
  newDeclaration: null,
  changeOfLienholder: null,
  reminder: ['lienholder', 'awaited'],
  lienEnded: ['lienholder', 'insurer'],
  reRegistration: ['lienholder', 'insurer'],
  lienholderPortfolioTransfer: [null, 'insurer'],
  accept: ['awaited', 'lienholder'],
  acceptWithoutFee: ['awaited', 'lienholder'],
  rejection: ['awaited', 'lienholder'],
  coverageEndedArrears: ['insurer', 'lienholder'],
  coverageEndedComprehensive: ['insurer', 'lienholder'],
  coverageEndedOther: ['insurer', 'lienholder'],
  sumInsuredChanged: ['insurer', 'lienholder'],
  coverageRestored: ['insurer', 'lienholder'],
  changeOfInsurer: ['insurer', 'lienholder'],
  administrativeCorrection: ['insurer', 'lienholder'],
  priorityChanged: ['insurer', 'lienholder'],
  oldLienholderReceipt: ['insurer', 'lienholder'],
  insurerPortfolioTransfer: [null, 'lienholder'],
  contentError: null,
};

function vir(model: DeclarationModel, party: Party): string | undefined {
  if (party === 'lienholder') return model.lienholder;
  if (party === 'awaited' && model.state === 'under skift') return model.changeOfInsurer?.newInsurer;
  return model.insurer;
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
    const expected = vir(model, party);
    // No party yet (nothing applied, or only a Z70 to an old lienholder): nothing to hold to.
    if (expected === undefined || expected === actual) continue;
    const who = party === 'awaited' && model.state === 'under skift' ? 'the new insurer' : `the declaration's ${party === 'lienholder' ? 'lienholder' : 'insurer'}`;
    return explain('declaration.parties', {}, `The ${message.kind}'s ${end} is ${actual}, not ${who} ${expected}.`);
  }
  return undefined;
}
