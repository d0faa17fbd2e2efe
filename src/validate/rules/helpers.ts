/** Small readers the content rules share. */
import { isRealCcyymmdd } from '../../syntax/calendar-date.js';
import type { GuideProfile } from '../../schema/profile.js';
import { componentAt as val, digitsAt, type Segment } from '../../syntax/segment.js';
import type { RuleContext } from './types.js';

/** Component `c` of element `e` (both 0-based), `''` when absent: the rules' short name for `componentAt`. */
export { val };

/** Non-throwing qualifier lookups of the profile: `qualifier(p, tag, role)` and `rolesOf(p, tag)` (value → role). */
export { qualifier, rolesOf } from '../../schema/access.js';

/** The codes of a profile code list, or `undefined` when the profile has no such list. */
export function codesOf(profile: GuideProfile, list: string): ReadonlySet<string> | undefined {
  const l = Object.hasOwn(profile.codeLists, list) ? profile.codeLists[list] : undefined;
  return l ? new Set(Object.keys(l.codes)) : undefined;
}

/** The message's kind as a text names it, with its article and document code: `an accept (33)`, `a rejection (27)`. */
export function kindNamed(ctx: Pick<RuleContext, 'kind' | 'documentCode'>): string {
  return `${/^[aeiou]/i.test(ctx.kind) ? 'an' : 'a'} ${ctx.kind} (${ctx.documentCode})`;
}

/**
 * `compute` remembered for the last message: the rules of one message that ask the same thing
 * ask it once (the context object identifies the message: `validateMessage` makes one per message).
 */
export function perMessage<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  let last: RuleContext | null = null;
  let value!: T;
  return (ctx) => {
    if (ctx !== last) {
      value = compute(ctx);
      last = ctx;
    }
    return value;
  };
}

/** Index of the first top-level segment with `tag` (and first value `q` when given), or -1. */
export function findTop(ctx: RuleContext, tag: string, q?: string): number {
  const segs = ctx.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.tag === tag && ctx.groups[i] === null && (q === undefined || val(s, 0) === q)) return i;
  }
  return -1;
}

/** Index of the first segment with `tag` anywhere (and first value `q` when given), or -1. */
export function find(ctx: RuleContext, tag: string, q?: string): number {
  const segs = ctx.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.tag === tag && (q === undefined || val(s, 0) === q)) return i;
  }
  return -1;
}

/**
 * Why the NAD `s`, which names `who` (`'a company'`, `'the debtor'`), carries an id type (C082/3055)
 * that is none of `allowed`, or `null` when it carries one of them or none; a rule reports it at
 * element 2, component 3.
 */
export function idTypeRefusal(s: Segment, who: string, allowed: readonly string[]): string | null {
  const type = val(s, 1, 2);
  if (type === '' || allowed.includes(type)) return null;
  return `NAD ${val(s, 0)} identifies ${who}: id type ${allowed.join(' or ')}, not ${JSON.stringify(type)}`;
}

/** Number of segments with `tag` (anywhere). */
export function count(ctx: RuleContext, tag: string): number {
  let n = 0;
  for (const s of ctx.segments) if (s.tag === tag) n++;
  return n;
}


/** Day number (days since 1970-01-01) of a `CCYYMMDD` date, or `null` when it is not a real date. */
export function dayNumber(ccyymmdd: string): number | null {
  if (!isRealCcyymmdd(ccyymmdd)) return null;
  const y = digitsAt(ccyymmdd, 0, 4);
  const m = digitsAt(ccyymmdd, 4, 6);
  const d = digitsAt(ccyymmdd, 6, 8);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.floor(t.getTime() / 86_400_000);
}

/** The UNB sender (S002 0004) or recipient (S003 0010) id — `''` without a header. */
export function unbParty(ctx: RuleContext, which: 'sender' | 'recipient'): string {
  return ctx.header?.[which].id ?? '';
}
