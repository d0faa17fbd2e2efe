#!/usr/bin/env node
// npm `edifact` 1.2.12 (tdecaluwe/node-edifact), its documented streaming API:
//   const parser = new Parser();          // default validator = no-op
//   parser.encoding('UNOC');              // default UNOA rejects lower case and Æ Ø Å
//   parser.onopensegment = (tag) => …     // README "Performance": define the callbacks as
//   parser.onelement = () => …            // methods instead of on('opensegment', …), which
//   parser.oncomponent = (value) => …     // skips the EventEmitter
//   parser.onclosesegment = () => …
//   parser.write(chunk); …; parser.end(); // chunk: a string; end() closes one interchange
// Fed latin1-decoded 64 KiB chunks through ../lib/latin1-feed.mjs, which works around the
// chunk-boundary release bug (a chunk never ends on `?`) and calls end() before every
// mid-stream UNA (the parser only accepts UNA as the first thing written).
import { performance } from 'node:perf_hooks';
import Parser from 'edifact/parser.js';
import { sink, report } from './sink.mjs';
import { feedLatin1 } from '../lib/latin1-feed.mjs';

const file = process.argv[2];
const t0 = performance.now();
const parser = new Parser();
parser.encoding('UNOC');
let seg;
let comps;
parser.onopensegment = (tag) => {
  seg = { tag, elements: [] };
};
parser.onelement = () => {
  comps = [];
  seg.elements.push(comps);
};
parser.oncomponent = (value) => {
  comps.push(value);
};
parser.onclosesegment = () => sink(seg);
const bytes = await feedLatin1(file, { write: (s) => parser.write(s), end: () => parser.end() });
report('edifact', {
  bytes,
  ms: performance.now() - t0,
  notes: 'latin1 strings in 64 KiB chunks; a chunk never ends on "?" (release-char chunk-boundary bug); end() before each mid-stream UNA',
});
