import type { ImportedPlan } from '../../contract/plans';
import { importedPlanSchema } from '../../contract/plans';
import { PlanImportError } from './errors';
import { decodeText, textToLines } from './extract-text';
import { parsePlan } from './parse';

/**
 * The plan-document importer (issue 14; rules in docs/plan-import.md): .md, .txt, .docx or .pdf (its text layer) →
 * metadata, targets and tasks, offline and pure (no database, no network). Unit names are kept as written;
 * `matchUnitName` (unit-matcher.ts) matches them to a unit tree when a plan is saved.
 */
export { parseDeadlines } from './deadlines';
export { PlanImportError } from './errors';
export { nextDueDate, nextDueOfTask } from './next-due';
export { splitUnits } from './units';

export type PlanFormat = 'text' | 'docx' | 'pdf';

export function planFormatOf(fileName: string): PlanFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'txt' || extension === 'markdown') return 'text';
  if (extension === 'docx') return 'docx';
  if (extension === 'pdf') return 'pdf';
  return null;
}

export async function importPlanDocument(bytes: Uint8Array, fileName: string): Promise<ImportedPlan> {
  const format = planFormatOf(fileName);
  if (!format) {
    throw new PlanImportError('unsupported', `Không đọc được tệp "${fileName}": chỉ nhận kế hoạch dạng .md, .txt, .docx hoặc .pdf.`);
  }
  let plan: ImportedPlan;
  if (format === 'text') plan = parsePlan(textToLines(decodeText(bytes)));
  else if (format === 'docx') {
    const { readDocxBlocks } = await import('./extract-docx');
    plan = parsePlan(await readDocxBlocks(bytes), { isWrapped: false });
  } else {
    const { readPdfLines } = await import('./extract-pdf');
    plan = parsePlan(await readPdfLines(bytes));
  }
  if (plan.tasks.length === 0 && plan.targets.length === 0 && !plan.plan.title) {
    throw new PlanImportError(
      'empty',
      `Tệp "${fileName}" không có nội dung kế hoạch đọc được (tệp PDF cần có lớp chữ, không phải ảnh quét).`,
    );
  }
  return importedPlanSchema.parse(plan);
}
