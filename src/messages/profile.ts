/**
 * The messages layer's view of a guide profile: every qualifier, document code and code the
 * typed messages read or write comes through these accessors (thin wrappers over
 * `src/schema/access.ts`), so patching the profile (data) changes the wire format with no
 * code change. Key names are those of `docs/internal/profile-contract.md`.
 */
import { q } from '../schema/access.js';
import type { GuideProfile } from '../schema/profile.js';

export type { GuideProfile };
export { roleOf } from '../schema/access.js';

/** The DTM date/time format code (2379) of the profile, e.g. `'102'`. */
export function dateFormat(profile: GuideProfile): string {
  return profile.dateFormat.value;
}

/** UNH S009 of the profile's message type. */
export function messageHeader(profile: GuideProfile): { type: string; version: string; release: string; agency: string } {
  const m = profile.messageIdentifier;
  return { type: m.type.value, version: m.version.value, release: m.release.value, agency: m.agency.value };
}

/** The ERC code of a named rejection reason (`'alreadyCancelledByCompany'` → `'9'`), or `undefined` when the profile has none. */
export function rejectionReasonCode(profile: GuideProfile, reason: string): string | undefined {
  return Object.hasOwn(profile.rejectionReasons, reason) ? profile.rejectionReasons[reason]?.value : undefined;
}

/** The codes of a code list of the profile, or `undefined` when the list is absent. */
export function codeListCodes(profile: GuideProfile, list: string): string[] | undefined {
  return Object.hasOwn(profile.codeLists, list) ? Object.keys(profile.codeLists[list]!.codes) : undefined;
}

/** The NAD id-type codes (C082/3055) of a profile: VIR, CPR, CVR. */
export function idTypeCodes(profile: GuideProfile): { vir: string; cpr: string; cvr: string } {
  return { vir: q(profile, 'NADIdType', 'vir'), cpr: q(profile, 'NADIdType', 'cpr'), cvr: q(profile, 'NADIdType', 'cvr') };
}

/** The interchange defaults of the profile (UNB syntax id, version and VIR id qualifier). */
export function interchangeDefaults(profile: GuideProfile): { syntaxId: string; syntaxVersion: string; idQualifier: string } {
  const i = profile.interchange;
  return { syntaxId: i.syntaxId.value, syntaxVersion: i.syntaxVersion.value, idQualifier: i.idQualifier.value };
}
