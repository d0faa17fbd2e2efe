/**
 * One shared string per segment tag. Tags repeat on every line of a file, and every layer
 * compares and looks them up (`tag === 'UNH'`, the structure matcher, segment tables, content
 * rules). Handing out the same internalized string for each tag saves an allocation per
 * segment, turns those comparisons into pointer checks, and lets `Map` lookups reuse the
 * string's cached hash instead of hashing a fresh copy every time.
 */

/** Code of each tag character (`0`–`9` → 0–9, `A`–`Z` → 10–35); 36 for anything else. */
const TAG_CHAR = new Uint8Array(0x10000).fill(36);
for (let c = 0; c < 10; c++) TAG_CHAR[0x30 + c] = c;
for (let c = 0; c < 26; c++) TAG_CHAR[0x41 + c] = 10 + c;

/** Filled as tags are met: at most 36³ entries of three characters each, whatever the input. */
const tags: Array<string | undefined> = new Array(36 * 36 * 36);

/** An internalized copy of `s`: property keys are unique strings in V8. */
function internalize(s: string): string {
  const holder: Record<string, true> = Object.create(null);
  holder[s] = true;
  return Object.keys(holder)[0] as string;
}

/**
 * The segment tag in `text[start, start + 3)` as the shared string, or `undefined` when those
 * three characters are not upper-case letters and digits (the caller slices it as it is).
 */
export function sharedTag(text: string, start: number): string | undefined {
  const a = TAG_CHAR[text.charCodeAt(start)] as number;
  const b = TAG_CHAR[text.charCodeAt(start + 1)] as number;
  const c = TAG_CHAR[text.charCodeAt(start + 2)] as number;
  if (a === 36 || b === 36 || c === 36) return undefined;
  const key = (a * 36 + b) * 36 + c;
  return (tags[key] ??= internalize(text.slice(start, start + 3)));
}
