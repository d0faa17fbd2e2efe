/**
 * Segment layouts as data: which data elements (simple or composite) a segment carries, in
 * order, with status, repetition, format and the code lists bound to a position.
 *
 * A layout is fully expanded (names and formats copied from the dictionaries in
 * `elements.ts` / `composites.ts`), so a profile is self-contained JSON that an integrator can
 * patch without code. `STANDARD_LAYOUTS` are built here from compact specs; each carries
 * `assumption` and `source`.
 *
 * Code-list bindings name lists that `profileCodeLists()` (in `profile.ts`) resolves:
 * `documentCodes`, `qualifiers.<TAG>`, `branchGroups`, `dateFormat` and every entry of a
 * profile's `codeLists`. A value is valid if it is in any bound list that the profile has.
 */
import { z } from 'zod';
import { CONTRL_ACTION_LIST } from './contrl.js';
import { compositeDef } from './composites.js';
import { ELEMENTS, elementDef } from './elements.js';
import { isFormat } from '../syntax/formats.js';
import type { SegmentStatus } from './structure.js';

/**
 * Status of a data element or component in a layout: mandatory, conditional, or `N` — not used
 * by the guide (data there is syntax error 15, not supported in this position).
 */
export type ElementStatus = SegmentStatus | 'N';

/** One component of a composite element in a layout. */
export interface ComponentLayout {
  /** Simple data element id, e.g. `3039`. */
  id: string;
  /** Element name. */
  name: string;
  /** Mandatory, conditional or not used within the composite. */
  status: ElementStatus;
  /** EDIFACT format, e.g. `an..35`. */
  format: string;
  /** Names of the code lists the value must be in (any of them). */
  codeLists?: string[] | undefined;
}

/** One data element position of a segment layout: a simple element (`format`) or a composite (`components`). */
export interface ElementLayout {
  /** Element or composite id, e.g. `3035` or `C082`. */
  id: string;
  /** Element or composite name. */
  name: string;
  /** Mandatory, conditional or not used in the segment. */
  status: ElementStatus;
  /** Maximum repetitions (syntax 4 repetition separator); 1 when absent. */
  repeat?: number | undefined;
  /** Format of a simple element. */
  format?: string | undefined;
  /** Code lists of a simple element. */
  codeLists?: string[] | undefined;
  /** Components of a composite element. */
  components?: ComponentLayout[] | undefined;
}

/** A segment's layout in a profile: its elements in order, their status and formats, and the positions each qualifier's party uses. */
export interface SegmentLayout {
  /** Segment tag. */
  tag: string;
  /** Segment name. */
  name: string;
  /** Data elements after the tag, in order (element 1 first). */
  elements: ElementLayout[];
  /**
   * Positions used by party, keyed by a role of `qualifiers.<tag>`: when element 1 holds that
   * role's code, every other position is not used (e.g. a company NAD has no address). A code
   * without an entry uses the layout as it is. Roles sharing a code must use the same positions
   * (`loadProfile` refuses them otherwise).
   */
  byQualifier?: Record<string, string[]> | undefined;
  /** `true` when the layout (or how F&P uses it) is our assumption. */
  assumption: boolean;
  /** Where the layout comes from. */
  source: string;
}

const formatSchema = z.string().refine(isFormat, 'an EDIFACT format such as an..35, n..15 or a3');
const listsSchema = z.array(z.string().min(1)).optional();

/** zod schema of a {@link ComponentLayout}. */
export const componentLayoutSchema: z.ZodType<ComponentLayout> = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(['M', 'C', 'N']),
  format: formatSchema,
  codeLists: listsSchema,
});

