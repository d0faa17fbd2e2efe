/**
 * Opsigelser body segments → the kind-independent wire record ({@link OpsWire}). Every
 * qualifier is resolved through the profile; the kind-specific step (`kinds.ts`) then
 * picks what a kind may carry.
 */
import type { GuideProfile } from '../profile.js';
import { dateFormat, idTypeCodes, roleOf } from '../profile.js';
import { endDateQualifier, kindOfDocumentCode, q, qualifier } from '../../schema/access.js';
import { readAddress, readCompany, readCta, readDtmDate, readFreeText, readNamedParty, type IdTypeCodes, unknownCodeReporter } from '../wire/fields.js';
import type { ExtraDatum, ExtraSegment } from '../types/common.js';
import type { DecodeContext, SegmentReader } from '../wire/reader.js';
import { readWalked, type WalkedSegment } from '../wire/walk.js';

/** The kind-independent content of an opsigelser message, as read (values may be partial). */
export interface OpsWire {
  documentCode?: string;
  erc?: string;
  caseReference?: string;
  /** OSI codes as profile roles (`buildingFire`, `dateChanged`). */
  osi: string[];
  messageDate?: string;
  cancellationDate?: Record<string, unknown>;
  /** DTM 295 at message level (not in a 27). */
  policyEndDate?: string;
  /** A 27's end date (DTM `endDate`, 295 in the default profile). */
  endDate?: string;
  /** DOC codes as profile roles (`claimsData`, `cancellationAnswer`). */
  docs: string[];
  freeText: string[][];
  recipient?: Record<string, unknown>;
  sender?: Record<string, unknown>;
  policyholder1?: Record<string, unknown>;
  policyholder2?: Record<string, unknown>;
  insuredLocation?: Record<string, unknown>;
  cancelledBy?: Record<string, unknown>;
  policyNumber?: string;
  registrationNumber?: string;
  matrikel?: Record<string, unknown>;
  branch?: Record<string, unknown>;
  contact?: string;
  bonus?: { claims: Array<Record<string, unknown>>; [k: string]: unknown };
  /** Data in positions the profile uses that no reader took (set by the decoder). */
  extraData?: ExtraDatum[];
  /** Whole segments of tags no reader reads (set by the decoder). */
  extraSegments?: ExtraSegment[];
}

/** Cancellation-date basis by DTM role. */
export const BASIS_BY_ROLE: Record<string, string> = {
  cancellationDate: 'normal',
  otherDate: 'otherDate',
  withdrawal: 'withdrawal',
  shortenedNotice: 'shortenedNotice',
};

/** DTM role by cancellation-date basis. */
export const ROLE_BY_BASIS: Record<string, string> = Object.fromEntries(Object.entries(BASIS_BY_ROLE).map(([r, b]) => [b, r]));


