import { describe, expect, it } from 'vitest';
import { checkSegment } from '../../src/schema/check.js';
import { layoutFor, profileCodeLists } from '../../src/schema/access.js';
import { getProfile } from '../../src/schema/profiles/index.js';
import { STANDARD_LAYOUTS } from '../../src/schema/segments.js';

/** `NAD+MR+1::VIR` → a segment (no release characters in these tests). */
function seg(text: string) {
  const [tag = '', ...rest] = text.split('+');
  return { tag, elements: rest.map((e) => e.split(':')), offset: 0, segmentNumber: 1, messageSegmentNumber: 1 };
}

const ops = getProfile('fp-opsigelser/5.5-reconstructed');
const pant = getProfile('fp-panthaver/5.2-reconstructed');
const lists = profileCodeLists(ops);
const check = (text: string, profile = ops) => {
  const s = seg(text);
  return checkSegment(s, profile.segments[s.tag]!, { codeLists: profileCodeLists(profile) });
};
const codes = (text: string, profile = ops) => check(text, profile).map((i) => [i.code, i.element, i.component]);

describe('checkSegment', () => {
  it('passes every segment of the default-profile.md example', () => {
    for (const t of [
      'UNH+1+OPSIGE:1:911:UN',
      'BGM+9',
      'RFF+OPS:TRY-2024-000123',
      'DTM+137:20241120:102',
      'DTM+287:20250101:102',
      'DOC+11',
      'NAD+MR+22222222::VIR',
      'NAD+FT1+0101801234::CPR++Søren Ærø Ågård+Østergade 12, 2. th.+København K++1100+DK',
      'RFF+POL:00-123456',
      'RFF+MAT:12ab:::Ejerlav',
      'BRC+001:002',
      'CTA+IC+:Hans Hansen',
      'FTX+AAI+++tekst:mere tekst',
      'SIF+FASTP+-2',
      'SHI+4',
      'DTM+293::102',
      'OSI+ODC',
      'ERC+F02',
      'ERC+9',
      'UNT+13+1',
    ]) {
      expect(check(t), t).toEqual([]);
    }
  });
  it('passes panthaver segments', () => {
    for (const t of ['ATT+PNT++ZPA', 'ATT+DKL++ZBB', 'ICD+DK+ZKA', 'MOA+FSU:250000', 'NAD+DEB+0101801234::CPR++Navn', 'BGM+Z70', 'ERC+3']) {
      expect(check(t, pant), t).toEqual([]);
    }
  });
  it('13: missing mandatory element, composite and component', () => {
    expect(codes('NAD')).toEqual([['13', 1, null]]);
    expect(codes('NAD+MR+::VIR')).toEqual([['13', 2, 1]]);
    expect(codes('DTM+:20241120:102')).toEqual([['13', 1, 1]]);
    expect(codes('UNT++1')).toEqual([['13', 1, null]]);
  });
  it('16: too many elements, components or repetitions', () => {
    expect(codes('BGM+9++++x')).toEqual([['16', 5, null]]);
    expect(codes('BGM+9++++')).toEqual([]); // trailing empty elements are tolerated
    expect(codes('DTM+137:20241120:102:x')).toEqual([['16', 1, 4]]);
    expect(codes('NAD+MR:x')).toEqual([['16', 1, 2]]);
    const s = { ...seg('BGM+9'), repeats: { 0: [['9'], ['11']] } };
    expect(checkSegment(s, STANDARD_LAYOUTS.BGM!).map((i) => i.code)).toEqual(['16']);
  });
  it('37 / 39 / 40 / 19: format errors', () => {
    expect(codes('SIF+FASTP+x')).toEqual([['37', 2, null]]);
    expect(codes('UNT+12345678901+1')).toEqual([['39', 1, null]]);
    expect(codes('SIF+FASTP+1.2.3')).toEqual([['19', 2, null]]);
    expect(codes('RFF+OPS:' + 'x'.repeat(36))).toEqual([['39', 1, 2]]);
    const unb = seg('UNB+UNOC:3+1:ZZ+2:ZZ+241120:230+1');
    expect(checkSegment(unb, ops.segments.UNB!).map((i) => [i.code, i.element, i.component])).toEqual([['40', 4, 2]]);
  });
  it('12: a value not in the bound code list', () => {
    expect(codes('BGM+99')).toEqual([['12', 1, 1]]);
    expect(codes('RFF+XXX:1')).toEqual([['12', 1, 1]]);
    expect(codes('NAD+ZZ')).toEqual([['12', 1, null]]);
    expect(codes('NAD+MR+1::ABC')).toEqual([['12', 2, 3]]);
    expect(codes('BRC+123:001')).toEqual([['12', 1, 1]]);
    expect(codes('SHI+7')).toEqual([['12', 1, null]]);
    expect(codes('DTM+137:20241120:203')).toEqual([['12', 1, 3]]);
    expect(codes('ATT+PNT++ZXX', pant)).toEqual([['12', 3, 1]]);
  });
  it('skips code-list checks without code lists', () => {
    expect(checkSegment(seg('BGM+99'), ops.segments.BGM!)).toEqual([]);
    expect(Object.keys(lists)).toContain('qualifiers.RFF');
  });
});

