/**
 * Content rules as data: each rule names itself, the guide text it enforces, the message
 * kinds it applies to, and a check over one message. The F-code (F01–F05) a violation maps to
 * comes from the profile's `contentRules[id]`, so re-mapping a rule is a profile patch.
 */
import type { InterchangeHeader } from '../../envelope/types.js';
import type { ContentErrorCode, GuideProfile } from '../../schema/profile.js';
import type { Segment } from '../../syntax/segment.js';

/** What a rule sees of one message that passed syntax and structure. */
export interface RuleContext {
  profile: GuideProfile;
  /** Kind name from the profile (`cancellation`, `sumInsuredChanged`…). */
  kind: string;
  /** BGM document code. */
  documentCode: string;
  /** UNH..UNT. */
  segments: readonly Segment[];
  /** Per segment: head tag of its innermost segment group (`SIF`, `SHI`), `null` at the top level. */
  groups: ReadonlyArray<string | null>;
  /** The interchange's UNB, or `null` outside an interchange. */
  header: InterchangeHeader | null;
}

/**
 * Reports one violation: the 0-based segment index in the message (or `null` when something
 * is missing), a plain-English message, and optionally the 1-based element and component.
 */
export type RuleReport = (index: number | null, message: string, element?: number, component?: number) => void;

/** One content rule. */
export interface ValidationRule {
  /** Kebab-case id; the key of `profile.contentRules`. */
  id: string;
  /** What the rule forbids or requires. */
  description: string;
  /** Where the guide says so. */
  guideRef: string;
  /** Kind names the rule applies to, or `'all'`. */
  appliesTo: readonly string[] | 'all';
  /** F-code used when the profile has no entry for this id (our assumption). */
  defaultCode: ContentErrorCode;
  /** Checks one message; reports each violation. */
  check(ctx: RuleContext, report: RuleReport): void;
}

/** A rule of the built-in table with the F-code its profile maps it to. */
export interface BoundRule {
  rule: ValidationRule;
  code: ContentErrorCode;
  /** `true` when the code came from the profile, `false` when from `defaultCode`. */
  fromProfile: boolean;
}
