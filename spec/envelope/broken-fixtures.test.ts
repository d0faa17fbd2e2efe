import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';

const dir = 'fixtures/broken';
const cases = readdirSync(dir).filter((f) => f.endsWith('.edi'));

interface Expectation {
  code: string;
  offset: number;
  segmentNumber: number | null;
  tag: string | null;
}

describe('broken fixtures give the expected code at the expected position', () => {
  it('has the broken corpus', () => expect(cases.length).toBeGreaterThanOrEqual(14));
  for (const file of cases) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.edi$/, '.expect.json')), 'utf8')) as Expectation;
      const { errors } = parseInterchanges(readFileSync(join(dir, file)), { errors: 'collect' });
      expect(errors.length).toBeGreaterThan(0);
      const first = errors.find((e) => e.code === expected.code);
      expect(first, `errors: ${errors.map((e) => e.message).join('; ')}`).toBeDefined();
      expect(first?.offset).toBe(expected.offset);
      expect(first?.segmentNumber ?? null).toBe(expected.segmentNumber);
      expect(first?.tag ?? null).toBe(expected.tag);
    });
  }
});
