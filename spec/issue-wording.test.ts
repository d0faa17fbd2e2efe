/**
 * The errors that report a value a schema refused say so in fp-edifact's own words: a path and
 * what is wrong with the value there. zod is a dependency under a caret range, so its default
 * messages ("Invalid input: expected string, received number") may change with any minor
 * release; none of them may reach a ProfileError, a MessageEncodeError, a decode error or a
 * snapshot that fails to load.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildAccept,
  decodeMessage,
  Declaration,
  encodeMessage,
  getProfile,
  loadProfile,
  MessageEncodeError,
  OpsigelseCase,
  OpsigelseRegistry,
  parseInterchanges,
  patchProfile,
  ProfileError,
  type Cancellation,
  type DeclarationSnapshot,
  type OpsigelseCaseSnapshot,
  type OpsigelseRegistrySnapshot,
  type Panthaver,
} from '../src/index.js';
import { decodedFixture } from './messages/helpers.js';

const opsigelser = getProfile('fp-opsigelser/5.5-reconstructed');
/** zod's own phrases (its English locale): none may appear in our errors. */
const ZOD_WORDING = /Invalid input|Invalid option|Invalid discriminator|Too big|Too small|Unrecognized key|expected (string|number|array|object|int)|received (number|string|undefined|boolean)/;

const nine = decodedFixture<Cancellation>('opsigelse-9-motor.edi');
const declaration = decodedFixture<Panthaver>('panthaver-30-new-declaration.edi');

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('ProfileError', () => {
  const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(opsigelser)) as Record<string, unknown>;
  it.each([
    ['a value of the wrong type', (p: any) => (p.qualifiers.RFF.policyNumber.value = 5), 'qualifiers.RFF.policyNumber.value', 'must be a string, got 5'],
    ['a missing field', (p: any) => delete p.title, 'title', 'is missing'],
    ['a value outside its options', (p: any) => (p.exchange = 'other'), 'exchange', 'must be one of "opsigelser", "panthaver", got "other"'],
    ['an unknown key', (p: any) => (p.qualifiers.RFF.policyNumber.note = 'x'), 'qualifiers.RFF.policyNumber', 'has an unknown key "note"'],
    ['an empty string where one is required', (p: any) => (p.dateFormat.source = ''), 'dateFormat.source', 'must have at least 1 character, got 0'],
    ['a boolean of the wrong type', (p: any) => (p.dateFormat.assumption = 'yes'), 'dateFormat.assumption', 'must be true or false, got "yes"'],
  ])('loadProfile names %s at its path in our words', (_what, spoil, path, message) => {
    const p = json();
    spoil(p);
    const e = thrown(() => loadProfile(p));
    expect(e).toBeInstanceOf(ProfileError);
    expect((e as ProfileError).issues).toEqual([{ path, message }]);
    expect(e.message).toBe(`invalid guide profile: ${path}: ${message}`);
  });

  it('patchProfile words a bad patch the same way', () => {
    const e = thrown(() => patchProfile(opsigelser, { qualifiers: { RFF: { policyNumber: { value: 7 as never } } } }));
    expect(e).toBeInstanceOf(ProfileError);
    expect(e.message).toBe('invalid guide profile: qualifiers.RFF.policyNumber.value: must be a string, got 7');
  });
});

describe('MessageEncodeError', () => {
  it('encodeMessage names the bad field of a typed value', () => {
    const e = thrown(() => encodeMessage({ ...nine, messageDate: 20241120 as never }, opsigelser));
    expect(e).toBeInstanceOf(MessageEncodeError);
    expect((e as MessageEncodeError).issues).toEqual([{ path: 'messageDate', message: 'must be a string, got 20241120' }]);
    expect(e.message).toBe('not a valid opsigelser message of kind cancellation: messageDate: must be a string, got 20241120');
  });

  it('encodeMessage names the kinds a message may have', () => {
    const e = thrown(() => encodeMessage({ ...nine, kind: 'bogus' } as never, opsigelser)) as MessageEncodeError;
    expect(e.issues).toEqual([{ path: 'kind', message: 'must be one of "cancellation", "bonusAnswer", "contentError", "bonusQuery", "reminder", "rejection", "accept", got "bogus"' }]);
  });

  it('a builder names the option that made its reply invalid', () => {
    const e = thrown(() => buildAccept(nine, { messageDate: '2024-12-03', contact: 5 as never }));
    expect(e).toBeInstanceOf(MessageEncodeError);
    expect(e.message).toBe('cannot build an accept (29): contact: must be a string, got 5');
  });

  it('says how many entries a list may have', () => {
    // Six lines in one FTX (C108 has five components); how many FTX segments is the segment table's to say.
    const lines = [Array.from({ length: 6 }, () => 'a')];
    const e = thrown(() => encodeMessage({ ...nine, cancellationDate: { date: '2025-01-01', basis: 'otherDate' }, freeText: lines }, opsigelser)) as MessageEncodeError;
    expect(e.issues).toEqual([{ path: 'freeText.0', message: 'must have at most 5 entries, got 6' }]);
  });
});

describe('decodeMessage', () => {
  it('reports a value its typed schema refuses in our words', () => {
    const text = readFileSync(new URL('../fixtures/opsigelse-9-motor.edi', import.meta.url), 'latin1')
      .replace("DTM+287:20250101:102'", "DTM+288:20250101:102'FTX+AAI+++a:a:a:a:a:a'")
      .replace('UNT+13+1', 'UNT+14+1')
      .replace("DOC+11'", '');
    const message = parseInterchanges(Buffer.from(text, 'latin1'), { errors: 'collect' }).interchanges[0]!.messages[0]!;
    const r = decodeMessage(message, opsigelser);
    expect(r.ok).toBe(false);
    const reasons = r.ok ? [] : r.errors.map((e) => e.reason);
    expect(reasons).toContain('freeText.0: must have at most 5 entries, got 6');
    for (const reason of reasons) expect(reason).not.toMatch(ZOD_WORDING);
  });
});

describe('loading a snapshot whose stored message is not a valid typed message', () => {
  const spoiled = <T extends { entries: Array<{ message: unknown }> }>(snapshot: T): T => {
    const copy = JSON.parse(JSON.stringify(snapshot)) as T;
    (copy.entries[0]!.message as Record<string, unknown>).messageDate = 5;
    return copy;
  };

  it('OpsigelseCase.fromJSON throws a TypeError naming the entry and the field', () => {
    const snapshot = spoiled(OpsigelseCase.replay([{ message: nine }]).toJSON()) as OpsigelseCaseSnapshot;
    const e = thrown(() => OpsigelseCase.fromJSON(snapshot));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('OpsigelseCase.fromJSON: entries.0.message is not a valid opsigelser message: messageDate: must be a string, got 5');
  });

  it('OpsigelseRegistry.fromJSON too', () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    const e = thrown(() => OpsigelseRegistry.fromJSON(spoiled(registry.toJSON()) as OpsigelseRegistrySnapshot));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('OpsigelseRegistry.fromJSON: entries.0.message is not a valid opsigelser message: messageDate: must be a string, got 5');
  });

  it('Declaration.fromJSON too', () => {
    const snapshot = spoiled(Declaration.replay([{ message: declaration }]).toJSON()) as DeclarationSnapshot;
    const e = thrown(() => Declaration.fromJSON(snapshot));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe('Declaration.fromJSON: entries.0.message is not a valid panthaver message: messageDate: must be a string, got 5');
  });
});
