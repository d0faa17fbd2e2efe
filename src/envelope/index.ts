/**
 * The envelope layer's public faces: interchanges read (whole or streamed), built and written,
 * and their lossless JSON. The push assembler behind the readers stays internal.
 */
export type { PartyId, StartPosition, InterchangeHeader, MessageHeader, EdifactMessage, GroupHeader, InterchangeSummary, Interchange } from './types.js';
export type { EnvelopeLimits } from './assembler.js';
export { parseInterchanges, readMessages, type EnvelopeReadOptions, type ParsedInterchanges, type EnvelopeEvent } from './read.js';
export {
  buildInterchange,
  writeInterchange,
  writeInterchangeBytes,
  InterchangeSpecError,
  type MessageSpec,
  type PartySpec,
  type GroupSpec,
  type InterchangeSpec,
  type WriteInterchangeOptions,
} from './builder.js';
export type { HeaderIssue } from './header-checks.js';
export { toEdifactJson, checkEdifactJson, fromEdifactJson, type JsonElement, type JsonSegment, type InterchangeJson, type EdifactJson } from './json.js';
