export * from './types.js';
export { EnvelopeAssembler, type EnvelopeHandler, type EnvelopeLimits } from './assembler.js';
export * from './read.js';
export * from './builder.js';
export type { HeaderIssue } from './header-checks.js';
export * from './json.js';
