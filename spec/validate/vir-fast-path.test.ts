/**
 * The validator checks a VIR-typed NAD id with a digit loop when the profile's rule is a fixed
 * digit count (the shipped `^[0-9]{8}$`), and with the rule's regex otherwise: both must give
 * exactly the regex's answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileVirRule, VIR_MAX_LENGTH, virMatcher } from '../../src/schema/identifiers.js';

const ids = fc.oneof(
  fc.stringMatching(/^[0-9]{0,12}$/),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('12345678', 'DK123456', '1234567', '123456789', '1234567a', '٠١٢٣٤٥٦٧', '１２３４５６７８', '1234 678', '-1234567', '/1234567', ':1234567', '9'.repeat(36)),
);

describe.each([
  ['the shipped rule', '^[0-9]{8}$'],
  ['\\d with another count', '^\\d{5}$'],
  ['a rule that is no digit count', '^(?:DK)?[0-9]{6,8}$'],
  ['a digit count or an alternative', '^(?:[0-9]{8}|DK[0-9]{6})$'],
])('%s', (_name, pattern) => {
  const compiled = compileVirRule({ pattern, description: 'test rule' });
  const matches = virMatcher(compiled);
  const regex = compiled.regex;

  it('answers as the rule’s regex does', () => {
    fc.assert(fc.property(ids, (id) => {
      expect(matches(id)).toBe(id.length <= VIR_MAX_LENGTH && regex.test(id));
    }), { numRuns: 2000 });
  });
});
