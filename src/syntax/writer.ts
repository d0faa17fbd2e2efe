import { type Charset, charsetFor, encodeText, firstUnencodableChar } from './charsets.js';
import { EdifactSyntaxError, type Position, SyntaxErrorCode } from './errors.js';
import type { SegmentInput } from './segment.js';
import { checkOptions, describeValue, isBoolean, isObject, isString, oneOf, type OptionCheck } from './options.js';
import { DEFAULT_SERVICE_CHARS, ROLES, type ServiceChars, escapedServiceChars, formatServiceString, parseServiceString, releaseInUse, repetitionInUse, restrictedPlacesBroken, sameServiceChars } from './service-chars.js';

/** How segments are written. */
export interface SerializeOptions {
  /** Service characters to use (default `:+.? '`). */
  serviceChars?: ServiceChars;
  /** Write a UNA first. Default: only when the service characters are not the defaults. */
  una?: boolean;
  /** Written after every segment terminator (and after UNA). Default none. */
  newline?: '' | '\n' | '\r\n';
}

/** How `serializeToBytes` writes: as {@link SerializeOptions}, in the charset of a syntax identifier. */
export interface SerializeBytesOptions extends SerializeOptions {
  /** Syntax identifier whose charset encodes the text; default: the first UNB's S001, else UNOC. Every UNB's S001 0001 must name it (else syntax error 12). */
  syntaxId?: string;
}

const SERIALIZE_CHECKS: readonly OptionCheck[] = [
  ['serviceChars', isObject, 'an object of six service characters'],
  ['una', isBoolean, 'true or false'],
  ['newline', oneOf('', '\n', '\r\n'), `'', '\\n' or '\\r\\n'`],
  ['syntaxId', isString, 'a syntax identifier such as UNOC'],
];

/** Refuses service characters a reader could not read back (the rules of a UNA). */
function checkServiceChars(chars: ServiceChars): void {
  for (const role of ROLES) {
    const ch: unknown = chars[role];
    if (typeof ch !== 'string' || ch.length !== 1) throw new TypeError(`fp-edifact: serialize: option serviceChars.${role} must be one character, got ${describeValue(ch)}`);
  }
  try {
    parseServiceString(formatServiceString(chars).slice(3));
  } catch (error) {
    throw new RangeError(`fp-edifact: serialize: option serviceChars: ${(error as EdifactSyntaxError).reason}`);
  }
}

/**
 * Throws syntax error 20 at UNB S001 0002 when its syntax version restricts a UNA place `chars`
 * break ({@link BEFORE_VERSION_4}: a decimal mark other than a comma or a full stop, a repetition
 * separator): a reader would report it and read the place otherwise.
 */
function refuseRestrictedPlaces(unb: SegmentInput, chars: ServiceChars, segmentNumber: number): void {
  const version = unb.elements[0]?.[1] ?? '';
  const place = restrictedPlacesBroken(chars, version)[0];
  if (place === undefined) return;
  throw new EdifactSyntaxError(
    SyntaxErrorCode.characterInvalidAsServiceCharacter,
    `syntax version ${version} ${place.refusal}: ${JSON.stringify(chars[place.role])} would be read back as ${JSON.stringify(place.readAs)}; write syntax version 4, or ${place.remedy}`,
    { segmentNumber, tag: 'UNB', element: 1, component: 2 },
  );
}

/**
 * Builds the escaper for one set of service characters: the release char goes before each
 * of `set` (by default every active one). Without a release character there is no escaping:
 * values are returned as they are ({@link serialize} refuses those that hold a service character).
 */
function makeEscaper(chars: ServiceChars, set = escapedServiceChars(chars)): (value: string) => string {
  if (!releaseInUse(chars)) return (value) => value;
  return (value) => {
    let out = '';
    let run = 0;
    let escaped = false;
    for (let i = 0; i < value.length; i++) {
      if (set.indexOf(value[i] as string) !== -1) {
        out += value.slice(run, i) + chars.release;
        run = i;
        escaped = true;
      }
    }
    return escaped ? out + value.slice(run) : value;
  };
}

/**
 * Throws syntax error 22 at the first component of `components` that holds one of `active`:
 * without a release character it cannot be written, and written as it is it would read back as
 * other segments.
 */
function refuseUnescapable(components: ReadonlyArray<string>, active: string, at: { segmentNumber: number; tag: string; element: number }): void {
  for (let c = 0; c < components.length; c++) {
    const value = components[c] as string;
    for (let i = 0; i < value.length; i++) {
      if (active.indexOf(value[i] as string) === -1) continue;
      throw new EdifactSyntaxError(
        SyntaxErrorCode.invalidServiceCharacter,
        `the ${at.element === 0 ? 'tag' : 'value'} holds the service character ${JSON.stringify(value[i])} and no release character is in use to escape it`,
        at.element === 0 ? at : { ...at, component: c + 1 },
      );
    }
  }
}

