import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('public API of the syntax layer', () => {
  it('offers the service-string helpers a user needs', () => {
    const chars = api.parseServiceString(":+.? '");
    expect(api.formatServiceString(chars)).toBe("UNA:+.? '");
    expect(api.releaseInUse(chars)).toBe(true);
    expect(api.DEFAULT_SERVICE_CHARS.terminator).toBe("'");
  });

  it("keeps the tokenizer's internal helpers out of it", () => {
    const exported = new Set(Object.keys(api));
    for (const internal of ['isUnaAt', 'segmentGaps', 'isSegmentGap', 'serviceCharsInUse', 'escapedServiceChars', 'releaseRunBefore']) expect(exported.has(internal), internal).toBe(false);
  });
});
