/**
 * The bonus history (bonusoplysninger) of a bonus answer (11) or of an accept (29) that
 * answers a cancellation with DOC 11: built from the ceding insurer's data and checked
 * against the guide. Opsigelser guide 5.5, section 2.7 'Bonusforespørgsel'.
 *
 * @module
 */
import type { Bonus, Branch, Claim } from '../messages/types/opsigelser.js';
import { branchGroup } from '../schema/access.js';
import type { GuideProfile } from '../schema/profile.js';
import { defaultProfile } from '../schema/profiles/index.js';
import { addMonths, assertIsoDate, type IsoDate } from './dates.js';
import { explain, type Explanation } from './explanation.js';
import { CASE_OPTION_CHECKS, checkOptions } from './option-checks.js';

/** One claim as the ceding insurer has it. */
export interface ClaimRecord {
  /** Claim date (skadedato). */
  date: IsoDate;
  /** Consequence code (konsekvenskode) 1–6. */
  consequence: Claim['consequence'];
  /** Fully recovered through recourse (fuld regres): never reported. */
  fullyRecovered?: boolean;
  /** Has cost, or is expected to cost, the ceding insurer; default true. A claim without cost is not reported. */
  costsCedingInsurer?: boolean;
}

/** What the ceding insurer knows about the policy's bonus. */
export interface BonusFacts {
  /** Current premium step (digits), or `FASTP` for fixed premium without steps. */
  premiumStep: string;
  /** Claim-free years the current step corresponds to (for FASTP: the years the arrangement needs); may be negative. */
  claimFreeYears: number;
  /** Underwriting date (tegningsdato), when known. */
  underwritingDate?: IsoDate;
  /** The date the policy was converted to the current system: the underwriting date to report when the real one is unknown. */
  conversionDate?: IsoDate;
  /** The last step change that changed the premium: its date, never changed, or unknown. */
  lastStepChange:
    | {
        /** The day of the last step change that changed the premium, reported in DTM 290. */
        date: IsoDate;
      }
    | {
        /** The step never changed: the underwriting date is reported as the last step change. */
        never: true;
      }
    | {
        /** Not known: reported as unknown (DTM 293 with a blank date). */
        unknown: true;
      };
  /** When the policy moved from steps to fixed premium (FASTP): that date is the last step change. */
  fixedPremiumSince?: IsoDate;
  /** Policy end date (ophørsdato), for a bonus answer (11). */
  policyEndDate?: IsoDate;
  /** Every claim on record; the builder selects those the guide wants reported. */
  claims: readonly ClaimRecord[];
}

/** The built bonus block and notes on what was left out. */
export interface BonusBlockResult {
  /** The block for `buildBonusAnswer` / `toReply` (`bonus` option). */
  bonus: Bonus;
  /** Notes: claims left out (no cost, outside 5 years, beyond 10), conversion date used as underwriting date. */
  notes: Explanation[];
}

/** The most claims a bonus block carries. */
export const MAX_CLAIMS = 10;
/** How far back claims are reported, in months (5 years). */
export const CLAIMS_WINDOW_MONTHS = 60;
/** The consequence codes (konsekvenskode) that exist. */
const CONSEQUENCE_CODES: readonly string[] = ['1', '2', '3', '4', '5', '6'];

/**
 * Builds the bonus block from the insurer's data (rules `bonus.*`): premium step or FASTP,
 * claim-free years, last step change (DTM 290: its date; the underwriting date if never
 * changed; the change date when moved to fixed premium; 293 with a blank date when unknown),
 * underwriting date (the conversion date when unknown), policy end date, and at most 10 claims
 * within 5 years before `referenceDate` that cost the ceding insurer, most recent first.
 *
 * @param referenceDate - the cancellation date, or for a pure bonus query the policy end date
 * @throws TypeError when neither an underwriting date nor a conversion date is known
 */
export function buildBonusBlock(facts: BonusFacts, referenceDate: IsoDate): BonusBlockResult {
  assertIsoDate(referenceDate, 'referenceDate');
  const notes: Explanation[] = [];
  const underwritingDate = facts.underwritingDate ?? facts.conversionDate;
  if (underwritingDate === undefined) {
    throw new TypeError('buildBonusBlock: the bonus answer needs the underwriting date, or the conversion date when it is unknown');
  }
  if (facts.underwritingDate === undefined) {
    notes.push(explain('bonus.underwriting-date', { conversionDate: underwritingDate }, `The underwriting date is unknown, so the conversion date ${underwritingDate} is given instead.`));
  }
  const claims = selectClaims(facts.claims, referenceDate, notes);
  const bonus: Bonus = {
    premiumStep: facts.premiumStep,
    claimFreeYears: facts.claimFreeYears,
    underwritingDate,
    lastStepChange: lastStepChange(facts, underwritingDate),
    ...(facts.policyEndDate !== undefined ? { policyEndDate: facts.policyEndDate } : {}),
    claims,
  };
  return { bonus, notes };
}

