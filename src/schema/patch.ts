/**
 * Changing and auditing profiles as data: `patchProfile` (deep merge of a partial profile,
 * re-validated) and `listAssumptions` (every value the profile marks as our assumption).
 */
import { assertPlainData, loadProfile, type Annotated, type GuideProfile } from './profile.js';

/**
 * A patch for a value of type `T`: objects are partial and deep; arrays are replaced whole;
 * an {@link Annotated} value may be patched with its bare value (keeping `assumption` and
 * `source`) or with some of `{ value, assumption, source }`; `null` deletes a record entry.
 */
export type PatchOf<T> =
  T extends Annotated<infer V>
    ? | V
      | {
          /** The new value; default the base's. */
          value?: V;
          /** Whether the new value is our assumption; default the base's. */
          assumption?: boolean;
          /** Where the new value comes from; default the base's. */
          source?: string;
        }
    : T extends readonly unknown[]
      ? T
      : T extends object
        ? { [K in keyof T]?: PatchOf<T[K]> | null }
        : T;

/** A patch for a {@link GuideProfile}. */
export type ProfilePatch = PatchOf<GuideProfile>;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const isAnnotated = (v: unknown): v is Annotated<unknown> =>
  isObject(v) && Object.hasOwn(v, 'value') && Object.hasOwn(v, 'assumption') && Object.hasOwn(v, 'source');

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return structuredClone(base);
  if (isAnnotated(base) && !isObject(patch)) return { ...structuredClone(base), value: structuredClone(patch) };
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(base)) out[k] = structuredClone(base[k]);
    for (const k of Object.keys(patch)) {
      const p = patch[k];
      if (p === null) delete out[k];
      else out[k] = Object.hasOwn(base, k) ? merge(base[k], p) : structuredClone(p);
    }
    return out;
  }
  return structuredClone(patch);
}

/**
 * Apply a partial profile to a profile and return the validated result.
 * Objects merge deeply; arrays are replaced; an annotated value patched with a bare value or
 * with `{ value }` keeps its `assumption` and `source` unless the patch gives them; `null`
 * removes an entry (e.g. a code from a code list). `base` is never modified.
 *
 * @example patchProfile(getProfile('fp-opsigelser/5.5-reconstructed'), { qualifiers: { RFF: { policyNumber: { value: 'PNR', assumption: false, source: 'Bilag 1 5.5' } } } })
 * @throws ProfileError for a `__proto__` / `constructor` / `prototype` key, or when the result is not a valid profile (naming the path) —
 *   also when it makes optional or unused a position the typed messages always read (`FP_REQUIRED`, e.g. DTM 2379)
 */
export function patchProfile(base: GuideProfile, patch: ProfilePatch | Record<string, unknown>): GuideProfile {
  assertPlainData(patch);
  return loadProfile(merge(base, patch));
}

/** One value a profile marks as our assumption. */
export interface AssumptionEntry {
  /** Dotted path, e.g. `qualifiers.RFF.policyNumber`. */
  path: string;
  /** The assumed value (an annotated value's `value`; otherwise the item's name, tag or group). */
  value: unknown;
  /** The source note. */
  source: string;
}

function describe(o: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(o, 'value')) return o.value;
  for (const k of ['name', 'tag', 'group']) if (typeof o[k] === 'string') return o[k];
  return path;
}

/**
 * Every value of a profile marked `assumption: true`, in document order, with its path and
 * source. This list is what `fp-edifact profile --assumptions` prints.
 */
export function listAssumptions(profile: GuideProfile): AssumptionEntry[] {
  const out: AssumptionEntry[] = [];
  const walk = (v: unknown, path: string[]): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, String(i)]));
      return;
    }
    if (!isObject(v)) return;
    const p = path.join('.');
    if (v.assumption === true) out.push({ path: p, value: describe(v, p), source: typeof v.source === 'string' ? v.source : '' });
    if (isAnnotated(v)) return;
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(profile, []);
  return out;
}
