/**
 * The split finder's byte-level reading (`split-points.ts`): where an unreleased terminator is,
 * and which `UNH`/`UNB` really start a segment. A misjudged point only costs parallelism (each
 * is checked by the real tokenizer), so these are checked here, apart from the merged events.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_CHARS } from '../../src/syntax/service-chars.js';
import { parse } from '../../src/syntax/index.js';
import { SplitFinder, terminatorFrom } from '../../src/validate/split-points.js';
import type { ByteReader } from '../../src/validate/worker-protocol.js';
import { FAKE_UNB, PLAIN_BATCH, dataAfterBgm } from './helpers.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const readerOf = (buf: Buffer): ByteReader => (offset, length) => buf.subarray(offset, offset + length);

describe('terminatorFrom', () => {
  it('skips terminators released by an odd run of release characters, and looks back no further than where it starts', () => {
    expect(terminatorFrom(bytes("AB?'C'"), 0, DEFAULT_SERVICE_CHARS)).toBe(5);
    expect(terminatorFrom(bytes("AB??'C'"), 0, DEFAULT_SERVICE_CHARS)).toBe(4);
    expect(terminatorFrom(bytes("A???'C'"), 0, DEFAULT_SERVICE_CHARS)).toBe(6);
    expect(terminatorFrom(bytes("?'X'"), 1, DEFAULT_SERVICE_CHARS)).toBe(1);
    expect(terminatorFrom(bytes("?'X"), 0, DEFAULT_SERVICE_CHARS)).toBe(-1);
    // Without a release character (a space in the UNA) every terminator counts.
    expect(terminatorFrom(bytes("AB?'C'"), 0, { ...DEFAULT_SERVICE_CHARS, release: ' ' })).toBe(3);
  });
});

describe('SplitFinder', () => {
  const head = "UNA:+.? 'UNB+UNOC:3+A:ZZ+B:ZZ+240101:1200+1'";
  const message = (ref: string, text: string) => `UNH+${ref}+OPSIGE:1:911:UN'BGM+9'FTX+AAA+++${text}'UNT+4+${ref}'`;

  it('takes a UNH after an unreleased terminator, not one inside released text', () => {
    // The FTX of message 1 holds "?'UNH+9+…": released, so not a segment start.
    const text = head + message('1', "X?'UNH+9+OPSIGE:1:911:UN?'") + message('2', 'Y') + "UNZ+2+1'";
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    const point = finder.next(head.length + 1, 0);
    expect(point?.at).toBe(text.indexOf("UNH+2+"));
    expect(point?.prelude).toEqual({ start: 0, end: head.length });
  });

  it('finds the interchange of a file that starts with a UTF-8 byte order mark', () => {
    const unb = "UNB+UNOC:3+A:ZZ+B:ZZ+240101:1200+1'";
    const text = `\xEF\xBB\xBF${unb}${message('1', 'X')}${message('2', 'Y')}UNZ+2+1'`;
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    const point = finder.next(3 + unb.length + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH+2+'));
    expect(point?.prelude).toEqual({ start: 3, end: 3 + unb.length });
  });

  it('does not take a UNH whose run of release characters goes back past what it can see', () => {
    // 2,001 release characters release the terminator, so "UNH+9" is data. Searching from that
    // terminator, the finder sees only the last 1,024 of them (an even run): it must not trust it.
    const text = head + message('1', `X${'?'.repeat(2001)}'UNH+9+OPSIGE:1:911:UN`) + message('2', 'Y') + "UNZ+2+1'";
    const released = text.indexOf("'UNH+9");
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    expect(finder.next(released, 0)?.at).toBe(text.indexOf('UNH+2+'));
  });

  it('does not take a UNH after blanks that go back past what it can see', () => {
    // The blanks follow "X", not a terminator: "UNH+9" is data, but the finder sees only blanks.
    const text = head + message('1', `X${' '.repeat(2000)}UNH+9+OPSIGE:1:911:UN`) + message('2', 'Y') + "UNZ+2+1'";
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    expect(finder.next(text.indexOf('UNH+9'), 0)?.at).toBe(text.indexOf('UNH+2+'));
  });

  it('takes a UNH after an even run of release characters (released releases)', () => {
    const text = head + message('1', 'X??') + message('2', 'Y') + "UNZ+2+1'";
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    expect(finder.next(head.length + 1, 0)?.at).toBe(text.indexOf('UNH+2+'));
  });
});

describe('SplitFinder: the service characters of an interchange without a UNA of its own', () => {
  const custom = readFileSync('fixtures/custom-una.edi', 'latin1');
  const plain = PLAIN_BATCH;

  /** Every split point the finder finds walking `text` (each accepted, as validateFile does). */
  function walk(text: string): number[] {
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    const found: number[] = [];
    for (let point = finder.next(1, 0); point !== null; point = finder.next(point.at + 1, 0)) {
      finder.accept(point);
      found.push(point.at);
    }
    return found;
  }

  /** Where every line but the first starts an interchange (a UNA, a UNB without one) or a message. */
  function starts(text: string): number[] {
    const out: number[] = [];
    let previous = '';
    for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1) {
      const tag = text.slice(at, at + 3);
      if (at > 0 && (tag === 'UNA' || tag === 'UNH' || (tag === 'UNB' && previous !== 'UNA'))) out.push(at);
      previous = tag;
    }
    return out;
  }

  it('reads one with the defaults after a UNZ, as the tokenizer does, though the interchange before had a UNA', () => {
    // UNA|*,# ~ … UNZ*…~, then UNB+…' (defaults), then the UNA|… again: every start is found.
    const text = (custom + plain).repeat(3);
    expect(starts(text).length).toBe(3 * (1 + 1 + 1 + 7) - 1);
    expect(walk(text)).toEqual(starts(text));
  });

  it('looks back past it to the interchange before for the characters it is read with', () => {
    // Searching from inside the second interchange: its UNB follows the custom UNZ's "~".
    const text = custom + plain + custom;
    const unb = custom.length;
    const first = text.indexOf('UNH', unb);
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    const point = finder.next(first + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH', first + 1));
    expect(point?.prelude).toEqual({ start: unb, end: text.indexOf("'", unb) + 1 });
    expect(point?.context?.chars).toEqual(DEFAULT_SERVICE_CHARS);
  });

  it('reads one with the defaults after a UNZ though other segments stand between that UNZ and its UNB, as the tokenizer does', () => {
    // UNA|*,# ~ … UNZ*…~, then a segment outside any interchange (under the defaults), then UNB+…'.
    const text = (custom + "FTX+AAA'\n" + plain).repeat(3);
    expect(parse(text, { errors: 'collect' }).segments.filter((s) => s.tag === 'UNH').length).toBe(3 * (1 + 7));
    expect(starts(text).length).toBe(3 * (1 + 1 + 1 + 7) - 1);
    expect(walk(text)).toEqual(starts(text));
  });

  it('looks for that UNZ no further back than the UNB of the interchange before: a UNZ before it ended an earlier one', () => {
    // batch-mixed (UNZ), then opsigelse-9-motor under UNA:+,? ' without its UNZ, then batch-mixed without a UNA:
    // its UNB is still read with the comma (the tokenizer's rule), not with the defaults after the first UNZ.
    const unclosed = readFileSync('fixtures/opsigelse-9-motor.edi', 'latin1').replace("UNA:+.? '", "UNA:+,? '").replace(/UNZ\+[^']*'\n/, '');
    const text = plain + unclosed + plain;
    const finder = new SplitFinder(readerOf(bytes(text)), text.length);
    const context = finder.contextAt(text.indexOf('UNH', plain.length + unclosed.length) + 1);
    expect(context?.unbAt).toBe(plain.length + unclosed.length);
    expect(context?.chars).toEqual({ ...DEFAULT_SERVICE_CHARS, decimal: ',' });
    // A range fed that UNB alone, or started at it, would read it with the full stop: no split point in it.
    expect(context?.prelude).toBeNull();
    expect(finder.next(text.indexOf('UNH', plain.length) + 1, 0)).toBeNull();
  });

  it('reads one with the characters of the interchange before when that one has no UNZ, and splits nowhere in it', () => {
    // UNA|*,# ~ … without its UNZ, then UNB*…~ still under UNA|*,# ~, then the defaults after its UNZ.
    const unclosed = custom.replace(/UNZ\*[^~]*~\n/, '');
    const inherits = custom.replace(/^UNA.{6}\n/, '');
    const text = unclosed + inherits + plain + custom;
    const inside = (at: number): boolean => at >= unclosed.length && at < unclosed.length + inherits.length;
    expect(starts(text).length).toBe(1 + 1 + 1 + 1 + 7 + 2);
    expect(walk(text)).toEqual(starts(text).filter((at) => !inside(at)));
  });
});

