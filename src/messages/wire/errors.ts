/**
 * Errors of the typed-message layer. Decoding never throws on bad data; it returns
 * {@link MessageError}s with the ISO 9735 syntax error code (0085) that fits best and the
 * position of the offending value. Encoding an invalid typed value throws
 * {@link MessageEncodeError}.
 */
import { issuesLine } from '../../schema/issues.js';

/** One problem found while decoding a message into its typed form. */
export interface MessageError {
  /**
   * ISO 9735 syntax error code (0085): `13` missing, `12` invalid value, `14` value not
   * supported in this position, `15` not supported in this position (segment or data the
   * message kind must not carry), `35` too many repetitions, `36` too many group repetitions.
   */
  code: string;
  /** Plain-English explanation. */
  reason: string;
  /** Tag of the segment concerned, or `null` when the problem is not tied to one segment. */
  segment: string | null;
  /**
   * 1-based position of the segment in the message (UNH = 1) as the sender counts it (a segment
   * the reader skipped for its length counts too), or `null` (e.g. a missing segment).
   */
  segmentPosition: number | null;
  /** 1-based data element position in the segment, or `null`. */
  element: number | null;
  /** 1-based component position in the element, or `null`. */
  component: number | null;
}

/** Where a decoded value came from. */
export interface Origin {
  segment: string;
  segmentPosition: number;
  element: number | null;
  component: number | null;
}

/** Builds a {@link MessageError}. */
export function messageError(code: string, reason: string, at?: Partial<Origin> | null): MessageError {
  return {
    code,
    reason,
    segment: at?.segment ?? null,
    segmentPosition: at?.segmentPosition ?? null,
    element: at?.element ?? null,
    component: at?.component ?? null,
  };
}

/** Thrown by the encoders and builders when a typed value is not valid for its kind. */
export class MessageEncodeError extends Error {
  override readonly name = 'MessageEncodeError';
  /** The individual problems, one per bad field. */
  readonly issues: Array<{
    /** Dotted path of the field in the typed value, array items by index (`policyholder.name`, `extraData.0`); `''` for the value itself. */
    path: string;
    /** What is wrong there, in our words (`must be a string, got 5`). */
    message: string;
  }>;

  /** An error saying `message`, followed by `: ` and each issue as `path: message`, joined by `; ` (a path `''` shown as `(value)`). */
  constructor(message: string, issues: MessageEncodeError['issues'] = []) {
    super(issues.length ? `${message}: ${issuesLine(issues, '(value)')}` : message);
    this.issues = issues;
  }
}

/** Thrown by the builders when the inputs cannot make a valid reply (e.g. a rejection reason that needs an end date without one). */
export class MessageBuildError extends Error {
  override readonly name = 'MessageBuildError';
}
