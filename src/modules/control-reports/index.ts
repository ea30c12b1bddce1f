/** What the rest of motcua may use of the periodic reports (docs/api/control-reports.md, docs/adr/0002-module-walls.md). */
export { remindControlReports } from './reminders';
export { registerControlReportRoutes } from './routes';
