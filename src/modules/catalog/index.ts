export { createProcedure, findProcedures, getProcedure, getProcedureVersion, publishVersion } from './service';
export type { ProcedureContent, Decision } from './schemas';
