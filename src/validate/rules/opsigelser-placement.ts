/**
 * Opsigelser content rules about *where* a segment or code may appear: segments the segment
 * table allows in general but a kind must not carry (F04) and codes that are valid in the
 * profile but not in their context (F02 `unknown-code`).
 */
import { repeatedSegments } from '../../messages/occurrence.js';
import type { ContentErrorCode, GuideProfile } from '../../schema/profile.js';
import { codesOf, idTypeRefusal, kindNamed, perMessage, qualifier, rolesOf, val } from './helpers.js';
import { opsCodes } from './opsigelser.js';
import { OPS_KINDS } from './opsigelser-kinds.js';
import type { ValidationRule, RuleContext } from './types.js';

const GUIDE = 'opsigelser.md (guide 5.5)';

type Verdict = readonly [string, string];

/**
 * One pass over a message: for each segment the kind must not carry, the F04 rule id and a
 * message. `null` when nothing is misplaced (the common case allocates nothing).
 */
type Placement = (ctx: RuleContext) => Array<Verdict | null> | null;

/** A kind's placement table with qualifier roles resolved to wire codes. */
interface KindCodes {
  nad: ReadonlySet<string>;
  rff: ReadonlySet<string>;
  dtm: ReadonlySet<string>;
}

function placement(p: GuideProfile): Placement {
  const k = opsCodes(p);
  const nad = rolesOf(p, 'NAD');
  const rff = rolesOf(p, 'RFF');
  const dtm = rolesOf(p, 'DTM');
  const bro = k.c('OSI', 'buildingFire');
  const codes = (tag: string, roles: readonly string[]): ReadonlySet<string> => new Set(roles.map((r) => k.c(tag, r)));
  const byKind = new Map<string, KindCodes>();
  for (const [kind, spec] of Object.entries(OPS_KINDS)) {
    byKind.set(kind, {
      nad: codes('NAD', ['recipient', 'sender', ...spec.nad]),
      rff: codes('RFF', ['caseReference', ...spec.rff]),
      // A 27's end date: endDateQualifier (the policy end date's code in a profile without the role).
      dtm: new Set([...codes('DTM', ['messageDate', ...spec.dtm.filter((r) => r !== 'endDate')]), ...(spec.dtm.includes('endDate') ? [k.endDate] : [])]),
    });
  }
  const cancelledBy = k.nad.cancelledBy;
  const messageDate = k.messageDate;
  const endDate = k.policyEndDate;
  let out: Array<Verdict | null> | null = null;
  const mark = (n: number, i: number, v: Verdict): void => {
    out ??= new Array<Verdict | null>(n).fill(null);
    out[i] = v;
  };
  return (ctx) => {
    const spec = OPS_KINDS[ctx.kind]!;
    const allowed = byKind.get(ctx.kind)!;
    const segs = ctx.segments;
    const n = segs.length;
    out = null;
    // A second of what the typed message holds once (a second NAD MR, RFF POL, DOC 11, DTM 137, BRC, CTA, …),
    // as decodeMessage refuses it (35) whatever the segment table lets repeat; what the kind must not carry at all wins below.
    const repeated = repeatedSegments(ctx.profile, segs, ctx.groups);
    let erc: string | undefined;
    for (let i = 0; i < n; i++) {
      const s = segs[i]!;
      const again = repeated?.[i];
      if (again != null) mark(n, i, ['segment-not-allowed-for-kind', `a second ${again}: ${kindNamed(ctx)} holds one`]);
      switch (s.tag) {
        case 'ERC':
          erc ??= val(s, 0);
          if (!spec.erc) mark(n, i, [ctx.kind === 'cancellation' ? 'erc-in-cancellation' : 'segment-not-allowed-for-kind', `ERC is not allowed in ${kindNamed(ctx)}`]);
          break;
        case 'OSI': {
          const code = val(s, 0);
          if (code === bro && ctx.kind !== 'cancellation') mark(n, i, ['osi-bro-outside-cancellation', `OSI ${code} is only for a cancellation`]);
          else if (spec.osi.length === 0) mark(n, i, ['segment-not-allowed-for-kind', `OSI is not allowed in ${kindNamed(ctx)}`]);
          break;
        }
        case 'DOC':
          if (spec.doc.length === 0) mark(n, i, [ctx.kind === 'rejection' ? 'doc-in-rejection' : 'segment-not-allowed-for-kind', `DOC is not allowed in ${kindNamed(ctx)}`]);
          break;
        case 'FTX':
          if (!spec.ftx) mark(n, i, ['segment-not-allowed-for-kind', `FTX (free text) is not allowed in ${kindNamed(ctx)}`]);
          break;
        case 'SIF':
        case 'SHI':
          if (!spec.bonus) {
            const id = ctx.kind === 'cancellation' || ctx.kind === 'bonusQuery' ? 'bonus-block-not-allowed' : 'segment-not-allowed-for-kind';
            mark(n, i, [id, `the bonus block (${s.tag}) is not allowed in ${kindNamed(ctx)}`]);
          }
          break;
        case 'NAD': {
          const code = val(s, 0);
          if (code === cancelledBy && (ctx.kind !== 'rejection' || erc === undefined || erc !== k.byCompanyErc)) {
            mark(n, i, ['nad-ops-not-allowed', `NAD ${code} (the company that already cancelled) is only for a rejection with ERC ${k.byCompanyErc ?? '9'}`]);
          } else if (!allowed.nad.has(code) && nad.has(code)) {
            mark(n, i, ['segment-not-allowed-for-kind', `NAD ${code} (${nad.get(code)}) is not allowed in ${kindNamed(ctx)}`]);
          }
          break;
        }
        case 'RFF': {
          const code = val(s, 0);
          if (!allowed.rff.has(code) && rff.has(code)) mark(n, i, ['segment-not-allowed-for-kind', `RFF ${code} (${rff.get(code)}) is not allowed in ${kindNamed(ctx)}`]);
          break;
        }
        case 'DTM': {
          if (ctx.groups[i] !== null) break;
          const code = val(s, 0);
          if (code === messageDate) break;
          if (code === endDate && ctx.kind === 'cancellation') mark(n, i, ['end-date-in-cancellation', `DTM ${code} (policy end date) is not allowed in a cancellation`]);
          else if (!allowed.dtm.has(code) && dtm.has(code)) mark(n, i, ['segment-not-allowed-for-kind', `DTM ${code} (${dtm.get(code)}) is not allowed at message level in ${kindNamed(ctx)}`]);
          break;
        }
      }
    }
    return out;
  };
}

