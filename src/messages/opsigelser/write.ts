/**
 * The opsigelser wire record → body segments (BGM … last SHI/DTM), in segment-table order:
 * BGM, ERC, RFF (case), OSI, DTM (137, cancellation date, 295 or a 27's end date), DOC, FTX,
 * NAD (MR, MS, FT1, FT2, FS, OPS), RFF (POL, REG, MAT), BRC, CTA, SIF + DTMs, SHI + DTM pairs.
 */
import { segment } from '../../syntax/writer.js';
import type { SegmentInput } from '../../syntax/segment.js';
import { dateFormat, idTypeCodes, type GuideProfile } from '../profile.js';
import { endDateQualifier, q } from '../../schema/access.js';
import type { Address, Company, NamedParty } from '../types/common.js';
import type { Bonus, Branch, CancellationDate, Matrikel } from '../types/opsigelser.js';
import { cta, dtm, ftx, nadAddress, nadCompany, nadNamed, rff } from '../wire/fields.js';
import { ROLE_BY_BASIS } from './read.js';

/** A complete, valid opsigelser wire record (what the kinds produce for writing). */
export interface OpsWireOut {
  documentCode: string;
  erc?: string;
  caseReference: string;
  osi?: string[];
  messageDate: string;
  cancellationDate?: CancellationDate;
  policyEndDate?: string;
  /** A rejection's end date (DTM `endDate`). */
  endDate?: string;
  docs?: string[];
  freeText?: string[][];
  recipient: Company;
  sender: Company;
  policyholder1?: NamedParty;
  policyholder2?: NamedParty;
  insuredLocation?: Address;
  cancelledBy?: Company;
  policyNumber?: string;
  registrationNumber?: string;
  matrikel?: Matrikel;
  branch: Branch;
  contact?: string;
  bonus?: Bonus;
}

/** Writes an opsigelser wire record as body segments. */
export function writeOpsigelse(w: OpsWireOut, profile: GuideProfile): SegmentInput[] {
  const fmt = dateFormat(profile);
  const codes = idTypeCodes(profile);
  const qualifier = (tag: string, role: string): string => q(profile, tag, role);
  const out: SegmentInput[] = [segment('BGM', w.documentCode)];
  if (w.erc !== undefined) out.push(segment('ERC', w.erc));
  out.push(rff(qualifier('RFF', 'caseReference'), w.caseReference));
  for (const role of w.osi ?? []) out.push(segment('OSI', qualifier('OSI', role)));
  out.push(dtm(qualifier('DTM', 'messageDate'), w.messageDate, fmt));
  if (w.cancellationDate) out.push(dtm(qualifier('DTM', ROLE_BY_BASIS[w.cancellationDate.basis] ?? ''), w.cancellationDate.date, fmt));
  if (w.policyEndDate !== undefined) out.push(dtm(qualifier('DTM', 'policyEndDate'), w.policyEndDate, fmt));
  if (w.endDate !== undefined) out.push(dtm(endDateQualifier(profile) ?? qualifier('DTM', 'endDate'), w.endDate, fmt));
  for (const role of w.docs ?? []) out.push(segment('DOC', qualifier('DOC', role)));
  for (const lines of w.freeText ?? []) out.push(ftx(qualifier('FTX', 'textSubject'), lines));
  out.push(nadCompany(qualifier('NAD', 'recipient'), w.recipient, codes));
  out.push(nadCompany(qualifier('NAD', 'sender'), w.sender, codes));
  if (w.policyholder1) out.push(nadNamed(qualifier('NAD', 'policyholder1'), w.policyholder1, codes));
  if (w.policyholder2) out.push(nadNamed(qualifier('NAD', 'policyholder2'), w.policyholder2, codes));
  if (w.insuredLocation) out.push(nadAddress(qualifier('NAD', 'insuredLocation'), w.insuredLocation));
  if (w.cancelledBy) out.push(nadCompany(qualifier('NAD', 'cancelledBy'), w.cancelledBy, codes));
  if (w.policyNumber !== undefined) out.push(rff(qualifier('RFF', 'policyNumber'), w.policyNumber));
  if (w.registrationNumber !== undefined) out.push(rff(qualifier('RFF', 'registrationNumber'), w.registrationNumber));
  if (w.matrikel) out.push(segment('RFF', [qualifier('RFF', 'matrikel'), w.matrikel.number, '', '', w.matrikel.ejerlav]));
  out.push(segment('BRC', [w.branch.group, w.branch.product]));
  if (w.contact !== undefined) out.push(cta(qualifier('CTA', 'contactFunction'), w.contact));
  if (w.bonus) {
    const b = w.bonus;
    out.push(segment('SIF', b.premiumStep, String(b.claimFreeYears)));
    if (b.underwritingDate !== undefined) out.push(dtm(qualifier('DTM', 'underwritingDate'), b.underwritingDate, fmt));
    if ('date' in b.lastStepChange) out.push(dtm(qualifier('DTM', 'lastStepChange'), b.lastStepChange.date, fmt));
    else out.push(dtm(qualifier('DTM', 'lastStepChangeUnknown'), undefined, fmt));
    if (b.policyEndDate !== undefined) out.push(dtm(qualifier('DTM', 'policyEndDate'), b.policyEndDate, fmt));
    for (const c of b.claims) {
      out.push(segment('SHI', c.consequence));
      out.push(dtm(qualifier('DTM', 'claimDate'), c.date, fmt));
    }
  }
  return out;
}
