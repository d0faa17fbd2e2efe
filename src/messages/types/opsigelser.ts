/**
 * Typed opsigelser (insurance cancellation) messages: one zod schema per message kind and
 * their discriminated union on `kind`. Field names are English with the Danish term in the
 * TSDoc; every date is ISO `YYYY-MM-DD`. Which segments a kind carries follows the EDI-guide
 * for Opsigelser 5.5, section 2.9 (see `docs/opsigelser.md`).
 */
import { z } from 'zod';
import { CONTENT_ERROR_CODES } from '../../schema/profile.js';
import { address, CODE_PATTERN, company, contact, extraData, extraSegments, freeText, isoDate, namedParty, policyholder, text } from './common.js';

/** The seven opsigelser kinds (BGM 9, 11, 12, 13, 15, 27, 29 in the default profile). */
export const OPSIGELSE_KINDS = ['cancellation', 'bonusAnswer', 'contentError', 'bonusQuery', 'reminder', 'rejection', 'accept'] as const;
/** An opsigelser kind name. */
export type OpsigelseKind = (typeof OPSIGELSE_KINDS)[number];

/** How the cancellation date was chosen; mapped to DTM 287/288/294/296 through the profile. */
export const cancellationBasis = z.enum(['normal', 'otherDate', 'withdrawal', 'shortenedNotice']);

/** opsigelsesdato: the cancellation date and the kind of notice it follows. */
export const cancellationDate = z.strictObject({
  /** opsigelsesdato */
  date: isoDate,
  /** `normal` hovedforfald (287), `otherDate` anden dato (288), `withdrawal` fortrydelse (294), `shortenedNotice` forkortet varsel (296). */
  basis: cancellationBasis,
});

/** branche-/produktgruppekode (BRC): never changed in a reply. */
export const branch = z.strictObject({
  /** branchegruppe, e.g. `001` motor. */
  group: text(3),
  /** produktgruppe, e.g. `002`. */
  product: text(3),
});

/** matrikelnummer and ejerlav (RFF MAT). */
export const matrikel = z.strictObject({
  /** matrikelnummer */
  number: text(35),
  /** ejerlav (cadastral district). */
  ejerlav: text(35).optional(),
});

/** One claim of the bonus history (SG2: SHI + DTM). */
export const claim = z.strictObject({
  /** konsekvenskode 1–6 (SHI). */
  consequence: z.enum(['1', '2', '3', '4', '5', '6']),
  /** skadedato */
  date: isoDate,
});

/** Bonus information (SG1: SIF + DTMs, then SG2 claims). */
export const bonus = z.strictObject({
  /** præmietrin: the current premium step, or `FASTP` (fixed premium). */
  premiumStep: z.string().regex(/^(FASTP|\d{1,3})$/, 'a premium step (1–3 digits) or FASTP'),
  /** skadefri år: claim-free years at the current step (may be negative). */
  claimFreeYears: z.number().int().min(-99).max(999),
  /** tegningsdato: underwriting date (DTM 291). */
  underwritingDate: isoDate.optional(),
  /** dato for sidste trinskift (DTM 290), or unknown (DTM 293 with a blank date). */
  lastStepChange: z.union([z.strictObject({ date: isoDate }), z.strictObject({ unknown: z.literal(true) })]),
  /** policens ophørsdato (DTM 295 in the bonus block). */
  policyEndDate: isoDate.optional(),
  /** skadehistorik: up to 10 claims within 5 years, only those that cost the ceding company. */
  claims: z.array(claim).max(10),
});

const header = {
  /** opsigelsesreferencenummer (RFF OPS, 1154): the case key, made by the acquirer. */
  caseReference: text(35),
  /** meddelelsesdato (DTM 137): the date of sending. */
  messageDate: isoDate,
  /** first NAD (MR): the company the message is sent to. */
  recipient: company,
  /** second NAD (MS): the company sending the message. */
  sender: company,
  /** branche-/produktgruppe (BRC). */
  branch,
  /** kontaktperson (CTA IC). */
  contact: contact.optional(),
  /** data in positions the profile uses that no field above holds (see `extraDatum`); absent when there is none. */
  extraData: extraData.optional(),
  /** whole segments of tags no field above reads, placed by the profile's segment table (see `extraSegment`); absent when there is none. */
  extraSegments: extraSegments.optional(),
};

