import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseRunBefore } from '../../src/syntax/service-chars.js';

const Q = 0x3f; // ?

describe('releaseRunBefore (the tokenizer and the worker split points share it)', () => {
  it('counts the release characters directly before a position, in strings and bytes alike', () => {
    const text = "AB?'C??'D???'";
    const bytes = Buffer.from(text, 'latin1');
    const terminators = [3, 7, 12];
    expect(terminators.map((t) => releaseRunBefore(text, t, 0, Q))).toEqual([1, 2, 3]);
    expect(terminators.map((t) => releaseRunBefore(bytes, t, 0, Q))).toEqual([1, 2, 3]);
  });

  it('looks back no further than the floor', () => {
    expect(releaseRunBefore('???+', 3, 0, Q)).toBe(3);
    expect(releaseRunBefore('???+', 3, 1, Q)).toBe(2);
    expect(releaseRunBefore('???+', 3, 3, Q)).toBe(0);
    expect(releaseRunBefore('?', 0, 0, Q)).toBe(0);
  });

  it('says whether a character is released: an odd run releases it (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('?', 'A', "'"), maxLength: 30 }), fc.nat(), (s, pick) => {
        const at = s.length === 0 ? 0 : pick % s.length;
        // Reading left to right: a release character escapes the next character.
        let released = false;
        for (let i = 0; i < at; i++) released = !released && s[i] === '?';
        const run = releaseRunBefore(s, at, 0, Q);
        expect((run & 1) === 1).toBe(released);
        expect(releaseRunBefore(Buffer.from(s, 'latin1'), at, 0, Q)).toBe(run);
      }),
    );
  });
});
