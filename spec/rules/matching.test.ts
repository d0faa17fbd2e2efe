import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLocations, splitStreet, streetKey } from '../../src/rules/location-match.js';
import { compareNames, comparePartyNames, samePersonId } from '../../src/rules/name-match.js';
import { isMissingPolicyNumber, matchPolicyNumber, unmaskPolicyNumber } from '../../src/rules/policy-number.js';
import { compareRegistrationNumbers } from '../../src/rules/registration-number.js';
import { earliestOnTimeRenewal, isRenewalDate, nextRenewalOnOrAfter } from '../../src/rules/renewal.js';
import { editDistance, foldDanish } from '../../src/rules/text-match.js';

describe('policy numbers', () => {
  it('un-masks spaces, dashes, dots and slashes, keeping zeros, prefixes and other characters', () => {
    expect(unmaskPolicyNumber(' 00-123.456/7 ')).toBe('001234567');
    expect(unmaskPolicyNumber('byg-778812')).toBe('BYG778812');
    expect(unmaskPolicyNumber('00-123+456')).toBe('00123+456');
  });
  it('recognises the numbers the guide forbids', () => {
    for (const n of ['', '   ', 'ukendt', 'UKENDT', '???', '?', ' - ']) expect(isMissingPolicyNumber(n)).toBe(true);
    for (const n of ['0', 'A1', '12?']) expect(isMissingPolicyNumber(n)).toBe(false);
  });
  it('decides as its definition does, the digit shortcut included (property)', () => {
    // The guide's three forbidden forms, read on the trimmed number, with no shortcut.
    const byDefinition = (n: string): boolean => {
      const t = n.trim();
      return unmaskPolicyNumber(t) === '' || t.toLowerCase() === 'ukendt' || /^\?+$/.test(t);
    };
    const chars = fc.constantFrom(...'0179?-./ \t\u00a0\u2028\ufeffukendtUKENDTxÅ+');
    const numbers = fc.oneof(fc.array(chars, { maxLength: 10 }).map((a) => a.join('')), fc.constantFrom('ukendt', ' UKendt ', '?0?', '\u00a0???\u00a0'));
    fc.assert(fc.property(numbers, (n) => isMissingPolicyNumber(n) === byDefinition(n)), { numRuns: 3000 });
  });
  it('matches current and old numbers', () => {
    expect(matchPolicyNumber('00 123 456', '00-123-456')).toEqual({ matched: true, via: 'current', number: '00-123-456' });
    expect(matchPolicyNumber('A-1', 'B2', ['X9', 'a1'])).toEqual({ matched: true, via: 'old', number: 'a1' });
    expect(matchPolicyNumber('0123456', '00123456')).toEqual({ matched: false });
    expect(matchPolicyNumber('???', '???')).toEqual({ matched: false });
  });
  it('matches any masking of the same number (property)', () => {
    const masked = fc.tuple(fc.stringMatching(/^[A-Z0-9]{1,12}$/), fc.array(fc.constantFrom(' ', '-', '.', '/'), { maxLength: 12 })).map(([n, seps]) => {
      const chars = [...n];
      seps.forEach((s, i) => chars.splice((i * 7) % (chars.length + 1), 0, s));
      return [n, chars.join('')] as const;
    });
    fc.assert(fc.property(masked, ([n, m]) => matchPolicyNumber(m, n).matched === true));
  });
});

