export type { Decision, ProcedureContent } from './schemas';
export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
