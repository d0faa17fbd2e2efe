/**
 * Where a character of a segment is — its data element and component — found by walking the
 * segment's text again. Only error reports call it (syntax error 21 carries an exact offset
 * from the charset check, which does not count separators); the split loops never do, so the
 * hot path pays nothing for it.
 */
import type { Position } from './errors.js';
import { releaseInUse, repetitionInUse, type ServiceChars } from './service-chars.js';

/**
 * The element and component of character `index` of `raw`, one segment's text from its tag on
 * (no terminator), read with the service characters `chars`: 1-based, as every error names them;
 * the tag is element 0, without a component (as the writer's errors name it). A released
 * character is data, whatever it is; an occurrence of a repeated element (after a repetition
 * separator) is the same element, its components counted from 1 again.
 */
export function elementAndComponentAt(raw: string, index: number, chars: ServiceChars): Pick<Position, 'element' | 'component'> {
  const release = releaseInUse(chars) ? chars.release : '';
  const repetition = repetitionInUse(chars) ? chars.repetition : '';
  let element = 0;
  let component = 1;
  for (let i = 0; i < index; i++) {
    const ch = raw[i];
    if (ch === release) i++; // the next character is data
    else if (ch === chars.element) {
      element++;
      component = 1;
    } else if (ch === chars.component) component++;
    else if (ch === repetition && element > 0) component = 1;
  }
  return element === 0 ? { element: 0 } : { element, component };
}
