import type { SegmentInput } from '../syntax/segment.js';
import { segment, serialize, serializeToBytes, type SerializeOptions } from '../syntax/writer.js';
import { describeValue } from '../syntax/options.js';
import { HeaderChecker, type HeaderIssue } from './header-checks.js';

/** A message to wrap: its UNH identifier and its body (BGM … last segment before UNT). */
export interface MessageSpec {
  /** What its UNH says. */
  header: {
    /** S009 0065 message type, e.g. `OPSIGE`. */
    type: string;
    /** S009 0052 message version number, e.g. `1` (the shipped profiles'). */
    version: string;
    /** S009 0054 message release number, e.g. `911`. */
    release: string;
    /** S009 0051 controlling agency, e.g. `UN`. */
    agency: string;
    /** S009 0057 association assigned code; omitted when not given. */
    associationCode?: string;
    /** 0062 message reference number (UNT repeats it); default: the message's 1-based number in the whole interchange, counted across groups. */
    reference?: string;
  };
  /** The segments between UNH and UNT, written as given; UNT counts them plus two (UNH and UNT). */
  body: ReadonlyArray<SegmentInput>;
}

/** A party as the builder takes it: its id, and its code qualifier when it has one. */
export interface PartySpec {
  /** Identification: UNB S002 0004 / S003 0010, UNG S006 0040 / S007 0044, at most 35 characters; mandatory. */
  id: string;
  /** Identification code qualifier (0007), at most 4 characters. Default in a UNB `ZZ` (mutually defined); in a UNG omitted. */
  qualifier?: string;
  /** UNB only: the sender's address for reverse routing (S002 0008) or the recipient's routing address (S003 0014). */
  routing?: string;
}

/** A functional group to wrap (UNG … UNE). */
export interface GroupSpec {
  /** 0038 functional group identification: the type of the messages it holds, e.g. `OPSIGE`. */
  functionalGroupId: string;
  /** S006 application sender. */
  sender: PartySpec;
  /** S007 application recipient. */
  recipient: PartySpec;
  /** 0048 functional group reference number. */
  reference: string;
  /** 0051 controlling agency; default the first message's agency. */
  agency?: string;
  /** S008 message version and release; default the first message's. */
  version?: {
    /** S008 0052 message version number. */
    version: string;
    /** S008 0054 message release number. */
    release: string;
    /** S008 0057 association assigned code; omitted when not given. */
    associationCode?: string;
  };
  /** The group's messages, UNH … UNT each; UNE counts them. At least one: an empty group is syntax error 32 for every reader, so it is refused. */
  messages: ReadonlyArray<MessageSpec>;
}

/** What `buildInterchange` needs; it fills in the rest. */
export interface InterchangeSpec {
  /** S002 interchange sender. */
  sender: PartySpec;
  /** S003 interchange recipient. */
  recipient: PartySpec;
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
  /** 0026 application reference (at most 14 characters); omitted when not given. */
  applicationReference?: string;
  /** `true` writes 0031 = 1: the sender asks for a CONTRL. Default `false` (omitted). */
  ackRequested?: boolean;
  /** `true` writes 0035 = 1: a test interchange. Default `false` (omitted). */
  testIndicator?: boolean;
  /** The messages, written straight into the interchange. Give these or `groups`, not both; with neither (or none in them) the interchange would be empty, syntax error 32 for every reader, so it is refused. */
  messages?: ReadonlyArray<MessageSpec>;
  /** Functional groups (UNG … UNE), each holding its messages; UNZ then counts the groups. */
  groups?: ReadonlyArray<GroupSpec>;
  /** Clock for the default date and time (tests pass a fixed one). */
  now?: () => Date;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Thrown by {@link buildInterchange} for header values no reader would accept: a reference
 * longer than its 14 characters, a date that is no calendar day, a time past 2359, an empty
 * mandatory element, a value that is not a string. `issues` names each one by its path in the spec.
 */
export class InterchangeSpecError extends Error {
  override readonly name = 'InterchangeSpecError';
  /** Every refused value: `path` in the spec (`reference`, `messages.0.header.reference`) and the rule it breaks. */
  readonly issues: HeaderIssue[];

