// Message builders for the generator: one opsigelse (UNH type OPSIGE:1:911:UN) or one
// panthaverdeklaration (PANTDE:1:911:UN) in the default profile's wire format
// (/work/shared/spec/default-profile.md). Segments follow the profile's segment tables in
// position order and within their max repetitions, and each kind carries exactly the
// segments opsigelser.md / panthaver.md list for it (mandatory ones always, conditional ones
// by chance), so a validator of the default profile should find nothing to report.
//
// Every builder returns the message text and leaves its segment count in `ctx.count`
// (UNH..UNT inclusive, as UNT must state). ctx = { rng, T (terminator incl. optional line
// break), from, to (UNB sender/recipient ids), fromType, toType (NAD id types), dates,
// insurers, seq (file-wide counters: references must be unique across the whole file) }.

import * as dk from './danish.mjs';

let text = '';
let count = 0;
let T = "'";
const seg = (s) => {
  text += s + T;
  count++;
};
const begin = (ctx, ref, type) => {
  T = ctx.T;
  text = '';
  count = 0;
  seg(`UNH+${ref}+${type}`);
};
const finish = (ctx, ref) => {
  seg(`UNT+${count + 1}+${ref}`);
  ctx.count = count;
  return text;
};

// ---------------------------------------------------------------- shared party segments

const nadParty = (q, id, idType, name, r) => {
  const [postcode, city] = r.pick(dk.CITY);
  const idPart = id ? `${id}::${idType}` : '';
  return `NAD+${q}+${idPart}++${name}+${dk.street(r)}+${city}++${postcode}+DK`;
};
/** A private person (CPR; now and then without id, which the profile allows). */
const personNad = (q, r) => nadParty(q, r.chance(0.95) ? dk.cpr(r) : '', 'CPR', dk.personName(r), r);
/** A company (CVR) with an optional second name line (att. contact). */
const companyNad = (q, r) => {
  const name = r.pick(dk.COMPANY) + (r.chance(0.4) ? `:att. ${dk.personName(r)}` : '');
  return nadParty(q, dk.cvr(r), 'CVR', name, r);
};
const envelopeNads = (ctx) => {
  seg(`NAD+MR+${ctx.to}::${ctx.toType}`); // first NAD = the UNB recipient (else F03)
  seg(`NAD+MS+${ctx.from}::${ctx.fromType}`); // second NAD = the UNB sender
};
/** A third insurer: neither the sender nor the recipient of this interchange. */
const otherInsurer = (ctx) => {
  for (;;) {
    const v = ctx.rng.pick(ctx.insurers);
    if (v !== ctx.from && v !== ctx.to) return v;
  }
};
const cta = (r) => {
  if (r.chance(0.3)) seg(`CTA+IC+:${r.pick(dk.CONTACT)}`);
};
const ftx = (r, n = 1) => {
  let s = 'FTX+AAI+++' + r.pick(dk.FTX_TEXT);
  for (let i = 1; i < n; i++) s += ':' + r.pick(dk.FTX_TEXT);
  seg(s);
};

// ---------------------------------------------------------------- opsigelser

// Branch groups (BRC 1st component) and how often they appear. Bonus (DOC 11, kinds 11/13,
// bonus block) is allowed only for motor 001 with product group 001, 002, 004 or 999.
const BRANCH = [[35, '001'], [20, '002'], [15, '003'], [8, '004'], [7, '005'], [5, '006'], [5, '007'], [5, '999']];
const PRODUCT = ['001', '002', '003', '004', '999'];
const BONUS_PRODUCT = ['001', '002', '004', '999'];
const OPS_KIND = [[30, '9'], [20, '29'], [10, '27'], [10, '13'], [10, '11'], [10, '15'], [10, '12']];
const ERC27 = [[20, '9'], [15, '10'], [15, '11'], [10, '12'], [8, '19'], [4, '23'], [28, 'other']];

