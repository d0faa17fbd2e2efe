/**
 * Renders `listAssumptions` of profiles as Markdown: the generated section of
 * `docs/profiles.md`, so the documented assumption list cannot drift from the profile data.
 * The CLI can print the same text.
 */
import { listAssumptions } from './patch.js';
import type { GuideProfile } from './profile.js';

/** Marker lines around the generated part of `docs/profiles.md`. */
export const ASSUMPTIONS_MARKERS = {
  start: '<!-- assumptions:start -->',
  end: '<!-- assumptions:end -->',
} as const;

/** A table cell: pipes escaped, line breaks folded to spaces. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A value as inline code: strings as `code`, arrays as a list of them, anything else as JSON. */
function code(value: unknown): string {
  if (Array.isArray(value)) return value.map(code).join(', ');
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/**
 * One Markdown table per profile (`path | value | source`) of every value the profile marks as
 * our assumption, in `listAssumptions` order, wrapped in {@link ASSUMPTIONS_MARKERS}. An item
 * without a value of its own (e.g. the whole `structure`) shows `—`.
 */
export function assumptionsMarkdown(profiles: readonly GuideProfile[]): string {
  const lines: string[] = [ASSUMPTIONS_MARKERS.start, ''];
  for (const profile of profiles) {
    const list = listAssumptions(profile);
    lines.push(`### \`${profile.id}\``, '', `${list.length} values are our assumptions.`, '', '| path | value | source |', '|---|---|---|');
    for (const a of list) lines.push(`| ${cell(code(a.path))} | ${a.value === a.path ? '—' : cell(code(a.value))} | ${cell(a.source)} |`);
    lines.push('');
  }
  lines.push(ASSUMPTIONS_MARKERS.end);
  return lines.join('\n');
}