/** Reads an opsigelser message body into its wire record. */
export function readOpsigelse(walked: readonly WalkedSegment[], profile: GuideProfile, ctx: DecodeContext): OpsWire {
  const w: OpsWire = { osi: [], docs: [], freeText: [] };
  const rec = w as unknown as Record<string, unknown>;
  const fmt = dateFormat(profile);
  const codes = idTypeCodes(profile);
  const unknownCode = unknownCodeReporter(profile.id, ctx);

  const bonus = (): NonNullable<OpsWire['bonus']> => (w.bonus ??= { claims: [] });
  // What the message holds once and keeps no value of its own to check against: the bonus block's SIF.
  const once: { sif?: true } = {};

  readWalked(walked, 'opsigelser', (r, group) => {
    switch (r.tag) {
      case 'BGM':
        if (r.once(rec, 'documentCode', 'BGM')) w.documentCode = r.raw(0, 0);
        break;
      case 'ERC':
        if (r.once(rec, 'erc', 'ERC')) {
          w.erc = r.req(0, 0, 'the error code', 'erc');
          ctx.record('erc', r.at(0, 0));
        }
        break;
      case 'OSI': {
        const role = roleOf(profile, 'OSI', r.raw(0, 0));
        if (role === undefined) unknownCode(r, 0, 0, 'code');
        else if (w.osi.includes(role)) {
          ctx.error('35', `OSI ${r.raw(0, 0)} occurs more than once`, r.at());
          r.skip();
        } else {
          if (w.osi.length === 0) ctx.record('osi', r.at(0, 0));
          ctx.record(`osi.${w.osi.length}`, r.at(0, 0));
          w.osi.push(role);
        }
        break;
      }
      case 'DOC': {
        const role = roleOf(profile, 'DOC', r.raw(0, 0));
        if (role === undefined) unknownCode(r, 0, 0, 'document code');
        else if (w.docs.includes(role)) {
          ctx.error('35', `DOC ${r.raw(0, 0)} occurs more than once`, r.at());
          r.skip();
        } else {
          if (w.docs.length === 0) ctx.record('docs', r.at(0, 0));
          ctx.record(`docs.${w.docs.length}`, r.at(0, 0));
          w.docs.push(role);
        }
        break;
      }
      case 'FTX':
        readFreeText(r, ctx, w.freeText, q(profile, 'FTX', 'textSubject'));
        break;
      case 'CTA':
        if (r.once(rec, 'contact', 'CTA')) w.contact = readCta(r, ctx, 'contact', q(profile, 'CTA', 'contactFunction'));
        break;
      case 'BRC':
        if (r.once(rec, 'branch', 'BRC')) {
          ctx.record('branch', r.at());
          const b: Record<string, unknown> = {};
          const g = r.opt(0, 0);
          const p = r.opt(0, 1);
          ctx.assign(b, 'group', g, 'branch.group', r.at(0, 0));
          ctx.assign(b, 'product', p, 'branch.product', r.at(0, 1));
          w.branch = b;
        }
        break;
      case 'RFF':
        readRff(r, w, profile, ctx, unknownCode);
        break;
      case 'NAD':
        readNad(r, w, profile, ctx, codes, unknownCode);
        break;
      case 'SIF': {
        // One bonus block: a second SIF (a second occurrence of its group) would overwrite the first.
        if (!r.once(once, 'sif', 'SIF (the bonus block)')) break;
        once.sif = true;
        const b = bonus();
        ctx.record('bonus', r.at());
        const step = r.opt(0, 0);
        ctx.assign(b, 'premiumStep', step, 'bonus.premiumStep', r.at(0, 0));
        const years = r.opt(1, 0);
        if (years !== undefined) {
          if (/^(0|-?[1-9]\d{0,2})$/.test(years)) ctx.assign(b, 'claimFreeYears', Number(years), 'bonus.claimFreeYears', r.at(1, 0));
          else ctx.fail('bonus.claimFreeYears', '12', `SIF: claim-free years ${JSON.stringify(years)} is not a whole number written without leading zeros`, r.at(1, 0));
        }
        break;
      }
      case 'SHI': {
        const claims = bonus().claims;
        const path = `bonus.claims.${claims.length}`;
        ctx.record(path, r.at());
        const c: Record<string, unknown> = {};
        const code = r.opt(0, 0);
        ctx.assign(c, 'consequence', code, `${path}.consequence`, r.at(0, 0));
        claims.push(c);
        break;
      }
      case 'DTM':
        readDtm(r, group, w, profile, ctx, fmt);
        break;
    }
  });
  return w;
}

function readRff(r: SegmentReader, w: OpsWire, profile: GuideProfile, ctx: DecodeContext, unknownCode: (r: SegmentReader, e: number, c: number, what: string) => void): void {
  const role = roleOf(profile, 'RFF', r.raw(0, 0));
  const rec = w as unknown as Record<string, unknown>;
  switch (role) {
    case 'caseReference':
    case 'policyNumber':
    case 'registrationNumber':
      if (r.once(rec, role, `RFF ${r.raw(0, 0)}`)) {
        rec[role] = r.req(0, 1, 'the reference', role);
        ctx.record(role, r.at(0, 1));
      }
      return;
    case 'matrikel':
      if (r.once(rec, 'matrikel', `RFF ${r.raw(0, 0)}`)) {
        const m: Record<string, unknown> = {};
        ctx.record('matrikel', r.at());
        const n = r.req(0, 1, 'the matrikel number', 'matrikel.number');
        ctx.assign(m, 'number', n, 'matrikel.number', r.at(0, 1));
        const e = r.opt(0, 4);
        ctx.assign(m, 'ejerlav', e, 'matrikel.ejerlav', r.at(0, 4));
        w.matrikel = m;
      }
      return;
    default:
      unknownCode(r, 0, 0, 'reference qualifier');
  }
}

