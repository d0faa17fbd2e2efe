/**
 * The schema layer's public faces: guide profiles as data (shipped, loaded, patched, their
 * assumptions listed), the structure and element checks that read them, and the identifier
 * validators. Imports only `src/syntax`; the element format checks live there (the envelope's
 * interchange builder uses them too) and are exported from here. The zod schemas, the
 * UN/EDIFACT directory tables, the CONTRL's own tables and the profile readers the other layers
 * use stay internal: a profile is plain data, read by its keys.
 */
export { parseFormat, isFormat, checkFormat, type CharClass, type ParsedFormat, type FormatIssue } from '../syntax/formats.js';
export type { ComponentLayout, ElementLayout, ElementStatus, SegmentLayout } from './segments.js';
export { isGroup, type SegmentStatus, type SegmentEntry, type GroupEntry, type StructureEntry, type MessageStructure } from './structure.js';
export { matchStructure, type MatchedSegment, type StructureIssue, type StructureMatch } from './match.js';
export { checkSegment, type ElementIssue, type CodeListLike, type CheckSegmentOptions } from './check.js';
export {
  CONTENT_ERROR_CODES,
  ProfileError,
  loadProfile,
  type Annotated,
  type GuideProfile,
  type CodeList,
  type ContentRule,
  type BranchGroup,
  type ContentErrorCode,
  type ProfileIssue,
} from './profile.js';
export { patchProfile, listAssumptions, type PatchOf, type ProfilePatch, type AssumptionEntry } from './patch.js';
export { layoutFor, profileCodeLists, profileForMessageType } from './access.js';
export { assumptionsMarkdown } from './assumptions-markdown.js';
export { getProfile, listProfileIds, defaultProfile, opsigelser55, panthaver52, type ShippedProfileId } from './profiles/index.js';
export {
  maskCpr,
  isValidCpr,
  isValidCvr,
  validateCpr,
  validateCvr,
  kidCheckDigit,
  validateKid,
  DEFAULT_VIR_RULE,
  compileVirRule,
  virMatcher,
  validateVir,
  type CprResult,
  type CvrResult,
  type KidMethod,
  type KidOptions,
  type KidResult,
  type VirRule,
  type VirResult,
  type CompiledVirRule,
} from './identifiers.js';
