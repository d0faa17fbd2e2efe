/**
 * Our wording of every kind of issue a schema check reports (src/schema/issues.ts): pinned
 * here, so that no zod release changes what our errors say.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkSchema, issueText, issuesLine } from '../../src/schema/issues.js';

const messages = (schema: z.ZodType, value: unknown) => {
  const r = checkSchema(schema, value);
  return r.success ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('checkSchema words each issue itself', () => {
  it.each([
    ['a missing field', z.strictObject({ a: z.string() }), {}, 'a: is missing'],
    ['a string of the wrong type', z.strictObject({ a: z.string() }), { a: 5 }, 'a: must be a string, got 5'],
    ['a number of the wrong type', z.strictObject({ a: z.number() }), { a: '5' }, 'a: must be a number, got "5"'],
    ['a whole number', z.strictObject({ a: z.number().int() }), { a: 1.5 }, 'a: must be a whole number, got 1.5'],
    ['a boolean', z.strictObject({ a: z.boolean() }), { a: null }, 'a: must be true or false, got null'],
    ['an object', z.strictObject({ a: z.strictObject({}) }), { a: [] }, 'a: must be an object, got an array'],
    ['an array', z.strictObject({ a: z.array(z.string()) }), { a: 'x' }, 'a: must be an array, got "x"'],
    ['one value', z.strictObject({ a: z.literal(1) }), { a: 2 }, 'a: must be 1, got 2'],
    ['one of several values', z.strictObject({ a: z.enum(['X', 'Y']) }), { a: 'Z' }, 'a: must be one of "X", "Y", got "Z"'],
    ['too few characters', z.strictObject({ a: z.string().min(3) }), { a: 'ab' }, 'a: must have at least 3 characters, got 2'],
    ['one character at least', z.strictObject({ a: z.string().min(1) }), { a: '' }, 'a: must have at least 1 character, got 0'],
    ['too many characters', z.strictObject({ a: z.string().max(2) }), { a: 'abc' }, 'a: must have at most 2 characters, got 3'],
    ['an exact length', z.strictObject({ a: z.string().length(2) }), { a: 'abc' }, 'a: must have exactly 2 characters, got 3'],
    ['characters, not UTF-16 units', z.strictObject({ a: z.string().max(1) }), { a: 'ab' }, 'a: must have at most 1 character, got 2'],
    ['too few entries', z.strictObject({ a: z.array(z.string()).min(1) }), { a: [] }, 'a: must have at least 1 entry, got 0'],
    ['too many entries', z.strictObject({ a: z.array(z.string()).max(1) }), { a: ['x', 'y'] }, 'a: must have at most 1 entry, got 2'],
    ['a number too small', z.strictObject({ a: z.number().min(1) }), { a: 0 }, 'a: must be at least 1, got 0'],
    ['a number too big', z.strictObject({ a: z.number().max(9) }), { a: 10 }, 'a: must be at most 9, got 10'],
    ['a number not above a bound', z.strictObject({ a: z.number().gt(0) }), { a: 0 }, 'a: must be greater than 0, got 0'],
    ['a number not below a bound', z.strictObject({ a: z.number().lt(5) }), { a: 5 }, 'a: must be less than 5, got 5'],
    ['a multiple', z.strictObject({ a: z.number().multipleOf(5) }), { a: 7 }, 'a: must be a multiple of 5, got 7'],
    ['a pattern', z.strictObject({ a: z.string().regex(/^A$/) }), { a: 'B' }, 'a: must match /^A$/, got "B"'],
    ['a prefix', z.strictObject({ a: z.string().startsWith('x') }), { a: 'y' }, 'a: must start with "x", got "y"'],
    ['an unknown key', z.strictObject({}), { b: 1 }, ': has an unknown key "b"'],
    ['unknown keys', z.strictObject({}), { b: 1, c: 2 }, ': has unknown keys "b", "c"'],
    ['a discriminator', z.strictObject({ m: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('a') }), z.strictObject({ kind: z.literal('b') })]) }), { m: { kind: 'c' } }, 'm.kind: must be one of "a", "b", got "c"'],
    ['a missing discriminator', z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('a') })]), {}, 'kind: is missing'],
    ['a union', z.strictObject({ a: z.union([z.string(), z.number()]) }), { a: true }, 'a: fits none of the forms allowed here, got true'],
    ['a record value', z.record(z.string(), z.number()), { q: 'r' }, 'q: must be a number, got "r"'],
    ['a refinement without a text of its own', z.strictObject({ a: z.string().refine(() => false) }), { a: 'x' }, 'a: is invalid'],
  ])('%s', (_what, schema, value, expected) => {
    expect(messages(schema, value)).toEqual([expected]);
  });

  it("keeps a schema's own message (ours already)", () => {
    expect(messages(z.strictObject({ d: z.string().regex(/^\d{4}$/, 'four digits') }), { d: 'x' })).toEqual(['d: four digits']);
    expect(messages(z.strictObject({ d: z.string().refine(() => false, 'not a real calendar date') }), { d: 'x' })).toEqual(['d: not a real calendar date']);
  });

  it('shortens a long value it quotes and never shows an object', () => {
    expect(messages(z.strictObject({ a: z.number() }), { a: 'x'.repeat(60) })).toEqual([`a: must be a number, got "${'x'.repeat(40)}…"`]);
    expect(messages(z.strictObject({ a: z.string() }), { a: { secret: '0101801234' } })).toEqual(['a: must be a string, got an object']);
  });

  it('words a kind of issue it does not know (a later zod) as "is invalid"', () => {
    expect(issueText({ code: 'brand_new', input: 1 } as never)).toBe('is invalid');
  });

  it('joins issues into one line, naming the value itself as the caller says', () => {
    expect(issuesLine([{ path: '', message: 'is invalid' }, { path: 'a.b', message: 'is missing' }], '(root)')).toBe('(root): is invalid; a.b: is missing');
  });
});
