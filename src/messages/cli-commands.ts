/**
 * The `decode` and `encode` CLI commands as pure functions (no I/O): the CLI reads the
 * input, calls these, writes `json`/`output` and exits with `exitCode`.
 */
import { buildInterchange, InterchangeSpecError } from '../envelope/builder.js';
import { parseInterchanges } from '../envelope/read.js';
import { defaultProfiles } from '../schema/profiles/index.js';
import { serializeToBytes } from '../syntax/writer.js';
import { isOpsigelse } from './builders/common.js';
import type { FpMessage } from './decode.js';
import { DecodeJsonWriter } from './decode-json.js';
import { encodeMessage } from './encode.js';
import { interchangeDefaults, type GuideProfile } from './profile.js';
import { MessageEncodeError } from './wire/errors.js';

/** Profiles to use: one, or several picked per message (by UNH type when decoding, by exchange when encoding). */
export type CommandProfiles = GuideProfile | readonly GuideProfile[];

const asList = (p: CommandProfiles | undefined): readonly GuideProfile[] => (p === undefined ? defaultProfiles() : Array.isArray(p) ? p : [p as GuideProfile]);

/** Result of {@link decodeCommand}. */
export interface DecodeCommandResult {
  /** Pretty-printed JSON: `{ interchanges: [{ …UNB, messages: [{ reference, type, ok, kind, value } | { reference, type, ok: false, errors }] }], errors }`. */
  json: string;
  /** 0 everything decoded; 1 some message or the envelope has errors; 2 the input could not be read at all. */
  exitCode: 0 | 1 | 2;
}

/**
 * Decodes every message of every interchange of the input into typed JSON. Message errors
 * carry their position in the message (`segmentPosition`, UNH = 1) and in the input
 * (`segmentNumber`, UNB = 1, and byte `offset`). The `decode` command writes the same JSON as it
 * reads ({@link writeDecodeJson}); this holds the whole input and returns it as one string.
 */
export function decodeCommand(input: Uint8Array | string, profile?: CommandProfiles): DecodeCommandResult {
  let parsed: ReturnType<typeof parseInterchanges>;
  try {
    parsed = parseInterchanges(input, { errors: 'collect' });
  } catch (e) {
    return { json: JSON.stringify({ interchanges: [], errors: [{ message: (e as Error).message }] }, null, 2), exitCode: 2 };
  }
  const parts: string[] = [];
  const writer = new DecodeJsonWriter(asList(profile), (text) => parts.push(text));
  for (const ic of parsed.interchanges) {
    if (ic.header) writer.interchangeStart(ic.header);
    for (const m of ic.messages) writer.message(m);
    writer.interchangeEnd(ic);
  }
  const exitCode = writer.end();
  return { json: parts.join(''), exitCode };
}

/** Input of {@link encodeCommand}. */
export interface EncodeCommandInput {
  interchange: {
    sender: string | { id: string; qualifier?: string };
    recipient: string | { id: string; qualifier?: string };
    reference: string;
    /** `YYYY-MM-DD`; default today (UTC). */
    date?: string;
    /** `HHMM`; default now (UTC). */
    time?: string;
  };
  messages: FpMessage[];
}

/** Result of {@link encodeCommand}. */
export interface EncodeCommandResult {
  /** The interchange as bytes in its character set (Latin-1 for UNOC); empty on error. */
  output: Uint8Array | string;
  /** 0 written; 1 the document has errors; 2 the input is not JSON at all (unusable, as `from-json` says). */
  exitCode: 0 | 1 | 2;
  /** What is wrong with the input (`message` is the 0-based index in `messages`, `path` the dotted path in it). */
  errors: Array<{ message: number | null; path: string; reason: string }>;
}

/** Options of {@link encodeCommand}. */
export interface EncodeCommandOptions {
  /** Line break after each segment (default `\n`, one segment per line). */
  newline?: '' | '\n' | '\r\n';
  /** Clock for default date and time. */
  now?: () => Date;
}

