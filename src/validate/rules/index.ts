/**
 * The content-rule table and its runner. Rules are bound to a profile once (qualifiers and
 * code lists resolved, F-codes looked up in `profile.contentRules`) and indexed by kind.
 */
import type { GuideProfile } from '../../schema/profile.js';
import { positionInMessage } from '../../syntax/message-position.js';
import type { ValidationError } from '../types.js';
import { commonRules } from './common.js';
import { opsigelserDataRules } from './opsigelser.js';
import { opsigelserCodeRule, opsigelserPlacementRules } from './opsigelser-placement.js';
import { panthaverRules } from './panthaver.js';
import type { BoundRule, ValidationRule, RuleContext } from './types.js';

export type { BoundRule, ValidationRule, RuleReport, RuleContext } from './types.js';
export { OPS_KINDS, type OpsKindSpec } from './opsigelser-kinds.js';

/** The rules of a profile, indexed by kind. */
export interface RuleSet {
  /** Every rule with its F-code, in table order. */
  rules: readonly BoundRule[];
  /** Rules by kind name. */
  byKind: ReadonlyMap<string, readonly BoundRule[]>;
}

/** The built-in rules for a profile's exchange (unbound). */
export function contentRulesFor(profile: GuideProfile): ValidationRule[] {
  const own = profile.exchange === 'opsigelser' ? [...opsigelserDataRules(profile), opsigelserCodeRule(profile), ...opsigelserPlacementRules(profile)] : panthaverRules(profile);
  return [...commonRules(profile), ...own];
}

/** Binds the built-in rules to a profile: F-code from `profile.contentRules[id]`, else the rule's default. */
export function compileRuleSet(profile: GuideProfile): RuleSet {
  const rules: BoundRule[] = contentRulesFor(profile).map((rule) => {
    const entry = Object.hasOwn(profile.contentRules, rule.id) ? profile.contentRules[rule.id] : undefined;
    return { rule, code: entry?.code.value ?? rule.defaultCode, fromProfile: entry !== undefined };
  });
  const byKind = new Map<string, BoundRule[]>();
  for (const kind of Object.keys(profile.documentCodes)) {
    byKind.set(
      kind,
      rules.filter((r) => r.rule.appliesTo === 'all' || r.rule.appliesTo.includes(kind)),
    );
  }
  return { rules, byKind };
}

/** Rule ids the built-in table uses that a profile does not map (their `defaultCode` applies). */
export function unmappedRuleIds(profile: GuideProfile): string[] {
  return compileRuleSet(profile)
    .rules.filter((r) => !r.fromProfile)
    .map((r) => r.rule.id);
}

/**
 * Runs the rules of `ctx.kind` on one message. Returns the violations as content errors
 * (code F01–F05 and the rule id), ordered by segment position (missing things last).
 */
export function runContentRules(set: RuleSet, ctx: RuleContext): ValidationError[] {
  const rules = set.byKind.get(ctx.kind);
  if (!rules || rules.length === 0) return [];
  let out: ValidationError[] | null = null;
  let current = rules[0]!;
  const report = (index: number | null, message: string, element?: number, component?: number): void => {
    const s = index === null ? undefined : ctx.segments[index];
    (out ??= []).push({
      code: current.code,
      rule: current.rule.id,
      segment: s?.tag ?? null,
      segmentPosition: s === undefined ? null : positionInMessage(ctx.segments, index!),
      element: element ?? null,
      component: component ?? null,
      offset: s?.offset ?? null,
      message,
    });
  };
  for (const bound of rules) {
    current = bound;
    bound.rule.check(ctx, report);
  }
  if (out === null) return [];
  const list: ValidationError[] = out;
  return list.sort((a, b) => (a.segmentPosition ?? Number.MAX_SAFE_INTEGER) - (b.segmentPosition ?? Number.MAX_SAFE_INTEGER));
}
