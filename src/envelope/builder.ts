import type { SegmentInput } from '../syntax/segment.js';
import { segment, serialize, serializeToBytes, type SerializeOptions } from '../syntax/writer.js';

/** A message to wrap: its UNH identifier and its body (BGM … last segment before UNT). */
export interface MessageSpec {
  header: { type: string; version: string; release: string; agency: string; associationCode?: string; reference?: string };
  body: ReadonlyArray<SegmentInput>;
}

/** What `buildInterchange` needs; it fills in the rest. */
export interface InterchangeSpec {
  sender: { id: string; qualifier?: string };
  recipient: { id: string; qualifier?: string };
  /** 0020 interchange control reference. */
  reference: string;
  /** ISO date `YYYY-MM-DD`; default: today (UTC) from `now`. */
  date?: string;
  /** `HHMM`; default: now (UTC). */
  time?: string;
  /** Default `UNOC`. */
  syntaxId?: string;
  /** Default `3`. */
  syntaxVersion?: string;
  applicationReference?: string;
  ackRequested?: boolean;
  testIndicator?: boolean;
  messages: ReadonlyArray<MessageSpec>;
  /** Clock for the default date and time (tests pass a fixed one). */
  now?: () => Date;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Wraps messages into a complete interchange: UNB with date/time, UNH numbered 1..n (unless a
 * reference is given), UNT with the segment count (UNH and UNT included), UNZ with the message
 * count and the same reference.
 */
export function buildInterchange(spec: InterchangeSpec): SegmentInput[] {
  const now = (spec.now ?? (() => new Date()))();
  const syntaxVersion = spec.syntaxVersion ?? '3';
  const iso = spec.date ?? `${now.getUTCFullYear()}-${pad2(now.getUTCMonth() + 1)}-${pad2(now.getUTCDate())}`;
  const compact = iso.replaceAll('-', '');
  const date = Number(syntaxVersion) >= 4 ? compact : compact.slice(2);
  const time = spec.time ?? `${pad2(now.getUTCHours())}${pad2(now.getUTCMinutes())}`;
  const out: SegmentInput[] = [
    segment(
      'UNB',
      [spec.syntaxId ?? 'UNOC', syntaxVersion],
      [spec.sender.id, spec.sender.qualifier ?? 'ZZ'],
      [spec.recipient.id, spec.recipient.qualifier ?? 'ZZ'],
      [date, time],
      spec.reference,
      undefined,
      spec.applicationReference,
      undefined,
      spec.ackRequested ? '1' : undefined,
      undefined,
      spec.testIndicator ? '1' : undefined,
    ),
  ];
  spec.messages.forEach((message, i) => {
    const reference = message.header.reference ?? String(i + 1);
    const h = message.header;
    out.push(segment('UNH', reference, [h.type, h.version, h.release, h.agency, h.associationCode]));
    out.push(...message.body);
    out.push(segment('UNT', String(message.body.length + 2), reference));
  });
  out.push(segment('UNZ', String(spec.messages.length), spec.reference));
  return out;
}

/** Options for writing a built interchange; UNA is written by default. */
export type WriteInterchangeOptions = SerializeOptions;

/** `buildInterchange` then `serialize`, with a UNA unless `una: false`. */
export function writeInterchange(spec: InterchangeSpec, options: WriteInterchangeOptions = {}): string {
  return serialize(buildInterchange(spec), { una: true, ...options });
}

/** `buildInterchange` then bytes in the interchange's charset, with a UNA unless `una: false`. */
export function writeInterchangeBytes(spec: InterchangeSpec, options: WriteInterchangeOptions = {}): Uint8Array {
  return serializeToBytes(buildInterchange(spec), { una: true, ...options });
}
