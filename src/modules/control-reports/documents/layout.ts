/**
 * What a periodic report says and how it is arranged, independent of the file format (as the reform proposals,
 * src/modules/reform/documents/layout.ts): the DOCX and PDF renderers only translate this. A4 portrait for the report,
 * its annex (Biểu 06) on an A4 landscape page.
 */
import { narrativePartLabels, narrativeParts } from '../../../contract/control-reports';
import { formatVietnameseDate } from '../../../core/vietnam-time';
import { buildSignatureLines, formatDateLine, NATIONAL_MOTTO, NATIONAL_NAME, ND30_MARGINS_MM, NUMBER_BLANK } from '../../../documents/nd30';
import { BIEU06_COLUMN_NUMBERS, BIEU06_HEADING, BIEU06_HEADING_ROWS, type HeadingCell } from '../../metrics';
import { formatCount, formatRatio, formatScore } from '../narrative';
import type { ControlReportDocumentData } from './types';

export type Run = { text: string; isBold?: boolean; isItalic?: boolean; isUnderlined?: boolean };
export type Size = 'header' | 'motto' | 'title' | 'body' | 'table' | 'recipientsLabel' | 'recipients' | 'signature' | 'page';
export type Align = 'left' | 'center' | 'right' | 'justify';
export type Para = { runs: Run[]; align: Align; size: Size; spaceBefore?: number; firstLineIndentMm?: number };
export type Rule = { rule: { widthMm: number }; spaceBefore?: number };
export type Block = Para | Rule;
export type AnnexRow = { kind: 'header' | 'level' | 'field' | 'total'; cells: { text: string; span?: number }[] };
/** A heading cell of Biểu 06: its text, first row and column within the heading, and how far it spans down and across. */
export type AnnexHeadingCell = HeadingCell;

export const isRule = (block: Block): block is Rule => 'rule' in block;

export const PORTRAIT = { widthMm: 210, heightMm: 297 };
export const MARGINS = ND30_MARGINS_MM;
export const CONTENT_WIDTH_MM = PORTRAIT.widthMm - MARGINS.leftMm - MARGINS.rightMm; // 165
export const ANNEX_WIDTH_MM = PORTRAIT.heightMm - MARGINS.leftMm - MARGINS.rightMm; // 252
export const LEFT_COLUMN_MM = 62;
export const PAGE_HEADER_OFFSET_MM = 8;
export const FONT_SIZES_PT: Record<Size, number> = {
  header: 13,
  motto: 14,
  title: 14,
  body: 14,
  table: 10.5,
  recipientsLabel: 12,
  recipients: 11,
  signature: 14,
  page: 13,
};
export const DRAFT_NOTICE = 'DỰ THẢO — chưa ký';
const SIGNATURE_SPACE_PT = 64;

/** STT, the label, the eleven figures and the note ("Ghi chú") of Biểu 06: 252 mm across */
export const ANNEX_COLUMNS: { widthMm: number; align: Align }[] = [
  { widthMm: 11, align: 'center' },
  { widthMm: 52, align: 'left' },
  ...Array.from({ length: 11 }, () => ({ widthMm: 167 / 11, align: 'right' as Align })),
  { widthMm: 22, align: 'left' },
];

/** Every text passes here: NFC, and a percentage never parted from its sign at a line end. */
const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text: text.normalize('NFC').replace(/ %/g, '\u00A0%'), ...style });
const para = (runs: Run[], align: Align, size: Size, spaceBefore?: number): Para =>
  spaceBefore === undefined ? { runs, align, size } : { runs, align, size, spaceBefore };
const bodyPara = (text: string, style: Omit<Run, 'text'> = {}, spaceBefore = 6): Para => ({
  ...para([run(text, style)], 'justify', 'body', spaceBefore),
  firstLineIndentMm: 10,
});

