/**
 * Everything the validator needs from a guide profile, computed once per profile object:
 * layouts by tag (compiled), code lists, the fast structure matcher, BGM code → kind, the
 * content rules per kind. The CONTRL message gets the same treatment from `CONTRL_STRUCTURE`.
 */
import { profileCodeLists, qualifierLayouts } from '../../schema/access.js';
import type { CodeListLike } from '../../schema/check.js';
import { CONTRL_CODE_LISTS, CONTRL_STRUCTURE } from '../../schema/contrl.js';
import { qualifierConflicts, type GuideProfile } from '../../schema/profile.js';
import { requiredPositionIssues } from '../../schema/required.js';
import { defaultProfiles } from '../../schema/profiles/index.js';
import { STANDARD_LAYOUTS, type SegmentLayout } from '../../schema/segments.js';
import type { MessageStructure } from '../../schema/structure.js';
import { partyIdTypes, type PartyIdTypes } from '../party-ids.js';
import { compileRuleSet, type RuleSet } from '../rules/index.js';
import type { ProfileMap } from '../types.js';
import { compileLayout, type CompiledLayout } from './layout.js';
import { FastStructureMatcher, groupHeadTags } from './structure.js';

/** A UNH S009 identifier (0065 is the map key). */
export interface MessageIdentifier {
  version: string;
  release: string;
  agency: string;
}

/** A profile ready for validation. */
export interface CompiledProfile {
  /** Profile id (`fp-opsigelser/5.5-reconstructed`, or `contrl` for the CONTRL message). */
  id: string;
  /** The guide profile, or `null` for the CONTRL message. */
  profile: GuideProfile | null;
  /** UNH S009 0065. */
  type: string;
  /** Accepted S009 version, release and agency (the first is the profile's own). */
  identifiers: MessageIdentifier[];
  structure: MessageStructure;
  /** The fast structure matcher, handing out the layouts below. */
  matcher: FastStructureMatcher<CompiledLayout>;
  /** Segment group name → head tag. */
  groupHeads: ReadonlyMap<string, string>;
  /** Compiled layouts by tag (message segments including UNH and UNT). */
  layouts: ReadonlyMap<string, CompiledLayout>;
  /** Code lists for `checkSegment`. */
  codeLists: Readonly<Record<string, CodeListLike>>;
  /** BGM document code → kind name. */
  kinds: ReadonlyMap<string, string>;
  /** Syntax identifiers the profile accepts in UNB, or `null` for any. */
  acceptedSyntaxIds: readonly string[] | null;
  /** Content rules, or `null` (CONTRL). */
  rules: RuleSet | null;
  /** The NAD id types whose ids are checked for warnings (CPR, CVR, VIR) and the VIR rule, or `null` (CONTRL, or a profile without them). */
  partyIds: PartyIdTypes | null;
}

const cache = new WeakMap<GuideProfile, CompiledProfile>();

function compileLayouts(
  layouts: Readonly<Record<string, SegmentLayout>>,
  lists: Readonly<Record<string, CodeListLike>>,
  variants: (tag: string) => ReadonlyMap<string, SegmentLayout>,
): Map<string, CompiledLayout> {
  const out = new Map<string, CompiledLayout>();
  for (const [tag, layout] of Object.entries(layouts)) out.set(tag, compileLayout(layout, lists, variants(tag)));
  return out;
}

/** The parts bound to a segment table: the table, its fast matcher handing out the compiled layouts, group heads. */
function compileStructure(
  structure: MessageStructure,
  segments: Readonly<Record<string, SegmentLayout>>,
  lists: Readonly<Record<string, CodeListLike>>,
  variants: (tag: string) => ReadonlyMap<string, SegmentLayout> = () => new Map(),
): Pick<CompiledProfile, 'structure' | 'matcher' | 'groupHeads' | 'layouts'> {
  const layouts = compileLayouts(segments, lists, variants);
  return { structure, matcher: new FastStructureMatcher(structure, (tag) => layouts.get(tag)), groupHeads: groupHeadTags(structure), layouts };
}

