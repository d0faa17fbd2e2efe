/**
 * Readers and writers of the segments both exchanges share (NAD, DTM, RFF, FTX, CTA),
 * in the layouts of the default profile (`default-profile.md`):
 *
 * - `NAD+<q>+<id>::<id type>++<name>:<name 2>+<street>+<city>++<postcode>+<country>'`
 * - `DTM+<q>:<CCYYMMDD>:<format>'`
 * - `RFF+<q>:<reference>'` (`RFF+MAT:<number>:::<ejerlav>'`)
 * - `FTX+<subject>+++<line>:<line>…'`
 * - `CTA+<function>+:<name>'`
 *
 * Readers record each value's origin in the {@link DecodeContext} under a dotted wire path.
 * Writers never emit trailing empty elements or components.
 */
import { segment } from '../../syntax/writer.js';
import type { SegmentInput } from '../../syntax/segment.js';
import type { Address, Company, NamedParty } from '../types/common.js';
import { isoToWireDate, wireDateToIso, type DecodeContext, type SegmentReader } from './reader.js';

/** NAD id-type codes of a profile (3055 used as id type). */
export interface IdTypeCodes {
  vir: string;
  cpr: string;
  cvr: string;
}

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

function put<T extends object>(target: T, key: keyof T & string, value: unknown, ctx: DecodeContext, path: string, r: SegmentReader, e: number, c: number): void {
  ctx.assign(target, key, value, `${path}.${key}`, r.at(e, c));
}

/**
 * A reporter for a coded value the profile does not know (ISO 9735 `14`): it names the code, the
 * profile and the position, and skips the rest of the segment so nothing is read from it.
 */
export function unknownCodeReporter(profileId: string, ctx: DecodeContext): (r: SegmentReader, e: number, c: number, what: string) => void {
  return (r, e, c, what) => {
    ctx.error('14', `${r.tag}: ${what} ${JSON.stringify(r.raw(e, c))} is not known in profile ${profileId}`, r.at(e, c));
    r.skip();
  };
}

/**
 * Reads a company NAD: an insurer's (`<VIR>::VIR`), or with `lienholder` a panthaver
 * lienholder's, whose id may be its CVR number too (`<CVR>::CVR`, read as `idType: 'CVR'`).
 */
export function readCompany(r: SegmentReader, ctx: DecodeContext, path: string, codes: IdTypeCodes, lienholder = false): Loose<Company> & { idType?: 'CVR' } {
  ctx.record(path, r.at());
  const out: Loose<Company> & { idType?: 'CVR' } = {};
  const vir = r.req(1, 0, lienholder ? 'the VIR or CVR number' : 'the VIR number', `${path}.vir`);
  const type = r.raw(1, 2);
  const cvr = lienholder && type === codes.cvr;
  if (!cvr && type !== codes.vir) {
    const expected = lienholder ? `${codes.vir} or ${codes.cvr} (a lienholder's VIR or CVR number)` : `${codes.vir} (an insurer's VIR number)`;
    ctx.fail(`${path}.vir`, '14', `NAD: id type ${JSON.stringify(type)} where ${expected} is expected`, r.at(1, 2));
  }
  put(out, 'vir', vir, ctx, path, r, 1, 0);
  put(out, 'name', r.opt(3, 0), ctx, path, r, 3, 0);
  if (cvr) put(out, 'idType', 'CVR', ctx, path, r, 1, 2);
  return out;
}

function readAddressInto(out: Loose<Address>, r: SegmentReader, ctx: DecodeContext, path: string): void {
  put(out, 'street', r.opt(4, 0), ctx, path, r, 4, 0);
  put(out, 'city', r.opt(5, 0), ctx, path, r, 5, 0);
  put(out, 'postcode', r.opt(7, 0), ctx, path, r, 7, 0);
  put(out, 'country', r.opt(8, 0), ctx, path, r, 8, 0);
}

/** Reads a named party NAD (policyholder, debtor): optional CPR/CVR id, name, name 2, address. */
export function readNamedParty(r: SegmentReader, ctx: DecodeContext, path: string, codes: IdTypeCodes): Loose<NamedParty> {
  ctx.record(path, r.at());
  const out: Loose<NamedParty> = {};
  const id = r.opt(1, 0);
  const type = r.raw(1, 2);
  if (id !== undefined) {
    const t = type === codes.cpr ? 'CPR' : type === codes.cvr ? 'CVR' : undefined;
    if (t === undefined) ctx.fail(`${path}.id`, '14', `NAD: id type ${JSON.stringify(type)} where ${codes.cpr} or ${codes.cvr} is expected`, r.at(1, 2));
    else {
      out.id = { value: id, type: t };
      ctx.record(`${path}.id`, r.at(1, 0));
    }
  } else if (type !== '') {
    ctx.error('13', `NAD: id type ${JSON.stringify(type)} without an id`, r.at(1, 0));
  }
  put(out, 'name', r.opt(3, 0), ctx, path, r, 3, 0);
  put(out, 'name2', r.opt(3, 1), ctx, path, r, 3, 1);
  readAddressInto(out, r, ctx, path);
  return out;
}

