/**
 * The public runtime surface of the package, pinned: exactly what `src/index.ts` and
 * `src/testing.ts` export, as sorted lists kept in this file. Adding, removing or renaming an
 * export fails here, so every change of the surface is a deliberate, reviewed edit of these
 * lists (and of docs/api.md, docs/ and README.md where they name it). The packed typings are
 * checked by spec/package-types.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import * as testing from '../../src/testing.js';

/** `Object.keys(require('fp-edifact')).sort()`. */
const RUNTIME = [
  'CONTENT_ERROR_CODES', 'DEFAULT_BOTH_HOLDERS_GROUPS', 'DEFAULT_DECLARATION_LETTERS', 'DEFAULT_SERVICE_CHARS',
  'DEFAULT_VIR_RULE', 'Declaration', 'EdifactSyntaxError', 'InterchangeSpecError', 'MemoryCaseStore',
  'MessageBuildError', 'MessageEncodeError', 'OPSIGELSE_KINDS', 'OpsigelseCase', 'OpsigelseRegistry',
  'PANTHAVER_KINDS', 'ProfileError', 'SUPPORTED_SYNTAX_IDS', 'SyntaxErrorCode', 'addWorkingDays',
  'assumptionsMarkdown', 'buildAccept', 'buildAcceptWithoutFee', 'buildBonusAnswer', 'buildBonusBlock',
  'buildBonusQuery', 'buildContentError', 'buildDeclarationAccept', 'buildDeclarationNotice',
  'buildDeclarationRejection', 'buildInterchange', 'buildRejection', 'buildReminder', 'buildReplyInterchange',
  'caseKey', 'checkBonusBlock', 'checkEdifactJson', 'checkFormat', 'checkSegment', 'claimsWindowStart',
  'compareLocations', 'compareNames', 'comparePartyNames', 'compareRegistrationNumbers', 'compileVirRule',
  'contrlChaseDate', 'contrlDueDate', 'createCalendar', 'createMemoryDuplicateStore', 'createSegmentStream',
  'danishCalendar', 'danishHolidays', 'deadlineRules', 'decideOnCancellation',
  'decodeMessage', 'decodeOpsigelse', 'decodePanthaver', 'defaultProfile', 'earliestChangeOfInsurerDate',
  'earliestOnTimeRenewal', 'earliestReminderDate', 'easterSunday', 'encodeMessage', 'forEachSegment', 'formatServiceString',
  'fromEdifactJson', 'getProfile', 'isBonusQueryAllowed', 'isCancellationOnTime', 'isDanishWorkingDay', 'isFormat',
  'isGroup', 'isMissingPolicyNumber', 'isOpsigelse', 'isRenewalDate', 'isRuleId', 'isValidCpr', 'isValidCvr',
  'kidCheckDigit', 'lastWorkingDayOfMonth', 'latestLAcceptDate', 'latestOnTimeSendDate', 'layoutFor',
  'lienholderReminderDate', 'listAssumptions', 'listProfileIds', 'loadDeclaration', 'loadOpsigelseCase',
  'loadProfile', 'maskCpr', 'matchPolicyNumber', 'matchStructure', 'nextRenewalOnOrAfter', 'nextWorkingDayOnOrAfter',
  'normalizeRegistrationNumber', 'opsigelser55', 'otherDateResendDeadline', 'panthaver52', 'parse', 'parseFormat',
  'parseInterchanges', 'parseServiceString', 'parseTyped', 'patchProfile', 'previousWorkingDayOnOrBefore',
  'profileCodeLists', 'profileForMessageType', 'readMessages', 'readSegmentBatches', 'readSegments',
  'replayMessages', 'replyDeadline', 'resendDeadline', 'ruleDefinition', 'ruleTable', 'samePersonId', 'saveCase',
  'segment', 'serialize', 'serializeToBytes', 'shortenedNoticeEffectiveDate', 'splitStreet', 'streetKey',
  'toEdifactJson', 'toFreeText', 'toJsonReport', 'toReply', 'unmappedRuleIds', 'unmaskPolicyNumber', 'validate',
  'validateCpr', 'validateCvr', 'validateFile', 'validateFileBatches', 'validateKid', 'validateStream',
  'validateStreamBatches', 'validateVir', 'virMatcher', 'weekdayCalendar', 'withdrawalDeadline', 'writeInterchange',
  'writeInterchangeBytes'
];

/** `Object.keys(require('fp-edifact/testing')).sort()`. */
const TESTING = ['arbAddress', 'arbBonus', 'arbCompany', 'arbFreeText', 'arbInterchangeText', 'arbIsoDate', 'arbLienholder', 'arbNamedParty', 'arbOpsigelse', 'arbPanthaver', 'arbPolicyholder', 'arbText', 'arbVir'];

describe('the public API', () => {
  it('exports exactly the reviewed runtime list', () => {
    expect(Object.keys(api).sort()).toEqual(RUNTIME);
  });

  it('fp-edifact/testing exports exactly the reviewed list', () => {
    expect(Object.keys(testing).sort()).toEqual(TESTING);
  });

  it('lists are sorted and free of repeats (so a diff of them reads as the change)', () => {
    for (const list of [RUNTIME, TESTING]) {
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('offers the service-string helpers a writer needs', () => {
    const chars = api.parseServiceString(":+.? '");
    expect(api.formatServiceString(chars)).toBe("UNA:+.? '");
    expect(api.serialize([{ tag: 'BGM', elements: [['9']] }], { serviceChars: { ...api.DEFAULT_SERVICE_CHARS, decimal: ',' } })).toBe("UNA:+,? 'BGM+9'");
  });
});
