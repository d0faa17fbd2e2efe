/**
 * Test helpers: re-encode a whole input (every interchange, every message) through the
 * typed layer and write it back with the same envelope values, service characters and
 * line breaks, so fixtures can be compared byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInterchange } from '../../src/envelope/builder.js';
import { parseInterchanges } from '../../src/envelope/read.js';
import type { Interchange } from '../../src/envelope/types.js';
import { decodeMessage, type DecodeResult, type FpMessage } from '../../src/messages/decode.js';
import { encodeMessage } from '../../src/messages/encode.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import fc from 'fast-check';
import { layoutFor, roleOf } from '../../src/schema/access.js';
import { patchProfile } from '../../src/schema/patch.js';
import type { GuideProfile } from '../../src/schema/profile.js';
import type { SegmentLayout } from '../../src/schema/segments.js';
import { parse } from '../../src/syntax/read.js';
import type { SegmentInput } from '../../src/syntax/segment.js';
import { serializeToBytes } from '../../src/syntax/writer.js';

/** The default profile for a UNH message type. */
export function profileForType(type: string): GuideProfile {
  if (type === opsigelser55.messageIdentifier.type.value) return opsigelser55;
  if (type === panthaver52.messageIdentifier.type.value) return panthaver52;
  throw new Error(`no profile for message type ${type}`);
}

