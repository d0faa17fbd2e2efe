/**
 * `fp-edifact/testing`: fast-check arbitraries of valid typed F&P messages and whole
 * interchanges, for property tests of code that reads or writes them. Needs `fast-check`
 * (a peer dependency of this entry only). Codes come from the profile (default: the shipped
 * one; `arbOpsigelse(kind, profile)`, `arbPanthaver(kind, profile)`,
 * `arbInterchangeText({ profile })`), so the validator accepts what they generate: no CONTRL
 * error and, for the shipped profiles, no 12'er.
 *
 * @example
 * import fc from 'fast-check';
 * import { arbOpsigelse } from 'fp-edifact/testing';
 * fc.assert(fc.property(arbOpsigelse('cancellation'), (m) => myHandler(m) !== undefined));
 */
export {
  arbText,
  arbIsoDate,
  arbVir,
  arbCompany,
  arbLienholder,
  arbNamedParty,
  arbPolicyholder,
  arbAddress,
  arbFreeText,
  arbBonus,
  arbOpsigelse,
  arbPanthaver,
  arbInterchangeText,
  type ArbInterchangeOptions,
  type GeneratedInterchange,
} from './messages/arbitraries.js';
