/**
 * fast-check arbitraries of valid typed messages of every kind, written by hand to follow the
 * zod schemas' constraints — with Danish letters and EDIFACT service characters (`+ : ? '`)
 * in names, free text and references, so escaping is exercised. Exposed to users through
 * the `fp-edifact/testing` entry.
 */
import fc from 'fast-check';
import { buildInterchange } from '../envelope/builder.js';
import { opsigelser55, panthaver52 } from '../schema/profiles/index.js';
import { serialize } from '../syntax/writer.js';
import type { FpMessage } from './decode.js';
import { encodeMessage } from './encode.js';
import { codeListCodes, type GuideProfile } from './profile.js';
import type { Address, Company, FreeText, NamedParty } from './types/common.js';
import { OPSIGELSE_KINDS, type Bonus, type Opsigelse, type OpsigelseKind } from './types/opsigelser.js';
import { PANTHAVER_KINDS, type Panthaver, type PanthaverKind } from './types/panthaver.js';

const ALPHABET = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ...' .,-/&()',
  ...'æøåÆØÅéü',
  ...`+:?'`,
];

/** Free data of `min`–`max` characters: letters, digits, Danish letters and the service characters `+ : ? '`. */
export function arbText(max: number, min = 1): fc.Arbitrary<string> {
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

const arbAddressFields = {
  street: arbText(35),
  city: arbText(35),
  postcode: fc.stringMatching(/^[0-9]{4}$/),
  country: fc.constantFrom('DK', 'SE', 'NO', 'DE', 'FO', 'GL'),
};

/** A policyholder or debtor: optional CPR/CVR, name, optional name 2 and address. */
export const arbNamedParty: fc.Arbitrary<NamedParty> = fc.record(
  {
    id: fc.oneof(
      fc.record({ value: fc.stringMatching(/^[0-9]{10}$/), type: fc.constant('CPR' as const) }),
      fc.record({ value: fc.stringMatching(/^[0-9]{8}$/), type: fc.constant('CVR' as const) }),
    ),
    name: arbText(35),
    name2: arbText(35),
    ...arbAddressFields,
  },
  { requiredKeys: ['name'] },
);

/** An insured location: an address with at least one field. */
export const arbAddress: fc.Arbitrary<Address> = fc
  .record(arbAddressFields, { requiredKeys: [] })
  .filter((a) => Object.keys(a).length > 0);

/** FTX free text: 1–5 segments of 1–5 lines of up to 70 characters. */
export const arbFreeText: fc.Arbitrary<FreeText> = fc.array(fc.array(arbText(70), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });

const arbRef = arbText(35);

/** The bonus block: premium step or FASTP, claim-free years (may be negative), dates, up to 10 claims. */
export const arbBonus: fc.Arbitrary<Bonus> = fc.record(
  {
    premiumStep: fc.oneof(fc.constant('FASTP'), fc.stringMatching(/^[0-9]{1,3}$/)),
    claimFreeYears: fc.integer({ min: -99, max: 999 }),
    underwritingDate: arbIsoDate,
    lastStepChange: fc.oneof(fc.record({ date: arbIsoDate }), fc.constant({ unknown: true as const })),
    policyEndDate: arbIsoDate,
    claims: fc.array(fc.record({ consequence: fc.constantFrom('1', '2', '3', '4', '5', '6'), date: arbIsoDate }), { maxLength: 10 }),
  },
  { requiredKeys: ['premiumStep', 'claimFreeYears', 'lastStepChange', 'claims'] },
);

const header = {
  caseReference: arbRef,
  messageDate: arbIsoDate,
  recipient: arbCompany,
  sender: arbCompany,
  branch: fc.record({ group: fc.stringMatching(/^[0-9]{3}$/), product: fc.stringMatching(/^[0-9]{3}$/) }),
  contact: arbText(35),
};
const headerKeys = ['caseReference', 'messageDate', 'recipient', 'sender', 'branch'] as const;
const arbCancellationDate = fc.record({ date: arbIsoDate, basis: fc.constantFrom('normal', 'otherDate', 'withdrawal', 'shortenedNotice') });
const arbMatrikel = fc.record({ number: arbText(35), ejerlav: arbText(35) }, { requiredKeys: ['number'] });

function kindRecord<K extends string>(kind: K, model: Record<string, fc.Arbitrary<unknown>>, required: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({ ...header, ...model } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [...headerKeys, ...required] })
    .map((v) => ({ kind, ...v }));
}

const OPSIGELSE_ARBS: Record<OpsigelseKind, fc.Arbitrary<Record<string, unknown>>> = {
  cancellation: kindRecord(
    'cancellation',
    {
      cancellationDate: arbCancellationDate,
      buildingFire: fc.constant(true),
      claimsDataRequested: fc.constant(true),
      freeText: arbFreeText,
      policyholder1: arbNamedParty,
      policyholder2: arbNamedParty,
      insuredLocation: arbAddress,
      policyNumber: arbRef,
      registrationNumber: arbRef,
      matrikel: arbMatrikel,
    },
    ['cancellationDate', 'policyholder1', 'policyNumber'],
  ),
  bonusAnswer: kindRecord('bonusAnswer', { policyholder1: arbNamedParty, policyholder2: arbNamedParty, bonus: arbBonus }, ['policyholder1', 'bonus']),
  contentError: kindRecord('contentError', { errorCode: fc.constantFrom('F01', 'F02', 'F03', 'F04', 'F05'), freeText: arbFreeText }, ['errorCode']),
  bonusQuery: kindRecord(
    'bonusQuery',
    { policyEndDate: arbIsoDate, policyholder1: arbNamedParty, policyholder2: arbNamedParty, policyNumber: arbRef, registrationNumber: arbRef },
    ['policyholder1', 'policyNumber'],
  ),
  reminder: kindRecord(
    'reminder',
    { chases: fc.constantFrom(['cancellationAnswer'], ['bonusAnswer'], ['cancellationAnswer', 'bonusAnswer'], ['bonusAnswer', 'cancellationAnswer']) },
    ['chases'],
  ),
  rejection: kindRecord(
    'rejection',
    { reasonCode: fc.integer({ min: 1, max: 23 }).map(String), endDate: arbIsoDate, cancelledBy: arbCompany },
    ['reasonCode'],
  ),
  accept: kindRecord(
    'accept',
    {
      correctedDate: arbCancellationDate,
      policyholder1: arbNamedParty,
      policyholder2: arbNamedParty,
      insuredLocation: arbAddress,
      matrikel: arbMatrikel,
      bonus: arbBonus,
    },
    ['policyholder1'],
  ),
};

