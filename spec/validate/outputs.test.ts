/**
 * What the validator writes is itself valid: every CONTRL and every 12'er parses without
 * errors with fp-edifact and validates (CONTRL against CONTRL_STRUCTURE); every good fixture
 * validates with no error and gets a CONTRL saying 7.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { CONTRL_STRUCTURE } from '../../src/schema/contrl.js';
import { matchStructure } from '../../src/schema/match.js';
import { validate } from '../../src/validate/index.js';
import type { ContrlDetail, InterchangeReport } from '../../src/validate/types.js';
import { NOW } from './helpers.js';

const good = readdirSync('fixtures').filter((f) => f.endsWith('.edi')).sort();
const invalid = readdirSync('fixtures/invalid').filter((f) => f.endsWith('.edi')).sort();
/** Cases where the message lacks what a 12'er must copy (the case reference), so no 12'er can be built. */
const NO_REPLY_POSSIBLE = new Set(['f01-case-reference-empty.edi']);

/** Parses and validates a written interchange; returns its one report. */
async function selfCheck(text: string, what: string): Promise<InterchangeReport> {
  const parsed = parseInterchanges(text, { errors: 'collect' });
  expect(parsed.errors.map((e) => e.message), `${what} parses without errors`).toEqual([]);
  expect(parsed.interchanges.length).toBe(1);
  const [report] = await validate(text, { now: NOW });
  expect(report!.accepted, `${what} is accepted:\n${text}\n${JSON.stringify(report!.errors)}`).toBe(true);
  for (const m of report!.messages) expect(m.errors, `${what} message ${m.index}:\n${text}`).toEqual([]);
  return report!;
}

async function checkContrl(contrl: string, answered: InterchangeReport, what: string): Promise<void> {
  await selfCheck(contrl, what);
  const ic = parseInterchanges(contrl).interchanges[0]!;
  const msg = ic.messages[0]!;
  expect(ic.messages.length).toBe(1);
  expect(`${msg.header.type}:${msg.header.version}:${msg.header.release}:${msg.header.agency}`).toBe('CONTRL:2:2:UN');
  expect(matchStructure(msg.segments, CONTRL_STRUCTURE).issues).toEqual([]);
  const h = answered.header!;
  expect(ic.header!.sender.id).toBe(h.recipient.id);
  expect(ic.header!.recipient.id).toBe(h.sender.id);
  const uci = msg.segments[1]!;
  expect(uci.tag).toBe('UCI');
  expect(uci.elements[0]).toEqual([h.reference]);
  expect(uci.elements[1]![0]).toBe(h.sender.id);
  expect(uci.elements[2]![0]).toBe(h.recipient.id);
  expect(uci.elements[3]).toEqual([answered.accepted ? '7' : '4']);
}

async function checkReply(reply: string, answered: InterchangeReport, code: string, what: string): Promise<void> {
  await selfCheck(reply, what);
  const ic = parseInterchanges(reply).interchanges[0]!;
  const h = answered.header!;
  expect(ic.header!.sender.id).toBe(h.recipient.id);
  expect(ic.header!.recipient.id).toBe(h.sender.id);
  const segs = ic.messages[0]!.segments;
  const tags = segs.map((s) => s.tag);
  expect(segs[1]!.elements[0]).toEqual(['12']);
  expect(segs.find((s) => s.tag === 'ERC')!.elements[0]).toEqual([code]);
  for (const t of tags) expect(['UNH', 'BGM', 'ERC', 'RFF', 'DTM', 'FTX', 'NAD', 'BRC', 'UNT']).toContain(t);
  const nads = segs.filter((s) => s.tag === 'NAD');
  expect(nads[0]!.elements[1]![0]).toBe(h.sender.id);
  expect(nads[1]!.elements[1]![0]).toBe(h.recipient.id);
  if (code === 'F02' || code === 'F03') expect(tags).toContain('FTX');
}

describe('every good fixture validates with no error; its CONTRL says 7 and is valid', () => {
  for (const file of good) {
    it(file, async () => {
      const reports = await validate(readFileSync(join('fixtures', file)), { now: NOW });
      expect(reports.length).toBeGreaterThan(0);
      for (const r of reports) {
        expect(r.errors).toEqual([]);
        for (const m of r.messages) expect({ index: m.index, status: m.status, errors: m.errors, warnings: m.warnings }).toEqual({ index: m.index, status: 'accepted', errors: [], warnings: [] });
        expect(r.accepted).toBe(true);
        expect(r.contrl).toMatch(/UCI\+[^']*\+7'/);
        await checkContrl(r.contrl, r, `CONTRL of ${file}`);
      }
    });
  }
});

describe('CONTRL and 12\'er of every invalid file, in every detail, are valid EDIFACT', () => {
  for (const file of invalid) {
    it(file, async () => {
      const want = JSON.parse(readFileSync(join('fixtures/invalid', file.replace(/\.edi$/, '.expect.json')), 'utf8')) as { options?: Record<string, unknown> };
      for (const detail of ['interchange', 'message', 'segment'] as ContrlDetail[]) {
        const reports = await validate(readFileSync(join('fixtures/invalid', file)), { now: NOW, ...want.options, detail });
        for (const r of reports) {
          if (r.contrl !== '') await checkContrl(r.contrl, r, `${detail} CONTRL of ${file}`);
          if (r.header === null || r.header.reference === '') expect(r.contrl).toBe('');
          for (const m of r.messages) {
            if (m.status === 'content-error' && NO_REPLY_POSSIBLE.has(file)) {
              expect(m.reply).toBeNull();
            } else if (m.status === 'content-error') {
              expect(m.reply, `12'er of ${file} message ${m.index}`).not.toBeNull();
              await checkReply(m.reply!, r, m.errors[0]!.code, `12'er of ${file} message ${m.index}`);
            } else {
              expect(m.reply).toBeNull();
            }
          }
        }
      }
    });
  }
});
