/** The library face: input forms, stream events, options, CONTRL detail, rules table. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchProfile } from '../../src/schema/patch.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import type { StructureEntry } from '../../src/schema/structure.js';
import {
  createMemoryDuplicateStore,
  unmappedRuleIds,
  validate,
  validateStream,
  validateStreamBatches,
  type DuplicateStore,
  type ValidationEvent,
} from '../../src/validate/index.js';
import { chunked, NOW } from './helpers.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi');
const batch = readFileSync('fixtures/batch-mixed.edi');
const strip = (r: object) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'header' ? undefined : v)));

describe('input forms', () => {
  it('bytes, text, one-byte chunks and a sync iterable give the same reports', async () => {
    const opts = { now: NOW, contrlReference: () => 'C1' };
    const a = await validate(batch, opts);
    const b = await validate(batch.toString('latin1'), opts);
    const c = await validate(chunked(batch, 1), opts);
    const d = await validate([batch.subarray(0, 100), batch.subarray(100)], opts);
    expect(strip(c)).toEqual(strip(a));
    expect(strip(d)).toEqual(strip(a));
    expect(b[0]!.messages.map((m) => m.status)).toEqual(a[0]!.messages.map((m) => m.status));
    expect(b[0]!.contrl).toBe(a[0]!.contrl);
  });

  it('refuses an input that is none of them with a TypeError saying what it takes (not "input is not async iterable")', async () => {
    for (const bad of [null, undefined, 5, {}]) {
      await expect(validate(bad as never), String(bad)).rejects.toThrow(/^fp-edifact: validate: input must be a string, a Uint8Array or an \(async\) iterable of them, got /);
    }
    await expect(validate([5] as never)).rejects.toThrow(/input must be a string or a Uint8Array/);
  });

  it('refuses a profile map with a null or non-object entry by naming it, not with "Cannot read properties of null"', async () => {
    for (const entry of [null, 5, 'fp-opsigelser/5.5-reconstructed']) {
      await expect(validate(motor, { profile: { OPSIGE: entry } as never })).rejects.toThrow(/^fp-edifact: validate: option profile is neither a guide profile nor a map of them \(profile\.OPSIGE is not one\)/);
    }
  });
});

describe('validateStream', () => {
  it('yields interchange-start, each message in order, then the interchange outcome', async () => {
    const events: ValidationEvent[] = [];
    for await (const ev of validateStream(readFileSync('fixtures/multi-interchange.edi'), { now: NOW })) events.push(ev);
    expect(events.map((e) => e.type)).toEqual(['interchange-start', 'message', 'interchange', 'interchange-start', 'message', 'interchange']);
    const ends = events.filter((e): e is Extract<ValidationEvent, { type: 'interchange' }> => e.type === 'interchange');
    expect(ends.map((e) => e.outcome.position)).toEqual([0, 1]);
    expect(ends.every((e) => e.outcome.accepted && e.outcome.counts.accepted === 1)).toBe(true);
  });

  it('reports segments outside any interchange as an interchange without UNB and no CONTRL', async () => {
    const [r] = await validate("UNH+1+OPSIGE:1:911:UN'BGM+9'UNT+3+1'", { now: NOW });
    expect(r!.header).toBeNull();
    expect(r!.contrl).toBe('');
    expect(r!.accepted).toBe(false);
    expect(r!.errors.map((e) => e.code)).toContain('33');
    expect(r!.messages.length).toBe(1);
  });

  it('validateStreamBatches yields the same events in arrays, one per piece validated, none empty', async () => {
    // Every fixture end to end, twice over: enough input for several pieces and many messages.
    const files = readdirSync('fixtures').filter((f) => f.endsWith('.edi'));
    const whole = Buffer.concat([...files, ...files].map((f) => readFileSync(`fixtures/${f}`)));
    const events: ValidationEvent[] = [];
    for await (const ev of validateStream(chunked(whole, 1000), { now: NOW })) events.push(ev);
    const batches: ValidationEvent[][] = [];
    for await (const batch of validateStreamBatches(chunked(whole, 1000), { now: NOW })) batches.push(batch);
    expect(batches.every((b) => b.length > 0)).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThan(events.length);
    expect(JSON.stringify(batches.flat())).toBe(JSON.stringify(events));
    expect(events.filter((e) => e.type === 'message').length).toBeGreaterThan(2 * files.length - 1);
  });

  it('reports an empty input as one interchange with error 13', async () => {
    const reports = await validate('', { now: NOW });
    expect(reports.length).toBe(1);
    expect(reports[0]!.errors.map((e) => e.code)).toEqual(['13']);
  });
});

describe('CONTRL', () => {
  it('is the F&P UCI-only CONTRL by default, with the interchange swapped and repeated', async () => {
    const [r] = await validate(motor, { now: NOW, contrlReference: () => 'CTRL1' });
    expect(r!.contrl).toBe(
      "UNA:+.? 'UNB+UNOC:3+22222222:ZZ+11111111:ZZ+241201:1000+CTRL1'UNH+1+CONTRL:2:2:UN'UCI+20241120230001+11111111:ZZ+22222222:ZZ+7'UNT+3+1'UNZ+1+CTRL1'",
    );
  });

  it('rejects with the first error: code, service segment tag and position', async () => {
    const text = motor.toString('latin1').replace('UNT+13+1', 'UNT+12+1');
    const [r] = await validate(text, { now: NOW, contrlReference: () => 'C' });
    expect(r!.contrl).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+29+UNT+2'");
  });

  it('gives S011 in UCI and UCM only with the service segment (0013) it points into', async () => {
    // An element error in BGM (a body segment; 1004 is not used): UCI and UCM name the code only; the position is UCD's.
    const text = motor.toString('latin1').replace("BGM+9'", "BGM+9+4711'");
    const [uci] = await validate(text, { now: NOW });
    expect(uci!.contrl).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+15'");
    const [ucm] = await validate(text, { now: NOW, detail: 'message' });
    expect(ucm!.contrl).toContain("UCM+1+OPSIGE:1:911:UN+4+15'");
    const [ucd] = await validate(text, { now: NOW, detail: 'segment' });
    expect(ucd!.contrl).toContain("UCM+1+OPSIGE:1:911:UN+4'UCS+2'UCD+15+3'");
  });

  it('answers a message its UCM cannot name (no UNH 0062 or S009) in the UCI, never with a UCM lacking them', async () => {
    const unnamed = {
      'no reference': motor.toString('latin1').replace('UNH+1+OPSIGE:1:911:UN', 'UNH++OPSIGE:1:911:UN').replace('UNT+13+1', 'UNT+13+'),
      'no S009': motor.toString('latin1').replace('UNH+1+OPSIGE:1:911:UN', 'UNH+1'),
      'S009 without its version': motor.toString('latin1').replace('UNH+1+OPSIGE:1:911:UN', 'UNH+1+OPSIGE'),
    };
    for (const [what, text] of Object.entries(unnamed)) {
      for (const detail of ['message', 'segment'] as const) {
        const [r] = await validate(text, { now: NOW, detail });
        expect(r!.accepted, `${what}, ${detail}`).toBe(false);
        expect(r!.contrl, `${what}, ${detail}`).toMatch(/UCI\+20241120230001\+11111111:ZZ\+22222222:ZZ\+4\+13\+UNH\+[23][^']*'UNT\+3\+1'/);
        // The CONTRL itself holds: validated as a received CONTRL it has no errors.
        const [check] = await validate(r!.contrl, { now: NOW });
        expect(check!.messages[0]!.errors, `${what}, ${detail}`).toEqual([]);
      }
    }
  });

  it('echoes what it answers in the CONTRL\'s own element lengths and charset, so the CONTRL passes our own check', async () => {
    // UNB 0020 an..14 with 20 characters, S002 0004 an..35 with 40 and 0007 an..4 with 5, UNH 0062 an..14 with 18, S009 over every length.
    const long = motor
      .toString('latin1')
      .replaceAll('20241120230001', 'R1234567890123456789')
      .replace('UNH+1+OPSIGE:1:911:UN', 'UNH+M12345678901234567+OPSIGEXX:1234:9111:UNXX:ASSOCIA')
      .replace('UNT+13+1', 'UNT+13+M12345678901234567')
      .replace('11111111:ZZ', `${'1'.repeat(40)}:ZZZZZ:ROUTE1234567890123`);
    for (const detail of ['interchange', 'message', 'segment'] as const) {
      const [r] = await validate(long, { now: NOW, detail });
      expect(r!.contrl, detail).toContain(`UCI+R1234567890123+${'1'.repeat(35)}:ZZZZ:ROUTE123456789+22222222:ZZ+4+`);
      if (detail !== 'interchange') expect(r!.contrl, detail).toContain('UCM+M1234567890123+OPSIGE:123:911:UNX:ASSOCI+4+');
      const [check] = await validate(r!.contrl, { now: NOW });
      expect(check!.errors, detail).toEqual([]);
      expect(check!.messages[0]!.errors, detail).toEqual([]);
    }
    // A UNOY (UTF-8) reference with a character the CONTRL's UNOC cannot carry: written as "?", not as bytes UNOC does not have.
    const utf8 = readFileSync('fixtures/unoy-utf8.edi', 'utf8').replaceAll('20241120230500', 'RØF-Ω');
    const [y] = await validate(Buffer.from(utf8, 'utf8'), { now: NOW });
    expect(y!.contrl).toContain("UCI+RØF-??+11111111:ZZ+22222222:ZZ+");
    const [check] = await validate(Buffer.from(y!.contrl, 'latin1'), { now: NOW });
    expect(check!.errors).toEqual([]);
    expect(check!.messages[0]!.errors).toEqual([]);
  });

  it('rejects an interchange with a UNA after its UNB in the UCI: 33 at UNA', async () => {
    const text = motor.toString('latin1').replace('UNH+1+', "UNA:+.? '\nUNH+1+");
    const [r] = await validate(text, { now: NOW, detail: 'message' });
    expect(r!.accepted).toBe(false);
    expect(r!.contrl).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+33+UNA'UNT+3+1'");
  });

  it('answers a UNA inside a message in its UCM (33, 0013 UNA), never in a UCS: a UNA has no segment position (0096 counts the segments UNT 0074 counts, UNH = 1)', async () => {
    // After BGM (message position 2): the segment after the UNA, RFF, is position 3 as sent.
    const text = motor.toString('latin1').replace("BGM+9'\n", "BGM+9'\nUNA:+.? '\n");
    for (const detail of ['message', 'segment'] as const) {
      const [r] = await validate(text, { now: NOW, detail, captureSegments: true });
      expect(r!.accepted, detail).toBe(true);
      const [m] = r!.messages;
      expect(m!.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.offset]), detail).toEqual([['33', 'UNA', null, null, text.indexOf('UNA:+.? \'\nRFF')]]);
      // No segment text is shown for it: position 3 is RFF's, which holds no error.
      expect(m!.segmentText, detail).toEqual({});
      expect(r!.contrl, detail).toContain("UCM+1+OPSIGE:1:911:UN+4+33+UNA'UNT+4+1'");
      expect(r!.contrl, detail).not.toContain('UCS');
      const [check] = await validate(r!.contrl, { now: NOW });
      expect(check!.errors, detail).toEqual([]);
      expect(check!.messages[0]!.errors, detail).toEqual([]);
    }
  });

  it('rejects a syntax 3 interchange whose UNA sets a repetition separator in the UCI: 20 at UNA element 5', async () => {
    const text = motor.toString('latin1').replace("UNA:+.? '", "UNA:+.?*'");
    const [r] = await validate(text, { now: NOW });
    expect(r!.contrl).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+20+UNA+6'");
  });

  it('rejects a syntax 3 interchange whose UNA sets a decimal mark other than comma or full stop in the UCI: 20 at UNA element 3', async () => {
    const text = motor.toString('latin1').replace("UNA:+.? '", "UNA:+;? '");
    const [r] = await validate(text, { now: NOW });
    expect(r!.contrl).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+4+20+UNA+4'");
  });

  it('detail message: one UCM per message, UCI 7 unless the envelope is broken', async () => {
    const text = batch.toString('latin1').replace("BGM+15'", "BGM+15'BGM+15'").replace('UNT+9+3', 'UNT+10+3');
    const [r] = await validate(text, { now: NOW, detail: 'message' });
    expect(r!.accepted).toBe(true);
    expect(r!.contrl).toContain("UCI+20241210220000+11111111:ZZ+22222222:ZZ+7'");
    expect(r!.contrl.match(/UCM\+/g)!.length).toBe(7);
    expect(r!.contrl).toContain("UCM+3+OPSIGE:1:911:UN+4+35'");
    expect(r!.contrl).toContain("UCM+2+OPSIGE:1:911:UN+7'");
  });

  it('detail message under a broken envelope: UCI 4 with the envelope error, UCMs of rejected messages only', async () => {
    const text = batch
      .toString('latin1')
      .replace("BGM+15'", "BGM+15'BGM+15'")
      .replace('UNT+9+3', 'UNT+10+3')
      .replace('UNZ+7+', 'UNZ+8+');
    const [r] = await validate(text, { now: NOW, detail: 'message' });
    expect(r!.accepted).toBe(false);
    expect(r!.contrl).toContain("UCI+20241210220000+11111111:ZZ+22222222:ZZ+4+29+UNZ+2'UCM+3+OPSIGE:1:911:UN+4+35'UNT+4+1'");
  });

  it('detail segment: UCS with the segment position and UCD with the element position', async () => {
    const text = motor.toString('latin1').replace('BRC+001:002', 'BRC+001:002:003').replace('DTM+287:20250101:102', 'DTM+287:20250101:102:X');
    const [r] = await validate(text, { now: NOW, detail: 'segment' });
    expect(r!.contrl).toContain("UCM+1+OPSIGE:1:911:UN+4'UCS+5'UCD+16+2:4'UCS+12'UCD+16+2:3'UNT+8+1'");
  });

  it('detail segment: a missing segment is a UCS with code 13 at the segment before it', async () => {
    const text = motor.toString('latin1').replace("BGM+9'\n", '').replace('UNT+13+1', 'UNT+12+1');
    const [r] = await validate(text, { now: NOW, detail: 'segment' });
    expect(r!.contrl).toContain("UCS+1+13'");
  });

  it('answers a test interchange (UNB 0035 = 1) with a CONTRL and 12\'ere marked test, and only then', async () => {
    const test = motor.toString('latin1').replace('+241120:2300+20241120230001', '+241120:2300+20241120230001++++++1').replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt');
    const unb = (text: string) => text.match(/UNB\+[^']*/)![0];
    const [r] = await validate(test, { now: NOW });
    expect(unb(r!.contrl)).toMatch(/^UNB\+UNOC:3\+22222222:ZZ\+11111111:ZZ\+241201:1000\+\w+\+\+\+\+\+\+1$/);
    expect(unb(r!.messages[0]!.reply!)).toMatch(/\+\+\+\+\+\+1$/);
    const [production] = await validate(motor.toString('latin1').replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt'), { now: NOW });
    expect(unb(production!.contrl)).toMatch(/\+241201:1000\+\w+$/);
    expect(unb(production!.messages[0]!.reply!)).not.toContain('++');
  });

  it('content errors do not touch the CONTRL', async () => {
    const text = motor.toString('latin1').replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt');
    const [r] = await validate(text, { now: NOW });
    expect(r!.messages[0]!.status).toBe('content-error');
    expect(r!.accepted).toBe(true);
    expect(r!.contrl).toMatch(/UCI\+[^']*\+7'/);
  });
});

