/**
 * The profiles fp-edifact ships, by id. They are deep-frozen: derive a changed profile with
 * `patchProfile` (which returns a fresh, validated copy) instead of editing one.
 */
import type { GuideProfile } from '../profile.js';
import { opsigelser55 } from './opsigelser-5.5.js';
import { panthaver52 } from './panthaver-5.2.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const SHIPPED: Readonly<Record<string, GuideProfile>> = Object.freeze({
  [opsigelser55.id]: deepFreeze(opsigelser55),
  [panthaver52.id]: deepFreeze(panthaver52),
});

/** Ids of the shipped profiles: `fp-opsigelser/5.5-reconstructed`, `fp-panthaver/5.2-reconstructed`. */
export type ShippedProfileId = 'fp-opsigelser/5.5-reconstructed' | 'fp-panthaver/5.2-reconstructed';

/** The ids of the shipped profiles. */
export function listProfileIds(): ShippedProfileId[] {
  return Object.keys(SHIPPED) as ShippedProfileId[];
}

/**
 * A shipped profile by id (deep-frozen).
 * @throws Error naming the id and the known ids when there is no such profile
 */
export function getProfile(id: ShippedProfileId | (string & {})): GuideProfile {
  const p = Object.hasOwn(SHIPPED, id) ? SHIPPED[id] : undefined;
  if (!p) throw new Error(`no shipped guide profile "${id}"; known: ${Object.keys(SHIPPED).join(', ')}`);
  return p;
}

/** The default profile of an exchange. */
export function defaultProfile(exchange: 'opsigelser' | 'panthaver'): GuideProfile {
  return exchange === 'opsigelser' ? SHIPPED[opsigelser55.id]! : SHIPPED[panthaver52.id]!;
}

/** The default profile of every exchange. */
export function defaultProfiles(): GuideProfile[] {
  return [defaultProfile('opsigelser'), defaultProfile('panthaver')];
}

export { opsigelser55, panthaver52 };
