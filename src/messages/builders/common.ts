/** Helpers shared by the reply builders. */
import type { z } from 'zod';
import { checkSchema } from '../../schema/issues.js';
import { profileOptionCheck, type GuideProfile } from '../../schema/profile.js';
import { checkOptions } from '../../syntax/options.js';
import type { FpMessage } from '../decode.js';
import type { Company, FreeText } from '../types/common.js';
import { charLength, CODE_PATTERN } from '../types/common.js';
import type { Opsigelse } from '../types/opsigelser.js';
import { MessageBuildError, MessageEncodeError } from '../wire/errors.js';

/** `true` for an opsigelser message (it has a case reference), `false` for a panthaver one. */
export function isOpsigelse(value: FpMessage): value is Opsigelse {
  return 'caseReference' in value;
}

/** Free text as the builders accept it: one string, lines, or FTX segments of lines. */
export type TextInput = string | readonly string[] | readonly (readonly string[])[];

const LINE = 70;

/** `chars` in lines of at most 70: each ends after its last space (kept, so the lines join back), or at 70 when it has none. */
function cutLines(chars: readonly string[], out: string[]): void {
  let from = 0;
  while (chars.length - from > LINE) {
    const space = chars.lastIndexOf(' ', from + LINE - 1);
    const end = space >= from ? space + 1 : from + LINE;
    out.push(chars.slice(from, end).join(''));
    from = end;
  }
  if (from < chars.length) out.push(chars.slice(from).join(''));
}

/**
 * Normalises free text to FTX segments: long strings are cut into lines of at most 70
 * characters, after a space where there is one, and lines are grouped five to an FTX segment.
 * @throws MessageBuildError when the text needs more than 5 FTX segments (25 lines)
 */
export function toFreeText(text: TextInput): FreeText {
  if (typeof text !== 'string' && text.length > 0 && typeof text[0] !== 'string') {
    return (text as readonly (readonly string[])[]).map((l) => [...l]);
  }
  const lines: string[] = [];
  for (const s of typeof text === 'string' ? [text] : (text as readonly string[])) {
    cutLines([...s], lines);
  }
  const segments: string[][] = [];
  for (let i = 0; i < lines.length; i += 5) segments.push(lines.slice(i, i + 5));
  if (segments.length > 5) throw new MessageBuildError(`free text of ${lines.length} lines does not fit in 5 FTX segments of 5 lines`);
  return segments;
}

/**
 * A builder's profile: its `profile` option, checked to be a profile of `shipped`'s exchange (a
 * `TypeError` naming `fn` otherwise), or `shipped`, the exchange's shipped profile.
 */
export function profileOption(options: { profile?: GuideProfile | undefined }, shipped: GuideProfile, fn: string): GuideProfile {
  checkOptions(options, [profileOptionCheck(shipped.exchange)], fn);
  return options.profile ?? shipped;
}

/** Our own party in a reply: the received message's recipient, or `ownVir` when given. */
export function ownParty(received: { recipient: Company }, ownVir: string | undefined): Company {
  return ownVir === undefined || ownVir === received.recipient.vir ? received.recipient : { vir: ownVir };
}

/** Drops `undefined` properties (so built values deep-equal decoded ones). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Validates a built value with its kind schema; throws {@link MessageEncodeError} listing the problems. */
export function finish<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = checkSchema(schema, value);
  if (r.success) return r.data;
  throw new MessageEncodeError(
    `cannot build ${what}`,
    r.issues.map(({ path, message }) => ({ path, message })),
  );
}

/** `true` when `s` looks like a wire code (an..3, upper case or digits); never for a non-string (a caller's `reason: 11`). */
export function looksLikeCode(s: string): boolean {
  return typeof s === 'string' && CODE_PATTERN.test(s) && charLength(s) <= 3;
}