const pickBranch = (r, bonusOnly) => {
  const b = bonusOnly ? '001' : r.weighted(BRANCH);
  const p = b === '001' && (bonusOnly || r.chance(0.8)) ? r.pick(BONUS_PRODUCT) : r.pick(PRODUCT);
  return { b, p, bonus: b === '001' && BONUS_PRODUCT.includes(p), business: b === '004' || b === '006' };
};
const holders = (r, br) => {
  seg(br.business && r.chance(0.8) ? companyNad('FT1', r) : personNad('FT1', r));
  if (!br.business && r.chance(0.2)) seg(personNad('FT2', r));
};
/** Insured location: required for building (002), allowed for family, business, agriculture. */
const insuredLocation = (r, br, p) => {
  if (br.b === '002' || ((br.b === '003' || br.business) && r.chance(p))) {
    const [postcode, city] = r.pick(dk.CITY);
    seg(`NAD+FS++++${dk.street(r)}+${city}++${postcode}+DK`);
  }
};
const matrikel = (r) => `RFF+MAT:${r.int(1, 99)}${dk.letters(r, 1).toLowerCase()}:::${r.pick(dk.EJERLAV)}`;
/** SG1 (SIF + underwriting date + last step change [+ end date]) and SG2 claims. */
const bonusBlock = (ctx, withEnd) => {
  const r = ctx.rng;
  const d = ctx.dates;
  seg(`SIF+${r.chance(0.1) ? 'FASTP' : String(r.int(1, 20)).padStart(2, '0')}+${r.int(-3, 12)}`);
  seg(`DTM+291:${r.pick(d.underwriting)}:102`);
  seg(r.chance(0.1) ? 'DTM+293::102' : `DTM+290:${r.pick(d.recent)}:102`);
  if (withEnd) seg(`DTM+295:${r.pick(d.firsts)}:102`);
  const claims = r.weighted([[50, 0], [40, r.int(1, 3)], [10, r.int(4, 10)]]);
  for (let i = 0; i < claims; i++) {
    seg(`SHI+${r.int(1, 6)}`);
    seg(`DTM+292:${r.pick(d.recent)}:102`);
  }
};

export function opsigelse(ctx, ref) {
  const r = ctx.rng;
  const d = ctx.dates;
  const kind = r.weighted(OPS_KIND);
  const br = pickBranch(r, kind === '11' || kind === '13');
  const caseRef = `${ctx.opsPrefix}-${d.today.slice(0, 4)}-${String(++ctx.seq.ops).padStart(7, '0')}`;
  const brc = `BRC+${br.b}:${br.p}`;
  begin(ctx, ref, 'OPSIGE:1:911:UN');
  seg(`BGM+${kind}`);
  switch (kind) {
    case '9': {
      // cancellation date qualifier: 287 normal, 288 other date (needs FTX), 294 withdrawal,
      // 296 shortened notice (never for business / agriculture)
      let q = r.weighted([[75, '287'], [10, '288'], [8, '294'], [7, '296']]);
      if (q === '296' && br.business) q = '287';
      seg(`RFF+OPS:${caseRef}`);
      if (br.b === '002' && r.chance(0.4)) seg('OSI+BRO');
      seg(`DTM+137:${d.today}:102`);
      const date = q === '296' ? d.short296 : q === '294' ? r.pick(d.soon) : r.pick(d.firsts);
      seg(`DTM+${q}:${date}:102`);
      if (br.bonus && r.chance(0.5)) seg('DOC+11');
      if (q === '288') ftx(r, r.int(1, 2)); // free text in a 9 only with 288
      envelopeNads(ctx);
      holders(r, br);
      insuredLocation(r, br, 0.3);
      seg(`RFF+POL:${dk.policyNumber(r)}`);
      if (br.b === '001') seg(`RFF+REG:${dk.regNo(r)}`);
      else if (br.b === '002') seg(matrikel(r));
      seg(brc);
      cta(r);
      break;
    }
    case '11': // bonus answer
      seg(`RFF+OPS:${caseRef}`);
      seg(`DTM+137:${d.today}:102`);
      envelopeNads(ctx);
      holders(r, br);
      seg(brc);
      cta(r);
      bonusBlock(ctx, true);
      break;
    case '12': {
      // content error: the rejected message is not echoed; FTX recommended with F02/F03
      const f = `F0${r.int(1, 5)}`;
      seg(`ERC+${f}`);
      seg(`RFF+OPS:${caseRef}`);
      seg(`DTM+137:${d.today}:102`);
      if (f === 'F02' || f === 'F03' || r.chance(0.3)) ftx(r);
      envelopeNads(ctx);
      seg(brc);
      cta(r);
      break;
    }
    case '13': // bonus query, sent on its own: carries the policy end date, no reg. number
      seg(`RFF+OPS:${caseRef}`);
      seg(`DTM+137:${d.today}:102`);
      seg(`DTM+295:${r.pick(d.firsts)}:102`);
      seg('DOC+11');
      envelopeNads(ctx);
      holders(r, br);
      seg(`RFF+POL:${dk.policyNumber(r)}`);
      seg(brc);
      cta(r);
      break;
    case '15': {
      // reminder: DOC 9 chases the cancellation answer, DOC 11 the bonus answer
      const docs = br.bonus ? r.pick([['9'], ['11'], ['9', '11']]) : ['9'];
      seg(`RFF+OPS:${caseRef}`);
      seg(`DTM+137:${d.today}:102`);
      for (const doc of docs) seg(`DOC+${doc}`);
      envelopeNads(ctx);
      seg(brc);
      cta(r);
      break;
    }
    case '27': {
      let erc = r.weighted(ERC27);
      if (erc === 'other') erc = r.pick(['1', '2', '3', '4', '5', '6', '7', '8', '13', '14', '15', '16', '17', '18', '20', '21', '22']);
      if (erc === '23' && br.business) erc = '10'; // shortened notice never applies to 004/006
      seg(`ERC+${erc}`);
      seg(`RFF+OPS:${caseRef}`);
      seg(`DTM+137:${d.today}:102`);
      if (erc === '9' || erc === '10' || erc === '11' || erc === '12') seg(`DTM+295:${r.pick(d.firsts)}:102`);
      envelopeNads(ctx);
      if (erc === '9' && r.chance(0.6)) seg(`NAD+OPS+${otherInsurer(ctx)}::VIR`);
      seg(brc);
      cta(r);
      break;
    }
    case '29': {
      const odc = r.chance(0.2); // accepted per another date: OSI ODC + the new date, together
      seg(`RFF+OPS:${caseRef}`);
      if (odc) seg('OSI+ODC');
      seg(`DTM+137:${d.today}:102`);
      if (odc) seg(`DTM+287:${r.pick(d.firsts)}:102`);
      envelopeNads(ctx);
      holders(r, br);
      insuredLocation(r, br, 0.2);
      if (br.b === '002') seg(matrikel(r));
      seg(brc);
      cta(r);
      if (br.bonus && r.chance(0.4)) bonusBlock(ctx, false); // bonus query came with the 9
      break;
    }
  }
  return finish(ctx, ref);
}

