/**
 * Validation of one message: envelope and syntax errors from the lower layers, UNH message
 * identifier, structure against the segment table, element layouts and code lists (all
 * CONTRL errors), then — only when all of that holds — the content rules (12'er); and, whatever
 * the status, the warnings about party ids (CPR, CVR, VIR) that are reported but never rejected.
 */
import type { EdifactMessage, InterchangeHeader } from '../envelope/types.js';
import { checkSegment } from '../schema/check.js';
import { matchStructure } from '../schema/match.js';
import { STANDARD_LAYOUTS } from '../schema/segments.js';
import { EdifactSyntaxError } from '../syntax/errors.js';
import { positionInMessage, segmentAtPosition } from '../syntax/message-position.js';
import type { Segment } from '../syntax/segment.js';
import { DEFAULT_SERVICE_CHARS, type ServiceChars } from '../syntax/service-chars.js';
import { serialize } from '../syntax/writer.js';
import { compileLayout, isClean, layoutOfSegment, type CompiledLayout } from './compile/layout.js';
import type { CompiledProfile, ProfileLookup } from './compile/profile.js';
import type { FastMatch } from './compile/structure.js';
import { compareErrors, duplicateMessageError, errorAt, fromElementIssue, fromStructureIssue, fromSyntaxError } from './errors.js';
import { partyIdWarning, quotable, type PartyIdTypes } from './party-ids.js';
import { runContentRules } from './rules/index.js';
import type { MessageReport, ValidationError } from './types.js';

/** What a message is validated in. */
export interface MessageEnvironment {
  /** The interchange's UNB, or `null` outside an interchange. */
  header: InterchangeHeader | null;
  profiles: ProfileLookup;
  /** Keep the text of offending segments. */
  captureSegments: boolean;
  /** Builds the 12'er for a content-error message, or returns `null`. */
  reply: ((compiled: CompiledProfile, message: EdifactMessage, errors: ValidationError[]) => string | null) | null;
}

const SERVICE_LAYOUTS = new Map<string, CompiledLayout>(['UNH', 'UNT'].map((t) => [t, compileLayout(STANDARD_LAYOUTS[t]!, {})]));
const fast: FastMatch<CompiledLayout> = { groups: [], layouts: [] };

function push(list: ValidationError[] | null, e: ValidationError): ValidationError[] {
  if (list === null) return [e];
  list.push(e);
  return list;
}

/** UNH S009 against the profile's identifiers: 14 per differing component (none when one identifier matches). */
function checkIdentifier(message: EdifactMessage, compiled: CompiledProfile | undefined, errors: ValidationError[] | null): ValidationError[] | null {
  const h = message.header;
  const unh = message.segments[0]!;
  if (h.type === '') return errors;
  if (compiled === undefined) {
    return push(errors, errorAt('14', `UNH: message type ${JSON.stringify(h.type)} is not supported (no profile for it)`, unh, 1, 2, 1));
  }
  const ids = compiled.identifiers;
  for (const id of ids) if (id.version === h.version && id.release === h.release && id.agency === h.agency) return errors;
  const want = ids[0]!;
  const pairs: Array<[string, string, string, number]> = [
    ['version', h.version, want.version, 2],
    ['release', h.release, want.release, 3],
    ['controlling agency', h.agency, want.agency, 4],
  ];
  for (const [name, got, expected, component] of pairs) {
    if (got !== '' && got !== expected) {
      errors = push(errors, errorAt('14', `UNH: message ${name} ${JSON.stringify(got)} where profile ${compiled.id} expects ${JSON.stringify(expected)}`, unh, 1, 2, component));
    }
  }
  return errors;
}

/** Element checks of `segments[index]`; for UNH/UNT, 13s the envelope already reported are left out. */
function checkElements(
  segments: readonly Segment[],
  index: number,
  layout: CompiledLayout,
  compiled: CompiledProfile | undefined,
  envelope13: ReadonlySet<string> | null,
  errors: ValidationError[] | null,
): ValidationError[] | null {
  const s = segments[index]!;
  const own = layoutOfSegment(s, layout);
  if (isClean(s, own)) return errors;
  // Only a segment with issues needs its position in the message.
  const position = positionInMessage(segments, index);
  for (const issue of checkSegment(s, own.layout, { codeLists: compiled?.codeLists ?? {} })) {
    if (issue.code === '13' && envelope13?.has(`${s.offset}:${issue.element}`)) continue;
    errors = push(errors, fromElementIssue(issue, s, position));
  }
  return errors;
}

/**
 * Validates one message and returns its report. `duplicate`: the duplicate store has seen
 * this message reference in this interchange (26).
 */
