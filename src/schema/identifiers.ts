/**
 * Identifier validators for the F&P exchanges: Danish CPR and CVR numbers, Norwegian KID
 * payment references and VIR numbers (F&P insurer ids).
 *
 * Every validator returns a result object and never throws on bad user data; only a bad
 * *argument* (an unknown KID method, a malformed or unsafe VIR rule) throws.
 * Algorithms: check-digits.md of the project's specification; KID details from the DBS guide (seed `000_…`).
 */
import { daysInMonth } from '../syntax/calendar-date.js';

// ---------------------------------------------------------------------------------------
// CPR
// ---------------------------------------------------------------------------------------

/** Result of {@link validateCpr}. */
export interface CprResult {
  /** `true` when the value is 10 digits whose first six are a real date. */
  valid: boolean;
  /** The 10 digits without a dash (only on a valid result). */
  normalized?: string;
  /** The birth date `YYYY-MM-DD`, century from digit 7 (only on a valid result). */
  birthDate?: string;
  /**
   * Whether the historic modulus-11 check holds (weights 4,3,2,7,6,5,4,3,2,1).
   * Information only: numbers without it have been issued since 2007 (only on a valid result).
   */
  modulus11?: boolean;
  /** Why the value is invalid. Never contains the full CPR: the last four digits are masked. */
  problem?: string;
  /** What is wrong (only on an invalid result): not 10 digits in the CPR form, or digits 1–6 are no date. */
  reason?: 'format' | 'date';
}

const CPR_SHAPE = /^(\d{6})-?(\d{4})$/;
const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Mask a CPR number (personnummer) for logs and messages: `0101801234` or `010180-1234`
 * → `010180-****`. Anything not shaped like a CPR keeps at most its first six characters:
 * `abc` → `***`, `01018012345` → `010180-****`, so no input ever shows more than six
 * characters in the clear.
 */
export function maskCpr(value: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const m = CPR_SHAPE.exec(text);
  if (m) return `${m[1]}-****`;
  if (text.length <= 6) return '*'.repeat(text.length);
  return `${text.slice(0, 6)}-****`;
}

/**
 * The century a CPR's two-digit year belongs to, from digit 7 (the standard Danish rule):
 * 0–3 → 1900s; 4 or 9 → 2000s if YY ≤ 36 else 1900s; 5–8 → 2000s if YY ≤ 57 else 1800s.
 */
export function cprCentury(seventhDigit: number, yy: number): 1800 | 1900 | 2000 {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function cprModulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (CPR_WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

/** What is wrong with a CPR's birth date (`year` with its century), or `null`. */
function cprDateProblem(dd: number, mm: number, year: number): 'month' | 'day' | null {
  if (mm < 1 || mm > 12) return 'month';
  return dd < 1 || dd > daysInMonth(year, mm) ? 'day' : null;
}

/** The digit at `i` of `s`, or -1. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Whether `s` is a string of exactly `n` ASCII digits (a plain-JS caller may pass anything). */
function allDigits(s: string, n: number): boolean {
  if (typeof s !== 'string' || s.length !== n) return false;
  for (let i = 0; i < n; i++) if (digitAt(s, i) === -1) return false;
  return true;
}

/** The ASCII digits of `s`, counted up to 100 (the problem texts say "over 99"): no work past that. */
function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length && n < 100; i++) if (digitAt(s, i) !== -1) n++;
  return n;
}

/**
 * `validateCpr(value).valid`, cheaply: the wire form (10 digits) is checked without building
 * strings or a result; any other form goes through {@link validateCpr}. For a validator that
 * checks every party's id.
 */
export function isValidCpr(value: string): boolean {
  if (!allDigits(value, 10)) return validateCpr(value).valid;
  const yy = digitAt(value, 4) * 10 + digitAt(value, 5);
  const year = cprCentury(digitAt(value, 6), yy) + yy;
  return cprDateProblem(digitAt(value, 0) * 10 + digitAt(value, 1), digitAt(value, 2) * 10 + digitAt(value, 3), year) === null;
}

