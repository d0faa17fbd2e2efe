/** Wrapping typed replies into an interchange addressed back to the sender of a received one. */
import { buildInterchange, InterchangeSpecError } from '../../envelope/builder.js';
import { describeValue, isRecord } from '../../syntax/options.js';
import type { PartyId } from '../../envelope/types.js';
import { opsigelser55, panthaver52 } from '../../schema/profiles/index.js';
import type { SegmentInput } from '../../syntax/segment.js';
import { firstUnencodable } from '../../syntax/writer.js';
import type { FpMessage } from '../decode.js';
import { encodeMessage } from '../encode.js';
import { interchangeDefaults, type GuideProfile } from '../profile.js';
import { MessageBuildError } from '../wire/errors.js';
import { isOpsigelse, profileOption } from './common.js';

/** Options of {@link buildReplyInterchange}. */
export interface ReplyInterchangeOptions {
  /** 0020 interchange control reference of the reply. */
  reference: string;
  /** UNB date `YYYY-MM-DD`; default today (UTC). */
  date?: string;
  /** UNB time `HHMM`; default now (UTC). */
  time?: string;
  /** Profile used to encode, of the replies' exchange; default: the shipped profile of that exchange. */
  profile?: GuideProfile;
  /** Clock for the default date and time. */
  now?: () => Date;
}

/**
 * A reply's NADs name the UNB's parties (F03 otherwise): it goes to the received interchange's
 * sender and comes from its recipient. A message for a third party (the Z70 to the old
 * lienholder beside a 34) needs an interchange of its own.
 */
function assertBetween(m: FpMessage, i: number, received: { sender: PartyId; recipient: PartyId }): void {
  if (m.recipient.vir !== received.sender.id) {
    throw new MessageBuildError(`reply ${i + 1} (${m.kind}) is addressed to ${m.recipient.vir}, but this interchange goes to ${received.sender.id} (the received interchange's sender); build its own interchange`);
  }
  if (m.sender.vir !== received.recipient.id) {
    throw new MessageBuildError(`reply ${i + 1} (${m.kind}) is sent by ${m.sender.vir}, but this interchange comes from ${received.recipient.id} (the received interchange's recipient)`);
  }
}

/** The header of the received interchange a reply answers, as far as the reply reads it. */
export interface ReceivedHeader {
  /** UNB S002 of the received interchange: the reply's recipient (S003), its id, its qualifier (the profile's when `null`) and its address for reverse routing as the reply's routing address (S003 0014). */
  sender: PartyId;
  /** UNB S003 of the received interchange: the reply's sender (S002), id and qualifier (the profile's when `null`). */
  recipient: PartyId;
  /** UNB 0035 = 1 of the received interchange: `true` marks the reply a test too. */
  testIndicator?: boolean;
  /** S001 0001 of the received interchange: the reply's syntax identifier when the profile's charset cannot carry what it copies. */
  syntaxId?: string;
  /** S001 0002 of the received interchange, written with `syntaxId` in that case. */
  syntaxVersion?: string;
}

/**
 * Encodes replies and wraps them in an interchange whose UNB sender and recipient are the
 * received interchange's recipient and sender (qualifiers kept; the profile's when absent),
 * marked a test (UNB 0035 = 1) when the received one was. It is written in the profile's syntax
 * (UNOC:3 in the shipped profiles) when that charset carries every value; else in the received
 * interchange's syntax identifier and version (UNOY:4 for a case reference such as `TRY-Ω-1`):
 * what a reply copies (case reference, party ids) is how the partner finds its case, so it is
 * never altered.
 *
 * @param received the received interchange's header (`parseInterchanges(...).interchanges[i].header`)
 * @throws MessageBuildError when no reply is given, when a reply is not addressed to the received interchange's sender or not sent by its recipient, or holds a character neither syntax can carry
 * @throws InterchangeSpecError when `reference`, `date` or `time` is one no reader would accept (see `buildInterchange`)
 * @throws TypeError when `options.profile` is not a guide profile of the replies' exchange (the first reply's)
 */
export function buildReplyInterchange(replies: FpMessage | readonly FpMessage[], received: ReceivedHeader, options: ReplyInterchangeOptions): SegmentInput[] {
  const list = Array.isArray(replies) ? (replies as readonly FpMessage[]) : [replies as FpMessage];
  if (!isRecord(received) || !isRecord(received.sender) || !isRecord(received.recipient)) {
    throw new InterchangeSpecError([{ path: 'received', message: `must be the received interchange's header { sender, recipient }, got ${describeValue(received)}` }]);
  }
  if (!isRecord(options)) throw new InterchangeSpecError([{ path: 'options', message: `must be an object { reference, … }, got ${describeValue(options)}` }]);
  if (list.length === 0) throw new MessageBuildError('buildReplyInterchange: no replies given; an interchange without messages is error 32 (lower level empty) for every reader');
  list.forEach((m, i) => {
    if (!isRecord(m)) throw new MessageBuildError(`reply ${i + 1} is not a message: got ${describeValue(m)}`);
    assertBetween(m, i, received);
  });
  const profile = profileOption(options, isOpsigelse(list[0]!) ? opsigelser55 : panthaver52, 'buildReplyInterchange');
  const d = interchangeDefaults(profile);
  const messages = list.map((m) => encodeMessage(m, profile));
  const build = (syntaxId: string, syntaxVersion: string): SegmentInput[] =>
    buildInterchange({
      sender: { id: received.recipient.id, qualifier: received.recipient.qualifier ?? d.idQualifier },
      // The sender's address for reverse routing is our answer's routing address (ISO 9735 S002 0008 → S003 0014).
      recipient: { id: received.sender.id, qualifier: received.sender.qualifier ?? d.idQualifier, ...(received.sender.routing !== undefined && { routing: received.sender.routing }) },
      reference: options.reference,
      ...(options.date !== undefined ? { date: options.date } : {}),
      ...(options.time !== undefined ? { time: options.time } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      syntaxId,
      syntaxVersion,
      ...(received.testIndicator === true && { testIndicator: true }),
      messages,
    });
  const preferred = build(d.syntaxId, d.syntaxVersion);
  const refusal = firstUnencodable(preferred);
  if (refusal === null) return preferred;
  const { syntaxId, syntaxVersion } = received;
  if (typeof syntaxId === 'string' && typeof syntaxVersion === 'string' && syntaxId !== d.syntaxId) {
    const mirrored = build(syntaxId, syntaxVersion);
    if (firstUnencodable(mirrored) === null) return mirrored;
  }
  const nor = typeof syntaxId === 'string' && syntaxId !== d.syntaxId ? `, nor in ${syntaxId} (the received interchange's)` : '';
  throw new MessageBuildError(`reply interchange: ${refusal.message}${nor}; a reply copies it as it is (the partner finds its case by it), never replaced`);
}
