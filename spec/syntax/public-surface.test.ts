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

  it("keeps the schema and rules layers' building blocks and doc generators out of it", () => {
    const exported = new Set(Object.keys(api));
    const internals = ['expandLayout', 'pickLayouts', 'groupHead', 'groupHeadTags', 'FORBIDDEN_KEYS', 'annotatedSchema', 'ASSUMPTIONS_MARKERS', 'RULE_LIST_MARKERS', 'renderRuleList'];
    for (const internal of internals) expect(exported.has(internal), internal).toBe(false);
    // …while what the docs name stays public.
    for (const name of ['assumptionsMarkdown', 'isGroup', 'structureTags', 'STANDARD_LAYOUTS', 'loadProfile', 'guideProfileSchema', 'ProfileError']) expect(exported.has(name), name).toBe(true);
  });
});
