/**
 * Damage properties over the fixtures (good, broken and invalid), found by fuzzing: whatever the
 * input, every CONTRL we write passes our own check as a received CONTRL, and what comes before
 * a UNB does not change the report of the interchange it opens.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/syntax/read.js';
import { validate } from '../../src/validate/index.js';
import type { ContrlDetail, InterchangeReport } from '../../src/validate/types.js';
import { NOW } from './helpers.js';

const dirs = ['fixtures', 'fixtures/invalid', 'fixtures/broken'];
const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.edi')).map((f) => `${dir}/${f}`));
const texts = new Map(files.map((f) => [f, readFileSync(f, 'latin1')]));
const good = readdirSync('fixtures').filter((f) => f.endsWith('.edi')).map((f) => `fixtures/${f}`);

/** The component and data element separators a text is written with (its UNA's, else the defaults). */
function separators(text: string): { component: string; element: string } {
  return text.startsWith('UNA') ? { component: text[3]!, element: text[4]! } : { component: ':', element: '+' };
}

/** `text` with `run` separators and an `X` after the tag of its segment `pick`: data at a component or element position past the run. */
function separatorRun(text: string, pick: number, run: number, kind: 'component' | 'element'): string {
  const { segments } = parse(Buffer.from(text, 'latin1'), { errors: 'collect' });
  if (segments.length === 0) return text;
  const at = segments[pick % segments.length]!.offset + 3;
  return `${text.slice(0, at)}${separators(text)[kind].repeat(run)}X${text.slice(at)}`;
}

async function expectContrlsPass(reports: readonly InterchangeReport[], what: string): Promise<void> {
  for (const r of reports) {
    if (r.contrl === '') continue;
    const [check] = await validate(Buffer.from(r.contrl, 'latin1'), { now: NOW });
    expect(check!.errors, `${what}\n${r.contrl}`).toEqual([]);
    expect(check!.messages.map((m) => m.errors), `${what}\n${r.contrl}`).toEqual([[]]);
  }
}

/** What an interchange's report says, without offsets (they move with what comes before it). */
function gist(r: InterchangeReport): unknown {
  const rows = (errors: InterchangeReport['errors']) => errors.map((e) => [e.code, e.rule, e.segment, e.segmentPosition, e.element, e.component, e.message]);
  return { accepted: r.accepted, errors: rows(r.errors), messages: r.messages.map((m) => [m.status, rows(m.errors)]), contrl: r.contrl.replace(/^[^']*'[^']*'/, '') };
}

describe('damaged fixtures (property)', () => {
  it('every CONTRL passes our own check, also with data past 999 components or elements (S011 0098, 0104 n..3)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.nat(),
        fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 990, max: 1200 })),
        fc.constantFrom<'component' | 'element'>('component', 'element'),
        fc.constantFrom<ContrlDetail>('interchange', 'message', 'segment'),
        async (file, pick, run, kind, detail) => {
          const text = separatorRun(texts.get(file)!, pick, run, kind);
          await expectContrlsPass(await validate(Buffer.from(text, 'latin1'), { now: NOW, detail }), `${file} segment ${pick} ${kind} ${run} ${detail}`);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an interchange is reported alike after junk or an interchange without UNZ, with its UNB or UNA broken or not', async () => {
    const unclosed = "UNA:+.? 'UNB+UNOC:3+33333333:ZZ+44444444:ZZ+241120:2300+OTHER'UNH+1+OPSIGE:1:911:UN'BGM+9'";
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...good),
        fc.constantFrom("XXX+1'\n", unclosed, `${unclosed}UNT+2+1'\n`),
        fc.constantFrom<Array<[string, string]>>([], [['UNOC:3', 'UNOC:5']], [['UNOC:3', 'UNOD:3']], [["UNA:+.? '", "UNA:E.? '"]]),
        async (file, before, damage) => {
          const text = damage.reduce((t, [from, to]) => t.replace(from, to), texts.get(file)!);
          const alone = await validate(Buffer.from(text, 'latin1'), { now: NOW, contrlReference: () => 'C' });
          const after = await validate(Buffer.from(before + text, 'latin1'), { now: NOW, contrlReference: () => 'C' });
          expect(after.slice(-alone.length).map(gist), `${file} after ${JSON.stringify(before)}, ${JSON.stringify(damage)}`).toEqual(alone.map(gist));
        },
      ),
      { numRuns: 80 },
    );
  });
});
