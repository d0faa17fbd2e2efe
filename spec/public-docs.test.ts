/**
 * Every export of the public entries (`src/index.ts`, `src/testing.ts`) — value or type — carries
 * TSDoc: a description in a `/** … *\/` comment on its declaration (tags alone do not count),
 * which is what an editor shows the user who imports it. So does every public member of the
 * classes, interfaces and object types those exports lead to (an option's field, a result's
 * field, a method): the editor's hover on `options.maxErrors` or `report.messages` is where an
 * integrator reads what it means. Read with the TypeScript compiler, through the re-exports to
 * the declaration.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const ENTRIES = ['src/index.ts', 'src/testing.ts'];

let program: ts.Program;
beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  program = ts.createProgram(
    ENTRIES.map((e) => join(root, e)),
    config!.options,
  );
}, 60_000);

/** The description of a declaration's TSDoc (variables: of their statement), or `''`. */
function description(declaration: ts.Declaration): string {
  return ts
    .getJSDocCommentsAndTags(declaration)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment)?.trim() ?? '')
    .join(' ')
    .trim();
}

/** `name (file:line)` of every export of `entry` none of whose declarations has a description. */
function undocumented(entry: string): { exports: number; missing: string[] } {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(root, entry))!;
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!);
  const missing = exports.flatMap((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declarations = target.declarations ?? [];
    if (declarations.some((d) => description(d) !== '')) return [];
    const at = declarations[0];
    const where = at ? `${at.getSourceFile().fileName.slice(root.length + 1)}:${at.getSourceFile().getLineAndCharacterOfPosition(at.getStart()).line + 1}` : 'no declaration';
    return [`${symbol.name} (${where})`];
  });
  return { exports: exports.length, missing };
}

/** The member declarations a user reaches by `value.name`: properties, methods, accessors, parameter properties. */
const MEMBER_KINDS = new Set([
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.Parameter,
]);

/** One public member of a type reachable from an entry: `Type.member`, where it is declared, and whether an editor shows a description for it. */
interface Member {
  name: string;
  where: string;
  documented: boolean;
}

/** `file:line` of a declaration, relative to the repository. */
function whereIs(node: ts.Node): string {
  const file = node.getSourceFile();
  return `${file.fileName.slice(root.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** Declared in this package's source (not in TypeScript's lib or a dependency's typings). */
function ours(node: ts.Node): boolean {
  const file = node.getSourceFile();
  return !program.isSourceFileDefaultLibrary(file) && !file.fileName.includes('/node_modules/');
}

/** Private, protected, `#private` or tagged `@internal`: not a member a user reads. */
function hidden(declaration: ts.Declaration): boolean {
  const name = ts.getNameOfDeclaration(declaration);
  return (
    (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
    (name !== undefined && ts.isPrivateIdentifier(name)) ||
    ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'internal')
  );
}

/** {@link publicMembers} by entry, walked once. */
const walked = new Map<string, Member[]>();

/**
 * Every public member of the classes, interfaces and object types reachable from `entry`'s
 * exports: their properties, methods and accessors, the constructors of exported classes, and
 * the fields of the object types they lead to (a property's type, a method's or exported
 * function's parameters and result, inline or named, through arrays, unions and promises).
 * Each declaration is listed once, under the first type it was reached from. A member counts as
 * documented when the editor shows a description for it: its own, or the one it inherits from
 * the class or interface it extends or implements (`getDocumentationComment`). Members a class
 * inherits or overrides from a lib type (`Error`'s `name`, `message`, `stack`) are not ours to
 * document.
 */
function publicMembers(entry: string): Member[] {
  const known = walked.get(entry);
  if (known) return known;
  const checker = program.getTypeChecker();
  const members: Member[] = [];
  const seenTypes = new Set<ts.Type>();
  const seenDeclarations = new Set<ts.Node>();

  /** Whether a class member redeclares a member of a lib base type (`override readonly name = …` of an `Error`). */
  const overridesLib = (declaration: ts.Declaration, name: string): boolean => {
    const owner = declaration.parent;
    if (!ts.isClassLike(owner) || !owner.name) return false;
    const classType = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(owner.name)!);
    return (checker.getBaseTypes(classType as ts.InterfaceType) ?? []).some((base) => {
      const inherited = checker.getPropertyOfType(base, name);
      return (inherited?.declarations ?? []).some((d) => !ours(d));
    });
  };

  /**
   * Lists `property` of `owner` once; false for a member a user does not reach (private) or that
   * is not ours (Array's, Map's, Error's own; a mapped type such as `Partial<T>` keeps the
   * declarations of T's members, so those count as T's).
   */
  const member = (owner: string, property: ts.Symbol): boolean => {
    const declarations = (property.declarations ?? []).filter((d) => MEMBER_KINDS.has(d.kind) && ours(d));
    const first = declarations[0];
    if (!first || declarations.some(hidden) || overridesLib(first, property.name)) return false;
    if (seenDeclarations.has(first)) return true;
    seenDeclarations.add(first);
    const documented = ts.displayPartsToString(property.getDocumentationComment(checker)).trim() !== '';
    members.push({ name: `${owner}.${property.name}`, where: whereIs(first), documented });
    return true;
  };

  /** The name a reached type is listed under: its own (alias, interface, class) or, inline, the path it was reached by. */
  const nameOf = (type: ts.Type, path: string): string => {
    const named = type.aliasSymbol ?? type.getSymbol();
    const ownNamed = named && named.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Interface) && (named.declarations ?? []).some(ours);
    return ownNamed ? named.name : path;
  };

  /** Lists the members of `type` (reached by `path`) and walks on to the types they lead to. */
  const visit = (type: ts.Type, path: string): void => {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    const name = nameOf(type, path);
    // The arguments of our own generic aliases; a lib alias's (`Extract<T, { kind: K }>`) are type-level plumbing.
    if ((type.aliasSymbol?.declarations ?? []).some(ours)) for (const argument of type.aliasTypeArguments ?? []) visit(argument, name);
    if (type.isUnion()) {
      for (const part of type.types) visit(part, name);
      return;
    }
    if (type.isIntersection()) for (const part of type.types) visit(part, name);
    if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return;
    if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
      for (const argument of checker.getTypeArguments(type as ts.TypeReference)) visit(argument, name);
    }
    for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
      for (const parameter of signature.getParameters()) visit(checker.getTypeOfSymbol(parameter), `${name}(${parameter.name})`);
      visit(signature.getReturnType(), `${name}()`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      if (property.name === 'prototype') continue;
      if (member(name, property)) visit(checker.getTypeOfSymbol(property), `${name}.${property.name}`);
    }
  };

  const file = program.getSourceFile(join(root, entry))!;
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(file)!)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) visit(checker.getDeclaredTypeOfSymbol(symbol), exported.name);
    if (symbol.flags & ts.SymbolFlags.Value) visit(checker.getTypeOfSymbol(symbol), exported.name);
    for (const declaration of symbol.declarations ?? []) {
      if (!ts.isClassDeclaration(declaration)) continue;
      for (const constructor of declaration.members.filter(ts.isConstructorDeclaration)) {
        if (hidden(constructor) || seenDeclarations.has(constructor)) continue;
        seenDeclarations.add(constructor);
        members.push({ name: `new ${exported.name}`, where: whereIs(constructor), documented: description(constructor) !== '' });
      }
    }
  }
  walked.set(entry, members);
  return members;
}

