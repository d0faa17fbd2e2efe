/**
 * The one rules table of the rules layer: every rule the deadline functions, the accept
 * policy, the bonus checks and the case machines apply, keyed by a stable rule id. It
 * extends the colleague's {@link deadlineRules} (spread in unchanged), so a deadline rule has
 * exactly one definition. `docs/rules.md` is generated from this table.
 *
 * @module
 */
import { deadlineRules, type DeadlineRule } from './deadlines.js';

/** One rule: stable id, guide section, the guide's rule in English, and our reading where the guide is ambiguous. */
export interface RuleDefinition extends DeadlineRule {
  /** How fp-edifact applies the rule where the guide leaves room (a default we chose); absent when the guide is explicit. */
  readonly interpretation?: string;
}

const OPS = 'Opsigelser guide 5.5';
const PANT = 'Panthaver Web-EDI user guide';
const DATA = `${OPS}, section 2.9 'Dataindhold (segmenter i de enkelte meddelelsestyper)'`;
const RULES = `${OPS}, section 'Regler for behandling af EDI-opsigelser i selskaberne'`;

/** Guide sections quoted by the rules (Danish headings as in the seeds). */
const S = {
  overtagende: `${OPS}, section 2.3 'Sagsgangen i det overtagende selskab'`,
  afgivende: `${OPS}, section 2.4 'Sagsgangen i det afgivende selskab'`,
  acceptpolitik: `${OPS}, section 2.5 'Accept', heading 'Acceptpolitik'`,
  fortrydelse: `${OPS}, section 2.6 'Fortrydelse i forbindelse med nytegning'`,
  bonus: `${OPS}, section 2.7 'Bonusforespørgsel'`,
  friTekst: `${OPS}, section 2.8 'Fri tekst'`,
  nad: `${DATA}, introduction (first NAD = receiver, second NAD = sender)`,
  kode11: `${DATA}, 'Svar på bonusforespørgsel (Kode 11)'`,
  kode12: `${DATA}, 'Fejl i modtagne data - syntaks (kode 12)'`,
  kode13: `${DATA}, 'Bonusforespørgsel (kode 13)'`,
  kode15: `${OPS}, section 2.9.5 'Rykker (Kode 15)'`,
  kode27: `${DATA}, 'Afvisning - opsigelse ikke accepteret (Kode 27)'`,
  kode29: `${DATA}, 'Accept af overtagelse (Kode 29)'`,
  reference: `${OPS}, section 2.10 'Definition af nummersystemer', 'Opsigelsens referencenummer'`,
  matrikel: `${RULES}, heading 'Matrikelnumre'`,
  policenumre: `${RULES}, heading 'Policenumre'`,
  sager: `${PANT}, section 'Sager' (the states of a declaration: 'forhold')`,
  pAccept: `${PANT}, section 'Accept'`,
  pAfvisning: `${PANT}, section 'Afvisning af deklaration'`,
  pSkiftFs: `${PANT}, section 'Accept af en panthaverdeklaration ved skift af forsikringsselskab'`,
  pBehandling: `${PANT}, section 'Behandling' (løbetid) and 'Meddelelser til panthaver'`,
  pGenetableret: `${PANT}, section 'Dækning genetableret'`,
  pRettelse: `${PANT}, section 'Administrativ rettelse'`,
  pPortFs: `${PANT}, section 'Portefølgeoverdragelse mellem 2 forsikringsselskaber'`,
  pRykker: `${PANT}, section 'Meddelelse fra panthaver', heading 'Rykker'`,
  pSkiftPh: `${PANT}, section 'Skift af panthaver'`,
  pOphoert: `${PANT}, section 'Pantet ophørt'`,
  pGennotering: `${PANT}, section 'Gennotering'`,
  pPortPh: `${PANT}, section 'Portefølgeoverdragelse mellem 2 panthavere'`,
} as const;