/** The compiled form of a guide profile (cached per profile object). */
export function compileProfile(profile: GuideProfile): CompiledProfile {
  const hit = cache.get(profile);
  if (hit) return hit;
  // loadProfile refuses these; a profile built in code never went through it.
  const conflict = qualifierConflicts(profile)[0];
  if (conflict !== undefined) throw new TypeError(`fp-edifact: validate: profile ${profile.id}: segments.${conflict[0]}.byQualifier: ${conflict[1]}`);
  const relaxed = requiredPositionIssues(profile)[0];
  if (relaxed !== undefined) throw new TypeError(`fp-edifact: validate: profile ${profile.id}: ${relaxed.path.join('.')}: ${relaxed.message}`);
  const codeLists = profileCodeLists(profile);
  const kinds = new Map<string, string>();
  for (const [kind, code] of Object.entries(profile.documentCodes)) kinds.set(code.value, kind);
  const compiled: CompiledProfile = {
    id: profile.id,
    profile,
    type: profile.messageIdentifier.type.value,
    identifiers: [
      {
        version: profile.messageIdentifier.version.value,
        release: profile.messageIdentifier.release.value,
        agency: profile.messageIdentifier.agency.value,
      },
    ],
    ...compileStructure(profile.structure, profile.segments, codeLists, (tag) => qualifierLayouts(profile, tag)),
    codeLists,
    kinds,
    acceptedSyntaxIds: profile.interchange.acceptedSyntaxIds.value,
    rules: compileRuleSet(profile),
    partyIds: partyIdTypes(profile),
  };
  cache.set(profile, compiled);
  return compiled;
}

/** UNH S009 of the CONTRL messages fp-edifact writes (syntax 3). */
export const CONTRL_IDENTIFIER: MessageIdentifier & { type: string } = Object.freeze({ type: 'CONTRL', version: '2', release: '2', agency: 'UN' });

let contrl: CompiledProfile | undefined;

/** The CONTRL message as a compiled profile: `CONTRL_STRUCTURE` and the ISO 9735 layouts. */
export function compiledContrl(): CompiledProfile {
  if (contrl) return contrl;
  const layouts: Record<string, SegmentLayout> = {};
  for (const tag of ['UNH', 'UCI', 'UCM', 'UCS', 'UCD', 'UNT']) layouts[tag] = STANDARD_LAYOUTS[tag]!;
  contrl = {
    id: 'contrl',
    profile: null,
    type: CONTRL_IDENTIFIER.type,
    // 2:2 is syntax 3's CONTRL; D:3 and 4:1 are seen with syntax 4 and in EANCOM.
    identifiers: [
      { version: '2', release: '2', agency: 'UN' },
      { version: 'D', release: '3', agency: 'UN' },
      { version: '4', release: '1', agency: 'UN' },
    ],
    ...compileStructure(CONTRL_STRUCTURE, layouts, CONTRL_CODE_LISTS),
    codeLists: CONTRL_CODE_LISTS,
    kinds: new Map(),
    acceptedSyntaxIds: null,
    rules: null,
    partyIds: null,
  };
  return contrl;
}

/** Compiled profiles by UNH message type. */
export type ProfileLookup = ReadonlyMap<string, CompiledProfile>;

function isGuideProfile(value: GuideProfile | ProfileMap): value is GuideProfile {
  // A map's entry may be anything a plain-JS caller put there.
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as GuideProfile).id === 'string' && typeof (value as GuideProfile).messageIdentifier === 'object';
}

/**
 * The profiles a `profile` option gives (one profile, or a map of them by UNH message type, as
 * `validate` and `replayMessages` take it) as `[message type, profile]` pairs: a profile under
 * its own type. A map entry that is not a profile is a `TypeError` naming `where`.
 */
export function givenProfiles(given: GuideProfile | ProfileMap, where: string): Array<[string, GuideProfile]> {
  if (isGuideProfile(given)) return [[given.messageIdentifier.type.value, given]];
  return Object.entries(given).map(([type, p]) => {
    if (!isGuideProfile(p)) throw new TypeError(`fp-edifact: ${where}: option profile is neither a guide profile nor a map of them (profile.${type} is not one)`);
    return [type, p];
  });
}

/**
 * The profiles to validate with: the shipped ones by message type, then the given profile
 * (replacing the shipped one of its type) or map (replacing or adding types); CONTRL always.
 */
export function resolveProfiles(given: GuideProfile | ProfileMap | undefined): ProfileLookup {
  const out = new Map<string, CompiledProfile>();
  for (const p of defaultProfiles()) out.set(p.messageIdentifier.type.value, compileProfile(p));
  if (given !== undefined) for (const [type, p] of givenProfiles(given, 'validate')) out.set(type, compileProfile(p));
  if (!out.has('CONTRL')) out.set('CONTRL', compiledContrl());
  return out;
}

/** Union of the syntax identifiers the profiles accept, or `null` when one accepts any. */
export function acceptedSyntaxIds(profiles: ProfileLookup): ReadonlySet<string> | null {
  const out = new Set<string>();
  for (const p of profiles.values()) {
    if (p.profile === null) continue;
    if (p.acceptedSyntaxIds === null) return null;
    for (const id of p.acceptedSyntaxIds) out.add(id);
  }
  return out;
}
