export { renderControlReportDocx } from './docx';
export { renderControlReportPdf } from './pdf';
export type { ControlReportDocumentData } from './types';
