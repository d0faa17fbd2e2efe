import { type Charset, FALLBACK_CHARSET, charsetFor, decodeBinary, firstInvalidChar } from './charsets.js';
import { elementAndComponentAt } from './char-position.js';
import { buildError, EdifactSyntaxError, type ErrorDraft, errorDraft, type Position, SyntaxErrorCode, type SyntaxErrorCodeValue } from './errors.js';
import type { Element, Segment } from './segment.js';
import { DEFAULT_SERVICE_CHARS, type ServiceChars, charsUnderVersion, isSegmentGap, isServiceChars, readServiceChars, releaseInUse, releaseRunBefore, restrictedPlacesBroken, segmentGaps, serviceCharsAfter, serviceCharsInUse } from './service-chars.js';
import { assertInputChunk, checkOptions, positiveIntegerOption, withDefaults, type OptionCheck } from './options.js';
import { shownTag } from './shown.js';
import { SegmentSplitter, SplitEnd } from './split.js';

/** Limits that keep hostile input from exhausting memory. */
export interface TokenizerLimits {
  /**
   * Longest segment accepted, in bytes (characters for string input). Default 65,536. A longer
   * one is syntax error 18 and skipped, but counted: the segments after it keep their numbers.
   */
  maxSegmentLength?: number;
  /** Most data elements in one segment. Default 99 (ISO 9735). More is syntax error 16 at element `maxElements` + 1. */
  maxElements?: number;
  /** Most components in one composite. Default 99. More is syntax error 16 at component `maxComponents` + 1. */
  maxComponents?: number;
}

/** Receives what the tokenizer finds, in input order. */
export interface TokenizerHandler {
  segment(segment: Segment): void;
  /** Receives every error, built, unless the handler takes them as drafts ({@link errorDraft}). */
  error(error: EdifactSyntaxError): void;
  /**
   * When given, receives every error unbuilt instead of {@link error}: a handler that keeps only
   * some (the envelope's `maxErrors`) builds those it keeps (`buildError`), and the others cost
   * no error object and no message. A draft's reason is worded from values taken when it was
   * found, so it may be built later.
   */
  errorDraft?(draft: ErrorDraft): void;
  /**
   * Called for every UNA service string advice; and again, with the characters the interchange is
   * then read with, when a syntax version 1–3 UNB turns its repetition separator into data (error 20).
   */
  serviceString?(chars: ServiceChars, offset: number): void;
}

const DEFAULT_LIMITS: Required<TokenizerLimits> = { maxSegmentLength: 65_536, maxElements: 99, maxComponents: 99 };
const LIMIT_CHECKS: readonly OptionCheck[] = Object.keys(DEFAULT_LIMITS).map(positiveIntegerOption);
const UTF8_BOM_BINARY = '\xEF\xBB\xBF';
const BOM_TEXT = '\uFEFF';


/**
 * `a + b` as a flat (sequential) string. A concatenation is a rope; scanning a rope makes
 * `charCodeAt` in the hot loop polymorphic and several times slower for every later chunk.
 */
function joinFlat(a: string, b: string, textMode: boolean): string {
  const joined = a + b;
  // Byte input is Latin-1 by construction and round-trips through a Buffer into one flat
  // string; string input may hold any character and stays a rope.
  return textMode ? joined : Buffer.from(joined, 'latin1').toString('latin1');
}


/**
 * Where the service character at `decoded[index]` is in the undecoded text from `rawStart`.
 * Charsets keep service characters one byte each and in order, so it is the raw text's same
 * occurrence of that character: counting decoded characters' bytes instead would be off after
 * an invalid byte, which decodes to a three-byte U+FFFD.
 */
function sameCharInRaw(decoded: string, index: number, raw: string, rawStart: number): number {
  const ch = decoded[index] as string;
  let at = rawStart - 1;
  for (let i = decoded.indexOf(ch); i !== -1 && i <= index; i = decoded.indexOf(ch, i + 1)) at = raw.indexOf(ch, at + 1);
  return at;
}


/**
 * A push tokenizer: bytes (or text) in, segments out through callbacks. Input may be split
 * anywhere — inside UNA, between a release character and what it releases, inside a multi-byte
 * character — with identical results: a segment cut by the end of a chunk is parsed again, whole,
 * once the next chunk arrives. Offsets are absolute across chunks.
 *
 * Byte input is held as a Latin-1 "binary string" (one char per byte) so that offsets stay byte
 * offsets. The hot path is one pass over character codes per chunk that finds terminators,
 * separators and release characters together and slices each value straight out of the chunk;
 * segments with characters a charset must decode (UTF-8, other ISO 8859 parts) or check take a
 * slower path.
 */
