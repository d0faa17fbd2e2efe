/**
 * `extraData`: data in positions a (patched) profile uses but the typed messages have no field
 * for. The decoder keeps it and the encoder writes it back; the profile's layouts decide what
 * is kept, refused (15) or missing (13), as they do for `validate`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterchanges } from '../../src/envelope/read.js';
import { buildReplyInterchange } from '../../src/messages/builders/interchange.js';
import { buildAccept } from '../../src/messages/builders/opsigelser.js';
import { decodeMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { MessageEncodeError } from '../../src/messages/wire/errors.js';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import type { ElementLayout } from '../../src/schema/segments.js';
import { parse } from '../../src/syntax/read.js';
import { serialize } from '../../src/syntax/writer.js';

const motor = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1');
const declaration = readFileSync('fixtures/panthaver-30-new-declaration.edi', 'latin1');

/** `profile` with the BGM 1004 element changed by `change`. */
function withBgm1004(profile: GuideProfile, change: Partial<ElementLayout>): GuideProfile {
  return patchProfile(profile, { segments: { BGM: { elements: profile.segments.BGM!.elements.map((e) => (e.id === '1004' ? { ...e, ...change } : e)) } } });
}
const messageOf = (text: string) => parseInterchanges(Buffer.from(text, 'latin1')).interchanges[0]!.messages[0]!;
const places = (r: ReturnType<typeof decodeMessage>) => (r.ok ? [] : r.errors.map((e) => [e.code, e.segment, e.segmentPosition, e.element, e.component]));
function encodeIssues(value: unknown, profile: GuideProfile): Array<{ path: string; message: string }> {
  try {
    encodeMessage(value as never, profile);
  } catch (e) {
    if (e instanceof MessageEncodeError) return e.issues;
    throw e;
  }
  return [];
}

describe('decoding under a patched profile', () => {
  const patched = withBgm1004(opsigelser55, { status: 'C' });

  it('panthaver too: BGM 1004 kept, the value otherwise as without it, written back', () => {
    const p = withBgm1004(panthaver52, { status: 'C' });
    const plain = decodeMessage(messageOf(declaration), p);
    const r = decodeMessage(messageOf(declaration.replace("BGM+30'", "BGM+30+PD-1'")), p);
    if (!r.ok || !plain.ok) throw new Error('does not decode');
    const { extraData, ...rest } = r.value;
    expect(rest).toEqual(plain.value);
    expect(extraData).toEqual([{ segment: 'BGM', qualifier: '30', occurrence: 1, element: 2, component: 1, value: 'PD-1' }]);
    expect(serialize(encodeMessage(r.value, p).body.slice(0, 1))).toBe("BGM+30+PD-1'");
    expect(plain.value.extraData).toBeUndefined();
    expect(places(decodeMessage(messageOf(declaration.replace("BGM+30'", "BGM+30+PD-1'")), panthaver52))).toEqual([['15', 'BGM', 2, 2, 1]]);
  });

  it("kept data is checked against the layout's format, as validate checks it (39: too long for an..35)", () => {
    const r = decodeMessage(messageOf(motor.replace("BGM+9'", `BGM+9+${'1'.repeat(36)}'`)), patched);
    expect(places(r)).toEqual([['39', 'BGM', 2, 2, null]]);
  });

  it('a position a patch makes mandatory that no typed field reads is missing (13)', () => {
    const r = decodeMessage(messageOf(motor), withBgm1004(opsigelser55, { status: 'M' }));
    expect(places(r)).toEqual([['13', 'BGM', 2, 2, null]]);
  });

  it('a position a patch takes away is refused (15) even where a typed field reads it', () => {
    const p = patchProfile(opsigelser55, { segments: { NAD: { byQualifier: { recipient: ['1', '2.1', '2.3'] } } } });
    const text = motor.replace('NAD+MR+22222222::VIR', 'NAD+MR+22222222::VIR++Modtager A/S');
    expect(decodeMessage(messageOf(text), opsigelser55).ok).toBe(true);
    expect(places(decodeMessage(messageOf(text), p))).toEqual([['15', 'NAD', 7, 4, 1]]);
  });

  it('the occurrence counts segments with the same tag and first value: the second FTX AAI is occurrence 2', () => {
    const p = patchProfile(opsigelser55, { segments: { FTX: { elements: opsigelser55.segments.FTX!.elements.map((e) => (e.id === '3453' ? { ...e, status: 'C' as const } : e)) } } });
    const other = readFileSync('fixtures/opsigelse-9-other-date.edi', 'latin1');
    const ftx = other.match(/FTX\+AAI\+\+\+[^']*'/)![0];
    const text = other.replace(ftx, `${ftx}\nFTX+AAI+++Linje 2+DA'`).replace(/UNT\+(\d+)/, (_, n: string) => `UNT+${Number(n) + 1}`);
    const r = decodeMessage(messageOf(text), p);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.extraData).toEqual([{ segment: 'FTX', qualifier: 'AAI', occurrence: 2, element: 5, component: 1, value: 'DA' }]);
    expect(r.kind === 'cancellation' && r.value.kind === 'cancellation' ? r.value.freeText?.[1] : undefined).toEqual(['Linje 2']);
    const body = serialize(encodeMessage(r.value, p).body, { newline: '\n' });
    expect(body).toContain(`${ftx}\nFTX+AAI+++Linje 2+DA'`);
  });

  it('a repeated element (syntax 4) the patched layout lets repeat: each further repetition is kept with its number', () => {
    const p = withBgm1004(opsigelser55, { status: 'C', repeat: 3 });
    const unh = motor.slice(motor.indexOf('UNH+'), motor.indexOf('UNZ+'));
    const segments = parse(`UNA:+.?*'${unh.replace("BGM+9'", "BGM+9+A*B*C'")}`).segments.filter((s) => s.tag !== 'UNA');
    const r = decodeMessage({ segments }, p);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.extraData).toEqual([
      { segment: 'BGM', qualifier: '9', occurrence: 1, element: 2, component: 1, value: 'A' },
      { segment: 'BGM', qualifier: '9', occurrence: 1, element: 2, component: 1, repetition: 2, value: 'B' },
      { segment: 'BGM', qualifier: '9', occurrence: 1, element: 2, component: 1, repetition: 3, value: 'C' },
    ]);
    const bgm = encodeMessage(r.value, p).body[0]!;
    expect(bgm).toEqual({ tag: 'BGM', elements: [['9'], ['A']], repeats: { 1: [['A'], ['B'], ['C']] } });
    // more repetitions than the layout allows: 15 at the element, as before
    const four = parse(`UNA:+.?*'${unh.replace("BGM+9'", "BGM+9+A*B*C*D'")}`).segments.filter((s) => s.tag !== 'UNA');
    expect(places(decodeMessage({ segments: four }, p))).toEqual([['15', 'BGM', 2, 2, null]]);
  });
});