const acceptPolicyRules = {
  'accept.policy-number-match': {
    id: 'accept.policy-number-match',
    guideSection: S.policenumre,
    text:
      'The ceding insurer may not demand a special formatting of the policy number: it must un-mask the number as written on ' +
      'policies and premium notices and match it against its own; the number is alphanumeric, so leading zeros and letter ' +
      'prefixes count; after a portfolio conversion both the old and the new number must be matched.',
    interpretation:
      'Un-masking removes spaces, dashes, dots and slashes and ignores letter case; nothing else is removed. ' +
      'The number is matched against the current and every old number of the policy.',
  },
  'accept.policy-number-required': {
    id: 'accept.policy-number-required',
    guideSection: S.policenumre,
    text: "A cancellation must carry a policy number; 'ukendt', '???' or a blank policy number must never be sent.",
    interpretation:
      'The accept policy treats such a cancellation as one with an unknown policy number (identity fallback, else rejection); ' +
      'the content validator reports it as content error F01.',
  },
  'accept.identity-fallback': {
    id: 'accept.identity-fallback',
    guideSection: S.afgivende,
    text:
      'To avoid rejections for a wrong policy number, a cancellation sent with a CPR or CVR number must be accepted when the ' +
      'policy number is unknown but the CPR/CVR number identifies the customer and the branch/product code matches; several ' +
      'policies of the customer with the same branch/product code still lead to a rejection.',
    interpretation:
      'Without a lookup function, a cancellation that carries a CPR/CVR number goes to manual review (proposed rejection ' +
      'policyUnknown); one without goes straight to rejection policyUnknown.',
  },
  'accept.branch-product': {
    id: 'accept.branch-product',
    guideSection: S.acceptpolitik,
    text:
      'Every cancellation must carry the correct branch/product group code, else it may be rejected; the code may never be ' +
      'changed in an accept or a rejection.',
    interpretation: 'Rejected with wrongBranch when branch group or product group differs from the policy.',
  },
  'accept.motor-registration': {
    id: 'accept.motor-registration',
    guideSection: S.acceptpolitik,
    text: 'A cancellation of motor insurance must be accepted when the policy number and the registration number are correct.',
    interpretation:
      'Applied when the policy has a registration number. Numbers are compared without spaces and dashes, ignoring case. ' +
      'A one-character difference or a missing number goes to manual review (section 2.4 asks for tolerance with ' +
      'registration numbers); a clear difference is rejected (registrationMismatch).',
  },
  'accept.building-location': {
    id: 'accept.building-location',
    guideSection: `${S.acceptpolitik}; ${S.matrikel}`,
    text:
      'A cancellation of building insurance must be accepted when the policy number and the insured location are correct; ' +
      'the location is suggested matched on the first 3 letters of the street name, the house number and the postcode. ' +
      'A wrong insured location may be rejected, but only after the ceding insurer has made sure the error is real.',
    interpretation:
      'Applied to branch groups whose profile flag requiresInsuredLocation is set. Danish letters are compared ' +
      'transliterated (å = aa, æ = ae, ø = oe). A mismatch or a missing location goes to manual review with a proposed ' +
      'rejection (locationMismatch), because the guide asks for a check before rejecting.',
  },
  'accept.building-matrikel': {
    id: 'accept.building-matrikel',
    guideSection: S.matrikel,
    text:
      'A cancellation of building insurance must never be rejected by machine for a wrong matrikel number or a missing ' +
      'ejerlav when the other data are correct.',
    interpretation: 'Matrikel number and ejerlav are compared only to add a note to the decision; they never change it.',
  },
  'accept.family-name': {
    id: 'accept.family-name',
    guideSection: S.acceptpolitik,
    text: "On family insurance the policyholder's name must be correct, else the cancellation may be rejected.",
    interpretation: 'Applied to branch groups whose profile flag nameMustMatch is set; a name rejection goes through accept.name-manual-check.',
  },
  'accept.accident-boat-name': {
    id: 'accept.accident-boat-name',
    guideSection: S.acceptpolitik,
    text: "On accident insurance and pleasure boats the policyholder's name must be correct.",
    interpretation: 'Applied to branch groups whose profile flag nameMustMatch is set; a name rejection goes through accept.name-manual-check.',
  },
  'accept.two-holders': {
    id: 'accept.two-holders',
    guideSection: S.acceptpolitik,
    text:
      'On accident insurance and pleasure boats with two policyholders, a cancellation naming only one of them may be ' +
      'rejected: there are often two owners, so both names must be given.',
    interpretation:
      'Branch groups whose profile flag bothHoldersRequired is set (005 and 007 in the default profile; option ' +
      'bothHoldersRequiredGroups overrides it). Rejected directly (nameMismatch): a missing ' +
      'holder is not a name difference, so no manual check is needed.',
  },
  'accept.name-manual-check': {
    id: 'accept.name-manual-check',
    guideSection: `${S.acceptpolitik}; ${S.afgivende}`,
    text:
      'Where the ceding insurer checks names, insignificant differences must not lead to a rejection: a rejection for a ' +
      'wrong name must pass a manual check before it is sent. Section 2.4 asks for tolerance with names, matrikel and ' +
      'registration numbers, because companies register them differently.',
    interpretation:
      'Names equal after folding case, punctuation, word order and Danish letters (å = aa) pass. Small differences (a ' +
      'missing middle name, an initial for a first name, up to 2 typing errors) go to manual review with a proposed accept; ' +
      'clear differences go to manual review with a proposed rejection (nameMismatch), or a proposed accept when the ' +
      "CPR/CVR number matches the policyholder's. With two holders, each name is compared with the closest holder's, " +
      'and between equally close ones with the holder whose CPR/CVR number it carries.',
  },
  'accept.already-terminated': {
    id: 'accept.already-terminated',
    guideSection: `${S.afgivende}; ${S.kode27}`,
    text:
      'A cancellation of a policy that has already ended is answered with a rejection: ERC 9 already cancelled by company X ' +
      '(which may be named in a third NAD), 10 already cancelled by the policyholder, 11 lapsed because of arrears, 12 lapsed ' +
      'for another reason; the end date must be sent with each of them.',
  },
  'accept.second-after-accepted': {
    id: 'accept.second-after-accepted',
    guideSection: S.overtagende,
    text: 'Only one EDI cancellation may be sent per policy: once a cancellation has been accepted, later cancellations on the policy are rejected.',
    interpretation:
      "ERC 9 (already cancelled by company X, with the accepted cancellation's date as end date) when another insurer's " +
      'cancellation was accepted; cancellationAlreadyAccepted when the same acquirer cancels again.',
  },
  'accept.pending-cancellation': {
    id: 'accept.pending-cancellation',
    guideSection: S.overtagende,
    text: 'A new cancellation must not be sent while an earlier one is unanswered; a reminder is sent instead.',
    interpretation:
      "The ceding insurer rejects a second cancellation from the same acquirer (cancellationPending) and sends another acquirer's " +
      'cancellation to manual review while the first is unanswered.',
  },
  'accept.shortened-notice-refused': {
    id: 'accept.shortened-notice-refused',
    guideSection: S.overtagende,
    text:
      'Shortened notice (DTM 296) cannot be used for business and agriculture policies (branch groups 004 and 006), nor for ' +
      "private policies written in a company's name; such a cancellation may be rejected with ERC 23 (shortened notice only " +
      'for private customers).',
    interpretation: "Rejected with ERC 23 in both cases; the branch groups come from the profile's shortenedNoticeAllowed flag.",
  },
  'accept.withdrawal-original-not-accepted': {
    id: 'accept.withdrawal-original-not-accepted',
    guideSection: S.fortrydelse,
    text:
      'While the first acquiring insurer still awaits the ceding insurer’s accept of its own cancellation, it cannot take a ' +
      'cancellation with withdrawal (DTM 294) from the second acquiring insurer and must reject it with ERC 19.',
  },
  'accept.withdrawal-date': {
    id: 'accept.withdrawal-date',
    guideSection: S.fortrydelse,
    text:
      "A withdrawal is accepted per the requested date when it arrived in time (deadline.withdrawal), otherwise normally per the " +
      "next expiry date; if the policy has not started, the cancellation date is the policy's start date at the first " +
      'acquirer. When the date changes, the accept carries code 294.',
    interpretation:
      "'Not started' means the start date is after the day the withdrawal was received. 'Next expiry date' is the first main " +
      'renewal date on or after the requested date; without a known renewal date a late withdrawal goes to manual review. ' +
      'The case applies an accept that changes the date of a withdrawal under another date code than 294 with this violation.',
  },
  'accept.corrected-date': {
    id: 'accept.corrected-date',
    guideSection: S.afgivende,
    text:
      'A cancellation sent with a wrong cancellation date, or after the notice deadline, is accepted with notice of a corrected ' +
      'cancellation date (OSI ODC + DTM), not rejected.',
    interpretation:
      'Normal cancellation: the corrected date is the first main renewal date (hovedforfald) on or after the requested date ' +
      'for which the cancellation was on time (deadline.normal-notice); renewal dates recur every 12 months unless the policy ' +
      'says otherwise. Shortened notice: the earliest effective date (deadline.shortened-notice). Without a known renewal ' +
      'date an on-time cancellation is accepted as requested and a late one goes to manual review. A corrected date that ' +
      'equals the requested one is a plain accept (no OSI ODC), for late withdrawals and 288 re-sends too.',
  },
  'accept.free-text-manual': {
    id: 'accept.free-text-manual',
    guideSection: `${S.friTekst}; ${RULES}, heading 'Afvisning'`,
    text:
      'Free text is only allowed with date code 288 (cancellation per another date, e.g. a corrected re-send after a ' +
      'rejection), and every message with free text must be handled manually.',
    interpretation:
      'A 288 cancellation always goes to manual review, with a proposal: accept per the requested date when it was sent ' +
      'within 3 weeks of the original cancellation (deadline.other-date-resend) and within 2 weeks of the rejection ' +
      '(deadline.resend-after-rejection), else accept per the next renewal date. Option autoDecideFreeText skips the review.',
  },
} as const satisfies Record<string, RuleDefinition>;

