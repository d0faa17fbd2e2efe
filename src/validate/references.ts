/** Dates and references for the interchanges the validator writes (CONTRL, 12'er). */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** UTC parts of a date as EDIFACT and ISO strings. */
export interface EdiClock {
  /** `YYMMDD` (UNB S004 0017, syntax 3). */
  yymmdd: string;
  /** `HHMM` (UNB S004 0019). */
  hhmm: string;
  /** `YYYY-MM-DD`. */
  iso: string;
}

/** The UTC date and time of `d` in the forms the writers need. */
export function ediClock(d: Date): EdiClock {
  const y = d.getUTCFullYear();
  return {
    yymmdd: `${pad(y % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
    hhmm: `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`,
    iso: `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  };
}

/**
 * The default generator of interchange control references (an..14): the clock's milliseconds
 * at the first reference in base 36 (9 characters, upper case) and a 5-character base-36 running
 * number — unique within a run (60 million references) and across runs started in different
 * milliseconds. Integrators with their own numbering pass `contrlReference` / `replyReference`.
 */
export function referenceGenerator(now: () => Date): () => string {
  let prefix: string | undefined;
  let n = 0;
  return () => {
    prefix ??= Math.max(0, now().getTime()).toString(36).toUpperCase().padStart(9, '0').slice(-9);
    n = (n + 1) % 36 ** 5;
    return `${prefix}${n.toString(36).toUpperCase().padStart(5, '0')}`;
  };
}
