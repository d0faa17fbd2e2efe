import { buildError, type ErrorDraft, errorDraft, SyntaxErrorCode, thrownFrom } from './errors.js';

/** The six service characters of a UNA service string advice. */
export interface ServiceChars {
  /** Component data element separator (default `:`). */
  component: string;
  /** Data element separator (default `+`). */
  element: string;
  /** Decimal mark (default `.`); `,` is valid in numeric data whatever this says. */
  decimal: string;
  /** Release character (default `?`); a space means no release character. */
  release: string;
  /** Repetition separator (syntax 4); a space means reserved / not used (default). */
  repetition: string;
  /** Segment terminator (default `'`). */
  terminator: string;
}

/** Service characters in force when no UNA is given. */
export const DEFAULT_SERVICE_CHARS: Readonly<ServiceChars> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  terminator: "'",
});

/**
 * The service characters in force after a segment `tag` read under `chars`: the defaults after
 * a UNZ, else `chars`. A UNA is its interchange's own (ISO 9735: it comes directly before the
 * UNB it applies to), so the next interchange without one is written with the defaults; without
 * a UNZ before the next UNB, the earlier characters still apply. The tokenizer follows it at
 * each UNZ, the split finder of `validateFile({ workers })` at each UNB without a UNA.
 */
export function serviceCharsAfter(tag: string, chars: ServiceChars): ServiceChars {
  return tag === 'UNZ' ? DEFAULT_SERVICE_CHARS : chars;
}

/** Whether a release character is in use: a space means there is none. */
export function releaseInUse(chars: Pick<ServiceChars, 'release'>): boolean {
  return chars.release !== ' ';
}

/** Whether a repetition separator is in use: a space means it is reserved / not used. */
export function repetitionInUse(chars: Pick<ServiceChars, 'repetition'>): boolean {
  return chars.repetition !== ' ';
}

/**
 * Whether a UNB syntax version (S001 0002) is 1–3, which restrict UNA places version 4 frees
 * ({@link BEFORE_VERSION_4}).
 */
function beforeVersion4(syntaxVersion: string): boolean {
  return syntaxVersion === '1' || syntaxVersion === '2' || syntaxVersion === '3';
}

/** A UNA place that syntax versions 1–3 restrict (see {@link BEFORE_VERSION_4}). */
export interface RestrictedPlace {
  role: 'decimal' | 'repetition';
  /** The UNA element (1–6) of the place. */
  element: number;
  /** What versions 1–3 allow there. */
  allowed: string;
  /** What is in force instead of a character they do not allow. */
  readAs: string;
  /** What the reader says about such a character (after "syntax version N (UNB S001 0002) "). */
  reason: string;
  /** What the reader then does with it (after the character). */
  instead: string;
  /** What the writer says when refusing one (after "syntax version N "). */
  refusal: string;
  /** What the writer could write instead (after "write syntax version 4, or "). */
  remedy: string;
}

/**
 * The UNA places syntax versions 1–3 restrict (ISO 9735:1988/Amd 1): the decimal mark (UNA3) is a
 * comma or a full stop, and the fifth place is "reserved for future use — insert space
 * character" (the repetition separator came with version 4). A UNB of version 1–3 under a UNA
 * with another character there is syntax error 20 at that character; the reader goes on with
 * `readAs` (a full stop: either mark is valid in numeric data anyway; a space: the character is data).
 */
export const BEFORE_VERSION_4: readonly RestrictedPlace[] = [
  {
    role: 'decimal',
    element: 3,
    allowed: ',.',
    readAs: '.',
    reason: 'allows only a comma or a full stop as the UNA\'s decimal mark (third character)',
    instead: 'is no decimal mark before syntax version 4; the full stop is in force (either mark is valid in numeric data)',
    refusal: 'allows only a comma or a full stop as decimal mark',
    remedy: "the decimal mark '.' or ','",
  },
  {
    role: 'repetition',
    element: 5,
    allowed: ' ',
    readAs: ' ',
    reason: 'reserves the UNA\'s fifth character, which must be a space',
    instead: 'is no repetition separator before syntax version 4 and is read as data',
    refusal: "has no repetition separator (the UNA's fifth place is reserved, a space)",
    remedy: 'no repetition separator',
  },
];

/** The places of {@link BEFORE_VERSION_4} that `chars` break under UNB syntax version `syntaxVersion` (none in version 4). */
export function restrictedPlacesBroken(chars: ServiceChars, syntaxVersion: string): RestrictedPlace[] {
  if (!beforeVersion4(syntaxVersion)) return [];
  return BEFORE_VERSION_4.filter((p) => !p.allowed.includes(chars[p.role]));
}

/**
 * `chars` as a UNB of syntax version `syntaxVersion` reads them: each place of
 * {@link BEFORE_VERSION_4} they break holds its `readAs` instead; `chars` itself when none is broken.
 */
export function charsUnderVersion(chars: ServiceChars, syntaxVersion: string): ServiceChars {
  const broken = restrictedPlacesBroken(chars, syntaxVersion);
  if (broken.length === 0) return chars;
  const out = { ...chars };
  for (const place of broken) out[place.role] = place.readAs;
  return out;
}

/**
 * How many release characters (code `release`) directly precede index `at` of `text` (a
 * Latin-1 string or bytes), looking back no further than `floor`. An odd run releases the
 * character at `at`; an even one is released release characters, so `at` stands.
 */
