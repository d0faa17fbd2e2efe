/**
 * Warnings about party ids: a NAD whose id (C082/3039, element 2 component 1) is typed as a
 * CPR or CVR (C082/3055, the profile's `qualifiers.NADIdType.cpr` / `.cvr`) is checked as
 * check-digits.md of the project's specification says — a CPR is "well-formed date + 10 digits" (modulus 11
 * is not required), a CVR passes modulus 11; one typed as a VIR (`.vir`) against the profile's
 * `interchange.virRule`, our assumption (the VIR format is not public). A failing id is
 * reported, never rejected (a policyholder's id is optional data; a VIR rule is a guess): the
 * result goes into `MessageReport.warnings` and changes no status, CONTRL, 12'er or exit code.
 * The id type says what the id is, so every NAD role that carries one (policyholders, debtor,
 * a lienholder's CVR, the companies' VIRs) is checked without naming a role; the CPR is masked
 * in the text.
 */
import { qualifier } from '../schema/access.js';
import { compileVirRule, DEFAULT_VIR_RULE, isValidCpr, isValidCvr, validateCpr, validateCvr, validateVir, virMatcher, type CompiledVirRule } from '../schema/identifiers.js';
import type { GuideProfile } from '../schema/profile.js';
import type { Segment } from '../syntax/segment.js';
import type { ValidationError } from './types.js';

/**
 * The ISO 9735 0085 code of a warning: 12, "invalid value" — what it is; a warning never goes
 * into a CONTRL.
 */
export const WARNING_CODE = '12';

/** How ids of one NAD id type are checked: cheaply for the common valid id, described when it fails. */
interface IdCheck {
  /** The NAD C082/3055 code (the profile's `qualifiers.NADIdType.<kind>`). */
  type: string;
  isValid: (id: string) => boolean;
  /** The warning's rule and problem for an id `isValid` refused, or `null` when the full check accepts it after all. */
  failure: (id: string) => { rule: string; problem: string | undefined } | null;
}

/** The NAD id checks of a profile (only the types it has), and the codes `quotable` masks by. */
export interface PartyIdTypes {
  cpr: string;
  cvr: string;
  checks: readonly IdCheck[];
}

/** A failed full check's warning rule and problem, or `null` when it passed. */
function failureOf<R extends string>(r: { valid: boolean; reason?: R; problem?: string }, rule: (reason: R | undefined) => string): { rule: string; problem: string | undefined } | null {
  return r.valid ? null : { rule: rule(r.reason), problem: r.problem };
}

/**
 * The id-type codes to check in a profile's NADs, or `null` when it has none of them.
 * @throws TypeError naming the profile for a `virRule` `compileVirRule` refuses (a profile that did not go through `loadProfile`)
 */
export function partyIdTypes(profile: GuideProfile): PartyIdTypes | null {
  const cpr = qualifier(profile, 'NADIdType', 'cpr') ?? '';
  const cvr = qualifier(profile, 'NADIdType', 'cvr') ?? '';
  const vir = qualifier(profile, 'NADIdType', 'vir') ?? '';
  if (cpr === '' && cvr === '' && vir === '') return null;
  let virRule: CompiledVirRule;
  try {
    virRule = compileVirRule(profile.interchange.virRule?.value ?? DEFAULT_VIR_RULE);
  } catch (e) {
    throw new TypeError(`fp-edifact: validate: profile ${profile.id}: interchange.virRule: ${(e as Error).message}`);
  }
  const all: IdCheck[] = [
    { type: cpr, isValid: isValidCpr, failure: (id) => failureOf(validateCpr(id), (reason) => RULES.cpr[reason ?? 'format']) },
    { type: cvr, isValid: isValidCvr, failure: (id) => failureOf(validateCvr(id), (reason) => RULES.cvr[reason ?? 'format']) },
    { type: vir, isValid: virMatcher(virRule), failure: (id) => failureOf(validateVir(id, virRule), () => RULES.vir) },
  ];
  return { cpr, cvr, checks: all.filter((c) => c.type !== '') };
}

/** Rule ids of the warnings, by id type and what is wrong. */
const RULES = {
  cpr: { format: 'cpr-malformed', date: 'cpr-invalid-date' },
  cvr: { format: 'cvr-malformed', 'check-digit': 'cvr-check-digit' },
  vir: 'vir-malformed',
} as const;

/**
 * The warning for a NAD `s` (at message position `position`) whose CPR, CVR or VIR fails its
 * check, else `null`. A NAD without an id, or with another id type, is not looked at.
 */
export function partyIdWarning(types: PartyIdTypes, s: Segment, position: number): ValidationError | null {
  const c082 = s.elements[1];
  const id = c082?.[0];
  if (id === undefined || id === '') return null;
  const type = c082![2];
  if (type === undefined || type === '') return null;
  let check: IdCheck | undefined;
  for (const c of types.checks) {
    if (c.type === type) {
      check = c;
      break;
    }
  }
  // The common case, a valid id, costs no strings (isValid…); a failing one is described.
  if (check === undefined || check.isValid(id)) return null;
  const failed = check.failure(id);
  if (failed === null) return null;
  const { rule, problem } = failed;
  const message = `NAD ${s.elements[0]?.[0] ?? ''}: ${problem ?? `not a valid ${type}`}`;
  return { code: WARNING_CODE, rule, segment: s.tag, segmentPosition: position, element: 2, component: 1, offset: s.offset, message };
}

/**
 * `s` as a report may quote it: a NAD's id typed as a CPR with its last four digits (and all past the sixth) masked
 * (check-digits.md: never a full CPR in an error report), so is one typed as a CVR that is not 8
 * characters long; any other segment as it is.
 */
export function quotable(s: Segment, types: PartyIdTypes | null): Segment {
  if (types === null || s.tag !== 'NAD') return s;
  const c082 = s.elements[1];
  const id = c082?.[0];
  if (id === undefined || id === '') return s;
  const type = c082![2];
  // An id typed as a CVR that is not 8 characters may be a CPR: its warning does not repeat it either.
  if (type === '' || (type !== types.cpr && (type !== types.cvr || id.length === 8))) return s;
  // As maskCpr: the last four masked, and never more than the first six characters in the clear.
  const shown = Math.max(0, Math.min(6, id.length - 4));
  const elements = s.elements.slice();
  elements[1] = [id.slice(0, shown) + '*'.repeat(id.length - shown), ...c082!.slice(1)];
  return { ...s, elements };
}
