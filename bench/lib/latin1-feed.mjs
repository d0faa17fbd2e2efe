// Feeds a file to a string-based streaming EDIFACT parser (npm `edifact` 1.2.12,
// `ts-edifact` 0.0.14) the way their docs say: decoded chunks to `write(chunk)`, then `end()`
// to close an interchange. Two workarounds are needed, both shared by the two contenders so
// they pay the same (small: one indexOf per chunk) price:
//
// 1. Chunk-boundary release bug. Both parsers handle the release character by skipping it
//    and appending `chunk.charAt(index + 1)`; when `?` is the LAST char of a chunk that is ''
//    and the released char, arriving first in the next chunk, is then read as a separator:
//    `RFF+POL:00-123?` + `+456'` gives [['POL','00-123'],['456']] instead of
//    [['POL','00-123+456']]. Workaround: never end a chunk on `?` — the trailing run of `?`
//    is carried into the next chunk.
// 2. Several interchanges in one stream. Both parsers recognise `UNA` only as the very first
//    characters written after construction or `end()`; a second UNA mid-stream throws
//    "Invalid character : after reading segment name UNA". So at every UNA that starts a
//    segment we call `end()` (the documented "close an interchange") and write the UNA as the
//    start of the next write; a UNA cut by a chunk boundary is held back until whole.
//
// `write` and `end` are the parser's own methods (bound by the caller).

import fs from 'node:fs';

const Q = 63; // '?'
const APOS = 39; // "'"
const CR = 13;
const LF = 10;
const UNA_LEN = 9;

/**
 * Does a segment start at s[i]? Looks back over s, then over `tail` (the last chars already
 * written before s): skip CR/LF; the char before must be a segment terminator that is not
 * released (preceded by an even run of `?`). The very start of the stream counts as a
 * segment start. (A release run longer than `tail` — 64 chars — would be miscounted; no
 * real file has one.)
 */
function segmentStart(s, i, tail) {
  const at = (k) => (k >= 0 ? s.charCodeAt(k) : tail.charCodeAt(tail.length + k));
  const min = -tail.length;
  let k = i - 1;
  while (k >= min && (at(k) === CR || at(k) === LF)) k--;
  if (k < min) return true;
  if (at(k) !== APOS) return false;
  let run = 0;
  for (k--; k >= min && at(k) === Q; k--) run++;
  return run % 2 === 0;
}

/**
 * @param {string} file
 * @param {{ write: (s: string) => void, end: () => void }} parser
 * @param {{ highWaterMark?: number }} [opts] chunk size; 64 KiB like every contender (tests
 *   use odd small sizes to put `?` and UNA on chunk boundaries)
 * @returns {Promise<number>} bytes read
 */
export async function feedLatin1(file, parser, { highWaterMark = 64 * 1024 } = {}) {
  let carry = '';
  let tail = '';
  let written = false;
  let bytes = 0;

  const emit = (t) => {
    if (t.length === 0) return;
    let from = 0;
    for (let i = t.indexOf('UNA'); i !== -1; i = t.indexOf('UNA', i + 3)) {
      // a UNA at a segment start after something was written: close the interchange first
      if ((i > 0 || written) && segmentStart(t, i, tail)) {
        if (i > from) parser.write(t.slice(from, i));
        parser.end();
        from = i;
      }
    }
    parser.write(from === 0 ? t : t.slice(from));
    written = true;
    tail = t.length >= 64 ? t.slice(-64) : (tail + t).slice(-64);
  };

  for await (const buf of fs.createReadStream(file, { highWaterMark })) {
    bytes += buf.length;
    const s = carry + buf.toString('latin1');
    let cut = s.length;
    while (cut > 0 && s.charCodeAt(cut - 1) === Q) cut--; // workaround 1
    // workaround 2: a UNA (or the start of one) within the last 8 chars waits for the rest
    for (let j = Math.max(0, s.length - (UNA_LEN - 1)); j < s.length; j++) {
      if (s.charCodeAt(j) === 85 /* U */ && 'UNA'.startsWith(s.slice(j, j + 3)) && segmentStart(s, j, tail)) {
        cut = Math.min(cut, j);
        break;
      }
    }
    emit(s.slice(0, cut));
    carry = s.slice(cut);
  }
  emit(carry);
  parser.end();
  return bytes;
}
