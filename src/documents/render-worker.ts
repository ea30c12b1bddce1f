import { type ControlReportDocumentData, renderControlReportDocx, renderControlReportPdf } from '../modules/control-reports/documents';
import { type DossierFormTask, renderDossierForm } from '../modules/dossiers/forms';
import { type Bieu06PdfTask, renderBieu06Pdf } from '../modules/metrics/exports';
import { type ProgressReportData, renderProgressReportDocx, renderProgressReportPdf } from '../modules/plans/documents';
import { type ProposalDocumentData, renderProposalDocx, renderProposalPdf } from '../modules/reform/documents';

export type RenderTask =
  | { kind: 'proposal'; format: 'docx' | 'pdf'; data: ProposalDocumentData }
  | ({ kind: 'dossier-form' } & DossierFormTask)
  | ({ kind: 'bieu-06' } & Bieu06PdfTask)
  | { kind: 'control-report'; format: 'docx' | 'pdf'; data: ControlReportDocumentData }
  | { kind: 'plan-progress-report'; format: 'docx' | 'pdf'; data: ProgressReportData };

/**
 * Runs on a worker thread (render-pool.ts): a long proposal or a year's tracking book takes seconds of CPU to lay
 * out, which on the main thread would stall every other request. Compiled to dist/render-worker.js
 * (scripts/build-server.mjs). It imports each module's document entry (`documents/index.ts`, `forms/index.ts`, `exports/index.ts`), the
 * pure renderers, and nothing else of the modules.
 */
export default function renderDocument(task: RenderTask): Promise<Buffer> {
  if (task.kind === 'dossier-form') return renderDossierForm(task);
  if (task.kind === 'bieu-06') return renderBieu06Pdf(task);
  if (task.kind === 'control-report')
    return task.format === 'docx' ? renderControlReportDocx(task.data) : renderControlReportPdf(task.data);
  if (task.kind === 'plan-progress-report')
    return task.format === 'docx' ? renderProgressReportDocx(task.data) : renderProgressReportPdf(task.data);
  return task.format === 'docx' ? renderProposalDocx(task.data) : renderProposalPdf(task.data);
}
