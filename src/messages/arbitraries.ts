/**
 * fast-check arbitraries of valid typed messages of every kind, written by hand to follow the
 * zod schemas' constraints — with Danish letters and EDIFACT service characters (`+ : ? '`)
 * in names, free text and references, so escaping is exercised. Every coded value (BRC branch
 * and product group, ERC, SHI, ATT, cover-type codes, …) comes from the profile's code lists
 * and branch groups, and the messages follow the content rules of one message, so `validate()`
 * accepts interchanges built from them. Exposed to users through the `fp-edifact/testing` entry.
 */
import fc from 'fast-check';
import { buildInterchange } from '../envelope/builder.js';
import { branchGroup, declarationTypeCode, latestCancellationDate, requiredReferences } from '../schema/access.js';
import { CONTENT_ERROR_CODES, describeProfile, profileOptionCheck } from '../schema/profile.js';
import { isMissingPolicyNumber } from '../schema/policy-number.js';
import { opsigelser55, panthaver52 } from '../schema/profiles/index.js';
import { CHANGE_OF_INSURER_MAX_DAYS, COVERAGE_ENDED_KINDS } from '../schema/rule-facts.js';
import { checkOptions, oneOf, positiveInteger, wholeNumberAtLeast, nonNegativeInteger, type CheckWording, type OptionCheck } from '../syntax/options.js';
import { serialize } from '../syntax/writer.js';
import { addIsoDays, isRealCcyymmdd } from '../syntax/calendar-date.js';
import type { FpMessage } from './decode.js';
import { encodeMessage } from './encode.js';
import { END_DATE_REASONS } from './builders/opsigelser.js';
import { codeListCodes, rejectionReasonCode, type GuideProfile } from './profile.js';
import type { Address, Company, FreeText, NamedParty, Policyholder } from './types/common.js';
import { CODE_PATTERN } from './types/common.js';
import {
  OPSIGELSE_KINDS,
  cancellationBasis,
  claim,
  type Bonus,
  type Branch,
  type CancellationDate,
  type Opsigelse,
  type OpsigelseKind,
} from './types/opsigelser.js';
import { lienholderFields, PANTHAVER_KINDS, type Lienholder, type Panthaver, type PanthaverKind } from './types/panthaver.js';

const ALPHABET = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ...' .,-/&()',
  ...'æøåÆØÅéü',
  ...`+:?'`,
];

/** How the arbitraries' checks name what they check: `fp-edifact/testing: fn: option …` (an options field) or `… argument …` (a positional one). */
const OPTION: CheckWording = { entry: 'fp-edifact/testing', noun: 'option' };
const ARGUMENT: CheckWording = { entry: 'fp-edifact/testing', noun: 'argument' };

/**
 * Free data of `min`–`max` characters: letters, digits, Danish letters and the service characters `+ : ? '`.
 * @throws RangeError when `min` is not a whole number >= 0 or `max` not a whole number >= `min` (a TypeError when either is no number)
 */
export function arbText(max: number, min = 1): fc.Arbitrary<string> {
  checkOptions({ min }, [['min', nonNegativeInteger, 'a whole number >= 0']], 'arbText', ARGUMENT);
  checkOptions({ max }, [['max', wholeNumberAtLeast(min), `a whole number >= min (${min})`]], 'arbText', ARGUMENT);
  return fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: min, maxLength: max });
}

/** A real calendar date `YYYY-MM-DD` between 1950 and 2099. */
export const arbIsoDate: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** An 8-digit VIR number. */
export const arbVir: fc.Arbitrary<string> = fc.stringMatching(/^[0-9]{8}$/);

/** A company: VIR number and sometimes a name. */
export const arbCompany: fc.Arbitrary<Company> = fc.record({ vir: arbVir, name: arbText(35) }, { requiredKeys: ['vir'] });