const caseRules = {
  'case.no-new-while-unanswered': {
    id: 'case.no-new-while-unanswered',
    guideSection: S.overtagende,
    text: 'No new cancellation may be sent while an earlier cancellation is unanswered; the acquirer must send a reminder instead.',
    interpretation: 'Checked within a case (same reference) and across the cases of one policy (same ceding insurer and un-masked policy number).',
  },
  'case.one-cancellation-per-policy': {
    id: 'case.one-cancellation-per-policy',
    guideSection: S.overtagende,
    text:
      'At most one EDI cancellation per policy: once one is accepted, later cancellations on the policy are rejected, so a ' +
      'renewal-date cancellation cannot be followed by one with shortened notice, or the other way round.',
  },
  'case.reference-reuse': {
    id: 'case.reference-reuse',
    guideSection: S.reference,
    text:
      'The cancellation reference (RFF 1154) is made by the acquirer, is unique across branches and is used by every message ' +
      'of the case; it must not be reused for open and independent cases, but may be reused when the original cancellation ' +
      'was rejected.',
    interpretation: 'A cancellation for another policy under the reference of a case that is not rejected is refused.',
  },
  'case.bonus-query-max-2': {
    id: 'case.bonus-query-max-2',
    guideSection: `${S.bonus}; ${S.kode13}`,
    text: 'Claims data may be requested at most twice in one case, e.g. with the cancellation and again just before the takeover.',
    interpretation: 'A cancellation with DOC 11 counts as one request and each bonus query (13) as one; a third request is refused.',
  },
  'case.duplicate-ignored': {
    id: 'case.duplicate-ignored',
    guideSection: S.kode29,
    text:
      'If two identical accepts are received, the second is discarded without notice to the sender; in general, duplicate ' +
      'messages are ignored without notice to the sender.',
    interpretation:
      'A message equal to an earlier message of the case is ignored; an accept equal to the earlier accept except for its ' +
      'message date is ignored too. Ignoring is not a violation.',
  },
  'case.reply-needs-request': {
    id: 'case.reply-needs-request',
    guideSection: `${S.reference}; ${S.afgivende}`,
    text:
      'The receiver uses the same reference in its reply: an accept (29) or rejection (27) answers the case’s cancellation, ' +
      'a bonus answer (11) its bonus query.',
    interpretation:
      'A reply with nothing outstanding to answer (a second, different accept; an accept after a rejection; a bonus answer ' +
      'nobody asked for) is refused.',
  },
  'case.corrected-date-differs': {
    id: 'case.corrected-date-differs',
    guideSection: S.kode29,
    text:
      'An accept carries OSI ODC and the DTM with the cancellation date only when it accepts per another date than the one ' +
      'in the cancellation.',
    interpretation: 'An accept whose corrected date is the requested date is applied as a plain accept, with this violation.',
  },
  'case.accept-needs-bonus': {
    id: 'case.accept-needs-bonus',
    guideSection: S.kode29,
    text:
      'If a bonus query came with the cancellation (DOC 11), the accept carries SIF with the claims information, the ' +
      'underwriting date, the date of the last premium-step change and the claims (SHI + DTM, up to 10).',
    interpretation:
      'An accept without the bonus block, while no bonus answer (11) has answered the cancellation’s request, is applied ' +
      'with this violation; the request stays outstanding, so the acquirer may chase it with a reminder.',
  },
  'case.accept-bonus-unrequested': {
    id: 'case.accept-bonus-unrequested',
    guideSection: S.kode29,
    text:
      'The supplements of an accept depend on what the acquirer sent: the bonus block (SIF, underwriting date, last ' +
      'step change, claims) is sent when a bonus query came with the takeover.',
    interpretation:
      'An accept carrying the bonus block in a case where nobody asked for claims data (the cancellation has no DOC 11 ' +
      'and there is no bonus query) is applied as an accept, with this violation; the block itself is not checked. A ' +
      'case with a bonus query (13) is not flagged: the guide does not say whether the accept may answer it.',
  },
  'case.reminder-needs-outstanding': {
    id: 'case.reminder-needs-outstanding',
    guideSection: S.kode15,
    text:
      'A reminder is sent when the acquirer has not received the accept of a cancellation or the answer to a bonus query; it ' +
      'may chase both (two DOC segments).',
    interpretation: 'A reminder chasing an answer that was already received, or never asked for, is refused.',
  },
  'case.branch-unchanged': {
    id: 'case.branch-unchanged',
    guideSection: S.acceptpolitik,
    text: 'The branch/product group code may not be changed in an accept or a rejection.',
    interpretation: 'Checked for every message of a case against the case’s first cancellation or bonus query.',
  },
  'case.parties': {
    id: 'case.parties',
    guideSection: S.nad,
    text:
      'The first NAD always names the company the message is sent to, the second NAD the company that sends it; the ' +
      'acquirer sends cancellations, bonus queries and reminders, the ceding insurer answers them.',
    interpretation: 'The acquirer is the sender of the case’s first message; a message between other companies, or in the wrong direction, is refused.',
  },
  'case.content-error-refuses': {
    id: 'case.content-error-refuses',
    guideSection: S.kode12,
    text:
      'If the sender has not kept the rules for the data content, the receiver may refuse to process the message and sends ' +
      "a 12 with F01–F05; the refused message is not sent back.",
    interpretation: 'A 12 undoes the last message of the case that its sender had received (a refused cancellation leaves the case as before it).',
  },
} as const satisfies Record<string, RuleDefinition>;