function ruleUnder(text: string, size: Size, spaceBefore = 3): Rule {
  const ems = [...text].reduce((sum, ch) => sum + (ch !== ch.toLocaleLowerCase('vi-VN') ? 0.68 : 0.5), 0);
  return { rule: { widthMm: Math.round(ems * FONT_SIZES_PT[size] * (25.4 / 72) * 0.4) }, spaceBefore };
}

const kindWord = { monthly: 'tháng', quarterly: 'quý', yearly: 'năm' } as const;

export function reportTitle(data: ControlReportDocumentData): string {
  return `Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính ${data.periodText}`;
}

function masthead(data: ControlReportDocumentData) {
  const { issuingBody } = data;
  const numberLine = `Số: ${data.number ?? NUMBER_BLANK}/BC-${issuingBody.symbol}`;
  const nameLines = issuingBody.name.split('\n');
  const left: Block[] = [];
  if (issuingBody.parent) left.push(para([run(issuingBody.parent)], 'center', 'header'));
  for (const line of nameLines) left.push(para([run(line, { isBold: true })], 'center', 'header'));
  left.push(
    ruleUnder(
      nameLines.reduce((a, b) => (a.length >= b.length ? a : b)),
      'header',
    ),
  );
  left.push(para([run(numberLine)], 'center', 'header', 6));
  const right: Block[] = [
    para([run(NATIONAL_NAME, { isBold: true })], 'center', 'header'),
    para([run(NATIONAL_MOTTO, { isBold: true, isUnderlined: true })], 'center', 'motto'),
    para([run(formatDateLine(data.place, data.signedOn), { isItalic: true })], 'center', 'motto', 12),
  ];
  return { left, right };
}

function figureParagraphs(data: ControlReportDocumentData): Para[] {
  const { dossiers, index } = data.figures;
  const lines = [
    `Tổng số hồ sơ tiếp nhận trong kỳ: ${formatCount(dossiers.received)} hồ sơ (trực tuyến ${formatCount(dossiers.receivedOnline)},` +
      ` tỷ lệ ${formatRatio(data.figures.onlineRatio)}; trực tiếp và qua dịch vụ bưu chính ${formatCount(dossiers.received - dossiers.receivedOnline)});` +
      ` từ kỳ trước chuyển qua: ${formatCount(dossiers.carriedOver)} hồ sơ.`,
    `Số hồ sơ đã giải quyết: ${formatCount(dossiers.resolved)} hồ sơ, trong đó trước hạn ${formatCount(dossiers.resolvedEarly)},` +
      ` đúng hạn ${formatCount(dossiers.resolvedOnTime)}, quá hạn ${formatCount(dossiers.resolvedLate)};` +
      ` tỷ lệ giải quyết đúng hạn và trước hạn ${formatRatio(data.figures.onTimeRatio)}.`,
    `Số hồ sơ đang giải quyết đến cuối kỳ: ${formatCount(dossiers.inProgress)} hồ sơ, trong đó quá hạn ${formatCount(dossiers.overdue)}.`,
    index.score === null
      ? 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg): chưa đủ dữ liệu để tính điểm.'
      : `Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg): ${formatScore(index.score)}/${formatScore(index.maxScore ?? 100)} điểm` +
        `${index.rating ? `, xếp loại ${index.rating}` : ''}.`,
  ];
  return lines.map((line, position) => bodyPara(`${position + 1}. ${line}`, {}, position === 0 ? 6 : 3));
}

