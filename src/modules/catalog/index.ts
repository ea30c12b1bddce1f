export type { Decision, ProcedureContent } from '../../contract/catalog';
export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