const F04: ReadonlyArray<readonly [string, string, string, readonly string[] | 'all']> = [
  ['segment-not-allowed-for-kind', 'a segment the table allows but this kind must not carry', 'segments per kind', 'all'],
  ['erc-in-cancellation', 'ERC in a 9', '9 Opsigelse', ['cancellation']],
  ['doc-in-rejection', 'DOC in a 27', '27 Afvisning', ['rejection']],
  ['bonus-block-not-allowed', 'a bonus block (SIF/SHI) in a 9 or 13', '9 and 13', ['cancellation', 'bonusQuery']],
  ['osi-bro-outside-cancellation', 'OSI BRO outside a 9', '9 Opsigelse (OSI BRO)', 'all'],
  ['nad-ops-not-allowed', 'NAD OPS outside a 27 with ERC 9', '27 Afvisning (third NAD with ERC 9)', 'all'],
  ['end-date-in-cancellation', 'DTM 295 end date in a 9', '13 (295 only for a pure bonus query)', ['cancellation']],
];

/** F04 rules of the opsigelser exchange (one per id, sharing one placement table). */
export function opsigelserPlacementRules(p: GuideProfile): ValidationRule[] {
  // Computed once per message and shared by the F04 rules.
  const verdicts = perMessage(placement(p));
  return F04.map(([id, description, ref, appliesTo]) => ({
    id,
    description,
    guideRef: `${GUIDE}: ${ref}`,
    appliesTo: appliesTo === 'all' ? Object.keys(OPS_KINDS) : appliesTo,
    defaultCode: 'F04' as ContentErrorCode,
    check(ctx, report) {
      const all = verdicts(ctx);
      if (all === null) return;
      for (let i = 0; i < all.length; i++) {
        const why = all[i];
        if (why && why[0] === id) report(i, why[1]);
      }
    },
  }));
}

