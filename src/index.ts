/**
 * fp-edifact — read, write, validate and reason about F&P EDIFACT messages.
 * This file is the public API; everything else is internal.
 * @packageDocumentation
 */
export * from './syntax/index.js';
export * from './envelope/index.js';
export * from './schema/index.js';
export * from './messages/index.js';
export * from './validate/index.js';
export * from './rules/index.js';