function lastStepChange(facts: BonusFacts, underwritingDate: IsoDate): Bonus['lastStepChange'] {
  if (facts.fixedPremiumSince !== undefined) return { date: facts.fixedPremiumSince };
  const change = facts.lastStepChange;
  if ('date' in change) return { date: change.date };
  if ('never' in change) return { date: underwritingDate };
  return { unknown: true };
}

/** The start of the 5-year claims window before `referenceDate`. */
export function claimsWindowStart(referenceDate: IsoDate): IsoDate {
  return addMonths(referenceDate, -CLAIMS_WINDOW_MONTHS);
}

function selectClaims(records: readonly ClaimRecord[], referenceDate: IsoDate, notes: Explanation[]): Claim[] {
  const from = claimsWindowStart(referenceDate);
  const costing = records.filter((c) => c.fullyRecovered !== true && c.costsCedingInsurer !== false);
  if (costing.length < records.length) {
    const n = records.length - costing.length;
    notes.push(explain('bonus.claims-cost', {}, `${n} claim(s) without cost for us (fully recovered or no expense) are left out.`));
  }
  const inWindow = costing.filter((c) => c.date >= from && c.date <= referenceDate);
  if (inWindow.length < costing.length) {
    const n = costing.length - inWindow.length;
    notes.push(explain('bonus.claims-window', { from, to: referenceDate }, `${n} claim(s) outside ${from} – ${referenceDate} (5 years before the cancellation date) are left out.`));
  }
  const newestFirst = [...inWindow].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (newestFirst.length > MAX_CLAIMS) {
    const kept = newestFirst[MAX_CLAIMS - 1]?.date ?? referenceDate;
    notes.push(explain('bonus.claims-max-10', { oldestKept: kept }, `${newestFirst.length} claims qualify; only the ${MAX_CLAIMS} most recent (back to ${kept}) are reported.`));
  }
  return newestFirst.slice(0, MAX_CLAIMS).map((c) => ({ consequence: c.consequence, date: c.date }));
}

/** What {@link checkBonusBlock} checks against. */
export interface BonusCheckContext {
  /** The cancellation date (or the policy end date of a pure bonus query): claims must lie in the 5 years before it. */
  referenceDate?: IsoDate;
  /** The message date of the 11 or 29: no date in the block may be later. */
  messageDate?: IsoDate;
  /** `bonusAnswer` (11) needs the policy end date; `accept` (29) does not. */
  messageKind?: 'bonusAnswer' | 'accept';
  /** The insurer's data: the block must say what {@link buildBonusBlock} makes of it. */
  facts?: BonusFacts;
}

/**
 * Checks a bonus block (of an 11 or a 29) against the guide and, when given, the insurer's
 * data. Returns one explanation per broken rule (empty when the block is right).
 */
export function checkBonusBlock(block: Bonus, context: BonusCheckContext = {}): Explanation[] {
  const found: Explanation[] = [];
  const { referenceDate, messageDate } = context;
  if (!/^(FASTP|\d{1,3})$/.test(block.premiumStep)) {
    found.push(explain('bonus.premium-step', {}, `The premium step ${JSON.stringify(block.premiumStep)} is neither a step number nor FASTP.`));
  }
  if (!Number.isInteger(block.claimFreeYears)) {
    found.push(explain('bonus.claim-free-years', {}, `The number of claim-free years (${block.claimFreeYears}) must be a whole number (it may be negative).`));
  }
  if (block.underwritingDate === undefined) {
    found.push(explain('bonus.underwriting-date', {}, 'The bonus block has no underwriting date (give the conversion date when the real one is unknown).'));
  }
  const change = block.lastStepChange as Partial<{ date: string; unknown: boolean }> | undefined;
  if (change === undefined || (change.date === undefined && change.unknown !== true)) {
    found.push(explain('bonus.last-step-change', {}, 'The bonus block has no date of the last step change (DTM 290), nor qualifier 293 for an unknown date.'));
  } else if (change.date !== undefined && messageDate !== undefined && change.date > messageDate) {
    found.push(explain('bonus.last-step-change', { lastStepChange: change.date, messageDate }, `The last step change ${change.date} lies after the message date ${messageDate}.`));
  }
  if (context.messageKind === 'bonusAnswer' && block.policyEndDate === undefined) {
    found.push(explain('bonus.policy-end-date', {}, 'A bonus answer (11) must carry the policy end date.'));
  }
  found.push(...checkClaims(block.claims, referenceDate, messageDate));
  if (context.facts !== undefined && referenceDate !== undefined) found.push(...compareWithFacts(block, context.facts, referenceDate));
  return found;
}

