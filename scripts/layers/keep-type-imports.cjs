// Babel plugin for the layer check only: a type-only import still ties one layer to another, but
// TypeScript's Babel preset deletes it before the cruiser reads the file. Turn it into a bare import
// of the same module first, so `import type { AuditExport } from '../../report/json.ts'` in the
// domain is a violation like any other import.
module.exports = function keepTypeImports({ types: t }) {
  const typeOnly = (node) =>
    node.importKind === 'type' ||
    node.exportKind === 'type' ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
  return {
    name: 'peakend-keep-type-imports',
    // On Program entry: the TypeScript plugin deletes type-only imports there too, before any
    // ImportDeclaration visitor would run.
    visitor: {
      Program(program) {
        for (const path of program.get('body')) {
          const { node } = path;
          const from = node.source?.value;
          const isImportOrReexport = path.isImportDeclaration() || path.isExportNamedDeclaration();
          if (isImportOrReexport && from && typeOnly(node)) {
            path.replaceWith(t.importDeclaration([], t.stringLiteral(from)));
          }
        }
      },
    },
  };
};
