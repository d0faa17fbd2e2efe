/**
 * Opsigelser content rules that need data (F01) or judge a value in its context (F02):
 * opsigelser.md "Segments per kind" and "Case rules", default-profile.md's F01–F05 mapping.
 */
import { END_DATE_REASONS } from '../../messages/builders/opsigelser.js';
import { rejectionReasonCode } from '../../messages/profile.js';
import { branchGroup, endDateQualifier, latestCancellationDate, requiredReferences } from '../../schema/access.js';
import { isMissingPolicyNumber } from '../../schema/policy-number.js';
import type { GuideProfile } from '../../schema/profile.js';
import { count, find, findTop, kindNamed, perMessage, qualifier, val } from './helpers.js';
import { CANCELLATION_DATE_ROLES } from '../../messages/occurrence.js';
import { OPS_KINDS } from './opsigelser-kinds.js';
import { checkRequiredValues, OPSIGELSER_VALUES, requiredValues } from './required-values.js';
import type { ValidationRule, RuleContext } from './types.js';

const GUIDE = 'opsigelser.md (guide 5.5)';

/** Resolves the qualifiers the opsigelser rules read; `undefined` roles disable what needs them. */
export function opsCodes(p: GuideProfile) {
  const c = (tag: string, role: string): string => qualifier(p, tag, role) ?? `\u0000${tag}.${role}`;
  const nad: Record<string, string> = {};
  for (const role of ['recipient', 'sender', 'policyholder1', 'policyholder2', 'insuredLocation', 'cancelledBy']) nad[role] = c('NAD', role);
  return {
    c,
    nad,
    caseReference: c('RFF', 'caseReference'),
    policyNumber: c('RFF', 'policyNumber'),
    messageDate: c('DTM', 'messageDate'),
    otherDate: c('DTM', 'otherDate'),
    policyEndDate: c('DTM', 'policyEndDate'),
    endDate: endDateQualifier(p) ?? c('DTM', 'endDate'),
    shortenedNotice: c('DTM', 'shortenedNotice'),
    underwritingDate: c('DTM', 'underwritingDate'),
    lastStepChange: c('DTM', 'lastStepChange'),
    lastStepChangeUnknown: c('DTM', 'lastStepChangeUnknown'),
    claimsData: c('DOC', 'claimsData'),
    dateChanged: c('OSI', 'dateChanged'),
    cancellationDates: new Set(CANCELLATION_DATE_ROLES.map((r) => c('DTM', r))),
    endDateErc: new Set(END_DATE_REASONS.flatMap((r) => rejectionReasonCode(p, r) ?? [])),
    byCompanyErc: rejectionReasonCode(p, 'alreadyCancelledByCompany'),
  };
}

/** The branch group and product group of the message's BRC (`''` when absent) and the BRC index. */
function readBranch(ctx: RuleContext): { index: number; group: string; product: string } {
  const index = findTop(ctx, 'BRC');
  const s = ctx.segments[index];
  return { index, group: s ? val(s, 0, 0) : '', product: s ? val(s, 0, 1) : '' };
}

