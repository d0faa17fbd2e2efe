import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import { buildContentErrorReply } from '../../src/validate/reply.js';
import type { ValidationError } from '../../src/validate/types.js';
import { NOW } from './helpers.js';

// What a 12'er copies and says, at its edges. (Each could change without a test failing; found
// with Stryker and hand-applied mutants.)

const motor = parseInterchanges(readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1')).interchanges[0]!;
const header = motor.header!;
const segments = motor.messages[0]!.segments;

const violation = (n: number, message: string): ValidationError => ({ code: 'F02', rule: `rule-${n}`, segment: 'DTM', segmentPosition: 4, element: 1, component: 2, offset: null, message });
const reply = (errors: ValidationError[], segs = segments) => buildContentErrorReply({ profile: opsigelser55, segments: segs, header, errors, reference: 'R1', now: NOW() });
const texts = (text: string) =>
  parseInterchanges(text)
    .interchanges[0]!.messages[0]!.segments.filter((s) => s.tag === 'FTX')
    .flatMap((s) => s.elements[3] ?? []);

describe("the 12'er's explanation (FTX)", () => {
  it('names at most three violations, in printable Latin-1 (Danish letters kept), each cut at 210 characters', () => {
    const errors = [violation(1, 'dato for Søren'), violation(2, `lang ${'x'.repeat(300)}`), violation(3, 'styretegn\u0001 og \u2028'), violation(4, 'den fjerde')];
    // The lines go end to end into FTX 4440 components of up to 70 characters.
    const line2 = `rule-2 (segment 4 DTM): lang ${'x'.repeat(300)}`.slice(0, 210);
    expect(texts(reply(errors)!).join('')).toBe(`rule-1 (segment 4 DTM): dato for Søren${line2}rule-3 (segment 4 DTM): styretegn? og ?`);
  });

  it('is not built when the case reference is empty', () => {
    expect(reply([violation(1, 'x')])).not.toBeNull();
    const empty = segments.map((s) => (s.tag === 'RFF' && s.elements[0]![0] === 'OPS' ? { ...s, elements: [['OPS', '']] } : s));
    expect(empty.some((s) => s.tag === 'RFF' && s.elements[0]![0] === 'OPS')).toBe(true);
    expect(reply([violation(1, 'x')], empty)).toBeNull();
  });
});