// ---------------------------------------------------------------- panthaverdeklarationer

// register -> declaration types, cover type (ICD C331/4495; none for D, E, L)
const REGISTER = [
  [50, { dkl: ['ZBB', 'ZFF'], cover: 'ZKA', obj: 'auto' }],
  [20, { dkl: ['ZFF', 'ZRR'], cover: 'ZKM', obj: 'machine' }],
  [15, { dkl: ['ZDD', 'ZEE'], cover: '', obj: 'movable' }],
  [15, { dkl: ['ZLL'], cover: '', obj: 'boat' }],
];
const FROM_LIENHOLDER = [[40, '30'], [10, '31'], [10, '32'], [12, '36'], [5, '37'], [8, '38'], [15, '12']];
const FROM_INSURER = [
  [25, '33'], [10, '34'], [10, '27'], [8, 'Z10'], [5, 'Z11'], [4, 'Z12'], [6, 'Z15'], [5, 'Z20'],
  [7, 'Z40'], [5, 'Z50'], [5, 'Z60'], [4, 'Z70'], [3, 'Z80'], [3, '12'],
];
const VIN = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const vin = (r) => {
  let s = '';
  for (let i = 0; i < 17; i++) s += VIN[r.int(0, VIN.length - 1)];
  return s;
};
const objectRefs = (r, reg) => {
  if (reg.obj === 'auto') {
    seg(`RFF+REG:${dk.regNo(r)}`);
    seg(`RFF+STL:${vin(r)}`);
  } else if (reg.obj === 'machine') {
    seg(`RFF+STL:${vin(r)}`);
    seg(`RFF+MOT:${dk.letters(r, 3)}${r.digits(8)}`);
  } else if (reg.obj === 'boat') {
    seg(`RFF+BYG:DK-${dk.letters(r, 3)}${r.digits(5)}${dk.letters(r, 1)}${r.digits(3)}`);
  } else if (r.chance(0.5)) {
    seg(`RFF+SAF:${r.digits(6)}`);
  }
};
const debtorNad = (r) => seg(r.chance(0.7) ? personNad('DEB', r) : companyNad('DEB', r));
const kroner = (r) => String(r.int(20, 4000) * 1000);

