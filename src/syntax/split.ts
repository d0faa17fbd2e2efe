import type { Element } from './segment.js';
import type { ServiceChars } from './service-chars.js';

/** Result of splitting the text of one segment (without its terminator). */
export interface SplitSegment {
  tag: string;
  elements: Element[];
  repeats: Record<number, Element[]> | undefined;
  /** Index in the raw text of a release character not followed by a service character, or -1. */
  strayReleaseAt: number;
}

/**
 * Splits segment text that contains no release or repetition character. This is the hot path:
 * native `split` creates every string in one call.
 */
export function splitPlain(raw: string, elementSep: string, componentSep: string): SplitSegment {
  const parts = raw.split(elementSep);
  const n = parts.length;
  const elements: Element[] = new Array(n - 1);
  for (let i = 1; i < n; i++) {
    const p = parts[i] as string;
    elements[i - 1] = p.indexOf(componentSep) === -1 ? [p] : p.split(componentSep);
  }
  return { tag: parts[0] as string, elements, repeats: undefined, strayReleaseAt: -1 };
}

/**
 * Splits segment text honouring the release character and (syntax 4) the repetition separator.
 * A release character makes the next character literal. One pass, no regular expressions.
 */
export function splitReleased(raw: string, chars: ServiceChars): SplitSegment {
  const { element: es, component: cs, release: rc, repetition: rs } = chars;
  const useRelease = rc !== ' ';
  const useRepetition = rs !== ' ';
  const serviceSet = cs + es + chars.decimal + rc + (useRepetition ? rs : '') + chars.terminator;
  let tag: string | undefined;
  const elements: Element[] = [];
  let repeats: Record<number, Element[]> | undefined;
  let occurrences: Element[] | undefined; // occurrences of the current element, when it repeats
  let components: string[] = [];
  let value = '';
  let runStart = 0;
  let strayReleaseAt = -1;

  const closeElement = (): void => {
    components.push(value);
    if (tag === undefined) {
      tag = components.join(cs);
    } else if (occurrences) {
      occurrences.push(components);
      const index = elements.length;
      elements.push(occurrences[0] as Element);
      (repeats ??= {})[index] = occurrences;
      occurrences = undefined;
    } else {
      elements.push(components);
    }
    components = [];
    value = '';
  };

  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (useRelease && ch === rc) {
      value += raw.slice(runStart, i);
      const next = raw[i + 1];
      if (next === undefined) {
        runStart = i + 1;
        break;
      }
      if (serviceSet.indexOf(next) === -1 && strayReleaseAt === -1) strayReleaseAt = i;
      value += next;
      i++;
      runStart = i + 1;
    } else if (ch === es) {
      value += raw.slice(runStart, i);
      closeElement();
      runStart = i + 1;
    } else if (ch === cs) {
      components.push(value + raw.slice(runStart, i));
      value = '';
      runStart = i + 1;
    } else if (useRepetition && ch === rs && tag !== undefined) {
      components.push(value + raw.slice(runStart, i));
      (occurrences ??= []).push(components);
      components = [];
      value = '';
      runStart = i + 1;
    }
  }
  value += raw.slice(runStart);
  closeElement();
  return { tag: tag ?? '', elements, repeats, strayReleaseAt };
}
