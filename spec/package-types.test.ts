/**
 * The typings as a TypeScript consumer meets them, from the packed files installed into a
 * project (spec/package-install.ts), in strict mode: the examples of README.md and docs/*.md
 * typecheck against them (spec/docs runs the same examples against the sources, untyped), so do
 * a CommonJS module (the require typings) and a module resolved the way bundlers do, and every
 * type the public declarations use can be named by an import; none of them is `any`.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, packedFiles, repo, type Installed } from './package-install.js';

const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [join(repo, 'node_modules/@types')],
};
const NODE16: ts.CompilerOptions = { ...STRICT, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 };
const BUNDLER: ts.CompilerOptions = { ...STRICT, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };

/** What a consumer writes, the same through import and require: values and types of both entries. */
const CONSUMER = `import { parseInterchanges, validateFile, type InterchangeReport, type ValidateFileOptions } from 'fp-edifact';
import { arbOpsigelse } from 'fp-edifact/testing';
const options: ValidateFileOptions = { workers: 2 };
const header = parseInterchanges("UNB+UNOC:3+1+2+241120:2300+R'UNZ+0+R'").interchanges[0]?.header;
export const used: Array<unknown> = [validateFile('x.edi', options), header?.sender.id, arbOpsigelse('cancellation'), null as InterchangeReport | null];
`;

let installed: Installed;
let examples: string[];
let commonjs: string;
let bundled: string;
let entries: string[];
/** The examples, the CommonJS consumer and the package's entry typings, with node16 resolution. */
let program: ts.Program;
/** Parsed files, shared by the two programs (parsing the typings of node and zod costs seconds). */
const parsed = new Map<string, ts.SourceFile | undefined>();

function createProgram(roots: string[], options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!parsed.has(key)) parsed.set(key, read(fileName, languageVersion, ...rest));
    return parsed.get(key);
  };
  return ts.createProgram(roots, options, host);
}

beforeAll(() => {
  installed = installPacked(packedFiles());
  examples = docExamples();
  commonjs = join(installed.project, 'consumer.cts');
  writeFileSync(commonjs, CONSUMER);
  bundled = join(installed.project, 'consumer.ts');
  writeFileSync(bundled, CONSUMER);
  entries = ['index.d.ts', 'testing.d.ts'].map((f) => join(installed.packageDir, 'dist', f));
  program = createProgram([...examples, commonjs, ...entries], NODE16);
}, 60_000);
afterAll(() => rmSync(installed.project, { recursive: true, force: true }));

/**
 * The diagnostics of `files` in `program` (and of the package's own typings unless `files` only),
 * as `file(line,col): message`. Other libraries' typings (node, zod, fast-check) are read, not
 * checked: that takes long and is not this package's business.
 */
function diagnostics(program: ts.Program, files: string[], only: 'files' | 'files and package' = 'files and package'): string[] {
  const ownTypings = (name: string) => only === 'files and package' && name.startsWith(join(installed.packageDir, 'dist'));
  const own = program.getSourceFiles().filter((f) => files.includes(f.fileName) || ownTypings(f.fileName));
  return [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])].map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.replace(installed.project, '<project>')}(${line + 1},${character + 1}): ${text}`;
  });
}

/** The ```ts blocks of the shipped README.md and docs/*.md that import the package, as files of the project. */
function docExamples(): string[] {
  const dir = join(installed.project, 'examples');
  mkdirSync(dir, { recursive: true });
  const docs = ['README.md', ...readdirSync(join(installed.packageDir, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  return docs.flatMap((doc) =>
    [...readFileSync(join(installed.packageDir, doc), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].flatMap((m, i) => {
      if (!m[1]!.includes("from 'fp-edifact")) return [];
      const file = join(dir, `${doc.replace(/[/.]/g, '_')}_${i + 1}.ts`);
      writeFileSync(file, `${m[1]!}export {};\n`);
      return [file];
    }),
  );
}

describe('the typings of the installed package', () => {
  it('typecheck every documentation example (node16 resolution, the package an ES module)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(16);
    expect(diagnostics(program, examples)).toEqual([]);
  });

  it('typecheck a CommonJS module (.cts) through the require typings', () => {
    expect(program.getSourceFile(commonjs)).toBeDefined();
    expect(diagnostics(program, [commonjs])).toEqual([]);
  });

  it('typecheck a module resolved the way bundlers do', () => {
    // The package's typings themselves are checked with node16 above.
    expect(diagnostics(createProgram([bundled], BUNDLER), [bundled], 'files')).toEqual([]);
  });

  it('export every type their public declarations use', () => {
    const checker = program.getTypeChecker();
    const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
    const ours = (s: ts.Symbol) => (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(join(installed.packageDir, 'dist')));
    const exported = new Set<ts.Symbol>();
    for (const entry of entries) for (const s of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) exported.add(resolve(s));
    const named = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum;
    const unnamed = new Set<string>();
    const seen = new Set<ts.Symbol>();
    const queue = [...exported];
    while (queue.length > 0) {
      const symbol = queue.pop()!;
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      const visit = (node: ts.Node): void => {
        const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isExpressionWithTypeArguments(node) ? node.expression : undefined;
        const target = name && checker.getSymbolAtLocation(name);
        if (target) {
          const used = resolve(target);
          if (used.flags & named && ours(used)) {
            if (!exported.has(used)) unnamed.add(used.name);
            queue.push(used);
          }
        }
        ts.forEachChild(node, visit);
      };
      for (const d of symbol.declarations ?? []) visit(d);
    }
    expect([...unnamed].sort()).toEqual([]);
  });

  it('use no any', () => {
    const anys: string[] = [];
    for (const file of program.getSourceFiles().filter((f) => f.fileName.startsWith(join(installed.packageDir, 'dist')))) {
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword) anys.push(`${file.fileName.replace(installed.packageDir, '')}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    expect(anys).toEqual([]);
  });
});
