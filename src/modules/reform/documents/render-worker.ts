import { renderProposalDocx } from './docx';
import { renderProposalPdf } from './pdf';
import type { ProposalDocumentData } from './types';

export type RenderTask = { format: 'docx' | 'pdf'; data: ProposalDocumentData };

/**
 * Runs on a worker thread (render-pool.ts): a long proposal takes seconds of CPU to lay out, which on the main
 * thread would stall every other request. Compiled to dist/render-worker.js (scripts/build-server.mjs).
 */
export default function renderDocument({ format, data }: RenderTask): Promise<Buffer> {
  return format === 'docx' ? renderProposalDocx(data) : renderProposalPdf(data);
}
