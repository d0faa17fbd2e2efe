/**
 * The panthaver wire record → body segments, in segment-table order: BGM, ERC…, RFF (DEK,
 * REF, POL, DEB, SAF, REG, STL, MOT, BYG), DTM (137, 7, 206), ATT (PNT, DKL, PRI), ICD,
 * MOA (FSU, PNT), FTX…, NAD (MR, MS, DEB, GPH, NFS), CTA.
 */
import { segment } from '../../syntax/writer.js';
import type { SegmentInput } from '../../syntax/segment.js';
import { dateFormat, idTypeCodes, type GuideProfile } from '../profile.js';
import { q } from '../../schema/access.js';
import type { Company, NamedParty } from '../types/common.js';
import { cta, dtm, ftx, nadCompany, nadNamed, rff } from '../wire/fields.js';
import { ATT_FIELDS, DTM_FIELDS, MOA_FIELDS, NAD_FIELDS, RFF_FIELDS } from './read.js';

/**
 * Writes a panthaver wire record (typed fields + `documentCode` + `ercs`) as body segments.
 * `decimalMark` is the interchange's decimal mark (UNA), used in decimal amounts.
 */
export function writePanthaver(w: Record<string, unknown>, profile: GuideProfile, decimalMark = '.'): SegmentInput[] {
  const fmt = dateFormat(profile);
  const codes = idTypeCodes(profile);
  const qualifier = (tag: string, role: string): string => q(profile, tag, role);
  const out: SegmentInput[] = [segment('BGM', w.documentCode as string)];
  for (const c of (w.ercs as string[] | undefined) ?? []) out.push(segment('ERC', c));
  for (const [role, field] of RFF_FIELDS) {
    if (w[field] !== undefined) out.push(rff(qualifier('RFF', role), w[field] as string));
  }
  for (const role of DTM_FIELDS) if (w[role] !== undefined) out.push(dtm(qualifier('DTM', role), w[role] as string, fmt));
  for (const role of ATT_FIELDS) if (w[role] !== undefined) out.push(segment('ATT', qualifier('ATT', role), undefined, w[role] as string));
  if (w.coverType !== undefined) out.push(segment('ICD', qualifier('ICD', 'coverScheme'), w.coverType as string));
  for (const role of MOA_FIELDS) {
    if (w[role] !== undefined) out.push(segment('MOA', [qualifier('MOA', role), String(w[role]).replace('.', decimalMark)]));
  }
  for (const lines of (w.freeText as string[][] | undefined) ?? []) out.push(ftx(qualifier('FTX', 'textSubject'), lines));
  for (const [role, shape] of NAD_FIELDS) {
    const p = w[role];
    if (p === undefined) continue;
    out.push(shape === 'company' ? nadCompany(qualifier('NAD', role), p as Company, codes) : nadNamed(qualifier('NAD', role), p as NamedParty, codes));
  }
  if (w.contact !== undefined) out.push(cta(qualifier('CTA', 'contactFunction'), w.contact as string));
  return out;
}