function reformParagraphs(data: ControlReportDocumentData): Para[] {
  const { reform } = data.figures;
  const part = (label: string, value: number | null, target: number | null) =>
    `${label}: ${value === null ? 'chưa có số liệu so sánh với năm 2024' : `cắt giảm ${formatRatio(value)} so với năm 2024`}` +
    `${target === null ? '' : `; mục tiêu năm ${reform.year}: ${formatRatio(target)}${value === null ? '' : value + 1e-9 >= target ? ' (đạt)' : ' (chưa đạt)'}`}.`;
  const paragraphs = [
    bodyPara(
      `Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ (mục tiêu cắt giảm ít nhất 30 % thời gian giải quyết và chi phí tuân thủ` +
        ` thủ tục hành chính trong năm 2025, 50 % đến năm 2026 so với năm 2024), số liệu năm ${reform.year} trên ${formatCount(reform.procedures)} thủ tục thuộc phạm vi:`,
    ),
    bodyPara(`1. ${part('Thời gian giải quyết', reform.timeReduction, reform.timeTarget)}`, {}, 3),
    bodyPara(`2. ${part('Chi phí tuân thủ', reform.costReduction, reform.costTarget)}`, {}, 3),
  ];
  if (reform.hasDemoData)
    paragraphs.push(bodyPara('Ghi chú: một phần số liệu cắt giảm là dữ liệu mẫu, cần rà soát trước khi ký.', { isItalic: true }, 3));
  return paragraphs;
}

function narrativeParagraphs(data: ControlReportDocumentData): Para[] {
  const paragraphs: Para[] = [];
  narrativeParts.forEach((part, position) => {
    paragraphs.push(bodyPara(`${position + 1}. ${narrativePartLabels[part]}`, { isBold: true }, 6));
    const text = data.narrative[part].trim();
    const lines = text === '' ? ['Không có.'] : text.split(/\n+/).filter((line) => line.trim() !== '');
    for (const line of lines) paragraphs.push(bodyPara(line.trim(), {}, 3));
  });
  return paragraphs;
}

const heading = (text: string) => ({ ...para([run(text, { isBold: true })], 'justify', 'body', 12), firstLineIndentMm: 10 });

function closing(data: ControlReportDocumentData) {
  const right: Para[] = buildSignatureLines(data.signer).map((line) => para([run(line, { isBold: true })], 'center', 'signature'));
  right.push(para(data.signer.name ? [run(data.signer.name, { isBold: true })] : [], 'center', 'signature', SIGNATURE_SPACE_PT));
  const left: Para[] = [
    para([run('Nơi nhận:', { isBold: true, isItalic: true })], 'left', 'recipientsLabel'),
    ...data.recipients.map((recipient, position) =>
      para([run(`- ${recipient}${position === data.recipients.length - 1 ? '.' : ';'}`)], 'left', 'recipients'),
    ),
  ];
  return { left, right };
}

const figureCells = (f: ControlReportDocumentData['figures']['dossiers']) =>
  [
    f.received + f.carriedOver,
    f.receivedOnline,
    f.received - f.receivedOnline,
    f.carriedOver,
    f.resolved,
    f.resolvedEarly,
    f.resolvedOnTime,
    f.resolvedLate,
    f.inProgress,
    f.inProgress - f.overdue,
    f.overdue,
  ].map((value) => ({ text: formatCount(value) }));

/**
 * The note (column 12 of Biểu 06, src/modules/metrics/exports/bieu06-layout.ts): the dossiers stopped on request or
 * refused, which ended without a result and make the line balance: (1) = (5) + (9) + these.
 */
const noteCell = (f: ControlReportDocumentData['figures']['dossiers']) => ({
  text: f.closedWithoutResult > 0 ? `Dừng, từ chối: ${formatCount(f.closedWithoutResult)}` : '',
});

function sum(list: ControlReportDocumentData['figures']['dossiers'][]) {
  const keys = [
    'received',
    'receivedOnline',
    'carriedOver',
    'resolved',
    'resolvedEarly',
    'resolvedOnTime',
    'resolvedLate',
    'inProgress',
    'overdue',
    'closedWithoutResult',
  ] as const;
  return Object.fromEntries(
    keys.map((key) => [key, list.reduce((total, item) => total + item[key], 0)]),
  ) as ControlReportDocumentData['figures']['dossiers'];
}

