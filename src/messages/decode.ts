/**
 * Decoding: an EDIFACT message (UNH..UNT, or just its body) → a typed opsigelser or
 * panthaver message, through a guide profile. Never throws on bad data: problems come back
 * as positioned {@link MessageError}s.
 */
import { describeValue } from '../syntax/options.js';
import type { SegmentInput } from '../syntax/segment.js';
import { readOpsigelse } from './opsigelser/read.js';
import { opsigelseFromWire } from './opsigelser/kinds.js';
import { readPanthaver } from './panthaver/read.js';
import { panthaverFromWire } from './panthaver/kinds.js';
import { messageHeader, type GuideProfile } from './profile.js';
import { kindOfDocumentCode } from './../schema/access.js';
import { OPSIGELSE_KINDS, type Opsigelse, type OpsigelseKind } from './types/opsigelser.js';
import { PANTHAVER_KINDS, type Panthaver, type PanthaverKind } from './types/panthaver.js';
import type { MessageError } from './wire/errors.js';
import { DecodeContext } from './wire/reader.js';
import { walkMessage } from './wire/walk.js';

/** Any typed F&P message: an opsigelse or a panthaver message (tell them apart with `isOpsigelse`). */
export type FpMessage = Opsigelse | Panthaver;

/** Outcome of decoding: the typed value, or every problem found. */
export type DecodeResult<T extends { kind: string } = FpMessage> =
  | {
      /** The message decoded without a problem. */
      ok: true;
      /** The message kind its BGM document code names through the profile, e.g. `'cancellation'` (the same as `value.kind`). */
      kind: T['kind'];
      /** The typed message. */
      value: T;
    }
  | {
      /** The message has at least one problem; no typed value is returned. */
      ok: false;
      /** Every problem found, each with its syntax error code (0085) and position in the message. */
      errors: MessageError[];
    };

/**
 * What can be decoded: an `EdifactMessage` from `parseInterchanges` (UNH..UNT and its
 * header), or any `{ segments }` — UNH..UNT or the body alone (e.g. `encodeMessage(...).body`).
 */
export interface MessageInput {
  /** UNH … UNT, or the body alone (BGM … the last segment before UNT). */
  segments: ReadonlyArray<SegmentInput>;
  /**
   * The UNH's S009 message identifier. When given, each field must be the profile's
   * (`profile.messageIdentifier`), else an error 14 at UNH element 2, component 1–4; when absent,
   * it is not checked.
   */
  header?:
    | {
        /** S009 0065 message type, e.g. `OPSIGE`. */
        type: string;
        /** S009 0052 message version number. */
        version: string;
        /** S009 0054 message release number. */
        release: string;
        /** S009 0051 controlling agency. */
        agency: string;
      }
    | undefined;
}

function checkHeader(message: MessageInput, profile: GuideProfile, ctx: DecodeContext): void {
  if (!message.header) return;
  const want = messageHeader(profile);
  const got = message.header;
  (['type', 'version', 'release', 'agency'] as const).forEach((k, i) => {
    if (got[k] !== want[k]) {
      ctx.error('14', `UNH: message ${k} ${JSON.stringify(got[k])} where profile ${profile.id} expects ${JSON.stringify(want[k])}`, {
        segment: 'UNH',
        segmentPosition: 1,
        element: 2,
        component: i + 1,
      });
    }
  });
}

