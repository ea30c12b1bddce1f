/** Architecture rules checked by `npm run lint` (docs/adr/0002-module-walls.md). */

/** A module's public API: its index.ts. */
const moduleIndex = '^src/modules/[^/]+/index\\.ts$';
/** What the composition root (src/http, src/cli.ts, src/main.ts) mounts: a module's routes and commands (`*routes.ts`, `*cli.ts`). */
const moduleEntryPoints = '^src/modules/[^/]+/(transfer/)?[a-z-]*(routes|cli)\\.ts$';

/**
 * Tables a module may read although another module owns them (ADR 0002, "Joins the read side may make"):
 * - org's units: names, codes and tree paths for display and for scoping by unit subtree;
 * - settings: one key/value table, each module under keys of its own.
 */
const sharedTables = ['^src/db/schema/org\\.ts$', '^src/db/schema/settings\\.ts$'];

/** A proposal's history: the audit trail of the proposal with the names of those who acted (ADR 0002). */
const proposalHistory = {
  from: '^src/modules/reform/proposal-view\\.ts$',
  tables: ['^src/db/schema/audit\\.ts$', '^src/db/schema/auth\\.ts$'],
};

/**
 * The monitoring read side (ADR 0004): the drill lists the dossiers behind a figure (and, through it, the dashboard's
 * late and due ones) and the raw aggregation checks the rollups, both joining the dossier tables; they write nothing there (the triggers of migration 0018 write the rollups).
 */
const metricsReadSide = {
  from: '^src/modules/metrics/(raw|drill|dossier-facts)\\.ts$',
  tables: ['^src/db/schema/dossiers\\.ts$'],
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: they make the start-up order fragile and the layers meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-through-index',
      severity: 'error',
      comment: "A module uses another module only through that module's index.ts, never its other files.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', moduleIndex] },
    },
    {
      name: 'module-own-tables',
      severity: 'error',
      comment:
        "A module imports its own tables from src/db/schema/<module>.ts (or <module>-<part>.ts), not the schema barrel nor another module's tables; the shared tables of ADR 0002 excepted.",
      from: { path: '^src/modules/([^/]+)/', pathNot: [proposalHistory.from, metricsReadSide.from] },
      to: { path: '^src/db/schema/', pathNot: ['^src/db/schema/$1\\.ts$', '^src/db/schema/$1-[a-z]+\\.ts$', ...sharedTables] },
    },
    {
      name: 'module-own-tables-proposal-history',
      severity: 'error',
      comment: 'The proposal view may also read the audit trail and the names of users (ADR 0002); nothing else.',
      from: { path: proposalHistory.from },
      to: { path: '^src/db/schema/', pathNot: ['^src/db/schema/reform\\.ts$', ...sharedTables, ...proposalHistory.tables] },
    },
    {
      name: 'module-own-tables-metrics-read-side',
      severity: 'error',
      comment: 'The metrics drill and raw aggregation may also read the dossier tables (ADR 0004); nothing else.',
      from: { path: metricsReadSide.from },
      to: { path: '^src/db/schema/', pathNot: ['^src/db/schema/metrics\\.ts$', ...sharedTables, ...metricsReadSide.tables] },
    },
    {
      name: 'importers-through-index',
      severity: 'error',
      comment:
        'The demo loader, scripts and benchmarks are importers: they use a module through its index.ts (they may write tables in bulk through src/db/schema).',
      from: { path: '^(src/demo|scripts|bench)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: [moduleIndex] },
    },
    {
      name: 'composition-root-through-entry-points',
      severity: 'error',
      comment: "The HTTP app, the CLI and start-up mount a module's routes and commands and otherwise use its index.ts.",
      from: { path: '^src/(http/|cli\\.ts$|main\\.ts$)', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: [moduleIndex, moduleEntryPoints] },
    },
    {
      name: 'documents-through-renderers',
      severity: 'error',
      comment:
        "The shared document kit (src/documents: fonts, the render pool and its worker) reaches a module only through its pure renderers' entry (documents/index.ts, forms/index.ts, exports/index.ts).",
      from: { path: '^src/documents/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/[^/]+/(documents|forms|exports)/index\\.ts$'] },
    },
    {
      name: 'web-through-contract',
      severity: 'error',
      comment: 'The web app shares the API contract and the pure rules of src/core with the server, nothing else.',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/(contract|core)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
  },
};