export class Tokenizer {
  private readonly limits: Required<TokenizerLimits>;
  /** Segments longer than this may break the element or component limit and are counted. */
  private readonly countCheckLength: number;
  /** Text not yet consumed starts at `buf[bufStart]`; kept unsliced so scanning stays on flat strings. */
  private buf = '';
  private bufStart = 0;
  /** Absolute offset of `buf[0]`. */
  private base = 0;
  /** Absolute offset where the next written piece starts. */
  private written = 0;
  /** With a segment cut by a chunk end: where in `buf` its terminator may still be (no need to re-parse before). */
  private scanFrom = 0;
  private textMode: boolean | undefined;
  private chars: ServiceChars = DEFAULT_SERVICE_CHARS;
  /** The service characters in use, which the repertoire check skips. */
  private serviceCharList = '';
  /** What {@link skipWhitespace} skips under the service characters in force. */
  private gaps = segmentGaps(DEFAULT_SERVICE_CHARS);
  private charset: Charset = FALLBACK_CHARSET;
  private readonly splitter: SegmentSplitter;
  private skippingOversized = false;
  private atInputStart = true;
  private segmentNumber = 0;
  private messageSegmentNumber = 0;
  /** A UNB has been read and no UNZ since: a UNA now is out of place, unless a UNB follows it. */
  private interchangeOpen = false;
  /** Such a UNA, reported (33) once the next segment is not a UNB, or at the end of the input. */
  private strayUna: { offset: number; segmentNumber: number } | null = null;
  /** Offset of the UNA whose characters are in force, or -1 for the defaults. */
  private unaOffset = -1;
  private ended = false;

  constructor(
    private readonly handler: TokenizerHandler,
    limits: TokenizerLimits = {},
  ) {
    checkOptions(limits, LIMIT_CHECKS, 'Tokenizer');
    this.limits = withDefaults(DEFAULT_LIMITS, limits);
    this.countCheckLength = Math.min(this.limits.maxElements, this.limits.maxComponents);
    this.splitter = new SegmentSplitter(this.limits.maxSegmentLength);
    this.setServiceChars(DEFAULT_SERVICE_CHARS);
  }

  /** Feeds the next piece of input. */
  write(chunk: Uint8Array | string): void {
    if (this.ended) throw new Error('Tokenizer.write() called after end()');
    assertInputChunk(chunk);
    const isText = typeof chunk === 'string';
    if (this.textMode === undefined) {
      this.textMode = isText;
      this.configureClasses();
    } else if (this.textMode !== isText) {
      throw new TypeError('Tokenizer input mixes strings and bytes; use one kind per input');
    }
    const piece = isText ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    if (piece.length === 0) return;
    const pieceOffset = this.written;
    this.written += piece.length;
    if (this.bufStart >= this.buf.length) {
      this.reset(piece, 0, pieceOffset);
      this.drain(false);
      return;
    }
    // A segment spans the boundary. Join only the tail and the new piece up to its first
    // terminator, then scan the rest of the piece in place: hot loops stay on flat strings.
    const tail = this.buf.slice(this.bufStart);
    const scanned = Math.max(0, this.scanFrom - this.bufStart);
    const k = piece.indexOf(this.chars.terminator);
    if (k === -1 || k === piece.length - 1) {
      this.reset(joinFlat(tail, piece, isText), scanned, pieceOffset - tail.length);
      this.drain(false);
      return;
    }
    this.reset(joinFlat(tail, piece.slice(0, k + 1), isText), scanned, pieceOffset - tail.length);
    this.drain(false);
    if (this.bufStart >= this.buf.length) {
      this.reset(piece, k + 1, pieceOffset);
      this.bufStart = k + 1;
    } else {
      // The terminator was released (or a UNA is incomplete): keep joining.
      const rest = this.buf.slice(this.bufStart);
      this.reset(joinFlat(rest, piece.slice(k + 1), isText), Math.max(0, this.scanFrom - this.bufStart), pieceOffset + k + 1 - rest.length);
    }
    this.drain(false);
  }

