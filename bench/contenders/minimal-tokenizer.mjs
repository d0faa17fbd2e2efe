#!/usr/bin/env node
// Reference point, not a library: the least a JavaScript tokenizer can do and still build
// the sink's segment objects with every value a string. One loop over the characters of
// each latin1-decoded 64 KiB chunk, one class-table load per character, each value
// sliced out of the chunk, and each segment handed to the sink the moment it ends (no
// batches, no segment numbers or offsets, no limits, no charset check, no error reports).
// Its checksum must agree with the parsers', so it is a correct tokenizer of this input; it
// shows what "every value materialised as a string" costs on this machine by itself: roughly
// how far ahead of npm `edifact` a tokenizer that builds these objects can get.
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { report, sink } from './sink.mjs';

const file = process.argv[2];
const PLAIN = 0;
const COMPONENT = 1;
const ELEMENT = 2;
const TERMINATOR = 3;
const RELEASE = 4;
/** What each latin1 character is: one load per character instead of a compare chain. */
const classes = new Uint8Array(256);
function useServiceChars(component, element, release, terminator) {
  classes.fill(PLAIN);
  classes[component] = COMPONENT;
  classes[element] = ELEMENT;
  classes[release] = RELEASE;
  classes[terminator] = TERMINATOR;
}
useServiceChars(0x3a, 0x2b, 0x3f, 0x27);

/** Tokenizes `text` from its start; returns where the first incomplete segment begins. */
function scan(text) {
  const n = text.length;
  let pos = 0;
  for (;;) {
    while (pos < n && (text.charCodeAt(pos) === 0x0a || text.charCodeAt(pos) === 0x0d)) pos++;
    if (pos >= n) return pos;
    if (text.charCodeAt(pos) === 0x55 && text.startsWith('UNA', pos)) {
      if (pos + 9 > n) return pos;
      useServiceChars(text.charCodeAt(pos + 3), text.charCodeAt(pos + 4), text.charCodeAt(pos + 6), text.charCodeAt(pos + 8));
      pos += 9;
      continue;
    }
    let tag;
    const elements = [];
    let components = null;
    let released = '';
    let from = pos;
    let i = pos;
    for (; i < n; i++) {
      let kind = classes[text.charCodeAt(i)];
      if (kind === PLAIN) {
        // Data characters in a loop of their own: V8 keeps it in registers.
        do i++;
        while (i < n && (kind = classes[text.charCodeAt(i)]) === PLAIN);
        if (i >= n) break;
      }
      if (kind === RELEASE) {
        if (i + 1 >= n) return pos;
        released += text.slice(from, i) + text[i + 1];
        from = ++i + 1;
        continue;
      }
      let value = text.slice(from, i);
      if (released !== '') {
        value = released + value;
        released = '';
      }
      from = i + 1;
      if (kind === COMPONENT) (components ??= []).push(value);
      else {
        if (tag === undefined) tag = value;
        else if (components === null) elements.push([value]);
        else {
          components.push(value);
          elements.push(components);
          components = null;
        }
        if (kind === TERMINATOR) break;
      }
    }
    if (i >= n) return pos;
    sink({ tag, elements });
    pos = i + 1;
  }
}

const t0 = performance.now();
let carry = null;
for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
  // The unfinished segment is carried as bytes and joined as bytes, so the loop always
  // scans a flat string (a concatenated one would be a rope, slower on every character).
  const bytes = carry === null ? chunk : Buffer.concat([carry, chunk]);
  const rest = scan(bytes.latin1Slice(0, bytes.length));
  carry = rest < bytes.length ? bytes.subarray(rest) : null;
}
report('minimal-tokenizer', {
  bytes: statSync(file).size,
  ms: performance.now() - t0,
  notes: 'reference: one class-table loop, values sliced, each segment to the sink at once; no batches, numbering, limits or checks',
});
