/**
 * Panthaver guide facts that the content rules (`src/validate/rules`) and the test
 * arbitraries (`src/messages/arbitraries.ts`) both need, by *kind name* (the profile's
 * `documentCodes` turn kinds into BGM codes), so one place says what the guide requires.
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
