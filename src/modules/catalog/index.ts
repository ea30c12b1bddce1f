/*
 * The catalog's public API (docs/adr/0002-module-walls.md): other modules, the demo loader and scripts use the
 * catalog through these exports only, never through its tables or its other files.
 */
export type { Decision, ProcedureContent } from '../../contract/catalog';
export { type PublicationContext, type PublicationOutcome, type PublicationRequest, publishProcedure } from './publish';
export {
  committedTimeOn,
  type DecisionRef,
  findDecisionById,
  findDecisionByNumber,
  findVersionRef,
  hasProcedure,
  inForceOn,
  listApprovals,
  listDecisions,
  type VersionFilter,
  type VersionsInForce,
  versionsInForce,
} from './read';
/** Bulk loading (demo province, benchmarks): rows are written as given, without the checks of publishProcedure. */
export { insertDecision, insertVersions, type NewVersion } from './repo';
export { checkBasicParts, describeDuration } from './rules';
export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
