/**
 * `fp-opsigelser/5.5-reconstructed`: the opsigelser (cancellation) exchange exactly as
 * default-profile.md of the project's specification fixes it. Seed-backed values (`S`, seed 002 =
 * F&P "EDI-guide for Opsigelser" 5.5) have `assumption: false`; everything else is ours.
 */
import { a, codeList, contentErrorCodes, rejectionReasons, rule, SHI_CONSEQUENCE, table, virRule } from '../codelists.js';
import type { GuideProfile } from '../profile.js';
import { annotateLayout, FP_ADDRESS_NAD, FP_COMPANY_NAD, FP_SHARED_USE, pickLayouts, withQualifierUse } from '../segments.js';
import { withFpRequired } from '../required.js';

const DP = 'default-profile.md (A)';
const SEED = 'seed 002';

/**
 * ERC codes: the `rejectionCodes` code list and the named reasons table. 9, 10, 11, 12, 19
 * and 23 are the seed's; 1–8 are ours; 13–18 and 20–22 are in the list only.
 */
const REJECTIONS = rejectionReasons(
  'A',
  `${SEED} for 9, 10, 11, 12, 19, 23; the rest is not public`,
  [
    {
      flag: 'S',
      source: SEED,
      rows: [
        ['alreadyCancelledByCompany', '9', 'already cancelled by another company'],
        ['alreadyCancelledByPolicyholder', '10', 'already cancelled by the policyholder'],
        ['lapsedArrears', '11', 'lapsed because of arrears'],
        ['lapsedOther', '12', 'lapsed for another reason'],
        ['withdrawalOriginalNotAccepted', '19', 'withdrawal refused: original cancellation not yet accepted'],
        ['shortenedNoticePrivateOnly', '23', 'shortened notice only for private customers'],
      ],
    },
    {
      flag: 'A',
      source: DP,
      reasonSource: `${DP}: number chosen from the unused 1–23`,
      rows: [
        ['policyUnknown', '1', 'policy unknown'],
        ['wrongBranch', '2', 'wrong branch / product group'],
        ['nameMismatch', '3', 'policyholder name does not match'],
        ['registrationMismatch', '4', 'registration number does not match'],
        ['locationMismatch', '5', 'insured location does not match'],
        ['cancellationAlreadyAccepted', '6', 'cancellation already accepted'],
        ['cancellationPending', '7', 'an earlier cancellation is still pending'],
        ['otherReason', '8', 'other reason'],
      ],
    },
  ],
  ['13', '14', '15', '16', '17', '18', '20', '21', '22'].map((n) => [n, `reason ${n} (not public)`, 'A', DP] as const),
);

/**
 * Seed 002, 2.9.1: "DTM med opsigelsesdato (kan være op til 5 år frem i tiden på erhverv og landbrug)"; 2.3: business
 * policies end "ved førstkommende hovedforfald, som kan ligge op til 5 år frem i tiden". No branch goes further than
 * business and agriculture (private policies end "normalt til førstkommende hovedforfald"), so 5 years is every
 * group's ceiling; a partner may set a group's lower.
 */
const CANCELLATION_YEARS_AHEAD = 5;

const branch = (
  name: string,
  flag: 'S' | 'A',
  source: string,
  o: { bonus?: string[]; location?: boolean; name?: boolean; bothHolders?: boolean; shortened?: boolean; references?: Record<string, string[]> } = {},
) => ({
  name,
  assumption: flag === 'A',
  source,
  bonusProductGroups: o.bonus ?? [],
  requiresInsuredLocation: o.location ?? false,
  nameMustMatch: o.name ?? false,
  shortenedNoticeAllowed: o.shortened ?? true,
  cancellationYearsAhead: CANCELLATION_YEARS_AHEAD,
  ...(o.bothHolders && { bothHoldersRequired: true }),
  ...(o.references && { requiredReferences: o.references }),
});


/**
 * Positions by party (`byQualifier`), where a qualifier narrows its segment's layout further:
 * a company NAD has no address and the insured location no id or name; the ejerlav (C506
 * component 5) belongs to the matrikel (RFF+MAT:<number>:::<ejerlav>, every other RFF+<q>:<ref>);
 * DTM 293 carries no date (seed 002, page 12: "Hvis datoen for sidste trinskift ikke kan oplyses,
 * anføres datoen som blank, men med kvalifikator 293").
 */
const QUALIFIER_USE: Record<string, Record<string, string[]>> = {
  NAD: { recipient: FP_COMPANY_NAD, sender: FP_COMPANY_NAD, cancelledBy: FP_COMPANY_NAD, insuredLocation: FP_ADDRESS_NAD },
  RFF: { caseReference: ['1.1', '1.2'], policyNumber: ['1.1', '1.2'], registrationNumber: ['1.1', '1.2'], matrikel: ['1.1', '1.2', '1.5'] },
  DTM: { lastStepChangeUnknown: ['1.1', '1.3'] },
};

