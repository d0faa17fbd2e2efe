/**
 * The JSON contract of `fp-edifact validate --json` (docs/cli.md): exactly these keys, no
 * more. The streaming writer prints `{"messages":[` when an interchange starts, each message
 * as it completes, then {@link interchangeTailJson} — one JSON object per line per interchange.
 */
import type { InterchangeOutcome, InterchangeReport, MessageReport, ValidationError } from '../types.js';

/** The contract's `Error`: a `ValidationError`, written with its keys in the contract's order. */
export type JsonError = ValidationError;

/** The contract's `messages[i]`. */
export interface JsonMessage extends Pick<MessageReport, 'index' | 'reference' | 'kind' | 'documentCode' | 'status' | 'reply'> {
  /** Every problem of the message, in input order; content errors only when there are no CONTRL errors. */
  errors: JsonError[];
  /** Reported, never rejected (a party's CPR, CVR or VIR failing its check); same keys as an error. */
  warnings: JsonError[];
}

/** The contract's object for one interchange. */
export interface JsonInterchangeReport extends Pick<InterchangeOutcome, 'interchange' | 'accepted' | 'contrl'> {
  /** Errors of the interchange itself (envelope, UNB/UNZ, segments outside messages). */
  errors: JsonError[];
  /** Every message of the interchange, in input order. */
  messages: JsonMessage[];
}

/** An error with exactly the contract's keys. */
export function errorToJson(e: ValidationError): JsonError {
  return {
    code: e.code,
    rule: e.rule,
    segment: e.segment,
    segmentPosition: e.segmentPosition,
    element: e.element,
    component: e.component,
    offset: e.offset,
    message: e.message,
  };
}

/** A message report with exactly the contract's keys. */
export function messageToJson(m: MessageReport): JsonMessage {
  return {
    index: m.index,
    reference: m.reference,
    kind: m.kind,
    documentCode: m.documentCode,
    status: m.status,
    errors: m.errors.map(errorToJson),
    warnings: m.warnings.map(errorToJson),
    reply: m.reply,
  };
}

/** The rest of an interchange's object after its messages: `],"interchange":…}` (no newline). */
export function interchangeTailJson(o: InterchangeOutcome): string {
  return `],"interchange":${JSON.stringify(o.interchange)},"accepted":${o.accepted},"contrl":${JSON.stringify(o.contrl)},"errors":${JSON.stringify(o.errors.map(errorToJson))}}`;
}

/** A whole interchange report as the contract's object (for non-streaming use). */
export function toJsonReport(r: InterchangeReport): JsonInterchangeReport {
  return {
    interchange: { ...r.interchange },
    accepted: r.accepted,
    contrl: r.contrl,
    errors: r.errors.map(errorToJson),
    messages: r.messages.map(messageToJson),
  };
}
