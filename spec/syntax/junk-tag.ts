/**
 * A segment "tag" that is not one: terminal escape and bell characters, then enough letters to
 * fill most of a segment (the tokenizer's default limit is 64 KiB). Every error quoting it must
 * show {@link SHOWN_JUNK}: its first 12 characters, control characters escaped, `…` for the cut.
 */
import { expect } from 'vitest';

export const JUNK_TAG = `X\x1b[31mY\x07${'Z'.repeat(60_000)}`;
export const SHOWN_JUNK = 'X\\u001b[31mY\\u0007ZZZZ…';
/** What error 21 (the ESC byte) quotes: the first three characters of the segment. */
export const SHOWN_JUNK_HEAD = 'X\\u001b[';

/** C0 and C1 control characters and DEL — none may reach a report or a terminal. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Asserts `text` quotes the junk tag only the bounded, escaped way. */
export function expectNoRawJunk(text: string): void {
  expect(text).not.toMatch(CONTROL);
  expect(text).not.toContain('Z'.repeat(13));
}