function annex(data: ControlReportDocumentData) {
  // The form's heading rows with their merged cells, as the Biểu 06 exports lay them (src/modules/metrics/exports/bieu06-layout.ts),
  // then the row of column numbers: A, B, (1)–(11) for the figures and (12) for the note.
  const columnHeadings = {
    rowCount: BIEU06_HEADING_ROWS,
    cells: BIEU06_HEADING.map((cell) => ({ ...cell, text: cell.text.normalize('NFC') })),
  };
  const numbers: AnnexRow = { kind: 'header', cells: BIEU06_COLUMN_NUMBERS.map((text) => ({ text })) };
  const rows: AnnexRow[] = [];
  data.figures.bieu06.forEach((level, levelPosition) => {
    rows.push({
      kind: 'level',
      cells: [
        { text: ['I', 'II', 'III', 'IV', 'V', 'VI'][levelPosition] ?? '' },
        { text: level.levelLabel },
        ...figureCells(sum(level.fields.map((f) => f.figures))),
        noteCell(sum(level.fields.map((f) => f.figures))),
      ],
    });
    level.fields.forEach((field, position) => {
      rows.push({
        kind: 'field',
        cells: [{ text: String(position + 1) }, { text: field.field }, ...figureCells(field.figures), noteCell(field.figures)],
      });
    });
  });
  rows.push({
    kind: 'total',
    cells: [{ text: 'Tổng cộng', span: 2 }, ...figureCells(data.figures.dossiers), noteCell(data.figures.dossiers)],
  });
  return {
    heading: [
      para([run('Phụ lục', { isBold: true })], 'center', 'title'),
      para([run('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu số 06/VPCP/KSTT)', { isBold: true })], 'center', 'title'),
      para(
        [
          run(
            `(Kèm theo Báo cáo số ${data.number ?? NUMBER_BLANK}/BC-${data.issuingBody.symbol} của ${data.issuingBody.shortName};` +
              ` kỳ báo cáo từ ${formatVietnameseDate(data.from)} đến ${formatVietnameseDate(data.to)})`,
            { isItalic: true },
          ),
        ],
        'center',
        'body',
      ),
      para([run('Đơn vị tính: Số hồ sơ TTHC', { isItalic: true })], 'right', 'table', 6),
    ],
    columnHeadings,
    numbers,
    rows,
  };
}

export function buildReportLayout(data: ControlReportDocumentData) {
  const title = reportTitle(data);
  return {
    documentTitle: `Báo cáo ${title.charAt(0).toLocaleLowerCase('vi-VN')}${title.slice(1)} — ${data.issuingBody.shortName}`,
    pageNotice: data.isDraft ? DRAFT_NOTICE : null,
    masthead: masthead(data),
    heading: [
      para([run('BÁO CÁO', { isBold: true })], 'center', 'title', 18),
      para([run(title, { isBold: true })], 'center', 'title'),
      ruleUnder('Tình hình, kết quả thực hiện công tác kiểm soát', 'title', 4),
      bodyPara(
        `${data.issuingBody.shortName} báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính` +
          ` ${data.periodText} (số liệu từ ngày ${formatVietnameseDate(data.from)} đến ngày ${formatVietnameseDate(data.to)}) như sau:`,
        {},
        12,
      ),
    ] as Block[],
    body: [
      heading('I. TÌNH HÌNH, KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH'),
      ...figureParagraphs(data),
      bodyPara('Chi tiết theo lĩnh vực và cấp giải quyết tại Phụ lục kèm theo (Biểu số 06/VPCP/KSTT).', { isItalic: true }, 3),
      heading('II. KẾT QUẢ THỰC HIỆN CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH THEO NGHỊ QUYẾT SỐ 66/NQ-CP'),
      ...reformParagraphs(data),
      heading('III. ĐÁNH GIÁ CHUNG, PHƯƠNG HƯỚNG VÀ KIẾN NGHỊ'),
      ...narrativeParagraphs(data),
      bodyPara(
        `Trên đây là báo cáo ${kindWord[data.kind]} của ${data.issuingBody.shortName} về công tác kiểm soát thủ tục hành chính./.`,
        {},
        6,
      ),
    ],
    closing: closing(data),
    annex: annex(data),
  };
}

export type ReportLayout = ReturnType<typeof buildReportLayout>;