/** zod schema of an {@link ElementLayout}; exactly one of `format` and `components`. */
export const elementLayoutSchema: z.ZodType<ElementLayout> = z
  .strictObject({
    id: z.string().min(1),
    name: z.string(),
    status: z.enum(['M', 'C', 'N']),
    repeat: z.number().int().min(1).optional(),
    format: formatSchema.optional(),
    codeLists: listsSchema,
    components: z.array(componentLayoutSchema).min(1).optional(),
  })
  .refine((e) => (e.format === undefined) !== (e.components === undefined), 'an element has either a format (simple) or components (composite)');

/** zod schema of a {@link SegmentLayout}. */
export const segmentLayoutSchema: z.ZodType<SegmentLayout> = z.strictObject({
  tag: z.string().regex(/^[A-Z][A-Z0-9]{2}$/, 'a three-character segment tag'),
  name: z.string(),
  elements: z.array(elementLayoutSchema),
  byQualifier: z.record(z.string().min(1), z.array(z.string().regex(/^[1-9]\d*(\.[1-9]\d*)?$/, "a position such as '2' or '2.3'"))).optional(),
  assumption: z.boolean(),
  source: z.string().min(1),
});

interface LayoutSpec {
  name: string;
  /** `id/status[/repeat]` per element, space-separated. */
  spec: string;
  /** Code-list bindings: `'1'` (element 1) or `'2.3'` (element 2, component 3) → list names. */
  lists?: Record<string, string[]>;
  /** Conditional components appended to a standard composite: `'1'` → element ids (F&P extensions). */
  extend?: Record<string, string[]>;
  assumption: boolean;
  source: string;
}

/** Expand a compact layout spec through the element and composite dictionaries. */
export function expandLayout(tag: string, s: LayoutSpec): SegmentLayout {
  const elements = s.spec.split(' ').map((part, i): ElementLayout => {
    const [id = '', st, rep] = part.split('/');
    const status: SegmentStatus = st === 'M' ? 'M' : 'C';
    const repeat = rep ? Number(rep) : undefined;
    const comp = compositeDef(id);
    if (comp) {
      const refs = [...comp.components, ...(s.extend?.[`${i + 1}`] ?? []).map((x) => ({ id: x, status: 'C' as const }))];
      const components = refs.map((cr, j): ComponentLayout => {
        const el = ELEMENTS[cr.id];
        if (!el) throw new Error(`${tag}: composite ${id} names unknown element ${cr.id}`);
        const lists = s.lists?.[`${i + 1}.${j + 1}`];
        return { id: cr.id, name: el.name, status: cr.status, format: el.format, ...(lists ? { codeLists: lists } : {}) };
      });
      return { id, name: comp.name, status, ...(repeat ? { repeat } : {}), components };
    }
    const el = elementDef(id);
    if (!el) throw new Error(`${tag}: unknown element ${id}`);
    const lists = s.lists?.[`${i + 1}`];
    return { id, name: el.name, status, ...(repeat ? { repeat } : {}), format: el.format, ...(lists ? { codeLists: lists } : {}) };
  });
  return { tag, name: s.name, elements, assumption: s.assumption, source: s.source };
}

const ISO = 'ISO 9735 syntax 3 (syntax-4-only components optional)';
const UN = 'UN/EDIFACT directory 91.1 layout (checked against D.93A–D.96B)';
const FP_A = 'default-profile.md (A): F&P layout not public; standard layout assumed';
const FP_SEG = 'default-profile.md (A): F&P segment, layout not public';

