/**
 * The validator's public faces: syntax and structure (CONTRL) and content rules (12'er) of F&P
 * EDIFACT interchanges, through guide profiles. Imports every lower layer; nothing imports it.
 * Its machinery (the CONTRL and 12'er writers, the content-rule table and runner, the CLI's
 * text and HTML reports) stays internal.
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
export { unmappedRuleIds } from './rules/index.js';
export { toJsonReport, type JsonError, type JsonInterchangeReport, type JsonMessage } from './format/json.js';
