/**
 * The JSON of the `decode` command, written piece by piece as the envelope reader finds
 * interchanges and messages: `JSON.stringify({ interchanges, errors }, null, 2)` to the byte,
 * without ever holding more than one message's JSON. Only the syntax and envelope errors, listed
 * after every interchange, are kept until the end.
 */
import { readMessages } from '../envelope/read.js';
import type { EdifactMessage, InterchangeHeader, InterchangeSummary } from '../envelope/types.js';
import { profileForMessageType } from '../schema/access.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import type { StreamInput } from '../syntax/pieces.js';
import { segmentAtPosition } from '../syntax/message-position.js';
import { decodeMessage } from './decode.js';
import type { GuideProfile } from './profile.js';
import type { MessageError } from './wire/errors.js';

/**
 * A decode error of `m` with where its segment is in the input: `segmentNumber` (UNB = 1) and
 * byte `offset`, both `null` when it names no segment held (a missing one).
 */
export function placeMessageError(m: EdifactMessage, e: MessageError): MessageError & { segmentNumber: number | null; offset: number | null } {
  const seg = e.segmentPosition === null ? undefined : segmentAtPosition(m.segments, e.segmentPosition);
  return { ...e, segmentNumber: seg?.segmentNumber ?? null, offset: seg?.offset ?? null };
}

/** Indentation `depth` levels deep, as `JSON.stringify(…, null, 2)` writes it. */
const pad = (depth: number): string => '  '.repeat(depth);

/** `value` as `JSON.stringify(…, null, 2)` writes it `depth` levels deep. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad(depth)}`);

/** A JSON array `depth` levels deep whose items are written as they come. */
class ArrayWriter {
  private count = 0;
  constructor(
    private readonly write: (text: string) => void,
    private readonly depth: number,
  ) {}

  /** Starts an item: what goes before it (a comma, a line break, the indentation). */
  start(): void {
    this.write(`${this.count++ === 0 ? '' : ','}\n${pad(this.depth + 1)}`);
  }

  item(value: unknown): void {
    this.start();
    this.write(nested(value, this.depth + 1));
  }

  close(): void {
    this.write(this.count === 0 ? ']' : `\n${pad(this.depth)}]`);
  }
}

/** An error kept for the list at the end: its offset to sort by, its JSON (a fraction of the error object's memory). */
interface KeptError {
  offset: number;
  json: string;
}

const keep = (e: EdifactSyntaxError): KeptError => ({ offset: e.offset ?? 0, json: JSON.stringify(e.toJSON()) });

/**
 * Writes decode's JSON as it is handed the envelope reader's interchanges and messages (in the
 * order `readMessages` yields them); `end` closes it and gives the exit code.
 */
export class DecodeJsonWriter {
  private readonly interchanges: ArrayWriter;
  private messages: ArrayWriter | null = null;
  /** The syntax errors of the open interchange's messages. */
  private messageErrors: KeptError[] = [];
  /** Those of the interchanges closed, in input order (the document's `errors`). */
  private readonly errors: string[] = [];
  private failed = false;

  constructor(
    private readonly profiles: readonly GuideProfile[],
    private readonly write: (text: string) => void,
  ) {
    write('{\n  "interchanges": [');
    this.interchanges = new ArrayWriter(write, 1);
  }

  /** Opens an interchange: its UNB fields (all `null` outside any interchange), then its messages as they come. */
  private open(h: InterchangeHeader | null): ArrayWriter {
    const fields = {
      syntaxId: h?.syntaxId ?? null,
      syntaxVersion: h?.syntaxVersion ?? null,
      sender: h?.sender ?? null,
      recipient: h?.recipient ?? null,
      date: h?.date ?? null,
      time: h?.time ?? null,
      reference: h?.reference ?? null,
    };
    this.interchanges.start();
    const text = nested(fields, 2);
    // The object without its closing brace, and its last key: the messages.
    this.write(`${text.slice(0, text.length - `\n${pad(2)}}`.length)},\n${pad(3)}"messages": [`);
    return (this.messages = new ArrayWriter(this.write, 3));
  }

  interchangeStart(header: InterchangeHeader): void {
    this.open(header);
  }

  message(m: EdifactMessage): void {
    const messages = this.messages ?? this.open(null);
    const r = decodeMessage(m, profileForMessageType(this.profiles, m.header.type) ?? this.profiles[0]!);
    const head = { reference: m.header.reference, type: m.header.type };
    if (!r.ok) this.failed = true;
    messages.item(r.ok ? { ...head, ok: true, kind: r.kind, value: r.value } : { ...head, ok: false, errors: r.errors.map((e) => placeMessageError(m, e)) });
    for (const e of m.errors) this.messageErrors.push(keep(e));
  }

  interchangeEnd(summary: InterchangeSummary): void {
    (this.messages ?? this.open(summary.header)).close();
    this.write(`\n${pad(2)}}`);
    // In input order as parseInterchanges lists them: the interchange's own, then its messages', sorted (stably) by offset.
    const all = summary.errors.map(keep).concat(this.messageErrors).sort((a, b) => a.offset - b.offset);
    for (const e of all) this.errors.push(e.json);
    this.messages = null;
    this.messageErrors = [];
  }

  /** Closes the document (no line break after it). @returns 1 when a message could not be decoded or the input has errors, else 0 */
  end(): 0 | 1 {
    this.interchanges.close();
    this.write(',\n  "errors": [');
    const errors = new ArrayWriter(this.write, 1);
    for (const json of this.errors) errors.item(JSON.parse(json));
    errors.close();
    this.write('\n}');
    return this.failed || this.errors.length > 0 ? 1 : 0;
  }
}

/**
 * Writes decode's JSON of `source` (any input `readMessages` reads) to `write`, one message at
 * a time; the text ends without a line break.
 * @returns 1 when a message could not be decoded or the input has errors, else 0
 */
export async function writeDecodeJson(source: StreamInput, profiles: readonly GuideProfile[], write: (text: string) => void): Promise<0 | 1> {
  const writer = new DecodeJsonWriter(profiles, write);
  for await (const event of readMessages(source, { errors: 'collect' })) {
    if (event.type === 'interchange') writer.interchangeStart(event.header);
    else if (event.type === 'message') writer.message(event.message);
    else if (event.type === 'end') writer.interchangeEnd(event.summary);
  }
  return writer.end();
}
