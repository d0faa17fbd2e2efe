/**
 * The typed-message layer's public faces: the types of every opsigelser and panthaver message
 * kind, decoding and encoding through a guide profile, and the reply builders. Imports only the
 * syntax, envelope and schema layers. The zod schemas behind the types stay internal
 * (`parseTyped` checks a value against them, in our words), as do the CLI commands.
 * (Arbitraries live in `fp-edifact/testing`.)
 */
export { decodeMessage, decodeOpsigelse, decodePanthaver, type DecodeResult, type FpMessage, type MessageInput } from './decode.js';
export { encodeMessage, parseTyped, type EncodedMessage, type EncodeOptions } from './encode.js';
export * from './builders.js';
export { MessageBuildError, MessageEncodeError, type MessageError } from './wire/errors.js';
export type { Address, Company, ExtraDatum, ExtraSegment, FreeText, NamedParty, PersonId, Policyholder } from './types/common.js';
export {
  OPSIGELSE_KINDS,
  type Opsigelse,
  type OpsigelseKind,
  type OpsigelseOf,
  type Cancellation,
  type BonusAnswer,
  type OpsigelseContentError,
  type BonusQuery,
  type OpsigelseReminder,
  type OpsigelseRejection,
  type OpsigelseAccept,
  type Bonus,
  type Claim,
  type CancellationDate,
  type CancellationBasis,
  type Branch,
  type Matrikel,
} from './types/opsigelser.js';
export {
  PANTHAVER_KINDS,
  type Panthaver,
  type PanthaverKind,
  type PanthaverOf,
  type DeclarationNoticeKind,
  type Lienholder,
} from './types/panthaver.js';
