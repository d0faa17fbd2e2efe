/**
 * The ISO 9735 service data elements (`0001`…`0135`) of the service segments (UNA…UNZ, UCI…UCD):
 * id → name and format, syntax version 3; elements that exist only in syntax 4 are marked so in
 * their name, and where syntax 4 widened a format the wider one is used, so a syntax-4
 * interchange is not rejected for it. The envelope builder checks what it writes against these;
 * the schema's element dictionary starts with them.
 */

/** One simple data element. */
export interface ElementDef {
  /** English name. */
  name: string;
  /** EDIFACT format, e.g. `an..35`. */
  format: string;
}

/** The service data elements, keyed by four-character id. */
export const SERVICE_ELEMENTS = Object.freeze({
  '0001': { name: 'Syntax identifier', format: 'a4' },
  '0002': { name: 'Syntax version number', format: 'n1' },
  '0004': { name: 'Interchange sender identification', format: 'an..35' },
  '0007': { name: 'Identification code qualifier', format: 'an..4' },
  '0008': { name: 'Address for reverse routing', format: 'an..14' },
  '0010': { name: 'Interchange recipient identification', format: 'an..35' },
  '0013': { name: 'Service segment tag, coded', format: 'an..3' },
  '0014': { name: 'Routing address', format: 'an..14' },
  '0017': { name: 'Date (YYMMDD; CCYYMMDD in syntax 4)', format: 'n..8' },
  '0019': { name: 'Time (HHMM)', format: 'n4' },
  '0020': { name: 'Interchange control reference', format: 'an..14' },
  '0022': { name: "Recipient's reference/password", format: 'an..14' },
  '0025': { name: "Recipient's reference/password qualifier", format: 'an2' },
  '0026': { name: 'Application reference', format: 'an..14' },
  '0029': { name: 'Processing priority code', format: 'a1' },
  '0031': { name: 'Acknowledgement request', format: 'n1' },
  '0032': { name: 'Communications agreement identification', format: 'an..35' },
  '0035': { name: 'Test indicator', format: 'n1' },
  '0036': { name: 'Interchange control count', format: 'n..6' },
  '0038': { name: 'Functional group identification', format: 'an..6' },
  '0040': { name: 'Application sender identification', format: 'an..35' },
  '0042': { name: 'Interchange sender internal identification (syntax 4)', format: 'an..35' },
  '0044': { name: 'Application recipient identification', format: 'an..35' },
  '0046': { name: 'Interchange recipient internal identification (syntax 4)', format: 'an..35' },
  '0048': { name: 'Functional group reference number', format: 'an..14' },
  '0051': { name: 'Controlling agency (an..3 in syntax 4)', format: 'an..3' },
  '0052': { name: 'Message version number', format: 'an..3' },
  '0054': { name: 'Message release number', format: 'an..3' },
  '0057': { name: 'Association assigned code', format: 'an..6' },
  '0058': { name: 'Application password', format: 'an..14' },
  '0060': { name: 'Number of messages', format: 'n..6' },
  '0062': { name: 'Message reference number', format: 'an..14' },
  '0065': { name: 'Message type identifier', format: 'an..6' },
  '0068': { name: 'Common access reference', format: 'an..35' },
  '0070': { name: 'Sequence message transfer number', format: 'n..2' },
  '0073': { name: 'First/last sequence message transfer indication', format: 'a1' },
  '0074': { name: 'Number of segments in the message (n..10 in syntax 4)', format: 'n..10' },
  '0080': { name: 'Service code list directory version number (syntax 4)', format: 'an..6' },
  '0083': { name: 'Action, coded', format: 'an..3' },
  '0085': { name: 'Syntax error, coded', format: 'an..3' },
  '0096': { name: 'Segment position in message body', format: 'n..6' },
  '0098': { name: 'Erroneous data element position in segment', format: 'n..3' },
  '0104': { name: 'Erroneous component data element position', format: 'n..3' },
  '0133': { name: 'Character encoding, coded (syntax 4)', format: 'an..3' },
  '0134': { name: 'Erroneous data element occurrence (syntax 4)', format: 'n..6' },
  '0135': { name: 'Service segment tag, coded (syntax 4)', format: 'an..3' },
} satisfies Record<string, ElementDef>);

/** The id of a service data element. */
export type ServiceElementId = keyof typeof SERVICE_ELEMENTS;
