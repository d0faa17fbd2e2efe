/**
 * Typed panthaverdeklaration (lienholder declaration) messages. All kinds share one set of
 * declaration fields — the F&P layouts are not public, so a kind may carry any of them — and
 * each kind requires the ones its purpose needs (e.g. a Z10 its cessation date, a Z40 the
 * new insurer). Codes (panttype, deklarationstype, prioritet, dækningstype) are the wire codes
 * of the profile's code lists (`ZPA`, `ZBB`, `Z91`, `ZKA`, …).
 */
import { z } from 'zod';
import { CONTENT_ERROR_CODES } from '../../schema/profile.js';
import { CODE_PATTERN, company, contact, extraData, extraSegments, freeText, isoDate, namedParty, text } from './common.js';

/** Panthaver kinds (contract names) with their default BGM codes in the TSDoc of each schema. */
export const PANTHAVER_KINDS = [
  'newDeclaration',
  'reminder',
  'changeOfLienholder',
  'lienEnded',
  'reRegistration',
  'lienholderPortfolioTransfer',
  'accept',
  'acceptWithoutFee',
  'rejection',
  'coverageEndedArrears',
  'coverageEndedComprehensive',
  'coverageEndedOther',
  'sumInsuredChanged',
  'coverageRestored',
  'changeOfInsurer',
  'administrativeCorrection',
  'priorityChanged',
  'oldLienholderReceipt',
  'insurerPortfolioTransfer',
  'contentError',
] as const;
/** A panthaver kind name. */
export type PanthaverKind = (typeof PANTHAVER_KINDS)[number];

/**
 * Who sends each kind (panthaver.md): the lienholder (30, 31, 32, 36, 37, 38), the insurer (33,
 * 34, 27 and the Z-notices), or either of them (12, a content error answers either side).
 */
export const PANTHAVER_SENT_BY: Readonly<Record<PanthaverKind, 'lienholder' | 'insurer' | 'either'>> = {
  newDeclaration: 'lienholder',
  reminder: 'lienholder',
  changeOfLienholder: 'lienholder',
  lienEnded: 'lienholder',
  reRegistration: 'lienholder',
  lienholderPortfolioTransfer: 'lienholder',
  accept: 'insurer',
  acceptWithoutFee: 'insurer',
  rejection: 'insurer',
  coverageEndedArrears: 'insurer',
  coverageEndedComprehensive: 'insurer',
  coverageEndedOther: 'insurer',
  sumInsuredChanged: 'insurer',
  coverageRestored: 'insurer',
  changeOfInsurer: 'insurer',
  administrativeCorrection: 'insurer',
  priorityChanged: 'insurer',
  oldLienholderReceipt: 'insurer',
  insurerPortfolioTransfer: 'insurer',
  contentError: 'either',
};

/** A company NAD of a panthaver message: `recipient` (MR), `sender` (MS), `oldLienholder` (GPH), `newInsurer` (NFS). */
export type PanthaverCompanyField = 'recipient' | 'sender' | 'oldLienholder' | 'newInsurer';

/** The company NADs that name a lienholder, by who sends the kind; the old lienholder (GPH) always does. */
const LIENHOLDER_FIELDS_BY_SENDER = {
  lienholder: ['sender', 'oldLienholder'],
  insurer: ['recipient', 'oldLienholder'],
  either: ['recipient', 'sender', 'oldLienholder'],
} as const satisfies Record<string, readonly PanthaverCompanyField[]>;

/**
 * Per kind, the company NADs that name a lienholder, which may carry its VIR or its CVR number
 * (`idType: 'CVR'`): the sender of what a lienholder sends, the recipient of what an insurer
 * sends, either party of a 12, and the old lienholder (GPH). Every other company NAD names an
 * insurer, by its VIR number only (the recipient of what a lienholder sends, the sender of what
 * an insurer sends, the new insurer NFS).
 */
export function lienholderFields(kind: PanthaverKind): readonly PanthaverCompanyField[] {
  return LIENHOLDER_FIELDS_BY_SENDER[PANTHAVER_SENT_BY[kind]];
}

