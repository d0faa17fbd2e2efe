#!/usr/bin/env node
// Independent sanity check of a generated bench file against the default profile:
//   node bench/check-generated.mjs /tmp/x.edi
// Not the library's validator (that lives in src/) — a small, separate reading of the
// profile so a generator bug cannot hide behind the code it is meant to exercise. Checks:
// characters (UNOC printable, line breaks only after a terminator, `?` only before a service
// character), UNB/UNZ and UNH/UNT counts and references, the sidecar counts, segment order
// and repetitions per the two segment tables, element lengths, real dates, the NAD envelope
// rule (MR = UNB recipient, MS = UNB sender) and the per-kind rules the generator relies on.
// Exit code 1 and a list of problems if anything is off.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// ------------------------------------------------------------------ tokenizing
export function* segments(text) {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.startsWith('UNA', i)) {
      i += 9;
      continue;
    }
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      const prev = text.charCodeAt(i - 1);
      if (prev !== 39 && prev !== 10 && prev !== 13) throw new Error(`line break inside a segment at ${i}`);
      i++;
      continue;
    }
    const start = i;
    const elements = [];
    let comps = [];
    let cur = '';
    let tag = null;
    for (;;) {
      if (i >= n) throw new Error(`unterminated segment at ${start}`);
      const ch = text[i++];
      const code = ch.charCodeAt(0);
      if (ch === '?') {
        const nx = text[i++];
        if (!':+\'?'.includes(nx)) throw new Error(`release before a non-service char ${JSON.stringify(nx)} at ${i}`);
        cur += nx;
      } else if (ch === ':' || ch === '+' || ch === "'") {
        if (tag === null) {
          if (ch === ':') throw new Error(`':' in a tag at ${start}`);
          tag = cur;
        } else {
          comps.push(cur);
          if (ch !== ':') {
            elements.push(comps);
            comps = [];
          }
        }
        cur = '';
        if (ch === "'") break;
      } else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
        cur += ch;
      } else {
        throw new Error(`char ${code} outside UNOC printable at ${i - 1}`);
      }
    }
    yield { tag, elements, offset: start };
  }
}

// ------------------------------------------------------------------ segment tables
// [tag, max, group, groupMax]; a group's first entry is its head.
const OPS_TABLE = [
  ['UNH', 1], ['BGM', 1], ['ERC', 1], ['RFF', 1], ['OSI', 1], ['DTM', 4], ['DOC', 2], ['FTX', 5],
  ['NAD', 6], ['RFF', 3], ['BRC', 1], ['CTA', 1], ['SIF', 1, 'SG1', 1], ['DTM', 3, 'SG1'],
  ['SHI', 1, 'SG2', 10], ['DTM', 1, 'SG2'], ['UNT', 1],
];
const PANT_TABLE = [
  ['UNH', 1], ['BGM', 1], ['ERC', 3], ['RFF', 9], ['DTM', 5], ['ATT', 9], ['ICD', 1], ['MOA', 2],
  ['FTX', 5], ['NAD', 5], ['CTA', 1], ['UNT', 1],
];
const MANDATORY = { OPSIGE: ['UNH', 'BGM', 'RFF', 'DTM', 'NAD', 'BRC', 'UNT'], PANTDE: ['UNH', 'BGM', 'RFF', 'DTM', 'NAD', 'UNT'] };

/** Walk a message's tags through a table; returns a problem string or null. */
function checkOrder(tags, table) {
  let pos = 0;
  let count = 1; // UNH at position 0
  let groupCount = 0;
  for (let k = 1; k < tags.length; k++) {
    const tag = tags[k];
    const [ctag, cmax, cgroup] = table[pos];
    if (tag === ctag && count < cmax) {
      count++;
      continue;
    }
    let j = pos + 1;
    // a group head again while inside that group = next group occurrence
    const head = table.findIndex((e) => e[0] === tag && e[2] && e[3] !== undefined);
    if (head !== -1 && cgroup === table[head][2] && head <= pos) {
      if (++groupCount > table[head][3]) return `too many ${table[head][2]} groups`;
      pos = head;
      count = 1;
      continue;
    }
    while (j < table.length && table[j][0] !== tag) j++;
    if (j === table.length) return `${tag} out of order or too many (segment ${k + 1})`;
    const [, , g, gmax] = table[j];
    if (g && gmax === undefined && g !== cgroup) return `${tag} of ${g} without its group head`;
    if (g && gmax !== undefined) groupCount = 1;
    pos = j;
    count = 1;
  }
  return null;
}

