/** The plans module (issue 14, docs/api/plans.md): plans saved from a reviewed import, their tasks and progress reports. */

export { moveTasksOfMergedUnits, registerPlanHooks } from './merge';
export { registerPlanRoutes } from './routes';
export { sweepPlans } from './sweep';
