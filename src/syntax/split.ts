import { CharClass, CharClasses } from './char-classes.js';
import { type Charset, firstInvalidChar } from './charsets.js';
import type { Element } from './segment.js';
import type { ServiceChars } from './service-chars.js';
import { sharedTag } from './tags.js';

/** `split` results besides a terminator index (an enum: the bundler writes them as literals). */
export enum SplitEnd {
  incomplete = -1,
  oversized = -2,
}

/**
 * Splits the text of one segment into its tag and elements, slicing every value out of the
 * text it is given. The results stay in fields (no allocation per segment) until the next
 * split; the tokenizer numbers, checks and hands them on.
 */
export class SegmentSplitter {
  tag = '';
  /** The tag is three upper-case letters or digits (and `tag` the shared string for it). */
  tagWellFormed = true;
  elements: Element[] = [];
  repeats: Record<number, Element[]> | undefined;
  /** Index of the first release character not followed by a service character, or -1. */
  strayReleaseAt = -1;
  /** The data element that release character is in (0: the tag), when there is one. */
  strayReleaseElement = 0;
  /** The segment holds a character the charset must decode or check. */
  hasSuspect = false;
  /** What the split loop does with each character; updated on UNA and UNB. */
  private readonly charClasses = new CharClasses();
  private component = ':';
  /** All six UNA characters, for telling a proper release sequence from a stray one. */
  private releasable = '';
  /**
   * The service characters outside the charset's repertoire (a TAB separator in UNOC): released,
   * such a character is data the charset lacks, so the segment is checked (usually empty).
   */
  releasedOutside = '';

  constructor(private readonly maxSegmentLength: number) {}

  /** Where a split loop starting at `start` stops looking for the terminator: one past the segment limit. */
  private limitFor(start: number, len: number): number {
    return Math.min(len, start + this.maxSegmentLength + 1);
  }

  /** A split loop reached `limit` at `i` without a terminator: past the segment limit, or the text ended first. */
  private unterminated(start: number, i: number, limit: number, len: number): SplitEnd {
    return limit < len || i - start > this.maxSegmentLength ? SplitEnd.oversized : SplitEnd.incomplete;
  }

  /** The tag in `text[from, to)`: the shared string for a well-formed tag, else a slice. */
  private tagAt(text: string, from: number, to: number): string {
    const tag = to - from === 3 ? sharedTag(text, from) : undefined;
    if (tag !== undefined) return tag;
    this.tagWellFormed = false;
    return text.slice(from, to);
  }

  /** A tag read on the full path (released characters already resolved), shared when well-formed. */
  private shared(tag: string): string {
    return this.tagAt(tag, 0, tag.length);
  }

  /** A tag with component separators (syntax 4 nesting): kept as it is, never well-formed. */
  private compositeTag(components: string[], last: string): string {
    this.tagWellFormed = false;
    return `${components.join(this.component)}${this.component}${last}`;
  }

  /** Service characters, and what needs a closer look: the charset's invalid characters, or any non-ASCII one when text must be decoded. */
  configure(chars: ServiceChars, charset: Charset, textMode: boolean): void {
    this.component = chars.component;
    this.releasable = chars.component + chars.element + chars.decimal + chars.release + chars.repetition + chars.terminator;
    this.releasedOutside = [...this.releasable].filter((ch) => firstInvalidChar(charset, ch, '') !== -1).join('');
    this.charClasses.configure(chars, charset, textMode);
  }

