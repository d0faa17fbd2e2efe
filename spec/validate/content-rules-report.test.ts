/**
 * How content-rule violations are reported: every field of the error, the order (by segment
 * position, missing things last), the F03 NAD rules against the UNB (opsigelser.md: first NAD
 * = the company the message is sent to, second NAD = the sender), and the F-code of a rule the
 * profile does not map (its default).
 */
import { describe, expect, it } from 'vitest';
import { opsigelser55 } from '../../src/schema/profiles/index.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { unmappedRuleIds, validate } from '../../src/validate/index.js';
import { compileRuleSet } from '../../src/validate/rules/index.js';
import { messageErrors, NOW, oneMessage } from './helpers.js';
import { FT1, MR, MS, NINE, swap } from './opsigelser-bodies.js';

describe('a content error', () => {
  it('names its code, rule, segment tag, position, element, component, character offset and what is wrong', async () => {
    const text = oneMessage(swap(NINE, 'RFF+POL:00-123', 'RFF+POL:UKENDT'));
    const [report] = await validate(text, { now: NOW });
    expect(report!.messages[0]!.errors).toEqual([
      {
        code: 'F01',
        rule: 'policy-number-missing',
        segment: 'RFF',
        segmentPosition: 9,
        element: 1,
        component: 2,
        offset: text.indexOf('RFF+POL:UKENDT'),
        message: 'the policy number "UKENDT" is not a policy number',
      },
    ]);
  });

  it('for something missing has no segment, position or offset', async () => {
    const [report] = await validate(oneMessage(swap(NINE, 'DTM+137:20241120:102')), { now: NOW });
    expect(report!.messages[0]!.errors).toEqual([
      { code: 'F01', rule: 'required-segment-missing', segment: null, segmentPosition: null, element: null, component: null, offset: null, message: expect.stringContaining('DTM 137') },
    ]);
  });

  it('errors come by segment position whatever rule found them, missing things last', async () => {
    // The NAD rules run before the date rule and the required-segment rule.
    const body = swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250230:102');
    expect(await messageErrors(oneMessage(swap(body, MR, 'NAD+MR+99999999::VIR')))).toEqual([
      ['F02', 'invalid-date', 5, 1, 2],
      ['F03', 'first-nad-not-unb-recipient', 6, 2, 1],
    ]);
    expect(await messageErrors(oneMessage(swap(swap(body, MS), FT1)))).toEqual([
      ['F02', 'invalid-date', 5, 1, 2],
      ['F03', 'second-nad-not-unb-sender', null, null, null],
      ['F01', 'required-segment-missing', null, null, null],
    ]);
  });
});

describe('the first two NADs against the UNB (F03)', () => {
  it('swapped NADs: each has the wrong qualifier, reported at element 1 under its own rule', async () => {
    const text = oneMessage(NINE.map((s) => (s === MR ? MS : s === MS ? MR : s)));
    const [report] = await validate(text, { now: NOW });
    const errors = report!.messages[0]!.errors;
    expect(errors.map((e) => [e.code, e.rule, e.segmentPosition, e.element, e.component])).toEqual([
      ['F03', 'first-nad-not-unb-recipient', 6, 1, null],
      ['F03', 'second-nad-not-unb-sender', 7, 1, null],
    ]);
    expect(errors[0]!.message).toContain('NAD number 1 has qualifier "MS"');
  });

  it('the second NAD naming another company than the UNB sender', async () => {
    expect(await messageErrors(oneMessage(swap(NINE, MS, 'NAD+MS+99999999::VIR')))).toEqual([['F03', 'second-nad-not-unb-sender', 7, 2, 1]]);
  });

  it('a message with one NAD has no second NAD: reported as missing, naming the sender qualifier', async () => {
    const [report] = await validate(oneMessage(swap(swap(NINE, MS), FT1)), { now: NOW });
    const errors = report!.messages[0]!.errors;
    expect(errors.map((e) => [e.code, e.rule, e.segmentPosition])).toEqual([
      ['F03', 'second-nad-not-unb-sender', null],
      ['F01', 'required-segment-missing', null],
    ]);
    expect(errors[0]!.message).toContain('no NAD number 2 (the sender, MS)');
  });

  it('a message outside an interchange has no UNB to compare with: no F03', async () => {
    const text = oneMessage(swap(NINE, MR, 'NAD+MR+99999999::VIR'));
    const bare = text.slice(text.indexOf('UNH'), text.indexOf('UNZ'));
    const [report] = await validate(bare, { now: NOW });
    expect(report!.messages[0]!.errors).toEqual([]);
  });
});

describe('a rule the profile does not map', () => {
  const { 'changed-date-without-odc': _, ...rest } = opsigelser55.contentRules;
  const profile: GuideProfile = { ...opsigelser55, contentRules: rest };

  it('is listed by unmappedRuleIds and bound to its default F-code', () => {
    expect(unmappedRuleIds(profile)).toEqual(['changed-date-without-odc']);
    const bound = compileRuleSet(profile).rules.find((r) => r.rule.id === 'changed-date-without-odc')!;
    expect(bound).toMatchObject({ code: bound.rule.defaultCode, fromProfile: false });
    expect(compileRuleSet(profile).rules.filter((r) => !r.fromProfile)).toHaveLength(1);
  });
});
