import type { ServiceChars } from './service-chars.js';

/** Character codes of the service characters, -1 for a role not in use. */
export interface ServiceCodes {
  element: number;
  component: number;
  release: number;
  repetition: number;
  /** All six UNA characters, for telling a proper release sequence from a stray one. */
  all: string;
}

/** The character codes the tokenizer compares against, computed once per UNA. */
export function serviceCodes(chars: ServiceChars): ServiceCodes {
  return {
    element: chars.element.charCodeAt(0),
    component: chars.component.charCodeAt(0),
    release: chars.release === ' ' ? -1 : chars.release.charCodeAt(0),
    repetition: chars.repetition === ' ' ? -1 : chars.repetition.charCodeAt(0),
    all: chars.component + chars.element + chars.decimal + chars.release + chars.repetition + chars.terminator,
  };
}
