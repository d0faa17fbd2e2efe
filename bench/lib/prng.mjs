// Seeded PRNG for the generator. Math.random is never used: the same --seed must give the
// same bytes on every machine and Node version, so the bench files (and their sidecar
// counts) are reproducible. mulberry32: tiny, fast, good enough for test data.

export function createRng(seed) {
  let a = seed >>> 0;
  /** Uniform float in [0, 1). */
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** Integer in [lo, hi] (both inclusive). */
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  /** One element of an array. */
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  /** true with probability p. */
  const chance = (p) => next() < p;
  /** n random decimal digits as a string (leading zeros allowed). */
  const digits = (n) => {
    let s = '';
    for (; n > 4; n -= 4) s += String(10000 + Math.floor(next() * 10000)).slice(1);
    return s + String(10 ** n + Math.floor(next() * 10 ** n)).slice(1);
  };
  /** Pick from [[weight, value], ...] (index loop: this runs several times per message). */
  const weighted = (table) => {
    let total = 0;
    for (let i = 0; i < table.length; i++) total += table[i][0];
    let r = next() * total;
    for (let i = 0; i < table.length; i++) if ((r -= table[i][0]) < 0) return table[i][1];
    return table[table.length - 1][1];
  };
  return { next, int, pick, chance, digits, weighted };
}
