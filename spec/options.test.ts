/**
 * Options the public faces refuse: the wrong type or a number out of range fails at once with
 * an error naming the option, instead of deep inside or by silently reading something else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar, createMemoryDuplicateStore, Declaration, encodeMessage, opsigelser55, panthaver52, createSegmentStream, DEFAULT_SERVICE_CHARS, parse, serialize, writeInterchange, parseInterchanges, readMessages, readSegmentBatches, validate, validateFile, validateStreamBatches } from '../src/index.js';
import { chunked } from './validate/helpers.js';

const FILE = new URL('../fixtures/batch-mixed.edi', import.meta.url);
const path = FILE.pathname;
const bytes = readFileSync(FILE);

async function drain<T>(it: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of it) n++;
  return n;
}

describe('reading: tokenizer limits and error handling', () => {
  it.each([
    [{ maxSegmentLength: Number.NaN }, RangeError, 'option maxSegmentLength must be a positive integer, got NaN'],
    [{ maxSegmentLength: -5 }, RangeError, 'option maxSegmentLength must be a positive integer, got -5'],
    [{ maxSegmentLength: 1.5 }, RangeError, 'got 1.5'],
    [{ maxElements: 0 }, RangeError, 'option maxElements must be a positive integer, got 0'],
    [{ maxComponents: '9' }, TypeError, 'option maxComponents must be a positive integer, got "9"'],
    [{ errors: 'ignore' }, TypeError, `option errors must be 'throw' or 'collect', got "ignore"`],
    [{ errors: 'collect', onError: 'log' }, TypeError, 'option onError must be a function, got "log"'],
  ])('%j is refused by parse, readSegmentBatches and createSegmentStream', async (options, type, message) => {
    const bad = options as never;
    expect(() => parse(bytes, bad)).toThrow(type);
    expect(() => parse(bytes, bad)).toThrow(message);
    await expect(drain(readSegmentBatches(chunked(bytes), bad))).rejects.toThrow(message);
    await expect(drain(readMessages(chunked(bytes), bad))).rejects.toThrow(type);
    expect(() => createSegmentStream(bad)).toThrow(message);
    expect(() => parseInterchanges(bytes, bad)).toThrow(type);
  });

  it('takes an explicit undefined as the default, not as "no limit"', () => {
    const oversized = `UNB+UNOC:3+1:ZZ+2:ZZ+240101:1200+1'FTX+${'x'.repeat(70_000)}'UNZ+0+1'`;
    const given = parse(oversized, { errors: 'collect', maxSegmentLength: undefined });
    expect(given.errors.map((e) => e.code)).toEqual(parse(oversized, { errors: 'collect' }).errors.map((e) => e.code));
    expect(given.errors.length).toBeGreaterThan(0);
  });

  it('refuses an envelope limit out of range', async () => {
    expect(() => parseInterchanges(bytes, { maxMessageSegments: 0 })).toThrow('fp-edifact: read: option maxMessageSegments must be a positive integer, got 0');
    await expect(drain(readMessages(chunked(bytes), { maxMessageSegments: Number.POSITIVE_INFINITY }))).rejects.toThrow(RangeError);
    expect(() => parseInterchanges(bytes, { maxErrors: 0 })).toThrow('fp-edifact: read: option maxErrors must be a positive integer, got 0');
    await expect(drain(readMessages(chunked(bytes), { maxErrors: 1.5 }))).rejects.toThrow(RangeError);
  });

  it('refuses options that are not an object', () => {
    expect(() => parse(bytes, 'collect' as never)).toThrow('fp-edifact: read: options must be an object, got "collect"');
  });
});

describe('validating', () => {
  it.each([
    [{ detail: 'full' }, TypeError, `option detail must be 'interchange', 'message' or 'segment', got "full"`],
    [{ maxMessageSegments: -1 }, RangeError, 'option maxMessageSegments must be a positive integer, got -1'],
    [{ maxMessageSegments: 'abc' }, TypeError, 'option maxMessageSegments must be a positive integer, got "abc"'],
    [{ maxErrors: 0 }, RangeError, 'option maxErrors must be a positive integer, got 0'],
    [{ maxErrors: -1 }, RangeError, 'option maxErrors must be a positive integer, got -1'],
    [{ maxErrors: 'abc' }, TypeError, 'option maxErrors must be a positive integer, got "abc"'],
    [{ knownSenders: 5 }, TypeError, 'option knownSenders must be an iterable of sender ids or a predicate, got 5'],
    [{ knownSenders: '22222222' }, TypeError, 'option knownSenders must be an iterable of sender ids or a predicate, got "22222222"'],
    [{ duplicates: {} }, TypeError, 'option duplicates must be a DuplicateStore (seenInterchange and seenMessage functions), got an object'],
    [{ now: new Date(0) }, TypeError, 'option now must be a function returning a Date, got an object'],
    [{ contrlReference: 'R1' }, TypeError, 'option contrlReference must be a function returning a reference, got "R1"'],
    [{ replyReference: 7 }, TypeError, 'option replyReference must be a function returning a reference, got 7'],
    [{ ownVir: 123 }, TypeError, 'option ownVir must be a string, got 123'],
    [{ replies: 'no' }, TypeError, 'option replies must be true or false, got "no"'],
    [{ captureSegments: 1 }, TypeError, 'option captureSegments must be true or false, got 1'],
    [{ profile: 'opsigelser' }, TypeError, 'option profile must be a guide profile or a map of them by message type, got "opsigelser"'],
    [{ profile: { foo: 1 } }, TypeError, 'option profile is neither a guide profile nor a map of them (profile.foo is not one)'],
    // A list of profiles (what decodeCommand and auditCommand take) was read as a map keyed '0', '1':
    // the given profiles were silently never used; a Map had no entries at all.
    [{ profile: [opsigelser55] }, TypeError, 'option profile must be a guide profile or a map of them by message type, got an array'],
    [{ profile: new Map([['OPSIGE', opsigelser55]]) }, TypeError, 'option profile must be a guide profile or a map of them by message type, got an object'],
  ])('%j is refused by validate, validateStreamBatches and validateFile', async (options, type, message) => {
    const bad = options as never;
    await expect(validate(bytes, bad)).rejects.toThrow(type);
    await expect(validate(bytes, bad)).rejects.toThrow(`fp-edifact: validate: ${message}`);
    await expect(drain(validateStreamBatches(bytes, bad))).rejects.toThrow(message);
    await expect(drain(validateFile(path, bad))).rejects.toThrow(message);
  });

  it.each([
    [{ workers: 0 }, RangeError, 'option workers must be a positive integer, got 0'],
    [{ workers: 2.5 }, RangeError, 'option workers must be a positive integer, got 2.5'],
    [{ workers: 'two' }, TypeError, 'option workers must be a positive integer, got "two"'],
    [{ workers: 2, chunkBytes: -1 }, RangeError, 'option chunkBytes must be a positive integer, got -1'],
    [{ workers: 2, minParallelBytes: -1 }, RangeError, 'option minParallelBytes must be a non-negative integer, got -1'],
  ])('validateFile refuses %j', async (options, type, message) => {
    const run = drain(validateFile(path, { minParallelBytes: 0, ...(options as object) }));
    await expect(run).rejects.toThrow(type);
    await expect(drain(validateFile(path, { minParallelBytes: 0, ...(options as object) }))).rejects.toThrow(`fp-edifact: validateFile: ${message}`);
  });

  it('accepts every option at its documented type (and undefined as the default)', async () => {
    const ok = await validate(bytes, {
      detail: 'segment',
      maxMessageSegments: 500,
      maxErrors: 500,
      knownSenders: new Set(['22222222']),
      now: () => new Date(Date.UTC(2026, 10, 21)),
      contrlReference: () => 'C1',
      replyReference: () => 'R1',
      replies: true,
      captureSegments: false,
      ownVir: undefined,
      profile: undefined,
    });
    expect(ok.length).toBeGreaterThan(0);
    expect(await drain(validateFile(path, { workers: 2, minParallelBytes: 0, chunkBytes: 4096, knownSenders: (s) => s.length > 0 }))).toBeGreaterThan(0);
  });
});

describe('writing', () => {
  const segments = [{ tag: 'BGM', elements: [['9'], ['a', 'b']] }];
  it.each([
    [{ serviceChars: { ...DEFAULT_SERVICE_CHARS, element: ':' } }, RangeError, 'option serviceChars: ":" is used both as component and as element character'],
    [{ serviceChars: { ...DEFAULT_SERVICE_CHARS, release: 'A' } }, RangeError, 'option serviceChars: the release character "A" is a letter or digit'],
    [{ serviceChars: { ...DEFAULT_SERVICE_CHARS, terminator: '' } }, TypeError, 'option serviceChars.terminator must be one character, got ""'],
    [{ serviceChars: { ...DEFAULT_SERVICE_CHARS, component: '::' } }, TypeError, 'option serviceChars.component must be one character, got "::"'],
    [{ serviceChars: ":+.? '" }, TypeError, `option serviceChars must be an object of six service characters, got ":+.? '"`],
    [{ newline: '\t' }, TypeError, `option newline must be '', '\\n' or '\\r\\n', got "\\t"`],
    [{ una: 'yes' }, TypeError, 'option una must be true or false, got "yes"'],
  ])('serialize and writeInterchange refuse %j instead of writing what no reader reads back', (options, type, message) => {
    const bad = options as never;
    expect(() => serialize(segments, bad)).toThrow(type);
    expect(() => serialize(segments, bad)).toThrow(`fp-edifact: serialize: ${message}`);
    expect(() => writeInterchange({ sender: { id: '1' }, recipient: { id: '2' }, reference: '1', messages: [{ header: { type: 'OPSIGE', version: '1', release: '911', agency: 'UN' }, body: segments }] }, bad)).toThrow(message);
  });

  it('writes with any six distinct service characters a UNA allows, spaces where allowed', () => {
    expect(serialize(segments, { serviceChars: { ...DEFAULT_SERVICE_CHARS, decimal: ',' } })).toBe("UNA:+,? 'BGM+9+a:b'");
    expect(serialize(segments, { serviceChars: { ...DEFAULT_SERVICE_CHARS, release: ' ' } })).toBe("UNA:+.  'BGM+9+a:b'");
  });
});

describe('encoding typed messages', () => {
  const reminder = { kind: 'reminder', messageDate: '2024-11-05', recipient: { vir: '22222222' }, sender: { vir: '60000001' }, declarationNumber: 'PD1', lienAmount: '100.5' } as const;
  it.each([
    [{ decimalMark: 0 }, 'got 0'], // wrote MOA+PNT:10005, a hundred times the amount
    [{ decimalMark: ';' }, 'got ";"'],
    [{ decimalMark: 'comma' }, 'got "comma"'],
  ])('encodeMessage refuses %j instead of writing the amount with it', (options, got) => {
    expect(() => encodeMessage(reminder, panthaver52, options as never)).toThrow(TypeError);
    expect(() => encodeMessage(reminder, panthaver52, options as never)).toThrow(`fp-edifact: encodeMessage: option decimalMark must be '.' or ',', got`);
    expect(() => encodeMessage(reminder, panthaver52, options as never)).toThrow(got);
  });
  it('writes either mark it accepts, and the default for undefined', () => {
    const moa = (o: object) => serialize(encodeMessage(reminder, panthaver52, o).body.filter((s) => s.tag === 'MOA'));
    expect([moa({ decimalMark: ',' }), moa({ decimalMark: '.' }), moa({ decimalMark: undefined })]).toEqual(["MOA+PNT:100,5'", "MOA+PNT:100.5'", "MOA+PNT:100.5'"]);
  });
});

describe('calendars', () => {
  it('createCalendar refuses extraHolidays given as a list of dates (it failed on the date "0")', () => {
    const bad = { id: 'x', extraHolidays: ['2025-12-29'] } as never;
    expect(() => createCalendar(bad)).toThrow(TypeError);
    expect(() => createCalendar(bad)).toThrow('fp-edifact: createCalendar: option extraHolidays must be a map of ISO dates to holiday names, got an array');
  });
});

describe('the memory duplicate store', () => {
  it('refuses a maxInterchanges that would not bound it', () => {
    for (const bad of [Number.NaN, 0, -1, 2.5]) expect(() => createMemoryDuplicateStore({ maxInterchanges: bad })).toThrow(RangeError);
    expect(() => createMemoryDuplicateStore({ maxInterchanges: Number.NaN })).toThrow('fp-edifact: createMemoryDuplicateStore: option maxInterchanges must be a positive integer, got NaN');
    expect(createMemoryDuplicateStore({ maxInterchanges: 1 }).seenInterchange('1', 'A')).toBe(false);
  });
});

describe('declarations', () => {
  it.each([
    [{ reRegistrationWindowDays: Number.NaN }, RangeError, 'option reRegistrationWindowDays must be a whole number of days, got NaN'],
    [{ reRegistrationWindowDays: '14' }, TypeError, 'option reRegistrationWindowDays must be a whole number of days, got "14"'],
    [{ rejectionDeadlineDays: { B: -3 } }, TypeError, 'option rejectionDeadlineDays must be a map of declaration letters to whole numbers of days, got an object'],
    [{ declarationTypeLetters: 'ZBB' }, TypeError, 'option declarationTypeLetters must be a map of declaration type codes to letters, got "ZBB"'],
    // Arrays were maps keyed '0': [14] was silently no deadline at all.
    [{ rejectionDeadlineDays: [14] }, TypeError, 'option rejectionDeadlineDays must be a map of declaration letters to whole numbers of days, got an array'],
    [{ declarationTypeLetters: ['F'] }, TypeError, 'option declarationTypeLetters must be a map of declaration type codes to letters, got an array'],
  ])('new Declaration(%j) is refused at once (a NaN window threw "Date arithmetic left the supported range" at the first re-registration)', (options, type, message) => {
    expect(() => new Declaration(options as never)).toThrow(type);
    expect(() => Declaration.replay([], options as never)).toThrow(`fp-edifact: Declaration: ${message}`);
  });
  it('takes whole numbers of days, zero included', () => {
    expect(new Declaration({ reRegistrationWindowDays: 0, rejectionDeadlineDays: { B: 0, L: 14 } }).state).toBe('new');
  });
});