function decodeWith(message: MessageInput, profile: GuideProfile): DecodeResult {
  const ctx = new DecodeContext(profile);
  checkHeader(message, profile, ctx);
  const walked = walkMessage(message.segments, profile.structure, ctx);
  const bgm = walked.find((w) => w.reader.tag === 'BGM');
  if (!bgm) {
    ctx.error('13', 'BGM is missing: the message kind is unknown', { segment: 'BGM' });
    return { ok: false, errors: ctx.errors };
  }
  const code = bgm.reader.raw(0, 0);
  const kind = kindOfDocumentCode(profile, code);
  const known: readonly string[] = profile.exchange === 'opsigelser' ? OPSIGELSE_KINDS : PANTHAVER_KINDS;
  if (kind === undefined || !known.includes(kind)) {
    ctx.error('14', `BGM: document code ${JSON.stringify(code)} is not a message kind of profile ${profile.id}`, bgm.reader.at(0, 0));
    return { ok: false, errors: ctx.errors };
  }
  // Data in positions the profile uses that no reader took, and whole segments of tags no reader reads, travel as two more wire fields.
  const keep = <W extends object>(wire: W): W =>
    Object.assign(wire, ctx.extraData.length > 0 ? { extraData: ctx.extraData } : {}, ctx.extraSegments.length > 0 ? { extraSegments: ctx.extraSegments } : {});
  const value =
    profile.exchange === 'opsigelser'
      ? opsigelseFromWire(kind as OpsigelseKind, keep(readOpsigelse(walked, profile, ctx)), ctx)
      : panthaverFromWire(kind as PanthaverKind, keep(readPanthaver(walked, profile, ctx, kind as PanthaverKind)), ctx);
  ctx.reportLayoutIssues();
  if (value === undefined || ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  return { ok: true, kind: value.kind, value };
}

/**
 * Decodes one message into its typed form, with the kind taken from BGM through the profile.
 * The profile's segment layouts decide, as in `validate`: data in a position the profile does
 * not use (`N`) is refused (15); data in one it uses that no typed field holds (BGM 1004 under a
 * profile patched to take it) is kept in the value's `extraData`, which {@link encodeMessage}
 * writes back; a segment of a tag no typed field reads that the profile's segment table places
 * (one a partner's profile adds) is kept whole in `extraSegments`, also written back; a second
 * segment of what the typed message holds once is refused (35) whatever the table lets repeat,
 * as `validate` refuses it (F04); and the layouts' element checks (mandatory positions, formats,
 * code lists) apply wherever a reader or the typed schema has not already reported a problem.
 *
 * @example
 * const { interchanges } = parseInterchanges(bytes);
 * const r = decodeMessage(interchanges[0].messages[0], opsigelserProfile);
 * if (r.ok && r.value.kind === 'cancellation') console.log(r.value.policyNumber);
 */
export function decodeMessage(message: MessageInput, profile: GuideProfile): DecodeResult {
  checkArguments('decodeMessage', message, profile);
  return decodeWith(message, profile);
}

/** Plain-JS callers get a TypeError saying what the decoders take, not one from inside them. */
function checkArguments(fn: string, message: MessageInput, profile: GuideProfile): void {
  const p = profile as Partial<GuideProfile> | null | undefined;
  if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || (p.exchange !== 'opsigelser' && p.exchange !== 'panthaver')) {
    throw new TypeError(`${fn}: profile must be a guide profile (getProfile(id) or loadProfile(json)), got ${describeValue(profile)}`);
  }
  const m = message as Partial<MessageInput> | null | undefined;
  if (typeof m !== 'object' || m === null || !Array.isArray(m.segments)) {
    throw new TypeError(`${fn}: message must be { segments: Segment[] }, got ${describeValue(message)}`);
  }
}

/** {@link decodeMessage} for an opsigelser profile, typed as {@link Opsigelse}. */
export function decodeOpsigelse(message: MessageInput, profile: GuideProfile): DecodeResult<Opsigelse> {
  checkArguments('decodeOpsigelse', message, profile);
  if (profile.exchange !== 'opsigelser') throw new TypeError(`decodeOpsigelse needs an opsigelser profile, got ${profile.id}`);
  return decodeWith(message, profile) as DecodeResult<Opsigelse>;
}

/** {@link decodeMessage} for a panthaver profile, typed as {@link Panthaver}. */
export function decodePanthaver(message: MessageInput, profile: GuideProfile): DecodeResult<Panthaver> {
  checkArguments('decodePanthaver', message, profile);
  if (profile.exchange !== 'panthaver') throw new TypeError(`decodePanthaver needs a panthaver profile, got ${profile.id}`);
  return decodeWith(message, profile) as DecodeResult<Panthaver>;
}
