/**
 * Seed 002 (F&P "EDI-guide for Opsigelser" 5.5, Danish original) against the messages it
 * describes: what a message of each kind must, may and must not carry, and the numbering rules.
 * Each test quotes the sentence it checks. The business rules (deadlines, the case, the accept
 * policy, the bonus history) are audited in spec/rules/opsigelser-guide-audit.test.ts, which also
 * lists the sentences other tests already pin.
 */
import { describe, expect, it } from 'vitest';
import { messageErrors, oneMessage } from './helpers.js';
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
