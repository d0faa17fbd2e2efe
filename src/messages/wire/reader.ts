/**
 * Segment-reading helpers shared by every decoder: a per-message {@link DecodeContext}
 * (errors, where each decoded value came from) and a per-segment {@link SegmentReader}
 * that hands out components and reports any data nobody read — so a decoder can never
 * silently drop something a message carries.
 */
import { componentAt, type SegmentInput } from '../../syntax/segment.js';
import { messageError, type MessageError, type Origin } from './errors.js';

/** Errors and value origins of one message being decoded. */
export class DecodeContext {
  /** Every problem found so far, in input order. */
  readonly errors: MessageError[] = [];
  private readonly origins = new Map<string, Origin>();
  private readonly failed = new Set<string>();
  /** Code and place of every positioned problem reported, so each is reported once. */
  private readonly reported = new Set<string>();

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
    }
    this.errors.push(e);
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
    this.segment.elements.forEach((components, e) => components.forEach((_, c) => this.used.add(`${e}:${c}`)));
  }

  /** Reports every non-empty component nobody read (`15`, not supported in this position). */
  finish(): void {
    this.segment.elements.forEach((components, e) => {
      components.forEach((value, c) => {
        if (value !== '' && !this.used.has(`${e}:${c}`)) {
          this.ctx.error('15', `${this.tag}: unexpected data ${JSON.stringify(value)} in element ${e + 1}, component ${c + 1}`, this.at(e, c));
        }
      });
    });
    // Keys are the 0-based indexes of the repeated elements; each is reported at its own element.
    for (const key of Object.keys(this.segment.repeats ?? {})) {
      this.ctx.error('15', `${this.tag}: element ${Number(key) + 1} is repeated, but repeated data elements are not used in this message`, this.at(Number(key)));
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
