/**
 * Helpers for writing profile data compactly, and the code lists the shipped profiles share.
 * `S` = seed-backed (`assumption: false`), `A` = our assumption (`assumption: true`).
 */
import { DEFAULT_VIR_RULE, type VirRule } from './identifiers.js';
import type { Annotated, CodeList, ContentErrorCode, ContentRule } from './profile.js';

/** An annotated value: `a('POL', 'A', 'default-profile.md')`. */
export function a<T>(value: T, flag: 'S' | 'A', source: string): Annotated<T> {
  return { value, assumption: flag === 'A', source };
}

/** A table of annotated values with one flag and source: `table('A', src, { policyNumber: 'POL' })`. */
export function table(flag: 'S' | 'A', source: string, values: Record<string, string>): Record<string, Annotated<string>> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, a(v, flag, source)]));
}

/**
 * A code list. Each row is `[code, name]` (flag and source of the list) or
 * `[code, name, flag, source]`.
 */
export function codeList(
  flag: 'S' | 'A',
  source: string,
  rows: ReadonlyArray<readonly [string, string] | readonly [string, string, 'S' | 'A', string]>,
): CodeList {
  const codes: CodeList['codes'] = {};
  for (const r of rows) codes[r[0]] = { name: r[1], assumption: (r[2] ?? flag) === 'A', source: r[3] ?? source };
  return { source, assumption: flag === 'A', codes };
}

/**
 * Rows of named rejection reasons sharing one flag and source. Each row is
 * `[reason, code, name]`: `reason` → `code` goes into the reasons table, `code` → `name`
 * into the code list. `flag` and `source` default to the list's; `reasonSource` (the
 * reasons-table entries' source) defaults to `source`.
 */
export interface RejectionRows {
  flag?: 'S' | 'A';
  source?: string;
  reasonSource?: string;
  rows: ReadonlyArray<readonly [reason: string, code: string, name: string]>;
}

/**
 * The rejection-reason code list and the named reasons table of a profile, written once:
 * `codeList` holds every row of `groups` plus `listOnly` (codes with no named reason),
 * `reasons` maps each row's reason to its code, in the order of `groups`.
 */
export function rejectionReasons(
  flag: 'S' | 'A',
  source: string,
  groups: readonly RejectionRows[],
  listOnly: ReadonlyArray<readonly [string, string] | readonly [string, string, 'S' | 'A', string]> = [],
): { codeList: CodeList; reasons: Record<string, Annotated<string>> } {
  const rows: Array<readonly [string, string] | readonly [string, string, 'S' | 'A', string]> = [];
  const reasons: Record<string, Annotated<string>> = {};
  for (const g of groups) {
    const f = g.flag ?? flag;
    const src = g.source ?? source;
    for (const [reason, code, name] of g.rows) {
      rows.push([code, name, f, src]);
      reasons[reason] = a(code, f, g.reasonSource ?? src);
    }
  }
  return { codeList: codeList(flag, source, [...rows, ...listOnly]), reasons };
}

/** SHI consequence codes 1–6 (seed 002, bonus answer). */
export const SHI_CONSEQUENCE: CodeList = codeList('S', 'seed 002 (bonus answer: SHI consequence codes)', [
  ['1', 'not bonus-affecting: statutory free claim, policyholder not at fault'],
  ['2', 'no step change: free-claim add-on (fire, short-circuit, lightning, explosion, theft, robbery, falling objects, glass, vandalism)'],
  ['3', 'no step change because of the product'],
  ['4', 'step change done'],
  ['5', 'step change will come (e.g. at next renewal)'],
  ['6', 'claim not settled'],
]);

/** A content rule whose F01–F05 code follows the default mapping of default-profile.md (an assumption). */
export function rule(code: ContentErrorCode, description: string, guideRef: string): ContentRule {
  return { code: a(code, 'A', 'default-profile.md F01–F05 mapping (A)'), description, guideRef };
}

/** F01–F05: the codes are the seed's, their meanings the default mapping of default-profile.md. */
export function contentErrorCodes(flag: 'S' | 'A', source: string): CodeList {
  const meaning = 'default-profile.md (A): meaning not public';
  return codeList(flag, source, [
    ['F01', 'data the guide requires for this kind is missing or empty', 'A', meaning],
    ['F02', 'a value is invalid or not allowed in this context', 'A', meaning],
    ['F03', 'the message does not match its envelope or case', 'A', meaning],
    ['F04', 'a segment this kind must not carry', 'A', meaning],
    ['F05', "the message is not allowed in the case's current state", 'A', meaning],
  ]);
}

/** The VIR number format of the shipped profiles: {@link DEFAULT_VIR_RULE}, 8 digits (an assumption). */
export function virRule(): Annotated<VirRule> {
  return a({ ...DEFAULT_VIR_RULE }, 'A', 'our assumption: the VIR number format is not public (VIR numbers are the UNB ids, seed 002 2.9: "afsender- og modtageridentifikation (VIR-nummeret anvendes)"); the VIR numbers in default-profile.md have 8 digits');
}
