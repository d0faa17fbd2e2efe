/**
 * The `fp-edifact/testing` arbitraries check what they are given when they are called: an
 * `exchange` that contradicts the `profile`, a `maxMessages` of 0, a profile of the other
 * exchange or a text length out of range fails at once with an error naming the option (or
 * argument), its value and what is allowed — not later, when fast-check samples the arbitrary
 * and fails with its own error (`fc.integer maximum value should be …`) or an encode error deep
 * inside, and not silently (`exchange: 'foo'` generated panthaver messages).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { arbInterchangeText, arbOpsigelse, arbPanthaver, arbText } from '../../src/testing.js';

const OPS = `the opsigelser profile "${opsigelser55.id}"`;
const PANT = `the panthaver profile "${panthaver52.id}"`;

describe('arbInterchangeText checks its options when called', () => {
  it.each([
    ['exchange panthaver, opsigelser profile', { exchange: 'panthaver', profile: opsigelser55 }, TypeError, `fp-edifact/testing: arbInterchangeText: option exchange "panthaver" conflicts with option profile, ${OPS}; give a panthaver profile or leave exchange out`],
    ['exchange opsigelser, panthaver profile', { exchange: 'opsigelser', profile: panthaver52 }, TypeError, `fp-edifact/testing: arbInterchangeText: option exchange "opsigelser" conflicts with option profile, ${PANT}; give an opsigelser profile or leave exchange out`],
    ['exchange foo', { exchange: 'foo' }, TypeError, `fp-edifact/testing: arbInterchangeText: option exchange must be 'opsigelser' or 'panthaver', got "foo"`],
    ['profile a string', { profile: 'x' }, TypeError, 'fp-edifact/testing: arbInterchangeText: option profile must be a guide profile, got "x"'],
    ['profile of no exchange', { profile: { exchange: 'motor' } }, TypeError, 'fp-edifact/testing: arbInterchangeText: option profile must be a guide profile, got an object'],
    ['maxMessages 0', { maxMessages: 0 }, RangeError, 'fp-edifact/testing: arbInterchangeText: option maxMessages must be a whole number >= 1, got 0'],
    ['maxMessages -2', { maxMessages: -2 }, RangeError, 'fp-edifact/testing: arbInterchangeText: option maxMessages must be a whole number >= 1, got -2'],
    ['maxMessages 1.5', { maxMessages: 1.5 }, RangeError, 'fp-edifact/testing: arbInterchangeText: option maxMessages must be a whole number >= 1, got 1.5'],
    ['maxMessages NaN', { maxMessages: Number.NaN }, RangeError, 'fp-edifact/testing: arbInterchangeText: option maxMessages must be a whole number >= 1, got NaN'],
    ['maxMessages a string', { maxMessages: '3' }, TypeError, 'fp-edifact/testing: arbInterchangeText: option maxMessages must be a whole number >= 1, got "3"'],
    ['options a string', 'panthaver', TypeError, 'fp-edifact/testing: arbInterchangeText: options must be an object, got "panthaver"'],
  ])('%s', (_label, options, type, message) => {
    expect(() => arbInterchangeText(options as never)).toThrow(new type(message));
  });

  it('takes options that agree, and gives 1 to maxMessages messages', () => {
    const check = (options: Parameters<typeof arbInterchangeText>[0], exchange: string, max: number): void =>
      fc.assert(
        fc.property(arbInterchangeText(options), (g) => {
          expect(g.messages.length).toBeGreaterThanOrEqual(1);
          expect(g.messages.length).toBeLessThanOrEqual(max);
          expect(g.messages.every((m) => ('caseReference' in m ? 'opsigelser' : 'panthaver') === exchange)).toBe(true);
        }),
        { numRuns: 10 },
      );
    check({ exchange: 'panthaver', profile: panthaver52, maxMessages: 1 }, 'panthaver', 1);
    check({ exchange: 'opsigelser', profile: opsigelser55, maxMessages: 2 }, 'opsigelser', 2);
    check({ profile: panthaver52, maxMessages: undefined }, 'panthaver', 4);
    check({ exchange: 'panthaver' }, 'panthaver', 4);
  });
});

describe('arbOpsigelse and arbPanthaver check their profile when called', () => {
  it.each([
    ['arbOpsigelse(cancellation, panthaver52)', () => arbOpsigelse('cancellation', panthaver52), `fp-edifact/testing: arbOpsigelse: argument profile must be an opsigelser guide profile, got ${PANT}`],
    ['arbOpsigelse(undefined, x)', () => arbOpsigelse(undefined, 'x' as never), 'fp-edifact/testing: arbOpsigelse: argument profile must be an opsigelser guide profile, got "x"'],
    ['arbPanthaver(undefined, opsigelser55)', () => arbPanthaver(undefined, opsigelser55), `fp-edifact/testing: arbPanthaver: argument profile must be a panthaver guide profile, got ${OPS}`],
    ['arbPanthaver(accept, null)', () => arbPanthaver('accept', null as never), 'fp-edifact/testing: arbPanthaver: argument profile must be a panthaver guide profile, got null'],
  ])('%s', (_label, call, message) => {
    expect(call).toThrow(new TypeError(message));
  });
});

describe('arbText checks its lengths when called', () => {
  it.each([
    ['arbText(0)', () => arbText(0), RangeError, 'fp-edifact/testing: arbText: argument max must be a whole number >= min (1), got 0'],
    ['arbText(-1, 0)', () => arbText(-1, 0), RangeError, 'fp-edifact/testing: arbText: argument max must be a whole number >= min (0), got -1'],
    ['arbText(3, 5)', () => arbText(3, 5), RangeError, 'fp-edifact/testing: arbText: argument max must be a whole number >= min (5), got 3'],
    ['arbText(Number.NaN)', () => arbText(Number.NaN), RangeError, 'fp-edifact/testing: arbText: argument max must be a whole number >= min (1), got NaN'],
    ['arbText("9")', () => arbText('9' as never), TypeError, 'fp-edifact/testing: arbText: argument max must be a whole number >= min (1), got "9"'],
    ['arbText(5, -1)', () => arbText(5, -1), RangeError, 'fp-edifact/testing: arbText: argument min must be a whole number >= 0, got -1'],
    ['arbText(5, 0.5)', () => arbText(5, 0.5), RangeError, 'fp-edifact/testing: arbText: argument min must be a whole number >= 0, got 0.5'],
  ])('%s', (_label, call, type, message) => {
    expect(call).toThrow(new type(message));
  });

  it('gives min to max characters, the empty string only when min is 0', () => {
    expect(fc.sample(arbText(0, 0), 5)).toEqual(['', '', '', '', '']);
    for (const s of fc.sample(arbText(3, 2), 50)) expect([...s].length).toBeGreaterThanOrEqual(2);
    for (const s of fc.sample(arbText(3, 2), 50)) expect([...s].length).toBeLessThanOrEqual(3);
  });
});
