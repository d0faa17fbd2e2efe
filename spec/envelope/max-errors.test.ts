/**
 * `maxErrors`: errors that can come once per segment (tokenizer errors, segments outside a
 * message) are kept up to the limit per interchange and per message; one error 18 at the first
 * one not kept says so; the checks made once (UNZ count, empty interchange, UNT count) are kept.
 */
import { describe, expect, it } from 'vitest';
import { parseInterchanges, readMessages, type EnvelopeEvent } from '../../src/envelope/read.js';
import { EdifactSyntaxError } from '../../src/syntax/errors.js';
import { parse } from '../../src/syntax/read.js';
import { Tokenizer } from '../../src/syntax/tokenizer.js';
import { heldHeap } from '../heap.js';
import { errorsBuilt } from '../syntax/errors-built.js';

const NOTICE = /^more than (\d+) errors here; later ones are not kept \(maxErrors\)$/;

/** LF as the segment terminator; `lines` empty segments outside any message. */
const interchangeFlood = (lines: number): string => `UNA:+.? \nUNB+UNOC:3+1+2+241120:2300+R\n${'\n'.repeat(lines)}UNZ+0+R\n`;

/** LF as the segment terminator; `lines` empty segments inside one message. */
const messageFlood = (lines: number): string =>
  `UNA:+.? \nUNB+UNOC:3+1+2+241120:2300+R\nUNH+1+OPSIGE:1:911:UN\nBGM+9\n${'\n'.repeat(lines)}UNT+3+1\nUNZ+1+R\n`;

const position = (e: EdifactSyntaxError) => ({ offset: e.offset, segmentNumber: e.segmentNumber, messageSegmentNumber: e.messageSegmentNumber, tag: e.tag, element: e.element, component: e.component });

/**
 * `kept` is `all` cut at `max`: its first `max` errors, the notice at the next one, then the
 * checks made once (those of `all` that are not 12 or 33), in order.
 */
function expectCut(kept: readonly EdifactSyntaxError[], all: readonly EdifactSyntaxError[], max: number): void {
  const counted = all.filter((e) => e.code === '12' || e.code === '33');
  expect(counted.length).toBeGreaterThan(max);
  expect(kept.slice(0, max)).toEqual(counted.slice(0, max));
  const notice = kept[max]!;
  expect(notice.code).toBe('18');
  expect(notice.reason).toMatch(NOTICE);
  expect(notice.reason).toContain(`more than ${max} errors`);
  expect(position(notice)).toEqual(position(counted[max]!));
  expect(kept.slice(max + 1)).toEqual(all.filter((e) => e.code !== '12' && e.code !== '33'));
}

async function events(text: string, options: { maxErrors?: number }): Promise<EnvelopeEvent[]> {
  const out: EnvelopeEvent[] = [];
  for await (const ev of readMessages(text, { errors: 'collect', ...options })) out.push(ev);
  return out;
}

describe('maxErrors', () => {
  it('keeps the first 1,000 errors of an interchange by default, then one notice; its UNZ checks still', () => {
    const text = interchangeFlood(3000);
    const all = parseInterchanges(text, { errors: 'collect', maxErrors: 1_000_000 }).interchanges[0]!.errors;
    expect(all.length).toBe(6001); // 12 and 33 per empty segment, 32 at UNZ
    const ic = parseInterchanges(text, { errors: 'collect' }).interchanges[0]!;
    expect(ic.errors.length).toBe(1002);
    expectCut(ic.errors, all, 1000);
    expect(ic.errors[1001]!.code).toBe('32');
  });

  it('cuts the interchange list in parseInterchanges and readMessages alike', async () => {
    const text = interchangeFlood(40);
    const all = parseInterchanges(text, { errors: 'collect', maxErrors: 1_000_000 }).interchanges[0]!.errors;
    for (const max of [1, 7, 8, 79]) {
      const parsed = parseInterchanges(text, { errors: 'collect', maxErrors: max });
      expectCut(parsed.interchanges[0]!.errors, all, max);
      expect(parsed.errors.length).toBe(max + 2);
      const end = (await events(text, { maxErrors: max })).find((e) => e.type === 'end');
      expectCut(end !== undefined && end.type === 'end' ? end.summary.errors : [], all, max);
    }
    expect(parseInterchanges(text, { errors: 'collect', maxErrors: 80 }).interchanges[0]!.errors).toEqual(all);
  });

  it('cuts a message list, past maxMessageSegments too, and keeps its UNT check', async () => {
    const text = messageFlood(50);
    const all = parseInterchanges(text, { errors: 'collect', maxErrors: 1_000_000 }).interchanges[0]!.messages[0]!.errors;
    expect(all.filter((e) => e.code === '29')).toHaveLength(1);
    for (const options of [{ maxErrors: 10 }, { maxErrors: 10, maxMessageSegments: 5 }]) {
      const message = parseInterchanges(text, { errors: 'collect', ...options }).interchanges[0]!.messages[0]!;
      const kept = message.errors.filter((e) => !/segments are counted but not kept/.test(e.reason));
      expectCut(kept, all, 10);
      const streamed = (await events(text, options)).find((e) => e.type === 'message');
      expect(streamed !== undefined && streamed.type === 'message' && streamed.message.errors).toEqual(message.errors);
    }
  });

  it('refuses a limit that is not a positive integer, as maxMessageSegments', () => {
    expect(() => parseInterchanges('', { maxErrors: 0 })).toThrow('fp-edifact: read: option maxErrors must be a positive integer, got 0');
    expect(() => parseInterchanges('', { maxErrors: -1 })).toThrow(RangeError);
    expect(() => parseInterchanges('', { maxErrors: 'abc' as unknown as number })).toThrow(TypeError);
  });
});

