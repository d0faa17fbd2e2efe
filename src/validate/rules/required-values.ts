/**
 * Values that must not be empty where their segment is sent (default-profile.md F01: "data the
 * guide requires for this kind is missing or empty"): a reference without its number, an ATT
 * without its code, an amount, a name, a VIR number, a free text or a contact name left blank.
 * Data, by qualifier role, resolved once per profile and checked segment by segment inside the
 * `required-segment-missing` pass of each exchange.
 */
import type { GuideProfile } from '../../schema/profile.js';
import type { Segment } from '../../syntax/segment.js';
import { qualifier, val } from './helpers.js';
import type { RuleReport } from './types.js';

/**
 * One required value: segment tag, qualifier role (`null`: any qualifier), 0-based element (or
 * elements: a value in any of them), component (`'any'`: one of them), and what it is.
 */
export type RequiredValue = readonly [tag: string, role: string | null, e: number | readonly number[], c: number | 'any', what: string];

/** NAD's address elements (0-based): C059 street, 3164 city, 3251 postcode, 3207 country. */
const ADDRESS_ELEMENTS = [4, 5, 7, 8] as const;

/** Both exchanges: a free text needs a line, a contact its function and the contact person's name. */
const SHARED: readonly RequiredValue[] = [
  ['FTX', null, 3, 'any', 'text'],
  ['CTA', null, 0, 0, 'contact function'],
  ['CTA', null, 1, 1, 'contact name'],
];

/** Opsigelser (seed 002): the policyholders' names, policyholder 1's street and postcode, an address in the insured location, the VIR number of the company that already cancelled, the claim-free years of the bonus block. */
export const OPSIGELSER_VALUES: readonly RequiredValue[] = [
  ...SHARED,
  ['NAD', 'policyholder1', 3, 0, 'name'],
  // "NAD med forsikringstager 1's navn og adresse og om muligt CVR eller CPR nummer": the address is not "om muligt".
  ['NAD', 'policyholder1', 4, 0, 'street (address)'],
  ['NAD', 'policyholder1', 7, 0, 'postcode (address)'],
  ['NAD', 'policyholder2', 3, 0, 'name'],
  ['NAD', 'cancelledBy', 1, 0, 'VIR number'],
  // The insured location is an address without a name (the typed message: "at least one field"): street, city, postcode or country.
  ['NAD', 'insuredLocation', ADDRESS_ELEMENTS, 'any', 'address'],
  ['SIF', null, 1, 0, 'number of claim-free years'],
];

/** Panthaver (seed 001): every reference's number, every attribute's code, every amount, the debtor's name, the id of the old lienholder (VIR or CVR) and of the new insurer (VIR). */
export const PANTHAVER_VALUES: readonly RequiredValue[] = [
  ...SHARED,
  ['RFF', null, 0, 1, 'reference number'],
  ['ATT', null, 2, 0, 'attribute code'],
  ['MOA', null, 0, 1, 'amount'],
  ['NAD', 'debtor', 3, 0, 'name'],
  ['NAD', 'oldLienholder', 1, 0, 'VIR or CVR number'],
  ['NAD', 'newInsurer', 1, 0, 'VIR number'],
];

interface Need {
  role: string | null;
  /** The element, or elements (a value in any of them), 0-based; always a list, so the check is one loop. */
  elements: readonly number[];
  c: number | 'any';
  what: string;
}

/**
 * One tag's needs: for each wire qualifier the table names, the needs of that qualifier and of
 * any qualifier (in table order); `rest` for a segment with another qualifier. A segment's
 * qualifier is compared once per qualifier, not once per need.
 */
interface TagNeeds {
  qualifiers: readonly string[];
  lists: ReadonlyArray<readonly Need[]>;
  rest: readonly Need[];
}

/** The table resolved against a profile's qualifiers, by tag; a role the profile lacks drops its entry. */
export type RequiredValues = ReadonlyMap<string, TagNeeds>;

/** Resolves `table` against `p`. */
export function requiredValues(p: GuideProfile, table: readonly RequiredValue[]): RequiredValues {
  const byTag = new Map<string, Array<Need & { q: string | undefined }>>();
  for (const [tag, role, e, c, what] of table) {
    const q = role === null ? undefined : qualifier(p, tag, role);
    if (role !== null && q === undefined) continue;
    const list = byTag.get(tag) ?? [];
    list.push({ q, role, elements: typeof e === 'number' ? [e] : e, c, what });
    byTag.set(tag, list);
  }
  const out = new Map<string, TagNeeds>();
  for (const [tag, list] of byTag) {
    const qualifiers = [...new Set(list.flatMap((n) => n.q ?? []))];
    const lists = qualifiers.map((q) => list.filter((n) => n.q === undefined || n.q === q));
    out.set(tag, { qualifiers, lists, rest: list.filter((n) => n.q === undefined) });
  }
  return out;
}

/** True when every element of `elements` has nothing at component `c` (`'any'`: in any component). */
function empty(s: Segment, elements: readonly number[], c: number | 'any'): boolean {
  for (let i = 0; i < elements.length; i++) {
    if (c !== 'any') {
      if (val(s, elements[i]!, c) !== '') return false;
      continue;
    }
    const el = s.elements[elements[i]!];
    if (el !== undefined && el.some((v) => v !== '')) return false;
  }
  return true;
}

/** Reports each required value of segment `s` (index `i`) that is empty; one lookup by tag, one by qualifier. */
export function checkRequiredValues(values: RequiredValues, s: Segment, i: number, report: RuleReport): void {
  const t = values.get(s.tag);
  if (t === undefined) return;
  const q = val(s, 0);
  const k = t.qualifiers.indexOf(q);
  const needs = k === -1 ? t.rest : t.lists[k]!;
  for (let j = 0; j < needs.length; j++) {
    const n = needs[j]!;
    if (empty(s, n.elements, n.c)) {
      report(i, `${s.tag}${q === '' ? '' : ` ${q}`}${n.role ? ` (${n.role})` : ''} has no ${n.what}`, n.elements[0]! + 1, n.c === 'any' ? 1 : n.c + 1);
    }
  }
}