  /** Signals the end of input; reports an unterminated last segment. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.drain(true);
    this.reportStrayUna();
    const text = this.buf;
    const pos = this.skipWhitespace(text, this.bufStart);
    if (pos < text.length && !this.skippingOversized) {
      const terminator = this.chars.terminator;
      this.fail(SyntaxErrorCode.missing, () => `the last segment is not terminated by ${JSON.stringify(terminator)}`, {
        offset: this.base + pos,
        segmentNumber: this.segmentNumber + 1,
        tag: text.slice(pos, pos + 3),
      });
    }
    this.buf = '';
    this.bufStart = 0;
  }

  /** Service characters currently in force. */
  get serviceChars(): ServiceChars {
    return this.chars;
  }

  /** Makes `text` the buffer, `base` the absolute offset of its first character. */
  private reset(text: string, scanFrom: number, base: number): void {
    this.buf = text;
    this.bufStart = 0;
    this.scanFrom = scanFrom;
    this.base = base;
  }

  private setServiceChars(chars: ServiceChars): void {
    this.chars = chars;
    this.serviceCharList = serviceCharsInUse(chars);
    this.gaps = segmentGaps(chars);
    this.configureClasses();
  }

  /** Service characters, and what needs a closer look: the charset's invalid characters, or any non-ASCII one when text must be decoded. */
  private configureClasses(): void {
    this.splitter.configure(this.chars, this.charset, this.textMode === true);
  }

  /** Reports an error at `position`; a reason that takes work to word is a function, called only if the error is built. */
  private fail(code: SyntaxErrorCodeValue, reason: string | (() => string), position: Position): void {
    this.report(errorDraft(code, reason, position));
  }

  private report(draft: ErrorDraft): void {
    const handler = this.handler;
    if (handler.errorDraft) handler.errorDraft(draft);
    else handler.error(buildError(draft));
  }

  /** Skips line breaks and blanks between segments (unless they are service characters). */
  private skipWhitespace(text: string, pos: number): number {
    while (pos < text.length && isSegmentGap(text.charCodeAt(pos), this.gaps)) pos++;
    return pos;
  }

  /** True when the terminator at `t` is preceded by an odd run of release characters. */
  private isReleased(text: string, t: number, segmentStart: number): boolean {
    return releaseInUse(this.chars) && (releaseRunBefore(text, t, segmentStart, this.chars.release.charCodeAt(0)) & 1) === 1;
  }

  private findTerminator(text: string, from: number, segmentStart: number): number {
    const term = this.chars.terminator;
    let t = text.indexOf(term, from);
    while (t !== -1 && this.isReleased(text, t, segmentStart)) t = text.indexOf(term, t + 1);
    return t;
  }

  private drain(final: boolean): void {
    const text = this.buf;
    const len = text.length;
    let pos = this.bufStart;
    if (this.atInputStart) {
      if (!final && len < 3) return;
      if (text.startsWith(this.textMode ? BOM_TEXT : UTF8_BOM_BINARY)) pos = this.textMode ? 1 : 3;
      this.atInputStart = false;
    }
    for (;;) {
      // Every piece ends here: test the end first, as reading past it deoptimizes the loop once.
      if (pos >= len) break;
      // Most segments start right after the previous terminator: test before calling.
      if (text.charCodeAt(pos) <= 0x20) {
        pos = this.skipWhitespace(text, pos);
        if (pos >= len) break;
      }
      if (this.skippingOversized) {
        const t = this.findTerminator(text, pos, pos);
        if (t === -1) {
          pos = this.skippedTo(text, pos, len);
          break;
        }
        this.skippingOversized = false;
        pos = t + 1;
        continue;
      }
      if (text.charCodeAt(pos) === 0x55 /* U */) {
        if (len - pos < 3 && !final) break;
        // UNH, UNT, UNB and UNZ start a quarter of all segments: compare codes, not call startsWith.
        if (text.charCodeAt(pos + 1) === 0x4e /* N */ && text.charCodeAt(pos + 2) === 0x41 /* A */) {
          if (len - pos < 9 && !final) break;
          pos = this.readServiceString(text, pos);
          continue;
        }
      }
      // A segment carried over from the last chunk: parse it only once its terminator (an unreleased one) is here.
      if (this.scanFrom > pos && this.findTerminator(text, this.scanFrom, pos) === -1) {
        if (len - pos > this.limits.maxSegmentLength) {
          this.reportOversized(text, pos);
          this.skippingOversized = true;
          pos = this.skippedTo(text, pos, len);
        }
        this.scanFrom = len;
        break;
      }
      const t = this.splitter.split(text, pos, len);
      if (t === SplitEnd.incomplete) {
        this.scanFrom = len;
        break;
      }
      if (t === SplitEnd.oversized) {
        this.reportOversized(text, pos);
        this.skippingOversized = true;
        continue;
      }
      this.scanFrom = 0;
      this.emit(text, pos, t);
      pos = t + 1;
    }
    this.bufStart = pos;
  }

