import type { Element } from './segment.js';
import type { ServiceChars } from './service-chars.js';

/** Result of splitting the text of one segment (without its terminator). */
export interface SplitSegment {
  tag: string;
  elements: Element[];
  repeats: Record<number, Element[]> | undefined;
  /** Index in the text of a release character not followed by a service character, or -1. */
  strayReleaseAt: number;
  /** True when the segment holds a character outside printable ASCII (the caller checks the repertoire). */
  unusual: boolean;
}

/** Character codes of the service characters, -1 for a role not in use. */
export interface ServiceCodes {
  element: number;
  component: number;
  release: number;
  repetition: number;
  /** All six UNA characters, for telling a proper release sequence from a stray one. */
  all: string;
}

export function serviceCodes(chars: ServiceChars): ServiceCodes {
  return {
    element: chars.element.charCodeAt(0),
    component: chars.component.charCodeAt(0),
    release: chars.release === ' ' ? -1 : chars.release.charCodeAt(0),
    repetition: chars.repetition === ' ' ? -1 : chars.repetition.charCodeAt(0),
    all: chars.component + chars.element + chars.decimal + chars.release + chars.repetition + chars.terminator,
  };
}

/**
 * Splits `text[start, end)` — one segment without its terminator — into tag, elements and
 * components in a single pass over character codes, creating each value with one `slice` of
 * the chunk text. This is the hot path: no intermediate segment string, no `split`, no regex.
 * The release character makes the next character literal; the repetition separator (syntax 4)
 * starts another occurrence of the current element.
 */
export function splitRange(text: string, start: number, end: number, codes: ServiceCodes): SplitSegment {
  const es = codes.element;
  const cs = codes.component;
  const rc = codes.release;
  const rs = codes.repetition;
  let tag: string | undefined;
  const elements: Element[] = [];
  let repeats: Record<number, Element[]> | undefined;
  let occurrences: Element[] | undefined;
  let components: string[] | undefined;
  let released = ''; // text already unescaped for the current value
  let from = start;
  let strayReleaseAt = -1;
  let unusual = false;

  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === es) {
      const value = released === '' ? text.slice(from, i) : released + text.slice(from, i);
      released = '';
      from = i + 1;
      if (tag === undefined) {
        tag = components ? components.join(String.fromCharCode(cs)) + String.fromCharCode(cs) + value : value;
        components = undefined;
        continue;
      }
      let element: Element;
      if (components) {
        components.push(value);
        element = components;
        components = undefined;
      } else {
        element = [value];
      }
      if (occurrences) {
        occurrences.push(element);
        (repeats ??= {})[elements.length] = occurrences;
        element = occurrences[0] as Element;
        occurrences = undefined;
      }
      elements.push(element);
    } else if (ch === cs) {
      const value = released === '' ? text.slice(from, i) : released + text.slice(from, i);
      released = '';
      from = i + 1;
      (components ??= []).push(value);
    } else if (ch === rc) {
      released += text.slice(from, i);
      const next = text[i + 1];
      if (next === undefined || i + 1 >= end) {
        from = i + 1;
        continue;
      }
      if (codes.all.indexOf(next) === -1 && strayReleaseAt === -1) strayReleaseAt = i;
      if (next.charCodeAt(0) < 0x20 || next.charCodeAt(0) > 0x7e) unusual = true;
      released += next;
      i++;
      from = i + 1;
    } else if (ch === rs && tag !== undefined) {
      const value = released === '' ? text.slice(from, i) : released + text.slice(from, i);
      released = '';
      from = i + 1;
      let element: Element;
      if (components) {
        components.push(value);
        element = components;
        components = undefined;
      } else {
        element = [value];
      }
      (occurrences ??= []).push(element);
    } else if (ch < 0x20 || ch > 0x7e) {
      unusual = true;
    }
  }
  const last = released === '' ? text.slice(from, end) : released + text.slice(from, end);
  if (tag === undefined) {
    tag = components ? `${components.join(String.fromCharCode(cs))}${String.fromCharCode(cs)}${last}` : last;
  } else {
    let element: Element;
    if (components) {
      components.push(last);
      element = components;
    } else {
      element = [last];
    }
    if (occurrences) {
      occurrences.push(element);
      (repeats ??= {})[elements.length] = occurrences;
      element = occurrences[0] as Element;
    }
    elements.push(element);
  }
  return { tag, elements, repeats, strayReleaseAt, unusual };
}