/** CVR weights (check-digits.md): the weighted sum of the 8 digits divides by 11. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** A CVR number that passes modulus 11: 8 digits, the first not 0, the last the check digit (7 digits whose check digit would be 10 are skipped). */
const arbCvr: fc.Arbitrary<string> = fc
  .stringMatching(/^[1-9][0-9]{6}$/)
  .map((d) => [d, (11 - ([...d].reduce((sum, c, i) => sum + Number(c) * CVR_WEIGHTS[i]!, 0) % 11)) % 11] as const)
  .filter(([, check]) => check < 10)
  .map(([d, check]) => `${d}${check}`);

/** A panthaver lienholder: by VIR number (as {@link arbCompany}) or by a CVR number that passes modulus 11 (`idType: 'CVR'`), sometimes with a name. */
export const arbLienholder: fc.Arbitrary<Lienholder> = fc.oneof(
  arbCompany,
  fc.record({ vir: arbCvr, name: arbText(35), idType: fc.constant('CVR' as const) }, { requiredKeys: ['vir', 'idType'] }),
);

const arbAddressFields = {
  street: arbText(35),
  city: arbText(35),
  postcode: fc.stringMatching(/^[0-9]{4}$/),
  country: fc.constantFrom('DK', 'SE', 'NO', 'DE', 'FO', 'GL'),
};

const arbNamedPartyFields = {
  id: fc.oneof(
    fc.record({ value: fc.stringMatching(/^[0-9]{10}$/), type: fc.constant('CPR' as const) }),
    fc.record({ value: fc.stringMatching(/^[0-9]{8}$/), type: fc.constant('CVR' as const) }),
  ),
  name: arbText(35),
  name2: arbText(35),
  ...arbAddressFields,
};

/** A policyholder 2 or debtor: optional CPR/CVR, name, optional name 2 and address. */
export const arbNamedParty: fc.Arbitrary<NamedParty> = fc.record(arbNamedPartyFields, { requiredKeys: ['name'] });

/** An opsigelser policyholder 1: optional CPR/CVR, name, optional name 2, and an address with street and postcode. */
export const arbPolicyholder: fc.Arbitrary<Policyholder> = fc.record(arbNamedPartyFields, { requiredKeys: ['name', 'street', 'postcode'] });

/** An insured location: an address with at least one field. */
export const arbAddress: fc.Arbitrary<Address> = fc
  .record(arbAddressFields, { requiredKeys: [] })
  .filter((a) => Object.keys(a).length > 0);

