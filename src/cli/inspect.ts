import { readMessages } from '../envelope/read.js';
import type { InterchangeHeader } from '../envelope/types.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import { type CommandIo, ExitCode } from './io.js';

/** Describes one error for a person: its code, then its position and the rule broken. */
export function formatError(e: EdifactSyntaxError): string {
  return `error ${e.code}: ${e.message}`;
}

function describeHeader(h: InterchangeHeader): string {
  const party = (p: { id: string; qualifier: string | null }) => (p.qualifier ? `${p.id}:${p.qualifier}` : p.id);
  return [
    `interchange ${h.reference}`,
    `  syntax     ${h.syntaxId}:${h.syntaxVersion}${h.una ? ' (UNA present)' : ''}`,
    `  sender     ${party(h.sender)}`,
    `  recipient  ${party(h.recipient)}`,
    `  prepared   ${h.date} ${h.time}${h.testIndicator ? '  TEST' : ''}${h.ackRequested ? '  CONTRL requested' : ''}`,
  ].join('\n');
}

/**
 * `inspect`: streams the input and prints, per interchange, its header, each message's type and
 * BGM code, and every error with its position. Flat memory: one message at a time.
 */
export async function inspectCommand(source: AsyncIterable<Uint8Array>, io: CommandIo, describeKind: (type: string, code: string) => string | null): Promise<number> {
  let errorCount = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) io.stdout(`${out.join('\n')}\n`);
    out.length = 0;
  };
  for await (const event of readMessages(source, { errors: 'collect' })) {
    if (event.type === 'interchange') {
      out.push(describeHeader(event.header));
    } else if (event.type === 'message') {
      const m = event.message;
      const bgm = m.segments.find((s) => s.tag === 'BGM');
      const code = bgm?.elements[0]?.[0] ?? '';
      const kind = code ? describeKind(m.header.type, code) : null;
      const id = `${m.header.type}:${m.header.version}:${m.header.release}:${m.header.agency}`;
      const status = m.errors.length ? `${m.errors.length} error(s)` : 'ok';
      out.push(`  message ${m.index}  ref ${m.header.reference}  ${id}  BGM ${code || '-'}${kind ? ` (${kind})` : ''}  ${m.segments.length} segments  ${status}`);
      for (const e of m.errors) out.push(`    ${formatError(e)}`);
      errorCount += m.errors.length;
    } else if (event.type === 'end') {
      const s = event.summary;
      if (!s.header) out.push('segments outside any interchange');
      out.push(`  ${s.messageCount} message(s)${s.groupCount ? ` in ${s.groupCount} group(s)` : ''}`);
      for (const e of s.errors) out.push(`  ${formatError(e)}`);
      errorCount += s.errors.length;
      out.push('');
    }
    if (out.length > 200) flush();
  }
  out.push(errorCount ? `${errorCount} error(s)` : 'no errors');
  flush();
  return errorCount ? ExitCode.inputErrors : ExitCode.ok;
}