/** BGM 9 opsigelse: the acquiring insurer cancels the policy at the ceding insurer. */
export const cancellationSchema = z.strictObject({
  kind: z.literal('cancellation'),
  ...header,
  /** opsigelsesdato and its basis (DTM 287/288/294/296). */
  cancellationDate,
  /** OSI BRO: the acquirer has written building fire. */
  buildingFire: z.boolean().optional(),
  /** DOC 11: claims data (bonus information) requested with the cancellation. */
  claimsDataRequested: z.boolean().optional(),
  /** fri tekst (FTX): only with basis `otherDate` (288). */
  freeText: freeText.optional(),
  /** forsikringstager 1 (NAD FT1): name and address (street, postcode). */
  policyholder1: policyholder,
  /** forsikringstager 2 (NAD FT2). */
  policyholder2: namedParty.optional(),
  /** forsikringssted (NAD FS): required for building insurance. */
  insuredLocation: address.optional(),
  /** policenummer (RFF POL): alphanumeric, leading zeros significant. */
  policyNumber: text(35),
  /** registreringsnummer (RFF REG), motor. */
  registrationNumber: text(35).optional(),
  /** matrikelnummer and ejerlav (RFF MAT), building. */
  matrikel: matrikel.optional(),
});

/** BGM 11 svar på bonusforespørgsel: the ceding insurer's bonus answer. */
export const bonusAnswerSchema = z.strictObject({
  kind: z.literal('bonusAnswer'),
  ...header,
  /** forsikringstager 1 (NAD FT1): name and address (street, postcode). */
  policyholder1: policyholder,
  /** forsikringstager 2 (NAD FT2). */
  policyholder2: namedParty.optional(),
  /** bonusoplysninger (SIF, DTMs, SHI/DTM claims). */
  bonus,
});

/** BGM 12 "12'er": content error; carries no copy of the refused message. */
export const contentErrorSchema = z.strictObject({
  kind: z.literal('contentError'),
  ...header,
  /** fejlkode F01–F05 (ERC). */
  errorCode: z.enum(CONTENT_ERROR_CODES),
  /** fri tekst (FTX): recommended with F02 and F03. */
  freeText: freeText.optional(),
});

/** BGM 13 bonusforespørgsel: the acquirer asks for the bonus history (DOC 11 is implied). */
export const bonusQuerySchema = z.strictObject({
  kind: z.literal('bonusQuery'),
  ...header,
  /** policens ophørsdato (DTM 295): required on a pure bonus query. */
  policyEndDate: isoDate.optional(),
  /** forsikringstager 1 (NAD FT1): name and address (street, postcode). */
  policyholder1: policyholder,
  /** forsikringstager 2 (NAD FT2). */
  policyholder2: namedParty.optional(),
  /** policenummer (RFF POL). */
  policyNumber: text(35),
  /** registreringsnummer (RFF REG). */
  registrationNumber: text(35).optional(),
});

/** What a reminder chases (DOC codes through the profile: `cancellationAnswer` → 9, `bonusAnswer` → 11). */
export const chased = z.enum(['cancellationAnswer', 'bonusAnswer']);

/** BGM 15 rykker: the acquirer chases the answer to a cancellation and/or a bonus query. */
export const reminderSchema = z.strictObject({
  kind: z.literal('reminder'),
  ...header,
  /** what is chased (1–2 DOC segments, in order; each answer once). */
  chases: z
    .array(chased)
    .min(1)
    .max(2)
    .refine((c) => new Set(c).size === c.length, 'each answer is chased once'),
});

/** BGM 27 afvisning: the ceding insurer rejects the cancellation. */
export const rejectionSchema = z.strictObject({
  kind: z.literal('rejection'),
  ...header,
  /** afvisningskode (ERC 1–23). Named reasons map to codes through the profile. */
  reasonCode: z.string().regex(CODE_PATTERN, 'an ERC code'),
  /** ophørsdato (DTM 295): required with ERC 9, 10, 11, 12. */
  endDate: isoDate.optional(),
  /** the company that already cancelled (third NAD, OPS), only with ERC 9. */
  cancelledBy: company.optional(),
});

