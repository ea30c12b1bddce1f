/*
 * The catalog's public API (docs/adr/0002-module-walls.md): other modules, the demo loader and scripts use the
 * catalog through these exports only, never through its tables or its other files.
 */
export type { Decision, ProcedureContent } from '../../contract/catalog';
/** List decisions (form "list"): the flags the province publishes as lists, for many procedures at once. */
export { enterFlagDecision } from './flags';
export { type PublicationContext, type PublicationOutcome, type PublicationRequest, publishProcedure } from './publish';
export {
  committedTimeOn,
  type DecisionRef,
  findDecisionById,
  findDecisionByNumber,
  findVersionRef,
  hasProcedure,
  inForceOn,
  isFlagPublishedOn,
  listApprovals,
  listDecisions,
  listReplacements,
  type ProcedureFlags,
  procedureFlagsOn,
  type Replacement,
  type VersionFilter,
  type VersionsInForce,
  versionsInForce,
} from './read';
export { componentReuseOf, type VersionHistory, versionHistory } from './read-history';
/** The KPI index's transparency indicators (metrics module): items of the decisions effective in a period. */
export { listPublishedItems, type PublishedItem } from './read-publications';
/** Bulk loading (demo province, benchmarks): rows are written as given, without the checks of publishProcedure. */
export { insertDecision, insertItems, insertVersions, type NewItem, type NewVersion } from './repo';
export { checkBasicParts, describeDuration } from './rules';
/** Public catalog answers and the search index are cached per process; a change they cannot see calls this. */
export { invalidatePublicCatalog, markSearchStateStale } from './search-cache';
/** The shipped citizen query set and its recall figures (bench/search.ts, search-quality.test.ts). */
export { measureRecall, type QueryCase, type Recall, readQueryCases } from './search-quality';
/** The dossier counts of the popularity prior, handed over by the job search-popularity (src/jobs). */
export { setPopularity } from './search-settings';
export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
/** A version's whole content, in any executor: what a dossier is checked against (dossiers module). */
export {
  cachedVersionContent,
  type IntakeTerms,
  intakeTermsOn,
  type VersionContent,
  versionContent,
  versionContentOn,
} from './version-content';
