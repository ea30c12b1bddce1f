/** The plans module (issue 14, docs/api/plans.md): plans saved from a reviewed import, their tasks and progress reports. */

export { importPlanFile } from './import-service';
export { moveTasksOfMergedUnits, registerPlanHooks } from './merge';
export { reportOnTask } from './report-service';
export { registerPlanRoutes } from './routes';
export { savePlan } from './save-service';
export { sweepPlans } from './sweep';
