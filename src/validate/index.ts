/**
 * The validator: syntax and structure (CONTRL) and content rules (12'er) of F&P EDIFACT
 * interchanges, through guide profiles. Imports every lower layer; nothing imports it.
 */
export { validate, validateStream, validateStreamBatches, type ValidationInput } from './stream.js';
export { validateFile, validateFileBatches, type ValidateFileOptions } from './workers.js';
export type {
  ContrlDetail,
  InterchangeInfo,
  InterchangeOutcome,
  InterchangeReport,
  MessageReport,
  MessageStatus,
  ProfileMap,
  ValidateOptions,
  ValidationError,
  ValidationEvent,
} from './types.js';
export { createMemoryDuplicateStore, type DuplicateStore, type MemoryDuplicateStoreOptions } from './duplicates.js';
export { ContrlBuilder, type AnsweredInterchange, type ContrlResult, type ContrlWriteOptions } from './contrl.js';
export { CONTRL_IDENTIFIER, type MessageIdentifier } from './compile/profile.js';
export { buildContentErrorReply, type ReplyInput } from './reply.js';
export { referenceGenerator } from './references.js';
export {
  compileRuleSet,
  contentRulesFor,
  runContentRules,
  unmappedRuleIds,
  OPS_KINDS,
  type BoundRule,
  type ValidationRule,
  type OpsKindSpec,
  type RuleReport,
  type RuleContext,
  type RuleSet,
} from './rules/index.js';
export { toJsonReport, messageToJson, errorToJson, interchangeTailJson, type JsonError, type JsonInterchangeReport, type JsonMessage } from './format/json.js';
export { formatTextMessage, formatTextInterchangeStart, formatTextInterchangeEnd } from './format/text.js';
export { HtmlReport } from './format/html.js';
