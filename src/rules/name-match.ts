/**
 * Policyholder names compared the way the guide asks: insignificant differences never count
 * against a cancellation, and a name rejection needs a manual check first. Rules
 * `accept.family-name`, `accept.accident-boat-name` and `accept.name-manual-check`.
 *
 * @module
 */
import type { NamedParty, PersonId } from '../messages/types/common.js';
import { editDistance, foldDanish } from './text-match.js';

/**
 * How two names compare, from closest to farthest:
 * - `same`: equal apart from letter case and spacing;
 * - `insignificant`: equal after folding punctuation, word order and Danish letters
 *   (`Hansen, Jens` = `Jens Hansen`; `Søren Ågård` = `Soeren Aagaard`);
 * - `similar`: a small difference a case handler must look at (a missing middle name, an
 *   initial for a first name, up to 2 typing errors);
 * - `different`: anything else.
 */
export type NameComparison = 'same' | 'insignificant' | 'similar' | 'different';

/** Closeness rank of a {@link NameComparison}: 0 for `same` up to 3 for `different` (higher is worse). */
export const RANK: Record<NameComparison, number> = { same: 0, insignificant: 1, similar: 2, different: 3 };

function words(name: string): string[] {
  return foldDanish(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

function wordsMatch(a: string, b: string): 'exact' | 'initial' | 'typo' | null {
  if (a === b) return 'exact';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  if (Math.min(a.length, b.length) >= 4 && editDistance(a, b) <= 1) return 'typo';
  return null;
}

/** Every word of the shorter name pairs with a distinct word of the longer one, at least one exactly. */
function wordsCovered(shorter: string[], longer: string[]): boolean {
  const free = [...longer];
  let exact = 0;
  for (const word of shorter) {
    const index = free.findIndex((candidate) => wordsMatch(word, candidate) !== null);
    if (index < 0) return false;
    if (wordsMatch(word, free[index] ?? '') === 'exact' && word.length > 1) exact++;
    free.splice(index, 1);
  }
  return exact > 0;
}

/**
 * Compares a received name with the name on the policy; see {@link NameComparison}.
 *
 * @example compareNames('Hansen, Jens', 'Jens Hansen') // => 'insignificant'
 * @example compareNames('Jens Hansen', 'Jens Peter Hansen') // => 'similar'
 */
export function compareNames(received: string, onPolicy: string): NameComparison {
  const plain = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da-DK');
  if (plain(received) === plain(onPolicy)) return 'same';
  const a = words(received);
  const b = words(onPolicy);
  if (a.length === 0 || b.length === 0) return 'different';
  if ([...a].sort().join(' ') === [...b].sort().join(' ') || a.join('') === b.join('')) return 'insignificant';
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (wordsCovered(shorter, longer)) return 'similar';
  if (editDistance(a.join(' '), b.join(' ')) <= 2) return 'similar';
  return 'different';
}

/** The closer of two comparisons. */
export function closerComparison(x: NameComparison, y: NameComparison): NameComparison {
  return RANK[x] <= RANK[y] ? x : y;
}

/**
 * Compares two parties' names: name line 1 alone, and name lines 1 and 2 together (a long
 * name may continue on line 2); the closer result wins.
 */
export function comparePartyNames(received: Pick<NamedParty, 'name' | 'name2'>, onPolicy: Pick<NamedParty, 'name' | 'name2'>): NameComparison {
  const full = (p: Pick<NamedParty, 'name' | 'name2'>) => [p.name, p.name2].filter((s) => s !== undefined).join(' ');
  return closerComparison(compareNames(received.name, onPolicy.name), compareNames(full(received), full(onPolicy)));
}

/** True when both CPR/CVR numbers are present and equal apart from formatting (`010180-1234` = `0101801234`). */
export function samePersonId(a: PersonId | undefined, b: PersonId | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const digits = (id: PersonId) => id.value.replace(/[\s\-]/g, '');
  return a.type === b.type && digits(a) === digits(b);
}
