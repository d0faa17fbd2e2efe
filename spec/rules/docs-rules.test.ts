import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleList, RULE_LIST_MARKERS } from '../../src/rules/rules-markdown.js';
import { ruleTable } from '../../src/rules/rule-table.js';
import { deadlineRules } from '../../src/rules/deadlines.js';
import { expectGeneratedSection } from '../docs/generated-section.js';

const DOC = new URL('../../docs/rules.md', import.meta.url);

describe('docs/rules.md', () => {
  it('holds the rule list generated from the rules table (UPDATE_DOCS=1 rewrites it)', () => {
    expectGeneratedSection(DOC, RULE_LIST_MARKERS, renderRuleList);
  });

  it('names every rule id', () => {
    const text = readFileSync(DOC, 'utf8');
    for (const id of Object.keys(ruleTable)) expect(text, id).toContain(`\`${id}\``);
  });
});

describe('the rules table', () => {
  it('extends the deadline rules without copying them', () => {
    for (const [id, rule] of Object.entries(deadlineRules)) expect(ruleTable[id as keyof typeof ruleTable]).toBe(rule);
  });
  it('keys every rule by its own id, with a guide section and a text', () => {
    for (const [id, rule] of Object.entries(ruleTable)) {
      expect(rule.id).toBe(id);
      expect(id).toMatch(/^(deadline|accept|case|bonus|declaration)\.[a-z0-9-]+$/);
      expect(rule.guideSection).toMatch(/guide/);
      expect(rule.text.length).toBeGreaterThan(20);
    }
  });
});
