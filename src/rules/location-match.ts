/**
 * Insured locations (forsikringssted) of building insurance, matched as the guide suggests:
 * the first 3 letters of the street name, the house number and the postcode. Rule
 * `accept.building-location`.
 *
 * @module
 */
import type { Address } from '../messages/types/common.js';
import { foldDanish } from './text-match.js';

/** A street line split into the street name and the house number (with its letter, e.g. `12B`). */
export interface StreetParts {
  /** The street name: the text before the first digit, e.g. `H.C. Andersens Boulevard`. */
  streetName: string;
  /** The house number with an optional letter, upper-cased without spaces (`12 b` → `12B`), or `''`. */
  houseNumber: string;
}

/**
 * Splits a street line (`Østergade 12, 2. th.`) into street name (`Østergade`) and house
 * number (`12`). Floor and door after the house number are ignored.
 */
export function splitStreet(street: string): StreetParts {
  const match = /^(.*?)(\d+)\s*([A-Za-zÆØÅæøå](?![A-Za-zÆØÅæøå.]))?/.exec(street);
  if (match === null) return { streetName: street.trim(), houseNumber: '' };
  const streetName = trimSpacesAndCommas(match[1] ?? '');
  return { streetName, houseNumber: `${match[2] ?? ''}${(match[3] ?? '').toUpperCase()}` };
}

/**
 * `text` without leading white space and without trailing white space and commas. A scan from
 * the end, not `/[\s,]+$/`: that regex restarts at every space of a long run that is followed
 * by something else, quadratic in the run (a street line is untrusted input).
 */
function trimSpacesAndCommas(text: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text[end - 1] as string;
    // `trim` removes exactly what `\s` matches.
    if (ch !== ',' && ch.trim() !== '') break;
    end--;
  }
  return text.slice(0, end).trimStart();
}

/** The first 3 letters of a street name, Danish letters transliterated (`Åbyvej` → `aab`). */
export function streetKey(streetName: string): string {
  return foldDanish(streetName).replace(/[^a-z]/g, '').slice(0, 3);
}

/** Which parts of two locations differ; empty when they match. */
export type LocationDifference = 'street' | 'houseNumber' | 'postcode';

/** The parts of a location that are compared, each `''` when the address lacks it. */
export type LocationParts = Record<LocationDifference, string>;

/** The compared parts of an address: street key (first 3 letters), house number, postcode digits. */
export function locationParts(address: Address): LocationParts {
  const { streetName, houseNumber } = splitStreet(address.street ?? '');
  return { street: streetKey(streetName), houseNumber, postcode: (address.postcode ?? '').replace(/\D/g, '') };
}

const COMPARED: readonly LocationDifference[] = ['street', 'houseNumber', 'postcode'];

/**
 * Compares the insured location received in a cancellation with the one on the policy:
 * first 3 letters of the street name, house number, and postcode (digits only).
 * Returns the parts that differ. A part missing on either side, or on both, counts as
 * different: there is nothing to match it on.
 */
export function compareLocations(received: Address, onPolicy: Address): LocationDifference[] {
  const a = locationParts(received);
  const b = locationParts(onPolicy);
  return COMPARED.filter((part) => a[part] === '' || a[part] !== b[part]);
}

/** An address as one line for explanations: `Brogade 3, 5970, Ærøskøbing` (the parts it has). */
export function describeAddress(address: Address): string {
  return [address.street, address.postcode, address.city].filter((part) => part !== undefined).join(', ');
}
