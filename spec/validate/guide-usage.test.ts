/**
 * Positions a guide does not use. The shipped profiles follow default-profile.md's wire forms
 * (`BGM+<kind>'` — "1004 not used", seed 002 —, `NAD+<q>+<id>::<type>++<name>:<name 2>+…`,
 * `FTX+<subject>+++<text>…`, …): data anywhere else in those segments is refused by the
 * CONTRL with 15 (not supported in this position) at its element and component, as the typed
 * decoder refuses it, instead of a positive CONTRL for a message nobody can read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/index.js';
import { decodeMessage } from '../../src/messages/index.js';
import { getProfile, layoutFor, patchProfile, type GuideProfile } from '../../src/schema/index.js';
import { parse } from '../../src/syntax/read.js';
import { serialize } from '../../src/syntax/writer.js';
import { validate } from '../../src/validate/index.js';
import { NOW } from './helpers.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');

async function contrlOf(text: string): Promise<string> {
  const [r] = await validate(text, { now: NOW, detail: 'segment' });
  return r!.contrl;
}

describe('positions the guide does not use', () => {
  it("BGM 1004 (message number, 'not used' in opsigelser): CONTRL 15 at element 2, and the decoder refuses it too", async () => {
    const text = motor.replace("BGM+9'", "BGM+9+4711'");
    expect(await contrlOf(text)).toContain("UCM+1+OPSIGE:1:911:UN+4'UCS+2'UCD+15+3'");
    const message = parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;
    expect(decodeMessage(message, getProfile('fp-opsigelser/5.5-reconstructed')).ok).toBe(false);
  });

  it('an unused component between used ones (NAD C082 1131, between the id and its type): 15 at element 2, component 2', async () => {
    expect(await contrlOf(motor.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222:X1:VIR'))).toContain("UCS+7'UCD+15+3:2'");
  });

  it('an unused element between used ones (NAD C058 before the name): 15 at element 3', async () => {
    expect(await contrlOf(motor.replace('CPR++Søren', 'CPR+X1+Søren'))).toContain("UCS+9'UCD+15+4'");
  });

  it('by party: a company NAD (VIR) carries no address or second name, an insured-location NAD no id or name', async () => {
    const policyholder = motor.match(/NAD\+FT1[^']*/)![0];
    // Segment 7 is NAD MR, 9 the policyholder; the same positions are fine on the policyholder.
    expect(await contrlOf(motor.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::VIR++Afgivende A/S:Afd. 2+Vej 1'))).toContain("UCS+7'UCD+15+5:2'UCD+15+6'");
    expect(await contrlOf(motor.replace(policyholder, `${policyholder}`.replace('Søren Ærø Ågård', 'Søren Ærø Ågård:c/o Hansen')))).toContain("UCI+20241120230001+11111111:ZZ+22222222:ZZ+7'");
    const location = 'NAD+FS+0101801234::CPR++Østergade 12+Østergade 12+København K++1100+DK';
    expect(await contrlOf(motor.replace(`${policyholder}'`, `${policyholder}'\n${location}'`).replace('UNT+13+1', 'UNT+14+1'))).toContain("UCS+10'UCD+15+3'UCD+15+5'");
  });

  it('opsigelser: only RFF MAT carries C506 component 5 (ejerlav): on another reference it is 15 at 1:5, and the decoder refuses it too', async () => {
    // Segment 3 is RFF OPS, 10 RFF POL; RFF MAT with its ejerlav is fine (opsigelse-9-building.edi, below).
    for (const [from, to, at] of [['RFF+OPS:TRY-2024-000123', 'RFF+OPS:TRY-2024-000123:::X1', 3], ['RFF+POL:00-123?+456', 'RFF+POL:00-123?+456:::X1', 10]] as const) {
      const text = motor.replace(from, to);
      expect(await contrlOf(text)).toContain(`UCS+${at}'UCD+15+2:5'`);
      const message = parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;
      const r = decodeMessage(message, getProfile('fp-opsigelser/5.5-reconstructed'));
      expect(r.ok ? [] : r.errors.map((e) => [e.code, e.segmentPosition, e.element, e.component])).toEqual([['15', at, 1, 5]]);
    }
  });

  it('opsigelser: DTM 293 (last step change unknown) carries no date (seed 002: "anføres datoen som blank"): 15 at 1:2 from validate and from the decoder', async () => {
    const answer = readFileSync('fixtures/opsigelse-11-bonus-answer.edi', 'latin1');
    const text = answer.replace(/DTM\+290:\d{8}:102/, 'DTM+293:20240101:102');
    expect(text).toContain('DTM+293:20240101:102');
    expect(await contrlOf(text)).toContain("UCS+11'UCD+15+2:2'");
    const decoded = decodeMessage(parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!, getProfile('fp-opsigelser/5.5-reconstructed'));
    expect(decoded.ok ? [] : decoded.errors.map((e) => [e.code, e.segmentPosition, e.element, e.component])).toEqual([['15', 11, 1, 2]]);
    // the blank date the seed asks for is fine
    const [blank] = await validate(answer.replace(/DTM\+290:\d{8}:102/, 'DTM+293::102'), { now: NOW });
    expect(blank!.accepted).toBe(true);
  });

  it("a code outside the profile's code lists where the typed field takes any code (ATT 9019, ICD 4495): 12 from validate and from the decoder", async () => {
    const declaration = readFileSync('fixtures/panthaver-33-accept.edi', 'latin1');
    const profile = getProfile('fp-panthaver/5.2-reconstructed');
    for (const [from, to, place] of [['ATT+PNT++ZPA', 'ATT+PNT++ZZZ', '3:1'], ['ICD+DK+ZKA', 'ICD+DK+ZZZ', '2:1']] as const) {
      expect(declaration).toContain(from);
      const text = declaration.replace(from, to);
      const [r] = await validate(text, { now: NOW, profile, detail: 'segment' });
      // The report counts data elements from 1; the CONTRL's S011 counts the tag as 1 (ISO 9735 0098).
      const [element, component] = place.split(':').map(Number);
      expect(r!.contrl).toContain(`UCD+12+${element! + 1}:${component}'`);
      const decoded = decodeMessage(parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!, profile);
      expect(decoded.ok ? [] : decoded.errors.map((e) => [e.code, e.segment, `${e.element}:${e.component}`])).toEqual([['12', to.slice(0, 3), place]]);
    }
  });

  it('a party id without its type (C082 3055: VIR, CPR or CVR) is 13 at element 2, component 3', async () => {
    expect(await contrlOf(motor.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222'))).toContain("UCS+7'UCD+13+3:3'");
  });

  it('is profile data: a patch that gives BGM 1004 status C takes the message number again', async () => {
    const base = getProfile('fp-opsigelser/5.5-reconstructed');
    const elements = base.segments.BGM!.elements.map((e, i) => (i === 1 ? { ...e, status: 'C' as const } : e));
    const profile = patchProfile(base, { segments: { BGM: { elements } } });
    const [r] = await validate(motor.replace("BGM+9'", "BGM+9+4711'"), { now: NOW, profile });
    expect(r!.accepted).toBe(true);
    expect(r!.errors).toEqual([]);
  });

  it('keeps every position the wire forms use: the shipped fixtures still validate clean', async () => {
    for (const f of ['opsigelse-9-building.edi', 'opsigelse-12-content-error.edi', 'opsigelse-29-accept-with-date.edi', 'panthaver-30-new-declaration.edi', 'panthaver-Z15-sum-changed.edi']) {
      const [r] = await validate(readFileSync(`fixtures/${f}`), { now: NOW });
      expect(r!.accepted, f).toBe(true);
      expect(r!.errors, f).toEqual([]);
    }
  });
});