const SPECS: Record<string, LayoutSpec> = {
  UNB: { name: 'Interchange header', spec: 'S001/M S002/M S003/M S004/M 0020/M S005/C 0026/C 0029/C 0031/C 0032/C 0035/C', assumption: false, source: ISO },
  UNZ: { name: 'Interchange trailer', spec: '0036/M 0020/M', assumption: false, source: ISO },
  UNG: { name: 'Functional group header', spec: '0038/M S006/M S007/M S004/M 0048/M 0051/M S008/M 0058/C', assumption: false, source: ISO },
  UNE: { name: 'Functional group trailer', spec: '0060/M 0048/M', assumption: false, source: ISO },
  UNH: { name: 'Message header', spec: '0062/M S009/M 0068/C S010/C', assumption: false, source: ISO },
  UNT: { name: 'Message trailer', spec: '0074/M 0062/M', assumption: false, source: ISO },
  UCI: { name: 'Interchange response', spec: '0020/M S002/M S003/M 0083/M 0085/C 0013/C S011/C', lists: { '4': [CONTRL_ACTION_LIST] }, assumption: false, source: 'ISO 9735 / CONTRL D:3:UN' },
  UCM: { name: 'Message response', spec: '0062/M S009/M 0083/M 0085/C 0013/C S011/C', lists: { '3': [CONTRL_ACTION_LIST] }, assumption: false, source: 'ISO 9735 / CONTRL D:3:UN' },
  UCS: { name: 'Segment error indication', spec: '0096/M 0085/C', assumption: false, source: 'ISO 9735 / CONTRL D:3:UN' },
  UCD: { name: 'Data element error indication', spec: '0085/M S011/M', assumption: false, source: 'ISO 9735 / CONTRL D:3:UN' },
  BGM: { name: 'Beginning of message', spec: 'C002/C 1004/C 1225/C 4343/C', lists: { '1.1': ['documentCodes'] }, assumption: false, source: UN },
  DTM: { name: 'Date/time/period', spec: 'C507/M', lists: { '1.1': ['qualifiers.DTM'], '1.3': ['dateFormat'] }, assumption: false, source: UN },
  ICD: { name: 'Insurance cover description', spec: 'C330/M C331/M', lists: { '1.1': ['qualifiers.ICD'], '2.1': ['coverType'] }, assumption: false, source: `${UN}; cover type (seed 001: dækningstype) in C331/4495 (public F&P material beyond the seeds)` },
  RFF: {
    name: 'Reference',
    spec: 'C506/M',
    lists: { '1.1': ['qualifiers.RFF'] },
    extend: { '1': ['Z007'] },
    assumption: true,
    source: `${FP_A}; ejerlav as C506 component 5 (RFF+MAT:<matrikel>:::<ejerlav>)`,
  },
  NAD: {
    name: 'Name and address',
    spec: '3035/M C082/C C058/C C080/C C059/C 3164/C 3229/C 3251/C 3207/C',
    lists: { '1': ['qualifiers.NAD'], '2.3': ['qualifiers.NADIdType'] },
    assumption: true,
    source: `${FP_A}; C082/3055 carries the id type (VIR, CPR, CVR)`,
  },
  CTA: { name: 'Contact information', spec: '3139/C C056/C', lists: { '1': ['qualifiers.CTA'] }, assumption: true, source: FP_A },
  DOC: { name: 'Document/message details', spec: 'C002/M C503/C 3153/C 1220/C 1218/C', lists: { '1.1': ['qualifiers.DOC'] }, assumption: true, source: FP_A },
  FTX: { name: 'Free text', spec: '4451/M 4453/C C107/C C108/C 3453/C', lists: { '1': ['qualifiers.FTX'] }, assumption: true, source: FP_A },
  ERC: {
    name: 'Application error information',
    spec: 'C901/M',
    lists: { '1.1': ['rejectionCodes', 'rejectionReasons', 'contentErrorCodes'] },
    assumption: true,
    source: FP_A,
  },
  ATT: {
    name: 'Attribute',
    spec: '9017/M C955/C C956/C',
    lists: { '1': ['qualifiers.ATT'], '3.1': ['lienType', 'declarationType', 'priority'] },
    assumption: true,
    source: `${FP_A} (D.93A+ ATT; codes seed 001)`,
  },
  MOA: { name: 'Monetary amount', spec: 'C516/M', lists: { '1.1': ['qualifiers.MOA'] }, assumption: true, source: FP_A },
  BRC: { name: 'Branch and product group (F&P)', spec: 'ZC01/M', lists: { '1.1': ['branchGroups'] }, assumption: true, source: `${FP_SEG}; codes seed 002` },
  OSI: { name: 'Other information (F&P)', spec: 'Z003/M', lists: { '1': ['qualifiers.OSI'] }, assumption: true, source: `${FP_SEG}; codes BRO/ODC seed 002` },
  SIF: { name: 'Bonus / claims information (F&P)', spec: 'Z004/M Z005/C', assumption: true, source: FP_SEG },
  SHI: { name: 'Claim history (F&P)', spec: 'Z006/M', lists: { '1': ['shiConsequence'] }, assumption: true, source: `${FP_SEG}; codes 1–6 seed 002` },
};

