/**
 * zod building blocks shared by the typed opsigelser and panthaver messages: dates, free
 * text, parties, addresses. Every typed message schema is made of these, and the
 * fast-check arbitraries (`../arbitraries.ts`) follow the same constraints.
 */
import { z } from 'zod';
import { isRealIsoDate } from '../../syntax/calendar-date.js';

/**
 * Characters allowed in free data: anything but control characters. Whether a character
 * fits the interchange's character set (UNOC = Latin-1, UNOY = UTF-8) is checked when the
 * interchange is written (syntax error 21), not here. Matches the empty string: lengths are
 * checked apart ({@link text}).
 */
export const NO_CONTROL_CHARS = /^[^\u0000-\u001F\u007F-\u009F]*$/u;

/** A wire code of a code list (an..3 of digits and capitals), e.g. `ZPA` or an ERC code. */
export const CODE_PATTERN = /^[0-9A-Z]{1,3}$/;

/** Length in characters (code points), as EDIFACT counts them. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** A calendar date as an ISO `YYYY-MM-DD` string that names a real day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealIsoDate, 'not a real calendar date');

/** Free data of `min` (default 1) to `max` characters without control characters (an..max). */
export function text(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .regex(NO_CONTROL_CHARS, 'no control characters (line breaks, tabs, …)')
    .refine((v) => charLength(v) <= max, `at most ${max} characters`);
}

/**
 * Free text (FTX): one inner array per FTX segment, one string per text line
 * (at most 5 lines of an..70 per segment; as many segments as the profile's segment table lets FTX
 * repeat — 5 in the shipped profiles, checked by `encodeMessage` and the decoder's walk, as by
 * `validate`). A line between two others may be
 * blank (`''`: `FTX+AAI+++a::c'`, C108 4440 is conditional after the first); the first and the
 * last line of a segment are not (the first is mandatory, and a trailing empty one is not written).
 */
export const freeText = z
  .array(
    z
      .array(text(70, 0))
      .min(1)
      .max(5)
      .refine((lines) => lines[0] !== '' && lines[lines.length - 1] !== '', 'the first and the last line are not blank'),
  )
  .min(1);

/**
 * A company identified by its VIR number (NAD `<VIR>::VIR`, optionally with a name): an insurer.
 * A panthaver lienholder is a `lienholder` (`./panthaver.ts`): the same fields, its `vir` a VIR
 * number or, with `idType: 'CVR'`, a CVR number.
 */
export const company = z.strictObject({
  /** VIR-nummer: the company's VIR number, the F&P company id (NAD `<VIR>::VIR`), as sent; an insurer is always named by it (a panthaver lienholder's id is a `Lienholder`'s `vir`). */
  vir: text(35),
  /** selskabsnavn: the company's name, when the message carries it. */
  name: text(35).optional(),
});

/** A CPR (person) or CVR (business) number of a policyholder or debtor. */
export const personId = z.strictObject({
  /** CPR- eller CVR-nummer, as sent (no formatting applied). */
  value: text(35),
  /** Which register the number belongs to. */
  type: z.enum(['CPR', 'CVR']),
});

/** Postal address fields of a NAD segment (all optional). */
export const addressFields = {
  /** gade: street and number (NAD C059). */
  street: text(35).optional(),
  /** by: city (NAD 3164). */
  city: text(35).optional(),
  /** postnummer: postcode (NAD 3251). */
  postcode: text(9).optional(),
  /** land: country code (NAD 3207). */
  country: text(3).optional(),
};

/** A named person or business with an optional CPR/CVR number and address (forsikringstager, debitor). */
export const namedParty = z.strictObject({
  /** CPR- eller CVR-nummer (if known). */
  id: personId.optional(),
  /** navn: name line 1. */
  name: text(35),
  /** navn 2: name line 2. */
  name2: text(35).optional(),
  ...addressFields,
});

/**
 * Policyholder 1 of an opsigelser message: a named party with an address, street and postcode at
 * least. Seed 002 (2.9.1, 2.9.2, 2.9.4, 2.9.7) sends "NAD med forsikringstager 1's navn og
 * adresse og om muligt CVR eller CPR nummer" — the address, unlike the CPR/CVR number and unlike
 * policyholder 2's ("navn og om muligt adresse"), is not "om muligt".
 */
export const policyholder = namedParty.extend({
  /** gade: street and number (NAD C059), required. */
  street: text(35),
  /** postnummer: postcode (NAD 3251), required. */
  postcode: text(9),
});

/** An address without a name (forsikringssted: insured location). */
export const address = z
  .strictObject(addressFields)
  .refine((a) => Object.values(a).some((v) => v !== undefined), 'an address needs at least one field');

