/**
 * One convention for the guide profile across the public API (docs/api.md, "Conventions"): a
 * function that cannot work without a profile takes it as a positional argument
 * (`decodeMessage(message, profile)`, `encodeMessage(value, profile, options)`); wherever the
 * profile is optional — it defaults to the shipped profile of the exchange — it is the
 * `profile` option of the last argument, as are the calendar, the clock and the limits. These
 * are the functions that took an optional profile positionally, and the ones that took none.
 */
import { describe, expect, it } from 'vitest';
import {
  buildAccept,
  buildAcceptWithoutFee,
  buildBonusQuery,
  buildDeclarationAccept,
  buildDeclarationNotice,
  buildDeclarationRejection,
  buildRejection,
  buildReplyInterchange,
  Declaration,
  getProfile,
  isBonusQueryAllowed,
  MessageBuildError,
  patchProfile,
  replayMessages,
  type Cancellation,
  type GuideProfile,
  type Panthaver,
  type PanthaverOf,
} from '../src/index.js';
import { decodedFixture } from './messages/helpers.js';

const opsigelser = getProfile('fp-opsigelser/5.5-reconstructed');
const panthaver = getProfile('fp-panthaver/5.2-reconstructed');

const nine = decodedFixture<Cancellation>('opsigelse-9-motor.edi');
const decl30 = decodedFixture<PanthaverOf<'newDeclaration'>>('panthaver-30-new-declaration.edi');
const accept33 = decodedFixture<PanthaverOf<'accept'>>('panthaver-33-accept.edi');
const DAY = { messageDate: '2024-11-22' };
/** The header of the interchange `received` came in: what a reply interchange answers. */
const answering = (received: Cancellation | Panthaver) => ({ sender: { id: received.sender.vir, qualifier: null }, recipient: { id: received.recipient.vir, qualifier: null } });

/** A panthaver profile whose L declarations are coded ZFF (the fixture's declaration type) and whose Z40 is Z41. */
const panthaverL: GuideProfile = patchProfile(panthaver, {
  qualifiers: { declarationTypeCodes: { L: 'ZFF' } },
  documentCodes: { changeOfInsurer: 'Z41' },
});

describe('the optional profile of the builders is their option profile', () => {
  it('buildRejection', () => {
    const p = patchProfile(opsigelser, { rejectionReasons: { lapsedArrears: { value: '14' } } });
    expect(buildRejection(nine, { reason: 'lapsedArrears', endDate: '2025-01-01', ...DAY }).reasonCode).toBe('11');
    expect(() => buildRejection(nine, { reason: 'lapsedArrears', ...DAY, profile: p })).toThrow(/ERC 14 requires the end date/);
    expect(buildRejection(nine, { reason: 'lapsedArrears', endDate: '2025-01-01', ...DAY, profile: p }).reasonCode).toBe('14');
  });

  it('buildDeclarationAccept and buildAcceptWithoutFee (the L code is the profile’s)', () => {
    expect(buildDeclarationAccept(decl30, DAY).kind).toBe('accept');
    expect(() => buildDeclarationAccept(decl30, { ...DAY, profile: panthaverL })).toThrow(new MessageBuildError('the accept of an L declaration (ZFF) needs the sum insured (forsikringssum, sumInsured) in whole kroner'));
    const change32 = { ...decl30, kind: 'changeOfLienholder', oldLienholder: { vir: '60000009' } } as unknown as PanthaverOf<'changeOfLienholder'>;
    expect(buildAcceptWithoutFee(change32, DAY).accept.kind).toBe('acceptWithoutFee');
    expect(() => buildAcceptWithoutFee(change32, { ...DAY, profile: panthaverL })).toThrow(MessageBuildError);
  });

  it('buildDeclarationRejection (named reasons are the profile’s)', () => {
    const p = patchProfile(panthaver, { rejectionReasons: { policyUnknown: '8' } });
    expect(buildDeclarationRejection(decl30, { reasons: ['policyUnknown'], ...DAY }).reasons).toEqual(['1']);
    expect(buildDeclarationRejection(decl30, { reasons: ['policyUnknown'], ...DAY, profile: p }).reasons).toEqual(['8']);
  });

  it('buildDeclarationNotice (document codes are the profile’s; the option is not a field of the notice)', () => {
    const data = { ...DAY, cessationDate: '2024-12-31', newInsurer: { vir: '33333333' } };
    expect(() => buildDeclarationNotice(accept33, 'Z41', data)).toThrow(MessageBuildError);
    const notice = buildDeclarationNotice(accept33, 'Z41', { ...data, profile: panthaverL });
    expect(notice.kind).toBe('changeOfInsurer');
    expect(Object.keys(notice)).not.toContain('profile');
  });

  // A profile of the other exchange was named "an object": which one it was, and that it was the wrong exchange's, the caller had to guess.
  const OPS = `the opsigelser profile "${opsigelser.id}"`;
  const PANT = `the panthaver profile "${panthaver.id}"`;
  it.each([
    ['buildRejection', () => buildRejection(nine, { reason: '11', ...DAY, profile: panthaver }), `an opsigelser guide profile, got ${PANT}`],
    ['buildDeclarationAccept', () => buildDeclarationAccept(decl30, { ...DAY, profile: opsigelser }), `a panthaver guide profile, got ${OPS}`],
    ['buildAcceptWithoutFee', () => buildAcceptWithoutFee(decl30 as never, { ...DAY, profile: opsigelser }), `a panthaver guide profile, got ${OPS}`],
    ['buildDeclarationRejection', () => buildDeclarationRejection(decl30, { reasons: ['1'], ...DAY, profile: opsigelser }), `a panthaver guide profile, got ${OPS}`],
    ['buildDeclarationNotice', () => buildDeclarationNotice(accept33, 'Z40', { ...DAY, cessationDate: '2024-12-31', newInsurer: { vir: '33333333' }, profile: opsigelser }), `a panthaver guide profile, got ${OPS}`],
    // It encoded the replies with the profile given: a MessageEncodeError listing the other exchange's missing fields.
    ['buildReplyInterchange', () => buildReplyInterchange(buildAccept(nine, DAY), answering(nine), { reference: 'R1', profile: panthaver }), `an opsigelser guide profile, got ${PANT}`],
    ['buildReplyInterchange', () => buildReplyInterchange(buildDeclarationAccept(decl30, DAY), answering(decl30), { reference: 'R1', profile: opsigelser }), `a panthaver guide profile, got ${OPS}`],
  ])('%s refuses a profile of the other exchange, naming the function, the option, the profile given and the kind it needs', (fn, build, what) => {
    expect(build).toThrow(new TypeError(`fp-edifact: ${fn}: option profile must be ${what}`));
  });

  it('a value that is no profile at all is named as before', () => {
    expect(() => buildDeclarationRejection(decl30, { reasons: ['1'], ...DAY, profile: 'fp-panthaver/5.2-reconstructed' as never })).toThrow(
      new TypeError('fp-edifact: buildDeclarationRejection: option profile must be a panthaver guide profile, got "fp-panthaver/5.2-reconstructed"'),
    );
    expect(() => buildRejection(nine, { reason: '11', ...DAY, profile: { exchange: 'motor' } as never })).toThrow(
      new TypeError('fp-edifact: buildRejection: option profile must be an opsigelser guide profile, got an object'),
    );
    // buildReplyInterchange failed inside ("Cannot read properties of undefined (reading 'syntaxId')").
    expect(() => buildReplyInterchange(buildAccept(nine, DAY), answering(nine), { reference: 'R1', profile: 'x' as never })).toThrow(
      new TypeError('fp-edifact: buildReplyInterchange: option profile must be an opsigelser guide profile, got "x"'),
    );
  });
});

