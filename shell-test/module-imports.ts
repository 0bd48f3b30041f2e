/**
 * Every module a built bundle loads, read from its syntax tree with TypeScript's parser and
 * binder: static and dynamic imports, re-exports, and calls to the global `require` or to a
 * require made by `createRequire` (a minified bundle reuses short names in inner scopes, so
 * names are resolved to their declarations, not compared as text). A specifier that is not a
 * string literal is reported as `<computed>`.
 */
import ts from 'typescript';

function parse(source: string): { file: ts.SourceFile; checker: ts.TypeChecker } {
  const name = '/bundle.js';
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName) => (fileName === name ? file : undefined);
  host.fileExists = (fileName) => fileName === name;
  host.readFile = (fileName) => (fileName === name ? source : undefined);
  const program = ts.createProgram({ rootNames: [name], options, host });
  return { file, checker: program.getTypeChecker() };
}

export function moduleSpecifiers(source: string): string[] {
  const { file, checker } = parse(source);
  const found: string[] = [];
  const createRequires = new Set<ts.Symbol>();
  const requires = new Set<ts.Symbol>();
  // Resolving a name is the slow part: only names that may be a require are resolved.
  const requireNames = new Set(['require']);
  const specifierOf = (node: ts.Expression | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : '<computed>');
  const symbolOf = (node: ts.Node) => checker.getSymbolAtLocation(node);

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = specifierOf(node.moduleSpecifier);
      found.push(specifier);
      const named = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
      if (specifier === 'node:module' && named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          const symbol = symbolOf(element.name);
          if ((element.propertyName ?? element.name).text === 'createRequire' && symbol) createRequires.add(symbol);
        }
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const callee = symbolOf(node.initializer.expression);
      const declared = symbolOf(node.name);
      if (callee && declared && createRequires.has(callee)) {
        requires.add(declared);
        requireNames.add(node.name.text);
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) found.push(specifierOf(node.arguments[0]));
      else if (ts.isIdentifier(callee) && requireNames.has(callee.text)) {
        const symbol = symbolOf(callee);
        const globalRequire = callee.text === 'require' && !symbol?.declarations?.some((declaration) => declaration.getSourceFile() === file);
        if (globalRequire || (symbol && requires.has(symbol))) found.push(specifierOf(node.arguments[0]));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
