/**
 * The 12'er for a message that broke content rules: built with the messages layer's
 * content-error builder from what the refused message carries (case reference and BRC, or
 * declaration number and sender's reference), addressed back through the UNB (sender and
 * recipient swapped), ERC = the first violation's F-code, FTX explaining F02 and F03. The copied
 * values are never altered (the partner matches the reply to its case by them): the interchange is
 * the profile's syntax (UNOC:3) when it carries them, else the received one's (UNOY:4), as
 * `buildReplyInterchange` decides; the FTX is printable Latin-1, so it never decides that.
 */
import type { InterchangeHeader } from '../envelope/types.js';
import { buildContentError } from '../messages/builders/opsigelser.js';
import { buildReplyInterchange } from '../messages/builders/interchange.js';
import type { FpMessage } from '../messages/decode.js';
import type { GuideProfile } from '../schema/profile.js';
import type { Segment } from '../syntax/segment.js';
import { serialize } from '../syntax/writer.js';
import { ediClock } from './references.js';
import { qualifier, val } from './rules/helpers.js';
import type { ValidationError } from './types.js';

/** What {@link buildContentErrorReply} needs. */
export interface ReplyInput {
  profile: GuideProfile;
  /** The refused message, UNH..UNT. */
  segments: readonly Segment[];
  /** The received interchange's UNB. */
  header: InterchangeHeader;
  /** The content errors, first one first (its F-code goes into ERC). */
  errors: readonly ValidationError[];
  /** 0020 of the 12'er interchange. */
  reference: string;
  /** Clock for the UNB date/time and the 12'er's message date. */
  now: Date;
}

const WITH_TEXT = new Set(['F02', 'F03']);

function topRff(segments: readonly Segment[], q: string | undefined): string | undefined {
  if (q === undefined) return undefined;
  const s = segments.find((x) => x.tag === 'RFF' && val(x, 0) === q);
  const v = s === undefined ? '' : val(s, 0, 1);
  return v === '' ? undefined : v;
}

/** The explanation for the FTX: the violations of the 12'er's code, at most three, in printable Latin-1 (UNOC). */
function explanation(errors: readonly ValidationError[], code: string): string[] {
  return errors
    .filter((e) => e.code === code)
    .slice(0, 3)
    .map((e) => `${e.rule ?? code}${e.segmentPosition !== null ? ` (segment ${e.segmentPosition} ${e.segment ?? ''})` : ''}: ${e.message}`.slice(0, 210).replace(/[^\x20-\x7e\xa0-\xff]/g, '?'));
}

/** The refused message as far as the content-error builder reads it. */
function receivedOf(input: ReplyInput): FpMessage | null {
  const { profile, segments, header } = input;
  const sender = { vir: header.sender.id };
  const recipient = { vir: header.recipient.id };
  if (profile.exchange === 'opsigelser') {
    const caseReference = topRff(segments, qualifier(profile, 'RFF', 'caseReference'));
    const brc = segments.find((s) => s.tag === 'BRC');
    if (caseReference === undefined || brc === undefined) return null;
    return { kind: 'cancellation', caseReference, branch: { group: val(brc, 0, 0), product: val(brc, 0, 1) }, sender, recipient } as unknown as FpMessage;
  }
  const declarationNumber = topRff(segments, qualifier(profile, 'RFF', 'declarationNumber'));
  if (declarationNumber === undefined) return null;
  const senderReference = topRff(segments, qualifier(profile, 'RFF', 'senderReference'));
  return { kind: 'reminder', declarationNumber, ...(senderReference ? { senderReference } : {}), sender, recipient } as unknown as FpMessage;
}

/**
 * Builds the 12'er interchange (EDIFACT text with UNA) answering a message with content
 * errors, or `null` when the message lacks what a 12'er must copy (case reference and BRC, or
 * declaration number) or the builder refuses the values.
 */
export function buildContentErrorReply(input: ReplyInput): string | null {
  const first = input.errors[0];
  if (first === undefined || !/^F0[1-5]$/.test(first.code)) return null;
  const received = receivedOf(input);
  if (received === null || input.header.sender.id === '' || input.header.recipient.id === '') return null;
  const clock = ediClock(input.now);
  const code = first.code as 'F01' | 'F02' | 'F03' | 'F04' | 'F05';
  try {
    const value = buildContentError(received, {
      messageDate: clock.iso,
      code,
      ...(WITH_TEXT.has(code) ? { text: explanation(input.errors, code) } : {}),
    });
    const segments = buildReplyInterchange(value, input.header, {
      reference: input.reference,
      profile: input.profile,
      now: () => input.now,
    });
    return serialize(segments, { una: true });
  } catch {
    return null;
  }
}
