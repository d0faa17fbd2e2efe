export * from './errors.js';
export * from './segment.js';
export * from './service-chars.js';
export { charsetFor, SUPPORTED_SYNTAX_IDS, type Charset } from './charsets.js';
export { Tokenizer, type TokenizerHandler, type TokenizerLimits } from './tokenizer.js';
export * from './read.js';
export * from './writer.js';
