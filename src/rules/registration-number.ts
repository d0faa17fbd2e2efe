/**
 * Registration numbers (registreringsnumre) of motor vehicles, compared with the tolerance
 * the guide asks for (section 2.4). Rule `accept.motor-registration`.
 *
 * @module
 */
import { editDistance } from './text-match.js';

/** The outcome of {@link compareRegistrationNumbers}. */
export type RegistrationComparison = 'same' | 'close' | 'different' | 'missing';

/** A registration number without spaces and dashes, upper-cased: `ab 12-345` → `AB12345`. */
export function normalizeRegistrationNumber(registrationNumber: string): string {
  return registrationNumber.replace(/[\s\-.]/g, '').toUpperCase();
}

/**
 * Compares the registration number received in a cancellation with the one on the policy:
 * `same` after normalising, `close` when one character differs (a typing error, or a
 * letter/digit mix-up), `missing` when the cancellation has none, else `different`.
 */
export function compareRegistrationNumbers(received: string | undefined, onPolicy: string): RegistrationComparison {
  if (received === undefined || normalizeRegistrationNumber(received) === '') return 'missing';
  const a = normalizeRegistrationNumber(received);
  const b = normalizeRegistrationNumber(onPolicy);
  if (a === b) return 'same';
  return editDistance(a, b) <= 1 ? 'close' : 'different';
}
