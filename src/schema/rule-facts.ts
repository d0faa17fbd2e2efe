/**
 * Panthaver guide facts that the content rules (`src/validate/rules`), the Declaration rules
 * (`src/rules`), the builders and the test arbitraries (`src/messages`) need, by *kind name* (the
 * profile's `documentCodes` turn kinds into BGM codes), so one place says what the guide requires.
 */

/** Panthaver kinds that end the coverage (Z10, Z11, Z12): a D, E or L declaration gets no new cover type in them. */
export const COVERAGE_ENDED_KINDS: readonly string[] = ['coverageEndedArrears', 'coverageEndedComprehensive', 'coverageEndedOther'];

/** A Z40 (change of insurer) may be sent at most this many days before the policy ends (seed 001). */
export const CHANGE_OF_INSURER_MAX_DAYS = 30;

/**
 * A sum insured (forsikringssum, MOA FSU) is whole kroner: digits only, no decimal mark, sign or
 * leading zeros (seed 001, 'Accept': "i hele kroner uden punktum"); at most 13 digits.
 */
export const WHOLE_KRONER = /^(0|[1-9]\d{0,12})$/;

/**
 * An L declaration's acceptance date (acceptdato) is at most this many days after its receipt
 * (seed 001, 'Accept': "Acceptdatoen må ikke være senere end 14 dage efter modtagelsen").
 */
export const L_ACCEPT_MAX_DAYS = 14;

/** What is wrong with the acceptance date of an L accept, by {@link lAcceptDateProblem}. */
export type LAcceptDateProblem =
  /** later than receipt + 14 days */
  | 'later-than-latest'
  /** the accept is sent later than receipt + 14 days, and its acceptance date is not receipt + 14 */
  | 'late-accept-not-latest';

/**
 * What is wrong, if anything, with acceptance date `acceptDate` of an accept of an L declaration
 * sent `sentOn`, when `latest` is receipt + {@link L_ACCEPT_MAX_DAYS} (all ISO dates) — seed 001,
 * 'Accept': "Acceptdatoen må ikke være senere end 14 dage efter modtagelsen. Hvis der accepteres
 * senere end 14 dage efter modtagelsen, skal brugeren indtaste en acceptdato, der er lig med
 * modtagelsesdato + 14 dage." The Declaration rules refuse such an accept, and the builders
 * refuse to write one.
 */
export function lAcceptDateProblem(latest: string, sentOn: string, acceptDate: string): LAcceptDateProblem | undefined {
  if (acceptDate > latest) return 'later-than-latest';
  if (sentOn > latest && acceptDate !== latest) return 'late-accept-not-latest';
  return undefined;
}
