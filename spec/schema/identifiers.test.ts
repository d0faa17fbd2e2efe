import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VIR_RULE,
  compileVirRule,
  cprCentury,
  isValidCpr,
  isValidCvr,
  kidCheckDigit,
  maskCpr,
  validateCpr,
  validateCvr,
  validateKid,
  validateVir,
  type KidMethod,
} from '../../src/schema/identifiers.js';

// ---------------------------------------------------------------------------------------
// CPR
// ---------------------------------------------------------------------------------------
describe('validateCpr', () => {
  it('accepts the classic example 070761-4285 (modulus 11 holds)', () => {
    // weights 4 3 2 7 6 5 4 3 2 1 over 0 7 0 7 6 1 4 2 8 5:
    // 0+21+0+49+36+5+16+6+16+5 = 154 = 11 × 14 → modulus 11 holds.
    // digit 7 = 4, YY = 61 > 36 → 1900s → 1961-07-07.
    expect(validateCpr('070761-4285')).toEqual({
      valid: true,
      normalized: '0707614285',
      birthDate: '1961-07-07',
      modulus11: true,
    });
  });

  it('accepts a CPR without modulus 11 and only reports it', () => {
    // 0 1 0 1 8 0 1 2 3 4: 0+3+0+7+48+0+4+6+6+4 = 78; 78 mod 11 = 1 → no modulus 11.
    // digit 7 = 1 → 1900s → 1980-01-01.
    const r = validateCpr('0101801234');
    expect(r).toEqual({ valid: true, normalized: '0101801234', birthDate: '1980-01-01', modulus11: false });
  });

  it('normalises the dashed form and ignores surrounding white space', () => {
    expect(validateCpr('  010180-1234 ').normalized).toBe('0101801234');
  });

  it.each([
    // [cpr, birthDate] — the century rule, digit 7 and YY
    ['0101000000', '1900-01-01'], // 0 → 1900s
    ['0101993999', '1999-01-01'], // 3 → 1900s
    ['0101364000', '2036-01-01'], // 4, YY 36 ≤ 36 → 2000s
    ['0101374000', '1937-01-01'], // 4, YY 37 > 36 → 1900s
    ['0101369000', '2036-01-01'], // 9, YY 36 → 2000s
    ['0101379000', '1937-01-01'], // 9, YY 37 → 1900s
    ['0101575000', '2057-01-01'], // 5, YY 57 ≤ 57 → 2000s
    ['0101585000', '1858-01-01'], // 5, YY 58 > 57 → 1800s
    ['0101588999', '1858-01-01'], // 8, YY 58 → 1800s
    ['0101008000', '2000-01-01'], // 8, YY 00 → 2000s
  ])('century rule: %s → %s', (cpr, birthDate) => {
    expect(validateCpr(cpr).birthDate).toBe(birthDate);
  });

  it('cprCentury follows the table', () => {
    expect([0, 1, 2, 3].map((d) => cprCentury(d, 99))).toEqual([1900, 1900, 1900, 1900]);
    expect([cprCentury(4, 0), cprCentury(4, 36), cprCentury(4, 37), cprCentury(9, 99)]).toEqual([2000, 2000, 1900, 1900]);
    expect([5, 6, 7, 8].map((d) => cprCentury(d, 57))).toEqual([2000, 2000, 2000, 2000]);
    expect([5, 6, 7, 8].map((d) => cprCentury(d, 58))).toEqual([1800, 1800, 1800, 1800]);
  });

  it('knows leap years per century', () => {
    // 29 Feb 1900 (digit 7 = 1): 1900 is not a leap year. 29 Feb 2000 (digit 7 = 4, YY 00): leap.
    expect(validateCpr('2902001234').valid).toBe(false);
    expect(validateCpr('2902004234')).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    // 29 Feb 1984 is fine, 29 Feb 1983 is not.
    expect(validateCpr('2902841234').valid).toBe(true);
    expect(validateCpr('2902831234').valid).toBe(false);
  });

  it.each([
    ['3104801234', 'day'], // 31 April
    ['0001801234', 'day'], // day 00
    ['3201801234', 'day'], // 32 January
    ['0113801234', 'month'], // month 13
    ['0100801234', 'month'], // month 00
    ['010180123', 'form'], // 9 digits
    ['01018012345', 'form'], // 11 digits
    ['0101-801234', 'form'], // dash in the wrong place
    ['01018O1234', 'form'], // letter O
    ['', 'form'],
  ])('rejects %s (%s)', (cpr, _why) => {
    const r = validateCpr(cpr);
    expect(r.valid).toBe(false);
    expect(r.problem).toBeTypeOf('string');
    expect(r.normalized).toBeUndefined();
  });

  it('never throws on non-string input', () => {
    expect(validateCpr(undefined as unknown as string).valid).toBe(false);
    expect(validateCpr(1234567890 as unknown as string).valid).toBe(false);
  });

  it('says what is wrong: the form (not 10 digits) or the date', () => {
    expect(validateCpr('01018012').reason).toBe('format');
    expect(validateCpr('0101AB1234').reason).toBe('format');
    expect(validateCpr('3213801234').reason).toBe('date');
    expect(validateCpr('0113801234').reason).toBe('date');
    expect(validateCpr('0101801234').reason).toBeUndefined();
  });

  it('masks the last four digits', () => {
    expect(maskCpr('0101801234')).toBe('010180-****');
    expect(maskCpr('010180-1234')).toBe('010180-****');
    expect(maskCpr('01018012345')).toBe('010180-****');
    expect(maskCpr('abc')).toBe('***');
    expect(validateCpr('3104801234').problem).toContain('310480-****');
    expect(validateCpr('3104801234').problem).not.toContain('1234');
  });

  const validCpr = fc
    .record({
      date: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(1999, 11, 31)), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 3999 }), // digit 7 0–3 → 1900s for every YY
    })
    .map(({ date, seq }) => {
      const dd = String(date.getUTCDate()).padStart(2, '0');
      const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
      const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
      return { cpr: `${dd}${mm}${yy}${String(seq).padStart(4, '0')}`, iso: date.toISOString().slice(0, 10) };
    });

  it('property: every real 1900s date with digit 7 in 0–3 validates, with its birth date', () => {
    fc.assert(
      fc.property(validCpr, ({ cpr, iso }) => {
        const r = validateCpr(cpr);
        expect(r.valid).toBe(true);
        expect(r.birthDate).toBe(iso);
        expect(validateCpr(`${cpr.slice(0, 6)}-${cpr.slice(6)}`).normalized).toBe(cpr);
      }),
    );
  });

  it('property: the masked output never contains the last four digits', () => {
    fc.assert(
      fc.property(validCpr, fc.boolean(), ({ cpr }, dashed) => {
        const input = dashed ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
        const masked = maskCpr(input);
        expect(masked).toBe(`${cpr.slice(0, 6)}-****`);
        // Only the six date digits are in clear: what follows them has no digit at all.
        // (The last four can coincide with part of the date digits, e.g. 010101-0101,
        // which is why the check looks at the part after the date.)
        expect(masked.slice(6)).toBe('-****');
        expect(masked).not.toContain(cpr);
      }),
    );
  });

  it('property: problem texts never reveal the serial digits', () => {
    const tenDigits = fc.stringMatching(/^\d{10}$/);
    const anyText = fc.oneof(tenDigits, fc.string(), tenDigits.map((d) => `${d}9`), tenDigits.map((d) => `x${d}`));
    fc.assert(
      fc.property(anyText, (input) => {
        const r = validateCpr(input);
        if (r.valid) return;
        const problem = r.problem ?? '';
        const rest = problem.replace(maskCpr(input.trim()), '');
        // Apart from the masked value the text holds no run of four digits,
        // so no serial (SSSS) can appear in it.
        expect(rest).not.toMatch(/\d{4}/);
        const digits = input.replace(/\D/g, '');
        if (digits.length >= 10) expect(problem).not.toContain(digits.slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// CVR
// ---------------------------------------------------------------------------------------
describe('isValidCpr and isValidCvr (the validator\'s cheap checks) answer as validateCpr / validateCvr do', () => {
  const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const near = (n: number) => fc.oneof(digits(n), digits(n - 1), digits(n + 1), fc.string({ maxLength: n + 2 }), digits(n).map((d) => ` ${d}`), digits(n).map((d) => `${d.slice(0, 6)}-${d.slice(6)}`));
  it('for any string near the wire forms', () => {
    fc.assert(fc.property(near(10), (v) => isValidCpr(v) === validateCpr(v).valid), { numRuns: 3000 });
    fc.assert(fc.property(near(8), (v) => isValidCvr(v) === validateCvr(v).valid), { numRuns: 3000 });
  });
  it('for the edges: 29 February by century digit, day 0, month 13, a CVR starting with 0', () => {
    for (const v of ['2902001234', '2902004234', '2902005234', '2902009234', '0001801234', '3201801234', '0113801234', '3112991234']) expect(isValidCpr(v), v).toBe(validateCpr(v).valid);
    for (const v of ['13585628', '13585629', '03585628', '00000000']) expect(isValidCvr(v), v).toBe(validateCvr(v).valid);
  });
  it('for values that are not strings (plain-JS callers): false, as the full validators say, never a TypeError', () => {
    for (const v of [null, undefined, 101801234, 13585628, {}, [], new String('0101801234'), new String('13585628')] as unknown as string[]) {
      expect(isValidCpr(v), String(v)).toBe(validateCpr(v).valid);
      expect(isValidCvr(v), String(v)).toBe(validateCvr(v).valid);
    }
  });
});

describe('validateCpr and validateCvr on very long values', () => {
  // No timed assertion: the test's timeout is the guard (counting every digit of 50 million took ~12 s).
  it('count digits only as far as the text says (over 99), so 50 million digits are answered at once', () => {
    const long = '1'.repeat(50_000_000);
    expect(validateCpr(long).problem).toMatch(/it has over 99 digits/);
    expect(validateCvr(long).problem).toMatch(/got over 99 digits\)/);
    expect(validateCvr(`${long}x`).problem).toMatch(/got over 99 digits and other characters/);
  });
});

describe('validateCvr', () => {
  it.each([
    // weights 2 7 6 5 4 3 2 1
    // 13585628: 2+21+30+40+20+18+4+8 = 143 = 11 × 13
    ['13585628'],
    // 24256790: 4+28+12+25+24+21+18+0 = 132 = 11 × 12
    ['24256790'],
    // 61056416: 12+7+0+25+24+12+2+6 = 88 = 11 × 8
    ['61056416'],
    // 22756214: 4+14+42+25+24+6+2+4 = 121 = 11 × 11
    ['22756214'],
    // 10000009? 2+0+…+9 = 11 → divisible
    ['10000009'],
  ])('accepts %s', (cvr) => {
    expect(validateCvr(cvr)).toEqual({ valid: true, normalized: cvr });
  });

  it('ignores spaces between digit groups', () => {
    expect(validateCvr('13 58 56 28')).toEqual({ valid: true, normalized: '13585628' });
  });

  it.each([
    ['13585629', 'sum 144, 144 mod 11 = 1'],
    ['13585627', 'sum 142'],
    ['31585628', 'transposed 1 and 3: 6+7+30+40+20+18+4+8 = 133, 133 mod 11 = 1'],
    ['00000000', 'sum 0 is divisible, but a CVR never starts with 0'],
    ['1358562', '7 digits'],
    ['135856280', '9 digits'],
    ['1358562A', 'letter'],
    ['', 'empty'],
  ])('rejects %s (%s)', (cvr) => {
    const r = validateCvr(cvr);
    expect(r.valid).toBe(false);
    expect(r.problem).toBeTypeOf('string');
  });

  it('says what is wrong: the form (8 digits, not starting with 0) or the check digit', () => {
    expect(validateCvr('13585629').reason).toBe('check-digit');
    expect(validateCvr('1358562').reason).toBe('format');
    expect(validateCvr('00000000').reason).toBe('format');
    expect(validateCvr('13585628').reason).toBeUndefined();
  });

  it('does not repeat a value that is not 8 digits: it could be a CPR', () => {
    const r = validateCvr('0101805678');
    expect(r.problem).toBe('CVR must be 8 digits (got 10 digits)');
    expect(validateCvr('010180-5678').problem).toBe('CVR must be 8 digits (got 10 digits and other characters)');
  });

  it('property: changing one digit of a valid CVR always breaks it', () => {
    // Weights 2..7 and 1 are all non-zero mod 11 and 11 is prime, so w·δ ≢ 0 for δ in ±1..±9.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const cvr = '13585628';
        const d = (Number(cvr[pos]) + delta) % 10;
        const changed = cvr.slice(0, pos) + String(d) + cvr.slice(pos + 1);
        expect(validateCvr(changed).valid).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------
// KID
// ---------------------------------------------------------------------------------------
describe('kidCheckDigit and validateKid', () => {
  it('computes MOD10 (Luhn) by hand', () => {
    // body 1234567, from the right doubling 7, 5, 3, 1: 14→5, 6, 10→1, 4, 6, 2, 2 → 26 → check 4
    expect(kidCheckDigit('1234567', 'MOD10')).toBe('4');
    // body 123456: 6·2=12→3, 5, 4·2=8, 3, 2·2=4, 1 → 24 → check 6
    expect(kidCheckDigit('123456', 'MOD10')).toBe('6');
    // the textbook Luhn number 7992739871-3
    expect(kidCheckDigit('7992739871', 'MOD10')).toBe('3');
    expect(validateKid('79927398713', 'MOD10')).toEqual({ valid: true, method: 'MOD10', normalized: '79927398713' });
  });

  it('computes MOD11 by hand, with 11 → 0 and 10 → -', () => {
    // body 1234567, weights from the right 2,3,4,5,6,7,2: 14+18+20+20+18+14+2 = 106; 106 mod 11 = 7 → 11-7 = 4
    expect(kidCheckDigit('1234567', 'MOD11')).toBe('4');
    // body 123456: 12+15+16+15+12+7 = 77; 77 mod 11 = 0 → 11 → 0
    expect(kidCheckDigit('123456', 'MOD11')).toBe('0');
    // body 0000006: 6·2 = 12; 12 mod 11 = 1 → 10 → '-'
    expect(kidCheckDigit('0000006', 'MOD11')).toBe('-');
    expect(kidCheckDigit('0000006', 'MOD11', { allowDash: false })).toBeNull();
  });

  it('validates under each method', () => {
    expect(validateKid('1234566', 'MOD10').valid).toBe(true);
    expect(validateKid('1234566', 'MOD11').valid).toBe(false); // MOD11 expects 0
    expect(validateKid('1234560', 'MOD11').valid).toBe(true);
    expect(validateKid('1234560', 'MOD10').valid).toBe(false); // MOD10 expects 6
    expect(validateKid('0000006-', 'MOD11')).toEqual({ valid: true, method: 'MOD11', normalized: '0000006-' });
    expect(validateKid('0000006-', 'MOD11', { allowDash: false }).valid).toBe(false);
    expect(validateKid('0000006-', 'MOD10').valid).toBe(false);
    expect(validateKid('1234 5674', 'MOD10').normalized).toBe('12345674');
  });

  it("'auto' tries MOD10 first, then MOD11, and says which matched", () => {
    // 12345674 holds under both (see the hand computations above) → MOD10 reported
    expect(validateKid('12345674', 'auto')).toMatchObject({ valid: true, method: 'MOD10' });
    expect(validateKid('1234566', 'auto')).toMatchObject({ valid: true, method: 'MOD10' });
    expect(validateKid('1234560', 'auto')).toMatchObject({ valid: true, method: 'MOD11' });
    expect(validateKid('0000006-', 'auto')).toMatchObject({ valid: true, method: 'MOD11' });
    const bad = validateKid('1234561', 'auto');
    expect(bad.valid).toBe(false);
    expect(bad.problem).toContain('MOD10 expects 6');
    expect(bad.problem).toContain('MOD11 expects 0');
  });

  it('checks the issuer length (DBS: KID-nr.-lengde)', () => {
    expect(validateKid('1234566', 'MOD10', { length: 7 }).valid).toBe(true);
    expect(validateKid('1234566', 'MOD10', { length: 8 }).valid).toBe(false);
    expect(validateKid('1234566', 'MOD10', { length: { min: 5, max: 7 } }).valid).toBe(true);
    expect(validateKid('1'.repeat(26), 'MOD10').valid).toBe(false);
  });

  it.each([[''], ['-'], ['7'], ['12-4'], ['12a4'], ['--']])('rejects malformed %j without throwing', (kid) => {
    expect(validateKid(kid, 'auto').valid).toBe(false);
  });

  it('throws only on a bad method argument', () => {
    expect(() => validateKid('1234566', 'MOD12' as KidMethod)).toThrow(TypeError);
    expect(() => kidCheckDigit('123', 'auto' as KidMethod)).toThrow(TypeError);
    expect(() => kidCheckDigit('12a', 'MOD10')).toThrow(RangeError);
    expect(validateKid(42 as unknown as string, 'MOD10').valid).toBe(false);
  });

  it('MOD10 catches every single-digit error: doubling is a permutation of 0–9', () => {
    // An undoubled digit changes the sum by δ ∈ ±1..±9 (never ≡ 0 mod 10); a doubled digit
    // maps d → 2d or 2d−9, which hits every residue 0–9 exactly once, so a different digit
    // always gives a different contribution mod 10.
    const doubled = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => (d * 2 > 9 ? d * 2 - 9 : d * 2));
    expect([...doubled].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  const method = fc.constantFrom<KidMethod>('MOD10', 'MOD11');
  const body = fc.stringMatching(/^\d{1,24}$/);

  it('property: body + kidCheckDigit(body, m) validates under m', () => {
    fc.assert(
      fc.property(body, method, (b, m) => {
        const c = kidCheckDigit(b, m);
        expect(c).not.toBeNull();
        expect(validateKid(b + c, m)).toMatchObject({ valid: true, method: m });
      }),
      { numRuns: 1000 },
    );
  });

  it('property: changing any single character makes it invalid (incl. a - check)', () => {
    fc.assert(
      fc.property(body, method, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, m, posSeed, delta) => {
        const kid = b + (kidCheckDigit(b, m) as string);
        const pos = posSeed % kid.length;
        const ch = kid[pos] as string;
        // a digit moves by δ mod 10; a '-' check becomes a digit
        const replacement = ch === '-' ? String(delta) : String((Number(ch) + delta) % 10);
        const changed = kid.slice(0, pos) + replacement + kid.slice(pos + 1);
        expect(validateKid(changed, m).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the - check is exhaustively handled (allowDash)', () => {
    // Bodies whose MOD11 remainder is 1: the check is '-'. Without allowDash no KID exists.
    fc.assert(
      fc.property(body, (b) => {
        const c = kidCheckDigit(b, 'MOD11');
        if (c !== '-') return;
        expect(kidCheckDigit(b, 'MOD11', { allowDash: false })).toBeNull();
        expect(validateKid(`${b}-`, 'MOD11').valid).toBe(true);
        expect(validateKid(`${b}-`, 'MOD11', { allowDash: false }).valid).toBe(false);
        for (let d = 0; d <= 9; d++) expect(validateKid(`${b}${d}`, 'MOD11').valid).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // and at least one such body is hit deterministically
    expect(validateKid('6-', 'MOD11').valid).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// VIR
// ---------------------------------------------------------------------------------------
describe('validateVir', () => {
  it('defaults to 8 digits (an assumption)', () => {
    expect(DEFAULT_VIR_RULE.pattern).toBe('^[0-9]{8}$');
    expect(DEFAULT_VIR_RULE.description).toMatch(/assumption/);
    expect(validateVir('11111111')).toMatchObject({ valid: true, normalized: '11111111' });
    expect(validateVir(' 22222222 ').normalized).toBe('22222222');
    for (const bad of ['1111111', '111111111', '1111111A', '', 'x'.repeat(100)]) {
      const r = validateVir(bad);
      expect(r.valid).toBe(false);
      expect(r.problem).toBeTypeOf('string');
    }
  });

  it('takes an overriding rule', () => {
    const rule = { pattern: '^(?:[0-9]{4}|[A-Z]{2}[0-9]{3})$', description: '4 digits or 2 letters + 3 digits' };
    expect(validateVir('1234', rule).valid).toBe(true);
    expect(validateVir('AB123', rule).valid).toBe(true);
    expect(validateVir('12345678', rule)).toMatchObject({ valid: false, rule: rule.description });
    expect(validateVir('VIR-0042', { pattern: '^VIR\\-[0-9]{4}$', description: 'VIR-nnnn' }).valid).toBe(true);
    expect(validateVir('12345', compileVirRule({ pattern: '^\\d{5}$', description: '5 digits' })).valid).toBe(true);
  });

  it.each([
    ['(a+)+', '^(a+)+$', /nested quantifier/],
    ['([0-9]*)*', '^([0-9]*)*$', /nested quantifier/],
    ['((a)+)+', '^((a)+)+$', /nested quantifier/],
    ['(a{2,3}){4}', '^(a{2,3}){4}$', /nested quantifier/],
    ['quantified alternation', '^(a|ab)*$', /must not contain \|/],
    ['not anchored at start', '[0-9]{8}$', /anchored/],
    ['not anchored at end', '^[0-9]{8}', /anchored/],
    ['top-level alternation', '^1|2$', /top-level \|/],
    ['back-reference', '^(a)\\1$', /escape/],
    ['look-ahead', '^(?=a)a$', /look-arounds/],
    ['double quantifier', '^a**$', /quantifier must not follow/],
    ['lazy', '^a+?$', /lazy/],
    ['huge repeat', '^a{1000}$', /repeat counts/],
    ['too many variable quantifiers', '^a*b*c*d*$', /variable-length/],
    ['unbalanced', '^(a$', /unbalanced/],
    ['unterminated class', '^[0-9$', /unterminated/],
  ])('rejects an unsafe or bad rule: %s', (_name, pattern, message) => {
    expect(() => validateVir('1', { pattern, description: 'x' })).toThrow(message);
    expect(() => compileVirRule({ pattern, description: 'x' })).toThrow(SyntaxError);
  });

  it('rejects a rule of the wrong shape', () => {
    expect(() => validateVir('1', { pattern: 5 } as unknown as { pattern: string; description: string })).toThrow(TypeError);
  });

  // No timed assertion: the test's timeout is the guard against a rule that backtracks without end.
  it('an allowed worst case still answers on a 35-character value', () => {
    const rule = { pattern: '^[0-9]*[0-9]*[0-9]*(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)(?:a|b)x$', description: 'worst case' };
    expect(validateVir('0'.repeat(34) + 'y', rule).valid).toBe(false);
  });
});