/**
 * A lienholder (bank, finance or leasing company) in a party NAD. It is no insurer and need not
 * have a VIR number, so it is named by its VIR number (`NAD+MS+<id>::VIR`, `idType` absent) or by its
 * CVR number (`NAD+MS+<cvr>::CVR`, `idType: 'CVR'`; default-profile.md: NAD `MS` "(VIR or
 * lienholder id)"). A CVR failing modulus 11 is read and written as sent; `validate` warns of it
 * (`cvr-check-digit`), as of any CVR.
 */
export const lienholder = company.extend({
  /**
   * The lienholder's id as sent (NAD element 2, component 1), which `idType` says: with
   * `idType` absent it is its VIR number, the F&P company id (`NAD+MS+<VIR>::VIR`; `validate`
   * warns `vir-malformed` when it breaks the profile's `interchange.virRule`); with
   * `idType: 'CVR'` it is its CVR number, the company register's 8 digits (`NAD+MS+<CVR>::CVR`;
   * read and written as sent, `validate` warns `cvr-check-digit` or `cvr-malformed`). The field
   * keeps the name `vir` it had before a lienholder could be named by CVR number.
   */
  vir: text(35),
  /** Which number `vir` holds: absent for a VIR number (`::VIR`); `'CVR'` for a CVR number (`::CVR`). The codes are the profile's `qualifiers.NADIdType` (`VIR`, `CVR` in the shipped profiles). */
  idType: z.literal('CVR').optional(),
});

/** An insurer in a party NAD of a panthaver message: by its VIR number only (`idType` absent). */
const insurer = company.extend({
  /** Always absent: an insurer is named by its VIR number. */
  idType: z
    .undefined({ error: 'an insurer is named by its VIR number: idType "CVR" is only for a lienholder (the sender of 30, 31, 32, 36, 37, 38, the recipient of what an insurer sends, either party of a 12, the old lienholder)' })
    .optional(),
});

/** A code of a profile code list (an..3), e.g. `ZPA`. */
const code = z.string().regex(CODE_PATTERN, 'a code such as ZPA');

/**
 * An amount in kroner as a decimal string with `.` as decimal mark, exactly as written
 * (`"125000.50"`); the interchange's decimal mark (UNA) is applied when it is written.
 */
const amount = z.string().regex(/^\d{1,15}(\.\d{1,3})?$/, 'a decimal amount such as 125000.50');

/** Declaration fields every panthaver kind may carry. */
const declarationFields = {
  /** meddelelsesdato (DTM 137). */
  messageDate: isoDate,
  /** first NAD (MR): the party the message is sent to; a lienholder ({@link lienholder}: VIR or CVR number) in what an insurer sends and in a 12, else an insurer (VIR). */
  recipient: lienholder,
  /** second NAD (MS): the party sending the message; a lienholder ({@link lienholder}: VIR or CVR number) in 30, 31, 32, 36, 37, 38 and a 12, else an insurer (VIR). */
  sender: lienholder,
  /** deklarationsnummer (RFF DEK). */
  declarationNumber: text(35),
  /** reference: the sender's own number (RFF REF). */
  senderReference: text(35).optional(),
  /** policenummer (RFF POL): often absent on a new declaration; added by the insurer on accept. */
  policyNumber: text(35).optional(),
  /** debitorreference (RFF DEB). */
  debtorReference: text(35).optional(),
  /** særaftalenummer (RFF SAF). */
  specialAgreementNumber: text(35).optional(),
  /** registreringsnummer (RFF REG). */
  registrationNumber: text(35).optional(),
  /** stelnummer: chassis number (RFF STL). */
  chassisNumber: text(35).optional(),
  /** motornummer: engine number (RFF MOT). */
  engineNumber: text(35).optional(),
  /** byggenummer: build number of a boat (RFF BYG). */
  buildNumber: text(35).optional(),
  /** ikrafttrædelsesdato / acceptdato: effective or acceptance date (DTM 7). */
  effectiveDate: isoDate.optional(),
  /** ophørsdato: cessation date (DTM 206). */
  cessationDate: isoDate.optional(),
  /** panttype (ATT PNT): ZPA pantsætning, ZLE leasing, ZSA ejendomsforbehold. */
  lienType: code.optional(),
  /** deklarationstype (ATT DKL): ZBB, ZFF, ZRR, ZDD, ZEE, ZLL. */
  declarationType: code.optional(),
  /** prioritet (ATT PRI): Z91 = 1st, Z92 = 2nd, … */
  priority: code.optional(),
  /** dækningstype (ICD C331/4495): ZKA, ZKM, … */
  coverType: code.optional(),
  /** forsikringssum in whole kroner (MOA FSU); required for L on accept. */
  sumInsured: z.number().int().nonnegative().max(1e12).optional(),
  /** pantets beløb: lien amount (MOA PNT). */
  lienAmount: amount.optional(),
  /** fri tekst (FTX). */
  freeText: freeText.optional(),
  /** debitor / leasingtager / forsikringstager (NAD DEB). */
  debtor: namedParty.optional(),
  /** gammel panthaver: old lienholder (NAD GPH), by VIR or CVR number ({@link lienholder}). */
  oldLienholder: lienholder.optional(),
  /** nyt forsikringsselskab: new insurer (NAD NFS), in a Z40; by VIR number only. */
  newInsurer: insurer.optional(),
  /** kontaktperson (CTA IC). */
  contact: contact.optional(),
  /** data in positions the profile uses that no field above holds (see `extraDatum`); absent when there is none. */
  extraData: extraData.optional(),
  /** whole segments of tags no field above reads, placed by the profile's segment table (see `extraSegment`); absent when there is none. */
  extraSegments: extraSegments.optional(),
};

