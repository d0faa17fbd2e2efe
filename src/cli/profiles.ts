import { readFileSync } from 'node:fs';
import type { GuideProfile } from '../schema/profile.js';
import { loadProfile } from '../schema/profile.js';
import { patchProfile } from '../schema/patch.js';
import { defaultProfiles, getProfile } from '../schema/profiles/index.js';
import { kindOfDocumentCode, profileForMessageType } from '../schema/access.js';
import { errorText, UsageError } from './io.js';

/**
 * Reads `--profile <file.json>`: either a whole profile, or `{ "extends": "<shipped id>", …patch }`
 * applied to a shipped profile with `patchProfile`. Errors name the file and the bad path.
 */
export function readProfileFile(path: string): GuideProfile {
  if (path === '') throw new UsageError('--profile needs a file path, got ""');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read profile ${path}: ${errorText(err)}`);
  }
  try {
    if (json && typeof json === 'object' && typeof (json as { extends?: unknown }).extends === 'string') {
      const { extends: base, ...patch } = json as { extends: string } & Record<string, unknown>;
      return patchProfile(getProfile(base), patch);
    }
    return loadProfile(json);
  } catch (err) {
    throw new UsageError(`profile ${path} is not usable: ${errorText(err)}`);
  }
}

/** The profiles a command uses: the shipped defaults, with `--profile` replacing the one of its exchange. */
export function resolveProfiles(path: string | undefined): GuideProfile[] {
  const shipped = defaultProfiles();
  // An empty path (`--profile "$UNSET"`) is refused by readProfileFile, not taken for no --profile.
  if (path === undefined) return shipped;
  const custom = readProfileFile(path);
  return [custom, ...shipped.filter((p) => p.exchange !== custom.exchange)];
}

/** BGM code → kind name for a message type, through whichever profile handles that type. */
export function kindNamer(profiles: readonly GuideProfile[]): (messageType: string, code: string) => string | null {
  return (messageType, code) => {
    const profile = profileForMessageType(profiles, messageType);
    return profile ? (kindOfDocumentCode(profile, code) ?? null) : null;
  };
}
