import { checkOptions, positiveIntegerOption, type OptionCheck } from '../syntax/options.js';
import { detach } from '../syntax/segment.js';

const STORE_OPTION_CHECKS: readonly OptionCheck[] = [positiveIntegerOption('maxInterchanges')];

/**
 * Duplicate detection (syntax error 26): the validator asks a store whether it has seen an
 * interchange (sender + UNB 0020) or a message (sender + interchange + UNH 0062) before. A
 * store records what it is asked about, so asking twice answers `true` the second time.
 */

/** Where the validator records interchanges and messages it has seen. Methods may be async. */
export interface DuplicateStore {
  /** Records the interchange; `true` when this sender already sent this reference. */
  seenInterchange(sender: string, reference: string): boolean | Promise<boolean>;
  /** Records the message; `true` when the interchange already held this message reference. */
  seenMessage(sender: string, interchangeReference: string, messageReference: string): boolean | Promise<boolean>;
}

/** Options of {@link createMemoryDuplicateStore}. */
export interface MemoryDuplicateStoreOptions {
  /** Most interchange keys kept; the oldest are forgotten first. Default 100,000. */
  maxInterchanges?: number;
}

/**
 * The in-memory default: remembers the last `maxInterchanges` interchange keys, and the
 * message references of the current interchange only (forgotten when the next interchange
 * starts, so a repeated interchange is one duplicate, not one per message), so memory stays bounded on endless streams.
 */
export function createMemoryDuplicateStore(options: MemoryDuplicateStoreOptions = {}): DuplicateStore {
  checkOptions(options, STORE_OPTION_CHECKS, 'createMemoryDuplicateStore');
  const max = options.maxInterchanges ?? 100_000;
  const interchanges = new Set<string>();
  let currentSender = '';
  let currentReference = '';
  let messages = new Set<string>();
  return {
    seenInterchange(sender, reference) {
      // Detached: a key made of slices of the input would keep a whole input chunk alive.
      const key = detach(`${sender}\u0000${reference}`);
      currentSender = sender;
      currentReference = reference;
      messages = new Set();
      if (interchanges.has(key)) return true;
      interchanges.add(key);
      if (interchanges.size > max) {
        const oldest = interchanges.values().next().value;
        if (oldest !== undefined) interchanges.delete(oldest);
      }
      return false;
    },
    seenMessage(sender, interchangeReference, messageReference) {
      if (sender !== currentSender || interchangeReference !== currentReference) {
        currentSender = sender;
        currentReference = interchangeReference;
        messages = new Set();
      }
      // One lookup, not has() then add(): the reference is a fresh string, hashed on first use.
      const before = messages.size;
      messages.add(messageReference);
      return messages.size === before;
    },
  };
}