/** The schema of `kind`: the declaration fields, its company NADs a lienholder or an insurer as {@link lienholderFields} says, and what it requires. */
function kindSchema<K extends PanthaverKind, R extends z.ZodRawShape>(kind: K, required: R) {
  const party = (field: PanthaverCompanyField) => (lienholderFields(kind).includes(field) ? lienholder : insurer);
  return z.strictObject({ kind: z.literal(kind), ...declarationFields, recipient: party('recipient'), sender: party('sender') }).extend(required);
}

/** BGM 30 oprettelse: a new declaration from the lienholder. */
export const newDeclarationSchema = kindSchema('newDeclaration', { lienType: code, declarationType: code, debtor: namedParty });
/** BGM 31 rykker: the lienholder chases a declaration unanswered for 20 days (from day 21). */
export const reminderSchema = kindSchema('reminder', {});
/** BGM 32 skift af panthaver: the new lienholder takes over; same content as a new declaration. */
export const changeOfLienholderSchema = kindSchema('changeOfLienholder', { lienType: code, declarationType: code, debtor: namedParty });
/** BGM 36 pantet ophørt: the lien has ended; not answered. */
export const lienEndedSchema = kindSchema('lienEnded', {});
/** BGM 37 gennotering: undoes a mistaken "lien ended"; not answered. */
export const reRegistrationSchema = kindSchema('reRegistration', {});
/** BGM 38 porteføljeoverdragelse between lienholders; neither accepted nor rejected. */
export const lienholderPortfolioTransferSchema = kindSchema('lienholderPortfolioTransfer', {});
/** BGM 33 accept: the insurer accepts (acceptance date required). */
export const acceptSchema = kindSchema('accept', { effectiveDate: isoDate });
/** BGM 34 accept uden gebyr: accept of a change of lienholder (with a Z70 to the old lienholder). */
export const acceptWithoutFeeSchema = kindSchema('acceptWithoutFee', { effectiveDate: isoDate });
/** BGM 27 afvisning: 1–3 rejection reasons (ERC) and optional free text. */
export const rejectionSchema = kindSchema('rejection', {
  /** afvisningsårsager: 1–3 ERC codes. */
  reasons: z.array(code).min(1).max(3),
});
/** Z10 dækning ophørt, restance: coverage ended for arrears. */
export const coverageEndedArrearsSchema = kindSchema('coverageEndedArrears', { cessationDate: isoDate });
/** Z11 dækning ophørt: comprehensive/fire cover ended. */
export const coverageEndedComprehensiveSchema = kindSchema('coverageEndedComprehensive', { cessationDate: isoDate });
/** Z12 dækning ophørt, anden årsag: coverage ended for another reason. */
export const coverageEndedOtherSchema = kindSchema('coverageEndedOther', { cessationDate: isoDate });
/** Z15 ændring i forsikringssum (only for L declarations). */
export const sumInsuredChangedSchema = kindSchema('sumInsuredChanged', { sumInsured: z.number().int().nonnegative().max(1e12) });
/** Z20 dækning genetableret: coverage restored from the effective date. */
export const coverageRestoredSchema = kindSchema('coverageRestored', { effectiveDate: isoDate });
/** Z40 skift af forsikringsselskab: the policy moves to a new insurer on the cessation date. */
export const changeOfInsurerSchema = kindSchema('changeOfInsurer', { cessationDate: isoDate, newInsurer: company });
/** Z50 administrativ rettelse: corrected declaration data. */
export const administrativeCorrectionSchema = kindSchema('administrativeCorrection', {});
/** Z60 ændring af prioritet: the new priority. */
export const priorityChangedSchema = kindSchema('priorityChanged', { priority: code });
/** Z70 kvittering til gammel panthaver: receipt to the old lienholder after a 34. */
export const oldLienholderReceiptSchema = kindSchema('oldLienholderReceipt', {});
/** Z80 porteføljeoverdragelse between insurers. */
export const insurerPortfolioTransferSchema = kindSchema('insurerPortfolioTransfer', {});
/** BGM 12 "12'er": content error F01–F05; no copy of the refused message. */
export const contentErrorSchema = kindSchema('contentError', {
  /** fejlkode F01–F05 (ERC). */
  errorCode: z.enum(CONTENT_ERROR_CODES),
});

