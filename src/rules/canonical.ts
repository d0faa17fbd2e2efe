/**
 * Canonical JSON: object keys sorted, so two values that are equal as data give the same
 * string whatever order their keys were built in. Used to recognise duplicate messages.
 *
 * @module
 */

/** JSON of `value` with object keys sorted at every level; `undefined` properties are dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** True when two values are equal as JSON data (key order ignored). */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