/** F01 and F02 rules of the opsigelser exchange. */
export function opsigelserDataRules(p: GuideProfile): ValidationRule[] {
  const k = opsCodes(p);
  const values = requiredValues(p, OPSIGELSER_VALUES);
  // Four rules of a 9 ask for the branch: found once per message.
  const branchOf = perMessage(readBranch);
  const firstCancellationDate = (ctx: RuleContext): number => {
    for (let i = 0; i < ctx.segments.length; i++) {
      const s = ctx.segments[i]!;
      if (s.tag === 'DTM' && ctx.groups[i] === null && k.cancellationDates.has(val(s, 0))) return i;
    }
    return -1;
  };
  return [
    {
      id: 'required-segment-missing',
      description: 'a segment or value the guide requires for this kind is missing',
      guideRef: `${GUIDE}: segments per kind`,
      appliesTo: Object.keys(OPS_KINDS),
      defaultCode: 'F01',
      check(ctx, report) {
        const spec = OPS_KINDS[ctx.kind]!;
        // One pass: where the required things are.
        let ref = -1;
        let messageDate = false;
        let erc = false;
        let cancellationDate = false;
        let claimsDoc = false;
        let anyDoc = false;
        let sif = -1;
        let brc = -1;
        let nads = 0;
        let underwriting = false;
        let stepChange = false;
        let endDate = false;
        const segs = ctx.segments;
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i]!;
          const q = val(s, 0);
          const top = ctx.groups[i] === null;
          checkRequiredValues(values, s, i, report);
          switch (s.tag) {
            case 'RFF':
              if (q === k.caseReference && ref === -1) ref = i;
              else if (q !== k.policyNumber && val(s, 0, 1) === '') report(i, `RFF ${q} has no reference number`, 1, 2);
              break;
            case 'DTM':
              if (top) {
                if (q === k.messageDate) messageDate = true;
                else if (k.cancellationDates.has(q)) cancellationDate = true;
              } else if (ctx.groups[i] === 'SIF') {
                if (q === k.underwritingDate) underwriting = true;
                else if (q === k.lastStepChange || q === k.lastStepChangeUnknown) stepChange = true;
                else if (q === k.policyEndDate) endDate = true;
              }
              break;
            case 'NAD':
              for (let r = 0; r < spec.requiredNad.length; r++) if (q === k.nad[spec.requiredNad[r]!]) nads |= 1 << r;
              break;
            case 'ERC':
              erc = true;
              break;
            case 'DOC':
              anyDoc = true;
              if (q === k.claimsData) claimsDoc = true;
              break;
            case 'SIF':
              if (sif === -1) sif = i;
              break;
            case 'BRC':
              if (brc === -1) brc = i;
              break;
          }
        }
        if (ref === -1) report(null, `the case reference (RFF ${k.caseReference}) is missing`);
        else if (val(segs[ref]!, 0, 1) === '') report(ref, 'the case reference is empty', 1, 2);
        if (!messageDate) report(null, `the message date (DTM ${k.messageDate}) is missing`);
        spec.requiredNad.forEach((role, r) => {
          if ((nads & (1 << r)) === 0) report(null, `NAD ${k.nad[role]} (${role}) is missing`);
        });
        if (spec.erc && !erc) report(null, 'ERC is missing');
        if (ctx.kind === 'cancellation' && !cancellationDate) report(null, 'the cancellation date (DTM 287, 288, 294 or 296) is missing');
        if (ctx.kind === 'bonusQuery' && !claimsDoc) report(null, `DOC ${k.claimsData} (claims data) is missing`);
        if (ctx.kind === 'reminder' && !anyDoc) report(null, 'a reminder needs DOC with what it chases');
        if (sif !== -1 && spec.bonus) {
          if (!underwriting) report(sif, `the bonus block lacks the underwriting date (DTM ${k.underwritingDate})`);
          if (!stepChange) report(sif, 'the bonus block lacks the date of the last premium-step change (DTM 290, or 293 when unknown)');
          if (ctx.kind === 'bonusAnswer' && !endDate) report(sif, `the bonus answer lacks the policy end date (DTM ${k.policyEndDate})`);
        }
        if (brc !== -1 && val(segs[brc]!, 0, 1) === '') report(brc, 'BRC has no product group', 1, 2);
      },
    },
    {
      id: 'policy-number-missing',
      description: 'policy number absent, blank (also when only spaces, dashes, dots or slashes), "ukendt" or question marks only',
      guideRef: `${GUIDE}: case rules (a policy number must be present)`,
      appliesTo: ['cancellation', 'bonusQuery'],
      defaultCode: 'F01',
      check(ctx, report) {
        const i = findTop(ctx, 'RFF', k.policyNumber);
        if (i === -1) return report(null, `the policy number (RFF ${k.policyNumber}) is missing`);
        const v = val(ctx.segments[i]!, 0, 1);
        if (isMissingPolicyNumber(v)) report(i, `the policy number ${JSON.stringify(v)} is not a policy number`, 1, 2);
      },
    },
    {
      id: 'insured-location-missing',
      description: 'insured location (NAD FS) missing on building insurance',
      guideRef: `${GUIDE}: 9 and 29 (insured location required for building insurance)`,
      appliesTo: ['cancellation', 'accept'],
      defaultCode: 'F01',
      check(ctx, report) {
        const b = branchOf(ctx);
        if (branchGroup(ctx.profile, b.group)?.requiresInsuredLocation && find(ctx, 'NAD', k.nad.insuredLocation) === -1) {
          report(null, `branch group ${b.group} needs the insured location (NAD ${k.nad.insuredLocation})`);
        }
      },
    },
    {
      id: 'object-reference-missing',
      description: 'the RFF identifying the insured object (registration number on motor, matrikel on building) missing',
      guideRef: `${GUIDE}: 9 (registration number or matrikel) and 29 (matrikel on building)`,
      appliesTo: [...new Set(Object.values(p.branchGroups).flatMap((b) => Object.keys(b.requiredReferences ?? {})))],
      defaultCode: 'F01',
      check(ctx, report) {
        const b = branchOf(ctx);
        for (const role of requiredReferences(ctx.profile, b.group, ctx.kind)) {
          // An empty one is required-segment-missing's (every RFF needs its value).
          const rff = k.c('RFF', role);
          if (findTop(ctx, 'RFF', rff) === -1) report(null, `branch group ${b.group} needs the ${role} (RFF ${rff}) in ${kindNamed(ctx)}`);
        }
      },
    },
    {
      id: 'end-date-missing-for-erc',
      description: 'end date (DTM 295) missing in a 27 with ERC 9, 10, 11 or 12',
      guideRef: `${GUIDE}: 27 Afvisning`,
      appliesTo: ['rejection'],
      defaultCode: 'F01',
      check(ctx, report) {
        const e = find(ctx, 'ERC');
        if (e === -1 || !k.endDateErc.has(val(ctx.segments[e]!, 0))) return;
        if (findTop(ctx, 'DTM', k.endDate) === -1) report(e, `ERC ${val(ctx.segments[e]!, 0)} needs the end date (DTM ${k.endDate})`, 1, 1);
      },
    },
    {
      id: 'free-text-missing-for-288',
      description: 'FTX missing in a 9 with DTM 288',
      guideRef: `${GUIDE}: 9 Opsigelse (288 needs FTX)`,
      appliesTo: ['cancellation'],
      defaultCode: 'F01',
      check(ctx, report) {
        const d = findTop(ctx, 'DTM', k.otherDate);
        if (d !== -1 && find(ctx, 'FTX') === -1) report(d, `DTM ${k.otherDate} (another date) needs FTX with the reason`);
      },
    },
    {
      id: 'bonus-info-missing',
      description: 'SIF missing in an 11',
      guideRef: `${GUIDE}: 11 Svar på bonusforespørgsel`,
      appliesTo: ['bonusAnswer'],
      defaultCode: 'F01',
      check(ctx, report) {
        if (find(ctx, 'SIF') === -1) report(null, 'the bonus answer has no bonus block (SIF)');
      },
    },
    {
      id: 'free-text-without-288',
      description: 'free text in a 9 without DTM 288',
      guideRef: `${GUIDE}: 9 Opsigelse (FTX only with 288)`,
      appliesTo: ['cancellation'],
      defaultCode: 'F02',
      check(ctx, report) {
        const f = find(ctx, 'FTX');
        if (f !== -1 && findTop(ctx, 'DTM', k.otherDate) === -1) report(f, `free text is only allowed in a cancellation with DTM ${k.otherDate}`);
      },
    },
    {
      id: 'bonus-query-branch-not-allowed',
      description: 'DOC 11 / bonus query outside branch group 001 products 001, 002, 004, 999',
      guideRef: `${GUIDE}: 9 and 13 (bonus only for motor)`,
      appliesTo: ['cancellation', 'bonusQuery', 'bonusAnswer', 'reminder', 'accept'],
      defaultCode: 'F02',
      check(ctx, report) {
        const asks =
          ctx.kind === 'bonusQuery' ||
          ctx.kind === 'bonusAnswer' ||
          find(ctx, 'DOC', k.claimsData) !== -1 ||
          (ctx.kind === 'accept' && find(ctx, 'SIF') !== -1);
        if (!asks) return;
        const b = branchOf(ctx);
        if (b.index === -1) return;
        if (!branchGroup(ctx.profile, b.group)?.bonusProductGroups.includes(b.product)) {
          report(b.index, `bonus information is only for branch/product groups that allow it; BRC ${b.group}:${b.product} does not`, 1);
        }
      },
    },
    {
      id: 'odc-without-changed-date',
      description: 'OSI ODC without a changed cancellation date',
      guideRef: `${GUIDE}: 29 Accept (OSI ODC + DTM)`,
      appliesTo: ['accept'],
      defaultCode: 'F02',
      check(ctx, report) {
        const o = findTop(ctx, 'OSI', k.dateChanged);
        if (o !== -1 && firstCancellationDate(ctx) === -1) report(o, `OSI ${k.dateChanged} needs the changed cancellation date (DTM)`, 1);
      },
    },
    {
      id: 'changed-date-without-odc',
      description: 'a changed cancellation date in a 29 without OSI ODC',
      guideRef: `${GUIDE}: 29 Accept (OSI ODC + DTM, both only when accepting per another date)`,
      appliesTo: ['accept'],
      defaultCode: 'F02',
      check(ctx, report) {
        const d = firstCancellationDate(ctx);
        if (d !== -1 && findTop(ctx, 'OSI', k.dateChanged) === -1) report(d, `a changed cancellation date needs OSI ${k.dateChanged}`, 1, 1);
      },
    },
    {
      id: 'shortened-notice-not-allowed',
      description: 'shortened notice (DTM 296) for a branch group that may not use it',
      guideRef: `${GUIDE}: known codes (branch groups 004 and 006 may not use shortened notice)`,
      appliesTo: ['cancellation'],
      defaultCode: 'F02',
      check(ctx, report) {
        const d = findTop(ctx, 'DTM', k.shortenedNotice);
        const b = branchOf(ctx);
        if (d !== -1 && branchGroup(ctx.profile, b.group)?.shortenedNoticeAllowed === false) report(d, `branch group ${b.group} may not use shortened notice`, 1, 1);
      },
    },
    {
      id: 'cancellation-date-too-far',
      description: 'a cancellation date further after the message date than the branch group allows (5 years)',
      guideRef: `${GUIDE}: 9 Opsigelse (cancellation date up to 5 years ahead on business and agriculture)`,
      appliesTo: ['cancellation'],
      defaultCode: 'F02',
      check(ctx, report) {
        const d = firstCancellationDate(ctx);
        const m = findTop(ctx, 'DTM', k.messageDate);
        if (d === -1 || m === -1) return;
        const date = val(ctx.segments[d]!, 0, 1);
        const { group } = branchOf(ctx);
        const latest = latestCancellationDate(ctx.profile, group, val(ctx.segments[m]!, 0, 1));
        // Both CCYYMMDD (a date of another form is invalid-date's).
        if (latest !== undefined && /^\d{8}$/.test(date) && /^\d{8}$/.test(latest) && date > latest) {
          report(d, `branch group ${group}: the cancellation date ${date} lies after ${latest}, ${branchGroup(ctx.profile, group)?.cancellationYearsAhead ?? ''} years after the message date`, 1, 2);
        }
      },
    },
    {
      id: 'too-many-claims',
      description: 'more than 10 claims (SHI + DTM pairs)',
      guideRef: `${GUIDE}: 11 (SHI + DTM up to 10 times)`,
      appliesTo: ['bonusAnswer', 'accept'],
      defaultCode: 'F02',
      check(ctx, report) {
        if (count(ctx, 'SHI') <= 10) return;
        let n = 0;
        for (let i = 0; i < ctx.segments.length; i++) if (ctx.segments[i]!.tag === 'SHI' && ++n === 11) report(i, 'at most 10 claims may be sent');
      },
    },
  ];
}
