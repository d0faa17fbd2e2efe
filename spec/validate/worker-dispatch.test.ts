/**
 * How `validateFile({ workers })` hands ranges to its threads: each thread holds up to two
 * ranges (the one it runs and the next, queued), so it never waits for the calling thread to
 * hear it finished before it starts the next. Speed depends on it; the events do not, so the
 * worker tests cannot see it and these pin the policy itself.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { freeSlots, pickThread, workerScriptDirs } from '../../src/validate/executors.js';

const threads = (...given: number[]) => given.map((g) => ({ given: g }));

describe('worker dispatch', () => {
  it('starts threads as ranges need them, up to the count', () => {
    expect(pickThread([], 2)).toBe('spawn');
    expect(pickThread(threads(1), 2)).toBe('spawn');
    expect(pickThread(threads(1, 1), 2)).not.toBe('spawn');
  });

  it('prefers an idle thread to a new one', () => {
    expect(pickThread(threads(1, 0), 3)).toBe(1);
  });

  it('gives a busy thread its next range before it finishes the one it runs', () => {
    expect(pickThread(threads(1), 1)).toBe(0);
    expect(pickThread(threads(2, 1), 2)).toBe(1);
  });

  it('gives no thread more than two ranges at once', () => {
    expect(pickThread(threads(2), 1)).toBeNull();
    expect(pickThread(threads(2, 2), 2)).toBeNull();
  });

  it('counts two slots per thread, started or not', () => {
    expect(freeSlots([], 2)).toBe(4);
    expect(freeSlots(threads(1), 2)).toBe(3);
    expect(freeSlots(threads(2, 1), 2)).toBe(1);
    expect(freeSlots(threads(2, 2), 2)).toBe(0);
  });
});

describe('where the worker script is looked for', () => {
  it('next to the running module, in the package and nowhere outside it', () => {
    expect(workerScriptDirs(join('/app', 'node_modules', 'fp-edifact', 'dist'))).toEqual([join('/app', 'node_modules', 'fp-edifact', 'dist')]);
  });

  it('in the repository dist/ too when the module runs from the sources', () => {
    expect(workerScriptDirs(join('/repo', 'src', 'validate'))).toEqual([join('/repo', 'src', 'validate'), join('/repo', 'dist')]);
  });
});