describe('TSDoc of the public API', () => {
  it.each(ENTRIES)('every export of %s has a description', (entry) => {
    const { exports, missing } = undocumented(entry);
    expect(exports).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it.each(ENTRIES)('every public member of the types %s leads to has a description', (entry) => {
    const members = publicMembers(entry);
    const missing = members.filter((m) => !m.documented).map((m) => `${entry}: ${m.name} (${m.where})`);
    expect(missing, `${missing.length} of ${members.length} public members reachable from ${entry} have no TSDoc description`).toEqual([]);
  });

  it('walks the members a user reaches, and only those', () => {
    const names = new Set([...publicMembers('src/index.ts'), ...publicMembers('src/testing.ts')].map((m) => m.name));
    const reached = ['TokenizerLimits.maxSegmentLength', 'EdifactSyntaxError.reason', 'EdifactSyntaxError.toJSON', 'new EdifactSyntaxError', 'ValidateOptions.maxErrors', 'MessageSpec.header.type', 'isBonusQueryAllowed(options).profile', 'OpsigelseCase.apply', 'GeneratedInterchange.text'];
    expect(reached.filter((name) => !names.has(name))).toEqual([]);
    // Error's own members; an object constant's keys; a private field, and the internal model only private members lead to.
    const skipped = ['EdifactSyntaxError.name', 'EdifactSyntaxError.message', 'EdifactSyntaxError.stack', 'SyntaxErrorCode.missing', 'OpsigelseCase.log', 'OpsigelseCase.model', 'CaseModel.activity'];
    expect(skipped.filter((name) => names.has(name))).toEqual([]);
  });

  /** What an editor shows on `value.<property>` of the public type `type` (through `z.infer` and the re-exports). */
  function hover(type: string, property: string): string {
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(root, 'src/index.ts'))!)!);
    const symbol = exports.find((e) => e.name === type)!;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return ts.displayPartsToString(checker.getDeclaredTypeOfSymbol(target).getProperty(property)!.getDocumentationComment(checker));
  }

  // Since lienholders may be named by CVR number, Lienholder.vir showed the insurers' "VIR-nummer: the F&P company id"
  // with the CVR as an aside, and Company.vir (an insurer's, always a VIR number) spoke of lienholders' CVR numbers.
  it("says what a lienholder's vir holds for each idType, and that an insurer's is its VIR number", () => {
    const lienholder = hover('Lienholder', 'vir');
    expect(lienholder).toMatch(/`idType` absent[^;]*its VIR number/);
    expect(lienholder).toMatch(/`idType: 'CVR'`[^;]*its CVR number/);
    expect(hover('Lienholder', 'idType')).toMatch(/absent[^;]*VIR number[^;]*; `'CVR'`[^;]*CVR number/);
    const insurer = hover('Company', 'vir');
    expect(insurer).toMatch(/VIR number/);
    expect(insurer).not.toMatch(/CVR/);
  });

  it('tells a tag-only comment from a description', () => {
    const source = ts.createSourceFile('x.ts', '/** @internal */\nexport const a = 1;\n/** What b is. */\nexport type B = string;\n', ts.ScriptTarget.Latest, true);
    const [a, b] = source.statements;
    expect(description((a as ts.VariableStatement).declarationList.declarations[0]!)).toBe('');
    expect(description(b as ts.TypeAliasDeclaration)).toBe('What b is.');
  });
});
