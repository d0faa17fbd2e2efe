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
export type PolicyNumberMatch =
  | {
      /** The received number is, un-masked, one of the policy's numbers. */
      matched: true;
      /** Which: the current number, or an old one from before a conversion. */
      via: 'current' | 'old';
      /** The policy's number that matched, as the policy has it (not the received spelling). */
      number: string;
    }
  | {
      /** The received number is none of the policy's, or is missing (blank after un-masking, `ukendt`, `???`). */
      matched: false;
    };

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
