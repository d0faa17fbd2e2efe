/**
 * fp-edifact — read, write, validate and reason about F&P EDIFACT messages.
 * This file is the public API; everything else is internal.
 * @packageDocumentation
 */
export * from './syntax/index.js';
export * from './envelope/index.js';