describe('options', () => {
  it('a shared duplicate store finds the same interchange in a later run (26)', async () => {
    const duplicates = createMemoryDuplicateStore();
    const [first] = await validate(motor, { now: NOW, duplicates });
    const [second] = await validate(motor, { now: NOW, duplicates });
    expect(first!.accepted).toBe(true);
    expect(second!.errors.map((e) => e.code)).toEqual(['26']);
  });

  it('an async duplicate store is awaited', async () => {
    const seen = new Set<string>();
    const store: DuplicateStore = {
      seenInterchange: async (s, r) => seen.has(`${s}/${r}`) || (seen.add(`${s}/${r}`), false),
      seenMessage: async () => false,
    };
    await validate(motor, { duplicates: store, now: NOW });
    const [again] = await validate(motor, { duplicates: store, now: NOW });
    expect(again!.errors.map((e) => e.code)).toEqual(['26']);
  });

  it('the duplicate store is asked about every message with a reference, and never about one without', async () => {
    const asked: string[] = [];
    const store: DuplicateStore = { seenInterchange: () => false, seenMessage: (_s, _i, m) => (asked.push(m), false) };
    const text = motor.toString('latin1');
    const unh = /UNH\+([^+']*)\+/.exec(text)!;
    await validate(text, { duplicates: store, now: NOW });
    expect(asked).toEqual([unh[1]]);
    asked.length = 0;
    await validate(text.replace(unh[0], 'UNH++'), { duplicates: store, now: NOW });
    expect(asked).toEqual([]);
  });

  it('knownSenders may be a predicate', async () => {
    const [r] = await validate(motor, { now: NOW, knownSenders: (s) => s.startsWith('9') });
    expect(r!.errors.map((e) => e.code)).toEqual(['23']);
  });

  it('replies: false builds no 12\'er', async () => {
    const text = motor.toString('latin1').replace('RFF+POL:00-123?+456', 'RFF+POL:??????');
    const [r] = await validate(text, { now: NOW, replies: false });
    expect(r!.messages[0]!.status).toBe('content-error');
    expect(r!.messages[0]!.reply).toBeNull();
  });

  it('captureSegments keeps the text of offending segments', async () => {
    const text = motor.toString('latin1').replace('BRC+001:002', 'BRC+001:002:003');
    const [r] = await validate(text, { now: NOW, captureSegments: true });
    expect(r!.messages[0]!.segmentText).toEqual({ 12: "BRC+001:002:003'" });
  });

  it('captureSegments writes a segment read after a UNA inside the message, which the UNB\'s service characters cannot write', async () => {
    // Without a release character in the first UNA, "9+8" (released under the second) cannot be written under it.
    const text = "UNA:+.  'UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+R1'UNH+1+OPSIGE:1:911:UN'UNA:+.? 'BGM+9?+8'UNT+3+1'UNZ+1+R1'";
    const [r] = await validate(text, { now: NOW, captureSegments: true });
    const message = r!.messages[0]!;
    expect(message.status).toBe('rejected');
    expect(message.errors.find((e) => e.segment === 'BGM')?.segmentPosition).toBe(2);
    expect(message.segmentText?.[2]).toBe("BGM+9?+8'");
  });

  it('a single profile replaces the shipped one of its message type only', async () => {
    const patched = patchProfile(opsigelser55, { contentRules: { 'policy-number-missing': { code: { value: 'F05' } } } });
    const text = motor.toString('latin1').replace('RFF+POL:00-123?+456', 'RFF+POL:ukendt');
    const [r] = await validate(text, { now: NOW, profile: patched });
    expect(r!.messages[0]!.errors[0]!.code).toBe('F05');
    const [p] = await validate(readFileSync('fixtures/panthaver-33-accept.edi'), { now: NOW, profile: patched });
    expect(p!.messages[0]!.status).toBe('accepted');
  });

  it('a profile allowing more claims lets the content rule judge them (too-many-claims)', async () => {
    const entries = opsigelser55.structure.entries.map((e) => (e.position === '0160' ? { ...e, maxRepeat: 20 } : e)) as StructureEntry[];
    const patched = patchProfile(opsigelser55, { structure: { entries } });
    const claims = Array.from({ length: 11 }, (_, i) => `SHI+4'DTM+292:202101${String(i + 1).padStart(2, '0')}:102'`).join('');
    const text = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1').replace(/SHI\+4'[\s\S]*?(?=UNT)/, claims).replace('UNT+17+1', `UNT+${13 + 22}+1`);
    const [strict] = await validate(text, { now: NOW });
    expect(strict!.messages[0]!.errors.map((e) => e.code)).toContain('36');
    const [r] = await validate(text, { now: NOW, profile: patched });
    expect(r!.messages[0]!.errors.map((e) => e.rule)).toEqual(['too-many-claims']);
  });
});

describe('rule table', () => {
  it('maps every built-in rule through the shipped profiles', () => {
    expect(unmappedRuleIds(opsigelser55)).toEqual([]);
    expect(unmappedRuleIds(panthaver52)).toEqual([]);
  });
});
