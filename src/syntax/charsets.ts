import iconv from 'iconv-lite';

/**
 * EDIFACT character repertoires (UNB S001 0001) and how their bytes become text.
 *
 * The tokenizer works on a "binary string" (every byte one char, as Latin-1 decoding gives), so
 * byte offsets stay exact and service characters (always ASCII) are found the same way for every
 * charset. Only segments holding bytes ≥ 0x80 are decoded further; the rest are already text.
 */
export interface Charset {
  /** Syntax identifier, e.g. `UNOC`. */
  readonly id: string;
  /** Node/iconv encoding name used for writing. */
  readonly encoding: string;
  /** Characters (or bytes, in a binary string) that are outside the repertoire. Global, char-class only. */
  readonly invalid: RegExp;
  /** How bytes ≥ 0x80 are turned into text. */
  readonly decode: 'identity' | 'utf8' | 'iconv';
}

// UNOA: ISO 9735 level A — upper case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >
const UNOA_INVALID = /[^A-Z0-9 .,\-()/='+:?!"%&*;<>]/g;
// UNOB: level B — printable ASCII.
const UNOB_INVALID = /[^\x20-\x7e]/g;
// 8-bit sets: C0 and C1 control characters and DEL are not part of the graphic repertoire.
const EIGHT_BIT_INVALID = /[\x00-\x1f\x7f-\x9f]/g;
// UTF-8 in a binary string: C0 controls and DEL are invalid; byte sequences are checked separately.
const UTF8_INVALID = /[\x00-\x1f\x7f]/g;

function sbcs(id: string, encoding: string): Charset {
  const identity = encoding === 'latin1';
  return { id, encoding, invalid: EIGHT_BIT_INVALID, decode: identity ? 'identity' : 'iconv' };
}

const CHARSETS: Readonly<Record<string, Charset>> = Object.freeze({
  UNOA: { id: 'UNOA', encoding: 'latin1', invalid: UNOA_INVALID, decode: 'identity' },
  UNOB: { id: 'UNOB', encoding: 'latin1', invalid: UNOB_INVALID, decode: 'identity' },
  UNOC: sbcs('UNOC', 'latin1'),
  UNOD: sbcs('UNOD', 'iso-8859-2'),
  UNOE: sbcs('UNOE', 'iso-8859-5'),
  UNOF: sbcs('UNOF', 'iso-8859-7'),
  UNOG: sbcs('UNOG', 'iso-8859-3'),
  UNOH: sbcs('UNOH', 'iso-8859-4'),
  UNOI: sbcs('UNOI', 'iso-8859-6'),
  UNOJ: sbcs('UNOJ', 'iso-8859-8'),
  UNOK: sbcs('UNOK', 'iso-8859-9'),
  UNOL: sbcs('UNOL', 'iso-8859-15'),
  UNOW: { id: 'UNOW', encoding: 'utf8', invalid: UTF8_INVALID, decode: 'utf8' },
  UNOY: { id: 'UNOY', encoding: 'utf8', invalid: UTF8_INVALID, decode: 'utf8' },
});

/** The charset for a syntax identifier, or `undefined` when fp-edifact does not support it. */
export function charsetFor(syntaxId: string): Charset | undefined {
  return Object.prototype.hasOwnProperty.call(CHARSETS, syntaxId) ? CHARSETS[syntaxId] : undefined;
}

/** Syntax identifiers fp-edifact reads and writes. */
export const SUPPORTED_SYNTAX_IDS: readonly string[] = Object.freeze(Object.keys(CHARSETS));

/** Whether a syntax identifier exists only in syntax version 4 (UNOW, UNOY: ISO 10646). */
export function needsSyntaxVersion4(syntaxId: string): boolean {
  return syntaxId === 'UNOY' || syntaxId === 'UNOW';
}

/** Used before any UNB is seen and when a UNB names an unsupported charset. */
export const FALLBACK_CHARSET: Charset = CHARSETS.UNOC as Charset;

/**
 * Index of the first character of `text` outside the repertoire, skipping service characters
 * (a UNA may choose control characters as separators). -1 when all is well.
 */
export function firstInvalidChar(charset: Charset, text: string, serviceChars: string): number {
  const re = charset.invalid;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (m === null) return -1;
    if (serviceChars.indexOf(m[0]) === -1) return m.index;
  }
}

/** Index of the first byte of an invalid UTF-8 sequence in a binary string, or -1. */
export function firstInvalidUtf8(binary: string): number {
  const n = binary.length;
  let i = 0;
  while (i < n) {
    const b = binary.charCodeAt(i);
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = binary.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const HIGH_BYTE = /[\x80-\xff]/;

/**
 * Decodes a binary string in the given charset. Returns the text and the index (in `binary`) of
 * the first byte that is not valid in the charset, or -1. Never replaces silently: the caller
 * reports the index as syntax error 21.
 */
export function decodeBinary(charset: Charset, binary: string): { text: string; invalidAt: number } {
  if (charset.decode === 'identity' || !HIGH_BYTE.test(binary)) return { text: binary, invalidAt: -1 };
  const bytes = Buffer.from(binary, 'latin1');
  if (charset.decode === 'utf8') {
    return { text: bytes.toString('utf8'), invalidAt: firstInvalidUtf8(binary) };
  }
  const text = iconv.decode(bytes, charset.encoding);
  // Single-byte charsets map byte i to char i, so the replacement char's index is the byte's.
  return { text, invalidAt: text.indexOf('\uFFFD') };
}

/** Encodes text for the wire in the given charset. */
export function encodeText(charset: Charset, text: string): Buffer {
  if (charset.decode === 'iconv') return iconv.encode(text, charset.encoding);
  return Buffer.from(text, charset.encoding as BufferEncoding);
}

/**
 * Index of the first character of already-decoded text that the charset cannot carry, or -1.
 * Used by the writer and for string input.
 */
export function firstUnencodableChar(charset: Charset, text: string, serviceChars = ''): number {
  if (charset.decode === 'utf8') {
    return firstInvalidChar(charset, text, serviceChars);
  }
  if (charset.decode === 'identity') {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return i;
    return firstInvalidChar(charset, text, serviceChars);
  }
  const round = iconv.decode(iconv.encode(text, charset.encoding), charset.encoding);
  for (let i = 0; i < text.length; i++) if (round.charCodeAt(i) !== text.charCodeAt(i)) return i;
  return firstInvalidChar(charset, text, serviceChars);
}
