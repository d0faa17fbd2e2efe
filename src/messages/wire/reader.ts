/**
 * Segment-reading helpers shared by every decoder: a per-message {@link DecodeContext}
 * (errors, where each decoded value came from, data kept for `extraData`) and a per-segment
 * {@link SegmentReader} that hands out components and settles any data nobody read — kept when
 * the profile uses its position, reported otherwise — so a decoder can never silently drop
 * something a message carries.
 */
import { layoutFor, profileCodeLists } from '../../schema/access.js';
import { checkSegment, type CodeListLike } from '../../schema/check.js';
import type { GuideProfile } from '../../schema/profile.js';
import type { SegmentLayout } from '../../schema/segments.js';
import { componentAt, type SegmentInput } from '../../syntax/segment.js';
import type { ExtraDatum, ExtraSegment } from '../types/common.js';
import { messageError, type MessageError, type Origin } from './errors.js';
import { issuesAt, positionStatus, repeatAllowed, segmentKey } from './extra.js';

const NO_CODE_LISTS: Readonly<Record<string, CodeListLike>> = Object.freeze({});

/** Errors and value origins of one message being decoded. */
export class DecodeContext {
  /** Every problem found so far, in input order. */
  readonly errors: MessageError[] = [];
  /** Data in positions the profile uses that no reader took (the message's `extraData`), in input order. */
  readonly extraData: ExtraDatum[] = [];
  /** Whole segments of tags no reader reads (the message's `extraSegments`), in input order. */
  readonly extraSegments: ExtraSegment[] = [];
  private readonly origins = new Map<string, Origin>();
  private readonly failed = new Set<string>();
  /** Code and place of every positioned problem reported, so each is reported once. */
  private readonly reported = new Set<string>();
  /** Segment position and element (`''` for the segment as a whole) of every problem reported. */
  private readonly placesReported = new Set<string>();
  /** Problems the profile's layouts find, reported by {@link reportLayoutIssues} where nothing else was. */
  private readonly layoutIssues: Array<{ code: string; reason: string; at: Origin }> = [];
  /** Segments finished so far by tag and first value, for {@link ExtraDatum.occurrence}. */
  private readonly seen = new Map<string, number>();

  /**
   * @param profile the profile whose segment layouts say which positions are used; without one,
   *   every position no reader took is reported (15)
   */
  constructor(readonly profile?: GuideProfile) {}

  /** The layout the profile checks `segment` against (`layoutFor`), or `undefined`. */
  layoutOf(segment: SegmentInput): SegmentLayout | undefined {
    return this.profile === undefined ? undefined : layoutFor(this.profile, segment);
  }

  /** The profile's code lists (`profileCodeLists`, built once per profile); empty without a profile. */
  codeLists(): Readonly<Record<string, CodeListLike>> {
    return this.profile === undefined ? NO_CODE_LISTS : profileCodeLists(this.profile);
  }

  /** Counts `segment` among those with its tag and first value; returns its 1-based occurrence. */
  occurrence(segment: SegmentInput): number {
    const key = segmentKey(segment.tag, componentAt(segment, 0, 0));
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n;
  }

  /**
   * Records a problem, once per code and place: the structure walk and a reader may both find
   * the same one (a segment repeated past its maximum); the first report stands.
   */
  error(code: string, reason: string, at?: Partial<Origin> | null): void {
    const e = messageError(code, reason, at);
    if (e.segmentPosition !== null) {
      const place = `${e.code}/${e.segmentPosition}/${e.element}/${e.component}`;
      if (this.reported.has(place)) return;
      this.reported.add(place);
      this.placesReported.add(`${e.segmentPosition}/${e.element ?? ''}`);
    }
    this.errors.push(e);
  }

  /** Keeps a problem the profile's layout finds in a segment for {@link reportLayoutIssues}. */
  layoutIssue(code: string, reason: string, at: Origin): void {
    this.layoutIssues.push({ code, reason, at });
  }

  /**
   * Reports the layouts' problems, once the readers and the typed schema have had their say:
   * each one unless a problem was already reported in its element or its segment as a whole, so
   * a value is reported once, by the reader or schema that knows its field when there is one.
   */
  reportLayoutIssues(): void {
    for (const { code, reason, at } of this.layoutIssues) {
      const p = at.segmentPosition;
      if (!this.placesReported.has(`${p}/${at.element ?? ''}`) && !this.placesReported.has(`${p}/`)) this.error(code, reason, at);
    }
    this.layoutIssues.length = 0;
  }

  /** Records a problem with the value at `path`; later schema complaints about that path are suppressed. */
  fail(path: string, code: string, reason: string, at?: Partial<Origin> | null): void {
    this.failed.add(path);
    this.error(code, reason, at);
  }