describe('SplitFinder: a UNB of syntax version 1–3 under a UNA with a repetition separator', () => {
  // Versions 1–3 reserve the UNA's fifth place: the reader reads a line feed there as no
  // repetition separator (error 20), so the line feeds after the terminators are gaps it skips.
  const text = (version: string): string =>
    [`UNA:+.?\n'UNB+UNOC:${version}+A:ZZ+B:ZZ+240101:1200+1'`, "UNH+1+OPSIGE:1:911:UN'", "BGM+9'", "UNT+2+1'", "UNH+2+OPSIGE:1:911:UN'", "BGM+9'", "UNT+2+2'", "UNZ+2+1'"].join('\n');

  it('takes the UNH after a terminator and a line feed under version 3, as the reader reads it', () => {
    const v3 = text('3');
    expect(parse(v3, { errors: 'collect' }).segments.filter((s) => s.tag === 'UNH').length).toBe(2);
    const finder = new SplitFinder(readerOf(bytes(v3)), v3.length);
    const point = finder.next(v3.indexOf('UNH+1+') + 1, 0);
    expect(point?.at).toBe(v3.indexOf('UNH+2+'));
    expect(point?.context?.chars.repetition).toBe(' ');
  });

  it('does not under version 4, where the line feed is the repetition separator (data of the next segment)', () => {
    const v4 = text('4');
    expect(parse(v4, { errors: 'collect' }).segments.filter((s) => s.tag === 'UNH').length).toBe(0);
    const finder = new SplitFinder(readerOf(bytes(v4)), v4.length);
    expect(finder.next(v4.indexOf('UNH+1+') + 1, 0)).toBeNull();
  });
});

