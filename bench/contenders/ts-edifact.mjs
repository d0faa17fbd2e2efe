#!/usr/bin/env node
// npm `ts-edifact` 0.0.14 (RovoMe/ts-edifact), its documented streaming API (README "Usage"):
//   const parser = new Parser(new Configuration({ validator: new NullValidator(), charset: 'UNOC' }));
//   parser.onOpenSegment = (tag) => …     // README "Performance": callbacks as methods
//   parser.onElement = () => …
//   parser.onComponent = (value) => …
//   parser.onCloseSegment = () => …
//   parser.write(chunk); …; parser.end(); // "supports streaming … continue from where it left"
// charset: the default UNOA rejects lower case and Æ Ø Å. The README's
// parser.updateCharset('UNOC') does NOT work with a NullValidator (bug): it rebuilds the
// tokenizer's regex set but leaves the active regex on the old UNOA one, which only a
// validator's onOpenComponent() (ValidatorImpl calls buffer.alphanumeric()) would refresh —
// the parser then throws "Invalid character i". The typed `charset` option of Configuration
// (PropConfig.charset) sets it before the tokenizer is built, so that is what we use.
// NullValidator: the README says new Parser() uses one, but the code's default Configuration
// shares one ValidatorImpl; we pass the no-op validator explicitly so both incumbents do the
// same (no) validation work.
// Imported from lib/parser.js etc., not the package index: 0.0.14's index pulls in
// lib/edi/messageStructureParser.js, which requires `htmlparser2` — only a devDependency of
// ts-edifact, so `require('ts-edifact')` throws MODULE_NOT_FOUND after a normal install.
// Fed like `edifact` through ../lib/latin1-feed.mjs (same release-char and UNA workarounds).
import { performance } from 'node:perf_hooks';
import parserModule from 'ts-edifact/lib/parser.js';
import configurationModule from 'ts-edifact/lib/configuration.js';
import validatorModule from 'ts-edifact/lib/validator.js';
import { sink, report } from './sink.mjs';
import { feedLatin1 } from '../lib/latin1-feed.mjs';

const { Parser } = parserModule;
const { Configuration } = configurationModule;
const { NullValidator } = validatorModule;

const file = process.argv[2];
const t0 = performance.now();
const parser = new Parser(new Configuration({ validator: new NullValidator(), charset: 'UNOC' }));
let seg;
let comps;
parser.onOpenSegment = (tag) => {
  seg = { tag, elements: [] };
};
parser.onElement = () => {
  comps = [];
  seg.elements.push(comps);
};
parser.onComponent = (value) => {
  comps.push(value);
};
parser.onCloseSegment = () => sink(seg);
const bytes = await feedLatin1(file, { write: (s) => parser.write(s), end: () => parser.end() });
report('ts-edifact', {
  bytes,
  ms: performance.now() - t0,
  notes: 'latin1 strings in 64 KiB chunks; a chunk never ends on "?" (release-char chunk-boundary bug); end() before each mid-stream UNA',
});
