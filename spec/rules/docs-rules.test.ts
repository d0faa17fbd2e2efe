import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleList, RULE_LIST_MARKERS } from '../../src/rules/rules-markdown.js';
import { ruleTable } from '../../src/rules/rule-table.js';
import { deadlineRules } from '../../src/rules/deadlines.js';

const DOC = new URL('../../docs/rules.md', import.meta.url);

function generatedPart(text: string): string | undefined {
  const start = text.indexOf(RULE_LIST_MARKERS.start);
  const end = text.indexOf(RULE_LIST_MARKERS.end);
  return start < 0 || end < start ? undefined : text.slice(start, end + RULE_LIST_MARKERS.end.length);
}

describe('docs/rules.md', () => {
  it('holds the rule list generated from the rules table (UPDATE_DOCS=1 rewrites it)', () => {
    let text = readFileSync(DOC, 'utf8');
    const current = generatedPart(text);
    expect(current, 'docs/rules.md needs the rule-list markers').toBeDefined();
    if (process.env.UPDATE_DOCS === '1' && current !== undefined) {
      text = text.replace(current, renderRuleList());
      writeFileSync(DOC, text);
    }
    expect(generatedPart(text)).toBe(renderRuleList());
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