  /** Remembers where the value at `path` (dotted wire path) came from. */
  record(path: string, at: Origin): void {
    this.origins.set(path, at);
  }

  /** Sets `target[key] = value` and records its origin under `path` — unless `value` is `undefined`. */
  assign(target: object, key: string, value: unknown, path: string, at: Origin): void {
    if (value === undefined) return;
    (target as Record<string, unknown>)[key] = value;
    this.record(path, at);
  }

  /** Where the value at `path` or its closest recorded ancestor came from. */
  originOf(path: string): Origin | undefined {
    let p = path;
    for (;;) {
      const o = this.origins.get(p);
      if (o) return o;
      const cut = p.lastIndexOf('.');
      if (cut < 0) return undefined;
      p = p.slice(0, cut);
    }
  }

  /** `true` when a reader already reported the value at `path` or an ancestor. */
  hasFailed(path: string): boolean {
    let p = path;
    for (;;) {
      if (this.failed.has(p)) return true;
      const cut = p.lastIndexOf('.');
      if (cut < 0) return false;
      p = p.slice(0, cut);
    }
  }
}

/** Reads one segment's components, tracking which ones were used. Element and component indexes are 0-based here. */
export class SegmentReader {
  private readonly used = new Set<string>();
  private skipped = false;
  private whole = false;

  constructor(
    /** The segment read. */
    readonly segment: SegmentInput,
    /** Its 1-based position in the message (UNH = 1) as sent: a segment skipped for its length counts. */
    readonly position: number,
    private readonly ctx: DecodeContext,
  ) {}

  /** The segment tag. */
  get tag(): string {
    return this.segment.tag;
  }

  /** Origin of element `e`, component `c` (0-based in, 1-based out); omit `c` for the whole element, both for the segment. */
  at(e?: number, c?: number): Origin {
    return {
      segment: this.segment.tag,
      segmentPosition: this.position,
      element: e === undefined ? null : e + 1,
      component: c === undefined ? null : c + 1,
    };
  }

  /** Component `c` of element `e`, `''` when absent; marks it read. */
  raw(e: number, c = 0): string {
    this.used.add(`${e}:${c}`);
    return componentAt(this.segment, e, c);
  }

  /** Component `c` of element `e`, `undefined` when absent or empty; marks it read. */
  opt(e: number, c = 0): string | undefined {
    const v = this.raw(e, c);
    return v === '' ? undefined : v;
  }

  /** Like {@link opt}, but reports `13` (missing) when the component is empty. */
  req(e: number, c: number, what: string, path?: string): string | undefined {
    const v = this.opt(e, c);
    if (v === undefined) {
      const reason = `${this.tag}: ${what} is missing`;
      if (path) this.ctx.fail(path, '13', reason, this.at(e, c));
      else this.ctx.error('13', reason, this.at(e, c));
    }
    return v;
  }

  /** Every component of element `e` (the text lines of an FTX, say); marks them read. */
  components(e: number): string[] {
    const el = this.segment.elements[e] ?? [];
    el.forEach((_, c) => this.used.add(`${e}:${c}`));
    return [...el];
  }

  /**
   * `true` when `target[key]` is still unset; otherwise reports `35` (the segment repeats a
   * value already read), marks the segment read and returns `false`.
   */
  once(target: object, key: string, what = `${this.tag} ${componentAt(this.segment, 0)}`): boolean {
    if ((target as Record<string, unknown>)[key] === undefined) return true;
    this.ctx.error('35', `${what} occurs more than once`, this.at());
    this.skip();
    return false;
  }

  /** Marks the whole segment as read (after reporting it as a whole, e.g. an unknown qualifier). */
  skip(): void {
    this.skipped = true;
  }

  /**
   * Keeps the segment whole for the message's `extraSegments` (a tag no typed reader reads, placed
   * by the profile's segment table): at {@link finish}, all of its layout's checks apply, as
   * `validate`'s `checkSegment` makes them (data in a position it does not use: 15, past the
   * layout: 16), and nothing of it goes to `extraData`.
   */
  keepWhole(): void {
    this.whole = true;
    const s = this.segment;
    const repeats = Object.entries(s.repeats ?? {}).map(([e, occurrences]) => ({ element: Number(e) + 1, occurrences: occurrences.map((el) => [...el]) }));
    this.ctx.extraSegments.push({ position: this.position, tag: s.tag, elements: s.elements.map((el) => [...el]), ...(repeats.length > 0 ? { repeats } : {}) });
  }

