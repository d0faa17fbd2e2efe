/**
 * Public types of the validator: the error and report shapes (which are exactly the JSON
 * contract of `fp-edifact validate --json`) and the options.
 */
import type { InterchangeHeader } from '../envelope/types.js';
import type { GuideProfile } from '../schema/profile.js';
import type { DuplicateStore } from './duplicates.js';

/**
 * One problem found by the validator. The shape is the JSON contract's `Error`.
 * `code` is an ISO 9735 syntax error code (0085) such as `"13"` for syntax and structure
 * errors (they go into the CONTRL), or `"F01"`…`"F05"` for content errors (they make a 12'er).
 */
export interface ValidationError {
  /** ISO 9735 0085 code (`"13"`), or `"F01"`…`"F05"` for a content rule. */
  code: string;
  /** Content-rule id for F-codes (e.g. `"policy-number-missing"`), `null` otherwise. */
  rule: string | null;
  /** Tag of the segment concerned (for a missing segment: the missing tag), or `null`. */
  segment: string | null;
  /**
   * 1-based position of the segment in its message (UNH = 1), or `null` outside a message.
   * For a missing segment: the position of the last segment before where it was expected
   * (ISO 9735 / CONTRL 0096 convention). `null` for a UNA inside a message: it is no segment of
   * the count (UNT 0074), so it has no position of its own; `offset` says where it is.
   */
  segmentPosition: number | null;
  /** 1-based data element position in the segment (the tag is element 0), or `null`. */
  element: number | null;
  /** 1-based component position, or `null`. */
  component: number | null;
  /** Absolute byte offset in the input (character offset for string input), or `null`. */
  offset: number | null;
  /** Plain-English explanation. */
  message: string;
}

/** What happened to one message. */
export type MessageStatus = 'accepted' | 'rejected' | 'content-error';

/** The result for one message (UNH..UNT). The JSON contract's `messages[i]` plus extras. */
export interface MessageReport {
  /** 1-based position of the message in its interchange. */
  index: number;
  /** UNH 0062, or `null` when absent. */
  reference: string | null;
  /** Message kind from the profile (`"cancellation"`, `"sumInsuredChanged"`…), or `null`. */
  kind: string | null;
  /** BGM document code (`"9"`, `"Z40"`), or `null`. */
  documentCode: string | null;
  /** `rejected`: syntax or structure errors (CONTRL); `content-error`: a 12'er is due; else `accepted`. */
  status: MessageStatus;
  /** Every problem of the message, in input order; content errors only when there are no CONTRL errors. */
  errors: ValidationError[];
  /**
   * What is reported but not rejected, in input order: a party's CPR that is no date or not 10
   * digits (`cpr-invalid-date`, `cpr-malformed`), a CVR failing modulus 11 or not 8 digits
   * (`cvr-check-digit`, `cvr-malformed`), a VIR number breaking the profile's `interchange.virRule`
   * (`vir-malformed`) — code `"12"`, the id's position (NAD element 2
   * component 1), a CPR masked in the text. Whatever the status; never in the CONTRL or a 12'er.
   */
  warnings: ValidationError[];
  /** The ready 12'er interchange (EDIFACT text) for a content error, else `null`. */
  reply: string | null;
  /** UNH S009 0065 (not part of the JSON contract). */
  messageType: string | null;
  /** Id of the profile the message was checked against, or `null` (not part of the JSON contract). */
  profileId: string | null;
  /**
   * Text of each offending segment by message position, when `captureSegments` is on
   * (for text and HTML reports; not part of the JSON contract).
   */
  segmentText?: Record<number, string>;
}

/** Identification of an interchange as the JSON contract's `interchange` shows it. */
export interface InterchangeInfo {
  /** UNB 0020, or `null` without a UNB. */
  reference: string | null;
  /** UNB S002 0004. */
  sender: string | null;
  /** UNB S003 0010. */
  recipient: string | null;
  /** `"UNOC:3"` (S001 0001:0002). */
  syntax: string | null;
  /** Messages found (UNH count), not what UNZ says. */
  messageCount: number;
}

