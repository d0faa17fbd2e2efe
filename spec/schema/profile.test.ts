import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/cli/profiles.js';
import { contentRuleCode, documentCode, kindOfDocumentCode, profileCodeLists, q, rejectionCode, roleOf, rolesOf } from '../../src/schema/access.js';
import { listAssumptions, patchProfile } from '../../src/schema/patch.js';
import { loadProfile, ProfileError } from '../../src/schema/profile.js';
import { getProfile, listProfileIds } from '../../src/schema/profiles/index.js';
import { DEFAULT_VIR_RULE, validateVir } from '../../src/schema/identifiers.js';

const ops = getProfile('fp-opsigelser/5.5-reconstructed');
const pant = getProfile('fp-panthaver/5.2-reconstructed');

describe('shipped profiles', () => {
  it.each(listProfileIds())('%s validates and round-trips through JSON', (id) => {
    const p = getProfile(id);
    expect(loadProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
  it.each(listProfileIds())('%s serialises to the same JSON text after a reload (key order kept)', (id) => {
    const text = JSON.stringify(getProfile(id));
    expect(JSON.stringify(loadProfile(JSON.parse(text)))).toBe(text);
    expect(JSON.stringify(loadProfile(JSON.parse(JSON.stringify(getProfile(id), null, 2))), null, 2)).toBe(JSON.stringify(getProfile(id), null, 2));
  });
  it('keeps the key order of its input, for a patched profile and for hand-written JSON in any order', () => {
    const patched = patchProfile(ops, {
      segments: { CTA: { byQualifier: { contactFunction: ['1', '2.2'] } } },
      branchGroups: { '008': { source: 'F&P Bilag 2', name: 'travel', assumption: false, requiresInsuredLocation: false, bonusProductGroups: [], nameMustMatch: false, shortenedNoticeAllowed: true } },
      qualifiers: { RFF: { policyNumber: { source: 'Bilag 1', value: 'PNR', assumption: false } } },
    });
    const text = JSON.stringify(patched);
    expect(JSON.stringify(loadProfile(JSON.parse(text)))).toBe(text);
    expect(Object.keys(patched.branchGroups['008']!)).toEqual(['source', 'name', 'assumption', 'requiresInsuredLocation', 'bonusProductGroups', 'nameMustMatch', 'shortenedNoticeAllowed']);
    // A whole profile with its keys reversed at every level loads with them reversed.
    const reverse = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverse) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
    const reversed = JSON.stringify(reverse(JSON.parse(JSON.stringify(pant))));
    expect(JSON.stringify(loadProfile(JSON.parse(reversed)))).toBe(reversed);
  });
  it('are frozen', () => {
    expect(Object.isFrozen(ops.qualifiers.RFF)).toBe(true);
  });
  it('unknown id names the known ones', () => {
    expect(() => getProfile('nope')).toThrow(/fp-opsigelser\/5\.5-reconstructed/);
  });
  it('carry the contract values', () => {
    expect(q(ops, 'RFF', 'policyNumber')).toBe('POL');
    expect(q(ops, 'DTM', 'cancellationDate')).toBe('287');
    expect(q(ops, 'NADIdType', 'cpr')).toBe('CPR');
    expect(documentCode(ops, 'cancellation')).toBe('9');
    expect(kindOfDocumentCode(ops, '27')).toBe('rejection');
    expect(kindOfDocumentCode(ops, '99')).toBeUndefined();
    expect(documentCode(pant, 'coverageEndedComprehensive')).toBe('Z11');
    expect(q(pant, 'ICD', 'coverScheme')).toBe('DK');
    expect(rejectionCode(ops, 'lapsedArrears')).toBe('11');
    expect(contentRuleCode(ops, 'policy-number-missing')).toBe('F01');
    expect(contentRuleCode(ops, 'brc-changed')).toBe('F03');
    expect(ops.branchGroups['001']?.bonusProductGroups).toEqual(['001', '002', '004', '999']);
    expect(ops.branchGroups['004']?.shortenedNoticeAllowed).toBe(false);
    expect(ops.branchGroups['002']?.requiresInsuredLocation).toBe(true);
  });
  it('marks seed-backed values S and the rest A', () => {
    expect(ops.documentCodes.cancellation?.assumption).toBe(false);
    expect(ops.qualifiers.DTM?.messageDate?.assumption).toBe(false);
    expect(ops.qualifiers.DTM?.cancellationDate?.assumption).toBe(true);
    expect(ops.rejectionReasons.policyUnknown?.assumption).toBe(true);
    expect(ops.rejectionReasons.withdrawalOriginalNotAccepted?.assumption).toBe(false);
  });
  it('maps every assumed rejection reason to a free number 1–23', () => {
    const values = Object.values(ops.rejectionReasons).map((v) => v.value);
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) expect(ops.codeLists.rejectionCodes?.codes[v]).toBeDefined();
  });
  it('accessors throw naming the profile and key', () => {
    expect(() => q(ops, 'RFF', 'nope')).toThrow('fp-opsigelser/5.5-reconstructed has no qualifier qualifiers.RFF.nope');
    expect(() => q(ops, 'RFF', 'constructor')).toThrow(/qualifiers\.RFF\.constructor/);
    expect(() => documentCode(ops, 'nope')).toThrow(/documentCodes\.nope/);
    expect(() => contentRuleCode(ops, 'nope')).toThrow(/contentRules\.nope/);
    expect(() => rejectionCode(ops, 'nope')).toThrow(/rejectionReasons\.nope/);
  });
  it('derive code lists for checkSegment', () => {
    const lists = profileCodeLists(ops);
    expect(lists['qualifiers.RFF']).toEqual(['OPS', 'POL', 'REG', 'MAT']);
    expect(lists.dateFormat).toEqual(['102']);
  });
});

describe('loadProfile', () => {
  it('names the path of a bad field', () => {
    const bad = JSON.parse(JSON.stringify(ops));
    bad.qualifiers.RFF.policyNumber.value = 42;
    expect(() => loadProfile(bad)).toThrow(ProfileError);
    expect(() => loadProfile(bad)).toThrow(/qualifiers\.RFF\.policyNumber\.value/);
  });
  it('names several paths, including structure ones', () => {
    const bad = JSON.parse(JSON.stringify(ops));
    bad.structure.entries[3].maxRepeat = 0;
    delete bad.dateFormat.source;
    try {
      loadProfile(bad);
      expect.unreachable();
    } catch (e) {
      const paths = (e as ProfileError).issues.map((i) => i.path);
      expect(paths).toContain('dateFormat.source');
      expect(paths.some((p) => p.startsWith('structure.entries.3'))).toBe(true);
    }
  });
  it('rejects a structure tag without a layout and a non-kebab rule id', () => {
    const bad = JSON.parse(JSON.stringify(ops));
    delete bad.segments.BRC;
    expect(() => loadProfile(bad)).toThrow(/segments\.BRC: segment BRC is in the structure but has no layout/);
    const bad2 = JSON.parse(JSON.stringify(ops));
    bad2.contentRules.NotKebab = bad2.contentRules['brc-changed'];
    expect(() => loadProfile(bad2)).toThrow(/contentRules\.NotKebab/);
  });
  it('rejects a byQualifier role the qualifier table does not have, or a position that is not one', () => {
    const bad = JSON.parse(JSON.stringify(ops));
    bad.segments.NAD.byQualifier.recipent = ['1'];
    expect(() => loadProfile(bad)).toThrow(/segments\.NAD\.byQualifier\.recipent: recipent is not a role of qualifiers\.NAD/);
    const bad2 = JSON.parse(JSON.stringify(ops));
    bad2.segments.NAD.byQualifier.recipient = ['0.1'];
    expect(() => loadProfile(bad2)).toThrow(/segments\.NAD\.byQualifier\.recipient\.0/);
  });
  it.each([
    ['an element the layout does not have', ['1', '2.1', '2.3', '4.1', '10'], /byQualifier\.recipient\.4: position 10: NAD has 9 elements/],
    ['a component its composite does not have', ['1', '2.1', '2.3', '2.9', '4.1'], /byQualifier\.recipient\.3: position 2\.9: C082 has 3 components/],
    ['a component of a simple element', ['1', '2.1', '2.3', '4.1', '6.1'], /byQualifier\.recipient\.4: position 6\.1: element 6 \(3164\) is simple/],
    ['no element 1: the qualifier that selects the layout would be not used', ['2.1', '2.3', '4.1'], /byQualifier\.recipient: leaves out position 1 \(3035, mandatory\)/],
  ])('rejects a byQualifier naming %s', (_, used, message) => {
    const bad = JSON.parse(JSON.stringify(ops));
    bad.segments.NAD.byQualifier.recipient = used;
    expect(() => loadProfile(bad)).toThrow(message);
    expect(() => patchProfile(ops, { segments: { NAD: { byQualifier: { recipient: used } } } })).toThrow(message);
  });
  describe('two roles sharing a qualifier code in a byQualifier table', () => {
    // A partner's profile as JSON text: the insured location's NAD re-coded to MR, the recipient's code.
    const PATCH = '{ "extends": "fp-opsigelser/5.5-reconstructed", "qualifiers": { "NAD": { "insuredLocation": "MR" } } }';
    const conflict = /segments\.NAD\.byQualifier: NAD qualifier code MR is used by roles recipient \(1, 2\.1, 2\.3, 4\.1\) and insuredLocation \(1, 5\.1, 6, 8, 9\)/;

    it('refuses different position lists, naming the code and both roles (a JSON patch, and the whole profile as JSON)', () => {
      const { extends: base, ...patch } = JSON.parse(PATCH) as { extends: string };
      expect(() => patchProfile(getProfile(base), patch)).toThrow(ProfileError);
      expect(() => patchProfile(getProfile(base), patch)).toThrow(conflict);
      const whole = JSON.parse(JSON.stringify(ops));
      whole.qualifiers.NAD.insuredLocation.value = 'MR';
      expect(() => loadProfile(whole)).toThrow(conflict);
      // As `--profile file.json` reads it.
      const dir = mkdtempSync(join(tmpdir(), 'fp-profile-'));
      try {
        writeFileSync(join(dir, 'partner.json'), PATCH);
        expect(() => readProfileFile(join(dir, 'partner.json'))).toThrow(conflict);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses a role with a list and one without (checked against the whole layout) sharing a code', () => {
      expect(() => patchProfile(ops, { qualifiers: { NAD: { policyholder1: 'MS' } } })).toThrow(
        /segments\.NAD\.byQualifier: NAD qualifier code MS is used by roles sender \(1, 2\.1, 2\.3, 4\.1\) and policyholder1 \(the whole layout\)/,
      );
      // Both without a list: nothing is narrowed, nothing to tell apart.
      expect(q(patchProfile(ops, { qualifiers: { NAD: { policyholder2: 'FT1' } } }), 'NAD', 'policyholder2')).toBe('FT1');
    });

    it('accepts roles that share a code with lists that narrow the layout the same way', () => {
      const same = patchProfile(ops, { qualifiers: { NAD: { cancelledBy: 'MR' } } });
      expect(q(same, 'NAD', 'cancelledBy')).toBe('MR');
      // The same positions in another order, and a whole element whose other components the layout does not use anyway (2.2 is N).
      const reordered = patchProfile(ops, {
        qualifiers: { NAD: { cancelledBy: 'MR' } },
        segments: { NAD: { byQualifier: { cancelledBy: ['4.1', '2.3', '2.1', '1', '1'], recipient: ['1', '2', '2.1', '4.1'], sender: ['1', '2', '4.1'] } } },
      });
      expect(reordered.segments.NAD!.byQualifier!.cancelledBy).toEqual(['4.1', '2.3', '2.1', '1', '1']);
      // The recipient's second name line (4.2) on its own: the company that cancelled has none.
      expect(() => patchProfile(ops, { qualifiers: { NAD: { cancelledBy: 'MR' } }, segments: { NAD: { byQualifier: { recipient: ['1', '2', '4'] } } } })).toThrow(
        /NAD qualifier code MR is used by roles recipient \(1, 2, 4\) and cancelledBy \(1, 2\.1, 2\.3, 4\.1\)/,
      );
    });
  });
  it('rejects duplicate document codes and unknown keys', () => {
    const bad = JSON.parse(JSON.stringify(ops));
    bad.documentCodes.accept.value = '9';
    expect(() => loadProfile(bad)).toThrow(/documentCodes\.accept\.value/);
    expect(() => loadProfile({ ...JSON.parse(JSON.stringify(ops)), extra: 1 })).toThrow(ProfileError);
  });
  it('rejects prototype keys', () => {
    const bad = JSON.parse(`{"__proto__": {"x": 1}, "id": "x"}`);
    expect(() => loadProfile(bad)).toThrow(/__proto__/);
  });
});

describe('patchProfile', () => {
  it('patching the policy-number RFF qualifier changes q(), keeping the source', () => {
    const p = patchProfile(ops, { qualifiers: { RFF: { policyNumber: { value: 'PNR' } } } });
    expect(q(p, 'RFF', 'policyNumber')).toBe('PNR');
    expect(p.qualifiers.RFF?.policyNumber?.source).toBe(ops.qualifiers.RFF?.policyNumber?.source);
    expect(p.qualifiers.RFF?.policyNumber?.assumption).toBe(true);
    expect(q(p, 'RFF', 'caseReference')).toBe('OPS');
    expect(q(ops, 'RFF', 'policyNumber')).toBe('POL');
  });
  it('a qualifier value shared by two roles reads as the first role, whether looked up one by one or as a table', () => {
    const p = patchProfile(ops, { qualifiers: { RFF: { caseReference: { value: 'POL' } } } });
    const roles = Object.keys(p.qualifiers.RFF!);
    const first = roles.find((r) => p.qualifiers.RFF![r]!.value === 'POL');
    expect(roles.filter((r) => p.qualifiers.RFF![r]!.value === 'POL').length).toBe(2);
    expect(roleOf(p, 'RFF', 'POL')).toBe(first);
    expect(rolesOf(p, 'RFF').get('POL')).toBe(first);
    for (const [value, role] of rolesOf(ops, 'RFF')) expect(roleOf(ops, 'RFF', value)).toBe(role);
  });
  it('accepts a bare value and a new source / flag', () => {
    const p = patchProfile(ops, {
      qualifiers: { DTM: { cancellationDate: '999' } },
      dateFormat: { value: '203', assumption: false, source: 'Bilag 1 5.5' },
    });
    expect(q(p, 'DTM', 'cancellationDate')).toBe('999');
    expect(p.dateFormat).toEqual({ value: '203', assumption: false, source: 'Bilag 1 5.5' });
  });
  it('replaces arrays, adds and deletes record entries', () => {
    const p = patchProfile(ops, {
      interchange: { acceptedSyntaxIds: ['UNOC'] },
      branchGroups: { '001': { bonusProductGroups: ['001'] }, '999': null },
      codeLists: { premiumStepFixed: { codes: { FAST2: { name: 'x', assumption: true, source: 'test' } } } },
    });
    expect(p.interchange.acceptedSyntaxIds.value).toEqual(['UNOC']);
    expect(p.branchGroups['001']?.bonusProductGroups).toEqual(['001']);
    expect(p.branchGroups['999']).toBeUndefined();
    expect(Object.keys(p.codeLists.premiumStepFixed!.codes)).toEqual(['FASTP', 'FAST2']);
  });
  it('never mutates the base (even an unfrozen one)', () => {
    const base = loadProfile(JSON.parse(JSON.stringify(ops)));
    const before = JSON.stringify(base);
    patchProfile(base, { qualifiers: { RFF: { policyNumber: 'X' } }, structure: { entries: base.structure.entries.slice(0, 2) } });
    expect(JSON.stringify(base)).toBe(before);
  });
  it('re-validates the result, naming the path', () => {
    expect(() => patchProfile(ops, { qualifiers: { RFF: { policyNumber: { value: '' } } } })).toThrow(/qualifiers\.RFF\.policyNumber\.value/);
    expect(() => patchProfile(ops, { contentRules: { 'brc-changed': { code: 'F09' } } } as never)).toThrow(/contentRules\.brc-changed\.code\.value/);
  });
  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key', (key) => {
    const patch = JSON.parse(`{"qualifiers": {"RFF": {"${key}": {"polluted": true}}}}`);
    expect(() => patchProfile(ops, patch)).toThrow(ProfileError);
    expect(() => patchProfile(ops, patch)).toThrow(new RegExp(`qualifiers\\.RFF\\.${key}`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('rejects a literal __proto__ (prototype set, not an own key)', () => {
    const patch = { qualifiers: { __proto__: { polluted: true } } };
    expect(() => patchProfile(ops, patch as never)).toThrow(ProfileError);
  });
});

describe('listAssumptions', () => {
  it('lists annotated values with path, value and source', () => {
    const list = listAssumptions(ops);
    expect(list).toContainEqual({ path: 'qualifiers.RFF.policyNumber', value: 'POL', source: 'default-profile.md (A)' });
    expect(list.find((x) => x.path === 'interchange.syntaxId')?.value).toBe('UNOC');
    expect(list.some((x) => x.path === 'qualifiers.DTM.messageDate')).toBe(false);
    expect(list.some((x) => x.path === 'documentCodes.cancellation')).toBe(false);
    expect(list.some((x) => x.path === 'branchGroups.002')).toBe(true);
    expect(list.some((x) => x.path === 'structure')).toBe(true);
    expect(list.some((x) => x.path === 'segments.NAD')).toBe(true);
    for (const x of list) expect(x.source).not.toBe('');
  });
  it('follows a patch', () => {
    const p = patchProfile(ops, { qualifiers: { RFF: { policyNumber: { value: 'POL', assumption: false, source: 'Bilag 1' } } } });
    expect(listAssumptions(p).some((x) => x.path === 'qualifiers.RFF.policyNumber')).toBe(false);
  });
  it('lists the VIR number format (an assumption: 8 digits), which a profile carries and a patch replaces', () => {
    for (const p of [ops, pant]) {
      const vir = listAssumptions(p).find((x) => x.path === 'interchange.virRule');
      expect(vir?.value, p.id).toEqual({ ...DEFAULT_VIR_RULE });
      expect(vir?.source).toMatch(/not public/);
    }
    const partner = patchProfile(ops, { interchange: { virRule: { value: { pattern: '^[0-9]{5}$', description: '5 digits' }, assumption: false, source: 'Bilag 1' } } });
    expect(validateVir('12345', partner.interchange.virRule?.value)).toMatchObject({ valid: true, rule: '5 digits' });
    expect(validateVir('12345', ops.interchange.virRule?.value).valid).toBe(false);
    expect(listAssumptions(partner).some((x) => x.path === 'interchange.virRule')).toBe(false);
    expect(() => patchProfile(ops, { interchange: { virRule: { value: { pattern: '^(a+)+$' } } } })).toThrow(/interchange\.virRule/);
  });
  it('lists panthaver assumptions too', () => {
    const list = listAssumptions(pant);
    expect(list.some((x) => x.path === 'documentCodes.newDeclaration')).toBe(true);
    expect(list.some((x) => x.path === 'documentCodes.coverageEndedArrears')).toBe(false);
  });
  // Seed 002, 2.10 'Meddelelsens nummer': "I BGM-segmentet kan der anføres et nummer på hver enkelt
  // meddelelse (1004). I EDI-opsigelser anvendes dette nummer ikke." Seed 001 (the panthaver Web-EDI
  // user guide) says nothing of BGM: "Det regelsæt m.m., der er aftalt vedrørende meddelelsernes indhold
  // … er beskrevet i en separat EDI-guide". So BGM 1004 'not used' is seed-backed for opsigelser only.
  it("lists panthaver's BGM layout (1004 not used) as an assumption, not as seed 002's", () => {
    expect(listAssumptions(ops).some((x) => x.path === 'segments.BGM')).toBe(false);
    expect(ops.segments.BGM?.source).toMatch(/I EDI-opsigelser anvendes dette nummer ikke/);
    const bgm = listAssumptions(pant).find((x) => x.path === 'segments.BGM');
    expect(bgm?.source).toMatch(/seed 001 .*silent/);
    expect(bgm?.source).not.toMatch(/kinds seed 002/);
    // The data is unchanged: 1004 stays N in both profiles.
    for (const p of [ops, pant]) expect(p.segments.BGM?.elements[1]?.status, p.id).toBe('N');
  });
});
