// The one sink every parsing contender hands its segments to (not a contender itself: the
// runner skips this file). Identical per-segment work for everyone, and enough of it that no
// engine can optimise the parsing away: count segments and messages (UNH), and fold a cheap
// order-dependent FNV-1a style checksum over, per segment: the tag's chars, the element
// count, the component count, the total value length and the first char code of every
// non-empty component.
//
// The segment object all contenders build (so their checksums must agree):
//   { tag: 'NAD', elements: [['MR'], ['22222222', '', 'VIR']] }
// - elements are the data elements after the tag, each as its components, exactly as on the
//   wire after decoding ISO 8859-1 and removing release characters (`?+` -> `+`);
// - an empty element is [''] and empty components are kept ('' between two `:`);
// - a segment without elements (`ABC'`) has elements [];
// - the UNA service string advice is NOT a segment: never hand it to the sink;
// - line breaks after the terminator are not data.
// The latin1 decode matters: a contender that decodes UTF-8 turns Ø into U+FFFD and the
// first-char fold (Ø starts many street names) no longer matches.

let segments = 0;
let messages = 0;
let h = 0x811c9dc5 | 0;

/** @param {{ tag: string, elements: string[][] }} seg */
export function sink(seg) {
  segments++;
  const tag = seg.tag;
  if (tag === 'UNH') messages++;
  const els = seg.elements;
  let components = 0;
  let length = 0;
  let firsts = 0;
  for (let i = 0; i < els.length; i++) {
    const comps = els[i];
    components += comps.length;
    for (let j = 0; j < comps.length; j++) {
      const c = comps[j];
      if (c.length !== 0) {
        length += c.length;
        firsts = (Math.imul(firsts, 31) + c.charCodeAt(0)) | 0;
      }
    }
  }
  let x = h;
  for (let i = 0; i < tag.length; i++) x = Math.imul(x ^ tag.charCodeAt(i), 16777619);
  x = Math.imul(x ^ els.length, 16777619);
  x = Math.imul(x ^ components, 16777619);
  x = Math.imul(x ^ length, 16777619);
  h = Math.imul(x ^ firsts, 16777619);
}

/**
 * The validator contenders' sink: each message event goes to {@link sink} as a small
 * segment-shaped record (so the runner counts messages by UNH); returns how many messages were
 * not accepted.
 * @param {Array<{ type: string, message?: { status: string } }>} events
 */
export function sinkMessageEvents(events) {
  let problems = 0;
  for (const event of events) {
    if (event.type !== 'message') continue;
    sink({ tag: 'UNH', elements: [[event.message.status]] });
    if (event.message.status !== 'accepted') problems++;
  }
  return problems;
}

/**
 * Print the contender's one result line (JSON) on stdout. `ms` is measured by the contender
 * from just before its first read to the end of parsing, with performance.now().
 * Baselines that do not use the sink pass their own counts in `override`.
 */
export function report(contender, { bytes, ms, kind = 'parser', notes, ...override }) {
  const line = {
    contender,
    kind,
    bytes,
    segments,
    messages,
    checksum: (h >>> 0).toString(16).padStart(8, '0'),
    ms: Math.round(ms * 1000) / 1000,
    ...override,
  };
  if (notes) line.notes = notes;
  process.stdout.write(JSON.stringify(line) + '\n');
}
