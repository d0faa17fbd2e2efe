/**
 * Policy numbers (policenumre) as the guide wants them matched: un-masked, alphanumeric,
 * leading zeros and letter prefixes significant, old and new numbers after a conversion.
 * Rules `accept.policy-number-match` and `accept.policy-number-required`.
 *
 * @module
 */
import { isMissingPolicyNumber, unmaskPolicyNumber } from '../schema/policy-number.js';

export { isMissingPolicyNumber, unmaskPolicyNumber };

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
