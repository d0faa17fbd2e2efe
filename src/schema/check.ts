/**
 * Element-level check of one segment against its layout: missing mandatory elements and
 * components (13), data where the guide uses none (15, status `N`), too many elements,
 * components or repetitions (16), format errors
 * (37, 39, 40, 19 via `checkFormat`) and values outside a bound code list (12).
 *
 * Conventions:
 * - an element or component that is empty (`''`) is absent;
 * - trailing *empty* elements or components beyond the layout are tolerated (ISO 9735 says
 *   they should be suppressed, but real senders leave separators); extra ones holding data are 16;
 * - a composite that is entirely absent reports 13 once (component `null`) when mandatory and
 *   nothing for its components; a present composite reports each missing mandatory component;
 * - a code-list check is skipped when none of the bound lists is given in `options.codeLists`.
 */
import type { Segment } from '../syntax/segment.js';
import { checkFormat } from '../syntax/formats.js';
import { describeValue } from '../syntax/options.js';
import { assertSegmentShape } from './segment-shape.js';
import type { ComponentLayout, ElementLayout, SegmentLayout } from './segments.js';

/** An element-level problem in one segment. */
export interface ElementIssue {
  /** ISO 9735 0085: 13 missing, 15 in a position the guide does not use, 16 too many constituents, 12 invalid value, 37/39/40/19 format. */
  code: '13' | '15' | '16' | '12' | '37' | '39' | '40' | '19';
  /** 1-based data element position (the tag is element 0). */
  element: number;
  /** 1-based component position, or `null` for the element as a whole. */
  component: number | null;
  /** 1-based repetition (syntax 4), present only when the element repeated. */
  occurrence?: number;
  /** Plain-English explanation. */
  reason: string;
}

/** A code list as `checkSegment` needs it: a profile code list (`{ codes }`) or a plain list of codes. */
export type CodeListLike =
  | {
      /** The codes as keys (a profile code list's code → entry); only the keys are read. */
      codes: Readonly<Record<string, unknown>>;
    }
  | readonly string[];

/** Options of {@link checkSegment}. */
export interface CheckSegmentOptions {
  /** Code lists by name, e.g. from `profileCodeLists(profile)`. */
  codeLists?: Readonly<Record<string, CodeListLike>> | undefined;
}

/** Every code of a list, whichever form it has (an array of codes, or a list with a `codes` table). */
export function listCodes(list: CodeListLike): readonly string[] {
  return isCodeArray(list) ? list : Object.keys(list.codes);
}

function inList(list: CodeListLike, value: string): boolean {
  return isCodeArray(list) ? list.includes(value) : Object.hasOwn(list.codes, value);
}

/** Which form a code list has (`Array.isArray` does not narrow a readonly array type). */
function isCodeArray(list: CodeListLike): list is readonly string[] {
  return Array.isArray(list);
}

/** The code-list issue for a value, or `null` (also when no bound list is available). */
function codeListIssue(value: string, names: readonly string[] | undefined, options: CheckSegmentOptions): string | null {
  if (!names || names.length === 0 || value === '') return null;
  const lists = options.codeLists ?? {};
  const present = names.filter((n) => Object.hasOwn(lists, n));
  if (present.length === 0) return null;
  if (present.some((n) => inList(lists[n]!, value))) return null;
  return `value "${value}" is not in code list ${present.join(' / ')}`;
}

type Push = (issue: Omit<ElementIssue, 'element' | 'occurrence'>) => void;

function checkValue(value: string, def: ElementLayout | ComponentLayout, component: number | null, options: CheckSegmentOptions, push: Push): void {
  const f = checkFormat(value, def.format!);
  if (f) {
    push({ code: f.code, component, reason: `${def.id} ${def.name}: ${f.reason}` });
    return;
  }
  const bad = codeListIssue(value, def.codeLists, options);
  if (bad) push({ code: '12', component, reason: `${def.id} ${def.name}: ${bad}` });
}

function checkElement(value: readonly string[], def: ElementLayout, options: CheckSegmentOptions, push: Push): void {
  const present = value.some((v) => v !== '');
  if (!present) {
    if (def.status === 'M') push({ code: '13', component: null, reason: `mandatory ${def.components ? 'composite' : 'element'} ${def.id} ${def.name} is missing` });
    return;
  }
  if (def.status === 'N') {
    push({ code: '15', component: null, reason: `${def.id} ${def.name} is not used in this guide` });
    return;
  }
  if (!def.components) {
    for (let k = 1; k < value.length; k++) {
      if (value[k] !== '') {
        push({ code: '16', component: k + 1, reason: `${def.id} ${def.name} is a simple element but has ${value.length} components` });
        break;
      }
    }
    checkValue(value[0] ?? '', def, null, options, push);
    return;
  }
  def.components.forEach((comp, k) => {
    const v = value[k] ?? '';
    if (v === '') {
      if (comp.status === 'M') push({ code: '13', component: k + 1, reason: `mandatory component ${comp.id} ${comp.name} of ${def.id} is missing` });
      return;
    }
    if (comp.status === 'N') {
      push({ code: '15', component: k + 1, reason: `component ${comp.id} ${comp.name} of ${def.id} is not used in this guide` });
      return;
    }
    checkValue(v, comp, k + 1, options, push);
  });
  for (let k = def.components.length; k < value.length; k++) {
    if (value[k] !== '') {
      push({ code: '16', component: k + 1, reason: `${def.id} ${def.name} has at most ${def.components.length} components` });
      break;
    }
  }
}

/**
 * Check one segment against its layout. Never throws on bad data.
 * @param segment the segment (`elements` after the tag; syntax-4 `repeats` honoured)
 * @param layout its layout
 * @param options code lists for code-list checks (12)
 * @returns the issues, in element order; empty when the segment is fine
 */
export function checkSegment(
  segment: Pick<Segment, 'tag' | 'elements' | 'repeats'>,
  layout: SegmentLayout,
  options: CheckSegmentOptions = {},
): ElementIssue[] {
  assertSegmentShape('checkSegment', segment);
  if (typeof layout !== 'object' || layout === null || !Array.isArray(layout.elements)) {
    throw new TypeError(`fp-edifact: checkSegment: layout must be a segment layout { tag, elements } (layoutFor gives undefined for a tag the profile has no layout for), got ${describeValue(layout)}`);
  }
  if (typeof options !== 'object' || options === null) throw new TypeError(`fp-edifact: checkSegment: options must be an object, got ${describeValue(options)}`);
  const issues: ElementIssue[] = [];
  layout.elements.forEach((def, i) => {
    const occurrences = segment.repeats?.[i] ?? [segment.elements[i] ?? []];
    const max = def.repeat ?? 1;
    if (occurrences.length > max) {
      issues.push({ code: '16', element: i + 1, component: null, reason: `${def.id} ${def.name} repeats ${occurrences.length} times; at most ${max} allowed` });
    }
    occurrences.forEach((value, r) => {
      const push: Push = (x) => issues.push({ ...x, element: i + 1, ...(occurrences.length > 1 ? { occurrence: r + 1 } : {}) });
      checkElement(value, def, options, push);
    });
  });
  for (let i = layout.elements.length; i < segment.elements.length; i++) {
    if (segment.elements[i]!.some((v) => v !== '')) {
      issues.push({ code: '16', element: i + 1, component: null, reason: `segment ${layout.tag} has at most ${layout.elements.length} data elements` });
      break;
    }
  }
  return issues;
}