/**
 * Each way of putting `X1` where a segment has no data, up to one element past its layout and one
 * component past each composite: an empty position filled, a component or element added.
 */
function variants(line: string, profile: GuideProfile): string[] {
  const segment = parse(line).segments[0]!;
  const layout = layoutFor(profile, segment)!;
  const out: string[] = [];
  for (let e = 0; e <= layout.elements.length; e++) {
    const width = (layout.elements[e]?.components?.length ?? 1) + 1;
    for (let c = 0; c < width; c++) {
      if ((segment.elements[e]?.[c] ?? '') !== '') continue;
      const elements = segment.elements.map((el) => [...el]);
      while (elements.length <= e) elements.push(['']);
      while (elements[e]!.length <= c) elements[e]!.push('');
      elements[e]![c] = 'X1';
      out.push(serialize([{ tag: segment.tag, elements }]));
    }
  }
  return out;
}

describe('validate and the decoder agree on where data may be', () => {
  it('with X1 put in any empty position of a fixture, the CONTRL is positive exactly when the decoder reads the message', async () => {
    const disagreements: string[] = [];
    for (const file of readdirSync('fixtures').filter((f) => /^(opsigelse|panthaver)-.*\.edi$/.test(f))) {
      const lines = readFileSync(`fixtures/${file}`, 'latin1').split('\n');
      const profile = getProfile(file.startsWith('opsigelse') ? 'fp-opsigelser/5.5-reconstructed' : 'fp-panthaver/5.2-reconstructed');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i] || /^(UNA|UNB|UNH|UNT|UNZ)/.test(lines[i]!)) continue;
        for (const changed of variants(lines[i]!, profile)) {
          const text = lines.map((l, k) => (k === i ? changed : l)).join('\n');
          const [r] = await validate(text, { now: NOW, profile });
          const positive = r!.errors.length === 0 && r!.messages[0]!.status !== 'rejected';
          const message = parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;
          const decoded = decodeMessage(message, profile);
          if (positive !== decoded.ok) disagreements.push(`${file}: ${changed} (validate ${positive ? 'positive' : 'negative'}, decoder ${decoded.ok ? 'reads it' : 'refuses it'})`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