/** The CVR weighted sum of 8 digits (modulus 11 holds when it divides by 11). */
function cvrSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(digits, i) * (CVR_WEIGHTS[i] ?? 0);
  return sum;
}

/**
 * `validateCvr(value).valid`, cheaply: the wire form (8 digits) is checked without building
 * strings or a result; any other form goes through {@link validateCvr}.
 */
export function isValidCvr(value: string): boolean {
  if (!allDigits(value, 8)) return validateCvr(value).valid;
  return value.charCodeAt(0) !== 48 && cvrSum(value) % 11 === 0;
}

/**
 * Validate a Danish **CPR-nummer** (personnummer, civil registration number), e.g. a
 * policyholder's id in `NAD+FT1+<cpr>::CPR`.
 *
 * Accepts `DDMMYYSSSS` or `DDMMYY-SSSS` (surrounding white space is ignored) and
 * normalises to the 10 digits. Digits 1–6 must be a real date; the century follows from
 * digit 7 and the year (0–3: 1900s; 4 or 9: 2000s up to YY 36, else 1900s; 5–8: 2000s up to
 * YY 57, else 1800s). The modulus-11 check is reported as information (`modulus11`) and never
 * makes a CPR invalid: numbers without it are issued since 2007. The `problem` text masks the last four digits ({@link maskCpr}).
 * Never throws.
 */
export function validateCpr(value: string): CprResult {
  if (typeof value !== 'string') return { valid: false, problem: 'CPR must be a string', reason: 'format' };
  const text = value.trim();
  const m = CPR_SHAPE.exec(text);
  if (!m) {
    const digitCount = countDigits(text);
    // Other characters than digits (and the one dash) are said, or "it has 10 digits" would contradict "is not 10 digits".
    const other = /[^\d-]/.test(text) || text.split('-').length > 2 ? ' and other characters' : '';
    return {
      valid: false,
      reason: 'format',
      problem: `CPR ${text === '' ? '(blank)' : maskCpr(text)} is not 10 digits in the form DDMMYYSSSS or DDMMYY-SSSS (it has ${digitCount > 99 ? 'over 99' : digitCount} digits${other})`,
    };
  }
  const digits = `${m[1]}${m[2]}`;
  const dd = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const year = cprCentury(Number(digits[6]), yy) + yy;
  const wrong = cprDateProblem(dd, mm, year);
  // The problem texts hold no digits beyond the masked value, so no serial can leak.
  if (wrong === 'month') {
    return { valid: false, reason: 'date', problem: `CPR ${maskCpr(digits)} has no valid birth date: the month does not exist` };
  }
  if (wrong === 'day') {
    return {
      valid: false,
      reason: 'date',
      problem: `CPR ${maskCpr(digits)} has no valid birth date: the day does not exist in that month${mm === 2 && dd === 29 ? ' (29 February in a year that is no leap year, its century read from digit 7)' : ''}`,
    };
  }
  return {
    valid: true,
    normalized: digits,
    birthDate: `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`,
    modulus11: cprModulus11(digits),
  };
}

// ---------------------------------------------------------------------------------------
// CVR
// ---------------------------------------------------------------------------------------

