/** The plan's progress report documents (docs/formats/plan-progress-report.md): pure renderers, for the render worker. */
export { renderProgressReportDocx } from './docx';
export { renderProgressReportPdf } from './pdf';
export type { ProgressReportData, ProgressTask } from './types';
export { renderProgressReportXlsx } from './xlsx';
