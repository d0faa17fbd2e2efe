/** A readable per-message summary of validation results (`fp-edifact validate --format text`). */
import type { InterchangeHeader } from '../../envelope/types.js';
import type { InterchangeOutcome, MessageReport, ValidationError } from '../types.js';
import { escapeControls } from '../../syntax/shown.js';

/** Whose error it is: where an error without a segment, element or byte sits. */
export type ErrorScope = 'message' | 'interchange';

/** `segment 5 (DTM), element 1:2, byte 123` — where an error is; its scope when nothing narrower is known. */
export function describeErrorPosition(e: Pick<ValidationError, 'segment' | 'segmentPosition' | 'element' | 'component' | 'offset'>, scope: ErrorScope): string {
  const parts: string[] = [];
  if (e.segmentPosition !== null) parts.push(`segment ${e.segmentPosition}${e.segment ? ` (${e.segment})` : ''}`);
  else if (e.segment) parts.push(`segment ${e.segment}`);
  if (e.element !== null) parts.push(`element ${e.element}${e.component !== null ? `:${e.component}` : ''}`);
  if (e.offset !== null) parts.push(`byte ${e.offset}`);
  return parts.join(', ') || scope;
}

/** `label`: what leads the line — the error's code, or `warning`. */
function errorLines(e: ValidationError, scope: ErrorScope, indent: string, segmentText?: string, label = e.code.padEnd(3)): string[] {
  const rule = e.rule ? ` [rule ${e.rule}]` : '';
  const lines = [`${indent}${label} ${describeErrorPosition(e, scope)}: ${e.message}${rule}`];
  // The segment as read: its control characters (a junk tag's terminal escapes) are escaped.
  if (segmentText !== undefined) lines.push(`${indent}    > ${escapeControls(segmentText)}`);
  return lines;
}

/** The heading of an interchange. */
export function formatTextInterchangeStart(position: number, header: InterchangeHeader | null): string {
  if (header === null) return `interchange #${position + 1}: segments outside any interchange (no UNB)\n`;
  return `interchange #${position + 1} ${header.reference}  ${header.syntaxId}:${header.syntaxVersion}  from ${header.sender.id} to ${header.recipient.id}\n`;
}

/** One message: a summary line, its errors with positions and the rule broken, then its warnings. */
export function formatTextMessage(m: MessageReport): string {
  const kind = m.documentCode ? `BGM ${m.documentCode}${m.kind ? ` (${m.kind})` : ''}` : 'no BGM';
  const lines = [`  message ${m.index}  ref ${m.reference ?? '-'}  ${m.messageType ?? '?'}  ${kind}  ${m.status}`];
  const text = (e: ValidationError) => (e.segmentPosition !== null ? m.segmentText?.[e.segmentPosition] : undefined);
  for (const e of m.errors) lines.push(...errorLines(e, 'message', '    ', text(e)));
  for (const w of m.warnings) lines.push(...errorLines(w, 'message', '    ', text(w), 'warning'));
  if (m.reply) lines.push(`    12'er: ${m.reply}`);
  return `${lines.join('\n')}\n`;
}

/** The end of an interchange: its own errors, the verdict and the CONTRL. */
export function formatTextInterchangeEnd(o: InterchangeOutcome): string {
  const lines: string[] = [];
  for (const e of o.errors) lines.push(...errorLines(e, 'interchange', '  '));
  const c = o.counts;
  lines.push(
    `  ${o.interchange.messageCount} message(s): ${c.accepted} accepted, ${c.rejected} rejected, ${c['content-error']} with content errors`,
    `  ${o.accepted ? 'ACCEPTED (CONTRL UCI 7)' : 'REJECTED (CONTRL UCI 4)'}`,
    `  CONTRL: ${o.contrl || '(none: no UNB to answer)'}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