/** BGM 29 accept: the ceding insurer accepts the cancellation. */
export const acceptSchema = z.strictObject({
  kind: z.literal('accept'),
  ...header,
  /** tilrettet opsigelsesdato (OSI ODC + DTM): only when accepting per another date than requested. */
  correctedDate: cancellationDate.optional(),
  /** forsikringstager 1 as the ceding insurer has it (NAD FT1): name and address (street, postcode). */
  policyholder1: policyholder,
  /** forsikringstager 2 (NAD FT2). */
  policyholder2: namedParty.optional(),
  /** forsikringssted as the ceding insurer has it (NAD FS). */
  insuredLocation: address.optional(),
  /** matrikelnummer and ejerlav as the ceding insurer has them (RFF MAT). */
  matrikel: matrikel.optional(),
  /** bonusoplysninger when a bonus query came with the cancellation. */
  bonus: bonus.optional(),
});

/** Any typed opsigelser message, discriminated on `kind`. */
export const opsigelseSchema = z.discriminatedUnion('kind', [
  cancellationSchema,
  bonusAnswerSchema,
  contentErrorSchema,
  bonusQuerySchema,
  reminderSchema,
  rejectionSchema,
  acceptSchema,
]);

/** The schema of each opsigelser kind. */
export const opsigelseSchemas = {
  cancellation: cancellationSchema,
  bonusAnswer: bonusAnswerSchema,
  contentError: contentErrorSchema,
  bonusQuery: bonusQuerySchema,
  reminder: reminderSchema,
  rejection: rejectionSchema,
  accept: acceptSchema,
} as const;

/** A typed opsigelser message. */
export type Opsigelse = z.infer<typeof opsigelseSchema>;
/** The typed message of one kind, e.g. `OpsigelseOf<'cancellation'>`. */
export type OpsigelseOf<K extends OpsigelseKind> = Extract<Opsigelse, { kind: K }>;
/** A cancellation (opsigelse, BGM 9): the acquiring insurer cancels the policy at the ceding insurer. */
export type Cancellation = z.infer<typeof cancellationSchema>;
/** A bonus answer (svar på bonusforespørgsel, BGM 11): the ceding insurer's answer with the bonus history. */
export type BonusAnswer = z.infer<typeof bonusAnswerSchema>;
/** An opsigelser content error (12'er, BGM 12): a received message's content is refused; it carries no copy of it. */
export type OpsigelseContentError = z.infer<typeof contentErrorSchema>;
/** A bonus query (bonusforespørgsel, BGM 13): the acquirer asks for the bonus history (DOC 11 is implied). */
export type BonusQuery = z.infer<typeof bonusQuerySchema>;
/** An opsigelser reminder (rykker, BGM 15): the acquirer chases the answer to a cancellation and/or a bonus query. */
export type OpsigelseReminder = z.infer<typeof reminderSchema>;
/** An opsigelser rejection (afvisning, BGM 27): the ceding insurer rejects the cancellation, with its ERC reason. */
export type OpsigelseRejection = z.infer<typeof rejectionSchema>;
/** An opsigelser accept (BGM 29): the ceding insurer accepts the cancellation, possibly per another date. */
export type OpsigelseAccept = z.infer<typeof acceptSchema>;
/** The bonus block of an 11 or a 29 (SG1: SIF and its DTMs, then the SG2 claims). */
export type Bonus = z.infer<typeof bonus>;
/** One claim of the bonus history (SG2: SHI and its DTM 292). */
export type Claim = z.infer<typeof claim>;
/** The cancellation date (opsigelsesdato) and the kind of notice it follows (its DTM qualifier). */
export type CancellationDate = z.infer<typeof cancellationDate>;
/** How the cancellation date was chosen: `normal`, `otherDate`, `withdrawal` or `shortenedNotice` (DTM 287, 288, 294, 296 in the default profile). */
export type CancellationBasis = z.infer<typeof cancellationBasis>;
/** The branch and product group (branche-/produktgruppekode, BRC); a reply never changes it. */
export type Branch = z.infer<typeof branch>;
/** The matrikel number and ejerlav of an insured building (RFF MAT). */
export type Matrikel = z.infer<typeof matrikel>;