function checkClaims(claims: readonly Claim[], referenceDate: IsoDate | undefined, messageDate: IsoDate | undefined): Explanation[] {
  const found: Explanation[] = [];
  if (claims.length > MAX_CLAIMS) {
    found.push(explain('bonus.claims-max-10', {}, `The block lists ${claims.length} claims; at most ${MAX_CLAIMS} are allowed.`));
  }
  const from = referenceDate === undefined ? undefined : claimsWindowStart(referenceDate);
  for (const claim of claims) {
    if (!CONSEQUENCE_CODES.includes(claim.consequence)) {
      found.push(explain('bonus.consequence-code', { claimDate: claim.date }, `The claim of ${claim.date} has consequence code ${JSON.stringify(claim.consequence)}; only 1–6 exist.`));
    }
    if (from !== undefined && referenceDate !== undefined && (claim.date < from || claim.date > referenceDate)) {
      found.push(explain('bonus.claims-window', { claimDate: claim.date, from, to: referenceDate }, `The claim of ${claim.date} lies outside the 5 years ${from} – ${referenceDate} before the cancellation date.`));
    } else if (messageDate !== undefined && claim.date > messageDate) {
      found.push(explain('bonus.claims-window', { claimDate: claim.date, messageDate }, `The claim of ${claim.date} lies after the message date ${messageDate}.`));
    }
  }
  return found;
}

function compareWithFacts(block: Bonus, facts: BonusFacts, referenceDate: IsoDate): Explanation[] {
  let expected: Bonus;
  try {
    expected = buildBonusBlock(facts, referenceDate).bonus;
  } catch {
    return [explain('bonus.underwriting-date', {}, 'Our data has neither an underwriting date nor a conversion date for the policy.')];
  }
  const found: Explanation[] = [];
  if (block.premiumStep !== expected.premiumStep) {
    found.push(explain('bonus.premium-step', {}, `The block gives premium step ${block.premiumStep}; our data says ${expected.premiumStep}.`));
  }
  if (block.claimFreeYears !== expected.claimFreeYears) {
    found.push(explain('bonus.claim-free-years', {}, `The block gives ${block.claimFreeYears} claim-free years; our data says ${expected.claimFreeYears}.`));
  }
  if (block.underwritingDate !== expected.underwritingDate) {
    found.push(explain('bonus.underwriting-date', { expected: expected.underwritingDate }, `The block gives underwriting date ${block.underwritingDate ?? '(none)'}; our data says ${expected.underwritingDate ?? '(none)'}.`));
  }
  if (JSON.stringify(block.lastStepChange) !== JSON.stringify(expected.lastStepChange)) {
    const show = (c: Bonus['lastStepChange']) => ('date' in c ? c.date : 'unknown (293)');
    found.push(explain('bonus.last-step-change', {}, `The block gives last step change ${show(block.lastStepChange)}; by our data it is ${show(expected.lastStepChange)}.`));
  }
  const key = (c: Claim) => `${c.date}/${c.consequence}`;
  const expectedKeys = new Set(expected.claims.map(key));
  const extra = block.claims.filter((c) => !expectedKeys.has(key(c)));
  const blockKeys = new Set(block.claims.map(key));
  const missing = expected.claims.filter((c) => !blockKeys.has(key(c)));
  const costless = new Set(facts.claims.filter((c) => c.fullyRecovered === true || c.costsCedingInsurer === false).map(key));
  for (const claim of extra) {
    const rule = costless.has(key(claim)) ? 'bonus.claims-cost' : 'bonus.claims-window';
    const why = rule === 'bonus.claims-cost' ? 'it cost us nothing (fully recovered or no expense)' : 'it is not one of the claims to report (outside the window, beyond the 10 most recent, or not on record)';
    found.push(explain(rule, { claimDate: claim.date }, `The claim of ${claim.date} (code ${claim.consequence}) should not be listed: ${why}.`));
  }
  for (const claim of missing) {
    found.push(explain('bonus.claims-window', { claimDate: claim.date }, `The claim of ${claim.date} (code ${claim.consequence}) is missing from the block.`));
  }
  return found;
}

/**
 * True when claims data may be requested for `branch` (bonus query 13, or DOC 11 with a 9):
 * the branch group's `bonusProductGroups` in the profile list the product group (branch
 * group 001 with 001, 002, 004, 999 in the default profile); `options.profile` is the opsigelser
 * profile, default the shipped one. Rule `bonus.query-branch`.
 * @throws TypeError when `options.profile` is not an opsigelser guide profile
 */
export function isBonusQueryAllowed(
  branch: Branch,
  options: {
    /** The opsigelser profile whose branch groups list the product groups with claims data; default the shipped one. */
    profile?: GuideProfile;
  } = {},
): boolean {
  checkOptions(options, CASE_OPTION_CHECKS, 'isBonusQueryAllowed');
  return branchGroup(options.profile ?? defaultProfile('opsigelser'), branch.group)?.bonusProductGroups.includes(branch.product) ?? false;
}