  /**
   * How far skipping an oversized segment consumes `text[from, len)` that holds no end for it:
   * all of it, except a last release character that releases the next input's first
   * character (kept, so that a released terminator there does not end the skip).
   */
  private skippedTo(text: string, from: number, len: number): number {
    return this.isReleased(text, len, from) ? len - 1 : len;
  }

  /** Reports the segment at `pos` as over the limit. It is skipped, but counted: the segments after it keep their numbers. */
  private reportOversized(text: string, pos: number): void {
    this.segmentNumber++;
    if (this.messageSegmentNumber > 0) this.messageSegmentNumber++;
    const limit = this.limits.maxSegmentLength;
    this.fail(SyntaxErrorCode.unspecified, () => `segment longer than the limit of ${limit} bytes; skipped`, {
      offset: this.base + pos,
      segmentNumber: this.segmentNumber,
      messageSegmentNumber: this.messageSegmentNumber || undefined,
      tag: text.slice(pos, pos + 3),
    });
  }

  /**
   * Reads a UNA. One inside an interchange is error 33 (ISO 9735: a UNA, when sent, immediately
   * precedes UNB): inside a message at once; between UNB and UNH or between messages once the
   * next segment is not a UNB (after an interchange without UNZ, the UNA of the next one is where
   * it belongs). Its characters apply from there either way: the sender wrote what follows with them.
   * Not a segment of the count (UNT 0074 leaves it out), it is numbered as the next segment —
   * in the interchange, and in the message inside one — where it stands as sent.
   */
  private readServiceString(text: string, pos: number): number {
    const offset = this.base + pos;
    this.reportStrayUna();
    const segmentNumber = this.segmentNumber + 1;
    if (this.segmentNumber > 0 && this.messageSegmentNumber > 0) {
      this.fail(SyntaxErrorCode.invalidOccurrenceOutsideMessage, 'UNA inside a message', { offset, segmentNumber, messageSegmentNumber: this.messageSegmentNumber + 1, tag: 'UNA' });
    } else if (this.interchangeOpen) {
      this.strayUna = { offset, segmentNumber };
    }
    const chars = readServiceChars(text.slice(pos + 3, pos + 9), offset);
    if (isServiceChars(chars)) {
      this.setServiceChars(chars);
      this.unaOffset = offset;
      this.handler.serviceString?.(chars, offset);
    } else {
      this.report(chars);
      this.setServiceChars(DEFAULT_SERVICE_CHARS);
      this.unaOffset = -1;
    }
    return Math.min(pos + 9, text.length);
  }

  /**
   * After UNZ: no interchange is open, and the service characters are the defaults again
   * ({@link serviceCharsAfter}): the next interchange without a UNA of its own is written with
   * them, as its header then says.
   */
  private endInterchange(): void {
    this.interchangeOpen = false;
    this.unaOffset = -1;
    const chars = serviceCharsAfter('UNZ', this.chars);
    if (this.chars !== chars) this.setServiceChars(chars);
  }

  /**
   * Syntax versions 1–3 restrict two UNA places ({@link BEFORE_VERSION_4}): the decimal mark is a
   * comma or a full stop, and the fifth character is reserved ("insert space character"; the
   * repetition separator came with version 4). A UNB of version 1–3 under a UNA with another
   * character there is error 20 at that character, once per place and UNB, and the place is read
   * as the declared version reads it (a full stop; a space, the would-be repetition separator
   * being data). The handler hears the characters the interchange is read with. True when the
   * repetition separator changed (the UNB is split again).
   */
  private restrictToVersion(elements: Element[]): boolean {
    const version = elements[0]?.[1] ?? '';
    const broken = restrictedPlacesBroken(this.chars, version);
    if (broken.length === 0) return false;
    for (const place of broken) {
      const ch = this.chars[place.role];
      this.fail(
        SyntaxErrorCode.characterInvalidAsServiceCharacter,
        () => `syntax version ${version} (UNB S001 0002) ${place.reason}: ${JSON.stringify(ch)} ${place.instead}`,
        { offset: this.unaOffset + 2 + place.element, tag: 'UNA', element: place.element },
      );
    }
    const chars = charsUnderVersion(this.chars, version);
    this.setServiceChars(chars);
    this.handler.serviceString?.(chars, this.unaOffset);
    return broken.some((p) => p.role === 'repetition');
  }