const bonusRules = {
  'bonus.query-branch': {
    id: 'bonus.query-branch',
    guideSection: `${S.bonus}; ${S.kode13}`,
    text: 'Claims data (bonus query, or DOC 11 with a cancellation) can only be requested for motor: branch group 001 with product groups 001, 002, 004 or 999.',
    interpretation: "The allowed product groups are the profile's bonusProductGroups of the branch group.",
  },
  'bonus.pure-query-end-date': {
    id: 'bonus.pure-query-end-date',
    guideSection: S.bonus,
    text: 'A pure bonus query (one not sent together with a cancellation) must also give the policy end date (DTM 295).',
    interpretation:
      'A bonus query (13) in a case that has no cancellation (9) is pure. Without DTM 295 it is still recorded and its answer ' +
      'is due, with this violation; its claims window then has no reference date.',
  },
  'bonus.premium-step': {
    id: 'bonus.premium-step',
    guideSection: S.bonus,
    text: 'The answer gives the current premium step, or FASTP for a fixed-premium arrangement without step regulation.',
  },
  'bonus.last-step-change': {
    id: 'bonus.last-step-change',
    guideSection: S.bonus,
    text:
      'The answer gives the date of the last step change that changed the premium (qualifier 290); if the step never ' +
      'changed, the underwriting date; if the policy moved from the ordinary arrangement to fixed premium, the date of that ' +
      'change; if the date cannot be given, a blank date with qualifier 293.',
  },
  'bonus.claim-free-years': {
    id: 'bonus.claim-free-years',
    guideSection: S.bonus,
    text:
      'The answer gives the number of claim-free years the current step corresponds to (for FASTP, the number needed for ' +
      'the arrangement); it may be negative.',
  },
  'bonus.claims-window': {
    id: 'bonus.claims-window',
    guideSection: S.bonus,
    text: 'Claims are reported for up to 5 years back from the cancellation date, each with its claim date and consequence code.',
    interpretation:
      'The window is from the cancellation date minus 5 years to the cancellation date, both included; for a pure bonus ' +
      'query the policy end date (DTM 295) takes the place of the cancellation date.',
  },
  'bonus.claims-max-10': {
    id: 'bonus.claims-max-10',
    guideSection: `${S.bonus}; ${S.kode11}`,
    text: 'At most 10 claims are reported (SHI + DTM pairs, up to 10 times).',
    interpretation: 'When more than 10 claims qualify, the 10 most recent are kept and a note says how many were left out.',
  },
  'bonus.claims-cost': {
    id: 'bonus.claims-cost',
    guideSection: S.bonus,
    text:
      'Only claims that have caused, or are expected to cause, an expense for the ceding insurer are reported; claims with ' +
      'full recourse (fuld regres) are left out.',
  },
  'bonus.consequence-code': {
    id: 'bonus.consequence-code',
    guideSection: S.bonus,
    text:
      'Each claim carries a consequence code: 1 not bonus-affecting (statutory free claim), 2 no step change because of a ' +
      'free-claim arrangement, 3 no step change because of the product, 4 step change done, 5 step change to come, 6 claim ' +
      'not settled.',
  },
  'bonus.underwriting-date': {
    id: 'bonus.underwriting-date',
    guideSection: S.bonus,
    text:
      "The answer gives the policy's underwriting date; a company that cannot give the original underwriting date (e.g. " +
      'after a conversion) gives the date the policy was converted to its newest system.',
  },
  'bonus.policy-end-date': {
    id: 'bonus.policy-end-date',
    guideSection: S.kode11,
    text: "A bonus answer (11) carries the policy's end date (ophørsdato).",
  },
} as const satisfies Record<string, RuleDefinition>;