describe('the rules take the profile as an option', () => {
  /** A profile that is not shipped: its own Bilag 2 lets family insurance (003:001) ask for claims data. */
  const office = patchProfile(opsigelser, { branchGroups: { '003': { bonusProductGroups: ['001'] } } });
  const family: Cancellation = { ...nine, branch: { group: '003', product: '001' } };

  it('isBonusQueryAllowed(branch, { profile })', () => {
    expect(isBonusQueryAllowed(family.branch)).toBe(false);
    expect(isBonusQueryAllowed(family.branch, { profile: office })).toBe(true);
    expect(() => isBonusQueryAllowed(family.branch, { profile: panthaver })).toThrow(new TypeError(`fp-edifact: isBonusQueryAllowed: option profile must be an opsigelser guide profile, got the panthaver profile "${panthaver.id}"`));
  });

  it('new Declaration({ profile }) reads the declaration types of a panthaver profile', () => {
    const replay = (options = {}) => Declaration.replay([{ message: decl30 }], options);
    expect(replay().apply(buildDeclarationAccept(decl30, DAY)).status).toBe('applied');
    const l = replay({ profile: panthaverL });
    expect(l.apply(buildDeclarationAccept(decl30, DAY)).violations.map((v) => v.rule)).toContain('declaration.l-accept');
    expect(l.toJSON().settings.declarationTypeLetters).toMatchObject({ ZFF: 'L' });
    // Letters given outright win over the profile's.
    expect(replay({ profile: panthaverL, declarationTypeLetters: { ZFF: 'F' } }).apply(buildDeclarationAccept(decl30, DAY)).status).toBe('applied');
    expect(() => new Declaration({ profile: opsigelser })).toThrow(new TypeError(`fp-edifact: Declaration: option profile must be a panthaver guide profile, got the opsigelser profile "${opsigelser.id}"`));
  });

  it('replayMessages takes { profile } as validate does: a profile, or profiles by message type', () => {
    const query = buildBonusQuery(family, DAY);
    const messages = [{ message: family }, { message: query }];
    expect(replayMessages(messages, { today: '2024-11-22' })[0]!.violations.map((v) => v.rule)).toContain('bonus.query-branch');
    expect(replayMessages(messages, { today: '2024-11-22', profile: office })[0]).toMatchObject({ state: 'bonus-requested', violations: [] });
    expect(replayMessages(messages, { today: '2024-11-22', profile: { OPSIGE: office, PANTDE: panthaverL } })[0]).toMatchObject({ state: 'bonus-requested', violations: [] });
    const declarations = [{ message: decl30 as Panthaver }, { message: buildDeclarationAccept(decl30, DAY) as Panthaver }];
    expect(replayMessages(declarations, { today: '2024-11-23' })[0]!.violations).toEqual([]);
    expect(replayMessages(declarations, { today: '2024-11-23', profile: panthaverL })[0]!.violations.map((v) => v.rule)).toContain('declaration.l-accept');
    expect(() => replayMessages([], { today: '2024-11-23', profile: { OPSIGE: 'x' as never } })).toThrow(
      new TypeError('fp-edifact: replayMessages: option profile is neither a guide profile nor a map of them (profile.OPSIGE is not one)'),
    );
  });
});
