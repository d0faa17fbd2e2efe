/**
 * Content rules both exchanges share: the first two NADs against the UNB (F03) and real
 * dates (F02).
 */
import type { GuideProfile } from '../../schema/profile.js';
import { isRealCcyymmdd } from '../../syntax/calendar-date.js';
import { qualifier, unbParty, val } from './helpers.js';
import type { ValidationRule, RuleReport, RuleContext } from './types.js';

function nadRule(p: GuideProfile, nth: 0 | 1): ValidationRule {
  const role = nth === 0 ? 'recipient' : 'sender';
  const want = qualifier(p, 'NAD', role);
  const id = nth === 0 ? 'first-nad-not-unb-recipient' : 'second-nad-not-unb-sender';
  return {
    id,
    description: nth === 0 ? 'the first NAD must be the message recipient and name the UNB recipient' : 'the second NAD must be the message sender and name the UNB sender',
    guideRef: 'opsigelser.md: first NAD = the company the message is sent to; second NAD = the company that sends it',
    appliesTo: 'all',
    defaultCode: 'F03',
    check(ctx: RuleContext, report: RuleReport) {
      if (ctx.header === null) return;
      let seen = 0;
      for (let i = 0; i < ctx.segments.length; i++) {
        const s = ctx.segments[i]!;
        if (s.tag !== 'NAD' || seen++ !== nth) continue;
        const party = unbParty(ctx, role);
        if (want !== undefined && val(s, 0) !== want) {
          report(i, `NAD number ${nth + 1} has qualifier ${JSON.stringify(val(s, 0))}; it must be the ${role} (${want})`, 1);
        } else if (val(s, 1) !== party) {
          report(i, `NAD ${val(s, 0)} names ${JSON.stringify(val(s, 1))}, but the UNB ${role} is ${JSON.stringify(party)}`, 2, 1);
        }
        return;
      }
      report(null, `there is no NAD number ${nth + 1} (the ${role}, ${want ?? role})`);
    },
  };
}

function invalidDate(p: GuideProfile): ValidationRule {
  const format = p.dateFormat.value;
  const blankAllowed = qualifier(p, 'DTM', 'lastStepChangeUnknown');
  return {
    id: 'invalid-date',
    description: 'a DTM date must be a real calendar date in the profile format',
    guideRef: 'default-profile.md F02 (a date that is not a real date)',
    appliesTo: 'all',
    defaultCode: 'F02',
    check(ctx, report) {
      for (let i = 0; i < ctx.segments.length; i++) {
        const s = ctx.segments[i]!;
        if (s.tag !== 'DTM') continue;
        const q = val(s, 0);
        const date = val(s, 0, 1);
        if (date === '') {
          if (q !== blankAllowed) report(i, `DTM ${q} has no date`, 1, 2);
          continue;
        }
        const fmt = val(s, 0, 2) || format;
        if (fmt === '102' && !isRealCcyymmdd(date)) report(i, `DTM ${q}: ${JSON.stringify(date)} is not a real date (CCYYMMDD)`, 1, 2);
      }
    },
  };
}

/** The shared rules, bound to a profile's qualifiers. */
export function commonRules(p: GuideProfile): ValidationRule[] {
  return [nadRule(p, 0), nadRule(p, 1), invalidDate(p)];
}