const declarationRules = {
  'declaration.number-in-use': {
    id: 'declaration.number-in-use',
    guideSection: S.sager,
    text:
      'A declaration is ubesvaret (created, not answered), aktivt (valid), midlertidigt, under skift or historisk (no longer ' +
      'valid between the two parties).',
    interpretation:
      'A new declaration (30) or change of lienholder (32) for a declaration number that is not historisk is refused; after a ' +
      'Z40 a 30 to the new insurer starts the change of insurer instead.',
  },
  'declaration.answer-needs-request': {
    id: 'declaration.answer-needs-request',
    guideSection: `${S.pAccept}; ${S.pAfvisning}`,
    text: 'The insurer accepts or rejects a declaration it has received and not yet answered.',
    interpretation: 'An accept (33, 34) or rejection (27) is allowed only while the declaration is ubesvaret or under skift.',
  },
  'declaration.l-accept': {
    id: 'declaration.l-accept',
    guideSection: S.pAccept,
    text: 'For L declarations (pleasure boats) the insurer must give an acceptance date and the sum insured in whole kroner.',
  },
  'declaration.late-rejection': {
    id: 'declaration.late-rejection',
    guideSection: `${S.sager}; ${S.pAfvisning}`,
    text:
      'A declaration rejected so late that there is cover for a period is midlertidigt; the period depends on the declaration ' +
      'type (see the declaration terms).',
    interpretation:
      'Late = the rejection is dated more than N days after the declaration was received, with N per declaration type from ' +
      'option rejectionDeadlineDays (the terms are not public). Without N a rejection makes the declaration historisk.',
  },
  'declaration.notice-needs-accepted': {
    id: 'declaration.notice-needs-accepted',
    guideSection: `${S.pBehandling}; ${S.pRettelse}`,
    text:
      'The insurer must tell the lienholder about every change that affects its rights; these notices (coverage ended, sum ' +
      'changed, change of insurer, administrative correction, priority changed) are sent on accepted declarations.',
    interpretation:
      'A Z10, Z11, Z12, Z15 or Z60 is allowed only while the declaration is aktivt or midlertidigt; a Z20 also under skift ' +
      '(the customer regrets the change); a Z40 only while aktivt (a late-rejected, midlertidigt declaration has no policy to move); ' +
      'a Z50 only while aktivt (the guide: on an accepted and approved declaration, which a late-rejected one is not).',
  },
  'declaration.cover-type-not-del': {
    id: 'declaration.cover-type-not-del',
    guideSection: S.pBehandling,
    text: 'With a coverage-ended message a new cover type may be given, but not for D, E and L declarations.',
  },
  'declaration.sum-change-only-l': {
    id: 'declaration.sum-change-only-l',
    guideSection: S.pBehandling,
    text: 'Z15 (change of sum insured) can only be sent on L declarations.',
  },
  'declaration.restore-needs-end': {
    id: 'declaration.restore-needs-end',
    guideSection: S.pGenetableret,
    text:
      'Z20 (coverage restored) follows any of the three coverage-ended messages, or a Z40 change of insurer that the ' +
      'customer regretted; without it the declaration lapses after the cover period of its type.',
  },
  'declaration.change-of-insurer': {
    id: 'declaration.change-of-insurer',
    guideSection: S.pSkiftFs,
    text:
      'After a Z40 the lienholder sends the declaration to the new insurer ("Skift af FS"), which accepts or rejects it; ' +
      'until it answers, the declaration is under skift.',
    interpretation:
      'A new declaration (30) from the lienholder to the new insurer the Z40 named moves the declaration to under skift; a 30 ' +
      'to any other insurer but the one holding the declaration is refused.',
  },
  'declaration.parties': {
    id: 'declaration.parties',
    guideSection: `${S.sager}; ${S.pSkiftFs}`,
    text:
      'A declaration is valid between two parties, one lienholder and one insurer (historisk: no longer valid between the 2 ' +
      'parties); after a Z40 the lienholder sends it to the new insurer, which accepts or rejects it.',
    interpretation:
      "Once a declaration has its parties, the lienholder's messages (reminder, lien ended, re-registration) must come from its " +
      "lienholder and go to its insurer, and the insurer's (answers, Z-notices, Z70) the other way; while under skift, answers " +
      'and reminders pass between the lienholder and the new insurer instead. Portfolio transfers are sent by the acquiring ' +
      'party (only their recipient is checked); 30, 32 and 12 are not checked.',
  },
  'declaration.correction-fields': {
    id: 'declaration.correction-fields',
    guideSection: S.pRettelse,
    text:
      'An administrative correction (Z50) may correct the CPR number, name and address of the debtor, leasing taker or ' +
      'policyholder, lien type, policy number, debtor reference, registration, chassis, engine and build number.',
    interpretation:
      'The list is closed ("Følgende oplysninger kan rettes"). A Z50 that changes data off it — the declaration type, ' +
      'cover type, priority, acceptance date, sum insured (Z15), special-agreement number or lien amount — is refused; ' +
      'the same value repeated (an amount in another notation too) is not a change.',
  },
  'declaration.old-lienholder-historic': {
    id: 'declaration.old-lienholder-historic',
    guideSection: S.pSkiftPh,
    text:
      'A change of lienholder is answered with 34 (accept without fee) and a receipt Z70 sent automatically to the old ' +
      'lienholder; the old declaration is then historisk.',
    interpretation:
      'A Z70 ends the old declaration when it is in force (aktivt or midlertidigt) and is refused otherwise; as the first ' +
      'message of a declaration it is applied too (historisk), because the old lienholder may hold no earlier message of a ' +
      'declaration registered before its records begin.',
  },
  'declaration.lien-ended': {
    id: 'declaration.lien-ended',
    guideSection: S.pOphoert,
    text: 'When the lien ends the lienholder says so; the insurer updates the policy and does not answer.',
    interpretation: 'The declaration becomes historisk.',
  },
  'declaration.re-registration': {
    id: 'declaration.re-registration',
    guideSection: S.pGennotering,
    text:
      "A lienholder that reported a lien as ended by mistake can have the declaration re-registered without fee, only very " +
      'shortly after the "lien ended" message; it is not answered.',
    interpretation: 'Within 14 days (option reRegistrationWindowDays); the declaration returns to the state it had before.',
  },
  'declaration.lienholder-portfolio': {
    id: 'declaration.lienholder-portfolio',
    guideSection: S.pPortPh,
    text:
      'When a lienholder merges with or is taken over by another, every active electronic declaration is moved, one ' +
      'message each from the acquiring lienholder; the insurer can neither accept nor reject it, and the acquiring ' +
      'lienholder has the declaration once the message is received.',
    interpretation:
      "'Aktive' is the state aktivt ('Sager': \"Aktivt: Deklarationen er gyldig\"): a transfer of a declaration that is " +
      'ubesvaret, midlertidigt, under skift or historisk is refused.',
  },
  'declaration.insurer-portfolio': {
    id: 'declaration.insurer-portfolio',
    guideSection: S.pPortFs,
    text:
      'In a portfolio transfer between insurers every active electronic declaration is moved, one message each, with the ' +
      'acquiring insurer as sender; it then holds the declaration.',
    interpretation:
      "'Aktive' is the state aktivt ('Sager': \"Aktivt: Deklarationen er gyldig\"): a transfer of a declaration that is " +
      'ubesvaret, midlertidigt, under skift or historisk is refused.',
  },
  'declaration.reminder-needs-outstanding': {
    id: 'declaration.reminder-needs-outstanding',
    guideSection: S.pRykker,
    text: 'A lienholder that has had no answer to a declaration may send a reminder; the insurer answers the declaration.',
    interpretation: 'A reminder on a declaration that is not ubesvaret or under skift is refused.',
  },
  'declaration.duplicate-ignored': {
    id: 'declaration.duplicate-ignored',
    guideSection: S.sager,
    text: 'The panthaver guide has no rule on duplicates.',
    interpretation: 'By analogy with the opsigelser guide (case.duplicate-ignored), a message equal to an earlier one of the declaration is ignored.',
  },
  'declaration.content-error-refuses': {
    id: 'declaration.content-error-refuses',
    guideSection: `${S.kode12} (panthaver: by analogy)`,
    text: "A receiver refusing a message for its content sends a 12 with F01–F05; the refused message is not sent back.",
    interpretation: 'A 12 undoes the last message of the declaration that its sender had received.',
  },
} as const satisfies Record<string, RuleDefinition>;

/**
 * Every rule of the rules layer, keyed by id: the deadline rules of `deadlines.ts` plus the
 * accept policy (`accept.*`), the case rules (`case.*`), the bonus rules (`bonus.*`) and
 * the declaration rules (`declaration.*`). Ids are stable; `docs/rules.md` lists them all.
 */
export const ruleTable = {
  ...deadlineRules,
  ...acceptPolicyRules,
  ...caseRules,
  ...bonusRules,
  ...declarationRules,
} as const satisfies Record<string, RuleDefinition>;

/** A rule id of {@link ruleTable}. */
export type RuleId = keyof typeof ruleTable;

/** The definition of a rule by id. */
export function ruleDefinition(id: RuleId): RuleDefinition {
  return ruleTable[id];
}

/** True when `id` is a rule id of {@link ruleTable} (for ids read from stored JSON). */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(ruleTable, id);
}
