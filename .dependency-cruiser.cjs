// The import rules of src/ (docs/ARCHITECTURE.md draws them). `npm run lint:deps` checks them in CI.
//
// Layers point down: lib/ (pure helpers) ← plugins/ (infrastructure) ← modules/ (resources) ← app.ts.
// Modules form a DAG in the order below: a module imports only modules listed before it, and never
// another module's routes. A new module takes its place in the list; an import that goes up is
// shared code in the wrong place (move it down, or hand it in from app.ts).
const MODULES = ['places', 'records', 'keys', 'health', 'actors', 'sources', 'events', 'claims', 'history', 'stats', 'timeline'];

const layerRules = MODULES.map((name, i) => ({
  name: `module-order-${name}`,
  comment: `modules/${name} may import only modules listed before it in .dependency-cruiser.cjs`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(?!(?:${MODULES.slice(0, i + 1).join('|')})/)` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles between files.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'unknown-module',
      comment: 'Every folder of src/modules has its place in MODULES.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: `^src/modules/(?!(?:${MODULES.join('|')})/)` },
    },
    ...layerRules,
    {
      name: 'no-routes-across-modules',
      comment: "A module reads another's repository, query or present files, never its routes.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/[^/]+\\.routes\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'lib-is-the-bottom',
      comment: 'lib/ holds helpers with no knowledge of plugins or resources.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(plugins|modules)/' },
    },
    {
      name: 'plugins-know-no-resource',
      comment: 'Infrastructure gets what it needs of a resource from app.ts (options), not by import.',
      severity: 'error',
      from: { path: '^src/plugins/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'routes-see-the-store',
      comment: 'Routes (and the write-route factory) reach data through app.store (src/store.ts): never the driver, drizzle or the tables (row types may be named).',
      severity: 'error',
      from: { path: '(^src/modules/[^/]+/[^/]+\\.routes\\.ts$|^src/modules/records/record-routes\\.ts$)' },
      to: { path: '(^src/db/|drizzle-orm)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'read-routes-call-no-repository',
      comment: "Read routes call the store's interfaces, not a repository's functions (their types may be named); write routes name the RecordStore of each record type they change.",
      severity: 'error',
      from: { path: '^src/modules/[^/]+/[^/]+\\.routes\\.ts$', pathNot: '\\.write\\.routes\\.ts$' },
      to: { path: '\\.repository\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'plugins-see-the-store',
      comment: 'Plugins get what they need of the data from app.ts (options) or app.store, never from the driver or drizzle.',
      severity: 'error',
      from: { path: '^src/plugins/' },
      to: { path: '(^src/db/|drizzle-orm)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-needs-no-tools',
      comment: 'src/ is the server: it never imports the offline tools, tests or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tools|test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports tie nothing at run time, but a type from a module above is still a
    // dependency on it: they count.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs'] },
  },
};
