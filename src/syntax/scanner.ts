import type { Element } from './segment.js';
import type { ServiceChars } from './service-chars.js';

const UNKNOWN = -1;
const NONE = Number.POSITIVE_INFINITY;

/**
 * Finds separators in one buffer with native `indexOf` scans instead of a per-character loop.
 * Each "next position" is cached and only searched again once the cursor has passed it, so the
 * buffer is scanned about once per separator kind however many segments it holds.
 */
export class SeparatorScanner {
  private text = '';
  private nextElement = UNKNOWN;
  private nextComponent = UNKNOWN;
  private nextRelease = UNKNOWN;
  private nextRepetition = UNKNOWN;
  private nextSuspect = UNKNOWN;
  private element = '+';
  private component = ':';
  private release = '?';
  private repetition = '';
  private suspect: RegExp = /[^\x20-\x7e]/g;

  /** Scans a new buffer. */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.invalidate();
  }

  /** New service characters, or a new pattern of characters that need a closer look. */
  configure(chars: ServiceChars, suspect: RegExp): void {
    this.element = chars.element;
    this.component = chars.component;
    this.release = chars.release === ' ' ? '' : chars.release;
    this.repetition = chars.repetition === ' ' ? '' : chars.repetition;
    this.suspect = suspect;
    this.invalidate();
  }

  private invalidate(): void {
    this.nextElement = UNKNOWN;
    this.nextComponent = UNKNOWN;
    this.nextRelease = UNKNOWN;
    this.nextRepetition = UNKNOWN;
    this.nextSuspect = UNKNOWN;
  }

  private find(ch: string, from: number): number {
    if (ch === '') return NONE;
    const i = this.text.indexOf(ch, from);
    return i === -1 ? NONE : i;
  }

  private elementAt(from: number): number {
    if (this.nextElement < from) this.nextElement = this.find(this.element, from);
    return this.nextElement;
  }

  private componentAt(from: number): number {
    if (this.nextComponent < from) this.nextComponent = this.find(this.component, from);
    return this.nextComponent;
  }

  /** True when `[start, end)` holds a release or repetition character, or a suspect character. */
  needsSlowPath(start: number, end: number): boolean {
    if (this.nextRelease < start) this.nextRelease = this.find(this.release, start);
    if (this.nextRelease < end) return true;
    if (this.nextRepetition < start) this.nextRepetition = this.find(this.repetition, start);
    if (this.nextRepetition < end) return true;
    if (this.nextSuspect < start) {
      this.suspect.lastIndex = start;
      const m = this.suspect.exec(this.text);
      this.nextSuspect = m === null ? NONE : m.index;
    }
    return this.nextSuspect < end;
  }

  /**
   * Splits a plain segment (no release, repetition or suspect characters: check
   * `needsSlowPath` first). Returns null when the tag holds a component separator.
   */
  split(start: number, end: number): { tag: string; elements: Element[] } | null {
    const text = this.text;
    let e = this.elementAt(start);
    const tagEnd = e < end ? e : end;
    if (this.componentAt(start) < tagEnd) return null;
    const tag = text.slice(start, tagEnd);
    const elements: Element[] = [];
    let pos = tagEnd + 1;
    while (pos <= end) {
      e = this.elementAt(pos);
      const elementEnd = e < end ? e : end;
      let c = this.componentAt(pos);
      if (c >= elementEnd) {
        elements.push([text.slice(pos, elementEnd)]);
      } else {
        const components: string[] = [];
        do {
          components.push(text.slice(pos, c));
          pos = c + 1;
          c = this.componentAt(pos);
        } while (c < elementEnd);
        components.push(text.slice(pos, elementEnd));
        elements.push(components);
      }
      pos = elementEnd + 1;
    }
    return { tag, elements };
  }
}