// ------------------------------------------------------------------ helpers
const realDate = (s) => {
  if (!/^\d{8}$/.test(s)) return false;
  const y = +s.slice(0, 4), m = +s.slice(4, 6), d = +s.slice(6, 8);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const el = (s, e, c = 0) => s.elements[e]?.[c] ?? '';
const BONUS = new Set(['001:001', '001:002', '001:004', '001:999']);

function checkMessage(msg, env, problems) {
  const where = `interchange ${env.ref} message ${el(msg[0], 0)}`;
  const say = (p) => problems.push(`${where}: ${p}`);
  const type = el(msg[0], 1, 0);
  const tags = msg.map((s) => s.tag);
  const order = checkOrder(tags, type === 'OPSIGE' ? OPS_TABLE : PANT_TABLE);
  if (order) say(order);
  for (const t of MANDATORY[type] ?? []) if (!tags.includes(t)) say(`missing ${t}`);
  const kind = el(msg[1], 0);
  const has = (tag, q) => msg.some((s) => s.tag === tag && (q === undefined || el(s, 0) === q));
  const dtm = (q) => msg.find((s) => s.tag === 'DTM' && el(s, 0, 0) === q);
  const nads = msg.filter((s) => s.tag === 'NAD');
  if (el(nads[0] ?? { elements: [] }, 0) !== 'MR' || el(nads[0], 1) !== env.to) say('first NAD is not MR = UNB recipient');
  if (el(nads[1] ?? { elements: [] }, 0) !== 'MS' || el(nads[1], 1) !== env.from) say('second NAD is not MS = UNB sender');
  if (dtm('137') && el(dtm('137'), 0, 1) !== env.date) say('DTM 137 differs from the UNB date');
  for (const s of msg) {
    for (const comps of s.elements) for (const c of comps) if (c.length > (s.tag === 'FTX' ? 70 : 35)) say(`${s.tag} value longer than allowed: ${c}`);
    if (s.tag === 'DTM' && el(s, 0, 2) === '102' && !(el(s, 0, 0) === '293' ? el(s, 0, 1) === '' : realDate(el(s, 0, 1)))) say(`bad date ${el(s, 0, 1)}`);
    if (s.tag === 'RFF' && el(s, 0, 0) === 'POL' && ['', 'ukendt', '???'].includes(el(s, 0, 1))) say('forbidden policy number');
  }
  if (type === 'OPSIGE') {
    const brc = msg.find((s) => s.tag === 'BRC');
    const branch = el(brc ?? { elements: [] }, 0, 0);
    const bonus = BONUS.has(`${branch}:${el(brc ?? { elements: [] }, 0, 1)}`);
    const business = branch === '004' || branch === '006';
    const erc = el(msg.find((s) => s.tag === 'ERC') ?? { elements: [] }, 0);
    if (!['9', '11', '12', '13', '15', '27', '29'].includes(kind)) say(`unknown kind ${kind}`);
    if (kind !== '9' && has('OSI', 'BRO')) say('OSI BRO outside a 9');
    if (kind !== '27' && has('ERC') && kind !== '12') say('ERC where the kind has none');
    if (has('NAD', 'OPS') && !(kind === '27' && erc === '9')) say('NAD OPS outside a 27 with ERC 9');
    if (has('DOC', '11') && !bonus) say('DOC 11 outside motor bonus products');
    if (has('SIF') && !(kind === '11' || kind === '29')) say('bonus block in a kind without one');
    if (has('SIF') && !bonus) say('bonus block outside motor bonus products');
    if (dtm('296') && business) say('shortened notice for 004/006');
    if (['9', '11', '13', '29'].includes(kind) && !has('NAD', 'FT1')) say('missing NAD FT1');
    if (['9', '29'].includes(kind) && branch === '002' && !has('NAD', 'FS')) say('building without NAD FS');
    if (kind === '9') {
      if (!has('RFF', 'POL')) say('9 without RFF POL');
      if (!['287', '288', '294', '296'].some((q) => dtm(q))) say('9 without a cancellation date');
      if (has('FTX') !== !!dtm('288')) say('FTX in a 9 without DTM 288, or 288 without FTX');
      if (dtm('295')) say('DTM 295 in a 9');
      if (branch === '001' && !has('RFF', 'REG')) say('motor 9 without RFF REG');
    }
    if (kind === '11' && (!has('SIF') || !bonus)) say('11 without SIF or outside bonus products');
    if (kind === '12' && !/^F0[1-5]$/.test(erc)) say('12 without ERC F01–F05');
    if (kind === '13' && (!has('DOC', '11') || !has('RFF', 'POL') || !dtm('295') || !bonus)) say('13 incomplete');
    if (kind === '15' && !has('DOC')) say('15 without DOC');
    if (kind === '27') {
      if (!(+erc >= 1 && +erc <= 23)) say(`27 with ERC ${erc}`);
      if (['9', '10', '11', '12'].includes(erc) && !dtm('295')) say('27 without end date');
      if (has('DOC')) say('DOC in a 27');
    }
    if (kind === '29' && has('OSI', 'ODC') !== !!dtm('287')) say('OSI ODC without the changed date (or the reverse)');
    if (kind === '29' && branch === '002' && !has('RFF', 'MAT')) say('building 29 without RFF MAT');
  } else {
    const dkl = el(msg.find((s) => s.tag === 'ATT' && el(s, 0) === 'DKL') ?? { elements: [] }, 2);
    if (kind === 'Z15' && dkl !== 'ZLL') say('Z15 on a non-L declaration');
    if (['Z10', 'Z11', 'Z12'].includes(kind) && has('ICD') && ['ZDD', 'ZEE', 'ZLL'].includes(dkl)) say('cover type change on D/E/L');
    if (['33', '34'].includes(kind) && dkl === 'ZLL' && (!has('MOA') || !dtm('7'))) say('L accept without sum insured / acceptance date');
    if (kind === 'Z40') {
      const end = el(dtm('206') ?? { elements: [] }, 0, 1);
      const days = (Date.UTC(+end.slice(0, 4), +end.slice(4, 6) - 1, +end.slice(6)) - Date.UTC(+env.date.slice(0, 4), +env.date.slice(4, 6) - 1, +env.date.slice(6))) / 864e5;
      if (!(days >= 0 && days <= 30) || !has('NAD', 'NFS')) say('Z40 end date more than 30 days ahead or no new insurer');
    }
    if (kind === '27' && !has('ERC')) say('27 without a reason');
  }
}

// ------------------------------------------------------------------ main
export function checkFile(file) {
  const text = fs.readFileSync(file, 'latin1');
  const problems = [];
  let env = null;
  let msg = null;
  let interchanges = 0, messages = 0, segs = 0, inInterchange = 0;
  try {
  for (const s of segments(text)) {
    segs++;
    if (s.tag === 'UNB') {
      if (env) problems.push(`UNB inside interchange ${env.ref}`);
      const d = el(s, 3, 0);
      env = { from: el(s, 1), to: el(s, 2), ref: el(s, 4), date: `20${d}` };
      if (el(s, 0, 0) !== 'UNOC' || el(s, 0, 1) !== '3') problems.push(`UNB syntax ${el(s, 0, 0)}:${el(s, 0, 1)}`);
      if (!realDate(env.date) || !/^\d{4}$/.test(el(s, 3, 1)) || env.ref.length > 14) problems.push(`bad UNB ${env.ref}`);
      inInterchange = 0;
    } else if (s.tag === 'UNZ') {
      if (!env || +el(s, 0) !== inInterchange || el(s, 1) !== env.ref) problems.push(`UNZ count/ref wrong in ${env?.ref}`);
      interchanges++;
      env = null;
    } else if (s.tag === 'UNH') {
      if (msg) problems.push(`UNH inside a message in ${env?.ref}`);
      msg = [s];
    } else if (msg) {
      msg.push(s);
      if (s.tag === 'UNT') {
        if (+el(s, 0) !== msg.length || el(s, 1) !== el(msg[0], 0)) problems.push(`UNT count/ref wrong: ${env?.ref} message ${el(msg[0], 0)}`);
        if (el(msg[0], 0) !== String(inInterchange + 1)) problems.push(`message references not running in ${env?.ref}`);
        checkMessage(msg, env, problems);
        messages++;
        inInterchange++;
        msg = null;
      }
    } else {
      problems.push(`${s.tag} outside a message at ${s.offset}`);
    }
  }
  } catch (e) {
    problems.push(`syntax: ${e.message}`);
    return { counts: { segments: segs }, problems };
  }
  if (env || msg) problems.push('file ends inside an interchange');
  const counts = { bytes: Buffer.byteLength(text, 'latin1'), interchanges, messages, segments: segs };
  try {
    const side = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    for (const k of Object.keys(counts)) if (side[k] !== counts[k]) problems.push(`sidecar ${k} ${side[k]} != ${counts[k]}`);
  } catch {
    problems.push('no sidecar');
  }
  return { counts, problems };
}

const isMain = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/check-generated.mjs <file.edi>');
  const { counts, problems } = checkFile(file);
  console.log(JSON.stringify(counts));
  for (const p of problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  if (problems.length) console.log(`${problems.length} problem(s)`);
  else console.log('ok: no problems');
  process.exitCode = problems.length ? 1 : 0;
}