  /** An error listing `issues`; its message is `buildInterchange: ` and each `path: message`, joined by `; `. */
  constructor(issues: HeaderIssue[]) {
    super(`buildInterchange: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

/** Party ids, qualifiers and routing addresses of a UNB (S002/S003) or UNG (S006/S007). */
function checkParty(c: HeaderChecker, path: string, party: PartySpec | undefined, where: string, id: '0004' | '0010' | '0040' | '0044', routing?: '0008' | '0014'): void {
  const p = (party ?? {}) as Partial<PartySpec>;
  c.element(`${path}.id`, p.id, where, id, true);
  c.element(`${path}.qualifier`, p.qualifier, where, '0007', false);
  if (routing !== undefined) c.element(`${path}.routing`, p.routing, where, routing, false);
}

/** Whether `value` is an array, else an issue at `path` saying it must be an array of `what`. */
function isList(c: HeaderChecker, path: string, value: unknown, what: string): value is readonly unknown[] {
  if (Array.isArray(value)) return true;
  c.issues.push({ path, message: `must be an array of ${what}, got ${describeValue(value)}` });
  return false;
}

function checkMessages(c: HeaderChecker, path: string, messages: ReadonlyArray<MessageSpec> | undefined, level: string): void {
  if (Array.isArray(messages) && messages.length === 0) {
    c.issues.push(lowerLevelEmpty(path, `${level} with no messages`));
    return;
  }
  if (!isList(c, path, messages, 'messages')) return;
  messages.forEach((m, i) => {
    if (m?.body !== undefined) isList(c, `${path}.${i}.body`, m.body, 'segments');
    const h = (m?.header ?? {}) as Partial<MessageSpec['header']>;
    const at = `${path}.${i}.header`;
    // The reference is numbered when not given.
    if (h.reference !== undefined) c.element(`${at}.reference`, h.reference, 'UNH', '0062', true);
    c.element(`${at}.type`, h.type, 'UNH S009', '0065', true);
    c.element(`${at}.version`, h.version, 'UNH S009', '0052', true);
    c.element(`${at}.release`, h.release, 'UNH S009', '0054', true);
    c.element(`${at}.agency`, h.agency, 'UNH S009', '0051', true);
    c.element(`${at}.associationCode`, h.associationCode, 'UNH S009', '0057', false);
  });
}

/** Every reader reports an interchange or group without messages (or groups) as error 32, so none is written. */
function lowerLevelEmpty(path: string, what: string): HeaderIssue {
  return { path, message: `${what}: every reader reports it as error 32 (lower level empty)` };
}

/** Every header value of `spec` that no reader would accept (empty when it can be written). */
function headerIssues(spec: InterchangeSpec, c: HeaderChecker): HeaderIssue[] {
  c.element('reference', spec.reference, 'UNB', '0020', true);
  c.date('date', spec.date);
  c.time('time', spec.time);
  checkParty(c, 'sender', spec.sender, 'UNB S002', '0004', '0008');
  checkParty(c, 'recipient', spec.recipient, 'UNB S003', '0010', '0014');
  c.syntax(spec.syntaxId ?? 'UNOC', spec.syntaxVersion ?? '3');
  // A flag written as 1 when truthy: 'false' would mark a live interchange a test.
  for (const [path, id, name] of [['ackRequested', '0031', 'acknowledgement request'], ['testIndicator', '0035', 'test indicator']] as const) {
    const v = spec[path];
    if (v !== undefined && typeof v !== 'boolean') c.issues.push({ path, message: `UNB ${id} (${name}): must be true or false, got ${describeValue(v)}` });
  }
  c.element('applicationReference', spec.applicationReference, 'UNB', '0026', false);
  if (spec.groups === undefined) checkMessages(c, 'messages', spec.messages ?? [], 'an interchange');
  else if (!isList(c, 'groups', spec.groups, 'groups')) return c.issues;
  else if (spec.groups.length === 0) c.issues.push(lowerLevelEmpty('groups', 'an interchange with no groups'));
  (spec.groups ?? []).forEach((g, i) => {
    const at = `groups.${i}`;
    c.element(`${at}.functionalGroupId`, g?.functionalGroupId, 'UNG', '0038', true);
    checkParty(c, `${at}.sender`, g?.sender, 'UNG S006', '0040');
    checkParty(c, `${at}.recipient`, g?.recipient, 'UNG S007', '0044');
    c.element(`${at}.reference`, g?.reference, 'UNG', '0048', true);
    c.element(`${at}.agency`, g?.agency, 'UNG', '0051', false);
    if (g?.version !== undefined) {
      const v = (g.version ?? {}) as Partial<NonNullable<GroupSpec['version']>>;
      c.element(`${at}.version.version`, v.version, 'UNG S008', '0052', true);
      c.element(`${at}.version.release`, v.release, 'UNG S008', '0054', true);
      c.element(`${at}.version.associationCode`, v.associationCode, 'UNG S008', '0057', false);
    }
    checkMessages(c, `${at}.messages`, g?.messages, 'a group (UNG)');
  });
  return c.issues;
}

/** The clock's time (read once) when the date or time is defaulted from it, else the epoch; an issue when it gives no valid Date. */
function clock(spec: InterchangeSpec, c: HeaderChecker): Date {
  if (spec.date !== undefined && spec.time !== undefined) return new Date(0);
  const now: unknown = typeof spec.now === 'function' ? spec.now() : spec.now === undefined ? new Date() : spec.now;
  if (now instanceof Date && !Number.isNaN(now.getTime())) return now;
  c.issues.push({ path: 'now', message: `must be a function returning a valid Date, ${typeof spec.now === 'function' ? 'it returned' : 'got'} ${describeValue(now)}` });
  return new Date(0);
}

/** UNH … UNT for each message; references number on from `first` unless given. */
function wrapMessages(messages: ReadonlyArray<MessageSpec>, first: number, out: SegmentInput[]): void {
  messages.forEach((message, i) => {
    const reference = message.header.reference ?? String(first + i);
    const h = message.header;
    out.push(segment('UNH', reference, [h.type, h.version, h.release, h.agency, h.associationCode]));
    out.push(...message.body);
    out.push(segment('UNT', String(message.body.length + 2), reference));
  });
}

/**
 * Wraps messages into a complete interchange: UNB with date/time, UNH numbered 1..n through the
 * whole interchange (unless a reference is given), UNT with the segment count (UNH and UNT
 * included), and UNZ with the message count (the group count when there are `groups`) and the
 * same reference. Each group gets a UNG with the interchange's date and time and a UNE with
 * its message count and reference.
 * @throws Error when both `messages` and `groups` are given
 * @throws InterchangeSpecError for header values no reader would accept (each named by its path), and for an
 *   interchange or group without messages (or an interchange with an empty `groups`): error 32 for every reader
 */
export function buildInterchange(spec: InterchangeSpec): SegmentInput[] {
  if (typeof spec !== 'object' || spec === null) throw new InterchangeSpecError([{ path: '(spec)', message: `must be an object, got ${describeValue(spec)}` }]);
  if (spec.messages !== undefined && spec.groups !== undefined) throw new Error('buildInterchange: give messages or groups, not both');
  const c = new HeaderChecker();
  const now = clock(spec, c);
  const issues = headerIssues(spec, c);
  if (issues.length > 0) throw new InterchangeSpecError(issues);
  const syntaxVersion = spec.syntaxVersion ?? '3';
  const iso = spec.date ?? `${now.getUTCFullYear()}-${pad2(now.getUTCMonth() + 1)}-${pad2(now.getUTCDate())}`;
  const compact = iso.replaceAll('-', '');
  const date = Number(syntaxVersion) >= 4 ? compact : compact.slice(2);
  const time = spec.time ?? `${pad2(now.getUTCHours())}${pad2(now.getUTCMinutes())}`;
  const out: SegmentInput[] = [
    segment(
      'UNB',
      [spec.syntaxId ?? 'UNOC', syntaxVersion],
      [spec.sender.id, spec.sender.qualifier ?? 'ZZ', spec.sender.routing],
      [spec.recipient.id, spec.recipient.qualifier ?? 'ZZ', spec.recipient.routing],
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
  let count: number;
  if (spec.groups !== undefined) {
    let written = 0;
    for (const group of spec.groups) {
      const first = group.messages[0]?.header;
      const version = group.version ?? (first && { version: first.version, release: first.release, associationCode: first.associationCode });
      out.push(
        segment(
          'UNG',
          group.functionalGroupId,
          [group.sender.id, group.sender.qualifier],
          [group.recipient.id, group.recipient.qualifier],
          [date, time],
          group.reference,
          group.agency ?? first?.agency,
          version && [version.version, version.release, version.associationCode],
        ),
      );
      wrapMessages(group.messages, written + 1, out);
      written += group.messages.length;
      out.push(segment('UNE', String(group.messages.length), group.reference));
    }
    count = spec.groups.length;
  } else {
    const messages = spec.messages ?? [];
    wrapMessages(messages, 1, out);
    count = messages.length;
  }
  out.push(segment('UNZ', String(count), spec.reference));
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