/** The schema of each panthaver kind. */
export const panthaverSchemas = {
  newDeclaration: newDeclarationSchema,
  reminder: reminderSchema,
  changeOfLienholder: changeOfLienholderSchema,
  lienEnded: lienEndedSchema,
  reRegistration: reRegistrationSchema,
  lienholderPortfolioTransfer: lienholderPortfolioTransferSchema,
  accept: acceptSchema,
  acceptWithoutFee: acceptWithoutFeeSchema,
  rejection: rejectionSchema,
  coverageEndedArrears: coverageEndedArrearsSchema,
  coverageEndedComprehensive: coverageEndedComprehensiveSchema,
  coverageEndedOther: coverageEndedOtherSchema,
  sumInsuredChanged: sumInsuredChangedSchema,
  coverageRestored: coverageRestoredSchema,
  changeOfInsurer: changeOfInsurerSchema,
  administrativeCorrection: administrativeCorrectionSchema,
  priorityChanged: priorityChangedSchema,
  oldLienholderReceipt: oldLienholderReceiptSchema,
  insurerPortfolioTransfer: insurerPortfolioTransferSchema,
  contentError: contentErrorSchema,
} as const;

/** Any typed panthaver message, discriminated on `kind`. */
export const panthaverSchema = z.discriminatedUnion('kind', [
  newDeclarationSchema,
  reminderSchema,
  changeOfLienholderSchema,
  lienEndedSchema,
  reRegistrationSchema,
  lienholderPortfolioTransferSchema,
  acceptSchema,
  acceptWithoutFeeSchema,
  rejectionSchema,
  coverageEndedArrearsSchema,
  coverageEndedComprehensiveSchema,
  coverageEndedOtherSchema,
  sumInsuredChangedSchema,
  coverageRestoredSchema,
  changeOfInsurerSchema,
  administrativeCorrectionSchema,
  priorityChangedSchema,
  oldLienholderReceiptSchema,
  insurerPortfolioTransferSchema,
  contentErrorSchema,
]);

/** A typed panthaver message. */
export type Panthaver = z.infer<typeof panthaverSchema>;
/** A lienholder in a party NAD: `{ vir, name?, idType? }`; `vir` holds its VIR number when `idType` is absent (`::VIR`), its CVR number when `idType` is `'CVR'` (`::CVR`). */
export type Lienholder = z.infer<typeof lienholder>;
/** The typed panthaver message of one kind, e.g. `PanthaverOf<'accept'>`. */
export type PanthaverOf<K extends PanthaverKind> = Extract<Panthaver, { kind: K }>;
/** The Z-message kinds an insurer sends about an accepted declaration. */
export type DeclarationNoticeKind =
  | 'coverageEndedArrears'
  | 'coverageEndedComprehensive'
  | 'coverageEndedOther'
  | 'sumInsuredChanged'
  | 'coverageRestored'
  | 'changeOfInsurer'
  | 'administrativeCorrection'
  | 'priorityChanged'
  | 'oldLienholderReceipt'
  | 'insurerPortfolioTransfer';
