/**
 * A precompiled fast path of the structure matcher for messages that fit their segment table.
 *
 * It walks the table exactly like `matchStructure` (same candidates, same preference: the
 * innermost group first, then the earliest row) but accepts only candidates that skip no
 * mandatory row and exceed no repetition limit. When every segment has such a candidate and
 * nothing mandatory is left open at the end, `matchStructure` would report no issue and make
 * the same choices; otherwise the caller runs `matchStructure` for the issues. Along the way
 * it records each segment's table position and the head tag of its innermost segment group.
 */
import { groupHead, isGroup, type MessageStructure, type StructureEntry } from '../../schema/structure.js';

export { groupHeadTags } from '../../schema/structure.js';

/** One level of the table (the top level or one group's rows). */
interface Node<Layout> {
  /** Tag of each row (a group row: its head tag). */
  tags: string[];
  mandatory: boolean[];
  max: number[];
  /** The group node of a group row, `null` for a segment row. */
  child: Array<Node<Layout> | null>;
  /** Table position of each segment row (group rows: unused). */
  positions: string[];
  /** What the caller checks each segment row's elements against (group rows: their head's). */
  layouts: Array<Layout | undefined>;
  /** Head tag of this group, `null` at the top level. */
  headTag: string | null;
}

function compileNode<Layout>(entries: readonly StructureEntry[], headTag: string | null, layoutOf: (tag: string) => Layout | undefined): Node<Layout> {
  const node: Node<Layout> = { tags: [], mandatory: [], max: [], child: [], positions: [], layouts: [], headTag };
  for (const e of entries) {
    const group = isGroup(e);
    const tag = group ? groupHead(e).tag : e.tag;
    node.tags.push(tag);
    node.mandatory.push(e.status === 'M');
    node.max.push(e.maxRepeat);
    node.child.push(group ? compileNode(e.children, tag, layoutOf) : null);
    node.positions.push(e.position);
    node.layouts.push(layoutOf(tag));
  }
  return node;
}

/**
 * Where the fast path put each segment (filled by {@link FastStructureMatcher.match}). The
 * arrays are reused from message to message and may be longer than the message: read only the
 * first `segments.length` entries.
 */
export interface FastMatch<Layout> {
  /** Table position of each segment's row (filled only when given; its length is set). */
  positions?: string[];
  /** Head tag of each segment's innermost group (`SIF` for the bonus block), `null` at the top level. */
  groups: Array<string | null>;
  /** Each segment's layout, as the matcher's `layoutOf` gave it for the segment's row. */
  layouts: Array<Layout | undefined>;
}

/**
 * The fast structure matcher of one segment table. Reusable; not re-entrant (synchronous use
 * only). `layoutOf` is asked once per row, when compiling: the matcher then hands each
 * segment its row's layout, so the caller need not look every segment's tag up in a `Map`.
 */
export class FastStructureMatcher<Layout> {
  private readonly root: Node<Layout>;
  private frames: Array<Node<Layout>> = [];
  private eis: number[] = [];
  private counts: number[] = [];

  constructor(structure: MessageStructure, layoutOf: (tag: string) => Layout | undefined) {
    this.root = compileNode(structure.entries, null, layoutOf);
  }

  /** Mandatory rows of frame `level` from its skip start to the end that have no occurrence. */
  private hasOpenMandatory(level: number): boolean {
    const node = this.frames[level]!;
    const start = this.counts[level]! > 0 ? this.eis[level]! + 1 : this.eis[level]!;
    for (let k = start; k < node.tags.length; k++) if (node.mandatory[k]) return true;
    return false;
  }

  /**
   * `true` when the segments certainly fit the table with no structure issue; `out` then
   * holds each segment's position and group. `false`: run `matchStructure` for the issues.
   */
  match(segments: ReadonlyArray<{ tag: string }>, out: FastMatch<Layout>): boolean {
    const frames = this.frames;
    const eis = this.eis;
    const counts = this.counts;
    // Frames past `depth` are stale and never read. (No `length =` here or on `out`'s arrays:
    // shortening an array is a runtime call in V8, a few per cent of validating.)
    frames[0] = this.root;
    eis[0] = 0;
    counts[0] = 0;
    let depth = 1;
    const positions = out.positions;
    if (positions) positions.length = segments.length;
    const groups = out.groups;
    const layouts = out.layouts;
    for (let i = 0; i < segments.length; i++) {
      const tag = segments[i]!.tag;
      let level = depth - 1;
      let row = -1;
      for (; level >= 0; level--) {
        const node = frames[level]!;
        const ei = eis[level]!;
        const cnt = counts[level]!;
        const tags = node.tags;
        for (let j = level > 0 && ei < 1 ? 1 : ei; j < tags.length; j++) {
          const current = j === ei && cnt > 0;
          if (tags[j] === tag && (!current || cnt < node.max[j]!)) {
            row = j;
            break;
          }
          if (node.mandatory[j] && !current) break;
        }
        if (row !== -1) break;
        if (this.hasOpenMandatory(level)) return false;
      }
      if (row === -1) return false;
      depth = level + 1;
      if (row === eis[level] && counts[level]! > 0) counts[level] = counts[level]! + 1;
      else {
        eis[level] = row;
        counts[level] = 1;
      }
      let node = frames[level]!;
      let child = node.child[row];
      while (child) {
        frames[depth] = child;
        eis[depth] = 0;
        counts[depth] = 1;
        depth++;
        node = child;
        row = 0;
        child = node.child[0];
      }
      if (positions) positions[i] = node.positions[row]!;
      groups[i] = frames[depth - 1]!.headTag;
      layouts[i] = node.layouts[row];
    }
    for (let level = depth - 1; level >= 0; level--) if (this.hasOpenMandatory(level)) return false;
    return true;
  }
}
