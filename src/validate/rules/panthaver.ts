/**
 * Panthaver content rules that can be judged from one message (panthaver.md): what each kind
 * must carry (F01), codes in context and the sum insured in whole kroner (F02), ERC only where
 * it belongs (F04), Z15 only on L, no new cover type on D/E/L, Z40 at most 30 days ahead (F05).
 * The L, D and E declaration-type codes are the profile's `qualifiers.declarationTypeCodes`.
 */
import { repeatedSegments } from '../../messages/occurrence.js';
import { NAD_FIELDS } from '../../messages/panthaver/read.js';
import { lienholderFields, PANTHAVER_SENT_BY, type PanthaverKind } from '../../messages/types/panthaver.js';
import { declarationTypeCode } from '../../schema/access.js';
import type { GuideProfile } from '../../schema/profile.js';
import { CHANGE_OF_INSURER_MAX_DAYS, COVERAGE_ENDED_KINDS, WHOLE_KRONER } from '../../schema/rule-facts.js';
import { codesOf, dayNumber, find, findTop, idTypeRefusal, kindNamed, qualifier, val } from './helpers.js';
import { checkRequiredValues, PANTHAVER_VALUES, requiredValues } from './required-values.js';
import type { ValidationRule, RuleContext } from './types.js';

const GUIDE = 'panthaver.md (Web-EDI guide 2011)';

/** Per kind: [segment tag, qualifier role] that must be present (`null` role: any); that each sent one has its values is {@link PANTHAVER_VALUES}. */
const REQUIRED: Readonly<Record<string, ReadonlyArray<readonly [string, string | null]>>> = {
  newDeclaration: [['ATT', 'lienType'], ['ATT', 'declarationType'], ['NAD', 'debtor']],
  changeOfLienholder: [['ATT', 'lienType'], ['ATT', 'declarationType'], ['NAD', 'debtor']],
  accept: [['DTM', 'effectiveDate']],
  acceptWithoutFee: [['DTM', 'effectiveDate']],
  rejection: [['ERC', null]],
  coverageEndedArrears: [['DTM', 'cessationDate']],
  coverageEndedComprehensive: [['DTM', 'cessationDate']],
  coverageEndedOther: [['DTM', 'cessationDate']],
  sumInsuredChanged: [['MOA', 'sumInsured']],
  coverageRestored: [['DTM', 'effectiveDate']],
  changeOfInsurer: [['DTM', 'cessationDate'], ['NAD', 'newInsurer']],
  priorityChanged: [['ATT', 'priority']],
  contentError: [['ERC', null]],
};

/** How many ERCs a kind carries: a rejection 1–3 reasons (seed 001: "Der kan vælges op til 3 fejlårsager"), a 12'er its one content error; others none. */
const ERCS_ALLOWED: Readonly<Record<string, number>> = { rejection: 3, contentError: 1 };

/**
 * Per kind, per NAD qualifier: whom the NAD names and the id types (C082/3055) it may carry, as
 * `decodeMessage` reads them — an insurer by VIR, a lienholder ({@link lienholderFields}) by VIR
 * or CVR, the debtor by CPR or CVR. An id type the profile has not is not expected; a company
 * NAD is not checked without the VIR code, the debtor when the profile has neither CPR nor CVR (as in opsigelser).
 */
function partyIdTypes(p: GuideProfile, kinds: readonly string[]): ReadonlyMap<string, ReadonlyMap<string, readonly [who: string, allowed: readonly string[]]>> {
  const [vir, cpr, cvr] = ['vir', 'cpr', 'cvr'].map((t) => qualifier(p, 'NADIdType', t));
  const known = (...ts: Array<string | undefined>): string[] => ts.filter((t): t is string => t !== undefined);
  const byKind = new Map<string, Map<string, readonly [string, readonly string[]]>>();
  for (const kind of kinds) {
    if (!Object.hasOwn(PANTHAVER_SENT_BY, kind)) continue;
    const lienholders: readonly string[] = lienholderFields(kind as PanthaverKind);
    const parties = new Map<string, readonly [string, readonly string[]]>();
    for (const [role, shape] of NAD_FIELDS) {
      const code = qualifier(p, 'NAD', role);
      const party: readonly [string, string[]] =
        shape === 'named' ? ['the debtor', known(cpr, cvr)] : lienholders.includes(role) ? ['a lienholder', vir === undefined ? [] : known(vir, cvr)] : ['an insurer', known(vir)];
      if (code !== undefined && party[1].length > 0) parties.set(code, party);
    }
    byKind.set(kind, parties);
  }
  return byKind;
}

