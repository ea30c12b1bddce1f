export type { Decision, ProcedureContent } from '../../contract/catalog';
export {
  type DecisionRef,
  findDecisionById,
  findDecisionByNumber,
  findVersionRef,
  hasProcedure,
  inForceOn,
  listDecisions,
  type VersionFilter,
  type VersionsInForce,
  versionsInForce,
} from './read';
export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
