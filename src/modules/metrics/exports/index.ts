/*
 * Biểu 06/VPCP/KSTT exports (docs/api/metrics-exports.md): pure renderers from the report's JSON (Bieu06View) to XLSX
 * and PDF bytes. The PDF runs on the server's render pool (src/documents), which reaches this module only here.
 */
export { BIEU06_COLUMN_NUMBERS, BIEU06_HEADING, bieu06Lines, figureCells } from './bieu06-layout';
export { renderBieu06Pdf } from './bieu06-pdf';
export { BIEU06_XLSX_FIRST_DATA_ROW, BIEU06_XLSX_HEADING_ROW, renderBieu06Xlsx } from './bieu06-xlsx';
export type { Bieu06PdfTask, ReportHeader, ReportIssuer } from './types';
