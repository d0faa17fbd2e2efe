/**
 * Interchange-level checks: UNB/UNZ/UNG/UNE element layouts, the syntax identifier the
 * profiles accept (2), the UNB date and time, our own VIR as recipient (7), known senders
 * (23) and duplicates (26).
 */
import type { InterchangeHeader } from '../envelope/types.js';
import { checkSegment } from '../schema/check.js';
import { STANDARD_LAYOUTS } from '../schema/segments.js';
import type { EdifactSyntaxError } from '../syntax/errors.js';
import { isTimeOfDay } from '../syntax/calendar-date.js';
import { charsetFor, needsSyntaxVersion4 } from '../syntax/charsets.js';
import type { Segment } from '../syntax/segment.js';
import { compileLayout, isClean, type CompiledLayout } from './compile/layout.js';
import type { DuplicateStore } from './duplicates.js';
import { errorAt, fromElementIssue } from './errors.js';
import { dayNumber } from './rules/helpers.js';
import type { ValidationError } from './types.js';

const LAYOUTS = new Map<string, CompiledLayout>(['UNB', 'UNZ', 'UNG', 'UNE'].map((t) => [t, compileLayout(STANDARD_LAYOUTS[t]!, {})]));

/**
 * Element-layout errors of an interchange service segment (UNB, UNZ, UNG, UNE). Missing
 * elements the envelope layer already reported (`envelope`, code 13 at the same segment and
 * element) are left out.
 */
export function checkServiceSegment(s: Segment, envelope: readonly EdifactSyntaxError[] = []): ValidationError[] {
  return withoutReportedMissing(serviceLayoutErrors(s), envelope);
}

/** Every element-layout error of an interchange service segment, those the envelope reports too included. */
export function serviceLayoutErrors(s: Segment): ValidationError[] {
  const layout = LAYOUTS.get(s.tag);
  if (layout === undefined || isClean(s, layout)) return [];
  return checkSegment(s, layout.layout).map((issue) => fromElementIssue(issue, s, null));
}

/** `errors` of {@link serviceLayoutErrors} without the missing elements the envelope reported (`envelope`, 13 at the same offset and element). */
export function withoutReportedMissing(errors: ValidationError[], envelope: readonly EdifactSyntaxError[]): ValidationError[] {
  if (!errors.some((e) => e.code === '13')) return errors;
  const reported = new Set<string>();
  for (const e of envelope) if (e.code === '13' && e.offset !== undefined && e.element !== undefined) reported.add(`${e.offset}:${e.element}`);
  return errors.filter((e) => e.code !== '13' || !reported.has(`${e.offset}:${e.element}`));
}

/** Options of {@link checkHeader}. */
export interface HeaderCheckOptions {
  /** Syntax identifiers the profiles accept, or `null` for any the tokenizer reads. */
  acceptedSyntaxIds: ReadonlySet<string> | null;
  ownVir?: string | undefined;
  knownSender?: ((sender: string) => boolean) | undefined;
  duplicates: DuplicateStore;
}

/** UNB date (S004 0017) and time (0019) for the syntax version. */
function checkDateTime(h: InterchangeHeader, unb: Segment): ValidationError[] {
  const out: ValidationError[] = [];
  const four = h.syntaxVersion === '4';
  const want = four ? 8 : 6;
  if (/^\d+$/.test(h.date) && h.date.length !== want) {
    out.push(errorAt(h.date.length > want ? '39' : '40', `UNB date ${JSON.stringify(h.date)}: syntax version ${h.syntaxVersion} writes ${four ? 'CCYYMMDD' : 'YYMMDD'}`, unb, null, 4, 1));
  } else if (/^\d+$/.test(h.date) && dayNumber(four ? h.date : `20${h.date}`) === null) {
    out.push(errorAt('12', `UNB date ${JSON.stringify(h.date)} is not a real date`, unb, null, 4, 1));
  }
  if (/^\d{4}$/.test(h.time) && !isTimeOfDay(h.time)) out.push(errorAt('12', `UNB time ${JSON.stringify(h.time)} is not a time of day (HHMM)`, unb, null, 4, 2));
  return out;
}

/** The checks of a UNB header that need options or state; the duplicate store may be async. */
export async function checkHeader(h: InterchangeHeader, unb: Segment | null, options: HeaderCheckOptions): Promise<ValidationError[]> {
  const at = unb ?? { tag: 'UNB', offset: h.position.offset };
  const out: ValidationError[] = [];
  // An identifier the tokenizer cannot read at all is already its syntax error 2.
  if (options.acceptedSyntaxIds && charsetFor(h.syntaxId) !== undefined && !options.acceptedSyntaxIds.has(h.syntaxId)) {
    out.push(errorAt('2', `syntax identifier ${h.syntaxId} is not accepted (accepted: ${[...options.acceptedSyntaxIds].join(', ')})`, at, null, 1, 1));
  } else if (needsSyntaxVersion4(h.syntaxId) && /^[1-3]$/.test(h.syntaxVersion)) {
    out.push(errorAt('2', `syntax identifier ${h.syntaxId} needs syntax version 4, not ${h.syntaxVersion}`, at, null, 1, 2));
  }
  if (unb) out.push(...checkDateTime(h, unb));
  if (options.ownVir !== undefined && h.recipient.id !== '' && h.recipient.id !== options.ownVir) {
    out.push(errorAt('7', `the interchange is addressed to ${JSON.stringify(h.recipient.id)}, not to us (${options.ownVir})`, at, null, 3, 1));
  }
  if (options.knownSender && h.sender.id !== '' && !options.knownSender(h.sender.id)) {
    out.push(errorAt('23', `interchange sender ${JSON.stringify(h.sender.id)} is not known`, at, null, 2, 1));
  }
  if (h.sender.id !== '' && h.reference !== '' && (await options.duplicates.seenInterchange(h.sender.id, h.reference))) {
    out.push(errorAt('26', `interchange ${JSON.stringify(h.reference)} from ${JSON.stringify(h.sender.id)} was received before`, at, null, 5, null));
  }
  return out;
}
