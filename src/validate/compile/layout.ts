/**
 * A precompiled, allocation-free "is this segment clean?" check for a segment layout. It is
 * conservative: it may say "not clean" for a segment `checkSegment` accepts (a numeric value
 * with an odd decimal notation, a surrogate pair in a fixed-length value, syntax-4 repeats),
 * but never "clean" for one `checkSegment` would report. The validator runs `checkSegment`
 * only when this check fails, so the common case builds no strings and no issue objects.
 */
import { listCodes, type CodeListLike } from '../../schema/check.js';
import { parseFormat } from '../../syntax/formats.js';
import type { ComponentLayout, ElementLayout, SegmentLayout } from '../../schema/segments.js';
import type { Segment } from '../../syntax/segment.js';

/** A value's character class (an enum: the bundler writes number literals into the checks). */
enum ValueClass {
  alpha,
  numeric,
  alphanumeric,
}

/** One value position (a simple element or one component). */
interface CompiledValue {
  mandatory: boolean;
  charClass: ValueClass;
  min: number;
  max: number;
  /** Union of the bound code lists the profile has, or `null` when none applies. */
  codes: CodeSet | null;
}

/** One data element position. */
interface CompiledElement {
  mandatory: boolean;
  /** The element as a simple value, or `null` for a composite. */
  simple: CompiledValue | null;
  components: CompiledValue[];
}

/** A layout ready for {@link isClean}; `layout` is the source for `checkSegment`. */
export interface CompiledLayout {
  layout: SegmentLayout;
  elements: CompiledElement[];
  /** The layout narrowed per qualifier code in element 1 (`byQualifier`), or `null`. */
  variants: ReadonlyMap<string, CompiledLayout> | null;
}

/** Longest code looked up as a number. */
const NUMERIC_KEY_CHARS = 4;

/**
 * The number for a code of up to {@link NUMERIC_KEY_CHARS} ASCII characters (each code + 1,
 * base 129: distinct codes get distinct numbers, all small integers), or -1. Looking a value
 * up in a `Set` of strings hashes it first, and values are fresh strings whose hash nobody has
 * computed yet: in validation profiles that hashing was a few per cent of the time.
 */
function numericKey(s: string): number {
  if (s.length > NUMERIC_KEY_CHARS) return -1;
  let key = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return -1;
    key = key * 129 + c + 1;
  }
  return key;
}

/** The codes of a value position: short ASCII codes as numbers, the rest as strings. */
export class CodeSet {
  private readonly numbers = new Set<number>();
  private readonly strings = new Set<string>();

  add(code: string): void {
    const key = numericKey(code);
    if (key === -1) this.strings.add(code);
    else this.numbers.add(key);
  }

  has(value: string): boolean {
    const key = numericKey(value);
    return key === -1 ? this.strings.has(value) : this.numbers.has(key);
  }
}

function codeSet(names: readonly string[] | undefined, lists: Readonly<Record<string, CodeListLike>>): CodeSet | null {
  if (!names || names.length === 0) return null;
  let out: CodeSet | null = null;
  for (const name of names) {
    if (!Object.hasOwn(lists, name)) continue;
    const list = lists[name]!;
    out ??= new CodeSet();
    for (const c of listCodes(list)) out.add(c);
  }
  return out;
}

function compileValue(def: ElementLayout | ComponentLayout, unused: boolean, lists: Readonly<Record<string, CodeListLike>>): CompiledValue {
  const f = parseFormat(def.format!);
  return {
    mandatory: def.status === 'M',
    charClass: f.charClass === 'a' ? ValueClass.alpha : f.charClass === 'n' ? ValueClass.numeric : ValueClass.alphanumeric,
    min: f.minLength,
    // No value fits a position the guide does not use: any data there leaves the fast path.
    max: unused || def.status === 'N' ? -1 : f.maxLength,
    codes: codeSet(def.codeLists, lists),
  };
}

/**
 * Compiles a layout against the code lists `checkSegment` will be given, with its variants by
 * qualifier code (the profile's `qualifierLayouts`).
 */
export function compileLayout(
  layout: SegmentLayout,
  lists: Readonly<Record<string, CodeListLike>>,
  byQualifier: ReadonlyMap<string, SegmentLayout> = new Map(),
): CompiledLayout {
  const elements = layout.elements.map(
    (def): CompiledElement =>
      def.components
        ? { mandatory: def.status === 'M', simple: null, components: def.components.map((c) => compileValue(c, def.status === 'N', lists)) }
        : { mandatory: def.status === 'M', simple: compileValue(def, false, lists), components: [] },
  );
  const variants = byQualifier.size === 0 ? null : new Map([...byQualifier].map(([code, l]) => [code, compileLayout(l, lists)]));
  return { layout, elements, variants };
}

/** The compiled layout a segment is checked against: its qualifier's variant when there is one. */
export function layoutOfSegment(segment: Pick<Segment, 'elements'>, compiled: CompiledLayout): CompiledLayout {
  return compiled.variants === null ? compiled : (compiled.variants.get(segment.elements[0]?.[0] ?? '') ?? compiled);
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Numeric value per ISO 9735: optional leading minus, at most one decimal mark with digits on both sides. Returns the digit count or -1. */
function numericDigits(s: string): number {
  let digits = 0;
  let mark = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2d /* - */ && i === 0) continue;
    else if ((c === 0x2e || c === 0x2c) && mark === -1) mark = digits;
    else return -1;
  }
  if (digits === 0 || mark === 0 || mark === digits) return -1;
  return digits;
}

function valueOk(s: string, v: CompiledValue): boolean {
  if (v.charClass === ValueClass.numeric) {
    const digits = numericDigits(s);
    if (digits < v.min || digits > v.max) return false;
  } else {
    const len = s.length;
    if (len > v.max || len < v.min) return false;
    if (v.min > 1 && hasSurrogate(s)) return false;
    if (v.charClass === ValueClass.alpha) {
      for (let i = 0; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x30 && c <= 0x39) return false;
      }
    }
  }
  return v.codes === null || v.codes.has(s);
}

function anyData(values: readonly string[], from: number): boolean {
  for (let k = from; k < values.length; k++) if (values[k] !== '') return true;
  return false;
}

/** `true` when `checkSegment(segment, compiled.layout, …)` certainly finds nothing. */
export function isClean(segment: Pick<Segment, 'elements' | 'repeats'>, compiled: CompiledLayout): boolean {
  if (segment.repeats !== undefined) return false;
  const els = segment.elements;
  const defs = compiled.elements;
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    const value = els[i];
    if (value === undefined || !anyData(value, 0)) {
      if (def.mandatory) return false;
      continue;
    }
    const simple = def.simple;
    if (simple !== null) {
      if (value.length > 1 && anyData(value, 1)) return false;
      const s = value[0]!;
      if (s === '' || !valueOk(s, simple)) return false;
      continue;
    }
    const comps = def.components;
    for (let k = 0; k < comps.length; k++) {
      const s = value[k];
      const c = comps[k]!;
      if (s === undefined || s === '') {
        if (c.mandatory) return false;
        continue;
      }
      if (!valueOk(s, c)) return false;
    }
    if (value.length > comps.length && anyData(value, comps.length)) return false;
  }
  for (let i = defs.length; i < els.length; i++) if (anyData(els[i]!, 0)) return false;
  return true;
}
