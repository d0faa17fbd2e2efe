/**
 * Text from the input as errors and reports show it. A segment tag read from the wire may be
 * anything up to the segment length limit (64 KiB by default) and may hold terminal escapes;
 * every error that quotes one quotes it through {@link shownTag}, so it is bounded and inert
 * the same way on every path (tokenizer, envelope, structure, decoding, reports).
 */

/** Most characters of a tag an error quotes; a tag is 3 (`UNH:1`-style composite tags 5). */
export const SHOWN_TAG_LENGTH = 12;

/**
 * A backslash, control characters (C0, DEL, C1), format characters (bidirectional overrides,
 * zero-width marks), line and paragraph separators, and lone surrogates.
 */
const UNSAFE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const escapeOne = (ch: string): string => {
  if (ch === '\\') return '\\\\';
  const code = ch.codePointAt(0) as number;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every character that could change a terminal, a log line or the reading order
 * written as `\uXXXX` (and `\` as `\\`); printable text comes back as it is. Linear.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * A segment tag as every error quotes it: a well-formed tag as it is; anything longer than 12
 * characters cut to 12 (never inside a surrogate pair) with `…`, and escaped by
 * {@link escapeControls}. Work per call is bounded whatever the tag's length.
 */
export function shownTag(tag: string): string {
  if (tag.length <= SHOWN_TAG_LENGTH) return escapeControls(tag);
  const last = tag.charCodeAt(SHOWN_TAG_LENGTH - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? SHOWN_TAG_LENGTH - 1 : SHOWN_TAG_LENGTH;
  return `${escapeControls(tag.slice(0, cut))}…`;
}
