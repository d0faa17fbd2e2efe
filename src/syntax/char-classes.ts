import type { Charset } from './charsets.js';
import type { ServiceChars } from './service-chars.js';

/**
 * What the tokenizer's split loop does with a character, looked up in one table per
 * (service characters, charset, input kind): a single load and compare per character for the
 * common case, instead of a chain of comparisons and a separate regex pass for bad characters.
 */
export const CharClass = {
  /** Data: nothing to do. */
  plain: 0,
  terminator: 1,
  element: 2,
  component: 3,
  release: 4,
  repetition: 5,
  /** Must be decoded or checked against the charset: the segment takes the slow path. */
  suspect: 6,
} as const;

/** Indexed by UTF-16 code unit; byte input (a binary string) only ever uses 0–255. */
export type CharClassTable = Uint8Array;

const TABLE_SIZE = 0x10000;
const cache = new Map<string, CharClassTable>();

/**
 * Suspect characters: for Latin-1 bytes that need no decoding, exactly those outside the
 * charset's repertoire; otherwise anything outside printable ASCII (decoded, then checked).
 * Service characters win: a UNA may choose a control character as a separator.
 */
export function charClassTable(chars: ServiceChars, charset: Charset, textMode: boolean): CharClassTable {
  const key = `${chars.component}${chars.element}${chars.release}${chars.repetition}${chars.terminator}|${charset.id}|${textMode ? 't' : 'b'}`;
  let table = cache.get(key);
  if (table !== undefined) return table;
  table = new Uint8Array(TABLE_SIZE);
  const checkOnly = charset.decode === 'identity' && !textMode;
  for (let code = 0; code < 0x100; code++) {
    const isSuspect = checkOnly ? matches(charset.invalid, String.fromCharCode(code)) : code < 0x20 || code > 0x7e;
    if (isSuspect) table[code] = CharClass.suspect;
  }
  table.fill(CharClass.suspect, 0x100);
  // Release and repetition are off when the UNA gives a space for them.
  if (chars.repetition !== ' ') table[chars.repetition.charCodeAt(0)] = CharClass.repetition;
  if (chars.release !== ' ') table[chars.release.charCodeAt(0)] = CharClass.release;
  table[chars.component.charCodeAt(0)] = CharClass.component;
  table[chars.element.charCodeAt(0)] = CharClass.element;
  table[chars.terminator.charCodeAt(0)] = CharClass.terminator;
  // A handful of charsets × UNAs in practice; the bound only guards against hostile UNA churn.
  if (cache.size >= 64) cache.clear();
  cache.set(key, table);
  return table;
}

function matches(globalClass: RegExp, char: string): boolean {
  globalClass.lastIndex = 0;
  return globalClass.test(char);
}
