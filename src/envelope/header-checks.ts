/**
 * The checks `buildInterchange` runs on the header values it is given, before writing a byte:
 * each service data element against its ISO 9735 format (the `checkFormat` the validator
 * uses), the UNB date as a real calendar date and the time as `HHMM` 0000–2359. A value no
 * reader would accept is an issue naming its path in the spec and the rule it breaks.
 */
import { isRealIsoDate, isTimeOfDay } from '../syntax/calendar-date.js';
import { needsSyntaxVersion4, SUPPORTED_SYNTAX_IDS } from '../syntax/charsets.js';
import { checkFormat } from '../syntax/formats.js';
import { describeValue } from '../syntax/options.js';
import { SERVICE_ELEMENTS, type ServiceElementId } from '../syntax/service-elements.js';


/** One refused value: its path in the spec (`reference`, `groups.0.messages.1.header.reference`) and why. */
export interface HeaderIssue {
  /** Where in the spec, dotted, array items by index: `reference`, `sender.id`, `groups.0.messages.1.header.reference`. */
  path: string;
  /** The element and the rule broken: `UNB 0020 (an..14, mandatory): value is 15 characters long; format an..14 allows at most 14`. */
  message: string;
}

/** Collects the issues of one spec. */
export class HeaderChecker {
  readonly issues: HeaderIssue[] = [];

  /**
   * `value` as service element `id` of `where` (`UNB`, `UNB S002`, `UNH S009`); `undefined` is
   * absent, refused only when `mandatory`.
   */
  element(path: string, value: unknown, where: string, id: ServiceElementId, mandatory: boolean): void {
    const format = SERVICE_ELEMENTS[id].format;
    const rule = `${where} ${id} (${format}${mandatory ? ', mandatory' : ''})`;
    if (value === undefined || value === '') {
      if (mandatory) this.issues.push({ path, message: `${rule}: is ${value === '' ? 'empty' : 'missing'}; it is mandatory` });
      return;
    }
    if (typeof value !== 'string') {
      this.issues.push({ path, message: `${rule}: must be a string, got ${describeValue(value)}` });
      return;
    }
    const issue = checkFormat(value, format);
    if (issue !== null) this.issues.push({ path, message: `${rule}: ${issue.reason}` });
  }

  /**
   * UNB S001 (the builder's defaults filled in): a syntax identifier the writer has a charset
   * for, a one-digit version, and version 4 for an identifier that exists only there.
   */
  syntax(syntaxId: unknown, syntaxVersion: unknown): void {
    const before = this.issues.length;
    this.element('syntaxId', syntaxId, 'UNB S001', '0001', true);
    if (this.issues.length === before && !SUPPORTED_SYNTAX_IDS.includes(syntaxId as string)) {
      this.issues.push({ path: 'syntaxId', message: `UNB S001 0001 (syntax identifier): ${JSON.stringify(syntaxId)} is not a syntax identifier fp-edifact writes (${SUPPORTED_SYNTAX_IDS.join(', ')})` });
    }
    this.element('syntaxVersion', syntaxVersion, 'UNB S001', '0002', true);
    if (needsSyntaxVersion4(syntaxId as string) && syntaxVersion !== '4') {
      this.issues.push({ path: 'syntaxVersion', message: `UNB S001 0002 (syntax version): ${syntaxId as string} needs syntax version 4, not ${describeValue(syntaxVersion)}` });
    }
  }

  /** The UNB/UNG S004 date as given (`YYYY-MM-DD`), when given. */
  date(path: string, value: unknown): void {
    if (value === undefined || (typeof value === 'string' && isRealIsoDate(value))) return;
    this.issues.push({ path, message: `UNB S004 0017 (date of preparation): must be a real calendar date YYYY-MM-DD, got ${describeValue(value)}` });
  }

  /** The UNB/UNG S004 time (`HHMM`), when given. */
  time(path: string, value: unknown): void {
    if (value === undefined || (typeof value === 'string' && isTimeOfDay(value))) return;
    this.issues.push({ path, message: `UNB S004 0019 (time of preparation): must be HHMM, 0000–2359, got ${describeValue(value)}` });
  }
}