/** Every layout this library knows, by tag: ISO 9735 service segments, CONTRL, UN and F&P segments. */
export const STANDARD_LAYOUTS: Readonly<Record<string, SegmentLayout>> = Object.freeze(
  Object.fromEntries(Object.entries(SPECS).map(([tag, spec]) => [tag, expandLayout(tag, spec)])),
);

/**
 * The positions of a segment a guide uses, by tag: `'2'` a whole element, `'2.3'` one component
 * of a composite (1-based, as in `lists`). A tag that is not named keeps every position.
 */
export type UsedPositions = Readonly<Record<string, readonly string[]>>;

/**
 * The positions of the segments both F&P exchanges write alike (default-profile.md):
 * `BGM+<kind>'` (1004 "not used": seed 002 for opsigelser; our assumption for panthaver, whose
 * seed 001 is silent — each profile says so with {@link annotateLayout}), `ERC+<code>'`,
 * `NAD+<q>+<id>::<id type>++<name>:<name 2>+<street>+<city>++<postcode>+<country>'`,
 * `FTX+<subject>+++<text>:<text>…'` and `CTA+<function>+:<name>'`.
 */
export const FP_SHARED_USE: UsedPositions = {
  BGM: ['1.1'],
  ERC: ['1.1'],
  NAD: ['1', '2.1', '2.3', '4.1', '4.2', '5.1', '6', '8', '9'],
  FTX: ['1', '4'],
  CTA: ['1', '2.2'],
};

/** A company NAD (recipient, sender, a company named in a reply): `NAD+<q>+<VIR>::VIR++<name>'`. */
export const FP_COMPANY_NAD = ['1', '2.1', '2.3', '4.1'];
/** An address-only NAD (the insured location): `NAD+FS++++<street>+<city>++<postcode>+<country>'`. */
export const FP_ADDRESS_NAD = ['1', '5.1', '6', '8', '9'];

/** `layouts` with the layout of `tag` replaced by `change(layout)` (a copy; the others as they are). */
function withLayout(layouts: Record<string, SegmentLayout>, tag: string, change: (layout: SegmentLayout) => SegmentLayout): Record<string, SegmentLayout> {
  const layout = layouts[tag];
  if (!layout) throw new Error(`no layout for segment ${tag}`);
  return { ...layouts, [tag]: change(layout) };
}

/**
 * `layouts` with the positions of the layout of `tag` made mandatory: a component (`'2.3'`)
 * within its composite (present whenever the composite is), an element (`'1'`) in the segment.
 */
export function requireComponents(layouts: Record<string, SegmentLayout>, tag: string, positions: readonly string[]): Record<string, SegmentLayout> {
  return withLayout(layouts, tag, (layout) => ({
    ...layout,
    elements: layout.elements.map((el, i) => {
      const own = positions.includes(`${i + 1}`) ? { ...el, status: 'M' as const } : el;
      return own.components ? { ...own, components: own.components.map((c, k): ComponentLayout => (positions.includes(`${i + 1}.${k + 1}`) ? { ...c, status: 'M' } : c)) } : own;
    }),
  }));
}

/**
 * `layouts` with the layout of `tag` annotated anew: `assumption` as given and `note` put before
 * its source (where the profile's use of the standard layout comes from).
 */
