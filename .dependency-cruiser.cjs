// The README's layers, checked by `npm test` (and alone by `npm run lint:layers`).
// Paths are relative to the repository root. A violation names the file and the import.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain is the model and the method: it imports nothing outside itself. fflate is the one ' +
        'package allowed: pure computation (the import validator reads zip headers), no browser API.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/fflate/'] },
    },
    {
      name: 'store-only-domain',
      comment: 'src/store is IndexedDB via idb over the domain model; it knows no worker, page or view.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { pathNot: ['^src/store/', '^src/domain/', '^node_modules/idb/'] },
    },
    {
      name: 'content-stays-on-the-page',
      comment: 'The content script runs in the audited page: it never reaches the store, the panel or the report.',
      severity: 'error',
      from: { path: '^src/content/' },
      to: { path: '^src/(store|panel|report|background|offscreen)/' },
    },
    {
      name: 'worker-has-no-ui',
      comment: 'The worker must start without Preact or the report: it never imports the panel or the report.',
      severity: 'error',
      from: { path: '^src/background/' },
      to: { path: '^src/(panel|report)/' },
    },
    {
      name: 'sync-copies-data-only',
      comment:
        "src/sync replicates audits to a team's CouchDB: it reads and writes the store over the domain, with " +
        'PouchDB and fflate; it never imports the panel, the report, the worker or the content script.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: '^src/(panel|report|background|content|offscreen)/' },
    },
    {
      name: 'nothing-below-imports-sync',
      comment: 'The domain and the store know nothing of sharing; the panel (and only it) drives the sync.',
      severity: 'error',
      from: { path: '^src/(domain|store|content|offscreen|report)/' },
      to: { path: '^src/sync/' },
    },
    {
      name: 'offscreen-draws-only',
      comment: 'The offscreen document draws thumbnails; it holds no audit state and no UI.',
      severity: 'error',
      from: { path: '^src/offscreen/' },
      to: { path: '^src/(store|panel|report|background|content)/' },
    },
    {
      name: 'views-render-and-ask',
      comment: 'Panel views and components read and write through the panel actions and data modules, not the store.',
      severity: 'error',
      from: { path: '^src/panel/(views|components)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'shipped-code-imports-no-tooling',
      comment: 'Nothing the extension ships imports the scripts or the tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|test)/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing would pass the layer rules unseen.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(css|html)$' },
    // TypeScript 7 ships no JS API, so the cruiser's own typescript parser cannot load. @swc/core
    // makes it accept .ts/.tsx files, and Babel transpiles them first (its swc parser has no TSX mode).
    babelConfig: { fileName: 'scripts/layers/babel.json' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
