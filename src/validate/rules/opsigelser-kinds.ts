/**
 * What each opsigelser kind may and must carry beyond the segment table (opsigelser.md,
 * "Segments per kind"), by qualifier *role* — the profile turns roles into wire codes.
 */
import { CANCELLATION_DATE_ROLES } from '../../messages/occurrence.js';

/** The per-kind segment rules of one opsigelser kind. */
export interface OpsKindSpec {
  /** Message-level DTM roles allowed besides the message date. */
  dtm: readonly string[];
  /** NAD roles allowed besides recipient and sender. */
  nad: readonly string[];
  /** RFF roles allowed besides the case reference. */
  rff: readonly string[];
  /** DOC roles allowed (empty: no DOC). */
  doc: readonly string[];
  /** OSI roles allowed (empty: no OSI). */
  osi: readonly string[];
  /** ERC allowed (and then required). */
  erc: boolean;
  /** FTX allowed. */
  ftx: boolean;
  /** The bonus block (SIF …, SHI …) allowed. */
  bonus: boolean;
  /** NAD roles that must be present. */
  requiredNad: readonly string[];
}

/** The table, by kind name. */
export const OPS_KINDS: Readonly<Record<string, OpsKindSpec>> = {
  cancellation: {
    dtm: CANCELLATION_DATE_ROLES,
    nad: ['policyholder1', 'policyholder2', 'insuredLocation'],
    rff: ['policyNumber', 'registrationNumber', 'matrikel'],
    doc: ['claimsData'],
    osi: ['buildingFire'],
    erc: false,
    ftx: true,
    bonus: false,
    requiredNad: ['policyholder1'],
  },
  bonusAnswer: { dtm: [], nad: ['policyholder1', 'policyholder2'], rff: [], doc: [], osi: [], erc: false, ftx: false, bonus: true, requiredNad: ['policyholder1'] },
  contentError: { dtm: [], nad: [], rff: [], doc: [], osi: [], erc: true, ftx: true, bonus: false, requiredNad: [] },
  bonusQuery: {
    dtm: ['policyEndDate'],
    nad: ['policyholder1', 'policyholder2'],
    rff: ['policyNumber', 'registrationNumber'],
    doc: ['claimsData'],
    osi: [],
    erc: false,
    ftx: false,
    bonus: false,
    requiredNad: ['policyholder1'],
  },
  reminder: { dtm: [], nad: [], rff: [], doc: ['cancellationAnswer', 'claimsData'], osi: [], erc: false, ftx: false, bonus: false, requiredNad: [] },
  rejection: { dtm: ['endDate'], nad: ['cancelledBy'], rff: [], doc: [], osi: [], erc: true, ftx: false, bonus: false, requiredNad: [] },
  accept: {
    dtm: CANCELLATION_DATE_ROLES,
    nad: ['policyholder1', 'policyholder2', 'insuredLocation'],
    rff: ['matrikel'],
    doc: [],
    osi: ['dateChanged'],
    erc: false,
    ftx: false,
    bonus: true,
    requiredNad: ['policyholder1'],
  },
};
