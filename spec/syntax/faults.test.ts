import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { EdifactSyntaxError, parse, parseServiceString, readSegments, serialize, type Segment } from '../../src/syntax/index.js';
import { Tokenizer } from '../../src/syntax/tokenizer.js';
import { SegmentSplitter } from '../../src/syntax/split.js';

async function* from(parts: Array<Uint8Array | string>) {
  for (const p of parts) yield p;
}

async function collect(parts: Array<Uint8Array | string>) {
  const errors: EdifactSyntaxError[] = [];
  const segments: Segment[] = [];
  for await (const s of readSegments(from(parts), { errors: 'collect', onError: (e) => errors.push(e) })) segments.push(s);
  return { segments, errors };
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe("the faults of today's JavaScript EDIFACT libraries, each absent", () => {
  it('a chunk that ends right after the release character keeps the released terminator', async () => {
    const { segments } = await collect([latin1("UNB+UNOC:3+1+2+240101:1200+R'FTX+A?"), latin1("'B'")]);
    expect(segments[1]?.elements).toEqual([["A'B"]]);
  });

  it('a chunk boundary between two release characters (?? then terminator)', async () => {
    const { segments } = await collect([latin1("FTX+A?"), latin1("?'BBB'")]);
    expect(segments.map((s) => [s.tag, s.elements])).toEqual([
      ['FTX', [['A?']]],
      ['BBB', []],
    ]);
  });

  it('custom UNA UNA|*,# ~ (component |, element *, decimal comma, release #, terminator ~)', () => {
    const text = 'UNA|*,# ~UNB*UNOC|3*1*2*240101|1200*R~MOA*203|1234,56~FTX*a#*b#|c#~d##~';
    const { segments } = parse(text);
    expect(segments[1]?.elements).toEqual([['203', '1234,56']]);
    expect(segments[2]?.elements).toEqual([['a*b|c~d#']]);
    expect(parseServiceString('|*,# ~')).toEqual({ component: '|', element: '*', decimal: ',', release: '#', repetition: ' ', terminator: '~' });
  });

  it('the custom-UNA fixture parses with its release sequences and decimal comma', () => {
    const { segments, errors } = parse(readFileSync('fixtures/custom-una.edi'), { errors: 'collect' });
    expect(errors).toEqual([]);
    const values = segments.flatMap((s) => s.elements.flat());
    expect(values.some((v) => /[*|~#]/.test(v))).toBe(true);
    expect(values.some((v) => /^\d+,\d+$/.test(v))).toBe(true);
  });

  it('decodes æøå under UNOC from single Latin-1 bytes', () => {
    const bytes = latin1("UNB+UNOC:3+1+2+240101:1200+R'NAD+FT1+++S\xf8ren \xc6r\xf8 \xc5g\xe5rd'");
    expect(bytes.length).toBe(55); // one byte per Danish letter
    expect(parse(bytes).segments[1]?.elements[3]).toEqual(['Søren Ærø Ågård']);
  });

  it('decodes UTF-8 under UNOY, including 4-byte characters split across chunks', async () => {
    const bytes = Buffer.from("UNB+UNOY:4+1+2+20240101:1200+R'NAD+FT1+++Søren 🚗 Ωł'", 'utf8');
    const emoji = bytes.indexOf(Buffer.from('🚗', 'utf8'));
    const { segments, errors } = await collect([bytes.subarray(0, emoji + 1), bytes.subarray(emoji + 1, emoji + 3), bytes.subarray(emoji + 3)]);
    expect(errors).toEqual([]);
    expect(segments[1]?.elements[3]).toEqual(['Søren 🚗 Ωł']);
  });

  it('reads CRLF after terminators as layout, not data', () => {
    const { segments, errors } = parse(readFileSync('fixtures/crlf.edi'), { errors: 'collect' });
    expect(errors).toEqual([]);
    for (const s of segments) {
      expect(s.tag).toMatch(/^[A-Z0-9]{3}$/);
      expect(s.elements.flat().join('')).not.toMatch(/[\r\n]/);
    }
  });

  it('an invalid byte in a later chunk reports its absolute offset', async () => {
    const head = latin1("UNB+UNOA:3+1+2+240101:1200+R'BGM+9'");
    const tail = latin1("NAD+MR+ABC\x81DEF'");
    const { errors } = await collect([head, tail]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('21');
    expect(errors[0]?.offset).toBe(head.length + 10);
    expect(errors[0]?.segmentNumber).toBe(3);
    expect(errors[0]?.tag).toBe('NAD');
  });

  it('a missing final terminator reports the unterminated segment', () => {
    const text = "UNB+UNOC:3+1+2+240101:1200+R'UNZ+0+R";
    const { errors } = parse(text, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset, e.tag])).toEqual([['13', 29, 'UNZ']]);
    expect(() => parse(text)).toThrow(EdifactSyntaxError);
  });

  it('lowercase is outside UNOA', () => {
    const { errors } = parse(latin1("UNB+UNOA:3+1+2+240101:1200+R'NAD+MR+abc'"), { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['21', 36]]);
  });

  it('the UNB itself is held to the repertoire it declares, whichever the interchange before it used', () => {
    const unoa = "UNB+UNOA:3+1+2+240101:1200+R++opsige'UNZ+0+R'";
    for (const text of [unoa, "UNB+UNOC:3+1+2+240101:1200+Q'UNZ+0+Q'" + unoa]) {
      const { errors } = parse(latin1(text), { errors: 'collect' });
      expect(errors.map((e) => [e.code, e.offset, e.tag]), text).toEqual([['21', text.indexOf('opsige'), 'UNB']]);
    }
    // A UNOC UNB after a UNOA interchange may hold what UNOA may not.
    const after = "UNB+UNOA:3+1+2+240101:1200+R'UNZ+0+R'UNB+UNOC:3+1+2+240101:1200+Q++opsige'UNZ+0+Q'";
    expect(parse(latin1(after), { errors: 'collect' }).errors).toEqual([]);
  });

  it('invalid UTF-8 under UNOY is error 21 at the bad byte, not replaced silently', () => {
    const bytes = Buffer.concat([latin1("UNB+UNOY:4+1+2+20240101:1200+R'NAD+MR+ab"), Buffer.from([0xc3, 0x28]), latin1("'")]);
    const { errors } = parse(bytes, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['21', 40]]);
  });

  it('UNOD (ISO 8859-2) decodes through iconv-lite', () => {
    const bytes = Buffer.concat([latin1("UNB+UNOD:3+1+2+240101:1200+R'NAD+MR+"), Buffer.from([0xb3, 0xb1]), latin1("'")]);
    expect(parse(bytes).segments[1]?.elements[1]).toEqual(['łą']);
  });

  it('an unsupported syntax identifier is error 2', () => {
    const { errors } = parse("UNB+UNOX:3+1+2+240101:1200+R'", { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.tag, e.element, e.component])).toEqual([['2', 'UNB', 1, 1]]);
  });
});

describe('UNA', () => {
  it('rejects two roles sharing one character with error 22 and its position', () => {
    const { errors } = parse("UNA::.? 'UNB+UNOC:3+1+2+240101:1200+R'", { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['22', 4]]);
  });

  it('rejects a letter as separator with error 20', () => {
    const { errors } = parse("UNA:X.? 'UNB+UNOC:3'", { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['20', 4]]);
  });

  it('accepts a space as repetition separator and a UNA split over chunks', async () => {
    const { segments } = await collect(['UN', 'A:+', '.? ', "'AB", "C+1'"]);
    expect(segments.map((s) => s.tag)).toEqual(['ABC']);
  });

  it('applies a second UNA to the second interchange', () => {
    const { segments } = parse(readFileSync('fixtures/multi-interchange.edi'), { errors: 'collect' });
    const unbs = segments.filter((s) => s.tag === 'UNB');
    expect(unbs).toHaveLength(2);
    expect(segments.every((s) => /^[A-Z0-9]{3}$/.test(s.tag))).toBe(true);
  });
});

describe('positions', () => {
  it('numbers segments in the interchange and in the message', () => {
    const { segments } = parse("UNA:+.? '\nUNB+UNOC:3+1+2+240101:1200+R'\nUNH+1+X:1:1:UN'\nBGM+9'\nUNT+3+1'\nUNZ+1+R'\n");
    expect(segments.map((s) => [s.tag, s.offset, s.segmentNumber, s.messageSegmentNumber])).toEqual([
      ['UNB', 10, 1, 0],
      ['UNH', 40, 2, 1],
      ['BGM', 56, 3, 2],
      ['UNT', 63, 4, 3],
      ['UNZ', 72, 5, 0],
    ]);
  });
});

describe('hostile input', () => {
  it('arbitrary bytes give only EdifactSyntaxError, in both modes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const { errors } = parse(bytes, { errors: 'collect' });
        for (const e of errors) expect(e).toBeInstanceOf(EdifactSyntaxError);
        try {
          parse(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(EdifactSyntaxError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('EDIFACT-like noise gives only EdifactSyntaxError', () => {
    const noise = fc.array(fc.constantFrom('U', 'N', 'A', 'B', 'H', 'T', 'Z', ':', '+', '.', '?', ' ', "'", '*', '\n', '\xe6', '\x81', '1'), { maxLength: 200 });
    fc.assert(
      fc.property(noise, (chars) => {
        const { errors } = parse(latin1(chars.join('')), { errors: 'collect' });
        for (const e of errors) expect(e).toBeInstanceOf(EdifactSyntaxError);
      }),
      { numRuns: 1000 },
    );
  });

  it('an endless segment is cut at maxSegmentLength and memory stays bounded', () => {
    const errors: EdifactSyntaxError[] = [];
    const segments: Segment[] = [];
    const tokenizer = new Tokenizer({ segment: (s) => segments.push(s), error: (e) => errors.push(e) }, { maxSegmentLength: 1000 });
    const chunk = latin1('A'.repeat(4096));
    for (let i = 0; i < 2000; i++) tokenizer.write(chunk); // 8 MB without a terminator
    const held = tokenizer as unknown as { buf: string; bufStart: number };
    expect(held.buf.length - held.bufStart).toBeLessThanOrEqual(4096 + 1000);
    tokenizer.write(latin1("'BGM+9'"));
    tokenizer.end();
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['18', 0]]);
    expect(segments.map((s) => s.tag)).toEqual(['BGM']);
  });

  it('a long segment full of released terminators, fed in small pieces, is split once, not again with every piece', () => {
    // Each piece holds a released terminator: the carried-over segment was split from its
    // start again per piece, so time grew with length × pieces (validate feeds 2 KiB pieces).
    const splits = vi.spyOn(SegmentSplitter.prototype, 'splitInFull');
    try {
      const segments: Segment[] = [];
      const tokenizer = new Tokenizer({ segment: (s) => segments.push(s), error: () => {} });
      const text = `BGM+9'FTX+AAI+++${"?'".repeat(20_000)}'UNT+3+1'`;
      for (let at = 0; at < text.length; at += 100) tokenizer.write(latin1(text.slice(at, at + 100)));
      tokenizer.end();
      expect(segments.map((s) => s.tag)).toEqual(['BGM', 'FTX', 'UNT']);
      expect(segments[1]!.elements[3]).toEqual(["'".repeat(20_000)]);
      expect(splits.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      splits.mockRestore();
    }
  });

  it('skipping an oversized segment, release characters keep their meaning across every chunk boundary', () => {
    // The first segment is over the limit, holds a released terminator and two released
    // release characters, and ends at a real terminator preceded by two of them.
    const text = `UNA:+.? 'AAA+${'x'.repeat(20)}?'yy??z???'w??'BBB+1'`;
    const tokenize = (parts: Array<string | Uint8Array>) => {
      const found: string[] = [];
      const tokenizer = new Tokenizer({ segment: (s) => found.push(`${s.tag}@${s.offset}`), error: (e) => found.push(`error ${e.code}@${e.offset}`) }, { maxSegmentLength: 10 });
      for (const part of parts) tokenizer.write(part);
      tokenizer.end();
      return found;
    };
    const whole = tokenize([latin1(text)]);
    expect(whole).toEqual(['error 18@9', `BBB@${text.indexOf('BBB')}`]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(tokenize([latin1(text.slice(0, cut)), latin1(text.slice(cut))]), `bytes cut at ${cut}`).toEqual(whole);
      expect(tokenize([text.slice(0, cut), text.slice(cut)]), `text cut at ${cut}`).toEqual(whole);
    }
    // One byte at a time.
    expect(tokenize([...text].map((c) => latin1(c)))).toEqual(whole);
  });

  it('too many elements is error 16', () => {
    const { errors } = parse(`ABC${'+x'.repeat(120)}'`, { errors: 'collect' });
    expect(errors.map((e) => [e.code, e.element])).toEqual([['16', 100]]);
  });

  it('a release character before an ordinary character is error 22', () => {
    const { segments, errors } = parse("ABC+a?bc'", { errors: 'collect' });
    expect(errors.map((e) => e.code)).toEqual(['22']);
    expect(segments[0]?.elements).toEqual([['abc']]);
  });

  it('serialize escapes a value that starts with a service character', () => {
    expect(serialize([{ tag: 'FTX', elements: [["'a", '?', ':+']] }])).toBe("FTX+?'a:??:?:?+'");
  });
});
