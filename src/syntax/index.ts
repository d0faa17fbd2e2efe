/**
 * The syntax layer's public faces: bytes ⇄ segments. Its helpers (error construction without a
 * stack, string detaching, digit reading, the tokenizer's push API and gap tables, charsets)
 * stay internal: the other layers import them from their modules.
 */
export { SyntaxErrorCode, EdifactSyntaxError, type SyntaxErrorCodeValue, type Position } from './errors.js';
export type { Element, Segment, SegmentInput } from './segment.js';
export { DEFAULT_SERVICE_CHARS, formatServiceString, parseServiceString, type ServiceChars } from './service-chars.js';
export { SUPPORTED_SYNTAX_IDS } from './charsets.js';
export type { TokenizerLimits } from './tokenizer.js';
export { parse, forEachSegment, readSegmentBatches, readSegments, createSegmentStream, type ErrorHandling, type ReadOptions, type StreamInput, type ParseResult } from './read.js';
export { serialize, serializeToBytes, segment, type SerializeOptions, type SerializeBytesOptions, type ElementValue } from './writer.js';