/** One FTX segment's 1–5 lines of up to 70 characters; a line between two others is sometimes blank. */
const arbFtxLines: fc.Arbitrary<string[]> = fc
  .tuple(fc.array(arbText(70), { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
  .map(([lines, blank]) => lines.map((l, i) => (i > 0 && i < lines.length - 1 && blank[i] ? '' : l)));

/** FTX free text: 1–5 segments of 1–5 lines of up to 70 characters (a middle line sometimes blank). */
export const arbFreeText: fc.Arbitrary<FreeText> = fc.array(arbFtxLines, { minLength: 1, maxLength: 5 });

const arbRef = arbText(35);

/** A policy number the content rules accept: not one isMissingPolicyNumber finds (rule `policy-number-missing`). */
const arbPolicyNumber = arbRef.filter((v) => !isMissingPolicyNumber(v));

/** The typed schemas' format of a code (ERC, ATT, ICD): an..3 of digits and capitals. */
const isCode = (c: string): boolean => CODE_PATTERN.test(c);

/**
 * The codes of a profile code list that `fits` (the typed field's constraint) accepts;
 * `fallback` when the profile has none that fit.
 */
function codes(profile: GuideProfile, list: string, fallback: readonly string[], fits: (code: string) => boolean = isCode): fc.Arbitrary<string> {
  const c = (codeListCodes(profile, list) ?? []).filter(fits);
  return fc.constantFrom(...(c.length ? c : fallback));
}

const CONSEQUENCES: readonly string[] = claim.shape.consequence.options;
const ERROR_CODES: readonly string[] = CONTENT_ERROR_CODES;

/** F01–F05 as far as the profile's `contentErrorCodes` list has them. */
const arbErrorCode = (profile: GuideProfile): fc.Arbitrary<string> => codes(profile, 'contentErrorCodes', ERROR_CODES, (c) => ERROR_CODES.includes(c));

/**
 * The bonus block of a profile: premium step (a number, or `FASTP` when the profile's
 * `premiumStepFixed` list has it), claim-free years (may be negative), the underwriting date
 * and last step change the content rules require, the policy end date (always when
 * `withEndDate`, as a bonus answer needs it), up to 10 claims with the profile's SHI codes.
 */
function bonusArb(profile: GuideProfile, withEndDate: boolean): fc.Arbitrary<Bonus> {
  const steps = fc.stringMatching(/^[0-9]{1,3}$/);
  const fixed = (codeListCodes(profile, 'premiumStepFixed') ?? []).filter((c) => c === 'FASTP');
  const consequence = codes(profile, 'shiConsequence', CONSEQUENCES, (c) => CONSEQUENCES.includes(c));
  return fc.record(
    {
      premiumStep: fixed.length ? fc.oneof(fc.constantFrom(...fixed), steps) : steps,
      claimFreeYears: fc.integer({ min: -99, max: 999 }),
      underwritingDate: arbIsoDate,
      lastStepChange: fc.oneof(fc.record({ date: arbIsoDate }), fc.constant({ unknown: true as const })),
      policyEndDate: arbIsoDate,
      claims: fc.array(fc.record({ consequence, date: arbIsoDate }), { maxLength: 10 }),
    },
    { requiredKeys: ['premiumStep', 'claimFreeYears', 'underwritingDate', 'lastStepChange', 'claims', ...(withEndDate ? ['policyEndDate' as const] : [])] },
  ) as fc.Arbitrary<Bonus>;
}

/** The bonus block under the shipped opsigelser profile (as an accept carries it: the end date is optional). */
export const arbBonus: fc.Arbitrary<Bonus> = bonusArb(opsigelser55, false);

/** A BRC and what its branch group allows, looked up in the profile's `branchGroups`. */
interface BranchChoice {
  branch: Branch;
  /** The product group is a bonus product group of the branch group (DOC 11, bonus blocks allowed). */
  bonus: boolean;
  /** The branch group needs the insured location (NAD FS). */
  location: boolean;
  /** The branch group may use shortened notice (DTM 296). */
  shortened: boolean;
}

/**
 * A BRC from the profile's branch groups: a bonus product group of one (always when
 * `bonusOnly`, else half the time) or any group with any product group.
 */
function arbBranch(profile: GuideProfile, bonusOnly: boolean): fc.Arbitrary<BranchChoice> {
  const groups = Object.entries(profile.branchGroups).filter(([g]) => g.length <= 3);
  const bonusPairs = groups.flatMap(([group, b]) => b.bonusProductGroups.filter((p) => p.length <= 3).map((product) => ({ group, product })));
  const product = fc.stringMatching(/^[0-9]{3}$/);
  const any = fc.record({ group: groups.length ? fc.constantFrom(...groups.map(([g]) => g)) : product, product });
  const pick = bonusPairs.length === 0 ? any : bonusOnly ? fc.constantFrom(...bonusPairs) : fc.oneof(fc.constantFrom(...bonusPairs), any);
  return pick.map((branch) => {
    const b = branchGroup(profile, branch.group);
    return { branch, bonus: b?.bonusProductGroups.includes(branch.product) ?? false, location: b?.requiresInsuredLocation ?? false, shortened: b?.shortenedNoticeAllowed ?? true };
  });
}

/** The cancellation date (no shortened notice unless allowed) and, exactly with basis `otherDate` (DTM 288), the free text. */
function arbCancellationDate(shortenedAllowed: boolean): fc.Arbitrary<{ cancellationDate: CancellationDate; freeText?: FreeText }> {
  const bases = cancellationBasis.options.filter((b) => shortenedAllowed || b !== 'shortenedNotice');
  return fc
    .tuple(fc.record({ date: arbIsoDate, basis: fc.constantFrom(...bases) }), arbFreeText)
    .map(([cancellationDate, freeText]) => (cancellationDate.basis === 'otherDate' ? { cancellationDate, freeText } : { cancellationDate }));
}

/** `v` (a 9) with its cancellation date moved back to the latest its branch group allows after the message date, when later. */
function withinYearsAhead(p: GuideProfile, b: BranchChoice, v: Record<string, unknown>): Record<string, unknown> {
  const date = v.cancellationDate as CancellationDate;
  const latest = latestCancellationDate(p, b.branch.group, v.messageDate as string);
  // The same day 5 years on, 29 February in a common year, is no real date: then 28 February.
  const real = latest?.endsWith('-02-29') && !isRealCcyymmdd(latest.replaceAll('-', '')) ? `${latest.slice(0, 8)}28` : latest;
  return real === undefined || date.date <= real ? v : { ...v, cancellationDate: { ...date, date: real } };
}

const arbMatrikel = fc.record({ number: arbText(35), ejerlav: arbText(35) }, { requiredKeys: ['number'] });

type Model = Record<string, fc.Arbitrary<unknown>>;

/** A message of `kind`: the header (with the chosen BRC), `model`, and `extra` (fields that depend on each other). */
function kindRecord(kind: string, b: BranchChoice, model: Model, required: readonly string[], extra: fc.Arbitrary<object> = fc.constant({})): fc.Arbitrary<Record<string, unknown>> {
  const header: Model = { caseReference: arbRef, messageDate: arbIsoDate, recipient: arbCompany, sender: arbCompany, branch: fc.constant(b.branch), contact: arbText(35) };
  return fc
    .tuple(fc.record({ ...header, ...model }, { requiredKeys: ['caseReference', 'messageDate', 'recipient', 'sender', 'branch', ...required] }), extra)
    .map(([v, x]) => ({ kind, ...v, ...x }));
}

/** A rejection: an ERC code of the profile, the end date it needs (ERC 9–12), NAD OPS only with ERC 9. */
function arbRejection(profile: GuideProfile, b: BranchChoice): fc.Arbitrary<Record<string, unknown>> {
  const needsEnd = new Set(END_DATE_REASONS.flatMap((r) => rejectionReasonCode(profile, r) ?? []));
  const byCompany = rejectionReasonCode(profile, 'alreadyCancelledByCompany');
  const fallback = Array.from({ length: 23 }, (_, i) => String(i + 1));
  return codes(profile, 'rejectionCodes', fallback).chain((reasonCode) =>
    kindRecord(
      'rejection',
      b,
      { reasonCode: fc.constant(reasonCode), endDate: arbIsoDate, ...(reasonCode === byCompany ? { cancelledBy: arbCompany } : {}) },
      ['reasonCode', ...(needsEnd.has(reasonCode) ? ['endDate'] : [])],
    ),
  );
}

const CHASES = [['cancellationAnswer'], ['bonusAnswer'], ['cancellationAnswer', 'bonusAnswer'], ['bonusAnswer', 'cancellationAnswer']];

type KindArb = (profile: GuideProfile, b: BranchChoice) => fc.Arbitrary<Record<string, unknown>>;

/** Per opsigelser kind: whether it needs a bonus product group, and its messages for a chosen BRC. */
const OPSIGELSE_ARBS: Record<OpsigelseKind, readonly [bonusOnly: boolean, arb: KindArb]> = {
  cancellation: [
    false,
    (p, b) =>
      kindRecord(
        'cancellation',
        b,
        {
          buildingFire: fc.constant(true),
          ...(b.bonus ? { claimsDataRequested: fc.constant(true) } : {}),
          policyholder1: arbPolicyholder,
          policyholder2: arbNamedParty,
          insuredLocation: arbAddress,
          policyNumber: arbPolicyNumber,
          registrationNumber: arbRef,
          matrikel: arbMatrikel,
        },
        ['policyholder1', 'policyNumber', ...(b.location ? ['insuredLocation'] : []), ...requiredReferences(p, b.branch.group, 'cancellation')], // typed fields named as the RFF roles
        arbCancellationDate(b.shortened),
      ).map((v) => withinYearsAhead(p, b, v)),
  ],
  bonusAnswer: [true, (p, b) => kindRecord('bonusAnswer', b, { policyholder1: arbPolicyholder, policyholder2: arbNamedParty, bonus: bonusArb(p, true) }, ['policyholder1', 'bonus'])],
  contentError: [false, (p, b) => kindRecord('contentError', b, { errorCode: arbErrorCode(p), freeText: arbFreeText }, ['errorCode'])],
  bonusQuery: [
    true,
    (_p, b) =>
      kindRecord(
        'bonusQuery',
        b,
        { policyEndDate: arbIsoDate, policyholder1: arbPolicyholder, policyholder2: arbNamedParty, policyNumber: arbPolicyNumber, registrationNumber: arbRef },
        ['policyholder1', 'policyNumber'],
      ),
  ],
  reminder: [false, (_p, b) => kindRecord('reminder', b, { chases: fc.constantFrom(...(b.bonus ? CHASES : CHASES.slice(0, 1))) }, ['chases'])],
  rejection: [false, arbRejection],
  accept: [
    false,
    (p, b) =>
      kindRecord(
        'accept',
        b,
        {
          correctedDate: arbCancellationDate(b.shortened).map((d) => d.cancellationDate),
          policyholder1: arbPolicyholder,
          policyholder2: arbNamedParty,
          insuredLocation: arbAddress,
          matrikel: arbMatrikel,
          ...(b.bonus ? { bonus: bonusArb(p, false) } : {}),
        },
        ['policyholder1', ...(b.location ? ['insuredLocation'] : []), ...requiredReferences(p, b.branch.group, 'accept')],
      ),
  ],
};

function opsigelseArb(kind: OpsigelseKind, profile: GuideProfile): fc.Arbitrary<Record<string, unknown>> {
  const [bonusOnly, arb] = OPSIGELSE_ARBS[kind];
  return arbBranch(profile, bonusOnly).chain((b) => arb(profile, b));
}

/**
 * Throws a TypeError naming `fn`, the argument and the value unless `profile` is a guide profile
 * of `exchange`; a profile of the other exchange is named by its exchange and id.
 */
function checkProfile(exchange: GuideProfile['exchange'], profile: GuideProfile, fn: string): void {
  checkOptions({ profile }, [profileOptionCheck(exchange)], fn, ARGUMENT);
}

/** `kind` when it is one of `kinds`; else a TypeError naming it and them (not a failure deep inside the arbitrary). */
function knownKind<K extends string>(kind: K, kinds: readonly string[], fn: string, exchange: string): K {
  if (kinds.includes(kind)) return kind;
  throw new TypeError(`fp-edifact/testing: ${fn}: unknown kind ${JSON.stringify(kind)}; the ${exchange} kinds are ${kinds.join(', ')}`);
}

/**
 * Valid typed opsigelser messages — of one kind, or of any kind — whose codes come from the
 * profile (default: the shipped opsigelser profile): BRC from its branch groups, ERC, SHI and
 * premium-step codes from its code lists. They also follow the content rules of one message
 * (bonus only on a bonus product group, FTX exactly with DTM 288, …), so `validate()` accepts them.
 * @throws TypeError when called with a kind it does not know or a profile that is no opsigelser guide profile
 * @example fc.assert(fc.property(arbOpsigelse('cancellation'), (m) => …))
 */
export function arbOpsigelse<K extends OpsigelseKind>(kind?: K, profile: GuideProfile = opsigelser55): fc.Arbitrary<Extract<Opsigelse, { kind: K }>> {
  checkProfile('opsigelser', profile, 'arbOpsigelse');
  const arb = kind === undefined ? fc.oneof(...OPSIGELSE_KINDS.map((k) => opsigelseArb(k, profile))) : opsigelseArb(knownKind(kind, OPSIGELSE_KINDS, 'arbOpsigelse', 'opsigelser'), profile);
  return arb as unknown as fc.Arbitrary<Extract<Opsigelse, { kind: K }>>;
}

/** Panthaver kind → the fields it requires beyond the shared ones. */
const PANTHAVER_REQUIRED: Record<PanthaverKind, string[]> = {
  newDeclaration: ['lienType', 'declarationType', 'debtor'],
  reminder: [],
  changeOfLienholder: ['lienType', 'declarationType', 'debtor'],
  lienEnded: [],
  reRegistration: [],
  lienholderPortfolioTransfer: [],
  accept: ['effectiveDate'],
  acceptWithoutFee: ['effectiveDate'],
  rejection: ['reasons'],
  coverageEndedArrears: ['cessationDate'],
  coverageEndedComprehensive: ['cessationDate'],
  coverageEndedOther: ['cessationDate'],
  sumInsuredChanged: ['sumInsured'],
  coverageRestored: ['effectiveDate'],
  changeOfInsurer: ['cessationDate', 'newInsurer'],
  administrativeCorrection: [],
  priorityChanged: ['priority'],
  oldLienholderReceipt: [],
  insurerPortfolioTransfer: [],
  contentError: ['errorCode'],
};

const arbSumInsured = fc.integer({ min: 0, max: 999_999_999 });

/**
 * The panthaver content rules the typed schema cannot express, applied to a generated value:
 * Z15 only on an L declaration, no new cover type (ICD) on a D/E/L coverage-ended, a Z40 at
 * most 30 days before the cessation date, an L accept with the sum insured (MOA FSU). The
 * letters' codes are the profile's `qualifiers.declarationTypeCodes`.
 */
function panthaverContentRules(kind: PanthaverKind, profile: GuideProfile): (v: Record<string, unknown>, days: number, sum: number) => Record<string, unknown> {
  const L = declarationTypeCode(profile, 'L');
  const noCoverChange = new Set([L, declarationTypeCode(profile, 'D'), declarationTypeCode(profile, 'E')]);
  const coverageEnded = COVERAGE_ENDED_KINDS.includes(kind);
  return (v, days, sum) => {
    const out = { ...v };
    if (kind === 'sumInsuredChanged' && L !== undefined && out.declarationType !== undefined) out.declarationType = L;
    if (coverageEnded && noCoverChange.has(out.declarationType as string)) delete out.coverType;
    if (kind === 'changeOfInsurer') out.cessationDate = addIsoDays(out.messageDate as string, days);
    if ((kind === 'accept' || kind === 'acceptWithoutFee') && L !== undefined && out.declarationType === L) out.sumInsured ??= sum;
    return out;
  };
}

function panthaverArb(kind: PanthaverKind, profile: GuideProfile): fc.Arbitrary<Record<string, unknown>> {
  const lienholders: readonly string[] = lienholderFields(kind);
  const model: Model = {
    messageDate: arbIsoDate,
    // A lienholder by VIR or CVR number, an insurer by VIR number (the sender of a 30, the recipient of a 33, either of a 12).
    recipient: lienholders.includes('recipient') ? arbLienholder : arbCompany,
    sender: lienholders.includes('sender') ? arbLienholder : arbCompany,
    declarationNumber: arbRef,
    senderReference: arbRef,
    policyNumber: arbRef,
    debtorReference: arbRef,
    specialAgreementNumber: arbRef,
    registrationNumber: arbRef,
    chassisNumber: arbRef,
    engineNumber: arbRef,
    buildNumber: arbRef,
    effectiveDate: arbIsoDate,
    cessationDate: arbIsoDate,
    lienType: codes(profile, 'lienType', ['ZPA', 'ZLE', 'ZSA']),
    declarationType: codes(profile, 'declarationType', ['ZBB', 'ZFF']),
    priority: codes(profile, 'priority', ['Z91', 'Z92']),
    coverType: codes(profile, 'coverType', ['ZKA', 'ZKM']),
    sumInsured: arbSumInsured,
    lienAmount: fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.option(fc.stringMatching(/^[0-9]{1,2}$/), { nil: undefined })).map(([w, d]) => (d === undefined ? String(w) : `${w}.${d}`)),
    freeText: arbFreeText,
    debtor: arbNamedParty,
    oldLienholder: arbLienholder,
    newInsurer: arbCompany,
    contact: arbText(35),
  };
  if (kind === 'rejection') model.reasons = fc.array(codes(profile, 'rejectionReasons', ['1', '2', '3']), { minLength: 1, maxLength: 3 });
  if (kind === 'contentError') model.errorCode = arbErrorCode(profile);
  const rules = panthaverContentRules(kind, profile);
  return fc
    .tuple(
      fc.record(model, { requiredKeys: ['messageDate', 'recipient', 'sender', 'declarationNumber', ...PANTHAVER_REQUIRED[kind]] }),
      fc.integer({ min: 0, max: CHANGE_OF_INSURER_MAX_DAYS }),
      arbSumInsured,
    )
    .map(([v, days, sum]) => ({ kind, ...rules(v, days, sum) }));
}

/**
 * Valid typed panthaver messages: of one kind, or of any kind. Codes come from the profile's
 * code lists (default: the shipped panthaver profile), and the messages follow the content
 * rules of one message (Z15 only on L, …), so `validate()` accepts them.
 * @throws TypeError when called with a kind it does not know or a profile that is no panthaver guide profile
 */
export function arbPanthaver<K extends PanthaverKind>(kind?: K, profile: GuideProfile = panthaver52): fc.Arbitrary<Extract<Panthaver, { kind: K }>> {
  checkProfile('panthaver', profile, 'arbPanthaver');
  const arb = kind === undefined ? fc.oneof(...PANTHAVER_KINDS.map((k) => panthaverArb(k, profile))) : panthaverArb(knownKind(kind, PANTHAVER_KINDS, 'arbPanthaver', 'panthaver'), profile);
  return arb as unknown as fc.Arbitrary<Extract<Panthaver, { kind: K }>>;
}

/** Options of {@link arbInterchangeText}. */
export interface ArbInterchangeOptions {
  /** Which exchange; default the exchange of `profile`, else opsigelser. When both are given they must agree. */
  exchange?: 'opsigelser' | 'panthaver';
  /** Profile whose codes the messages use and that encodes them; default the shipped one of the exchange. */
  profile?: GuideProfile;
  /** Most messages per interchange, a whole number ≥ 1 (default 4); each has 1 to this many. */
  maxMessages?: number;
}

const INTERCHANGE_OPTION_CHECKS: readonly OptionCheck[] = [
  ['exchange', oneOf('opsigelser', 'panthaver'), `'opsigelser' or 'panthaver'`],
  profileOptionCheck(),
  ['maxMessages', positiveInteger, 'a whole number >= 1'],
];

/** The exchange `options` ask for: checked (see {@link arbInterchangeText}'s `@throws`). */
function interchangeExchange(options: ArbInterchangeOptions): GuideProfile['exchange'] {
  checkOptions(options, INTERCHANGE_OPTION_CHECKS, 'arbInterchangeText', OPTION);
  const { exchange, profile } = options;
  if (exchange === undefined || profile === undefined || profile.exchange === exchange) return exchange ?? profile?.exchange ?? 'opsigelser';
  throw new TypeError(
    `${OPTION.entry}: arbInterchangeText: option exchange ${JSON.stringify(exchange)} conflicts with option profile, ${describeProfile(profile)}; give ${exchange === 'opsigelser' ? 'an' : 'a'} ${exchange} profile or leave exchange out`,
  );
}

/** A generated interchange: its EDIFACT text (UNOC, Latin-1 characters) and the typed messages in it. */
export interface GeneratedInterchange {
  /** The whole interchange, UNA to UNZ, with or without a line break after each segment; read it as Latin-1 bytes (`Buffer.from(text, 'latin1')`). */
  text: string;
  /** The typed messages in it, in order (1 to `maxMessages`), each addressed from `sender` to `recipient`. */
  messages: FpMessage[];
  /** The id in UNB S002 and in every message's sender NAD: a VIR number, or in panthaver now and then a lienholder's CVR number (see {@link arbInterchangeText}). */
  sender: string;
  /** The id in UNB S003 and in every message's recipient NAD: a VIR number, or in panthaver now and then a lienholder's CVR number. */
  recipient: string;
  /** The interchange control reference (0020) in UNB and UNZ: 1–14 digits and capital letters. */
  reference: string;
}

/** One end of a generated interchange: its id, and whether that is a CVR number (a lienholder named by CVR). */
interface End {
  id: string;
  cvr: boolean;
}

/**
 * `party` named by `end`'s id: with `idType: 'CVR'` when the end is a CVR number and the NAD
 * names a lienholder (`lienholder`), else as a VIR number (a CVR number passes the VIR rule too).
 */
function namedBy(party: Lienholder, end: End, lienholder: boolean): Lienholder {
  const { idType: _, ...rest } = party;
  return end.cvr && lienholder ? { ...rest, vir: end.id, idType: 'CVR' } : { ...rest, vir: end.id };
}

/**
 * Whole valid interchanges: UNA, UNB with generated ids, date, time and reference,
 * 1–n messages whose first and second NAD are the UNB recipient and sender, UNZ — with or
 * without line breaks after each segment. The ids are VIR numbers; in panthaver an end is now
 * and then a lienholder named by a CVR number that passes modulus 11, written `<cvr>::CVR` in each
 * message where its NAD names a lienholder (the sender of a 30, the recipient of a 33, either
 * party of a 12) and `<cvr>::VIR` where the kind has an insurer there.
 * @throws TypeError (RangeError for a number out of range) when called — not when sampled — with
 *   an option that is no `exchange`, no guide profile or no whole number of messages >= 1, or with
 *   an `exchange` the `profile` is not of; the message names the option, its value and what is allowed
 */
export function arbInterchangeText(options: ArbInterchangeOptions = {}): fc.Arbitrary<GeneratedInterchange> {
  const exchange = interchangeExchange(options);
  const profile = options.profile ?? (exchange === 'opsigelser' ? opsigelser55 : panthaver52);
  const arbMsg: fc.Arbitrary<FpMessage> = exchange === 'opsigelser' ? arbOpsigelse(undefined, profile) : arbPanthaver(undefined, profile);
  const vir = arbVir.map((id): End => ({ id, cvr: false }));
  const arbEnd = exchange === 'opsigelser' ? vir : fc.oneof(vir, arbCvr.map((id): End => ({ id, cvr: true })));
  return fc
    .record({
      sender: arbEnd,
      recipient: arbEnd,
      reference: fc.stringMatching(/^[0-9A-Z]{1,14}$/),
      date: arbIsoDate.filter((d) => d >= '2000-01-01'),
      time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`),
      messages: fc.array(arbMsg, { minLength: 1, maxLength: options.maxMessages ?? 4 }),
      newline: fc.constantFrom('' as const, '\n' as const, '\r\n' as const),
    })
    .map(({ sender: from, recipient: to, reference, date, time, messages, newline }) => {
      const fixed = messages.map((m) => {
        const lienholders: readonly string[] = exchange === 'panthaver' ? lienholderFields(m.kind as PanthaverKind) : [];
        return { ...m, recipient: namedBy(m.recipient, to, lienholders.includes('recipient')), sender: namedBy(m.sender, from, lienholders.includes('sender')) } as FpMessage;
      });
      const [sender, recipient] = [from.id, to.id];
      const segments = buildInterchange({
        sender: { id: sender },
        recipient: { id: recipient },
        reference,
        date,
        time,
        messages: fixed.map((m) => encodeMessage(m, profile)),
      });
      return { text: serialize(segments, { una: true, newline }), messages: fixed, sender, recipient, reference };
    });
}