/** F02 `unknown-code`: codes valid in the profile but not in their place or kind. */
export function opsigelserCodeRule(p: GuideProfile): ValidationRule {
  const k = opsCodes(p);
  const c = k.c;
  const rejection = codesOf(p, 'rejectionCodes');
  const contentError = codesOf(p, 'contentErrorCodes');
  const fixedStep = codesOf(p, 'premiumStepFixed') ?? new Set<string>();
  const doc = rolesOf(p, 'DOC');
  const osi = rolesOf(p, 'OSI');
  const nad = rolesOf(p, 'NAD');
  const sifDates = new Set(['underwritingDate', 'lastStepChange', 'lastStepChangeUnknown', 'policyEndDate'].map((r) => c('DTM', r)));
  const claimDate = c('DTM', 'claimDate');
  const companyRoles = new Set(['recipient', 'sender', 'cancelledBy']);
  const personRoles = new Set(['policyholder1', 'policyholder2']);
  // An id type the profile has not (qualifiers.NADIdType) is not expected: that check is off.
  const vir = qualifier(p, 'NADIdType', 'vir');
  const persons = ['cpr', 'cvr'].flatMap((r) => qualifier(p, 'NADIdType', r) ?? []);
  return {
    id: 'unknown-code',
    description: 'a code that is not valid for its position or message kind',
    guideRef: `${GUIDE}: known codes; default-profile.md F02`,
    appliesTo: Object.keys(OPS_KINDS),
    defaultCode: 'F02',
    check(ctx, report) {
      const spec = OPS_KINDS[ctx.kind]!;
      for (let i = 0; i < ctx.segments.length; i++) {
        const s = ctx.segments[i]!;
        const v = val(s, 0);
        switch (s.tag) {
          case 'ERC': {
            const list = ctx.kind === 'rejection' ? rejection : ctx.kind === 'contentError' ? contentError : undefined;
            if (list && !list.has(v)) report(i, `ERC ${JSON.stringify(v)} is not a ${ctx.kind === 'rejection' ? 'rejection reason' : 'content-error code'}`, 1, 1);
            break;
          }
          case 'SIF':
            if (!fixedStep.has(v) && !/^\d{1,3}$/.test(v)) report(i, `premium step ${JSON.stringify(v)} is neither a step number nor ${[...fixedStep].join('/')}`, 1, 1);
            break;
          case 'DTM':
            if (ctx.groups[i] === 'SIF' && !sifDates.has(v)) report(i, `DTM ${v} does not belong in the bonus block`, 1, 1);
            else if (ctx.groups[i] === 'SHI' && v !== claimDate) report(i, `DTM ${v} is not a claim date (${claimDate})`, 1, 1);
            break;
          case 'DOC': {
            const role = doc.get(v);
            if (spec.doc.length > 0 && role !== undefined && !spec.doc.includes(role)) report(i, `DOC ${v} (${role}) is not allowed in ${kindNamed(ctx)}`, 1, 1);
            break;
          }
          case 'OSI': {
            const role = osi.get(v);
            if (spec.osi.length > 0 && role !== undefined && role !== 'buildingFire' && !spec.osi.includes(role)) report(i, `OSI ${v} (${role}) is not allowed in ${kindNamed(ctx)}`, 1);
            break;
          }
          case 'NAD': {
            const role = nad.get(v) ?? '';
            const why = companyRoles.has(role) ? vir !== undefined && idTypeRefusal(s, 'a company', [vir]) : personRoles.has(role) && persons.length > 0 && idTypeRefusal(s, 'a policyholder', persons);
            if (why) report(i, why, 2, 3);
            break;
          }
        }
      }
    },
  };
}