/** The contact person of a message (CTA `IC`). */
export const contact = text(35);

/**
 * One value a message carries in a position its profile uses (status `C` or `M`) but the typed
 * message has no field for — BGM 1004 under a profile patched to take it, say, or a second name
 * line on a company NAD. `decodeMessage` keeps it here rather than refusing or dropping it, and
 * `encodeMessage` writes it back at the same place, so decode → encode gives the same segments.
 * Data in a position the profile does not use (`N`) is refused (15) by both, as by `validate`.
 *
 * The segment is named by its tag, its first value (element 1, component 1: the qualifier of a
 * NAD, RFF or DTM, the code of a BGM, ERC or SHI) and its occurrence among the body's segments
 * with that tag and first value, so it is found again after the typed fields are written.
 * Positions are 1-based, as in `MessageError` and the CONTRL.
 */
export const extraDatum = z.strictObject({
  /** Segment tag, e.g. `BGM`. */
  segment: z.string().regex(/^[A-Z][A-Z0-9]{2}$/, 'a segment tag such as BGM'),
  /** The segment's element 1, component 1 as written, e.g. `MR` for the recipient's NAD. */
  qualifier: z.string(),
  /** 1-based occurrence among the message's body segments with this tag and qualifier (`1` for the first). */
  occurrence: z.number().int().min(1).max(999),
  /** 1-based data element position (the tag is element 0). */
  element: z.number().int().min(1).max(99),
  /** 1-based component position (`1` for a simple element's value). */
  component: z.number().int().min(1).max(99),
  /** 1-based repetition of the element (syntax 4 repeats); absent for the first or only one. */
  repetition: z.number().int().min(2).max(999).optional(),
  /** The value, as sent (release characters removed). */
  value: z.string().min(1),
});

/** Data in positions the profile uses but the typed message has no field for, in message order. */
export const extraData = z.array(extraDatum);

/**
 * One whole segment a message carries that the typed message has no field for: a segment of a
 * tag the typed messages do not read, placed by a profile whose segment table adds it (a
 * partner's own segment, say). `decodeMessage` keeps it here rather than refusing it, and
 * `encodeMessage` writes it back at the same place, so decode → encode gives the same segments.
 * The keys are fixed; the segment is data, never object keys taken from the input.
 */
export const extraSegment = z.strictObject({
  /** 1-based position of the segment in the message as sent (UNH = 1), as in `MessageError` and the CONTRL. */
  position: z.number().int().min(2).max(99_999),
  /** Segment tag, e.g. `LOC`. */
  tag: z.string().regex(/^[A-Z][A-Z0-9]{2}$/, 'a segment tag such as LOC'),
  /** Its data elements in order, each as its components (as read: release characters removed; empty ones kept). */
  elements: z.array(z.array(z.string()).min(1)).max(99),
  /** Syntax 4 repetitions: for an element that repeated, its 1-based position and every occurrence in order (the first is `elements[element - 1]`). */
  repeats: z
    .array(z.strictObject({ element: z.number().int().min(1).max(99), occurrences: z.array(z.array(z.string()).min(1)).min(2).max(999) }))
    .optional(),
});

/** Whole segments the typed message has no field for, in message order. */
export const extraSegments = z.array(extraSegment);

/** A company identified by its VIR number (NAD `<VIR>::VIR`), with its name when the message carries one: an insurer (a panthaver lienholder is a `Lienholder`, whose `vir` may hold its CVR number). */
export type Company = z.infer<typeof company>;
/** A CPR (person) or CVR (business) number of a policyholder or debtor, as sent, with its register. */
export type PersonId = z.infer<typeof personId>;
/** A named person or business (policyholder, debtor) with an optional CPR/CVR number and address. */
export type NamedParty = z.infer<typeof namedParty>;
/** Policyholder 1 of an opsigelser message: a named party with street and postcode (seed 002: "forsikringstager 1's navn og adresse"). */
export type Policyholder = z.infer<typeof policyholder>;
/** An address without a name (forsikringssted: the insured location); at least one field. */
export type Address = z.infer<typeof address>;
/** Free text (FTX): one array of lines per FTX segment, of at most 5 lines of 70 characters; as many segments as the profile's segment table allows (5 in the shipped profiles). */
export type FreeText = z.infer<typeof freeText>;
/** One value of a position the profile uses but no typed field holds, kept in a decoded message's `extraData` and written back by `encodeMessage`. */
export type ExtraDatum = z.infer<typeof extraDatum>;
/** One whole segment of a tag no typed field reads (a profile's segment table adds it), kept in a decoded message's `extraSegments` and written back by `encodeMessage`. */
export type ExtraSegment = z.infer<typeof extraSegment>;
