import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reencode } from './helpers.js';

const DIR = join(import.meta.dirname, '../../fixtures');
const files = readdirSync(DIR).filter((f) => f.endsWith('.edi')).sort();

describe('every fixture: decode → encode → write is byte-identical', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  it.each(files)('%s', (file) => {
    const bytes = readFileSync(join(DIR, file));
    const { output, values } = reencode(bytes);
    expect(values.length).toBeGreaterThan(0);
    expect(output.toString('latin1')).toBe(bytes.toString('latin1'));
    expect(output.equals(bytes)).toBe(true);
  });
});
