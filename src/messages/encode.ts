/**
 * Encoding: a typed opsigelser or panthaver message → its UNH identifier and body segments
 * (BGM … last body segment), through a guide profile. UNH/UNT are added by
 * `buildInterchange`, which also counts the segments.
 */
import type { z } from 'zod';
import { checkSchema } from '../schema/issues.js';
import { checkOptions, oneOf, type OptionCheck } from '../syntax/options.js';
import type { SegmentInput } from '../syntax/segment.js';
import type { FpMessage } from './decode.js';
import { opsigelseToWire } from './opsigelser/kinds.js';
import { writeOpsigelse } from './opsigelser/write.js';
import { panthaverToWire } from './panthaver/kinds.js';
import { writePanthaver } from './panthaver/write.js';
import { messageHeader, type GuideProfile } from './profile.js';
import { documentCode } from './../schema/access.js';
import { opsigelseSchema, type Opsigelse } from './types/opsigelser.js';
import { panthaverSchema, type Panthaver } from './types/panthaver.js';
import { MessageEncodeError } from './wire/errors.js';
import { writeExtraData } from './wire/extra.js';
import { writeExtraSegments } from './wire/extra-segments.js';

/** An encoded message: UNH S009 values and the body, ready for `buildInterchange`. */
export interface EncodedMessage {
  /** The profile's UNH S009 message identifier (`profile.messageIdentifier`), for `MessageSpec.header`. */
  header: {
    /** S009 0065 message type, e.g. `OPSIGE`. */
    type: string;
    /** S009 0052 message version number. */
    version: string;
    /** S009 0054 message release number. */
    release: string;
    /** S009 0051 controlling agency. */
    agency: string;
  };
  /** BGM … the last segment before UNT, no trailing empty elements or components: `MessageSpec.body`. */
  body: SegmentInput[];
}

/** Options of {@link encodeMessage}. */
export interface EncodeOptions {
  /** Decimal mark for decimal amounts, as in the interchange's UNA (default `.`). */
  decimalMark?: '.' | ',';
}

/** `decimalMark: 0` once wrote the amount 100.5 as 10005. */
const ENCODE_OPTION_CHECKS: readonly OptionCheck[] = [['decimalMark', oneOf('.', ','), `'.' or ','`]];

/**
 * Checks a typed value against the profile's family schema and returns the parsed value.
 * Throws {@link MessageEncodeError} listing every problem.
 */
export function parseTyped(value: unknown, profile: GuideProfile): FpMessage {
  const schema: z.ZodType<FpMessage> = profile.exchange === 'opsigelser' ? opsigelseSchema : panthaverSchema;
  const r = checkSchema(schema, value);
  if (!r.success) {
    const kind = (value as { kind?: unknown } | null)?.kind;
    throw new MessageEncodeError(
      `not a valid ${profile.exchange} message${typeof kind === 'string' ? ` of kind ${kind}` : ''}`,
      r.issues.map(({ path, message }) => ({ path, message })),
    );
  }
  return r.data;
}

/**
 * Encodes a typed message. Writers never emit trailing empty elements or components. The
 * value's `extraData` (what {@link decodeMessage} kept from positions the profile uses that no
 * typed field holds) is written back at its segment and position, and its `extraSegments` (whole
 * segments of tags no typed field reads) at their positions in the message.
 * Throws {@link MessageEncodeError} when the value is not valid for its kind or its body does not
 * fit the profile's segment table (more free texts than it lets FTX repeat, say) — also when an
 * `extraData` entry names a segment the message does not have, a position the profile does not
 * use or one a typed field fills, or a value the layout's format or code lists refuse; when an
 * `extraSegments` entry is of a tag the typed message reads, breaks the profile's layout for it,
 * or stands where the profile's segment table does not allow it — and a `TypeError` for a
 * `decimalMark` other than `.` or `,`.
 *
 * @example
 * const { header, body } = encodeMessage(cancellation, opsigelserProfile);
 * const text = serialize(buildInterchange({ sender, recipient, reference, messages: [{ header, body }] }), { una: true });
 */
export function encodeMessage(value: FpMessage, profile: GuideProfile, options: EncodeOptions = {}): EncodedMessage {
  checkOptions(options, ENCODE_OPTION_CHECKS, 'encodeMessage');
  const v = parseTyped(value, profile);
  const code = documentCode(profile, v.kind);
  const body =
    profile.exchange === 'opsigelser'
      ? writeOpsigelse(opsigelseToWire(v as Opsigelse, code), profile)
      : writePanthaver(panthaverToWire(v as Panthaver, code), profile, options.decimalMark ?? '.');
  // Whole extra segments first: extraData names its segment by its occurrence among all of the body's, as decodeMessage counted them.
  return { header: messageHeader(profile), body: writeExtraData(writeExtraSegments(body, v.extraSegments ?? [], profile), v.extraData ?? [], profile) };
}