/**
 * Valid typed opsigelser messages: of one kind, or of any kind.
 * @example fc.assert(fc.property(arbOpsigelse('cancellation'), (m) => …))
 */
export function arbOpsigelse<K extends OpsigelseKind>(kind?: K): fc.Arbitrary<Extract<Opsigelse, { kind: K }>> {
  const arb = kind === undefined ? fc.oneof(...OPSIGELSE_KINDS.map((k) => OPSIGELSE_ARBS[k])) : OPSIGELSE_ARBS[kind];
  return arb as unknown as fc.Arbitrary<Extract<Opsigelse, { kind: K }>>;
}

function codes(profile: GuideProfile, list: string, fallback: string[]): fc.Arbitrary<string> {
  const c = (codeListCodes(profile, list) ?? fallback).filter((x) => /^[0-9A-Z]{1,3}$/.test(x));
  return fc.constantFrom(...(c.length ? c : fallback));
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

function panthaverArb(kind: PanthaverKind, profile: GuideProfile): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {
    messageDate: arbIsoDate,
    recipient: arbCompany,
    sender: arbCompany,
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
    sumInsured: fc.integer({ min: 0, max: 999_999_999 }),
    lienAmount: fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.option(fc.stringMatching(/^[0-9]{1,2}$/), { nil: undefined })).map(([w, d]) => (d === undefined ? String(w) : `${w}.${d}`)),
    freeText: arbFreeText,
    debtor: arbNamedParty,
    oldLienholder: arbCompany,
    newInsurer: arbCompany,
    contact: arbText(35),
  };
  if (kind === 'rejection') model.reasons = fc.array(codes(profile, 'rejectionReasons', ['1', '2', '3']), { minLength: 1, maxLength: 3 });
  if (kind === 'contentError') model.errorCode = fc.constantFrom('F01', 'F02', 'F03', 'F04', 'F05');
  return fc
    .record(model, { requiredKeys: ['messageDate', 'recipient', 'sender', 'declarationNumber', ...PANTHAVER_REQUIRED[kind]] })
    .map((v) => ({ kind, ...v }));
}

/**
 * Valid typed panthaver messages: of one kind, or of any kind. Codes come from the profile's
 * code lists (default: the shipped panthaver profile).
 */
export function arbPanthaver<K extends PanthaverKind>(kind?: K, profile: GuideProfile = panthaver52): fc.Arbitrary<Extract<Panthaver, { kind: K }>> {
  const arb = kind === undefined ? fc.oneof(...PANTHAVER_KINDS.map((k) => panthaverArb(k, profile))) : panthaverArb(kind, profile);
  return arb as unknown as fc.Arbitrary<Extract<Panthaver, { kind: K }>>;
}

/** Options of {@link arbInterchangeText}. */
export interface ArbInterchangeOptions {
  /** Which exchange (default: opsigelser). */
  exchange?: 'opsigelser' | 'panthaver';
  /** Profile used to encode (default: the shipped one of the exchange). */
  profile?: GuideProfile;
  /** Most messages per interchange (default 4). */
  maxMessages?: number;
}

/** A generated interchange: its EDIFACT text (UNOC, Latin-1 characters) and the typed messages in it. */
export interface GeneratedInterchange {
  text: string;
  messages: FpMessage[];
  sender: string;
  recipient: string;
  reference: string;
}

/**
 * Whole valid interchanges: UNA, UNB with generated VIR numbers, date, time and reference,
 * 1–n messages whose first and second NAD are the UNB recipient and sender, UNZ — with or
 * without line breaks after each segment.
 */
export function arbInterchangeText(options: ArbInterchangeOptions = {}): fc.Arbitrary<GeneratedInterchange> {
  const exchange = options.exchange ?? 'opsigelser';
  const profile = options.profile ?? (exchange === 'opsigelser' ? opsigelser55 : panthaver52);
  const arbMsg: fc.Arbitrary<FpMessage> = exchange === 'opsigelser' ? arbOpsigelse() : arbPanthaver(undefined, profile);
  return fc
    .record({
      sender: arbVir,
      recipient: arbVir,
      reference: fc.stringMatching(/^[0-9A-Z]{1,14}$/),
      date: arbIsoDate.filter((d) => d >= '2000-01-01'),
      time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`),
      messages: fc.array(arbMsg, { minLength: 1, maxLength: options.maxMessages ?? 4 }),
      newline: fc.constantFrom('' as const, '\n' as const, '\r\n' as const),
    })
    .map(({ sender, recipient, reference, date, time, messages, newline }) => {
      const fixed = messages.map((m) => ({ ...m, recipient: { ...m.recipient, vir: recipient }, sender: { ...m.sender, vir: sender } }) as FpMessage);
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
