import fc from 'fast-check';
import type { ServiceChars } from '../../src/syntax/service-chars.js';

/** Punctuation that can serve as a service character. */
const SERVICE_CANDIDATES = [...`!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`];

/** Six distinct service characters; release always in use, repetition sometimes a space. */
export const arbServiceChars: fc.Arbitrary<ServiceChars> = fc
  .tuple(fc.shuffledSubarray(SERVICE_CANDIDATES, { minLength: 6, maxLength: 6 }), fc.boolean())
  .map(([c, repetitionUnused]) => ({
    component: c[0] as string,
    element: c[1] as string,
    decimal: c[2] as string,
    release: c[3] as string,
    repetition: repetitionUnused ? ' ' : (c[4] as string),
    terminator: c[5] as string,
  }));

const latin1Graphic = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xa0, max: 0xff }),
  fc.constantFrom(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5),
);

/** Text in the UNOC repertoire, service characters of any UNA included. */
export const arbLatin1Text = fc.array(latin1Graphic, { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));

/** Text for UNOY: Danish letters, Greek, Polish, emoji and ASCII punctuation. */
export const arbUnicodeText = fc
  .array(fc.oneof(fc.constantFrom('æ', 'ø', 'å', 'Ω', 'ł', 'ź', '😀', '🚗', "'", '?', '+', ':', '*', ' '), fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join('').replace(/[\x00-\x1f\x7f]/g, ''));

export const arbTag = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMOPQRSTVWXYZ'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'))
  .map((t) => t.join(''));

/** Body segments (no service segments) with arbitrary element/component text. */
export function arbSegments(text: fc.Arbitrary<string>) {
  return fc.array(
    fc.record({
      tag: arbTag,
      elements: fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
}