export function panthaver(ctx, ref) {
  const r = ctx.rng;
  const d = ctx.dates;
  const kind = r.weighted(ctx.fromLienholder ? FROM_LIENHOLDER : FROM_INSURER);
  let reg = r.weighted(REGISTER);
  if (kind === 'Z15') reg = REGISTER[3][1]; // sum insured changes exist only for L (boats)
  const dkl = r.pick(reg.dkl);
  const dek = `RFF+DEK:D${d.today.slice(0, 4)}${String(++ctx.seq.dek).padStart(8, '0')}`;
  const sref = `RFF+REF:${dk.letters(r, 2)}${r.digits(6)}`;
  const pol = () => seg(`RFF+POL:${dk.policyNumber(r)}`);
  const msgDate = () => seg(`DTM+137:${d.today}:102`);
  const attDkl = () => seg(`ATT+DKL++${dkl}`);
  const prio = () => seg(`ATT+PRI++Z9${r.weighted([[70, 1], [20, 2], [7, 3], [3, 4]])}`);
  begin(ctx, ref, 'PANTDE:1:911:UN');
  seg(`BGM+${kind}`);
  switch (kind) {
    case '30': // new declaration
    case '32': // change of lienholder: same content, sent by the new lienholder
      seg(dek);
      seg(sref);
      if (r.chance(0.4)) pol(); // often unknown to the lienholder
      if (r.chance(0.5)) seg(`RFF+DEB:${r.digits(10)}`);
      objectRefs(r, reg);
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      seg(`ATT+PNT++${r.pick(['ZPA', 'ZLE', 'ZSA'])}`);
      attDkl();
      prio();
      if (reg.cover) seg(`ICD+DK+${reg.cover}`);
      seg(`MOA+PNT:${kroner(r)}`);
      if (r.chance(0.1)) ftx(r);
      envelopeNads(ctx);
      debtorNad(r);
      cta(r);
      break;
    case '31': // reminder
      seg(dek);
      seg(sref);
      msgDate();
      envelopeNads(ctx);
      break;
    case '36': // lien ended
      seg(dek);
      seg(sref);
      pol();
      msgDate();
      seg(`DTM+206:${r.pick(d.soon)}:102`);
      envelopeNads(ctx);
      break;
    case '37': // re-registration
      seg(dek);
      seg(sref);
      pol();
      msgDate();
      envelopeNads(ctx);
      break;
    case '38': // portfolio transfer between lienholders
      seg(dek);
      seg(sref);
      pol();
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      envelopeNads(ctx);
      debtorNad(r);
      break;
    case '33': // accept
    case '34': // accept without fee
      seg(dek);
      seg(sref);
      pol();
      msgDate();
      seg(`DTM+7:${d.today}:102`); // acceptance date: never later than receipt + 14 days
      attDkl();
      prio();
      if (dkl === 'ZLL') seg(`MOA+FSU:${kroner(r)}`); // L: sum insured required
      envelopeNads(ctx);
      cta(r);
      break;
    case '27': {
      // rejection: 1-3 reasons (code list not public; the profile's numbers) + optional text
      const n = r.weighted([[70, 1], [20, 2], [10, 3]]);
      for (let i = 0; i < n; i++) seg(`ERC+${r.int(1, 8)}`);
      seg(dek);
      seg(sref);
      msgDate();
      if (r.chance(0.4)) ftx(r);
      envelopeNads(ctx);
      break;
    }
    case 'Z10': // coverage ended (arrears / comprehensive-fire / other)
    case 'Z11':
    case 'Z12':
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+206:${r.pick(d.soon)}:102`);
      attDkl();
      if (reg.cover && r.chance(0.3)) seg(`ICD+DK+${reg.cover === 'ZKA' ? 'ZKM' : 'ZKA'}`); // never for D, E, L
      envelopeNads(ctx);
      break;
    case 'Z15': // sum insured changed (L only)
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      attDkl();
      seg(`MOA+FSU:${kroner(r)}`);
      envelopeNads(ctx);
      break;
    case 'Z20': // coverage restored
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      attDkl();
      if (r.chance(0.3)) ftx(r);
      envelopeNads(ctx);
      break;
    case 'Z40': // change of insurer: end date at most 30 days ahead + the new insurer
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+206:${r.pick(d.soon)}:102`);
      attDkl();
      envelopeNads(ctx);
      seg(`NAD+NFS+${otherInsurer(ctx)}::VIR`);
      break;
    case 'Z50': // administrative correction
      seg(dek);
      pol();
      if (r.chance(0.5)) seg(`RFF+DEB:${r.digits(10)}`);
      objectRefs(r, reg);
      msgDate();
      seg(`ATT+PNT++${r.pick(['ZPA', 'ZLE', 'ZSA'])}`);
      attDkl();
      envelopeNads(ctx);
      debtorNad(r);
      break;
    case 'Z60': // priority changed
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      attDkl();
      prio();
      envelopeNads(ctx);
      break;
    case 'Z70': // receipt to the old lienholder (the recipient of this interchange)
      seg(dek);
      pol();
      msgDate();
      attDkl();
      envelopeNads(ctx);
      seg(`NAD+GPH+${ctx.to}::${ctx.toType}`);
      break;
    case 'Z80': // portfolio transfer between insurers
      seg(dek);
      pol();
      msgDate();
      seg(`DTM+7:${r.pick(d.soon)}:102`);
      attDkl();
      envelopeNads(ctx);
      break;
    case '12': {
      const f = `F0${r.int(1, 5)}`;
      seg(`ERC+${f}`);
      seg(dek);
      msgDate();
      ftx(r);
      envelopeNads(ctx);
      break;
    }
  }
  return finish(ctx, ref);
}