/** The panthaver rules, bound to a profile. */
export function panthaverRules(p: GuideProfile): ValidationRule[] {
  const c = (tag: string, role: string): string => qualifier(p, tag, role) ?? `\u0000${tag}.${role}`;
  const typeList = codesOf(p, 'declarationType');
  const L = declarationTypeCode(p, 'L');
  const noCoverChange = new Set([L, declarationTypeCode(p, 'D'), declarationTypeCode(p, 'E')].filter((x): x is string => x !== undefined));
  const kinds = Object.keys(p.documentCodes);
  const DEK = c('RFF', 'declarationNumber');
  const MSG_DATE = c('DTM', 'messageDate');
  const CESSATION = c('DTM', 'cessationDate');
  const FSU = c('MOA', 'sumInsured');
  const values = requiredValues(p, PANTHAVER_VALUES);
  const required = new Map(Object.entries(REQUIRED).map(([kind, list]) => [kind, list.map(([tag, role]) => [tag, role === null ? undefined : c(tag, role), role] as const)]));
  const attCodes = new Map(['lienType', 'declarationType', 'priority'].map((r) => [r, c('ATT', r)]));
  /** Index of the ATT with qualifier role `role`, and its value (ATT element 3, component 1). */
  const att = (ctx: RuleContext, role: string): { i: number; v: string } => {
    const i = find(ctx, 'ATT', attCodes.get(role));
    return { i, v: i === -1 ? '' : val(ctx.segments[i]!, 2, 0) };
  };
  const lists: Record<string, ReadonlySet<string> | undefined> = {
    [c('ATT', 'lienType')]: codesOf(p, 'lienType'),
    [c('ATT', 'declarationType')]: typeList,
    [c('ATT', 'priority')]: codesOf(p, 'priority'),
  };
  const rejectionCodes = codesOf(p, 'rejectionReasons');
  const contentErrorCodes = codesOf(p, 'contentErrorCodes');
  const idTypes = partyIdTypes(p, kinds);
  return [
    {
      id: 'required-segment-missing',
      description: 'a segment or value the guide requires for this kind is missing',
      guideRef: `${GUIDE}: fields per message`,
      appliesTo: kinds,
      defaultCode: 'F01',
      check(ctx, report) {
        // One pass: every value a sent segment must carry (an empty declaration number included).
        for (let i = 0; i < ctx.segments.length; i++) checkRequiredValues(values, ctx.segments[i]!, i, report);
        // Not folded into that pass: each lookup stops at its segment (the 3rd and about the 6th of a
        // valid message), where flags in the pass would test every segment (measured: no faster).
        if (findTop(ctx, 'RFF', DEK) === -1) report(null, `the declaration number (RFF ${DEK}) is missing`);
        if (findTop(ctx, 'DTM', MSG_DATE) === -1) report(null, `the message date (DTM ${MSG_DATE}) is missing`);
        for (const [tag, code, role] of required.get(ctx.kind) ?? []) {
          if (find(ctx, tag, code) === -1) report(null, `${tag}${role ? ` ${code} (${role})` : ''} is missing in ${kindNamed(ctx)}`);
        }
        if ((ctx.kind === 'accept' || ctx.kind === 'acceptWithoutFee') && L !== undefined && att(ctx, 'declarationType').v === L) {
          if (find(ctx, 'MOA', FSU) === -1) report(null, `an accept of an L declaration needs the sum insured (MOA ${FSU})`);
        }
      },
    },
    {
      id: 'unknown-code',
      description: 'a code that is not valid for its position or message kind',
      guideRef: `${GUIDE}: coded values; default-profile.md F02`,
      appliesTo: kinds,
      defaultCode: 'F02',
      check(ctx, report) {
        for (let i = 0; i < ctx.segments.length; i++) {
          const s = ctx.segments[i]!;
          if (s.tag === 'ERC') {
            const list = ctx.kind === 'rejection' ? rejectionCodes : ctx.kind === 'contentError' ? contentErrorCodes : undefined;
            if (list && !list.has(val(s, 0))) report(i, `ERC ${JSON.stringify(val(s, 0))} is not a ${ctx.kind === 'rejection' ? 'rejection reason' : 'content-error code'}`, 1, 1);
          } else if (s.tag === 'ATT') {
            const list = lists[val(s, 0)];
            const v = val(s, 2, 0);
            if (list && v !== '' && !list.has(v)) report(i, `ATT ${val(s, 0)}: ${JSON.stringify(v)} is not a code of this attribute`, 3, 1);
          } else if (s.tag === 'NAD') {
            const party = idTypes.get(ctx.kind)?.get(val(s, 0));
            const why = party && idTypeRefusal(s, party[0], party[1]);
            if (why) report(i, why, 2, 3);
          }
        }
      },
    },
    {
      id: 'sum-insured-not-whole-kroner',
      description: 'a sum insured (MOA FSU) that is not whole kroner',
      guideRef: `${GUIDE}: accept (forsikringssum i hele kroner uden punktum)`,
      appliesTo: kinds,
      defaultCode: 'F02',
      check(ctx, report) {
        for (let i = 0; i < ctx.segments.length; i++) {
          const s = ctx.segments[i]!;
          if (s.tag !== 'MOA' || val(s, 0) !== FSU) continue;
          const v = val(s, 0, 1);
          if (v !== '' && !WHOLE_KRONER.test(v)) report(i, `MOA ${FSU}: ${JSON.stringify(v)} is not a sum insured in whole kroner (digits only, no decimal mark, sign or leading zeros)`, 1, 2);
        }
      },
    },
    {
      id: 'segment-not-allowed-for-kind',
      description: 'a segment the table allows but this kind must not carry',
      guideRef: `${GUIDE}: rejection reasons only in a rejection (up to 3), one content error in a 12'er; each field once`,
      appliesTo: kinds,
      defaultCode: 'F04',
      check(ctx, report) {
        const allowed = Object.hasOwn(ERCS_ALLOWED, ctx.kind) ? ERCS_ALLOWED[ctx.kind]! : 0;
        // A second of what the typed message holds once (RFF DEK, DTM 137, ATT PNT, NAD DEB, …), as decodeMessage refuses it (35).
        const repeated = repeatedSegments(ctx.profile, ctx.segments, ctx.groups);
        let seen = 0;
        for (let i = 0; i < ctx.segments.length; i++) {
          const again = repeated?.[i];
          if (again != null) report(i, `a second ${again}: ${kindNamed(ctx)} holds one`);
          if (ctx.segments[i]!.tag !== 'ERC' || ++seen <= allowed) continue;
          report(i, allowed === 0 ? `ERC is not allowed in ${kindNamed(ctx)}` : `${kindNamed(ctx)} carries ${allowed === 1 ? 'one ERC' : `at most ${allowed} ERCs`}; this is ERC number ${seen}`);
        }
      },
    },
    {
      id: 'sum-change-not-for-l',
      description: 'Z15 (sum insured changed) on a declaration that is not an L',
      guideRef: `${GUIDE}: Z15 only for L`,
      appliesTo: ['sumInsuredChanged'],
      defaultCode: 'F05',
      check(ctx, report) {
        const t = att(ctx, 'declarationType');
        if (L !== undefined && t.i !== -1 && t.v !== L) report(t.i, `a change of sum insured is only for L declarations (${L}), not ${t.v}`, 3, 1);
      },
    },
    {
      id: 'cover-type-change-not-allowed',
      description: 'a new cover type on a D, E or L declaration',
      guideRef: `${GUIDE}: coverage ended (new cover type not for D, E, L)`,
      appliesTo: COVERAGE_ENDED_KINDS,
      defaultCode: 'F02',
      check(ctx, report) {
        const icd = find(ctx, 'ICD');
        const t = att(ctx, 'declarationType');
        if (icd !== -1 && noCoverChange.has(t.v)) report(icd, `a ${t.v} declaration cannot get a new cover type`);
      },
    },
    {
      id: 'change-of-insurer-too-early',
      description: 'Z40 more than 30 days before the policy ends',
      guideRef: `${GUIDE}: Z40 earliest 30 days before the policy ends`,
      appliesTo: ['changeOfInsurer'],
      defaultCode: 'F05',
      check(ctx, report) {
        const sent = findTop(ctx, 'DTM', MSG_DATE);
        const ends = findTop(ctx, 'DTM', CESSATION);
        if (sent === -1 || ends === -1) return;
        const a = dayNumber(val(ctx.segments[sent]!, 0, 1));
        const b = dayNumber(val(ctx.segments[ends]!, 0, 1));
        if (a !== null && b !== null && b - a > CHANGE_OF_INSURER_MAX_DAYS) report(ends, `sent ${b - a} days before the policy ends; at most ${CHANGE_OF_INSURER_MAX_DAYS} days are allowed`, 1, 2);
      },
    },
  ];
}