describe('encoding extraData', () => {
  const patched = withBgm1004(opsigelser55, { status: 'C' });
  const decoded = decodeMessage(messageOf(motor), opsigelser55);
  if (!decoded.ok) throw new Error('fixture does not decode');
  const datum = { segment: 'BGM', qualifier: '9', occurrence: 1, element: 2, component: 1, value: '4711' };

  it('writes a datum at its segment and position; an empty list writes nothing', () => {
    expect(serialize(encodeMessage({ ...decoded.value, extraData: [datum] }, patched).body.slice(0, 1))).toBe("BGM+9+4711'");
    expect(encodeMessage({ ...decoded.value, extraData: [] }, patched)).toEqual(encodeMessage(decoded.value, patched));
    // components and elements before it are written empty
    expect(serialize(encodeMessage({ ...decoded.value, extraData: [{ ...datum, element: 3, value: '9' }] }, patchProfile(patched, { segments: { BGM: { elements: patched.segments.BGM!.elements.map((e) => (e.status === 'N' ? { ...e, status: 'C' as const } : e)) } } })).body.slice(0, 1))).toBe("BGM+9++9'");
  });

  it('refuses, naming the datum: a position the profile does not use, a segment the message lacks, a position a typed field fills, a value the layout refuses', () => {
    const cases: Array<[unknown[], GuideProfile, string]> = [
      [[datum], opsigelser55, 'extraData.0: BGM 9, element 2, component 1: not a position profile fp-opsigelser/5.5-reconstructed uses'],
      [[{ ...datum, qualifier: '11' }], patched, 'extraData.0: BGM 11, element 2, component 1: the message has no such segment'],
      [[{ ...datum, occurrence: 2 }], patched, 'extraData.0: BGM 9 (occurrence 2), element 2, component 1: the message has no such segment'],
      [[datum, datum], patched, 'extraData.1: BGM 9, element 2, component 1: the position already holds "4711"'],
      [[{ ...datum, segment: 'NAD', qualifier: 'FT1', element: 4, component: 1 }], patched, 'extraData.0: NAD FT1, element 4, component 1: the position already holds "Søren Ærø Ågård"'],
      [[{ ...datum, value: '1'.repeat(36) }], patched, 'extraData.0: BGM 9, element 2, component 1: 1004 Document/message number:'],
      [[{ ...datum, element: 2, component: 2 }], patched, 'extraData.0: BGM 9, element 2, component 2: not a position profile fp-opsigelser/5.5-reconstructed uses'],
      [[{ ...datum, repetition: 2 }], patched, 'extraData.0: BGM 9, element 2, component 1, repetition 2: not a position profile fp-opsigelser/5.5-reconstructed uses'],
    ];
    for (const [extraData, profile, message] of cases) {
      const issues = encodeIssues({ ...decoded.value, extraData }, profile);
      expect(issues.length, message).toBe(1);
      expect(`${issues[0]!.path}: ${issues[0]!.message}`).toContain(message);
    }
  });

  it('the reply builders carry it: a built reply with extraData, through buildReplyInterchange, writes it under the patched profile', () => {
    if (decoded.value.kind !== 'cancellation') throw new Error('fixture is not a cancellation');
    const accept = buildAccept(decoded.value, { messageDate: '2024-11-21' });
    expect(accept.extraData).toBeUndefined(); // a reply does not inherit the received message's positions
    const reply = { ...accept, extraData: [{ ...datum, qualifier: '29' }] };
    const received = { sender: { id: decoded.value.sender.vir, qualifier: 'ZZ' }, recipient: { id: decoded.value.recipient.vir, qualifier: 'ZZ' } };
    const options = { reference: 'R1', date: '2024-11-21', time: '1200' };
    expect(serialize(buildReplyInterchange(reply, received, { ...options, profile: patched }))).toContain("BGM+29+4711'");
    expect(() => buildReplyInterchange(reply, received, options)).toThrow(MessageEncodeError);
  });

  it('the schema refuses a malformed datum (no keys beyond its own, positions from 1)', () => {
    for (const bad of [{ ...datum, element: 0 }, { ...datum, value: '' }, { ...datum, extra: 1 }, { ...datum, segment: 'bgm' }, { ...datum, repetition: 1 }]) {
      expect(encodeIssues({ ...decoded.value, extraData: [bad] }, patched).map((i) => i.path.split('.').slice(0, 2).join('.'))).toEqual(['extraData.0']);
    }
  });
});
