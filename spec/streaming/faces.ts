import { readMessages, readSegmentBatches, readSegments, validateStream, validateStreamBatches } from '../../src/index.js';

type Input = Parameters<typeof validateStream>[0];

/** The streaming faces over one input, each with its answers flattened to an array. */
export const FACES: Record<string, (input: Input) => AsyncIterable<unknown>> = {
  readSegments: (input) => readSegments(input as never, { errors: 'collect' }),
  readSegmentBatches: (input) => readSegmentBatches(input as never, { errors: 'collect' }),
  readMessages: (input) => readMessages(input as never, { errors: 'collect' }),
  validateStream: (input) => validateStream(input, { now: () => new Date('2024-11-20T12:00:00Z'), contrlReference: () => 'C1' }),
  validateStreamBatches: (input) => validateStreamBatches(input, { now: () => new Date('2024-11-20T12:00:00Z'), contrlReference: () => 'C1' }),
};

/** Everything a face yields, batches flattened. */
export async function drain(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of iterable) {
    if (Array.isArray(x)) out.push(...(x as unknown[]));
    else out.push(x);
  }
  return out;
}
