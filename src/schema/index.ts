/**
 * The schema layer: message structures, segment layouts, element formats and guide profiles
 * as data, and the checks that read them. Imports only `src/syntax`.
 */
export * from './formats.js';
export * from './calendar-date.js';
export * from './elements.js';
export * from './composites.js';
export * from './segments.js';
export * from './structure.js';
export * from './match.js';
export * from './check.js';
export * from './contrl.js';
export * from './profile.js';
export * from './patch.js';
export * from './access.js';
export * from './rule-facts.js';
export * from './assumptions-markdown.js';
export { getProfile, listProfileIds, defaultProfile, opsigelser55, panthaver52, type ShippedProfileId } from './profiles/index.js';