/** Result of {@link validateCvr}. */
export interface CvrResult {
  /** `true`: 8 digits, the first not `0`, passing modulus 11. */
  valid: boolean;
  /** The 8 digits (only on a valid result). */
  normalized?: string;
  /** Why the value is invalid. A value that is not 8 digits is not repeated (it could be a CPR). */
  problem?: string;
  /** What is wrong (only on an invalid result): not 8 digits with a first digit other than 0, or the modulus-11 check. */
  reason?: 'format' | 'check-digit';
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * Validate a Danish **CVR-nummer** (company registration number), e.g. a business
 * policyholder's id in `NAD+FT1+<cvr>::CVR`.
 *
 * 8 digits (spaces between digits, as in `13 58 56 28`, are ignored), the first not `0`,
 * and modulus 11: weights 2,7,6,5,4,3,2,1, weighted sum divisible by 11. Never throws.
 */
export function validateCvr(value: string): CvrResult {
  if (typeof value !== 'string') return { valid: false, problem: 'CVR must be a string', reason: 'format' };
  const digits = value.trim().replace(/ /g, '');
  if (!/^\d{8}$/.test(digits)) {
    const digitCount = countDigits(digits);
    const other = /\D/.test(digits) ? ' and other characters' : '';
    return { valid: false, reason: 'format', problem: `CVR must be 8 digits (got ${digitCount > 99 ? 'over 99' : digitCount} digits${other})` };
  }
  if (digits[0] === '0') return { valid: false, reason: 'format', problem: `CVR ${digits} must not start with 0` };
  const sum = cvrSum(digits);
  if (sum % 11 !== 0) {
    return { valid: false, reason: 'check-digit', problem: `CVR ${digits} fails the modulus-11 check (weighted sum ${sum} is not divisible by 11)` };
  }
  return { valid: true, normalized: digits };
}

// ---------------------------------------------------------------------------------------
// KID
// ---------------------------------------------------------------------------------------

/** A KID check-digit method: `MOD10` (Luhn) or `MOD11`. */
export type KidMethod = 'MOD10' | 'MOD11';

/** Options of {@link validateKid} and {@link kidCheckDigit}. */
export interface KidOptions {
  /**
   * Whether a MOD11 remainder giving check value 10 may be written as `-` (default `true`).
   * Some issuers forbid it; a body whose check would be `-` then has no valid KID.
   */
  allowDash?: boolean;
  /**
   * The issuer's KID length (DBS: "KID-nr.-lengde", chosen by the company), either an exact
   * number of characters including the check digit or a `{ min, max }` range.
   * Default 2–25 (the Norwegian bank-giro limit of 25 digits).
   */
  length?:
    | number
    | {
        /** Fewest characters, check digit included. */
        min: number;
        /** Most characters, check digit included. */
        max: number;
      };
}

/** Result of {@link validateKid}. */
export interface KidResult {
  /** `true`: digits of the allowed length whose last character is the check `method` computes. */
  valid: boolean;
  /** The method whose check held (with `'auto'`: the one that matched, MOD10 tried first). */
  method?: KidMethod;
  /** The KID without spaces (only on a valid result). */
  normalized?: string;
  /** Why the value is invalid (only on an invalid result): not digits, the wrong length, or the check digit each method expects. */
  problem?: string;
}

function assertKidMethod(method: unknown, allowAuto: boolean): void {
  const ok = method === 'MOD10' || method === 'MOD11' || (allowAuto && method === 'auto');
  if (!ok) {
    throw new TypeError(
      `KID method must be ${allowAuto ? "'MOD10', 'MOD11' or 'auto'" : "'MOD10' or 'MOD11'"}, got ${JSON.stringify(method)}`,
    );
  }
}

function luhnCheck(body: string): string {
  let sum = 0;
  let double = true; // the body's rightmost digit is doubled (the check digit will be undoubled)
  for (let i = body.length - 1; i >= 0; i--) {
    let d = Number(body[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod11Check(body: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const check = 11 - (sum % 11);
  if (check === 11) return '0';
  if (check === 10) return '-';
  return String(check);
}

/**
 * Compute the check character of a Norwegian **KID** (kundeidentifikasjon) body.
 *
 * - `MOD10`: Luhn — from the right, double every second digit starting with the body's
 *   rightmost one, subtract 9 from results over 9; check = (10 − sum mod 10) mod 10.
 * - `MOD11`: weights 2,3,4,5,6,7 repeating from the right; check = 11 − (sum mod 11),
 *   11 → `0`, 10 → `-`.
 *
 * Returns `null` when the MOD11 check would be `-` and `options.allowDash` is `false`
 * (such a body cannot be issued). Throws a `TypeError` for an unknown method and a
 * `RangeError` for a body that is not one or more digits (this computes, it does not validate).
 */
export function kidCheckDigit(body: string, method: KidMethod, options: KidOptions = {}): string | null {
  assertKidMethod(method, false);
  if (typeof body !== 'string' || !/^\d+$/.test(body)) {
    throw new RangeError('A KID body must be one or more digits');
  }
  if (method === 'MOD10') return luhnCheck(body);
  const check = mod11Check(body);
  if (check === '-' && options.allowDash === false) return null;
  return check;
}

function kidLengthProblem(len: number, length: KidOptions['length']): string | undefined {
  if (length === undefined) {
    return len < 2 || len > 25 ? `KID must be 2 to 25 characters long (got ${len})` : undefined;
  }
  if (typeof length === 'number') {
    return len !== length ? `KID must be ${length} characters long (got ${len})` : undefined;
  }
  return len < length.min || len > length.max
    ? `KID must be ${length.min} to ${length.max} characters long (got ${len})`
    : undefined;
}

function kidMatches(kid: string, method: KidMethod, allowDash: boolean): boolean {
  const body = kid.slice(0, -1);
  const last = kid.slice(-1);
  if (method === 'MOD10') return last !== '-' && luhnCheck(body) === last;
  const check = mod11Check(body);
  return check === last && (check !== '-' || allowDash);
}

/**
 * Validate a Norwegian **KID-nummer** (kundeidentifikasjon, payment reference) against its
 * issuer's check method.
 *
 * `method` is `'MOD10'` (Luhn), `'MOD11'` or `'auto'`. `'auto'` tries MOD10 first and then
 * MOD11, as the DBS guide advises ("Prøv da først med Modulus 10"), and reports which one
 * matched in `method`. Only the MOD11 check character may be `-` (remainder 10), and only
 * with `options.allowDash` (default `true`). Spaces are ignored. Never throws on the value;
 * throws a `TypeError` on an unknown `method`.
 */
export function validateKid(value: string, method: KidMethod | 'auto', options: KidOptions = {}): KidResult {
  assertKidMethod(method, true);
  const allowDash = options.allowDash !== false;
  if (typeof value !== 'string') return { valid: false, problem: 'KID must be a string' };
  const kid = value.trim().replace(/ /g, '');
  if (!/^\d+-?$/.test(kid) || kid === '-') {
    return { valid: false, problem: 'KID must be digits, the last of which may be a MOD11 check `-`' };
  }
  const lengthProblem = kidLengthProblem(kid.length, options.length);
  if (lengthProblem) return { valid: false, problem: lengthProblem };
  if (kid.length < 2) return { valid: false, problem: 'KID must have at least one digit before the check digit' };
  if (kid.endsWith('-') && !allowDash) {
    return { valid: false, problem: 'KID ends in `-` but this issuer does not allow `-` as MOD11 check' };
  }
  const methods: KidMethod[] = method === 'auto' ? ['MOD10', 'MOD11'] : [method];
  for (const m of methods) {
    if (kidMatches(kid, m, allowDash)) return { valid: true, method: m, normalized: kid };
  }
  const body = kid.slice(0, -1);
  const expected = methods
    .map((m) => {
      const c = m === 'MOD10' ? luhnCheck(body) : mod11Check(body);
      return c === '-' && !allowDash ? `${m}: none (would be \`-\`, not allowed)` : `${m} expects ${c}`;
    })
    .join('; ');
  return { valid: false, problem: `KID check digit ${kid.slice(-1)} is wrong (${expected})` };
}

// ---------------------------------------------------------------------------------------
// VIR
// ---------------------------------------------------------------------------------------

/** A VIR number format: an anchored simple pattern and a human description. */
export interface VirRule {
  /**
   * A simple anchored pattern such as `^[0-9]{8}$`: literals, character classes, `\d` `\w`,
   * `.` , groups and quantifiers, but no nested quantifiers, no quantified alternation, no
   * back-references or look-arounds (see {@link compileVirRule}).
   */
  pattern: string;
  /** What the pattern means, for error messages, e.g. `8 digits`. */
  description: string;
}

/** Result of {@link validateVir}. */
export interface VirResult {
  /** `true`: the value, without surrounding white space, is 1–35 characters and matches the rule. */
  valid: boolean;
  /** The value without surrounding white space (only on a valid result). */
  normalized?: string;
  /** The rule's description, so a report can say what was expected. */
  rule: string;
  /** Why the value is invalid (only on an invalid result): empty, longer than 35 characters, or not matching the rule. */
  problem?: string;
}

/**
 * The default VIR rule: **8 digits**. This is an *assumption*: F&P does not publish the
 * VIR number format; all VIR numbers seen in public material are 8 digits. The shipped
 * profiles carry it as `interchange.virRule` (listed by `fp-edifact profile --assumptions`);
 * pass a profile's `interchange.virRule?.value` to {@link validateVir} to use its rule.
 */
export const DEFAULT_VIR_RULE: VirRule = Object.freeze({
  pattern: '^[0-9]{8}$',
  description: '8 digits (assumption: the VIR format is not public)',
});

/** Longest VIR value looked at: UNB S002/S003 0004 is an..35. Longer values are invalid without matching. */
export const VIR_MAX_LENGTH = 35;
const MAX_PATTERN_LENGTH = 200;
const MAX_REPEAT = 100;
const MAX_VARIABLE_QUANTIFIERS = 3;
const MAX_ALTERNATIONS = 6;

/** A compiled, checked {@link VirRule}. */
export interface CompiledVirRule {
  /** The rule it was compiled from (a frozen copy). */
  readonly rule: VirRule;
  /** The rule's pattern as a `RegExp`, checked safe to run (anchored, no nested quantifiers). */
  readonly regex: RegExp;
}

interface GroupInfo {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

/**
 * Check a {@link VirRule} and build its `RegExp`. Throws a `TypeError` (bad shape) or a
 * `SyntaxError` (pattern not allowed) with a clear message. The checks keep matching
 * linear-ish (ReDoS safety): the pattern must start with `^` and end with `$`, be at most
 * 200 characters, use only literals, escapes `\d \D \w \W \s \S` or an escaped punctuation
 * character, `.`, character classes, groups `( )`/`(?: )`, `|` and the quantifiers
 * `? * + {n} {n,} {n,m}` (n, m ≤ 100), and it must not quantify a group that contains a
 * quantifier (`(a+)+`) or an alternation (`(a|ab)*`), nor quantify twice (`a**`).
 * Alternation is only allowed inside a group (a top-level `|` would break the anchors).
 * To bound polynomial backtracking too, at most 3 variable-length quantifiers and 6 `|`
 * are allowed; values are at most 35 characters.
 */
export function compileVirRule(rule: VirRule): CompiledVirRule {
  if (typeof rule !== 'object' || rule === null || typeof rule.pattern !== 'string' || typeof rule.description !== 'string') {
    throw new TypeError('A VIR rule must be an object { pattern: string, description: string }');
  }
  const p = rule.pattern;
  const fail = (why: string, at?: number): never => {
    throw new SyntaxError(`VIR rule pattern ${JSON.stringify(p)} is not allowed: ${why}${at === undefined ? '' : ` (at character ${at + 1})`}`);
  };
  if (p.length > MAX_PATTERN_LENGTH) fail(`longer than ${MAX_PATTERN_LENGTH} characters`);
  if (!p.startsWith('^') || !p.endsWith('$') || p.endsWith('\\$') || p.length < 2) {
    fail('it must be anchored: start with ^ and end with $');
  }

  // Stack of open groups; index 0 is the whole pattern.
  const stack: GroupInfo[] = [{ hasQuantifier: false, hasAlternation: false }];
  let lastAtom: 'none' | 'simple' | { group: GroupInfo } = 'none';
  let lastWasQuantifier = false;
  const end = p.length - 1; // the final `$`

  let alternations = 0;
  let variableQuantifiers = 0;
  const quantify = (at: number, variable: boolean): void => {
    if (lastWasQuantifier) fail('a quantifier must not follow a quantifier', at);
    if (variable && ++variableQuantifiers > MAX_VARIABLE_QUANTIFIERS) {
      fail(`more than ${MAX_VARIABLE_QUANTIFIERS} variable-length quantifiers (? * + {n,} {n,m}) are not allowed`, at);
    }
    if (lastAtom === 'none') fail('a quantifier must follow a character, class or group', at);
    if (typeof lastAtom === 'object') {
      if (lastAtom.group.hasQuantifier) fail('nested quantifier: a quantified group must not contain a quantifier, e.g. (a+)+', at);
      if (lastAtom.group.hasAlternation) fail('a quantified group must not contain |, e.g. (a|ab)*', at);
    }
    for (const g of stack) g.hasQuantifier = true;
    lastWasQuantifier = true;
  };

  let i = 1;
  while (i < end) {
    const c = p[i] as string;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined || i + 1 >= end) fail('a dangling \\', i);
      if (/[dDwWsS]/.test(n as string) || /[\^$\\.*+?()[\]{}|\-/]/.test(n as string)) {
        i += 2;
        lastAtom = 'simple';
        lastWasQuantifier = false;
        continue;
      }
      fail(`the escape \\${n} is not allowed (back-references, \\b, \\u… etc. are not supported)`, i);
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++; // a literal ] first
      while (j < end && p[j] !== ']') {
        if (p[j] === '\\') {
          const n = p[j + 1];
          if (n === undefined || !/[dDwWsS\]\\\-^[.]/.test(n)) fail(`the escape \\${n ?? ''} is not allowed in a class`, j);
          j += 2;
        } else if (p[j] === '[') {
          fail('nested [ in a character class is not allowed', j);
        } else {
          j++;
        }
      }
      if (j >= end) fail('unterminated character class', i);
      i = j + 1;
      lastAtom = 'simple';
      lastWasQuantifier = false;
      continue;
    }
    if (c === '(') {
      if (p[i + 1] === '?') {
        if (p[i + 2] !== ':') fail('only (…) and (?:…) groups are allowed (no look-arounds or named groups)', i);
        i += 3;
      } else {
        i += 1;
      }
      stack.push({ hasQuantifier: false, hasAlternation: false });
      lastAtom = 'none';
      lastWasQuantifier = false;
      continue;
    }
    if (c === ')') {
      if (stack.length < 2) fail('unbalanced )', i);
      const g = stack.pop() as GroupInfo;
      const parent = stack[stack.length - 1] as GroupInfo;
      if (g.hasAlternation) parent.hasAlternation = true;
      lastAtom = { group: g };
      lastWasQuantifier = false;
      i++;
      continue;
    }
    if (c === '|') {
      if (stack.length === 1) fail('a top-level | would break the anchors: put the alternatives in a group, ^(?:a|b)$', i);
      alternations++;
      if (alternations > MAX_ALTERNATIONS) fail(`more than ${MAX_ALTERNATIONS} | are not allowed`, i);
      (stack[stack.length - 1] as GroupInfo).hasAlternation = true;
      lastAtom = 'none';
      lastWasQuantifier = false;
      i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      quantify(i, true);
      i++;
      if (p[i] === '?' || p[i] === '+') fail('lazy or possessive quantifiers are not allowed', i);
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(p.slice(i, end));
      if (!m) fail('a { must start a quantifier {n}, {n,} or {n,m}', i);
      const min = Number(m?.[1]);
      const max = m?.[3] ? Number(m[3]) : undefined;
      if (min > MAX_REPEAT || (max !== undefined && max > MAX_REPEAT)) fail(`repeat counts above ${MAX_REPEAT} are not allowed`, i);
      if (max !== undefined && max < min) fail('{n,m} needs n ≤ m', i);
      quantify(i, max === undefined ? m?.[2] !== undefined : max !== min);
      i += (m as RegExpExecArray)[0].length;
      if (p[i] === '?') fail('lazy quantifiers are not allowed', i);
      continue;
    }
    if (c === '^' || c === '$') fail(`${c} is only allowed as the anchor at the start or end`, i);
    if (c === '}' || c === ']') fail(`unescaped ${c}`, i);
    // a literal character or `.`
    lastAtom = 'simple';
    lastWasQuantifier = false;
    i++;
  }
  if (stack.length !== 1) fail('unbalanced (');
  let regex: RegExp;
  try {
    regex = new RegExp(p);
  } catch (e) {
    return fail(`not a valid regular expression (${(e as Error).message})`);
  }
  return Object.freeze({ rule: Object.freeze({ pattern: p, description: rule.description }), regex });
}

const compiledCache = new Map<string, CompiledVirRule>();
const defaultCompiled = compileVirRule(DEFAULT_VIR_RULE);

function compiledFor(rule: VirRule | CompiledVirRule): CompiledVirRule {
  // A CompiledVirRule is re-checked through its rule: a hand-made object must not bypass the checks.
  const plain: VirRule = typeof rule === 'object' && rule !== null && 'regex' in rule ? rule.rule : (rule as VirRule);
  const key = typeof plain === 'object' && plain !== null ? `${String(plain.pattern)}\u0000${String(plain.description)}` : '';
  const hit = key ? compiledCache.get(key) : undefined;
  if (hit) return hit;
  const compiled = compileVirRule(plain);
  if (compiledCache.size >= 64) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

/** `^[0-9]{n}$` or `^\d{n}$`: the rule's digit count, else -1. */
function fixedDigits(pattern: string): number {
  const m = /^\^(?:\[0-9\]|\\d)\{(\d{1,3})\}\$$/.exec(pattern);
  return m === null ? -1 : Number(m[1]);
}

/**
 * Whether a value, as it is (not trimmed), matches `rule`: built once per rule for callers that
 * check many values. A rule that is a fixed digit count (the default `^[0-9]{8}$`) is a digit
 * loop, far cheaper than `RegExp#test` (cachegrind: ~2 % of validating, where every VIR-typed
 * NAD is checked); any other rule runs its regex. True means `validateVir(value, rule).valid`;
 * on false, {@link validateVir} gives the verdict for the trimmed value and the problem.
 */
export function virMatcher(rule: CompiledVirRule): (value: string) => boolean {
  const digits = fixedDigits(rule.rule.pattern);
  if (digits !== -1) return (value) => allDigits(value, digits);
  return (value) => value.length <= VIR_MAX_LENGTH && rule.regex.test(value);
}

/**
 * Validate a **VIR-nummer** (F&P's insurer id, used in UNB sender/recipient and in NAD MR/MS).
 *
 * The VIR format is **not public**: the default rule ({@link DEFAULT_VIR_RULE}) is 8 digits,
 * an assumption. Pass a {@link VirRule} (or a {@link CompiledVirRule}), e.g. a guide
 * profile's `interchange.virRule?.value`, to override it. Surrounding white space is ignored; values longer than 35
 * characters are invalid without matching. Never throws on the value; throws on a bad or
 * unsafe rule (see {@link compileVirRule}).
 */
export function validateVir(value: string, rule?: VirRule | CompiledVirRule): VirResult {
  const compiled = rule === undefined ? defaultCompiled : compiledFor(rule);
  const description = compiled.rule.description;
  if (typeof value !== 'string') return { valid: false, rule: description, problem: 'VIR number must be a string' };
  const text = value.trim();
  if (text.length === 0) return { valid: false, rule: description, problem: 'VIR number is empty' };
  if (text.length > VIR_MAX_LENGTH) {
    return { valid: false, rule: description, problem: `VIR number is longer than ${VIR_MAX_LENGTH} characters` };
  }
  if (!compiled.regex.test(text)) {
    return { valid: false, rule: description, problem: `VIR number ${JSON.stringify(text)} is not ${description}` };
  }
  return { valid: true, normalized: text, rule: description };
}