describe('names', () => {
  it.each([
    ['Jens Hansen', 'jens  hansen', 'same'],
    ['Hansen, Jens', 'Jens Hansen', 'insignificant'],
    ['Søren Ågård', 'Soeren Aagaard', 'insignificant'],
    ['Hans-Peter Nielsen', 'Hanspeter Nielsen', 'insignificant'],
    ['Jens Hansen', 'Jens Peter Hansen', 'similar'],
    ['J. P. Hansen', 'Jens Peter Hansen', 'similar'],
    ['Jens Hanssen', 'Jens Hansen', 'similar'],
    ['Mette Frederiksen', 'Jens Hansen', 'different'],
    ['J. Olsen', 'Jens Hansen', 'different'],
  ] as const)('%s / %s → %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
  });
  it('is symmetric (property)', () => {
    const name = fc.array(fc.constantFrom('Jens', 'Hansen', 'J.', 'Peter', 'Ågård', 'Aagaard', 'Olsen'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    fc.assert(fc.property(name, name, (a, b) => compareNames(a, b) === compareNames(b, a)));
  });
  it('uses name line 2 as a continuation', () => {
    expect(comparePartyNames({ name: 'Anne-Marie Christiansen', name2: 'Vestergaard' }, { name: 'Anne-Marie Christiansen Vestergaard' })).toBe('same');
  });
  it('compares CPR/CVR numbers without formatting', () => {
    expect(samePersonId({ value: '010180-1234', type: 'CPR' }, { value: '0101801234', type: 'CPR' })).toBe(true);
    expect(samePersonId({ value: '12345678', type: 'CVR' }, { value: '12345678', type: 'CPR' })).toBe(false);
    expect(samePersonId(undefined, { value: '1', type: 'CPR' })).toBe(false);
  });
});

describe('insured locations', () => {
  it('splits street name and house number', () => {
    expect(splitStreet('Østergade 12, 2. th.')).toEqual({ streetName: 'Østergade', houseNumber: '12' });
    expect(splitStreet('Brogade 3 b')).toEqual({ streetName: 'Brogade', houseNumber: '3B' });
    expect(splitStreet('H.C. Andersens Boulevard 27')).toEqual({ streetName: 'H.C. Andersens Boulevard', houseNumber: '27' });
    expect(splitStreet('Vestervej 4 th')).toEqual({ streetName: 'Vestervej', houseNumber: '4' });
    expect(splitStreet('Bakken')).toEqual({ streetName: 'Bakken', houseNumber: '' });
  });
  it('keys streets on their first 3 letters, Danish letters transliterated', () => {
    expect(streetKey('Åbyvej')).toBe(streetKey('Aabyhøjvej'));
    expect(streetKey('Østergade')).toBe('oes');
  });
  it('reports which parts differ', () => {
    const ours = { street: 'Brogade 3', postcode: '5970' };
    expect(compareLocations({ street: 'Brogaden 3', postcode: '5970' }, ours)).toEqual([]);
    expect(compareLocations({ street: 'Algade 3', postcode: '5970' }, ours)).toEqual(['street']);
    expect(compareLocations({ street: 'Brogade 3A', postcode: '5970' }, ours)).toEqual(['houseNumber']);
    expect(compareLocations({ street: 'Brogade 3', postcode: '5000' }, ours)).toEqual(['postcode']);
    expect(compareLocations({ city: 'Ærøskøbing' }, ours)).toEqual(['street', 'houseNumber', 'postcode']);
  });
});

describe('registration numbers', () => {
  it('compares with tolerance', () => {
    expect(compareRegistrationNumbers('ab 12-345', 'AB12345')).toBe('same');
    expect(compareRegistrationNumbers('AB12346', 'AB12345')).toBe('close');
    expect(compareRegistrationNumbers('XY98765', 'AB12345')).toBe('different');
    expect(compareRegistrationNumbers(undefined, 'AB12345')).toBe('missing');
  });
});

describe('text helpers', () => {
  it('folds Danish letters and accents', () => {
    expect(foldDanish('Ågård Æble Øre Café')).toBe('aagaard aeble oere cafe');
  });
  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('æøå', 'æøå')).toBe(0);
  });
});

describe('renewal dates', () => {
  it('finds the next renewal date, yearly or by another interval', () => {
    expect(nextRenewalOnOrAfter({ renewalDate: '2020-03-01' }, '2024-03-02')).toBe('2025-03-01');
    expect(nextRenewalOnOrAfter({ renewalDate: '2020-03-01' }, '2024-03-01')).toBe('2024-03-01');
    expect(nextRenewalOnOrAfter({ renewalDate: '2030-03-01' }, '2024-03-02')).toBe('2025-03-01');
    expect(nextRenewalOnOrAfter({ renewalDate: '2020-01-31', intervalMonths: 1 }, '2024-02-10')).toBe('2024-02-29');
    expect(isRenewalDate({ renewalDate: '2020-01-01' }, '2025-01-01')).toBe(true);
    expect(isRenewalDate({ renewalDate: '2020-01-01' }, '2025-02-01')).toBe(false);
  });
  it('finds the first renewal date a cancellation is on time for', () => {
    expect(earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-11-29', '2025-01-01')).toBe('2025-01-01');
    expect(earliestOnTimeRenewal({ renewalDate: '2020-01-01' }, '2024-12-02', '2025-01-01')).toBe('2026-01-01');
    expect(() => nextRenewalOnOrAfter({ renewalDate: '2020-01-01', intervalMonths: 0 }, '2024-01-01')).toThrow(RangeError);
  });
});