export function releaseRunBefore(text: string | Uint8Array, at: number, floor: number, release: number): number {
  let run = 0;
  for (let i = at - 1; i >= floor && (typeof text === 'string' ? text.charCodeAt(i) : text[i]) === release; i--) run++;
  return run;
}

/**
 * The service characters a writer must escape in a value: the separators, the terminator, and
 * the release and repetition characters when in use (a space means not used).
 */
export function escapedServiceChars(chars: ServiceChars): string {
  return chars.component + chars.element + chars.terminator + (releaseInUse(chars) ? chars.release : '') + (repetitionInUse(chars) ? chars.repetition : '');
}

/** The service characters in use, as one string for `indexOf`: the escaped ones and the decimal mark. */
export function serviceCharsInUse(chars: ServiceChars): string {
  return escapedServiceChars(chars) + chars.decimal;
}

const gapTables = new WeakMap<ServiceChars, Uint8Array>();

/**
 * The line breaks and blanks readers skip between segments under `chars`, as a table by
 * character code (0x00–0x20): CR, LF, space and tab, except those among the service
 * characters in use; `null` for all four. Built once per service-character set.
 */
export function segmentGaps(chars: ServiceChars | null): Uint8Array {
  const cached = chars === null ? undefined : gapTables.get(chars);
  if (cached !== undefined) return cached;
  const inUse = chars === null ? '' : serviceCharsInUse(chars);
  const gaps = new Uint8Array(0x21);
  for (const code of [0x09, 0x0a, 0x0d, 0x20]) gaps[code] = inUse.includes(String.fromCharCode(code)) ? 0 : 1;
  if (chars !== null) gapTables.set(chars, gaps);
  return gaps;
}

/** Whether `code` is one of the `gaps` (from {@link segmentGaps}). */
export function isSegmentGap(code: number, gaps: Uint8Array): boolean {
  return code <= 0x20 && gaps[code] === 1;
}

/** The six service characters in UNA order. */
export const ROLES = ['component', 'element', 'decimal', 'release', 'repetition', 'terminator'] as const;
type Role = (typeof ROLES)[number];
/** Roles that may be a space, meaning "not used". */
const MAY_BE_SPACE: ReadonlySet<Role> = new Set(['release', 'repetition']);

/** Whether `code` is an ASCII letter or digit (no service character may be one). */
export function isLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Whether the bytes at `i` are `UNA` (the service string advice's tag; its six characters follow). */
export function isUnaAt(bytes: Uint8Array, i: number): boolean {
  return bytes[i] === 0x55 && bytes[i + 1] === 0x4e && bytes[i + 2] === 0x41;
}

/**
 * Parses the six characters after `UNA`. `offset` is the absolute position of the `U` of `UNA`
 * so that errors point at the offending character.
 */
export function parseServiceString(six: string, offset = 0): ServiceChars {
  const read = readServiceChars(six, offset);
  if (isServiceChars(read)) return read;
  throw thrownFrom(buildError(read));
}

/** Whether {@link readServiceChars} read service characters (rather than found an error). */
export function isServiceChars(read: ServiceChars | ErrorDraft): read is ServiceChars {
  return !('code' in read);
}

/**
 * {@link parseServiceString} for the tokenizer: the service characters, or the error found as a
 * draft (a flood of broken UNAs then builds only the errors a reader keeps).
 */
export function readServiceChars(six: string, offset: number): ServiceChars | ErrorDraft {
  if (six.length !== 6) {
    const found = six.length;
    return errorDraft(SyntaxErrorCode.missing, () => `UNA must be followed by exactly six service characters, found ${found}`, { offset: offset + 3 + found, tag: 'UNA' });
  }
  const chars = {} as ServiceChars;
  const seen = new Map<string, Role>();
  for (let i = 0; i < 6; i++) {
    const role = ROLES[i] as Role;
    const ch = six.charAt(i);
    const at = { offset: offset + 3 + i, tag: 'UNA', element: i + 1 };
    if (isLetterOrDigit(ch.charCodeAt(0))) {
      return errorDraft(SyntaxErrorCode.characterInvalidAsServiceCharacter, () => `the ${role} character ${JSON.stringify(ch)} is a letter or digit and cannot be a service character`, at);
    }
    if (ch === ' ' && MAY_BE_SPACE.has(role)) {
      chars[role] = ch;
      continue;
    }
    if (ch === ' ') return errorDraft(SyntaxErrorCode.characterInvalidAsServiceCharacter, () => `the ${role} character cannot be a space`, at);
    const other = seen.get(ch);
    if (other) return errorDraft(SyntaxErrorCode.invalidServiceCharacter, () => `${JSON.stringify(ch)} is used both as ${other} and as ${role} character`, at);
    seen.set(ch, role);
    chars[role] = ch;
  }
  return chars;
}

/** Whether `a` and `b` hold the same six service characters. */
export function sameServiceChars(a: ServiceChars, b: ServiceChars): boolean {
  return ROLES.every((role) => a[role] === b[role]);
}

/** The UNA string (9 characters) for a set of service characters. */
export function formatServiceString(chars: ServiceChars): string {
  return `UNA${chars.component}${chars.element}${chars.decimal}${chars.release}${chars.repetition}${chars.terminator}`;
}
