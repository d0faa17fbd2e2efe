/**
 * Renders the rules table as Markdown: the generated rule list of `docs/rules.md`, so the
 * documentation cannot drift from the code.
 *
 * @module
 */
import { ruleTable, type RuleDefinition } from './rule-table.js';

/** Marker lines around the generated part of `docs/rules.md`. */
export const RULE_LIST_MARKERS = {
  start: '<!-- rule-list:start — generated from src/rules/rule-table.ts; run `UPDATE_DOCS=1 npx vitest run spec/rules/docs-rules.test.ts` -->',
  end: '<!-- rule-list:end -->',
} as const;

const FAMILIES: ReadonlyArray<[prefix: string, title: string]> = [
  ['deadline.', 'Deadlines (`deadline.*`; the functions are in [rules-deadlines.md](rules-deadlines.md))'],
  ['accept.', 'Accept policy (`accept.*`)'],
  ['case.', 'Opsigelser cases (`case.*`)'],
  ['bonus.', 'Bonus history (`bonus.*`)'],
  ['declaration.', 'Panthaver declarations (`declaration.*`)'],
];

function renderRule(rule: RuleDefinition): string[] {
  const lines = [`#### \`${rule.id}\``, '', `*${rule.guideSection}*`, '', `Guide: ${rule.text}`];
  if (rule.interpretation !== undefined) lines.push('', `Our reading: ${rule.interpretation}`);
  return [...lines, ''];
}

/**
 * The Markdown list of every rule of `table` (default: the whole rules table), grouped by
 * family, each with its id, guide section, the guide's rule in English and our reading
 * where the guide is ambiguous — wrapped in {@link RULE_LIST_MARKERS}.
 */
export function renderRuleList(table: Readonly<Record<string, RuleDefinition>> = ruleTable): string {
  const rules = Object.values(table);
  const lines: string[] = [RULE_LIST_MARKERS.start, ''];
  for (const [prefix, title] of FAMILIES) {
    const family = rules.filter((r) => r.id.startsWith(prefix));
    if (family.length === 0) continue;
    lines.push(`### ${title}`, '');
    for (const rule of family) lines.push(...renderRule(rule));
  }
  const other = rules.filter((r) => !FAMILIES.some(([prefix]) => r.id.startsWith(prefix)));
  if (other.length > 0) {
    lines.push('### Other rules', '');
    for (const rule of other) lines.push(...renderRule(rule));
  }
  lines.push(RULE_LIST_MARKERS.end);
  return lines.join('\n');
}