describe('layoutFor: the layout a segment is checked against', () => {
  const profile = getProfile('fp-opsigelser/5.5-reconstructed');
  const codeLists = profileCodeLists(profile);
  const check = (tag: string, ...elements: string[][]) => {
    const segment = { tag, elements };
    return checkSegment(segment, layoutFor(profile, segment)!, { codeLists }).map((i) => [i.code, i.element, i.component]);
  };

  it("narrows a NAD to its party's positions: a company has no second name or address, the policyholder has", () => {
    expect(check('NAD', ['MR'], ['22222222', '', 'VIR'], [], ['Afgivende A/S', 'Afd. 2'], ['Vej 1'])).toEqual([
      ['15', 4, 2],
      ['15', 5, null],
    ]);
    expect(check('NAD', ['FT1'], ['0101801234', '', 'CPR'], [], ['Søren', 'c/o Hansen'], ['Vej 1'])).toEqual([]);
    expect(check('NAD', ['FS'], ['0101801234', '', 'CPR'], [], ['Søren'], ['Vej 1'])).toEqual([
      ['15', 2, null],
      ['15', 4, null],
    ]);
  });

  it('reads the qualifier codes of the profile asked, even when two profiles share one layout object', () => {
    // A hand-built profile reusing the shipped NAD layout with another code for the recipient.
    const other = { ...profile, qualifiers: { ...profile.qualifiers, NAD: { ...profile.qualifiers.NAD!, recipient: { ...profile.qualifiers.NAD!.recipient!, value: 'ZR' } } } };
    const nad = { tag: 'NAD', elements: [['MR'], ['22222222', '', 'VIR'], [], ['Afgivende A/S', 'Afd. 2']] };
    expect(layoutFor(profile, nad)!.elements[3]!.components![1]!.status).toBe('N');
    expect(layoutFor(other, nad)).toBe(other.segments.NAD);
    expect(layoutFor(other, { ...nad, elements: [['ZR'], ...nad.elements.slice(1)] })!.elements[3]!.components![1]!.status).toBe('N');
  });

  it('is the layout itself for a segment without byQualifier, and undefined for a tag without a layout', () => {
    expect(layoutFor(profile, { tag: 'DTM', elements: [['137']] })).toBe(profile.segments.DTM);
    expect(layoutFor(profile, { tag: 'XYZ', elements: [] })).toBeUndefined();
  });

  it('plain-JS misuse is a TypeError saying what is wrong, not one from inside', () => {
    const nad = { tag: 'NAD', elements: [['MR']] };
    // layoutFor(…)! for a tag without a layout is undefined: checkSegment says so.
    expect(() => checkSegment(nad, layoutFor(profile, { tag: 'XYZ', elements: [] })!)).toThrow(/^fp-edifact: checkSegment: layout must be a segment layout \{ tag, elements \} \(layoutFor gives undefined for a tag the profile has no layout for\), got undefined/);
    expect(() => checkSegment(null as never, profile.segments.NAD!)).toThrow(/^fp-edifact: checkSegment: segment must be \{ tag, elements \}, got null/);
    expect(() => checkSegment({ tag: 'NAD', elements: null } as never, profile.segments.NAD!)).toThrow(/segment must be \{ tag, elements \}/);
    expect(() => checkSegment(nad, profile.segments.NAD!, null as never)).toThrow(/^fp-edifact: checkSegment: options must be an object, got null/);
    expect(() => layoutFor(profile, null as never)).toThrow(/^fp-edifact: layoutFor: segment must be \{ tag, elements \}, got null/);
    expect(() => layoutFor(profile, { tag: 'NAD' } as never)).toThrow(/layoutFor: segment must be/);
  });
});
