import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DuplicateStore, validate } from '../../src/validate/index.js';
import { NOW } from './helpers.js';

// The UNB checks that take options, and the CONTRL's UCS limit, at their edges. (Each edge
// here could be moved without a test failing; found with Stryker and hand-applied mutants.)

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const UNB = 'UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241120:2300+20241120230001';
const codes = async (text: string, options = {}) => (await validate(text, { now: NOW, ...options }))[0]!.errors.map((e) => [e.code, e.element, e.component]);

describe('UNB time', () => {
  it('is a time of day: 0000 and 2359 pass, 2400 and 1260 are error 12 at S004 0019', async () => {
    for (const time of ['0000', '2359']) expect(await codes(motor.replace(UNB, UNB.replace('2300', time))), time).toEqual([]);
    for (const time of ['2400', '1260']) expect(await codes(motor.replace(UNB, UNB.replace('2300', time))), time).toEqual([['12', 4, 2]]);
  });
});

describe('UNB checks with an empty party or reference', () => {
  const noRecipient = motor.replace(UNB, 'UNB+UNOC:3+11111111:ZZ+:ZZ+241120:2300+20241120230001');
  const noSender = motor.replace(UNB, 'UNB+UNOC:3+:ZZ+22222222:ZZ+241120:2300+20241120230001');

  it('an empty recipient is its missing element (13), not also "not addressed to us" (7)', async () => {
    const found = await codes(noRecipient, { ownVir: '22222222' });
    expect(found).toContainEqual(['13', 3, 1]);
    expect(found.map(([code]) => code)).not.toContain('7');
    expect(await codes(motor, { ownVir: '99999999' })).toEqual([['7', 3, 1]]);
  });

  it('an empty sender is not looked up as a sender, nor recorded as an interchange', async () => {
    const looked: string[] = [];
    const recorded: string[] = [];
    const store: DuplicateStore = { seenInterchange: (s, r) => (recorded.push(`${s}/${r}`), false), seenMessage: () => false };
    const found = await codes(noSender, { knownSenders: (s: string) => (looked.push(s), false), duplicates: store });
    expect(found).toContainEqual(['13', 2, 1]);
    expect(found.map(([code]) => code)).not.toContain('23');
    expect(looked).toEqual([]);
    expect(recorded).toEqual([]);
    await codes(motor, { knownSenders: (s: string) => (looked.push(s), true), duplicates: store });
    expect(looked).toEqual(['11111111']);
    expect(recorded).toEqual(['11111111/20241120230001']);
  });
});

describe('CONTRL at segment detail', () => {
  it('names at most 999 segments of a message (UCS repeats 999 times)', async () => {
    const bad = Array.from({ length: 1005 }, () => "XYZ+1'").join('');
    const text = motor.replace(/(BGM\+[^']*')/, `$1${bad}`);
    const [report] = await validate(text, { now: NOW, detail: 'segment' });
    const ucs = report!.contrl!.match(/'UCS\+/g) ?? [];
    expect(report!.messages[0]!.status).toBe('rejected');
    expect(ucs).toHaveLength(999);
  });
});
