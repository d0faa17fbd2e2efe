/**
 * `fp-panthaver/5.2-reconstructed`: the panthaverdeklaration (lienholder declaration)
 * exchange exactly as default-profile.md of the project's specification fixes it. Seed 001 is F&P's
 * Web-EDI user guide (2011); `RN` marks facts from public F&P material beyond it.
 */
import { a, codeList, contentErrorCodes, rejectionReasons, rule, table, virRule } from '../codelists.js';
import type { GuideProfile } from '../profile.js';
import { annotateLayout, FP_COMPANY_NAD, FP_SHARED_USE, pickLayouts, withQualifierUse } from '../segments.js';
import { withFpRequired } from '../required.js';

const DP = 'default-profile.md (A)';
const SEED = 'seed 001';
const RN = 'public F&P material beyond the seeds';

/** ERC codes: the `rejectionReasons` code list and the named reasons table. */
const REJECTIONS = rejectionReasons('A', `${DP}: rejection-reason codes not public`, [
  {
    rows: [
      ['policyUnknown', '1', 'policy unknown'],
      ['objectNotInsured', '2', 'object not insured with us'],
      ['coverTypeMismatch', '3', 'cover type does not match the insured object'],
      ['declarationTypeNotAllowed', '4', 'declaration type not allowed for the object'],
      ['duplicateDeclaration', '5', 'declaration already registered'],
      ['policyEnded', '6', 'policy has ended'],
      ['informationMissing', '7', 'information missing or wrong'],
      ['otherReason', '8', 'other reason'],
    ],
  },
]);

