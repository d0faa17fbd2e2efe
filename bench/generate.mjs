#!/usr/bin/env node
// Deterministic generator of realistic F&P interchanges in the default profile's wire format.
//
//   node bench/generate.mjs --size-mib 10 --out /tmp/x.edi [--seed 1] [--newlines[=crlf]]
//
// Writes a sequence of interchanges (UNA + UNB ... UNZ, 500–2000 messages each, fewer in the
// last one so the file stops near the requested size), alternating opsigelser and
// panthaverdeklarationer (lienholder -> insurer and insurer -> lienholder in turn), as
// ISO 8859-1 bytes. Prints the counts as JSON and writes them to the sidecar `<out>.json`
// (the runner reads `messages` from it for messages/s and `segments` to check contenders).
// Output is streamed through one fixed 4 MiB buffer with synchronous writes, so memory stays
// flat whatever the size (1 GiB takes a few seconds).

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from './lib/prng.mjs';
import { interchangeDates } from './lib/dates.mjs';
import { opsigelse, panthaver } from './lib/messages.mjs';
import { cvr } from './lib/danish.mjs';

/** Bumped whenever the output for a given seed changes, so cached bench files are redone. */
export const GENERATOR_VERSION = 2;

const MiB = 1024 * 1024;
// Buffer#latin1Write is Node's own (undocumented, long-standing) fast path; on a 1 GiB file
// it saves about a quarter of the run time over buf.write(s, off, 'latin1').
const latin1Write =
  typeof Buffer.prototype.latin1Write === 'function'
    ? (buf, s, off) => buf.latin1Write(s, off)
    : (buf, s, off) => buf.write(s, off, 'latin1');

class ChunkWriter {
  constructor(path, size = 4 * MiB) {
    this.fd = fs.openSync(path, 'w');
    this.buf = Buffer.allocUnsafe(size);
    this.off = 0;
    this.bytes = 0;
    this.pending = '';
  }
  /** s holds only chars <= U+00FF, so one char is one latin1 byte. */
  write(s) {
    // Concatenate small strings first: one Buffer.write per ~64 KiB instead of one per
    // message is markedly cheaper (per-call overhead and flattening of many tiny ropes).
    this.pending += s;
    this.bytes += s.length;
    if (this.pending.length >= 65536) this.drain();
  }
  drain() {
    const s = this.pending;
    this.pending = '';
    if (this.off + s.length > this.buf.length) this.flush();
    if (s.length > this.buf.length) fs.writeSync(this.fd, Buffer.from(s, 'latin1'));
    else this.off += latin1Write(this.buf, s, this.off);
  }
  flush() {
    let done = 0;
    while (done < this.off) done += fs.writeSync(this.fd, this.buf, done, this.off - done);
    this.off = 0;
  }
  close() {
    this.drain();
    this.flush();
    fs.closeSync(this.fd);
  }
}

const OPS_PREFIX = ['TRY', 'ALM', 'TOP', 'COD', 'GF', 'LB', 'ALKA', 'SAM', 'DAN', 'NOR'];

/**
 * Generate a file; returns (and writes to `${out}.json`) the counts.
 * @param {{ sizeMiB: number, seed?: number, newlines?: boolean | 'crlf', out: string }} opts
 */
export function generate({ sizeMiB, seed = 1, newlines = false, out }) {
  if (!(sizeMiB > 0) || !out) throw new Error('generate: sizeMiB > 0 and out are required');
  const target = Math.round(sizeMiB * MiB);
  const rng = createRng(seed);
  const nl = newlines === 'crlf' ? '\r\n' : newlines ? '\n' : '';
  const T = "'" + nl;

  // The parties of the file: insurers (8-digit VIR numbers, an F&P id: no check digit) and
  // lienholders (banks / finance houses, identified by a modulus-11-valid CVR number).
  const insurers = [];
  while (insurers.length < 10) {
    const v = String(rng.int(10000000, 99999999));
    if (!insurers.includes(v)) insurers.push(v);
  }
  const lienholders = Array.from({ length: 6 }, () => cvr(rng));
  const seq = { ops: 0, dek: 0 };

  const w = new ChunkWriter(out);
  let interchanges = 0;
  let messages = 0;
  let segments = 0;
  for (let i = 0; w.bytes < target; i++) {
    const dates = interchangeDates(rng, i);
    const exchange = i % 2 === 0 ? 'ops' : i % 4 === 1 ? 'pant-in' : 'pant-out';
    let from;
    let to;
    let fromType = 'VIR';
    let toType = 'VIR';
    if (exchange === 'ops') {
      from = rng.pick(insurers);
      do to = rng.pick(insurers);
      while (to === from);
    } else {
      const insurer = rng.pick(insurers);
      const lienholder = rng.pick(lienholders);
      if (exchange === 'pant-in') [from, fromType, to] = [lienholder, 'CVR', insurer];
      else [from, to, toType] = [insurer, lienholder, 'CVR'];
    }
    const ctx = {
      rng, T, from, to, fromType, toType, dates, insurers, seq, count: 0,
      fromLienholder: exchange === 'pant-in',
      opsPrefix: OPS_PREFIX[insurers.indexOf(from)] ?? 'XX',
    };
    // Interchange reference (an..14): sending date/time + running number, unique per sender.
    const ref = `${dates.unbDate}${dates.unbTime}${String(i % 10000).padStart(4, '0')}`;
    w.write(`UNA:+.? '${nl}UNB+UNOC:3+${from}:ZZ+${to}:ZZ+${dates.unbDate}:${dates.unbTime}+${ref}${T}`);
    const planned = rng.int(500, 2000);
    const build = exchange === 'ops' ? opsigelse : panthaver;
    let n = 0;
    while (n < planned && (n === 0 || w.bytes < target)) {
      n++;
      w.write(build(ctx, String(n)));
      segments += ctx.count;
    }
    w.write(`UNZ+${n}+${ref}${T}`);
    segments += 2; // UNB + UNZ (UNA is a service string advice, not a segment)
    messages += n;
    interchanges++;
  }
  w.close();

  const counts = {
    bytes: w.bytes,
    interchanges,
    messages,
    segments,
    sizeMiB,
    seed,
    newlines: nl === '' ? false : nl === '\n' ? true : 'crlf',
    generatorVersion: GENERATOR_VERSION,
  };
  fs.writeFileSync(`${out}.json`, JSON.stringify(counts, null, 2) + '\n');
  return counts;
}

const USAGE = 'usage: node bench/generate.mjs --size-mib <n> --out <file> [--seed <int>] [--newlines[=crlf]]';

function parseArgs(argv) {
  const opts = { seed: 1, newlines: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size-mib') opts.sizeMiB = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--newlines') opts.newlines = true;
    else if (a === '--newlines=crlf') opts.newlines = 'crlf';
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(opts.sizeMiB > 0) || !opts.out || !Number.isInteger(opts.seed)) {
    throw new Error(USAGE);
  }
  return opts;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    console.log(JSON.stringify(generate(parseArgs(args))));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
