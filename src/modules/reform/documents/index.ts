export { renderProposalDocx } from './docx';
export { renderProposalPdf } from './pdf';
export type { ProposalDocumentData, ProposalDocumentRow } from './types';
