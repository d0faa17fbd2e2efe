/**
 * Policy numbers (policenumre) as seed 002 wants them read, for every layer that needs it: the
 * validator (a 9 or 13 without a real policy number is F01) and the rules layer (matching).
 * "Der SKAL anføres et policenummer i en EDI-opsigelse. Opsigelser med ordet "ukendt" med???
 * eller med blank i policenummerfeltet, må ikke afsendes."
 *
 * @module
 */

/** The formatting characters un-masking removes: spaces, dashes, dots and slashes. */
const MASK_CHARACTERS = /[\s\-./]/g;

/**
 * Un-masks a policy number for matching: removes spaces, dashes, dots and slashes and
 * upper-cases letters. Leading zeros and letter prefixes are kept: they are part of the number.
 *
 * @example unmaskPolicyNumber(' 00-123.456/7 ') // => '001234567'
 * @example unmaskPolicyNumber('byg-778812') // => 'BYG778812'
 */
export function unmaskPolicyNumber(policyNumber: string): string {
  return policyNumber.replace(MASK_CHARACTERS, '').toUpperCase();
}

/**
 * True when `policyNumber` is one the guide forbids sending: blank (nothing left after
 * un-masking), the word `ukendt` (unknown, any letter case), or question marks only (`???`).
 */
export function isMissingPolicyNumber(policyNumber: string | undefined): boolean {
  if (policyNumber === undefined) return true;
  // A digit survives un-masking and is neither `ukendt` nor a question mark: the common case,
  // decided without building strings (the validator asks this of every 9 and 13).
  if (hasDigit(policyNumber)) return false;
  const trimmed = policyNumber.trim();
  return unmaskPolicyNumber(trimmed) === '' || trimmed.toLowerCase() === 'ukendt' || /^\?+$/.test(trimmed);
}

/** True when `value` has an ASCII digit. */
function hasDigit(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}