/** The opsigelser 5.5 profile (reconstructed). Frozen by `getProfile`'s module. */
export const opsigelser55: GuideProfile = {
  id: 'fp-opsigelser/5.5-reconstructed',
  exchange: 'opsigelser',
  title: 'F&P EDI-guide for Opsigelser 5.5 — reconstructed default profile',
  interchange: {
    syntaxId: a('UNOC', 'A', `${DP}: Danish letters need Latin-1`),
    syntaxVersion: a('3', 'A', DP),
    idQualifier: a('ZZ', 'A', `${DP}; VIR numbers as ids are S`),
    acceptedSyntaxIds: a(['UNOA', 'UNOB', 'UNOC', 'UNOY'], 'A', `${DP}: readers accept these`),
    virRule: virRule(),
  },
  messageIdentifier: {
    type: a('OPSIGE', 'A', DP),
    version: a('1', 'A', DP),
    release: a('911', 'A', `${DP}: encoding of the 91.1 directory (the directory itself is S, seed 002)`),
    agency: a('UN', 'A', DP),
  },
  dateFormat: a('102', 'A', `${DP}: CCYYMMDD; the DTM format code is not public`),
  documentCodes: table('S', `${SEED} (BGM kinds)`, {
    cancellation: '9',
    bonusAnswer: '11',
    contentError: '12',
    bonusQuery: '13',
    reminder: '15',
    rejection: '27',
    accept: '29',
  }),
  qualifiers: {
    RFF: table('A', DP, { caseReference: 'OPS', policyNumber: 'POL', registrationNumber: 'REG', matrikel: 'MAT' }),
    DTM: {
      messageDate: a('137', 'S', SEED),
      cancellationDate: a('287', 'A', DP),
      otherDate: a('288', 'S', SEED),
      withdrawal: a('294', 'S', SEED),
      policyEndDate: a('295', 'S', `${SEED} (pure bonus query)`),
      endDate: a('295', 'A', `${DP}: the end date of a 27 (seed 002 names no qualifier); 295 as in the pure bonus query`),
      shortenedNotice: a('296', 'S', SEED),
      underwritingDate: a('291', 'A', DP),
      lastStepChange: a('290', 'S', SEED),
      lastStepChangeUnknown: a('293', 'S', SEED),
      claimDate: a('292', 'A', DP),
    },
    NAD: table('A', DP, { recipient: 'MR', sender: 'MS', policyholder1: 'FT1', policyholder2: 'FT2', insuredLocation: 'FS', cancelledBy: 'OPS' }),
    NADIdType: table('A', `${DP}: id type in C082/3055`, { vir: 'VIR', cpr: 'CPR', cvr: 'CVR' }),
    DOC: { claimsData: a('11', 'S', SEED), cancellationAnswer: a('9', 'A', `${DP}: the code chasing a cancellation answer is not public`) },
    FTX: table('A', DP, { textSubject: 'AAI' }),
    CTA: table('A', DP, { contactFunction: 'IC' }),
    OSI: table('S', SEED, { buildingFire: 'BRO', dateChanged: 'ODC' }),
  },
  codeLists: {
    shiConsequence: SHI_CONSEQUENCE,
    premiumStepFixed: codeList('S', SEED, [['FASTP', 'fixed premium without steps']]),
    contentErrorCodes: contentErrorCodes('S', `${SEED} (codes F01–F05)`),
    rejectionCodes: REJECTIONS.codeList,
  },
  rejectionReasons: REJECTIONS.reasons,
  contentRules: {
    'required-segment-missing': rule('F01', 'a segment or value the guide requires for this kind is missing', 'seed 002: segments per kind'),
    'policy-number-missing': rule('F01', 'policy number absent, blank (also when only spaces, dashes, dots or slashes), "ukendt" or question marks only', 'seed 002: case rules (policy number must be present)'),
    'insured-location-missing': rule('F01', 'insured location (NAD FS) missing on building insurance', 'seed 002: 9 and 29 (insured location)'),
    'object-reference-missing': rule('F01', 'the RFF identifying the insured object (registration number on motor, matrikel on building) missing', 'seed 002: 9 (registration number or matrikel) and 29 (matrikel on building)'),
    'end-date-missing-for-erc': rule('F01', 'end date (DTM 295) missing in a 27 with ERC 9, 10, 11 or 12', 'seed 002: 27 Afvisning'),
    'free-text-missing-for-288': rule('F01', 'FTX missing in a 9 with DTM 288', 'seed 002: 9 Opsigelse (288 needs FTX)'),
    'bonus-info-missing': rule('F01', 'SIF missing in an 11', 'seed 002: 11 Svar på bonusforespørgsel'),
    'free-text-without-288': rule('F02', 'free text in a 9 without DTM 288', 'seed 002: 9 Opsigelse (FTX only with 288)'),
    'bonus-query-branch-not-allowed': rule('F02', 'DOC 11 / bonus query outside branch group 001 products 001, 002, 004, 999', 'seed 002: 9 and 13 (bonus only for motor)'),
    'odc-without-changed-date': rule('F02', 'OSI ODC without a changed cancellation date', 'seed 002: 29 Accept (ODC + DTM)'),
    'changed-date-without-odc': rule('F02', 'a changed cancellation date in a 29 without OSI ODC', 'seed 002: 29 Accept (ODC + DTM, both only when accepting per another date)'),
    'shortened-notice-not-allowed': rule('F02', 'shortened notice (DTM 296) for a branch group that may not use it', 'seed 002: branch groups 004 and 006 (no shortened notice)'),
    'cancellation-date-too-far': rule('F02', 'a cancellation date further after the message date than the branch group allows (5 years)', 'seed 002: 9 Opsigelse (cancellation date up to 5 years ahead on business and agriculture)'),
    'too-many-claims': rule('F02', 'more than 10 claims (SHI + DTM pairs)', 'seed 002: 11 Svar på bonusforespørgsel (SHI + DTM up to 10 times)'),
    'invalid-date': rule('F02', 'a date that is not a real date', 'default-profile.md F02'),
    'unknown-code': rule('F02', 'a code that is not in the code list for its position', 'default-profile.md F02'),
    'first-nad-not-unb-recipient': rule('F03', 'first NAD is not the UNB recipient', 'seed 002: first NAD = receiver'),
    'second-nad-not-unb-sender': rule('F03', 'second NAD is not the UNB sender', 'seed 002: second NAD = sender'),
    'reference-unknown': rule('F03', 'a reply whose cancellation reference is unknown', 'seed 002: numbering (cancellation reference)'),
    'brc-changed': rule('F03', 'BRC changed against the original cancellation', 'seed 002: accept policy (never change BRC)'),
    'segment-not-allowed-for-kind': rule('F04', 'a segment the table allows but this kind must not carry', 'seed 002: segments per kind'),
    'erc-in-cancellation': rule('F04', 'ERC in a 9', 'seed 002: 9 Opsigelse'),
    'doc-in-rejection': rule('F04', 'DOC in a 27', 'seed 002: 27 Afvisning'),
    'bonus-block-not-allowed': rule('F04', 'a bonus block (SIF/SHI) in a 9 or 13', 'seed 002: 9 and 13'),
    'osi-bro-outside-cancellation': rule('F04', 'OSI BRO outside a 9', 'seed 002: 9 Opsigelse (OSI BRO)'),
    'nad-ops-not-allowed': rule('F04', 'NAD OPS outside a 27 with ERC 9', 'seed 002: 27 Afvisning (third NAD with ERC 9)'),
    'end-date-in-cancellation': rule('F04', 'DTM 295 end date in a 9', 'seed 002: 13 (295 only for a pure bonus query)'),
    'state-not-allowed': rule('F05', "the message is not allowed in the case's current state", 'default-profile.md F05'),
    'cancellation-while-pending': rule('F05', 'a second cancellation while one is unanswered', 'seed 002: case rules (send a reminder)'),
    'reminder-too-early': rule('F05', 'a reminder earlier than 21 days after what it chases', 'seed 002: deadlines (21 days)'),
    'cancellation-already-accepted': rule('F05', 'a cancellation on a policy whose cancellation was already accepted', 'seed 002: case rules (one EDI cancellation per policy)'),
  },
  branchGroups: {
    // Seed 002 section 2.9: a 9 always sends 'RFF med registreringsnummer ved motorforsikring eller matrikelnummer ved
    // bygningsforsikring'; a 29 on building 'RFF med det afgivende selskabs oplysninger om matrikelnummer og ejerlav'.
    '001': branch('motor', 'S', `${SEED}: branch 001, bonus products 001 002 004 999; a 9 carries the registration number`, {
      bonus: ['001', '002', '004', '999'],
      references: { cancellation: ['registrationNumber'] },
    }),
    '002': branch('building', 'A', `${DP}: Bilag 2 not public; a 9 and a 29 carry the matrikel (${SEED})`, {
      location: true,
      references: { cancellation: ['matrikel'], accept: ['matrikel'] },
    }),
    '003': branch('family / contents', 'A', `${DP}: Bilag 2 not public`, { name: true }),
    '004': branch('business', 'S', `${SEED}: no shortened notice; cancellation date up to 5 years ahead`, { shortened: false }),
    '005': branch('accident', 'A', `${DP}: Bilag 2 not public`, { name: true, bothHolders: true }),
    '006': branch('agriculture', 'S', `${SEED}: no shortened notice; cancellation date up to 5 years ahead`, { shortened: false }),
    '007': branch('pleasure boat', 'A', `${DP}: Bilag 2 not public`, { name: true, bothHolders: true }),
    '999': branch('other', 'A', `${DP}: Bilag 2 not public`),
  },
  // Only the positions default-profile.md's wire forms use: RFF+<q>:<ref> (MAT:<number>:::<ejerlav>), DOC+<code>.
  // Always sent (FP_REQUIRED): what the typed messages read and only the layout refuses empty — the BGM kind code, every
  // qualifier, a party id with its type (NAD+<q>+<id>::<id type>), a date's format (DTM+<q>:<date>:102), …
  segments: Object.entries(QUALIFIER_USE).reduce(
    (layouts, [tag, byQualifier]) => withQualifierUse(layouts, tag, byQualifier),
    withFpRequired(
      annotateLayout(
        pickLayouts(['UNB', 'UNZ', 'UNG', 'UNE', 'UNH', 'BGM', 'ERC', 'RFF', 'OSI', 'DTM', 'DOC', 'FTX', 'NAD', 'BRC', 'CTA', 'SIF', 'SHI', 'UNT'], {
          ...FP_SHARED_USE,
          RFF: ['1.1', '1.2', '1.5'],
          DOC: ['1.1'],
        }),
        'BGM',
        false,
        `${SEED}: kinds 9, 11, 12, 13, 15, 27, 29 (2.9); 1004 not used (2.10 'Meddelelsens nummer': "I EDI-opsigelser anvendes dette nummer ikke")`,
      ),
      'opsigelser',
    ),
  ),
  structure: {
    assumption: true,
    source: 'default-profile.md (A): positions, status and repetitions; F&P Bilag 1 not public',
    entries: [
      { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
      { position: '0020', tag: 'BGM', status: 'M', maxRepeat: 1, note: 'kind: 9, 11, 12, 13, 15, 27, 29' },
      { position: '0030', tag: 'ERC', status: 'C', maxRepeat: 1, note: '1–23 in a 27, F01–F05 in a 12' },
      { position: '0040', tag: 'RFF', status: 'M', maxRepeat: 1, note: 'case reference RFF+OPS' },
      { position: '0050', tag: 'OSI', status: 'C', maxRepeat: 1, note: 'BRO or ODC' },
      { position: '0060', tag: 'DTM', status: 'M', maxRepeat: 4, note: '137 message date; 287/288/294/296 cancellation date; 295 end date' },
      { position: '0070', tag: 'DOC', status: 'C', maxRepeat: 2, note: 'DOC+11 claims data; in a 15 DOC+9 / DOC+11 (1–2 DOC, seed 002)' },
      { position: '0080', tag: 'FTX', status: 'C', maxRepeat: 5, note: 'FTX+AAI+++text:text…' },
      { position: '0090', tag: 'NAD', status: 'M', maxRepeat: 6, note: 'receiver first, sender second (order S, seed 002)' },
      { position: '0100', tag: 'RFF', status: 'C', maxRepeat: 3, note: 'POL policy number, REG registration number, MAT matrikel:::ejerlav' },
      { position: '0110', tag: 'BRC', status: 'M', maxRepeat: 1, note: 'branch group : product group' },
      { position: '0120', tag: 'CTA', status: 'C', maxRepeat: 1, note: 'CTA+IC+:contact name' },
      {
        position: '0130', group: 'SG1', status: 'C', maxRepeat: 1, note: 'bonus block',
        children: [
          { position: '0140', tag: 'SIF', status: 'M', maxRepeat: 1, note: 'premium step or FASTP + claim-free years' },
          { position: '0150', tag: 'DTM', status: 'C', maxRepeat: 3, note: '291 underwriting, 290 last step change or 293 blank, 295 end date' },
        ],
      },
      {
        position: '0160', group: 'SG2', status: 'C', maxRepeat: 10, note: 'claim', assumption: false, source: `${SEED}: at most 10 claims`,
        children: [
          { position: '0170', tag: 'SHI', status: 'M', maxRepeat: 1, note: 'consequence code 1–6' },
          { position: '0180', tag: 'DTM', status: 'M', maxRepeat: 1, note: 'DTM+292 claim date' },
        ],
      },
      { position: '0190', tag: 'UNT', status: 'M', maxRepeat: 1 },
    ],
  },
};