export function annotateLayout(layouts: Record<string, SegmentLayout>, tag: string, assumption: boolean, note: string): Record<string, SegmentLayout> {
  return withLayout(layouts, tag, (layout) => ({ ...layout, assumption, source: `${note}; ${layout.source}` }));
}

/** `layouts` with `byQualifier` set on the layout of `tag`. */
export function withQualifierUse(layouts: Record<string, SegmentLayout>, tag: string, byQualifier: Record<string, string[]>): Record<string, SegmentLayout> {
  return withLayout(layouts, tag, (layout) => ({ ...layout, byQualifier }));
}

/** One problem of a `byQualifier` position list: `index` of the bad entry, or `null` for the list. */
export interface UsedPositionIssue {
  index: number | null;
  message: string;
}

/**
 * What is wrong with `used` as positions of `layout` (a `byQualifier` entry): a position the
 * layout does not have, and a mandatory element left out — {@link narrowLayout} would mark it
 * not used, so every segment of that party (element 1 selects it) would break its own layout.
 */
export function usedPositionIssues(layout: SegmentLayout, used: readonly string[]): UsedPositionIssue[] {
  const issues: UsedPositionIssue[] = [];
  const n = layout.elements.length;
  used.forEach((pos, index) => {
    const [e, c] = pos.split('.').map(Number) as [number, number | undefined];
    const el = layout.elements[e - 1];
    if (el === undefined) issues.push({ index, message: `position ${pos}: ${layout.tag} has ${n} element${n === 1 ? '' : 's'}` });
    else if (c !== undefined && el.components === undefined) issues.push({ index, message: `position ${pos}: element ${e} (${el.id}) is simple` });
    else if (c !== undefined && c > el.components!.length) issues.push({ index, message: `position ${pos}: ${el.id} has ${el.components!.length} components` });
  });
  layout.elements.forEach((el, i) => {
    const at = `${i + 1}`;
    if (el.status === 'M' && !used.some((u) => u === at || u.startsWith(`${at}.`))) {
      issues.push({ index: null, message: `leaves out position ${at} (${el.id}, mandatory): a mandatory element cannot be not used` });
    }
  });
  return issues;
}

/** `layout` with every position `used` does not name marked not used (`N`). */
export function narrowLayout(layout: SegmentLayout, used: readonly string[]): SegmentLayout {
  const elements = layout.elements.map((el, i): ElementLayout => {
    if (used.includes(`${i + 1}`)) return el;
    if (!el.components || !used.some((u) => u.startsWith(`${i + 1}.`))) return { ...el, status: 'N' };
    return { ...el, components: el.components.map((c, k) => (used.includes(`${i + 1}.${k + 1}`) ? c : { ...c, status: 'N' })) };
  });
  return { ...layout, elements };
}

/**
 * The named layouts from {@link STANDARD_LAYOUTS}, deep-copied (for building a profile); for the
 * tags in `used`, every position not named there is marked not used.
 */
export function pickLayouts(tags: readonly string[], used: UsedPositions = {}): Record<string, SegmentLayout> {
  const out: Record<string, SegmentLayout> = {};
  for (const t of tags) {
    const l = STANDARD_LAYOUTS[t];
    if (!l) throw new Error(`no standard layout for segment ${t}`);
    const copy = structuredClone(l);
    const positions = Object.hasOwn(used, t) ? used[t]! : undefined;
    out[t] = positions === undefined ? copy : { ...narrowLayout(copy, positions), source: `${copy.source}; only ${positions.join(', ')} used (the rest N)` };
  }
  return out;
}

/** `layouts` with {@link requireComponents} applied to each tag of `byTag`. */
export function requirePositions(layouts: Record<string, SegmentLayout>, byTag: UsedPositions): Record<string, SegmentLayout> {
  return Object.entries(byTag).reduce((l, [tag, positions]) => requireComponents(l, tag, positions), layouts);
}
