/**
 * `fp-edifact audit <files…> --today YYYY-MM-DD [--json]`: reads interchanges of both
 * exchanges, replays every opsigelser case and panthaver declaration through the rules layer,
 * and reports per case its state, the rules broken and what is due on `today`.
 *
 * @module
 */
import { parseInterchanges } from '../envelope/read.js';
import { placeMessageError } from '../messages/decode-json.js';
import { decodeMessage } from '../messages/decode.js';
import { assertIsoDate } from '../rules/dates.js';
import type { Due, Violation } from '../rules/explanation.js';
import { replayMessages, type CaseReport, type ReplayMessage } from '../rules/replay.js';
import type { GuideProfile } from '../schema/profile.js';
import { profileForMessageType } from '../schema/access.js';
import { defaultProfiles } from '../schema/profiles/index.js';
import { describeErrorPosition } from '../validate/format/text.js';

/** Options of {@link auditCommand}. */
export interface AuditOptions {
  /** The day "what is due" is computed for, `YYYY-MM-DD`. */
  today: string;
  /** One JSON object instead of text. */
  json: boolean;
  /** Guide profiles to decode with, chosen by the UNH message type; default the shipped opsigelser and panthaver profiles. */
  profiles?: readonly GuideProfile[];
}

/** A message or file that could not be read into a typed message. */
export interface AuditProblem {
  /** File name and, when known, the message position (`batch.edi #2`). */
  source: string;
  /**
   * What is wrong and where: `syntax error 13: byte 359, segment 14 (UNT), …` for the envelope's
   * errors, `error 14: segment 2 (BGM), element 1:1, byte 67: …` for a message that cannot be
   * decoded (its code, position in the message, element:component and byte offset, as known).
   */
  problem: string;
}

/** The JSON output of {@link auditCommand}. */
export interface AuditReport {
  today: string;
  cases: Array<{ key: string; exchange: 'opsigelser' | 'panthaver'; state: string; violations: Violation[]; due: Due[] }>;
  /** Input that could not be decoded (syntax or content errors); replayed without those messages. */
  problems: AuditProblem[];
}

/** Parses and decodes every file; collects the typed messages and the problems. */
function readFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, profiles: readonly GuideProfile[]): { messages: ReplayMessage[]; problems: AuditProblem[] } {
  const messages: ReplayMessage[] = [];
  const problems: AuditProblem[] = [];
  for (const file of files) {
    const parsed = parseInterchanges(file.bytes, { errors: 'collect' });
    for (const interchange of parsed.interchanges) {
      for (const error of interchange.errors) problems.push({ source: file.name, problem: `syntax error ${error.code}: ${error.message}` });
      for (const m of interchange.messages) {
        const source = `${file.name} #${m.index}${parsed.interchanges.length > 1 ? ` (interchange ${interchange.header?.reference ?? '?'})` : ''}`;
        for (const error of m.errors) problems.push({ source, problem: `syntax error ${error.code}: ${error.message}` });
        const profile = profileForMessageType(profiles, m.header.type);
        if (profile === undefined) {
          problems.push({ source, problem: `no guide profile for message type ${JSON.stringify(m.header.type)}` });
          continue;
        }
        const decoded = decodeMessage(m, profile);
        if (decoded.ok) messages.push({ message: decoded.value, source });
        else for (const e of decoded.errors) problems.push({ source, problem: `error ${e.code}: ${describeErrorPosition(placeMessageError(m, e), 'message')}: ${e.reason}` });
      }
    }
    if (parsed.interchanges.length === 0) problems.push({ source: file.name, problem: 'no interchange found' });
  }
  return { messages, problems };
}

function describeViolation(v: Violation): string[] {
  const where = [`${v.messageKind} of ${v.messageDate}`, v.source].filter((s) => s !== undefined).join(', ');
  return [`  VIOLATION ${v.rule} (${where}): ${v.explanation}`, `    ${v.guideSection}`];
}

function describeDue(d: Due): string {
  const when = [d.from !== undefined ? `from ${d.from}` : undefined, d.by !== undefined ? `by ${d.by}` : undefined].filter((s) => s !== undefined).join(' ');
  return `  DUE ${d.action} (${d.party})${when ? ` ${when}` : ''}${d.overdue ? ' OVERDUE' : ''}: ${d.explanation}`;
}

function describeCase(c: CaseReport): string[] {
  const counts = `${c.messages} message(s)${c.ignored > 0 ? `, ${c.ignored} duplicate(s) ignored` : ''}`;
  const lines = [`${c.exchange} ${c.key}: ${c.state} (${counts})`];
  for (const v of c.violations) lines.push(...describeViolation(v));
  for (const d of c.due) lines.push(describeDue(d));
  if (c.violations.length === 0 && c.due.length === 0) lines.push('  no violations, nothing due');
  return lines;
}

function textReport(today: string, cases: CaseReport[], problems: AuditProblem[]): string {
  const broken = cases.filter((c) => c.violations.length > 0);
  const violations = broken.reduce((n, c) => n + c.violations.length, 0);
  const lines = [`audit on ${today}: ${cases.length} case(s)`, ''];
  for (const c of cases) lines.push(...describeCase(c), '');
  if (problems.length > 0) {
    lines.push(`problems (${problems.length}):`);
    for (const p of problems) lines.push(`  ${p.source}: ${p.problem}`);
    lines.push('');
  }
  lines.push(
    violations === 0 && problems.length === 0
      ? 'result: no rule broken'
      : `result: ${violations} violation(s) in ${broken.length} case(s)${problems.length > 0 ? `, ${problems.length} input problem(s)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Audits interchanges: parses every file (errors collected), decodes each message with the
 * profile of its UNH message type, orders the messages by message date (DTM 137) and then by
 * file order, groups opsigelser by cancellation reference and panthaver by declaration number,
 * replays them through the case machines and reports each case's state, violations and what is
 * due on `today`. Exit code 1 when any rule is broken or any message could not be read, else 0.
 *
 * @throws RangeError when `options.today` is not a real `YYYY-MM-DD` date
 */
export function auditCommand(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, options: AuditOptions): { output: string; exitCode: 0 | 1 } {
  const today = assertIsoDate(options.today, 'today');
  const profiles = options.profiles ?? defaultProfiles();
  const { messages, problems } = readFiles(files, profiles);
  // The profiles the messages were decoded with (the first of each UNH type) judge them too:
  // the opsigelser one the cases, the panthaver one the declarations (its declaration types).
  const byType: Record<string, GuideProfile> = {};
  for (const p of profiles) byType[p.messageIdentifier.type.value] ??= p;
  const cases = replayMessages(messages, { today, profile: byType });
  const exitCode = cases.some((c) => c.violations.length > 0) || problems.length > 0 ? 1 : 0;
  if (options.json) {
    const report: AuditReport = {
      today,
      cases: cases.map(({ key, exchange, state, violations, due }) => ({ key, exchange, state, violations, due })),
      problems,
    };
    return { output: `${JSON.stringify(report, null, 2)}\n`, exitCode };
  }
  return { output: textReport(today, cases, problems), exitCode };
}
