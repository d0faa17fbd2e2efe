export * from './errors.js';
export * from './segment.js';
// The tokenizer's own helpers (gap tables, the UNA test on bytes, the in-use list) stay internal.
export { DEFAULT_SERVICE_CHARS, formatServiceString, parseServiceString, releaseInUse, repetitionInUse, type ServiceChars } from './service-chars.js';
export { charsetFor, SUPPORTED_SYNTAX_IDS, type Charset } from './charsets.js';
export { Tokenizer, type TokenizerHandler, type TokenizerLimits } from './tokenizer.js';
export * from './read.js';
export * from './writer.js';
