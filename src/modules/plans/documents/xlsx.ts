import ExcelJS from 'exceljs';
import { formatDate } from './format';
import { planReference } from './layout';
import type { ProgressReportData } from './types';

const FONT = 'Times New Roman';
const HEADERS = [
  'STT',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Thời hạn',
  'Tình trạng',
  'Tỷ lệ (%)',
  'Kết quả thực hiện',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
  'Minh chứng',
];
const WIDTHS = [8, 45, 28, 18, 16, 10, 50, 35, 35, 30];
const HEADING_ROW = 5;

/**
 * The plan's progress for the period as a workbook: one row a task (the annex of the report, with the difficulties,
 * proposals and evidence of its reports), the issuing body and the period above it (a lead unit's own report: the
 * issuer it reports to in the title, its tasks named in the period line). Texts as written (NFC).
 */
export async function renderProgressReportXlsx(data: ProgressReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('BaoCao', {
    views: [{ state: 'frozen', ySplit: HEADING_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { top: 20 / 25.4, bottom: 20 / 25.4, left: 30 / 25.4, right: 15 / 25.4, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADING_ROW}:${HEADING_ROW}`,
    },
  });
  WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const line = (row: number, value: string, bold = false) => {
    sheet.mergeCells(row, 1, row, HEADERS.length);
    const cell = sheet.getCell(row, 1);
    cell.value = value.normalize('NFC');
    cell.font = { name: FONT, size: 12, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, data.issuingBody.name.replace(/\n/g, ' '), true);
  const reportsTo = data.reportsTo ? ` của ${data.reportsTo.name}` : '';
  line(2, `BÁO CÁO KẾT QUẢ THỰC HIỆN ${`${planReference(data.plan)}${reportsTo}`.toLocaleUpperCase('vi-VN')}`, true);
  const scope = data.reportsTo ? `Các nhiệm vụ do ${data.issuingBody.shortName} chủ trì, từ ngày` : 'Từ ngày';
  line(3, `${scope} ${formatDate(data.from)} đến ngày ${formatDate(data.to)}`);
  const header = sheet.getRow(HEADING_ROW);
  HEADERS.forEach((label, index) => {
    const cell = header.getCell(index + 1);
    cell.value = label;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  const notesOf = (notes: ProgressReportData['difficulties'], ref: string) =>
    notes
      .filter((note) => note.ref === ref)
      .map((note) => `${note.unit}: ${note.text}`)
      .join('\n');
  data.tasks.forEach((task, index) => {
    const row = sheet.getRow(HEADING_ROW + 1 + index);
    row.values = [
      task.ref,
      task.title,
      task.leadUnits.join(', '),
      task.deadline,
      task.statusLabel,
      task.percent ?? '',
      task.results.join('\n'),
      notesOf(data.difficulties, task.ref),
      notesOf(data.proposals, task.ref),
      task.evidence.join('\n'),
    ].map((value) => (typeof value === 'string' ? value.normalize('NFC') : value));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  for (let row = HEADING_ROW; row <= HEADING_ROW + data.tasks.length; row += 1) {
    for (let column = 1; column <= HEADERS.length; column += 1) {
      sheet.getCell(row, column).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
