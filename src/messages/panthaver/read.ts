/**
 * Panthaver body segments → the kind-independent wire record. Qualifiers are resolved through
 * the profile (RFF, DTM, ATT, ICD, MOA, NAD roles of `profile-contract.md`).
 */
import { dateFormat, idTypeCodes, roleOf, type GuideProfile } from '../profile.js';
import { q } from '../../schema/access.js';
import { WHOLE_KRONER } from '../../schema/rule-facts.js';
import { readCompany, readCta, readDtmDate, readFreeText, readNamedParty, unknownCodeReporter } from '../wire/fields.js';
import { lienholderFields, type PanthaverCompanyField, type PanthaverKind } from '../types/panthaver.js';
import type { DecodeContext, SegmentReader } from '../wire/reader.js';
import { readWalked, type WalkedSegment } from '../wire/walk.js';

/** RFF role (profile) → typed field. */
export const RFF_FIELDS: ReadonlyArray<readonly [role: string, field: string]> = [
  ['declarationNumber', 'declarationNumber'],
  ['senderReference', 'senderReference'],
  ['policyNumber', 'policyNumber'],
  ['debtorReference', 'debtorReference'],
  ['specialAgreement', 'specialAgreementNumber'],
  ['registrationNumber', 'registrationNumber'],
  ['chassisNumber', 'chassisNumber'],
  ['engineNumber', 'engineNumber'],
  ['buildNumber', 'buildNumber'],
];
/** {@link RFF_FIELDS} as a lookup. */
const RFF_FIELD_BY_ROLE: ReadonlyMap<string, string> = new Map(RFF_FIELDS);
/** DTM roles carried at message level, in writing order. */
export const DTM_FIELDS = ['messageDate', 'effectiveDate', 'cessationDate'] as const;
/** ATT roles, in writing order. */
export const ATT_FIELDS = ['lienType', 'declarationType', 'priority'] as const;
/** MOA roles, in writing order. */
export const MOA_FIELDS = ['sumInsured', 'lienAmount'] as const;
/** NAD roles and their shapes, in writing order. */
export const NAD_FIELDS: ReadonlyArray<readonly [PanthaverCompanyField | 'debtor', 'company' | 'named']> = [
  ['recipient', 'company'],
  ['sender', 'company'],
  ['debtor', 'named'],
  ['oldLienholder', 'company'],
  ['newInsurer', 'company'],
];

/** The wire record of a panthaver message: the typed fields plus `ercs` (ERC codes in order). */
export type PantWire = Record<string, unknown> & { ercs: string[]; freeText: string[][] };


function readAmount(r: SegmentReader, ctx: DecodeContext, key: string, whole: boolean): number | string | undefined {
  const raw = r.req(0, 1, 'the amount', key);
  if (raw === undefined) return undefined;
  const ok = whole ? WHOLE_KRONER.test(raw) : /^\d{1,15}([.,]\d{1,3})?$/.test(raw);
  if (!ok) {
    ctx.fail(key, '12', `MOA: ${JSON.stringify(raw)} is not ${whole ? 'a whole number of kroner without leading zeros' : 'a decimal amount'}`, r.at(0, 1));
    return undefined;
  }
  ctx.record(key, r.at(0, 1));
  // Either decimal mark is valid in numeric data whatever UNA says; the typed value uses '.'.
  return whole ? Number(raw) : raw.replace(',', '.');
}

/**
 * Reads a panthaver message body of `kind` (its BGM's, through the profile) into its wire record.
 * The kind says which company NADs name a lienholder, by VIR or CVR number ({@link lienholderFields}).
 */
export function readPanthaver(walked: readonly WalkedSegment[], profile: GuideProfile, ctx: DecodeContext, kind: PanthaverKind): PantWire {
  const w: PantWire = { ercs: [], freeText: [] };
  const lienholders: readonly string[] = lienholderFields(kind);
  const fmt = dateFormat(profile);
  const codes = idTypeCodes(profile);
  const unknown = unknownCodeReporter(profile.id, ctx);

  readWalked(walked, 'panthaver', (r) => {
    const role = r.tag === 'BGM' || r.tag === 'ERC' ? undefined : roleOf(profile, r.tag, r.raw(0, 0));
    switch (r.tag) {
      case 'BGM':
        if (r.once(w, 'documentCode', 'BGM')) w.documentCode = r.raw(0, 0);
        break;
      case 'ERC': {
        const c = r.req(0, 0, 'the error code', `ercs.${w.ercs.length}`);
        if (c !== undefined) {
          ctx.record(`ercs.${w.ercs.length}`, r.at(0, 0));
          if (w.ercs.length === 0) ctx.record('ercs', r.at(0, 0));
          w.ercs.push(c);
        }
        break;
      }
      case 'RFF': {
        const field = role === undefined ? undefined : RFF_FIELD_BY_ROLE.get(role);
        if (field === undefined) unknown(r, 0, 0, 'reference qualifier');
        else if (r.once(w, field)) {
          w[field] = r.req(0, 1, 'the reference', field);
          ctx.record(field, r.at(0, 1));
        }
        break;
      }
      case 'DTM':
        if (role === undefined || !(DTM_FIELDS as readonly string[]).includes(role)) unknown(r, 0, 0, 'date qualifier');
        else if (r.once(w, role)) {
          const d = readDtmDate(r, ctx, role, fmt);
          if (d !== undefined) w[role] = d;
        }
        break;
      case 'ATT':
        if (role === undefined || !(ATT_FIELDS as readonly string[]).includes(role)) unknown(r, 0, 0, 'attribute qualifier');
        else if (r.once(w, role)) {
          w[role] = r.req(2, 0, 'the attribute code', role);
          ctx.record(role, r.at(2, 0));
        }
        break;
      case 'ICD':
        if (role !== 'coverScheme') unknown(r, 0, 0, 'cover scheme');
        else if (r.once(w, 'coverType')) {
          w.coverType = r.req(1, 0, 'the cover type', 'coverType');
          ctx.record('coverType', r.at(1, 0));
        }
        break;
      case 'MOA':
        if (role === undefined || !(MOA_FIELDS as readonly string[]).includes(role)) unknown(r, 0, 0, 'amount qualifier');
        else if (r.once(w, role)) {
          const n = readAmount(r, ctx, role, role === 'sumInsured');
          if (n !== undefined) w[role] = n;
        }
        break;
      case 'FTX':
        readFreeText(r, ctx, w.freeText, q(profile, 'FTX', 'textSubject'));
        break;
      case 'CTA':
        if (r.once(w, 'contact')) w.contact = readCta(r, ctx, 'contact', q(profile, 'CTA', 'contactFunction'));
        break;
      case 'NAD': {
        const shape = NAD_FIELDS.find(([k]) => k === role)?.[1];
        if (role === undefined || shape === undefined) unknown(r, 0, 0, 'party qualifier');
        else if (r.once(w, role)) w[role] = shape === 'company' ? readCompany(r, ctx, role, codes, lienholders.includes(role)) : readNamedParty(r, ctx, role, codes);
        break;
      }
    }
  });
  return w;
}