/** What `encode` and `from-json` say of input that is not JSON at all (`JSON.parse`'s error). */
export const notJson = (err: unknown): string => `input is not JSON: ${err instanceof Error ? err.message : String(err)}`;

const party = (p: unknown, qualifier: string): { id: string; qualifier: string } =>
  typeof p === 'string' ? { id: p, qualifier } : { qualifier, ...(p as { id: string; qualifier?: string }) };

/**
 * Encodes `{ interchange: { sender, recipient, reference, date?, time? }, messages: [typed values] }`
 * into a complete interchange (UNA, UNB … UNZ), one segment per line by default.
 */
export function encodeCommand(jsonText: string, profile?: CommandProfiles, options: EncodeCommandOptions = {}): EncodeCommandResult {
  const fail = (errors: EncodeCommandResult['errors']): EncodeCommandResult => ({ output: '', exitCode: 1, errors });
  let input: EncodeCommandInput;
  try {
    input = JSON.parse(jsonText) as EncodeCommandInput;
  } catch (e) {
    return { output: '', exitCode: 2, errors: [{ message: null, path: '', reason: notJson(e) }] };
  }
  const ic = input?.interchange;
  if (!ic || typeof ic.reference !== 'string' || (typeof ic.sender !== 'string' && typeof ic.sender?.id !== 'string') || (typeof ic.recipient !== 'string' && typeof ic.recipient?.id !== 'string')) {
    return fail([{ message: null, path: 'interchange', reason: 'interchange needs sender, recipient and reference' }]);
  }
  if (!Array.isArray(input.messages) || input.messages.length === 0) return fail([{ message: null, path: 'messages', reason: 'messages must be a non-empty array' }]);
  const profiles = asList(profile);
  const pick = (m: FpMessage): GuideProfile => {
    const exchange = m && typeof m === 'object' && isOpsigelse(m) ? 'opsigelser' : 'panthaver';
    return profiles.find((p) => p.exchange === exchange) ?? profiles[0]!;
  };
  const errors: EncodeCommandResult['errors'] = [];
  const encoded = input.messages.map((m, i) => {
    try {
      return encodeMessage(m, pick(m));
    } catch (e) {
      if (e instanceof MessageEncodeError) errors.push(...e.issues.map((x) => ({ message: i, path: x.path, reason: x.message })));
      else errors.push({ message: i, path: '', reason: (e as Error).message });
      return undefined;
    }
  });
  if (errors.length) return fail(errors);
  const d = interchangeDefaults(pick(input.messages[0]!));
  try {
    const segments = buildInterchange({
      sender: party(ic.sender, d.idQualifier),
      recipient: party(ic.recipient, d.idQualifier),
      reference: ic.reference,
      ...(ic.date !== undefined ? { date: ic.date } : {}),
      ...(ic.time !== undefined ? { time: ic.time } : {}),
      ...(options.now ? { now: options.now } : {}),
      syntaxId: d.syntaxId,
      syntaxVersion: d.syntaxVersion,
      messages: encoded.map((e) => e!),
    });
    return { output: serializeToBytes(segments, { una: true, newline: options.newline ?? '\n' }), exitCode: 0, errors: [] };
  } catch (e) {
    if (e instanceof InterchangeSpecError) return fail(e.issues.map((i) => ({ message: null, path: inputPath(ic, i.path), reason: i.message })));
    return fail([{ message: null, path: '', reason: (e as Error).message }]);
  }
}

/**
 * The path in the `encode` JSON of a value `buildInterchange` refused (`sender.id` → `interchange.sender`
 * when the sender was given as a plain id). Message headers come from the profile, not the input.
 */
function inputPath(ic: EncodeCommandInput['interchange'], specPath: string): string {
  const [head] = specPath.split('.');
  if (head === 'messages' || head === 'groups') return '';
  if ((head === 'sender' || head === 'recipient') && typeof ic[head] === 'string') return `interchange.${head}`;
  return `interchange.${specPath}`;
}
