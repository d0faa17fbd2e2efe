import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_MARKERS, assumptionsMarkdown } from '../../src/schema/assumptions-markdown.js';
import { listAssumptions } from '../../src/schema/patch.js';
import { opsigelser55, panthaver52 } from '../../src/schema/profiles/index.js';
import { expectGeneratedSection } from '../docs/generated-section.js';

const DOC = new URL('../../docs/profiles.md', import.meta.url);
const SHIPPED = [opsigelser55, panthaver52];

describe('docs/profiles.md', () => {
  it('holds the assumption list generated from the shipped profiles (UPDATE_DOCS=1 rewrites it)', () => {
    expectGeneratedSection(DOC, ASSUMPTIONS_MARKERS, () => assumptionsMarkdown(SHIPPED));
  });

  it('puts the list under "Assumptions in the shipped profiles"', () => {
    const text = readFileSync(DOC, 'utf8');
    const heading = text.indexOf('## Assumptions in the shipped profiles');
    expect(heading).toBeGreaterThan(-1);
    expect(text.indexOf(ASSUMPTIONS_MARKERS.start)).toBeGreaterThan(heading);
  });
});

describe('assumptionsMarkdown', () => {
  it('has one table row per assumption of each profile, with path, value and source', () => {
    const md = assumptionsMarkdown(SHIPPED);
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBe(SHIPPED.reduce((n, p) => n + listAssumptions(p).length, 0));
    expect(md).toContain('| `qualifiers.RFF.policyNumber` | `POL` | default-profile.md (A) |');
    expect(md).toContain('| `interchange.acceptedSyntaxIds` | `UNOA`, `UNOB`, `UNOC`, `UNOY` |');
    for (const p of SHIPPED) expect(md).toContain(`### \`${p.id}\``);
  });
  it('escapes table pipes and line breaks in values and sources', () => {
    const md = assumptionsMarkdown([{ ...opsigelser55, id: 'x', interchange: { ...opsigelser55.interchange, syntaxId: { value: 'A|B', assumption: true, source: 'two\nlines | here' } } }]);
    expect(md).toContain('| `interchange.syntaxId` | `A\\|B` | two lines \\| here |');
  });
});
