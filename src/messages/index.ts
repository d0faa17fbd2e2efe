/**
 * The typed-message layer: zod schemas and types of every opsigelser and panthaver message
 * kind, decoding and encoding through a guide profile, reply builders and the CLI commands.
 * Imports only the syntax, envelope and schema layers. (Arbitraries live in `fp-edifact/testing`.)
 */
export { decodeMessage, decodeOpsigelse, decodePanthaver, type DecodeResult, type FpMessage, type MessageInput } from './decode.js';
export { encodeMessage, parseTyped, type EncodedMessage, type EncodeOptions } from './encode.js';
export * from './builders.js';
export { decodeCommand, encodeCommand, type CommandProfiles, type DecodeCommandResult, type EncodeCommandInput, type EncodeCommandOptions, type EncodeCommandResult } from './cli-commands.js';
export { MessageBuildError, MessageEncodeError, type MessageError } from './wire/errors.js';
export {
  isoDate as isoDateSchema,
  company as companySchema,
  namedParty as namedPartySchema,
  address as addressSchema,
  freeText as freeTextSchema,
  extraDatum as extraDatumSchema,
  type Address,
  type Company,
  type ExtraDatum,
  type FreeText,
  type NamedParty,
  type PersonId,
} from './types/common.js';
export {
  OPSIGELSE_KINDS,
  opsigelseSchema,
  opsigelseSchemas,
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
  panthaverSchema,
  panthaverSchemas,
  type Panthaver,
  type PanthaverKind,
  type PanthaverOf,
  type DeclarationNoticeKind,
} from './types/panthaver.js';
