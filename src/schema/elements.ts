/**
 * Data element dictionary: id → name and format, for the simple data elements that the
 * segment layouts in `segments.ts` use.
 *
 * - Service elements (`0001`…`0135`): ISO 9735, `SERVICE_ELEMENTS` of the syntax layer (the
 *   envelope builder checks its values against the same table).
 * - UN/EDIFACT elements: names and formats as in the UN/EDIFACT directories of the early
 *   1990s (91.1 for the layouts, checked against the nearest published directories D.93A–D.96B).
 * - `Z…` elements: F&P's own segments (BRC, OSI, SIF, SHI). Their layouts are not public; ids,
 *   names and formats are our assumption (`default-profile.md`).
 */

import { SERVICE_ELEMENTS, type ElementDef } from '../syntax/service-elements.js';

export type { ElementDef };

/** The dictionary, keyed by four-character element id. */
export const ELEMENTS: Readonly<Record<string, ElementDef>> = Object.freeze({
  ...SERVICE_ELEMENTS,
  // ---- UN/EDIFACT data elements ----
  '1000': { name: 'Document/message name', format: 'an..35' },
  '1001': { name: 'Document/message name, coded', format: 'an..3' },
  '1004': { name: 'Document/message number', format: 'an..35' },
  '1056': { name: 'Version', format: 'an..9' },
  '1060': { name: 'Revision number', format: 'an..6' },
  '1131': { name: 'Code list qualifier', format: 'an..3' },
  '1153': { name: 'Reference qualifier', format: 'an..3' },
  '1154': { name: 'Reference number', format: 'an..35' },
  '1156': { name: 'Line number', format: 'an..6' },
  '1218': { name: 'Number of originals of document required', format: 'n..2' },
  '1220': { name: 'Number of copies of document required', format: 'n..2' },
  '1225': { name: 'Message function, coded', format: 'an..3' },
  '1366': { name: 'Document/message source', format: 'an..35' },
  '1373': { name: 'Document/message status, coded', format: 'an..3' },
  '2005': { name: 'Date/time/period qualifier', format: 'an..3' },
  '2379': { name: 'Date/time/period format qualifier', format: 'an..3' },
  '2380': { name: 'Date/time/period', format: 'an..35' },
  '3035': { name: 'Party qualifier', format: 'an..3' },
  '3036': { name: 'Party name', format: 'an..35' },
  '3039': { name: 'Party id identification', format: 'an..35' },
  '3042': { name: 'Street and number/p.o. box', format: 'an..35' },
  '3045': { name: 'Party name format, coded', format: 'an..3' },
  '3055': { name: 'Code list responsible agency, coded', format: 'an..3' },
  '3124': { name: 'Name and address line', format: 'an..35' },
  '3139': { name: 'Contact function, coded', format: 'an..3' },
  '3148': { name: 'Communication number', format: 'an..512' },
  '3153': { name: 'Communication channel identifier, coded', format: 'an..3' },
  '3155': { name: 'Communication channel qualifier', format: 'an..3' },
  '3164': { name: 'City name', format: 'an..35' },
  '3207': { name: 'Country, coded', format: 'an..3' },
  '3229': { name: 'Country sub-entity identification', format: 'an..9' },
  '3251': { name: 'Postcode identification', format: 'an..9' },
  '3412': { name: 'Department or employee', format: 'an..35' },
  '3413': { name: 'Department or employee identification', format: 'an..17' },
  '3453': { name: 'Language, coded', format: 'an..3' },
  '4000': { name: 'Reference version number', format: 'an..35' },
  '4343': { name: 'Response type, coded', format: 'an..3' },
  '4405': { name: 'Status, coded', format: 'an..3' },
  '4440': { name: 'Free text', format: 'an..70' },
  '4441': { name: 'Free text identification', format: 'an..17' },
  '4451': { name: 'Text subject qualifier', format: 'an..3' },
  '4453': { name: 'Text function, coded', format: 'an..3' },
  '4494': { name: 'Insurance cover', format: 'an..35' },
  '4495': { name: 'Insurance cover identification', format: 'an..17' },
  '4497': { name: 'Insurance cover type, coded', format: 'an..3' },
  '5004': { name: 'Monetary amount', format: 'n..18' },
  '5025': { name: 'Monetary amount type qualifier', format: 'an..3' },
  '6343': { name: 'Currency qualifier', format: 'an..3' },
  '6345': { name: 'Currency, coded', format: 'an..3' },
  '9017': { name: 'Attribute function qualifier', format: 'an..3' },
  '9018': { name: 'Attribute', format: 'an..256' },
  '9019': { name: 'Attribute, coded', format: 'an..17' },
  '9020': { name: 'Attribute type', format: 'an..70' },
  '9021': { name: 'Attribute type, coded', format: 'an..17' },
  '9321': { name: 'Application error identification', format: 'an..8' },
  // ---- F&P elements (assumption: layouts not public) ----
  Z001: { name: 'Branch group code (F&P)', format: 'an..3' },
  Z002: { name: 'Product group code (F&P)', format: 'an..3' },
  Z003: { name: 'Other-information code (F&P OSI)', format: 'an..3' },
  Z004: { name: 'Premium step or FASTP (F&P SIF)', format: 'an..5' },
  Z005: { name: 'Claim-free years, may be negative (F&P SIF)', format: 'n..3' },
  Z006: { name: 'Claim consequence code (F&P SHI)', format: 'an..3' },
  Z007: { name: 'Ejerlav (F&P, RFF C506 component 5)', format: 'an..35' },
} satisfies Record<string, ElementDef>);

/** The definition of an element id, or `undefined`. */
export function elementDef(id: string): ElementDef | undefined {
  return Object.hasOwn(ELEMENTS, id) ? ELEMENTS[id] : undefined;
}
