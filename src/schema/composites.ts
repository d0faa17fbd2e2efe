/**
 * Composite data element dictionary: id → name and components (element id + status),
 * for the composites the segment layouts in `segments.ts` use.
 * Sources as in `elements.ts`: ISO 9735 (S…), UN/EDIFACT directory (C…), F&P (Z…, assumption).
 * A component that repeats in the directory (e.g. C080's five party names) is listed once per
 * occurrence.
 */
import type { SegmentStatus } from './structure.js';

/** One component of a composite. */
export interface ComponentRef {
  /** Simple data element id (see `ELEMENTS`). */
  id: string;
  /** Mandatory or conditional within the composite. */
  status: SegmentStatus;
}

/** One composite data element. */
export interface CompositeDef {
  /** English name. */
  name: string;
  /** Components in order. */
  components: ComponentRef[];
}

const c = (spec: string): ComponentRef[] =>
  spec.split(' ').map((s) => {
    const [id, status] = s.split('/');
    return { id: id!, status: status === 'M' ? 'M' : 'C' };
  });

/** The dictionary, keyed by composite id. Component specs read `id/status`. */
export const COMPOSITES: Readonly<Record<string, CompositeDef>> = Object.freeze({
  // ---- ISO 9735 service composites ----
  S001: { name: 'Syntax identifier', components: c('0001/M 0002/M 0080/C 0133/C') },
  S002: { name: 'Interchange sender', components: c('0004/M 0007/C 0008/C 0042/C') },
  S003: { name: 'Interchange recipient', components: c('0010/M 0007/C 0014/C 0046/C') },
  S004: { name: 'Date/time of preparation', components: c('0017/M 0019/M') },
  S005: { name: "Recipient's reference/password", components: c('0022/M 0025/C') },
  S006: { name: 'Application sender identification', components: c('0040/M 0007/C') },
  S007: { name: 'Application recipient identification', components: c('0044/M 0007/C') },
  S008: { name: 'Message version', components: c('0052/M 0054/M 0057/C') },
  S009: { name: 'Message identifier', components: c('0065/M 0052/M 0054/M 0051/M 0057/C') },
  S010: { name: 'Status of the transfer', components: c('0070/M 0073/C') },
  S011: { name: 'Data element identification', components: c('0098/M 0104/C 0134/C') },
  // ---- UN/EDIFACT composites ----
  C002: { name: 'Document/message name', components: c('1001/C 1131/C 3055/C 1000/C') },
  C056: { name: 'Department or employee details', components: c('3413/C 3412/C') },
  C058: { name: 'Name and address', components: c('3124/M 3124/C 3124/C 3124/C 3124/C') },
  C059: { name: 'Street', components: c('3042/M 3042/C 3042/C 3042/C') },
  C076: { name: 'Communication contact', components: c('3148/M 3155/M') },
  C080: { name: 'Party name', components: c('3036/M 3036/C 3036/C 3036/C 3036/C 3045/C') },
  C082: { name: 'Party identification details', components: c('3039/M 1131/C 3055/C') },
  C106: { name: 'Document/message identification', components: c('1004/C 1056/C 1060/C') },
  C107: { name: 'Text reference', components: c('4441/M 1131/C 3055/C') },
  C108: { name: 'Text literal', components: c('4440/M 4440/C 4440/C 4440/C 4440/C') },
  C330: { name: 'Insurance cover type', components: c('4497/M 1131/C 3055/C') },
  C331: { name: 'Insurance cover details', components: c('4495/C 1131/C 3055/C 4494/C 4494/C') },
  C503: { name: 'Document/message details', components: c('1004/C 1373/C 1366/C 3453/C') },
  C506: { name: 'Reference', components: c('1153/M 1154/C 1156/C 4000/C') },
  C507: { name: 'Date/time/period', components: c('2005/M 2380/C 2379/C') },
  C516: { name: 'Monetary amount', components: c('5025/M 5004/C 6345/C 6343/C 4405/C') },
  C901: { name: 'Application error detail', components: c('9321/M 1131/C 3055/C') },
  C955: { name: 'Attribute type', components: c('9021/C 1131/C 3055/C 9020/C') },
  C956: { name: 'Attribute detail', components: c('9019/C 1131/C 3055/C 9018/C') },
  // ---- F&P composites (assumption) ----
  ZC01: { name: 'Branch and product group (F&P BRC)', components: c('Z001/M Z002/C') },
} satisfies Record<string, CompositeDef>);

/** The definition of a composite id, or `undefined`. */
export function compositeDef(id: string): CompositeDef | undefined {
  return Object.hasOwn(COMPOSITES, id) ? COMPOSITES[id] : undefined;
}
