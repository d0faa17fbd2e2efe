/**
 * Policy numbers (policenumre) as the guide wants them matched: un-masked, alphanumeric,
 * leading zeros and letter prefixes significant, old and new numbers after a conversion.
 * Rules `accept.policy-number-match` and `accept.policy-number-required`.
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
 * True when `policyNumber` is one the guide forbids sending: blank, the word `ukendt`
 * (unknown), or question marks only (`???`).
 */
export function isMissingPolicyNumber(policyNumber: string | undefined): boolean {
  if (policyNumber === undefined) return true;
  const trimmed = policyNumber.trim();
  return unmaskPolicyNumber(trimmed) === '' || trimmed.toLowerCase() === 'ukendt' || /^\?+$/.test(trimmed);
}

/** How a received policy number matched a policy: its current number or an old one (before a conversion). */
export type PolicyNumberMatch = { matched: true; via: 'current' | 'old'; number: string } | { matched: false };

/**
 * Matches a received policy number against a policy's current number and its old numbers,
 * all un-masked.
 *
 * @example matchPolicyNumber('00 123 456', '00-123-456') // => { matched: true, via: 'current', number: '00-123-456' }
 */
export function matchPolicyNumber(received: string, current: string, oldNumbers: readonly string[] = []): PolicyNumberMatch {
  if (isMissingPolicyNumber(received)) return { matched: false };
  const wanted = unmaskPolicyNumber(received);
  if (unmaskPolicyNumber(current) === wanted) return { matched: true, via: 'current', number: current };
  const old = oldNumbers.find((n) => unmaskPolicyNumber(n) === wanted);
  return old === undefined ? { matched: false } : { matched: true, via: 'old', number: old };
}
