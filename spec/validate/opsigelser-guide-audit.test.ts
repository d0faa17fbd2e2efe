/**
 * Seed 002 (F&P "EDI-guide for Opsigelser" 5.5, Danish original) against the messages it
 * describes: what a message of each kind must, may and must not carry, and the numbering rules.
 * Each test quotes the sentence it checks. The business rules (deadlines, the case, the accept
 * policy, the bonus history) are audited in spec/rules/opsigelser-guide-audit.test.ts, which also
 * lists the sentences other tests already pin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildAccept,
  buildBonusAnswer,
  buildInterchange,
  decodeMessage,
  encodeMessage,
  getProfile,
  MessageBuildError,
  parseInterchanges,
  serialize,
  validate,
  type Bonus,
  type BonusQuery,
  type Cancellation,
  type Opsigelse,
} from '../../src/index.js';
import { messageErrors, NOW, oneMessage } from './helpers.js';
import { NINE, swap, THIRTEEN } from './opsigelser-bodies.js';

const errorsOf = (body: readonly string[]) => messageErrors(oneMessage(body));
const rules = async (body: readonly string[]) => (await errorsOf(body)).map(([code, rule]) => `${code} ${rule ?? ''}`);

describe("'Regler for behandling af EDI-opsigelser', Policenumre", () => {
  // "Der SKAL anføres et policenummer i en EDI-opsigelse. Opsigelser med ordet "ukendt" med??? eller med blank i
  // policenummerfeltet, må ikke afsendes." The rules layer's isMissingPolicyNumber reads "???" as any run of question
  // marks and "blank" as nothing left after un-masking (spaces, dashes, dots, slashes); the validator must read the
  // sentence the same way, or a 9 the ceding insurer treats as having no policy number passes with no 12'er.
  it.each([
    ['a single question mark', '??'],
    ['two question marks', '????'],
    ['four question marks', '????????'],
    ['a dash', '-'],
    ['dots and blanks', ' . . '],
    ['a slash', '/'],
  ])('a policy number of %s is F01 policy-number-missing in a 9 and in a 13', async (_, wire) => {
    expect(await rules(swap(NINE, 'RFF+POL:00-123', `RFF+POL:${wire}`))).toEqual(['F01 policy-number-missing']);
    expect(await rules(swap(THIRTEEN, 'RFF+POL:55-998877', `RFF+POL:${wire}`))).toEqual(['F01 policy-number-missing']);
  });
  it('a real policy number with leading zeros, a letter prefix or masking passes ("foranstillede nuller … valid del")', async () => {
    for (const wire of ['000123', 'BYG-778812', '00 123.456/7', 'A??']) {
      expect(await rules(swap(NINE, 'RFF+POL:00-123', `RFF+POL:${wire}`))).toEqual([]);
    }
  });
});

describe("2.9.2 'Svar på bonusforespørgsel (Kode 11)' and 2.9.7 'Accept af overtagelse (Kode 29)': the builders", () => {
  const profile = getProfile('fp-opsigelser/5.5-reconstructed');
  const read = (file: string) => {
    const r = decodeMessage(parseInterchanges(readFileSync(file)).interchanges[0]!.messages[0]!, profile);
    if (!r.ok) throw new Error(`${file} does not decode`);
    return r.value;
  };
  const query = read('fixtures/opsigelse-13-bonus-query.edi') as BonusQuery;
  const motor = read('fixtures/opsigelse-9-motor.edi') as Cancellation;
  const full: Bonus = { premiumStep: '10', claimFreeYears: 4, underwritingDate: '2015-03-15', lastStepChange: { date: '2024-01-01' }, policyEndDate: '2024-12-31', claims: [] };
  const { underwritingDate: _u, ...withoutUnderwriting } = full;
  const { policyEndDate: _e, ...withoutEndDate } = full;
  const day = { messageDate: '2024-12-02' };
  /** The errors `validate` finds in the built message, sent back to the one it answers. */
  const validated = async (message: Opsigelse) => {
    const { header, body } = encodeMessage(message, profile);
    const text = serialize(buildInterchange({ sender: { id: message.sender.vir }, recipient: { id: message.recipient.vir }, reference: 'R1', date: '2024-12-02', time: '1200', messages: [{ header, body }] }), { una: true });
    const [report] = await validate(text, { now: NOW });
    return report!.messages[0]!.errors.map((e) => `${e.code} ${e.rule ?? ''}: ${e.message}`);
  };

  // 2.9.2: "Når det afgivende selskab svarer på en bonusforespørgsel, skal der medsendes følgende segmenter: … SIF med
  // skadeinformation DTM med tegningsdato DTM med dato for sidste trinskift DTM med policens ophørsdato"; 2.7: "Et svar
  // på en bonusforespørgsel indeholder desuden oplysning om policens tegningsdato." A builder refuses what the
  // validator would answer with a 12'er (as buildRejection refuses ERC 9–12 without the end date).
  it('buildBonusAnswer refuses a bonus block without the underwriting date or the policy end date', () => {
    expect(() => buildBonusAnswer(query, { ...day, bonus: withoutUnderwriting })).toThrow(MessageBuildError);
    expect(() => buildBonusAnswer(query, { ...day, bonus: withoutUnderwriting })).toThrow(/tegningsdato|underwriting date/);
    expect(() => buildBonusAnswer(motor, { ...day, bonus: withoutEndDate })).toThrow(MessageBuildError);
    expect(() => buildBonusAnswer(motor, { ...day, bonus: withoutEndDate })).toThrow(/ophørsdato|policy end date/);
  });
  it('what buildBonusAnswer builds, validate takes', async () => {
    expect(await validated(buildBonusAnswer(query, { ...day, bonus: full }))).toEqual([]);
  });
  // 2.9.7: "Hvis der i forbindelse med overtagelsen tillige fulgte en bonusforespørgsel, sendes følgende segmenter: SIF
  // med skadeinformation DTM med tegningsdato DTM med dato for sidste trinskift …" — no policy end date in a 29.
  it('buildAccept refuses a bonus block without the underwriting date, and takes one without the policy end date', async () => {
    expect(() => buildAccept(motor, { ...day, bonus: withoutUnderwriting })).toThrow(MessageBuildError);
    expect(await validated(buildAccept(motor, { ...day, bonus: withoutEndDate }))).toEqual([]);
  });
});