describe('errors past maxErrors are never built', () => {
  // 20,000 empty segments: a 12 and a 33 each, 40,000 errors of which 100 are kept.
  const max = 100;

  it('parseInterchanges and readMessages build the errors they keep, the notice and the checks made once', async () => {
    for (const text of [interchangeFlood(20_000), messageFlood(20_000)]) {
      let kept = 0;
      const built = await errorsBuilt(() => {
        kept = parseInterchanges(text, { errors: 'collect', maxErrors: max }).errors.length;
      });
      expect(kept).toBeGreaterThan(max);
      expect(built).toBeGreaterThanOrEqual(kept);
      expect(built).toBeLessThanOrEqual(kept + 2);
      const streamed = await errorsBuilt(() => events(text, { maxErrors: max }));
      expect(streamed).toBeGreaterThanOrEqual(kept);
      expect(streamed).toBeLessThanOrEqual(kept + 2);
    }
  });

  it('the faces without the limit still build every error: parse, and a Tokenizer with an error handler', async () => {
    const text = interchangeFlood(20_000);
    let parsed: EdifactSyntaxError[] = [];
    expect(await errorsBuilt(() => (parsed = parse(text, { errors: 'collect' }).errors))).toBe(20_000);
    expect(parsed.every((e) => e instanceof EdifactSyntaxError && e.code === '12')).toBe(true);
    const heard: EdifactSyntaxError[] = [];
    const tokenizer = new Tokenizer({ segment: () => {}, error: (e) => heard.push(e) });
    expect(
      await errorsBuilt(() => {
        tokenizer.write(text);
        tokenizer.end();
      }),
    ).toBe(20_000);
    expect(heard).toEqual(parsed);
  });
});

describe('a flood of UNAs waiting for the segment after them', () => {
  /**
   * `count` UNAs, none followed by a segment until the trailer: sound ones inside an interchange
   * (33 each: a UNA only before UNB), broken ones (a letter as separator, 20 each), and sound
   * ones inside a message (33 each). Returns the heap held before the trailer and the errors.
   */
  async function unaFlood(una: string, inMessage: boolean, count: number): Promise<{ held: number; errors: number; codes: string[] }> {
    let held = 0;
    async function* source(): AsyncGenerator<string> {
      yield `UNB+UNOC:3+1+2+241120:2300+R'${inMessage ? "UNH+1+OPSIGE:1:911:UN'" : ''}`;
      for (let i = 0; i < count; i += 1000) yield una.repeat(1000);
      held = heldHeap();
      yield inMessage ? "UNT+2+1'UNZ+1+R'" : "UNZ+0+R'";
    }
    const errors: EdifactSyntaxError[] = [];
    for await (const ev of readMessages(source(), { errors: 'collect', maxErrors: 100 })) {
      if (ev.type === 'message') errors.push(...ev.message.errors);
      if (ev.type === 'end') errors.push(...ev.summary.errors);
    }
    return { held, errors: errors.length, codes: [...new Set(errors.map((e) => e.code))].sort() };
  }

  it.each([
    ["UNA:+.? '", false, ['18', '32', '33']],
    ["UNAA+.? '", false, ['18', '20', '32', '33']],
    ["UNA:+.? '", true, ['18', '33']],
  ] as const)('%j (inside a message: %s) holds at most maxErrors of their errors', async (una, inMessage, codes) => {
    const before = heldHeap();
    const flood = await unaFlood(una, inMessage, 100_000);
    expect(flood.codes).toEqual(codes);
    expect(flood.errors).toBeLessThanOrEqual(100 + 3);
    // 100,000 errors held until the trailer took tens of MB (with a stack each for the broken UNAs).
    expect(flood.held - before).toBeLessThan(4 * 1024 * 1024);
  });
});