  /** Reports the UNA waiting in {@link strayUna}, if any: it is not directly before a UNB. */
  private reportStrayUna(): void {
    const stray = this.strayUna;
    if (stray === null) return;
    this.strayUna = null;
    this.fail(
      SyntaxErrorCode.invalidOccurrenceOutsideMessage,
      // The reason names no segment number: a worker's range counts from its own prelude's UNB.
      'UNA inside the interchange, between UNB and UNZ: a UNA may come only directly before UNB; its service characters apply from here',
      { ...stray, tag: 'UNA' },
    );
  }

  /** Numbers, checks and hands on the segment the splitter just split (`text[start, end)`). */
  private emit(text: string, start: number, end: number): void {
    const offset = this.base + start;
    const split = this.splitter;
    const isHeader = split.tag === 'UNB';
    /** The UNB was split under characters its syntax version does not have: split it again. */
    let resplit = false;
    if (isHeader) {
      this.segmentNumber = 1;
      this.messageSegmentNumber = 0;
      this.interchangeOpen = true;
      this.strayUna = null;
      this.charset = this.charsetOfHeader(split.elements, offset);
      resplit = this.restrictToVersion(split.elements);
      this.configureClasses();
    } else {
      this.segmentNumber++;
    }
    if (split.tag === 'UNH') {
      this.messageSegmentNumber = 1;
      this.reportStrayUna();
    } else if (this.messageSegmentNumber > 0) {
      // UNG, UNE and UNZ end a message that lacks its UNT: they (and a UNA after them) are outside it.
      if (split.tag === 'UNZ' || split.tag === 'UNE' || split.tag === 'UNG') {
        this.messageSegmentNumber = 0;
        if (split.tag === 'UNZ') this.endInterchange();
      } else this.messageSegmentNumber++;
    } else {
      // Only segments outside a message get here (a stray UNA is always outside one).
      this.reportStrayUna();
      if (split.tag === 'UNZ') this.endInterchange();
    }
    const segmentNumber = this.segmentNumber;
    const messageSegmentNumber = this.messageSegmentNumber;
    /** For this segment's errors: its number in the message, absent outside one (as the envelope's errors say it). */
    const inMessage = messageSegmentNumber || undefined;

    /** The decoded text the split ran on, when it is not `text` itself. */
    let decodedText: string | null = null;
    // A UNB was split under the charset before it: it is checked against the one it declares.
    if (split.hasSuspect || isHeader) {
      // Slow path: check the repertoire; charsets that are not Latin-1 identity also decode.
      const raw = text.slice(start, end);
      const decoded = this.decode(raw, offset, segmentNumber, inMessage);
      // Only text the charset (or the syntax version) changed needs splitting again.
      if (decoded !== raw || resplit) {
        // Split the decoded text with the same loop (the terminator closes it).
        split.splitInFull(decoded + this.chars.terminator, 0, decoded.length + 1);
        decodedText = decoded;
      }
    }
    const { tag, elements, repeats, strayReleaseAt } = split;
    if (!split.tagWellFormed) {
      this.fail(SyntaxErrorCode.invalidValue, () => `invalid segment tag "${shownTag(tag)}": a tag is three upper-case letters or digits`, {
        offset,
        segmentNumber,
        messageSegmentNumber: inMessage,
        tag,
      });
    }
    if (strayReleaseAt !== -1) {
      const at = decodedText === null ? this.base + strayReleaseAt : this.base + sameCharInRaw(decodedText, strayReleaseAt, text, start);
      this.fail(SyntaxErrorCode.invalidServiceCharacter, 'release character not followed by a service character', {
        offset: at,
        segmentNumber,
        messageSegmentNumber: inMessage,
        tag,
        element: split.strayReleaseElement,
      });
    }
    // Only a segment longer than a limit can hold more elements or components than it allows.
    if (end - start > this.countCheckLength) {
      this.checkCounts(elements, { offset, segmentNumber, messageSegmentNumber: inMessage, tag });
    }
    const segment: Segment = { tag, elements, offset, segmentNumber, messageSegmentNumber };
    if (repeats) segment.repeats = repeats;
    if (messageSegmentNumber > 0 && tag === 'UNT') this.messageSegmentNumber = 0;
    this.handler.segment(segment);
  }