/**
 * Writes segments as EDIFACT text, escaping exactly the active service characters. Without a
 * release character (a space in the UNA), a value holding a service character is syntax error 22,
 * naming its segment, element and component (a tag releases every service character but the
 * component separator, which nests a syntax 4 tag, and is refused as element 0 without a
 * release character); without a repetition separator, an element with
 * more than one occurrence (`repeats`) is syntax error 35, and with one, a UNB of syntax version
 * 1–3 (which reserves the UNA's fifth place) is syntax error 20, as is such a UNB under a decimal
 * mark other than a comma or a full stop; a character the charset declared by the interchange's
 * UNB (S001 0001) cannot carry — `Ω` under UNOC, lower case under UNOA — is syntax error 21,
 * naming its segment, element and component (segments before any UNB are not checked) — never
 * written so that it reads back differently.
 *
 * @example
 * serialize([{ tag: 'BGM', elements: [['9']] }]) // "BGM+9'"
 */
export function serialize(segments: Iterable<SegmentInput>, options: SerializeOptions = {}): string {
  checkOptions(options, SERIALIZE_CHECKS, 'serialize');
  if (options.serviceChars !== undefined) checkServiceChars(options.serviceChars);
  const chars = options.serviceChars ?? DEFAULT_SERVICE_CHARS;
  const newline = options.newline ?? '';
  const una = options.una ?? !sameServiceChars(chars, DEFAULT_SERVICE_CHARS);
  const escape = makeEscaper(chars);
  const unescapable = releaseInUse(chars) ? null : escapedServiceChars(chars);
  // In a tag the component separator nests (syntax 4, `UNH:1`): every other service character is released.
  const tagServiceChars = escapedServiceChars(chars).slice(chars.component.length);
  const escapeTag = makeEscaper(chars, tagServiceChars);
  const repeatable = repetitionInUse(chars);
  const writeElement = (components: ReadonlyArray<string>): string => {
    if (components.length === 1) return escape(components[0] as string);
    return components.map(escape).join(chars.component);
  };
  const parts: string[] = [];
  if (una) parts.push(formatServiceString(chars) + newline);
  // The charset of the current interchange (its UNB's S001); null before any UNB (a fragment).
  let charset: Charset | null = null;
  let segmentNumber = 0;
  for (const segment of segments) {
    segmentNumber++;
    if (unescapable !== null) refuseUnescapable([segment.tag], tagServiceChars, { segmentNumber, tag: segment.tag, element: 0 });
    if (segment.tag === 'UNB') {
      refuseRestrictedPlaces(segment, chars, segmentNumber);
      charset = declaredCharset(segment);
    }
    let line = escapeTag(segment.tag);
    const elements = segment.elements;
    for (let e = 0; e < elements.length; e++) {
      const occurrences = segment.repeats?.[e];
      if (occurrences !== undefined && occurrences.length > 1 && !repeatable) {
        throw new EdifactSyntaxError(
          SyntaxErrorCode.tooManyRepetitions,
          `the element repeats ${occurrences.length} times but no repetition separator is in use (a space in the UNA's fifth place)`,
          { segmentNumber, tag: segment.tag, element: e + 1 },
        );
      }
      if (unescapable !== null) {
        const at = { segmentNumber, tag: segment.tag, element: e + 1 };
        for (const components of occurrences ?? [elements[e] as ReadonlyArray<string>]) refuseUnescapable(components, unescapable, at);
      }
      line += chars.element;
      line += occurrences ? occurrences.map(writeElement).join(chars.repetition) : writeElement(elements[e] as ReadonlyArray<string>);
    }
    // One scan of the written line; only when it holds a character outside the charset (in a value,
    // or a service character such as a TAB separator in UNOC) are the values searched for the place.
    if (charset !== null && firstUnencodableChar(charset, line) !== -1) {
      const refusal = unencodableIn(charset, segment, segmentNumber);
      if (refusal !== null) throw refusal;
    }
    parts.push(line + chars.terminator + newline);
  }
  return parts.join('');
}

/**
 * Syntax error 21 at the first character of `segment` — its tag (element 0) or a component of any
 * occurrence of a repeated element — that `charset` cannot carry, or `null` when it carries all.
 */
function unencodableIn(charset: Charset, segment: SegmentInput, segmentNumber: number): EdifactSyntaxError | null {
  const refusal = (value: string, bad: number, at: Position): EdifactSyntaxError =>
    new EdifactSyntaxError(SyntaxErrorCode.invalidCharacter, `character ${JSON.stringify(value[bad])} cannot be written in the ${charset.id} character set`, at);
  const tagBad = firstUnencodableChar(charset, segment.tag);
  if (tagBad !== -1) return refusal(segment.tag, tagBad, { segmentNumber, tag: segment.tag, element: 0 });
  const elements = segment.elements;
  for (let e = 0; e < elements.length; e++) {
    // Every occurrence of a repeated element is written, not only the first (`elements[e]`).
    for (const occurrence of segment.repeats?.[e] ?? [elements[e] as ReadonlyArray<string>]) {
      for (let c = 0; c < occurrence.length; c++) {
        const value = occurrence[c] as string;
        const bad = firstUnencodableChar(charset, value);
        if (bad !== -1) return refusal(value, bad, { segmentNumber, tag: segment.tag, element: e + 1, component: c + 1 });
      }
    }
  }
  return null;
}

