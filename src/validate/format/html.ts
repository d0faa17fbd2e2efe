/**
 * A self-contained HTML report (`fp-edifact validate --format html --out report.html`): one
 * table per interchange, one row per message, errors highlighted with the offending segment
 * shown, then warnings. Everything from the input is HTML-escaped; the page loads nothing.
 */
import type { InterchangeHeader } from '../../envelope/types.js';
import type { InterchangeOutcome, MessageReport, ValidationError } from '../types.js';
import { describeErrorPosition, type ErrorScope } from './text.js';

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0 2em}
th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
tr.rejected td{background:#fde8e8}
tr.content-error td{background:#fff4d6}
.err{color:#a00;font-weight:600}
.warn{color:#8a5a00;font-weight:600}
.ok{color:#070;font-weight:600}
code,pre{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;word-break:break-all}
pre{background:#f7f7f7;padding:6px;margin:4px 0}`;

/** One error (led by its code) or, with `warning`, one warning. */
function errorHtml(e: ValidationError, scope: ErrorScope, segmentText: string | undefined, warning = false): string {
  const rule = e.rule ? ` <em>rule ${escapeHtml(e.rule)}</em>` : '';
  const seg = segmentText === undefined ? '' : `<pre>${escapeHtml(segmentText)}</pre>`;
  const label = warning ? '<span class="warn">warning</span>' : `<span class="err">${escapeHtml(e.code)}</span>`;
  return `<div>${label} ${escapeHtml(describeErrorPosition(e, scope))}: ${escapeHtml(e.message)}${rule}${seg}</div>`;
}

/** Collects the report page as results arrive; `toString()` gives the whole document. */
export class HtmlReport {
  private parts: string[] = [];

  constructor(title = 'fp-edifact validation report') {
    this.parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>`);
  }

  /** Opens an interchange's section and table. */
  start(position: number, header: InterchangeHeader | null): void {
    const what = header
      ? `Interchange ${escapeHtml(header.reference)} — ${escapeHtml(header.syntaxId)}:${escapeHtml(header.syntaxVersion)} from ${escapeHtml(header.sender.id)} to ${escapeHtml(header.recipient.id)}`
      : 'Segments outside any interchange';
    this.parts.push(`<section><h2>#${position + 1} ${what}</h2><table><thead><tr><th>#</th><th>ref</th><th>type</th><th>BGM</th><th>kind</th><th>status</th><th>errors and warnings</th></tr></thead><tbody>`);
  }

  /** One message row. */
  message(m: MessageReport): void {
    const text = (e: ValidationError) => (e.segmentPosition !== null ? m.segmentText?.[e.segmentPosition] : undefined);
    const errors = m.errors.map((e) => errorHtml(e, 'message', text(e))).join('') + m.warnings.map((w) => errorHtml(w, 'message', text(w), true)).join('');
    const reply = m.reply ? `<details><summary>12'er</summary><pre>${escapeHtml(m.reply)}</pre></details>` : '';
    const cell = (v: string | number | null) => `<td>${escapeHtml(String(v ?? ''))}</td>`;
    this.parts.push(
      `<tr class="${m.status}">${cell(m.index)}${cell(m.reference)}${cell(m.messageType)}${cell(m.documentCode)}${cell(m.kind)}<td class="${m.status === 'accepted' ? 'ok' : 'err'}">${m.status}</td><td>${errors}${reply}</td></tr>`,
    );
  }

  /** Closes the table with the interchange's verdict, own errors and CONTRL. */
  end(o: InterchangeOutcome): void {
    const errors = o.errors.map((e) => errorHtml(e, 'interchange', undefined)).join('');
    const verdict = o.accepted ? '<span class="ok">accepted (CONTRL UCI 7)</span>' : '<span class="err">rejected (CONTRL UCI 4)</span>';
    const c = o.counts;
    this.parts.push(
      `</tbody></table><p>${verdict} — ${o.interchange.messageCount} message(s): ${c.accepted} accepted, ${c.rejected} rejected, ${c['content-error']} with content errors</p>${errors}<details><summary>CONTRL</summary><pre>${escapeHtml(o.contrl || '(none: no UNB to answer)')}</pre></details></section>`,
    );
  }

  /** The complete HTML document. */
  toString(): string {
    return `${this.parts.join('')}</body></html>\n`;
  }
}
