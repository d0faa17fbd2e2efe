/**
 * EDIFACT data element formats (`an..35`, `n..15`, `a3`, `n1`) and the value check that
 * CONTRL reports with syntax error codes 37, 39, 40 and 19.
 *
 * Numeric values follow ISO 9735 (syntax 3 and 4, "representation of numeric data element
 * values"):
 * - digits, an optional leading minus sign and at most one decimal mark;
 * - both `.` and `,` are decimal marks whatever UNA says;
 * - the minus sign and the decimal mark do not count towards the length;
 * - a decimal mark must have at least one digit before **and** after it, so `.5`, `-.5`
 *   and `12.` are invalid decimal notation (19), as are `1.2.3`, `1-2`, `--1` and a lone `-`;
 * - a plus sign, a space, triad separators or the syntax-4 exponent `E` are not digits (37).
 * Alphabetic (`a`) values may hold no digits (37). Alphanumeric (`an`) values may hold
 * anything; the character repertoire (UNOA/UNOB/UNOC, code 21) is checked by the syntax layer.
 * Lengths count characters (Unicode code points). An empty value is "absent": it passes here;
 * whether it may be absent is the layout's business (code 13).
 */

/** The character class of a format: alphabetic, numeric or alphanumeric. */
export type CharClass = 'a' | 'n' | 'an';

/** A parsed format string. */
export interface ParsedFormat {
  /** `a`, `n` or `an`. */
  charClass: CharClass;
  /** Minimum length: the fixed length for `an3`, 1 for `an..35`. */
  minLength: number;
  /** Maximum length. */
  maxLength: number;
}

/** A format violation: the ISO 9735 code (0085) and why. */
export interface FormatIssue {
  /** 37 invalid character type, 39 too long, 40 too short, 19 invalid decimal notation. */
  code: '37' | '39' | '40' | '19';
  /** Plain-English explanation (never contains more than the value's length). */
  reason: string;
}

const cache = new Map<string, ParsedFormat>();

/**
 * Parse an EDIFACT format string: `a3`, `n1`, `an..35`, `n..15`. Results are cached.
 * @throws Error for anything else (a bad format is a bug in a profile, not in a message)
 */
export function parseFormat(format: string): ParsedFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const m = /^(an|a|n)(\.\.)?([1-9]\d{0,3})$/.exec(format);
  if (!m) throw new Error(`invalid EDIFACT format "${format}" (expected e.g. an..35, n..15, a3)`);
  const max = Number(m[3]);
  const parsed: ParsedFormat = Object.freeze({
    charClass: m[1] as CharClass,
    minLength: m[2] ? 1 : max,
    maxLength: max,
  });
  cache.set(format, parsed);
  return parsed;
}

/** `true` when `format` is a valid format string. */
export function isFormat(format: string): boolean {
  try {
    parseFormat(format);
    return true;
  } catch {
    return false;
  }
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

/** Length of a numeric value (digits only) or a decimal-notation / character-type issue. */
function numericLength(value: string): number | FormatIssue {
  let digits = 0;
  let marks = 0;
  let digitsBeforeMark = 0;
  let badNotation = false;
  let index = 0;
  for (const ch of value) {
    if (isDigit(ch)) {
      digits++;
    } else if (ch === '.' || ch === ',') {
      marks++;
      if (marks === 1) digitsBeforeMark = digits;
      else badNotation = true;
    } else if (ch === '-') {
      if (index !== 0) badNotation = true;
    } else {
      return { code: '37', reason: `numeric value contains a non-numeric character "${ch}"` };
    }
    index++;
  }
  if (digits === 0) return { code: '19', reason: 'numeric value has no digits' };
  if (badNotation) return { code: '19', reason: 'invalid decimal notation (more than one decimal mark, or a minus sign that is not leading)' };
  if (marks === 1 && (digitsBeforeMark === 0 || digitsBeforeMark === digits)) {
    return { code: '19', reason: 'invalid decimal notation (a decimal mark needs a digit before and after it)' };
  }
  return digits;
}

/**
 * Check one value against a format.
 * @param value the component value as read (release characters already removed)
 * @param format a format string such as `an..35` or a parsed format
 * @returns `null` when the value fits, else the first issue found (character type before length)
 */
export function checkFormat(value: string, format: string | ParsedFormat): FormatIssue | null {
  if (value === '') return null;
  const f = typeof format === 'string' ? parseFormat(format) : format;
  let length: number;
  if (f.charClass === 'n') {
    const r = numericLength(value);
    if (typeof r !== 'number') return r;
    length = r;
  } else {
    length = 0;
    for (const ch of value) {
      if (f.charClass === 'a' && isDigit(ch)) return { code: '37', reason: 'alphabetic value contains a digit' };
      length++;
    }
  }
  const shown = typeof format === 'string' ? format : `${f.charClass}${f.minLength === f.maxLength ? '' : '..'}${f.maxLength}`;
  if (length > f.maxLength) return { code: '39', reason: `value is ${length} characters long; format ${shown} allows at most ${f.maxLength}` };
  if (length < f.minLength) return { code: '40', reason: `value is ${length} characters long; format ${shown} needs ${f.minLength}` };
  return null;
}
