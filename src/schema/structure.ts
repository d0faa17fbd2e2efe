/**
 * Message structure as data: the guide's segment table (position, tag, status, maximum
 * repetitions, segment groups). The structure matcher (`match.ts`) walks it.
 *
 * A table is a list of entries. A segment entry names one segment tag; a group entry holds
 * child entries whose first one is the group's *head* (trigger) segment. Positions are the
 * guide's four-digit table positions (`'0060'`) and are unique within one table.
 */
import { z } from 'zod';

/** `M` mandatory or `C` conditional, as in the EDIFACT directories. */
export type SegmentStatus = 'M' | 'C';

/** One segment row of a segment table. */
export interface SegmentEntry {
  /** Table position, e.g. `'0060'`. */
  position: string;
  /** Segment tag, e.g. `'DTM'`. */
  tag: string;
  /** Mandatory or conditional. */
  status: SegmentStatus;
  /** Maximum number of consecutive repetitions at this position (≥ 1). */
  maxRepeat: number;
  /** Free text (what the row carries), for people. */
  note?: string | undefined;
  /** `true` when this row (status, repetitions) is our assumption; absent: as the table's. */
  assumption?: boolean | undefined;
  /** Where this row comes from, when it differs from the table's source. */
  source?: string | undefined;
}

/**
 * One segment group of a segment table; `children[0]` is the head (trigger) segment.
 * The head occurs once per occurrence: a repeated head segment starts a new occurrence.
 */
export interface GroupEntry {
  /** Table position of the group row, e.g. `'0130'`. */
  position: string;
  /** Group name, e.g. `'SG1'`. */
  group: string;
  /** Mandatory or conditional (a group is present when its head segment is). */
  status: SegmentStatus;
  /** Maximum number of occurrences of the group (≥ 1). */
  maxRepeat: number;
  /** The group's rows; the first must be a segment entry (the head). */
  children: StructureEntry[];
  /** Free text, for people. */
  note?: string | undefined;
  /** `true` when this group row is our assumption; absent: as the table's. */
  assumption?: boolean | undefined;
  /** Where this row comes from, when it differs from the table's source. */
  source?: string | undefined;
}

/** A segment row or a group row. */
export type StructureEntry = SegmentEntry | GroupEntry;

/** A message's segment table, UNH first and UNT last. */
export interface MessageStructure {
  /** The top-level rows in table order. */
  entries: StructureEntry[];
  /** `true` when the table as a whole is our assumption (rows may say otherwise). */
  assumption?: boolean | undefined;
  /** Where the table comes from. */
  source?: string | undefined;
}

/** Type guard: `true` for a group row. */
export function isGroup(entry: StructureEntry): entry is GroupEntry {
  return 'group' in entry;
}

/** The head (trigger) segment row of a group, descending through nested first groups. */
export function groupHead(group: GroupEntry): SegmentEntry {
  let first: StructureEntry | undefined = group.children[0];
  while (first !== undefined && isGroup(first)) first = first.children[0];
  if (first === undefined) throw new Error(`segment group ${group.group} at ${group.position} has no head segment`);
  return first;
}

const headTagsCache = new WeakMap<MessageStructure, ReadonlyMap<string, string>>();

/**
 * Group name → head tag of every segment group of a structure (`SG1` → `SIF`).
 * Computed once per structure object and cached.
 */
export function groupHeadTags(structure: MessageStructure): ReadonlyMap<string, string> {
  const cached = headTagsCache.get(structure);
  if (cached !== undefined) return cached;
  const out = new Map<string, string>();
  const walk = (entries: readonly StructureEntry[]): void => {
    for (const e of entries) {
      if (!isGroup(e)) continue;
      out.set(e.group, groupHead(e).tag);
      walk(e.children);
    }
  };
  walk(structure.entries);
  headTagsCache.set(structure, out);
  return out;
}

const structureTagsCache = new WeakMap<MessageStructure, ReadonlySet<string>>();

/** Every segment tag that occurs anywhere in a structure (computed once per structure: the matcher asks for every message). */
export function structureTags(structure: MessageStructure): ReadonlySet<string> {
  const cached = structureTagsCache.get(structure);
  if (cached !== undefined) return cached;
  const tags = new Set<string>();
  const walk = (entries: readonly StructureEntry[]): void => {
    for (const e of entries) {
      if (isGroup(e)) walk(e.children);
      else tags.add(e.tag);
    }
  };
  walk(structure.entries);
  structureTagsCache.set(structure, tags);
  return tags;
}

const positionSchema = z.string().regex(/^\d{4}$/, 'a four-digit table position such as 0060');
const tagSchema = z.string().regex(/^[A-Z][A-Z0-9]{2}$/, 'a three-character segment tag such as DTM');

/** zod schema of a {@link SegmentEntry}. */
export const segmentEntrySchema: z.ZodType<SegmentEntry> = z.strictObject({
  position: positionSchema,
  tag: tagSchema,
  status: z.enum(['M', 'C']),
  maxRepeat: z.number().int().min(1),
  note: z.string().optional(),
  assumption: z.boolean().optional(),
  source: z.string().optional(),
});

/** zod schema of a {@link GroupEntry} (recursive; the first child must be a segment row). */
export const groupEntrySchema: z.ZodType<GroupEntry> = z.lazy(() =>
  z.strictObject({
    position: positionSchema,
    group: z.string().min(1),
    status: z.enum(['M', 'C']),
    maxRepeat: z.number().int().min(1),
    children: z
      .array(structureEntrySchema)
      .min(1)
      .refine((c) => c[0] !== undefined && !isGroup(c[0]), 'the first row of a group must be its head segment'),
    note: z.string().optional(),
    assumption: z.boolean().optional(),
    source: z.string().optional(),
  }),
);

/** zod schema of a {@link StructureEntry}. */
export const structureEntrySchema: z.ZodType<StructureEntry> = z.lazy(() =>
  z.union([segmentEntrySchema, groupEntrySchema]),
);

/** zod schema of a {@link MessageStructure}; positions must be unique. */
export const messageStructureSchema: z.ZodType<MessageStructure> = z
  .strictObject({
    entries: z.array(structureEntrySchema).min(1),
    assumption: z.boolean().optional(),
    source: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    const walk = (entries: readonly StructureEntry[]): void => {
      for (const e of entries) {
        if (seen.has(e.position)) ctx.addIssue({ code: 'custom', message: `duplicate table position ${e.position}` });
        seen.add(e.position);
        if (isGroup(e)) walk(e.children);
      }
    };
    walk(s.entries);
  });