/** The outcome of one interchange, without its messages (what the stream yields). */
export interface InterchangeOutcome {
  /** 0-based position of the interchange in the input. */
  position: number;
  /** Its reference, parties, syntax and message count: the JSON contract's `interchange`. */
  interchange: InterchangeInfo;
  /** `true` when the CONTRL says UCI action 7. */
  accepted: boolean;
  /** The CONTRL interchange as EDIFACT text; `""` when there is no UNB to answer. */
  contrl: string;
  /** Errors of the interchange itself (envelope, UNB/UNZ, segments outside messages). */
  errors: ValidationError[];
  /** Messages by status. */
  counts: Record<MessageStatus, number>;
  /** The parsed UNB (not part of the JSON contract). */
  header: InterchangeHeader | null;
}

/** One interchange with all its message reports (what `validate` returns). */
export interface InterchangeReport extends InterchangeOutcome {
  /** The report of every message of the interchange, in input order. */
  messages: MessageReport[];
}

/** Events of `validateStream`, in input order. */
export type ValidationEvent =
  | {
      /** An interchange starts: its UNB was read, or something came before any UNB. */
      type: 'interchange-start';
      /** 0-based position of the interchange in the input (as its outcome's `position`). */
      position: number;
      /** The parsed UNB, or `null` for what is found outside any interchange. */
      header: InterchangeHeader | null;
    }
  | {
      /** A message was validated. */
      type: 'message';
      /** 0-based position of the interchange it is in. */
      position: number;
      /** Its status, errors, warnings and, for a content error, its 12'er. */
      message: MessageReport;
    }
  | {
      /** An interchange ended: its outcome and CONTRL. */
      type: 'interchange';
      /** The outcome, without the messages (they came as `message` events). */
      outcome: InterchangeOutcome;
    };

/** How much the CONTRL says: F&P's UCI-only default, or UCM per message, or UCS/UCD too. */
export type ContrlDetail = 'interchange' | 'message' | 'segment';

/** Profiles by UNH message type (`OPSIGE`, `PANTDE`). */
export type ProfileMap = Readonly<Record<string, GuideProfile>>;

/** Options of `validate` and `validateStream`. */
export interface ValidateOptions {
  /**
   * A profile, or profiles by UNH message type. A single profile replaces the shipped
   * profile of its own message type; other types keep the shipped ones
   * (`OPSIGE` → opsigelser 5.5, `PANTDE` → panthaver 5.2). CONTRL messages are always known.
   */
  profile?: GuideProfile | ProfileMap;
  /** Our VIR number: the UNB recipient must equal it (else syntax error 7); default: any recipient. */
  ownVir?: string;
  /** Known interchange senders: a list or a predicate (an unknown sender is syntax error 23); default: any sender. */
  knownSenders?: Iterable<string> | ((sender: string) => boolean);
  /** Duplicate detection (26); default: a fresh in-memory store per call. */
  duplicates?: DuplicateStore;
  /** CONTRL detail (default `interchange`: F&P's UCI-only CONTRL). */
  detail?: ContrlDetail;
  /** Clock for the CONTRL and 12'er UNB date/time, 12'er message dates and default references; default the system clock (`new Date()`). */
  now?: () => Date;
  /**
   * Interchange reference generator for each CONTRL (an..14). Default: the clock's milliseconds
   * at the first reference in base 36 (9 characters) and a 5-character base-36 running number,
   * unique within a run.
   */
  contrlReference?: () => string;
  /** Interchange reference generator for each 12'er; default: the same generator as `contrlReference`. */
  replyReference?: () => string;
  /** Build 12'er interchanges for content errors (default `true`). */
  replies?: boolean;
  /** Keep the text of offending segments in `MessageReport.segmentText` (default `false`). */
  captureSegments?: boolean;
  /** Most segments kept per message (envelope limit, default 10,000). */
  maxMessageSegments?: number;
  /**
   * Most errors kept per interchange and per message of those that can come once per segment
   * (tokenizer errors, segments outside a message); at the limit one error 18 says so and later
   * ones are dropped, never built: a file full of errors costs time and memory by what is kept
   * (envelope limit, default 1,000).
   */
  maxErrors?: number;
}
