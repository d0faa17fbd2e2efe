/**
 * Persistence of cases: a small key–value interface a back office implements over its own
 * database, and an in-memory default. Cases are stored as their JSON snapshots (message logs),
 * so a stored case replays to exactly the same state.
 *
 * @module
 */
import { Declaration, type DeclarationSnapshot } from './declaration.js';
import { OpsigelseCase, type OpsigelseCaseOptions, type OpsigelseCaseSnapshot } from './opsigelse-case.js';
import type { OpsigelseRegistrySnapshot } from './opsigelse-registry.js';

/** Anything the rules layer stores: an opsigelser case, a declaration, or a whole registry. */
export type CaseSnapshot = OpsigelseCaseSnapshot | DeclarationSnapshot | OpsigelseRegistrySnapshot;

/** Where cases live between messages. Implement it over any database; keys are opaque strings. */
export interface CaseStore {
  /** The snapshot stored under `key`, or `undefined`. */
  get(key: string): Promise<CaseSnapshot | undefined>;
  /** Stores (replaces) the snapshot under `key`. */
  put(key: string, snapshot: CaseSnapshot): Promise<void>;
  /** Every key in the store. */
  keys(): Promise<string[]>;
}

/**
 * The default {@link CaseStore}: a `Map` of JSON text. Storing text (not objects) proves that
 * what is stored survives `JSON.stringify` / `JSON.parse`, as a real database would need.
 */
export class MemoryCaseStore implements CaseStore {
  private readonly texts = new Map<string, string>();

  /** The snapshot under `key`, parsed from its stored JSON text. */
  async get(key: string): Promise<CaseSnapshot | undefined> {
    const text = this.texts.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as CaseSnapshot);
  }

  /** Stores the snapshot as JSON text. */
  async put(key: string, snapshot: CaseSnapshot): Promise<void> {
    this.texts.set(key, JSON.stringify(snapshot));
  }

  /** The keys, in insertion order. */
  async keys(): Promise<string[]> {
    return [...this.texts.keys()];
  }
}

/** The store key of a case: `opsigelser:<reference>` or `panthaver:<declaration number>`. */
export function caseKey(exchange: 'opsigelser' | 'panthaver', id: string): string {
  return `${exchange}:${id}`;
}

/** Stores an opsigelser case or a declaration under its {@link caseKey}; returns the key. */
export async function saveCase(store: CaseStore, item: OpsigelseCase | Declaration): Promise<string> {
  const id = item instanceof OpsigelseCase ? item.reference : item.declarationNumber;
  if (id === undefined) throw new TypeError('saveCase: an empty case has no key yet');
  const key = caseKey(item instanceof OpsigelseCase ? 'opsigelser' : 'panthaver', id);
  await store.put(key, item.toJSON());
  return key;
}

/**
 * Loads the opsigelser case of `reference`, or `undefined` when none is stored.
 * @throws TypeError when the stored snapshot is not an opsigelser case
 */
export async function loadOpsigelseCase(store: CaseStore, reference: string, options: OpsigelseCaseOptions = {}): Promise<OpsigelseCase | undefined> {
  const snapshot = await store.get(caseKey('opsigelser', reference));
  return snapshot === undefined ? undefined : OpsigelseCase.fromJSON(snapshot as OpsigelseCaseSnapshot, options);
}

/**
 * Loads the declaration `declarationNumber`, or `undefined` when none is stored.
 * @throws TypeError when the stored snapshot is not a declaration
 */
export async function loadDeclaration(store: CaseStore, declarationNumber: string): Promise<Declaration | undefined> {
  const snapshot = await store.get(caseKey('panthaver', declarationNumber));
  return snapshot === undefined ? undefined : Declaration.fromJSON(snapshot as DeclarationSnapshot);
}
