import { describe, expect, it } from 'vitest';
import { parseInterchanges, readMessages } from '../../src/envelope/index.js';
import { EdifactSyntaxError, parse, readSegments } from '../../src/syntax/index.js';

/**
 * Errors found in the input are data: a file full of them must not pay for a stack trace each
 * (capturing one was ~75 % of reading a file of 100,000 empty segments). An error a face throws
 * still carries the stack of the caller that met it.
 */
const UNB = "UNB+UNOC:3+11111111:ZZ+22222222:ZZ+241210:2200+R'";
const BROKEN = `${UNB}UNH+1+X:D:96A:UN'BGM+9??'''UNT+3+1'UNZ+1+R'`;

const frames = (e: Error): string[] => (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));

async function rejection(run: () => Promise<unknown>): Promise<EdifactSyntaxError> {
  try {
    await run();
  } catch (e) {
    return e as EdifactSyntaxError;
  }
  throw new Error('expected a rejection');
}

describe('stacks of input errors', () => {
  it('collected errors carry no stack frames (tokenizer and envelope)', () => {
    const parsed = parse(BROKEN, { errors: 'collect' });
    expect(parsed.errors.length).toBeGreaterThan(0);
    for (const e of parsed.errors) expect(frames(e)).toEqual([]);
    const envelope = parseInterchanges(BROKEN, { errors: 'collect' });
    expect(envelope.errors.length).toBeGreaterThan(0);
    for (const e of envelope.errors) expect(frames(e)).toEqual([]);
    // The message is still the whole description, and the stack's first line says it.
    expect(parsed.errors[0]!.stack).toBe(`EdifactSyntaxError: ${parsed.errors[0]!.message}`);
  });

  it('an error a face throws has the stack of its caller', async function namedCaller() {
    let thrown: EdifactSyntaxError | undefined;
    try {
      parse(BROKEN);
    } catch (e) {
      thrown = e as EdifactSyntaxError;
    }
    expect(thrown).toBeInstanceOf(EdifactSyntaxError);
    expect(frames(thrown!).join('\n')).toContain('error-stacks.test.ts');
    const streamed = await rejection(async () => {
      for await (const _ of readSegments([BROKEN])) void _;
    });
    expect(streamed).toBeInstanceOf(EdifactSyntaxError);
    expect(frames(streamed).length).toBeGreaterThan(0);
    let enveloped: EdifactSyntaxError | undefined;
    try {
      parseInterchanges(BROKEN);
    } catch (e) {
      enveloped = e as EdifactSyntaxError;
    }
    expect(frames(enveloped!).join('\n')).toContain('error-stacks.test.ts');
    const messages = await rejection(async () => {
      for await (const _ of readMessages([BROKEN], { errors: 'throw' })) void _;
    });
    expect(messages).toBeInstanceOf(EdifactSyntaxError);
    expect(frames(messages).length).toBeGreaterThan(0);
  });
});
