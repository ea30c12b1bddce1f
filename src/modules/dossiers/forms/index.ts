/*
 * The dossier forms of Thông tư 03/2025/TT-VPCP (docs/formats/dossier-forms.md): pure renderers from a DossierView
 * (Mẫu 01–06) or a tracking book (Mẫu 07) to PDF bytes, run on the server's render pool (src/documents).
 */
import { controlSlipContent } from './control-slip';
import { renderPdf } from './kit';
import { apologyContent, receiptContent, refusalContent, stopContent, supplementContent } from './slips';
import { trackingBookContent } from './tracking-book';
import type { DossierFormNumber, DossierFormTask } from './types';

export { formNotApplicable } from './applicability';
export { controlSlipRows } from './control-slip';
export { renderTrackingBookXlsx, TRACKING_BOOK_COLUMNS } from './tracking-book';
export * from './types';

export const formTitles: Record<DossierFormNumber | '07', string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '07': 'Sổ theo dõi hồ sơ',
};

const builders = {
  '01': receiptContent,
  '02': supplementContent,
  '03': refusalContent,
  '04': apologyContent,
  '05': stopContent,
  '06': controlSlipContent,
} as const;

/** The form as PDF bytes. The caller checked that the form applies (`formNotApplicable`). */
export function renderDossierForm(task: DossierFormTask): Promise<Buffer> {
  if (task.form === '07') {
    return renderPdf(`${formTitles['07']} — ${task.book.unitName}`, trackingBookContent(task.book, task.header), 'landscape');
  }
  const content = builders[task.form](task.view, task.header);
  return renderPdf(`${formTitles[task.form]} — ${task.view.code}`, content);
}
