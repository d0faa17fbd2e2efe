/**
 * Small text helpers for the accept policy's tolerant matching: Danish letter folding and
 * edit distance.
 *
 * @module
 */

const DANISH_LETTERS: ReadonlyArray<[RegExp, string]> = [
  [/æ/g, 'ae'],
  [/ø/g, 'oe'],
  [/å/g, 'aa'],
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/ß/g, 'ss'],
];

/**
 * Lower-cases `text` and transliterates Danish (and German) letters the way Danish registers
 * mix them (`Å` = `aa`, `Æ` = `ae`, `Ø` = `oe`), then drops other accents (`é` → `e`).
 *
 * @example foldDanish('Ågård') // => 'aagaard'
 */
export function foldDanish(text: string): string {
  let folded = text.toLocaleLowerCase('da-DK');
  for (const [pattern, replacement] of DANISH_LETTERS) folded = folded.replace(pattern, replacement);
  return folded.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Levenshtein distance (insertions, deletions, substitutions) between two strings, counted in
 * code points.
 */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, i) => i);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
