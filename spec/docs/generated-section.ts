/** Sections of the docs that are generated from the code, and the check that keeps them so. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Marker lines around a generated section. */
export interface SectionMarkers {
  start: string;
  end: string;
}

/** The section of `text` from its start marker to its end marker (both included), or `undefined`. */
function sectionOf(text: string, markers: SectionMarkers): string | undefined {
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  return start < 0 || end < start ? undefined : text.slice(start, end + markers.end.length);
}

/**
 * Expects the section of the page `doc` between `markers` to be what `render` gives; with
 * `UPDATE_DOCS=1` in the environment it first rewrites the section.
 */
export function expectGeneratedSection(doc: URL, markers: SectionMarkers, render: () => string): void {
  let text = readFileSync(doc, 'utf8');
  const current = sectionOf(text, markers);
  expect(current, `${doc.pathname} needs the markers ${markers.start} … ${markers.end}`).toBeDefined();
  if (process.env.UPDATE_DOCS === '1' && current !== undefined) {
    // A function, so that `$` in the rendered text is not read as a replacement pattern.
    text = text.replace(current, () => render());
    writeFileSync(doc, text);
  }
  expect(sectionOf(text, markers)).toBe(render());
}
