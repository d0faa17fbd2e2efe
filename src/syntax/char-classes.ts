import { type Charset, firstInvalidChar } from './charsets.js';
import { type ServiceChars, releaseInUse, repetitionInUse } from './service-chars.js';

/**
 * What the tokenizer's split loop does with a character, looked up in one table per
 * (service characters, charset, input kind): a single load and compare per character for the
 * common case, instead of a chain of comparisons and a separate regex pass for bad characters.
 */
// An enum, not an object of constants: the bundler writes its members into the split loops as
// number literals, where a property load per character measurably costs (about 4 % of
// tokenizing, counted in instructions).
export enum CharClass {
  /** Data: nothing to do. */
  plain = 0,
  terminator = 1,
  element = 2,
  component = 3,
  release = 4,
  repetition = 5,
  /** Must be decoded or checked against the charset: the segment takes the slow path. */
  suspect = 6,
}

/** Indexed by character code: 256 entries for byte input (a binary string), 65,536 for text. */
export type CharClassTable = Uint8Array;

const suspectTables = new Map<string, CharClassTable>();

/**
 * The suspects of a charset and input kind, without service characters (at most 14 charsets
 * × 2 kinds): for Latin-1 bytes that need no decoding, exactly those outside the charset's
 * repertoire; otherwise anything outside printable ASCII (decoded, then checked).
 */
function suspectTable(charset: Charset, textMode: boolean): CharClassTable {
  const key = `${charset.id}|${textMode ? 't' : 'b'}`;
  let table = suspectTables.get(key);
  if (table !== undefined) return table;
  table = new Uint8Array(textMode ? 0x10000 : 0x100);
  const checkOnly = charset.decode === 'identity' && !textMode;
  for (let code = 0; code < 0x100; code++) {
    const isSuspect = checkOnly ? firstInvalidChar(charset, String.fromCharCode(code), '') !== -1 : code < 0x20 || code > 0x7e;
    if (isSuspect) table[code] = CharClass.suspect;
  }
  table.fill(CharClass.suspect, 0x100);
  suspectTables.set(key, table);
  return table;
}

/**
 * One tokenizer's table. A UNA only rewrites the entries of the old and new service characters
 * (input full of UNAs costs no more per segment than any other); a new charset copies its
 * suspect table once.
 */
export class CharClasses {
  table: CharClassTable = new Uint8Array(0);
  private suspects: CharClassTable | null = null;
  private serviceCodes: number[] = [];

  /** Service characters win over suspects: a UNA may choose a control character as a separator. */
  configure(chars: ServiceChars, charset: Charset, textMode: boolean): void {
    const suspects = suspectTable(charset, textMode);
    if (suspects !== this.suspects) {
      this.table = suspects.slice();
      this.suspects = suspects;
    } else {
      for (const code of this.serviceCodes) this.table[code] = suspects[code] as number;
    }
    // Release and repetition are off when the UNA gives a space for them.
    const roles: Array<[string, number]> = [];
    if (repetitionInUse(chars)) roles.push([chars.repetition, CharClass.repetition]);
    if (releaseInUse(chars)) roles.push([chars.release, CharClass.release]);
    roles.push([chars.component, CharClass.component], [chars.element, CharClass.element], [chars.terminator, CharClass.terminator]);
    this.serviceCodes = [];
    for (const [char, role] of roles) {
      const code = char.charCodeAt(0);
      if (code >= this.table.length) continue;
      this.table[code] = role;
      this.serviceCodes.push(code);
    }
  }
}