  /**
   * The hot loop: splits the segment starting at `start` into `tag` and `elements`
   * in one pass, one table lookup per character, slicing each value out of `text`. Returns the
   * index of its terminator, `SplitEnd.incomplete` when the text ends first, or `oversized` past the limit.
   * A release or repetition character, or a composite tag, hands the segment over to
   * `splitInFull`: keeping them out of this loop is what makes it fast.
   */
  split(text: string, start: number, len: number): number {
    const classes = this.charClasses.table;
    const limit = this.limitFor(start, len);
    this.tagWellFormed = true;
    let tag: string | undefined;
    const elements: Element[] = [];
    // Components of the element being read: the first two in locals, so a composite of up to
    // three becomes one exact-size array literal instead of a one-slot array that `push` grows
    // to seventeen (a builtin call and a larger allocation: ~3 % of tokenizing).
    let count = 0;
    let c0 = '';
    let c1 = '';
    let more: string[] | undefined;
    let from = start;
    let hasSuspect = false;
    let i = start;
    for (; i < limit; i++) {
      let kind = classes[text.charCodeAt(i)] as number;
      if (kind === CharClass.plain) {
        // Most characters are data. A loop of their own keeps only `i`, `text` and the table
        // live, so V8 keeps them in registers instead of spilling every loop variable per
        // character (perf annotate; ~5 % fewer instructions tokenizing).
        do i++;
        while (i < limit && (kind = classes[text.charCodeAt(i)] as number) === CharClass.plain);
        if (i >= limit) break;
      }
      // An element separator or the terminator ends the tag or an element.
      if (kind === CharClass.element || kind === CharClass.terminator) {
        if (tag !== undefined) {
          const value = text.slice(from, i);
          if (count === 0) elements.push([value]);
          else if (count === 1) elements.push([c0, value]);
          else if (count === 2) elements.push([c0, c1, value]);
          else {
            (more as string[]).push(value);
            elements.push(more as string[]);
          }
          count = 0;
        } else if (count === 0) tag = this.tagAt(text, from, i);
        else return this.splitInFull(text, start, len);
        if (kind === CharClass.terminator) break;
        from = i + 1;
      } else if (kind === CharClass.component) {
        const value = text.slice(from, i);
        from = i + 1;
        if (count === 0) c0 = value;
        else if (count === 1) c1 = value;
        else if (count === 2) more = [c0, c1, value];
        else (more as string[]).push(value);
        count++;
      } else if (kind === CharClass.suspect) {
        hasSuspect = true;
      } else {
        return this.splitInFull(text, start, len);
      }
    }
    if (i >= limit) return this.unterminated(start, i, limit, len);
    this.tag = tag as string; // the terminator set it
    this.elements = elements;
    this.repeats = undefined;
    this.strayReleaseAt = -1;
    this.hasSuspect = hasSuspect;
    return i;
  }

  /** `split` for every segment: release and repetition characters, composite tags. */
  splitInFull(text: string, start: number, len: number): number {
    const classes = this.charClasses.table;
    const limit = this.limitFor(start, len);
    this.tagWellFormed = true;
    let tag: string | undefined;
    const elements: Element[] = [];
    let repeats: Record<number, Element[]> | undefined;
    let occurrences: Element[] | undefined;
    let components: string[] | undefined;
    let released = '';
    let from = start;
    let strayReleaseAt = -1;
    let hasSuspect = false;
    let i = start;
    for (; i < limit; i++) {
      // Decoded text (re-split after a charset decoded it) may hold characters past a byte
      // table's end: those are data.
      const kind = classes[text.charCodeAt(i)] ?? CharClass.plain;
      if (kind === CharClass.plain) continue;
      if (kind === CharClass.suspect) {
        hasSuspect = true;
        continue;
      }
      if (kind === CharClass.release) {
        if (i + 1 >= len) return SplitEnd.incomplete;
        const next = text[i + 1] as string;
        if (strayReleaseAt === -1 && this.releasable.indexOf(next) === -1) {
          strayReleaseAt = i;
          this.strayReleaseElement = tag === undefined ? 0 : elements.length + 1;
        }
        if (classes[next.charCodeAt(0)] === CharClass.suspect || this.releasedOutside.indexOf(next) !== -1) hasSuspect = true;
        released += text.slice(from, i) + next;
        i++;
        from = i + 1;
        continue;
      }
      // A repetition separator inside the tag is part of it.
      if (kind === CharClass.repetition && tag === undefined) continue;
      // A separator or the terminator: the value before it is complete.
      const value = released === '' ? text.slice(from, i) : released + text.slice(from, i);
      released = '';
      from = i + 1;
      if (kind === CharClass.component) {
        (components ??= []).push(value);
        continue;
      }
      // An element separator, a repetition separator or the terminator ends the tag or an element.
      if (tag === undefined) {
        // A component separator inside the tag (syntax 4 nesting) keeps the raw tag text.
        tag = components === undefined ? this.shared(value) : this.compositeTag(components, value);
      } else {
        let element: Element;
        if (components === undefined) element = [value];
        else {
          components.push(value);
          element = components;
        }
        if (kind === CharClass.repetition) {
          (occurrences ??= []).push(element);
          components = undefined;
          continue;
        }
        if (occurrences !== undefined) {
          occurrences.push(element);
          (repeats ??= {})[elements.length] = occurrences;
          element = occurrences[0] as Element;
          occurrences = undefined;
        }
        elements.push(element);
      }
      components = undefined;
      if (kind === CharClass.terminator) break;
    }
    if (i >= limit) return this.unterminated(start, i, limit, len);
    this.tag = tag as string; // the terminator set it
    this.elements = elements;
    this.repeats = repeats;
    this.strayReleaseAt = strayReleaseAt;
    this.hasSuspect = hasSuspect;
    return i;
  }
}