const NAD_FIELDS: Record<string, 'company' | 'named' | 'address'> = {
  recipient: 'company',
  sender: 'company',
  cancelledBy: 'company',
  policyholder1: 'named',
  policyholder2: 'named',
  insuredLocation: 'address',
};

function readNad(
  r: SegmentReader,
  w: OpsWire,
  profile: GuideProfile,
  ctx: DecodeContext,
  codes: IdTypeCodes,
  unknownCode: (r: SegmentReader, e: number, c: number, what: string) => void,
): void {
  const role = roleOf(profile, 'NAD', r.raw(0, 0));
  const shape = role === undefined ? undefined : NAD_FIELDS[role];
  if (role === undefined || shape === undefined) return unknownCode(r, 0, 0, 'party qualifier');
  const rec = w as unknown as Record<string, unknown>;
  if (!r.once(rec, role, `NAD ${r.raw(0, 0)}`)) return;
  rec[role] = shape === 'company' ? readCompany(r, ctx, role, codes) : shape === 'named' ? readNamedParty(r, ctx, role, codes) : readAddress(r, ctx, role);
}

function readDtm(r: SegmentReader, group: string | null, w: OpsWire, profile: GuideProfile, ctx: DecodeContext, fmt: string): void {
  const q = r.raw(0, 0);
  const role = roleOf(profile, 'DTM', q);
  const notHere = (): void => {
    ctx.error('14', `DTM ${q} is not allowed ${group ? `in the group headed by ${group}` : 'at message level'}`, r.at(0, 0));
    r.skip();
  };
  const rec = w as unknown as Record<string, unknown>;
  if (group === 'SHI') {
    const claim = w.bonus?.claims[w.bonus.claims.length - 1];
    if (role !== 'claimDate' || claim === undefined) return notHere();
    const path = `bonus.claims.${w.bonus!.claims.length - 1}.date`;
    if (!r.once(claim, 'date', `DTM ${q} in a claim`)) return;
    const d = readDtmDate(r, ctx, path, fmt);
    if (d !== undefined) claim.date = d;
    return;
  }
  if (group === 'SIF') {
    const b = w.bonus!;
    const key = role === 'lastStepChangeUnknown' ? 'lastStepChange' : role;
    if (key !== 'underwritingDate' && key !== 'lastStepChange' && key !== 'policyEndDate') return notHere();
    if (!r.once(b, key, `DTM ${q} in the bonus block`)) return;
    if (role === 'lastStepChangeUnknown') {
      readDtmDate(r, ctx, `bonus.${key}`, fmt, true);
      b.lastStepChange = { unknown: true };
      ctx.record('bonus.lastStepChange', r.at(0, 0));
    } else if (key === 'lastStepChange') {
      // a problem with the date is a problem with the whole { date } (the schema's union would complain again)
      const d = readDtmDate(r, ctx, 'bonus.lastStepChange', fmt);
      b.lastStepChange = d === undefined ? {} : { date: d };
      ctx.record('bonus.lastStepChange', r.at(0, 1));
    } else {
      const d = readDtmDate(r, ctx, `bonus.${key}`, fmt);
      if (d !== undefined) b[key] = d;
    }
    return;
  }
  // A 27 carries its end date under its own qualifier; other kinds the policy end date.
  const rejection = w.documentCode !== undefined && kindOfDocumentCode(profile, w.documentCode) === 'rejection';
  const endRole = rejection ? 'endDate' : 'policyEndDate';
  const key = role === 'messageDate' ? role : q === (rejection ? endDateQualifier(profile) : qualifier(profile, 'DTM', endRole)) ? endRole : undefined;
  if (key !== undefined) {
    if (!r.once(rec, key, `DTM ${q}`)) return;
    const d = readDtmDate(r, ctx, key, fmt);
    if (d !== undefined) rec[key] = d;
    return;
  }
  if (role === 'policyEndDate' || role === 'endDate') return notHere();
  const basis = role === undefined ? undefined : BASIS_BY_ROLE[role];
  if (basis === undefined) return notHere();
  if (!r.once(rec, 'cancellationDate', 'the cancellation date (DTM 287/288/294/296)')) return;
  ctx.record('cancellationDate', r.at(0, 0));
  const d = readDtmDate(r, ctx, 'cancellationDate.date', fmt);
  w.cancellationDate = d === undefined ? { basis } : { date: d, basis };
}