export function validateMessage(message: EdifactMessage, env: MessageEnvironment, duplicate = false): MessageReport {
  const segments = message.segments;
  const start = message.position.segmentNumber;
  let errors: ValidationError[] | null = null;
  let envelope13: Set<string> | null = null;
  for (const e of message.errors) {
    const v = fromSyntaxError(e, start);
    if (v.code === '13' && v.element !== null) (envelope13 ??= new Set()).add(`${v.offset}:${v.element}`);
    errors = push(errors, v);
  }
  const unh = segments[0]!;
  if (duplicate) errors = push(errors, duplicateMessageError(message.header.reference, unh));
  const compiled = env.profiles.get(message.header.type);
  errors = checkIdentifier(message, compiled, errors);

  // Where the fast matcher could not place the message, `matchStructure`'s table positions
  // (null: a segment it did not place); else null, and the matcher gave every segment's layout.
  let positions: ReadonlyArray<string | null> | null = null;
  if (compiled !== undefined && !compiled.matcher.match(segments, fast)) {
    const hasUnt = segments[segments.length - 1]?.tag === 'UNT';
    const result = matchStructure(segments, compiled.structure);
    for (const issue of result.issues) {
      if (issue.code === '13' && issue.tag === 'UNT' && !hasUnt) continue;
      errors = push(errors, fromStructureIssue(issue, segments));
    }
    positions = result.matches.map((m) => m.position);
    fast.groups.length = segments.length;
    result.matches.forEach((m, i) => {
      const g = m.groupPath[m.groupPath.length - 1];
      fast.groups[i] = g === undefined ? null : (compiled.groupHeads.get(g.group) ?? null);
    });
  }

  // The matcher's layouts when it placed the whole message, else each segment's by its tag.
  const placedLayouts = compiled !== undefined && positions === null ? fast.layouts : null;
  // Party ids are checked for warnings in every NAD, whatever else the message breaks.
  const partyIds = compiled?.partyIds ?? null;
  let warnings: ValidationError[] | null = null;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (partyIds !== null && s.tag === 'NAD') {
      const w = partyIdWarning(partyIds, s, positionInMessage(segments, i));
      if (w !== null) warnings = push(warnings, w);
    }
    if (positions !== null && positions[i] === null) continue;
    const layout = (placedLayouts !== null ? placedLayouts[i] : compiled?.layouts.get(s.tag)) ?? SERVICE_LAYOUTS.get(s.tag);
    if (layout === undefined) continue;
    errors = checkElements(segments, i, layout, compiled, s.tag === 'UNH' || s.tag === 'UNT' ? envelope13 : null, errors);
  }

  const bgm = segments[1]?.tag === 'BGM' ? segments[1] : segments.find((s) => s.tag === 'BGM');
  const documentCode = bgm?.elements[0]?.[0] || null;
  const kind = documentCode === null ? null : (compiled?.kinds.get(documentCode) ?? null);
  let status: MessageReport['status'] = errors === null ? 'accepted' : 'rejected';
  let reply: string | null = null;
  if (errors === null && compiled?.rules && compiled.profile && kind !== null && documentCode !== null) {
    const content = runContentRules(compiled.rules, {
      profile: compiled.profile,
      kind,
      documentCode,
      segments,
      groups: fast.groups,
      header: env.header,
    });
    if (content.length > 0) {
      status = 'content-error';
      errors = content;
      reply = env.reply?.(compiled, message, content) ?? null;
    }
  } else if (errors !== null) {
    errors.sort(compareErrors);
  }

  const report: MessageReport = {
    index: message.index,
    reference: message.header.reference || null,
    kind,
    documentCode,
    status,
    errors: errors ?? [],
    warnings: warnings ?? [],
    reply,
    messageType: message.header.type || null,
    profileId: compiled?.id ?? null,
  };
  if (env.captureSegments && (errors !== null || warnings !== null)) {
    const shown = errors === null ? warnings! : warnings === null ? errors : [...errors, ...warnings];
    report.segmentText = segmentTexts(shown, segments, env.header?.serviceChars ?? DEFAULT_SERVICE_CHARS, partyIds);
  }
  return report;
}

/** The default service characters with a repetition separator: they can write any segment. */
const ANY_SEGMENT: ServiceChars = Object.freeze({ ...DEFAULT_SERVICE_CHARS, repetition: '*' });

/**
 * The text of each segment an error points at, by message position (none for a segment skipped
 * for its length, which is not held; a CPR masked, see {@link quotable}), under the interchange's
 * service characters — or, for a segment they cannot write (read after a UNA inside the
 * message changed them), under {@link ANY_SEGMENT}.
 */
export function segmentTexts(errors: readonly ValidationError[], segments: readonly Segment[], chars: ServiceChars, partyIds: PartyIdTypes | null = null): Record<number, string> {
  const out: Record<number, string> = {};
  for (const e of errors) {
    const p = e.segmentPosition;
    if (p === null || out[p] !== undefined) continue;
    // Positions count a segment skipped for its length (not held), as the sender does: look them up, not index.
    const held = segmentAtPosition(segments, p);
    if (!held) continue;
    const s = quotable(held, partyIds);
    try {
      out[p] = serialize([s], { serviceChars: chars, una: false });
    } catch (err) {
      if (!(err instanceof EdifactSyntaxError)) throw err;
      out[p] = serialize([s], { serviceChars: ANY_SEGMENT, una: false });
    }
  }
  return out;
}
