/**
 * The schema layer: message structures, segment layouts, element formats and guide profiles
 * as data, and the checks that read them. Imports only `src/syntax`. The value checks of
 * element formats and calendar dates live there (the envelope's interchange builder uses them
 * too) and are exported from here as before.
 */
export * from '../syntax/formats.js';
export * from '../syntax/calendar-date.js';
export * from './elements.js';
export * from './composites.js';
export { componentLayoutSchema, elementLayoutSchema, segmentLayoutSchema, STANDARD_LAYOUTS, type ComponentLayout, type ElementLayout, type ElementStatus, type SegmentLayout } from './segments.js';
export {
  isGroup,
  structureTags,
  segmentEntrySchema,
  groupEntrySchema,
  structureEntrySchema,
  messageStructureSchema,
  type SegmentStatus,
  type SegmentEntry,
  type GroupEntry,
  type StructureEntry,
  type MessageStructure,
} from './structure.js';
export * from './match.js';
export * from './check.js';
export * from './contrl.js';
export {
  codeEntrySchema,
  codeListSchema,
  CONTENT_ERROR_CODES,
  contentRuleSchema,
  branchGroupSchema,
  guideProfileSchema,
  ProfileError,
  assertPlainData,
  loadProfile,
  type Annotated,
  type GuideProfile,
  type CodeList,
  type ContentRule,
  type BranchGroup,
  type ContentErrorCode,
  type ProfileIssue,
} from './profile.js';
export * from './patch.js';
export * from './access.js';
export * from './rule-facts.js';
export { assumptionsMarkdown } from './assumptions-markdown.js';
export { getProfile, listProfileIds, defaultProfile, opsigelser55, panthaver52, type ShippedProfileId } from './profiles/index.js';