  /**
   * Settles the data of the segment against the profile's layout for it ({@link DecodeContext.layoutOf}):
   * - data nobody read, in a position the layout uses (`C`, `M`), goes to `extraData`;
   * - data nobody read where the layout uses none (`N`, or no such position, or no layout), and
   *   data read where a patched layout uses none, is reported `15` (not supported in this position);
   * - everything else the layout finds, as `validate`'s `checkSegment` does (a mandatory position
   *   empty: 13; format: 37, 39, 40, 19; a code outside the bound lists: 12), is kept for
   *   {@link DecodeContext.reportLayoutIssues}, which reports it unless the reader or the typed
   *   schema already reported a problem in that element or segment.
   * Repeated elements (syntax 4) are data nobody read beyond their first occurrence; without a
   * layout that lets them repeat they are `15` at their element. A segment kept whole
   * ({@link keepWhole}) gets every issue of its layout, and no `15` of its own.
   */
  finish(): void {
    const occurrence = this.ctx.occurrence(this.segment);
    const layout = this.ctx.layoutOf(this.segment);
    const repeats = this.segment.repeats ?? {};
    if (this.skipped) return this.refuseRepeats(Object.keys(repeats).map(Number));
    if (this.whole) {
      if (layout === undefined) return this.ctx.error('15', `segment ${this.tag} has no layout in profile ${this.ctx.profile?.id ?? '(none)'}`, this.at());
      // Nothing of it is typed: the layout's checks are all there is, every one as validate makes it (16 past the layout, too).
      for (const i of checkSegment(this.segment as Parameters<typeof checkSegment>[0], layout, { codeLists: this.ctx.codeLists() })) {
        this.ctx.layoutIssue(i.code, `${this.tag}: ${i.reason}`, this.at(i.element - 1, i.component === null ? undefined : i.component - 1));
      }
      return;
    }
    const kept: Array<[e: number, c: number, r: number, value: string]> = [];
    const settle = (e: number, c: number, r: number, value: string): void => {
      if (value === '') return;
      const unused = layout === undefined || positionStatus(layout, e, c) === 'N';
      if (r === 0 && this.used.has(`${e}:${c}`)) {
        if (unused && layout !== undefined) this.ctx.error('15', `${this.tag}: ${JSON.stringify(value)} in element ${e + 1}, component ${c + 1}: profile ${this.ctx.profile!.id} does not use this position`, this.at(e, c));
      } else if (unused) {
        this.ctx.error('15', `${this.tag}: unexpected data ${JSON.stringify(value)} in element ${e + 1}, component ${c + 1}`, this.at(e, c));
      } else kept.push([e, c, r, value]);
    };
    this.segment.elements.forEach((components, e) => components.forEach((value, c) => settle(e, c, 0, value)));
    const refused: number[] = [];
    const repeated = new Set<number>();
    for (const [key, occurrences] of Object.entries(repeats)) {
      const e = Number(key);
      if (layout === undefined || !repeatAllowed(layout, e, occurrences.length)) refused.push(e);
      else {
        repeated.add(e);
        occurrences.forEach((components, r) => r > 0 && components.forEach((value, c) => settle(e, c, r, value)));
      }
    }
    this.refuseRepeats(refused);
    if (layout === undefined) return;
    const issues = issuesAt(this.segment, layout, this.ctx.codeLists(), (e, _c, r) => r === 0 || repeated.has(e));
    for (const i of issues) this.ctx.layoutIssue(i.code, `${this.tag}: ${i.reason}`, this.at(i.element - 1, i.component === null ? undefined : i.component - 1));
    for (const [e, c, r, value] of kept) {
      this.ctx.extraData.push({ segment: this.tag, qualifier: componentAt(this.segment, 0, 0), occurrence, element: e + 1, component: c + 1, ...(r > 0 ? { repetition: r + 1 } : {}), value });
    }
  }

  /** Reports repeated elements the layout does not let repeat, each at its own element. */
  private refuseRepeats(elements: readonly number[]): void {
    for (const e of elements) {
      this.ctx.error('15', `${this.tag}: element ${e + 1} is repeated, but repeated data elements are not used in this message`, this.at(e));
    }
  }
}

/**
 * Converts a wire date (`CCYYMMDD`, format 102) to ISO `YYYY-MM-DD`; `undefined` when it is
 * not 8 digits. Whether it is a real date is left to the typed schema.
 */
export function wireDateToIso(value: string): string | undefined {
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : undefined;
}

/** Converts an ISO `YYYY-MM-DD` date to the wire form `CCYYMMDD`. */
export function isoToWireDate(value: string): string {
  return value.replaceAll('-', '');
}