  private checkCounts(elements: Element[], at: Position): void {
    const { maxElements, maxComponents } = this.limits;
    const count = elements.length;
    if (count > maxElements) {
      this.fail(SyntaxErrorCode.tooManyConstituents, () => `${count} data elements exceed the limit of ${maxElements}`, { ...at, element: maxElements + 1 });
    }
    for (let e = 0; e < count; e++) {
      const n = (elements[e] as string[]).length;
      if (n > maxComponents) {
        this.fail(SyntaxErrorCode.tooManyConstituents, () => `${n} components exceed the limit of ${maxComponents}`, { ...at, element: e + 1, component: maxComponents + 1 });
      }
    }
  }

  /** The charset a UNB's S001 declares (always ASCII); errors are syntax error 2. */
  private charsetOfHeader(elements: Element[], offset: number): Charset {
    const syntaxId = elements[0]?.[0] ?? '';
    const version = elements[0]?.[1] ?? '';
    const charset = charsetFor(syntaxId);
    const at = { offset, segmentNumber: 1, tag: 'UNB', element: 1 };
    if (!charset) {
      this.fail(SyntaxErrorCode.syntaxVersionNotSupported, `syntax identifier ${JSON.stringify(syntaxId)} is not supported`, { ...at, component: 1 });
      return FALLBACK_CHARSET;
    }
    if (!/^[1-4]$/.test(version)) {
      this.fail(SyntaxErrorCode.syntaxVersionNotSupported, `syntax version ${JSON.stringify(version)} is not supported (1–4 are)`, {
        ...at,
        component: 2,
      });
    }
    return charset;
  }

  /**
   * Index in `raw` of the first service character the charset lacks that is released — data,
   * which must be in the repertoire like any other (a separator is exempt only as a separator) —
   * or -1.
   */
  private firstReleasedOutside(raw: string): number {
    const outside = this.splitter.releasedOutside;
    if (outside === '' || !releaseInUse(this.chars)) return -1;
    const release = this.chars.release.charCodeAt(0);
    for (let i = 1; i < raw.length; i++) {
      if (outside.indexOf(raw[i] as string) !== -1 && (releaseRunBefore(raw, i, 0, release) & 1) === 1) return i;
    }
    return -1;
  }

  /** Checks the repertoire and decodes one segment's text; invalid characters are error 21. */
  private decode(raw: string, offset: number, segmentNumber: number, messageSegmentNumber: number | undefined): string {
    const bad = firstInvalidChar(this.charset, raw, this.serviceCharList);
    if (bad !== -1) this.reportInvalidChar(raw, bad, offset, segmentNumber, messageSegmentNumber);
    const released = this.firstReleasedOutside(raw);
    if (released !== -1) this.reportInvalidChar(raw, released, offset, segmentNumber, messageSegmentNumber);
    if (this.textMode) {
      if (this.charset.decode === 'identity') {
        for (let i = 0; i < raw.length; i++) {
          if (raw.charCodeAt(i) > 0xff) {
            this.reportInvalidChar(raw, i, offset, segmentNumber, messageSegmentNumber);
            break;
          }
        }
      }
      return raw;
    }
    const { text, invalidAt } = decodeBinary(this.charset, raw);
    if (invalidAt !== -1 && invalidAt !== bad) this.reportInvalidChar(raw, invalidAt, offset, segmentNumber, messageSegmentNumber);
    return text;
  }

  private reportInvalidChar(raw: string, index: number, offset: number, segmentNumber: number, messageSegmentNumber: number | undefined): void {
    const code = raw.charCodeAt(index);
    const what = this.textMode ? 'character' : 'byte';
    const charset = this.charset.id;
    this.fail(SyntaxErrorCode.invalidCharacter, () => `${what} 0x${code.toString(16).padStart(2, '0')} is not in the ${charset} character set`, {
      offset: offset + index,
      segmentNumber,
      messageSegmentNumber,
      tag: raw.slice(0, 3),
      // Counted only now, on the error path: the split loops do not count separators for it.
      ...elementAndComponentAt(raw, index, this.chars),
    });
  }
}