describe('SplitFinder: a UNB without a UNA of its own, after a terminator of the defaults', () => {
  // The defaults are in force after a UNZ (whatever the interchange had) and at the file start; a
  // UNB anywhere else is read with the characters in force there, which the finder learns from
  // the interchange before it.
  const plain = PLAIN_BATCH;
  const fake = FAKE_UNB;
  const file = dataAfterBgm;
  const finderOf = (text: string): SplitFinder => new SplitFinder(readerOf(bytes(text)), text.length);

  it("does not take \"'UNB+\" in data under a UNA whose terminator is another: the UNH after it is in the interchange of that UNA", () => {
    const text = file('UNA:+.? ~', (t) => t.replace(/'/g, '~'), `FTX+AAA+++X'${fake}'~`);
    const point = finderOf(text).next(text.indexOf(fake) + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH+2+'));
    expect(point?.prelude).toEqual({ start: 0, end: text.indexOf('~', text.indexOf('UNB+')) + 1 });
    expect(point?.context?.chars.terminator).toBe('~');
  });

  it("does not take \"!'UNB+\" in data under a UNA whose release character is '!'", () => {
    const text = file('UNA:+.! \'', (t) => t.replace('?+', '!+'), `FTX+AAA+++X!'${fake}'`);
    const point = finderOf(text).next(text.indexOf(fake) + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH+2+'));
    expect(point?.prelude).toEqual({ start: 0, end: text.indexOf("'", text.indexOf('UNB+')) + 1 });
    expect(point?.context?.chars.release).toBe('!');
  });

  it("splits nowhere inside an interchange whose UNB inherits characters no prelude of its own gives (\"?'UNB+\" under a UNA without a release character)", () => {
    // Without a release character "?'" ends the FTX: the UNB is one, read with the UNA's characters (no UNZ came between).
    const text = file("UNA:+.  '", (t) => t.replace('?+', ' '), `FTX+AAA+++X?'${fake}'`);
    expect(parse(text, { errors: 'collect' }).segments.filter((s) => s.tag === 'UNB').length).toBe(3);
    const point = finderOf(text).next(text.indexOf(fake) + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNB+', text.indexOf('UNZ+')));
    expect(point?.prelude).toBeNull();
    expect(point?.context?.chars).toEqual(DEFAULT_SERVICE_CHARS);
  });

  it('splits nowhere inside an interchange after one without UNZ whose UNA changed another character (the decimal mark)', () => {
    const second = plain.replace(/UNZ\+[^']*'\n/, '');
    const text = `UNA:+,? '\n${second}${plain}${plain}`;
    const inSecond = text.indexOf('UNH+', text.indexOf('UNB+', second.length)) + 1;
    const point = finderOf(text).next(inSecond, 0);
    expect(point?.at).toBe(text.indexOf('UNB+', text.indexOf('UNZ+')));
    expect(point?.context?.chars).toEqual(DEFAULT_SERVICE_CHARS);
  });

  it("does not take \"'UNA:+.? 'UNB+\" in data under a UNA whose terminator is another: a UNA too starts an interchange only after a UNZ", () => {
    const text = file('UNA:+.? ~', (t) => t.replace(/'/g, '~'), `FTX+AAA+++X'UNA:+.? '${fake}'~`);
    const point = finderOf(text).next(text.indexOf(fake) + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH+2+'));
    expect(point?.context?.chars.terminator).toBe('~');
  });

  it('reads a UNB with the defaults after a UNZ however many segments outside any interchange stand between', () => {
    // UNA|*,# ~ … UNZ*…~, then 200 segments (1,800 bytes) read with the defaults, then UNB+…' and another UNA|*,# ~.
    const custom = readFileSync('fixtures/custom-una.edi', 'latin1');
    const text = custom + "FTX+AAA'\n".repeat(200) + plain + custom;
    const finder = finderOf(text);
    const point = finder.next(text.indexOf('UNH*1*') + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNB+'));
    expect(point?.context?.chars).toEqual(DEFAULT_SERVICE_CHARS);
    finder.accept(point!);
    // The second UNA|*,# ~ follows the UNZ of that interchange: its message is in it, not in the first.
    const last = text.lastIndexOf('UNA|');
    const message = finder.next(text.indexOf('UNB*', last) + 1, 0);
    expect(message?.at).toBe(text.indexOf('UNH*1*', last));
    expect(message?.prelude).toEqual({ start: last, end: text.indexOf('~', text.indexOf('UNB*', last)) + 1 });
  });

  it('still takes the interchanges of a file that starts with a segment outside any', () => {
    const text = `FTX+AAA'\n${plain}${plain}`;
    const point = finderOf(text).next(text.indexOf('UNH+1+') + 1, 0);
    expect(point?.at).toBe(text.indexOf('UNH+2+'));
    expect(point?.prelude).toEqual({ start: text.indexOf('UNB+'), end: text.indexOf("'", text.indexOf('UNB+')) + 1 });
  });
});