/** The panthaver 5.2 profile (reconstructed). */
export const panthaver52: GuideProfile = {
  id: 'fp-panthaver/5.2-reconstructed',
  exchange: 'panthaver',
  title: 'F&P EDI-guide for Panthaverdeklarationer 5.2 — reconstructed default profile',
  interchange: {
    syntaxId: a('UNOC', 'A', `${DP}: Danish letters need Latin-1`),
    syntaxVersion: a('3', 'A', DP),
    idQualifier: a('ZZ', 'A', DP),
    acceptedSyntaxIds: a(['UNOA', 'UNOB', 'UNOC', 'UNOY'], 'A', `${DP}: readers accept these`),
    virRule: virRule(),
  },
  messageIdentifier: {
    type: a('PANTDE', 'A', DP),
    version: a('1', 'A', DP),
    release: a('911', 'A', DP),
    agency: a('UN', 'A', DP),
  },
  dateFormat: a('102', 'A', `${DP}: CCYYMMDD`),
  documentCodes: {
    ...table('A', `${DP}: BGM codes not public`, {
      newDeclaration: '30',
      reminder: '31',
      changeOfLienholder: '32',
      accept: '33',
      rejection: '27',
      lienEnded: '36',
      reRegistration: '37',
      lienholderPortfolioTransfer: '38',
      coverageEndedOther: 'Z12',
      administrativeCorrection: 'Z50',
      insurerPortfolioTransfer: 'Z80',
      contentError: '12',
    }),
    acceptWithoutFee: a('34', 'S', `${SEED}: "34+Z70"`),
    coverageEndedArrears: a('Z10', 'S', SEED),
    coverageEndedComprehensive: a('Z11', 'S', RN),
    sumInsuredChanged: a('Z15', 'S', SEED),
    coverageRestored: a('Z20', 'S', SEED),
    changeOfInsurer: a('Z40', 'S', SEED),
    priorityChanged: a('Z60', 'S', SEED),
    oldLienholderReceipt: a('Z70', 'S', SEED),
  },
  qualifiers: {
    RFF: table('A', DP, {
      declarationNumber: 'DEK',
      senderReference: 'REF',
      policyNumber: 'POL',
      debtorReference: 'DEB',
      specialAgreement: 'SAF',
      registrationNumber: 'REG',
      chassisNumber: 'STL',
      engineNumber: 'MOT',
      buildNumber: 'BYG',
    }),
    DTM: table('A', DP, { messageDate: '137', effectiveDate: '7', cessationDate: '206' }),
    ATT: table('A', `${DP}: layout A (codes S)`, { lienType: 'PNT', declarationType: 'DKL', priority: 'PRI' }),
    ICD: table('A', DP, { coverScheme: 'DK' }),
    MOA: table('A', DP, { sumInsured: 'FSU', lienAmount: 'PNT' }),
    NAD: table('A', DP, { recipient: 'MR', sender: 'MS', debtor: 'DEB', oldLienholder: 'GPH', newInsurer: 'NFS' }),
    NADIdType: table('A', `${DP}: id type in C082/3055`, { vir: 'VIR', cpr: 'CPR', cvr: 'CVR' }),
    FTX: table('A', DP, { textSubject: 'AAI' }),
    CTA: table('A', DP, { contactFunction: 'IC' }),
    declarationTypeCodes: {
      // The ATT DKL code of each declaration type, by the letter the guide and the rules use.
      B: a('ZBB', 'S', 'seed 001: B-deklaration (ZBB)'),
      F: a('ZFF', 'S', 'seed 001: F-deklaration (ZFF)'),
      R: a('ZRR', 'A', `${DP}: R-declaration code not public`),
      D: a('ZDD', 'A', `${DP}: D-declaration code not public`),
      E: a('ZEE', 'A', `${DP}: E-declaration code not public`),
      L: a('ZLL', 'A', `${DP}: L-declaration code not public`),
    },
  },
  codeLists: {
    lienType: codeList('S', `${SEED} (panttype)`, [
      ['ZPA', 'pledge (pantsætning)'],
      ['ZLE', 'leasing'],
      ['ZSA', 'sale with retention of title (ejendomsforbehold)'],
    ]),
    declarationType: codeList('S', `${SEED} for ZBB, ZFF`, [
      ['ZBB', 'B-declaration (auto)'],
      ['ZFF', 'F-declaration (auto, agriculture/business)'],
      ['ZRR', 'R-declaration (agriculture/business)', 'A', DP],
      ['ZDD', 'D-declaration (movable property)', 'A', DP],
      ['ZEE', 'E-declaration (movable property)', 'A', DP],
      ['ZLL', 'L-declaration (pleasure boat)', 'A', DP],
    ]),
    coverType: codeList('S', `${SEED} (dækningstype, ICD C331/4495)`, [
      ['ZKA', 'comprehensive including fire'],
      ['ZKM', 'machinery comprehensive with fire, theft and water'],
    ]),
    priority: codeList('S', `${SEED}: Z91 1st, Z92 2nd`, [
      ['Z91', '1st priority'],
      ['Z92', '2nd priority'],
      ['Z93', '3rd priority', 'S', `${RN}: priorities 1–4 (seed 001: "Z91 = 1. prioritet, Z92 = 2. prioritet osv.")`],
      ['Z94', '4th priority', 'S', `${RN}: priorities 1–4 (seed 001: "Z91 = 1. prioritet, Z92 = 2. prioritet osv.")`],
    ]),
    contentErrorCodes: contentErrorCodes('A', `${DP}: F01–F05 as in opsigelser`),
    rejectionReasons: REJECTIONS.codeList,
  },
  rejectionReasons: REJECTIONS.reasons,
  contentRules: {
    'required-segment-missing': rule('F01', 'a segment or value the guide requires for this kind is missing', 'seed 001: fields per message'),
    'invalid-date': rule('F02', 'a date that is not a real date', 'default-profile.md F02'),
    'unknown-code': rule('F02', 'a code that is not in the code list for its position', 'default-profile.md F02'),
    'cover-type-change-not-allowed': rule('F02', 'a new cover type on a D, E or L declaration', 'seed 001: coverage ended'),
    'accept-date-too-late': rule('F02', 'an L accept dated later than receipt + 14 days', 'seed 001: accept'),
    'sum-insured-not-whole-kroner': rule('F02', 'a sum insured (MOA FSU) that is not whole kroner', 'seed 001: accept (i hele kroner uden punktum)'),
    'first-nad-not-unb-recipient': rule('F03', 'first NAD is not the UNB recipient', 'default-profile.md F03'),
    'second-nad-not-unb-sender': rule('F03', 'second NAD is not the UNB sender', 'default-profile.md F03'),
    'reference-unknown': rule('F03', 'an answer whose declaration number is unknown', 'default-profile.md F03'),
    'segment-not-allowed-for-kind': rule('F04', 'a segment the table allows but this kind must not carry', 'default-profile.md F04'),
    'state-not-allowed': rule('F05', "the message is not allowed in the declaration's current state", 'seed 001: declaration states'),
    'sum-change-not-for-l': rule('F05', 'Z15 (sum insured changed) on a declaration that is not an L', 'seed 001: Z15 only for L'),
    'restore-without-cessation': rule('F05', 'Z20 without a preceding coverage-ended or Z40', 'seed 001: Z20'),
    'change-of-insurer-too-early': rule('F05', 'Z40 more than 30 days before the policy ends', 'seed 001: Z40'),
    'reminder-too-early': rule('F05', 'a reminder before the 20 days after the declaration have passed (day 21)', 'seed 001: reminder'),
  },
  branchGroups: {},
  // Only the positions default-profile.md's wire forms use: RFF+<q>:<ref>, ATT+<q>++<code>, ICD+DK+<cover>, MOA+<q>:<amount>.
  // Always sent (FP_REQUIRED): what the typed messages read and only the layout refuses empty — the BGM kind code, every
  // qualifier, a party id with its type (NAD+<q>+<id>::<id type>), a date's format (DTM+<q>:<date>:102), …
  segments: withQualifierUse(
    withFpRequired(
      annotateLayout(
        pickLayouts(['UNB', 'UNZ', 'UNG', 'UNE', 'UNH', 'BGM', 'ERC', 'RFF', 'DTM', 'ATT', 'ICD', 'MOA', 'FTX', 'NAD', 'CTA', 'UNT'], {
          ...FP_SHARED_USE,
          RFF: ['1.1', '1.2'],
          ATT: ['1', '3.1'],
          ICD: ['1.1', '2.1'],
          MOA: ['1.1', '1.2'],
        }),
        'BGM',
        true,
        `${DP}: BGM+<kind>', 1004 not used as in opsigelser (seed 002 2.10); ${SEED} is silent on BGM (a Web-EDI user guide: message content is "beskrevet i en separat EDI-guide", not public)`,
      ),
      'panthaver',
    ),
    'NAD',
    { recipient: FP_COMPANY_NAD, sender: FP_COMPANY_NAD, oldLienholder: FP_COMPANY_NAD, newInsurer: FP_COMPANY_NAD },
  ),
  structure: {
    assumption: true,
    source: 'default-profile.md (A); public fragments of F&P Bilag 1 5.2 (ATT C 9, RFF C 9)',
    entries: [
      { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
      { position: '0020', tag: 'BGM', status: 'M', maxRepeat: 1, note: 'kind' },
      { position: '0030', tag: 'ERC', status: 'C', maxRepeat: 3, note: 'rejection reasons (1–3, seed 001) or F01–F05 in a 12' },
      { position: '0040', tag: 'RFF', status: 'M', maxRepeat: 9, note: 'DEK REF POL DEB SAF REG STL MOT BYG' },
      { position: '0050', tag: 'DTM', status: 'M', maxRepeat: 5, note: '137 message date; 7 effective; 206 cessation' },
      { position: '0060', tag: 'ATT', status: 'C', maxRepeat: 9, note: 'PNT lien type, DKL declaration type, PRI priority' },
      { position: '0070', tag: 'ICD', status: 'C', maxRepeat: 1, note: 'cover type in C331/4495' },
      { position: '0080', tag: 'MOA', status: 'C', maxRepeat: 2, note: 'FSU sum insured, PNT lien amount' },
      { position: '0090', tag: 'FTX', status: 'C', maxRepeat: 5, note: 'free text' },
      { position: '0100', tag: 'NAD', status: 'M', maxRepeat: 5, note: 'MR, MS, DEB, GPH (Z70), NFS (Z40)' },
      { position: '0110', tag: 'CTA', status: 'C', maxRepeat: 1 },
      { position: '0120', tag: 'UNT', status: 'M', maxRepeat: 1 },
    ],
  },
};
