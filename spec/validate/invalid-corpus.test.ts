/**
 * The invalid corpus (`fixtures/invalid`, written by make-invalid.mjs): every file through the
 * CLI function, JSON checked against its `.expect.json` (the subset it names).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonError, JsonInterchangeReport } from '../../src/validate/format/json.js';
import { parseLines, runValidate } from './helpers.js';

const dir = 'fixtures/invalid';
const files = readdirSync(dir).filter((f) => f.endsWith('.edi')).sort();

interface ExpectedError {
  code: string;
  rule?: string;
  segment?: string;
  segmentPosition?: number | null;
  element?: number | null;
  component?: number | null;
}
interface ExpectedInterchange {
  accepted: boolean;
  messages?: Array<{ index: number; status: string; errors?: ExpectedError[] }>;
  errors?: ExpectedError[];
}
interface Expectation extends Partial<ExpectedInterchange> {
  note: string;
  options?: { ownVir?: string; knownSenders?: string[]; detail?: 'message' | 'segment' };
  interchanges?: ExpectedInterchange[];
}

function matches(actual: JsonError, want: ExpectedError): boolean {
  return Object.entries(want).every(([k, v]) => (actual as unknown as Record<string, unknown>)[k] === v);
}

function describeErrors(errors: JsonError[]): string {
  return errors.map((e) => `${e.code}${e.rule ? `/${e.rule}` : ''} @${e.segment}:${e.segmentPosition} ${e.element}:${e.component} ${e.message}`).join('\n');
}

function check(report: JsonInterchangeReport, want: ExpectedInterchange): void {
  expect(report.accepted, `accepted\n${describeErrors(report.errors)}\n${report.messages.map((m) => describeErrors(m.errors)).join('\n')}`).toBe(want.accepted);
  for (const w of want.errors ?? []) {
    expect(report.errors.some((e) => matches(e, w)), `interchange error ${JSON.stringify(w)} among\n${describeErrors(report.errors)}`).toBe(true);
  }
  for (const wm of want.messages ?? []) {
    const m = report.messages.find((x) => x.index === wm.index);
    expect(m, `message ${wm.index}`).toBeDefined();
    expect(m!.status, `status of message ${wm.index}\n${describeErrors(m!.errors)}`).toBe(wm.status);
    for (const w of wm.errors ?? []) {
      expect(m!.errors.some((e) => matches(e, w)), `error ${JSON.stringify(w)} in message ${wm.index} among\n${describeErrors(m!.errors)}`).toBe(true);
    }
  }
}

describe('invalid corpus through validateCommand --json', () => {
  it('has at least 60 broken files, each with its expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    for (const f of files) expect(readdirSync(dir)).toContain(f.replace(/\.edi$/, '.expect.json'));
  });

  it('covers every CONTRL code of the table', () => {
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(dir, f.replace(/\.edi$/, '.expect.json')), 'utf8');
      for (const m of text.matchAll(/"code": "(\d+)"/g)) codes.add(m[1]!);
    }
    for (const c of ['2', '7', '12', '13', '14', '15', '16', '19', '21', '22', '23', '26', '28', '29', '32', '35', '36', '37', '39', '40']) expect([...codes]).toContain(c);
  });

  for (const file of files) {
    it(file, async () => {
      const want = JSON.parse(readFileSync(join(dir, file.replace(/\.edi$/, '.expect.json')), 'utf8')) as Expectation;
      const { code, stdout, stderr } = await runValidate(readFileSync(join(dir, file)), want.options ?? {});
      expect(stderr).toBe('');
      const reports = parseLines(stdout);
      const wanted = want.interchanges ?? [want as ExpectedInterchange];
      expect(reports.length).toBe(wanted.length);
      reports.forEach((r, i) => check(r, wanted[i]!));
      const clean = reports.every((r) => r.accepted && r.messages.every((m) => m.status === 'accepted'));
      expect(code).toBe(clean ? 0 : 1);
      expect(code).toBe(1);
    });
  }
});