/** The charset a UNB declares (S001 0001), or `null` for a syntax identifier fp-edifact does not know (the reader reports that, 2). */
function declaredCharset(unb: SegmentInput): Charset | null {
  return charsetFor(unb.elements[0]?.[0] ?? '') ?? null;
}

/**
 * The first character of `segments` that the charset of the interchange holding it cannot carry,
 * as syntax error 21 at its segment (UNB = 1 for the first segment given), element and component;
 * `null` when there is none. Each UNB's S001 declares the charset of the segments from it to the
 * next UNB; segments before any UNB (a fragment) and under an unknown syntax identifier are not checked.
 */
export function firstUnencodable(segments: Iterable<SegmentInput>): EdifactSyntaxError | null {
  let charset: Charset | null = null;
  let segmentNumber = 0;
  for (const segment of segments) {
    segmentNumber++;
    if (segment.tag === 'UNB') charset = declaredCharset(segment);
    const refusal = charset === null ? null : unencodableIn(charset, segment, segmentNumber);
    if (refusal !== null) return refusal;
  }
  return null;
}

/**
 * Throws syntax error 12 at the first UNB's S001 0001 of `segments` that names another syntax
 * identifier than `syntaxId`, the one the bytes are encoded in: its readers would decode them in
 * the charset it names (`æ` as Latin-1 under UNOY is invalid UTF-8).
 */
function refuseContradictingUnb(segments: ReadonlyArray<SegmentInput>, syntaxId: string): void {
  const index = segments.findIndex((s) => s.tag === 'UNB' && (s.elements[0]?.[0] ?? '') !== syntaxId);
  if (index === -1) return;
  const declared = segments[index]?.elements[0]?.[0] ?? '';
  throw new EdifactSyntaxError(
    SyntaxErrorCode.invalidValue,
    `the UNB declares syntax identifier ${JSON.stringify(declared)} but the bytes would be encoded as ${syntaxId}: one interchange's bytes are in the charset its UNB names; write the option syntaxId ${JSON.stringify(declared)}, or leave it out`,
    { segmentNumber: index + 1, tag: 'UNB', element: 1, component: 1 },
  );
}

/**
 * Writes segments as bytes in the charset of the interchange. A character the charset cannot
 * carry — in the tag (element 0) or any occurrence of a repeated element — is syntax error 21,
 * naming the segment, element and component; never replaced silently. A UNB whose syntax
 * identifier (S001 0001) is not the one encoding the bytes (the `syntaxId` option, else the first
 * UNB's) is syntax error 12 at that UNB's S001 0001: bytes under a header naming another charset
 * would read back otherwise, or not at all.
 */
export function serializeToBytes(segments: ReadonlyArray<SegmentInput>, options: SerializeBytesOptions = {}): Uint8Array {
  const syntaxId = options.syntaxId ?? segments.find((s) => s.tag === 'UNB')?.elements[0]?.[0] ?? 'UNOC';
  const charset = charsetFor(syntaxId);
  if (!charset) {
    throw new EdifactSyntaxError(SyntaxErrorCode.syntaxVersionNotSupported, `syntax identifier ${JSON.stringify(syntaxId)} is not supported`, {
      tag: 'UNB',
      element: 1,
      component: 1,
    });
  }
  refuseContradictingUnb(segments, syntaxId);
  segments.forEach((segment, index) => {
    const refusal = unencodableIn(charset, segment, index + 1);
    if (refusal !== null) throw refusal;
  });
  return encodeText(charset, serialize(segments, options));
}

/** One element given to {@link segment}: a value, its components, or empty (`undefined`/`null`). */
export type ElementValue = string | ReadonlyArray<string | undefined> | undefined | null;

/**
 * Builds a segment for writing, dropping trailing empty components and elements the way
 * EDIFACT writers must (`NAD+MR+22222222::VIR'`, not `NAD+MR+22222222::VIR::::'`).
 * `undefined`/`null` is an empty element or component.
 *
 * @example
 * segment('NAD', 'MR', ['22222222', '', 'VIR']) // { tag: 'NAD', elements: [['MR'], ['22222222', '', 'VIR']] }
 */
export function segment(tag: string, ...elements: ElementValue[]): SegmentInput {
  const out: string[][] = elements.map((value) => {
    if (value === undefined || value === null) return [''];
    if (typeof value === 'string') return [value];
    const components = value.map((c) => c ?? '');
    while (components.length > 1 && components[components.length - 1] === '') components.pop();
    return components.length ? components : [''];
  });
  while (out.length > 0 && out[out.length - 1]?.length === 1 && out[out.length - 1]?.[0] === '') out.pop();
  return { tag, elements: out };
}
