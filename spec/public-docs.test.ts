/**
 * Every export of the public entries (`src/index.ts`, `src/testing.ts`) — value or type — carries
 * TSDoc: a description in a `/** … *\/` comment on its declaration (tags alone do not count),
 * which is what an editor shows the user who imports it. Read with the TypeScript compiler,
 * through the re-exports to the declaration.
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

describe('TSDoc of the public API', () => {
  it.each(ENTRIES)('every export of %s has a description', (entry) => {
    const { exports, missing } = undocumented(entry);
    expect(exports).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('tells a tag-only comment from a description', () => {
    const source = ts.createSourceFile('x.ts', '/** @internal */\nexport const a = 1;\n/** What b is. */\nexport type B = string;\n', ts.ScriptTarget.Latest, true);
    const [a, b] = source.statements;
    expect(description((a as ts.VariableStatement).declarationList.declarations[0]!)).toBe('');
    expect(description(b as ts.TypeAliasDeclaration)).toBe('What b is.');
  });
});