/** Reads an address-only NAD (insured location). */
export function readAddress(r: SegmentReader, ctx: DecodeContext, path: string): Loose<Address> {
  ctx.record(path, r.at());
  const out: Loose<Address> = {};
  readAddressInto(out, r, ctx, path);
  return out;
}

/** Writes a company NAD: `<id>::VIR`, or `<id>::CVR` for a lienholder with `idType: 'CVR'`. */
export function nadCompany(qualifier: string, party: Company & { idType?: 'CVR' | undefined }, codes: IdTypeCodes): SegmentInput {
  return segment('NAD', qualifier, [party.vir, '', party.idType === 'CVR' ? codes.cvr : codes.vir], undefined, party.name);
}

/** Writes a named-party NAD. */
export function nadNamed(qualifier: string, party: NamedParty, codes: IdTypeCodes): SegmentInput {
  const id = party.id ? [party.id.value, '', party.id.type === 'CPR' ? codes.cpr : codes.cvr] : undefined;
  return segment('NAD', qualifier, id, undefined, [party.name, party.name2], party.street, party.city, undefined, party.postcode, party.country);
}

/** Writes an address-only NAD. */
export function nadAddress(qualifier: string, a: Address): SegmentInput {
  return segment('NAD', qualifier, undefined, undefined, undefined, a.street, a.city, undefined, a.postcode, a.country);
}

/**
 * Reads the date of a DTM: checks the format code against the profile's and converts
 * `CCYYMMDD` to ISO. With `blank`, the date must be empty (DTM 293) and `undefined` is returned.
 */
export function readDtmDate(r: SegmentReader, ctx: DecodeContext, path: string, format: string, blank = false): string | undefined {
  const raw = r.raw(0, 1);
  const fmt = r.raw(0, 2);
  if (fmt !== format) ctx.fail(path, fmt === '' ? '13' : '14', `DTM: date format ${JSON.stringify(fmt)} where ${format} is expected`, r.at(0, 2));
  if (blank) {
    if (raw !== '') ctx.error('15', `DTM ${r.raw(0, 0)}: the date must be blank`, r.at(0, 1));
    return undefined;
  }
  if (raw === '') {
    ctx.fail(path, '13', `DTM ${r.raw(0, 0)}: the date is missing`, r.at(0, 1));
    return undefined;
  }
  const iso = wireDateToIso(raw);
  if (iso === undefined) {
    ctx.fail(path, '12', `DTM ${r.raw(0, 0)}: ${JSON.stringify(raw)} is not a date as CCYYMMDD`, r.at(0, 1));
    return undefined;
  }
  ctx.record(path, r.at(0, 1));
  return iso;
}

/** Writes `DTM+<q>:<CCYYMMDD>:<format>'`, or with no date `DTM+<q>::<format>'`. */
export function dtm(qualifier: string, date: string | undefined, format: string): SegmentInput {
  return segment('DTM', [qualifier, date === undefined ? '' : isoToWireDate(date), format]);
}

/** Writes `RFF+<q>:<value>'`. */
export function rff(qualifier: string, value: string): SegmentInput {
  return segment('RFF', [qualifier, value]);
}

/**
 * Reads the lines of `FTX+<subject>+++<lines>'`; the subject must be `subject`. An empty line
 * between two others is a blank line (`''`); empty ones at the end are separators a sender may
 * leave (ISO 9735), not lines.
 */
export function readFtxLines(r: SegmentReader, ctx: DecodeContext, path: string, subject: string): string[] {
  const s = r.raw(0, 0);
  if (s !== subject) ctx.error('14', `FTX: text subject ${JSON.stringify(s)} where ${subject} is expected`, r.at(0, 0));
  const lines = r.components(3);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  ctx.record(path, r.at(3));
  return lines;
}

/** Reads an FTX (see {@link readFtxLines}) as the next of the message's free texts, `freeText` (the list's position is its first FTX's). */
export function readFreeText(r: SegmentReader, ctx: DecodeContext, freeText: string[][], subject: string): void {
  freeText.push(readFtxLines(r, ctx, `freeText.${freeText.length}`, subject));
  if (freeText.length === 1) ctx.record('freeText', r.at());
}

/** Writes `FTX+<subject>+++<line>:<line>…'`. */
export function ftx(subject: string, lines: readonly string[]): SegmentInput {
  return segment('FTX', subject, undefined, undefined, lines);
}

/** Reads the contact name of `CTA+<function>+:<name>'`. */
export function readCta(r: SegmentReader, ctx: DecodeContext, path: string, fn: string): string | undefined {
  const f = r.raw(0, 0);
  if (f !== fn) ctx.error('14', `CTA: contact function ${JSON.stringify(f)} where ${fn} is expected`, r.at(0, 0));
  const name = r.req(1, 1, 'the contact name', path);
  if (name !== undefined) ctx.record(path, r.at(1, 1));
  return name;
}

/** Writes `CTA+<function>+:<name>'`. */
export function cta(fn: string, name: string): SegmentInput {
  return segment('CTA', fn, ['', name]);
}