/** `YYMMDD` / `CCYYMMDD` (UNB S004) → ISO date (20YY assumed for two-digit years). */
export function unbDateToIso(d: string): string {
  const full = d.length === 6 ? `20${d}` : d;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

function newlineOf(bytes: Uint8Array): '' | '\n' | '\r\n' {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  return '';
}

/** Everything decoded from one input. */
export interface Decoded {
  interchanges: Interchange[];
  results: DecodeResult[][];
}

/** Parses and decodes every message of every interchange. */
export function decodeAll(bytes: Uint8Array): Decoded {
  const { interchanges } = parseInterchanges(bytes);
  const results = interchanges.map((ic) => ic.messages.map((m) => decodeMessage(m, profileForType(m.header.type))));
  return { interchanges, results };
}

/**
 * Decodes every message, encodes it again and rebuilds the whole input: same UNB values,
 * same UNH references, same UNA/service characters and line breaks; UNG/UNE copied from
 * the input (buildInterchange does not write functional groups).
 */
export function reencode(bytes: Uint8Array): { output: Buffer; values: FpMessage[] } {
  const { interchanges, results } = decodeAll(bytes);
  const raw = parse(bytes).segments;
  const newline = newlineOf(bytes);
  const values: FpMessage[] = [];
  const parts: Buffer[] = [];
  interchanges.forEach((ic, i) => {
    const h = ic.header!;
    const messages = ic.messages.map((m, j) => {
      const r = results[i]![j]!;
      if (!r.ok) throw new Error(`message ${j + 1} of interchange ${i + 1} does not decode: ${JSON.stringify(r.errors)}`);
      values.push(r.value);
      const enc = encodeMessage(r.value, profileForType(m.header.type), { decimalMark: h.serviceChars.decimal as '.' | ',' });
      return { header: { ...enc.header, reference: m.header.reference }, body: enc.body };
    });
    let segments: SegmentInput[] = buildInterchange({
      sender: { id: h.sender.id, ...(h.sender.qualifier ? { qualifier: h.sender.qualifier } : {}) },
      recipient: { id: h.recipient.id, ...(h.recipient.qualifier ? { qualifier: h.recipient.qualifier } : {}) },
      reference: h.reference,
      date: unbDateToIso(h.date),
      time: h.time,
      syntaxId: h.syntaxId,
      syntaxVersion: h.syntaxVersion,
      messages,
    });
    if (ic.groups.length > 0) {
      // one group per interchange in the fixtures: copy its UNG/UNE and let UNZ count groups
      const ung = raw.find((s) => s.tag === 'UNG' && s.elements[4]?.[0] === ic.groups[0]!.reference)!;
      const une = raw.find((s) => s.tag === 'UNE' && s.elements[1]?.[0] === ic.groups[0]!.reference)!;
      const unz = segments[segments.length - 1]!;
      segments = [
        segments[0]!,
        ung,
        ...segments.slice(1, -1),
        une,
        { tag: 'UNZ', elements: [[String(ic.groups.length)], ...unz.elements.slice(1)] },
      ];
    }
    parts.push(Buffer.from(serializeToBytes(segments, { serviceChars: h.serviceChars, una: h.una, newline })));
  });
  return { output: Buffer.concat(parts), values };
}

/** Message `n` (default the first) of a file in `fixtures/`, decoded; throws when it does not decode. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function decodedFixture<T extends FpMessage = any>(name: string, n = 0): T {
  const r = decodeAll(readFileSync(join(import.meta.dirname, '../../fixtures', name))).results.flat()[n]!;
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value as T;
}

/** A place in a segment, 0-based: element `e`, component `c`. */
export interface Site {
  segment: SegmentInput;
  e: number;
  c: number;
}

/**
 * `profile` patched so that each site's position is used (`N` → `C`, element and component),
 * also for the site's party where the layout narrows by qualifier (`byQualifier`): what a
 * partner's Bilag 1 might add. A site past the layout stays unused.
 */
export function openPositions(profile: GuideProfile, sites: readonly Site[]): GuideProfile {
  const segments: Record<string, SegmentLayout> = {};
  for (const { segment, e, c } of sites) {
    const layout = segments[segment.tag] ?? structuredClone(profile.segments[segment.tag]!);
    const el = layout.elements[e];
    const component = el?.components?.[c];
    if (el === undefined || (el.components ? component === undefined : c > 0)) continue;
    if (el.status === 'N') el.status = 'C';
    if (component?.status === 'N') component.status = 'C';
    const role = roleOf(profile, segment.tag, segment.elements[0]?.[0] ?? '');
    const used = role === undefined ? undefined : layout.byQualifier?.[role];
    const at = el.components ? `${e + 1}.${c + 1}` : `${e + 1}`;
    if (used !== undefined && !used.includes(at)) used.push(at);
    segments[segment.tag] = layout;
  }
  return patchProfile(profile, { segments });
}

/** `body` with `value` put at each site (a copy; elements and components added as needed). */
export function fillSites(body: readonly SegmentInput[], sites: ReadonlyArray<Site & { value: string }>): SegmentInput[] {
  const out = body.map((s) => ({ tag: s.tag, elements: s.elements.map((el) => [...el]) }));
  for (const { segment, e, c, value } of sites) {
    const s = out[body.indexOf(segment)]!;
    while (s.elements.length <= e) s.elements.push(['']);
    while (s.elements[e]!.length <= c) s.elements[e]!.push('');
    s.elements[e]![c] = value;
  }
  return out;
}

/** The empty positions of `body`, up to one element past each layout and one component past each composite. */
export function emptySites(body: readonly SegmentInput[], profile: GuideProfile): Site[] {
  return body.flatMap((segment) => {
    const layout = layoutFor(profile, segment)!;
    const sites: Site[] = [];
    for (let e = 0; e <= layout.elements.length; e++) {
      const width = (layout.elements[e]?.components?.length ?? 1) + 1;
      for (let c = 0; c < width; c++) if ((segment.elements[e]?.[c] ?? '') === '') sites.push({ segment, e, c });
    }
    return sites;
  });
}

/** A generated message, its body, and 1–3 of its empty positions, each with a value and whether a patch opens it. */
export interface FilledCase {
  message: FpMessage;
  body: SegmentInput[];
  picks: Array<{ site: Site; value: string; open: boolean }>;
}

/** {@link FilledCase}s: `values` put in empty positions of messages from `arbMessage`, each opened in the profile when `open` says so. */
export function arbFilled(arbMessage: fc.Arbitrary<FpMessage>, profile: GuideProfile, values: readonly string[], open: fc.Arbitrary<boolean> = fc.boolean()): fc.Arbitrary<FilledCase> {
  return arbMessage.chain((message) => {
    const body = encodeMessage(message, profile).body;
    const arbPick = fc.record({ site: fc.constantFrom(...emptySites(body, profile)), value: fc.constantFrom(...values), open });
    return fc.record({ message: fc.constant(message), body: fc.constant(body), picks: fc.uniqueArray(arbPick, { minLength: 1, maxLength: 3, selector: (p) => p.site }) });
  });
}
