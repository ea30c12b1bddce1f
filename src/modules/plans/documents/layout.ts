/**
 * What the plan's progress report says and how it is arranged (docs/formats/plan-progress-report.md), independent
 * of the file format: pdf.ts and docx.ts only translate these items. A4 portrait, NĐ 30/2020 Phụ lục I.
 */
import { formatDate, formatDateLine, formatLongDate, toRoman, upper } from './format';
import type { ProgressReportData, ProgressTask } from './types';

export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
export type Size = 'header' | 'title' | 'body' | 'table' | 'recipientsLabel' | 'recipients';
export type Align = 'left' | 'center' | 'right' | 'justify';
export type Paragraph = { kind: 'text'; runs: Run[]; align: Align; size: Size; spaceBefore?: number; indentMm?: number };
export type Rule = { kind: 'rule'; widthMm: number; spaceBefore?: number };
export type Block = Paragraph | Rule;
export type Item =
  | Block
  | { kind: 'columns'; leftWidthMm: number; left: Block[]; right: Block[] }
  | { kind: 'table'; columns: { label: string; widthMm: number; align: Align }[]; rows: string[][] }
  /** Items a page never parts: the last paragraph with the signature block, which never stands alone on a page. */
  | { kind: 'keepTogether'; items: Item[] }
  /** The next item starts a page. */
  | { kind: 'pageBreak' };

/** Margins of NĐ 30 Phụ lục I mục I.4 (top, bottom 20 mm; left 30 mm; right 15 mm). */
export const PAGE = { widthMm: 210, heightMm: 297, margins: { topMm: 20, rightMm: 15, bottomMm: 20, leftMm: 30 } };
export const CONTENT_WIDTH_MM = PAGE.widthMm - PAGE.margins.leftMm - PAGE.margins.rightMm;
/** Points: issuing body and Quốc hiệu 13, the rest 14, "Nơi nhận:" 12 and its list 11, the annex table 11. */
export const SIZES_PT: Record<Size, number> = { header: 13, title: 14, body: 14, table: 11, recipientsLabel: 12, recipients: 11 };
export const NUMBER_BLANK = '\u00A0'.repeat(8);
const LEFT_COLUMN_MM = 62;

const text = (runs: Run[] | string, align: Align, size: Size, spaceBefore?: number, indentMm?: number): Paragraph => ({
  kind: 'text',
  runs: (typeof runs === 'string' ? [{ text: runs }] : runs).map((run) => ({ ...run, text: run.text.normalize('NFC') })),
  align,
  size,
  ...(spaceBefore === undefined ? {} : { spaceBefore }),
  ...(indentMm === undefined ? {} : { indentMm }),
});
const body = (runs: Run[] | string, spaceBefore = 4) => text(runs, 'justify', 'body', spaceBefore, 10);
const heading = (label: string) => text([{ text: label, bold: true }], 'justify', 'body', 8, 10);

/** "Kế hoạch số 125/KH-UBND ngày 16/4/2026" (number and date when known). */
export function planReference(plan: ProgressReportData['plan']): string {
  const number = plan.number?.trim() ? ` số ${plan.number.trim()}` : '';
  return `Kế hoạch${number}${plan.date ? ` ngày ${formatDate(plan.date)}` : ''}`;
}

function masthead(data: ProgressReportData): Item {
  const { issuingBody } = data;
  const nameLines = issuingBody.name.split('\n');
  const left: Block[] = [];
  if (issuingBody.parent) left.push(text(issuingBody.parent, 'center', 'header'));
  for (const line of nameLines) left.push(text([{ text: line, bold: true }], 'center', 'header'));
  left.push({ kind: 'rule', widthMm: 22, spaceBefore: 2 }, text(`Số:${NUMBER_BLANK}/BC-${issuingBody.symbol}`, 'center', 'header', 6));
  return {
    kind: 'columns',
    leftWidthMm: LEFT_COLUMN_MM,
    left,
    right: [
      text([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }], 'center', 'header'),
      text([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }], 'center', 'title'),
      { kind: 'rule', widthMm: 60, spaceBefore: 1 },
      text([{ text: formatDateLine(data.place), italic: true }], 'center', 'title', 8),
    ],
  };
}

const statusCount = (tasks: ProgressTask[], status: ProgressTask['status']) => tasks.filter((task) => task.status === status).length;
const leadText = (task: ProgressTask) => (task.leadUnits.length ? task.leadUnits.join(', ') : 'chưa xác định đơn vị chủ trì');
const sentence = (value: string) => {
  const trimmed = value.trim().replace(/\s*\n\s*/g, '; ');
  return /[.!?;:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

function doneSection(tasks: ProgressTask[]): Item[] {
  const done = tasks.filter((task) => task.status === 'done');
  if (done.length === 0) return [body('Trong kỳ báo cáo chưa có nhiệm vụ nào hoàn thành.')];
  return done.flatMap((task) => {
    const result = task.results.length ? sentence(task.results.join(' ')) : 'Đã hoàn thành.';
    const items: Item[] = [
      body([{ text: `- Nhiệm vụ ${task.ref}. ${task.title} `, bold: true }, { text: `(${leadText(task)}): ${result}` }]),
    ];
    if (task.evidence.length) items.push(body([{ text: `Minh chứng: ${task.evidence.join('; ')}.`, italic: true }], 0));
    return items;
  });
}

function inProgressSection(tasks: ProgressTask[]): Item[] {
  const running = tasks.filter((task) => task.status === 'in_progress' || task.status === 'overdue');
  const items: Item[] = running.map((task) => {
    const facts = [
      leadText(task),
      ...(task.percent !== null ? [`đạt khoảng ${task.percent}%`] : []),
      ...(task.status === 'overdue' ? ['quá hạn'] : []),
    ];
    const result = task.results.length ? sentence(task.results.at(-1)!) : 'Chưa có báo cáo trong kỳ.';
    return body([{ text: `- Nhiệm vụ ${task.ref}. ${task.title} `, bold: true }, { text: `(${facts.join('; ')}): ${result}` }]);
  });
  if (items.length === 0) items.push(body('Không có nhiệm vụ đang thực hiện.'));
  const notStarted = tasks.filter((task) => task.status === 'not_started');
  if (notStarted.length) {
    items.push(body(`- Chưa triển khai (${notStarted.length} nhiệm vụ): ${notStarted.map((task) => task.ref).join(', ')}.`));
  }
  return items;
}

function notesSection(notes: ProgressReportData['difficulties'], none: string): Item[] {
  if (notes.length === 0) return [body(none)];
  return notes.map((note) => body(`- ${note.unit} (nhiệm vụ ${note.ref}): ${sentence(note.text)}`));
}

function closing(data: ProgressReportData): Item {
  const { signer } = data;
  const lines: string[] = [];
  if (signer.collectiveBody) lines.push(`TM. ${signer.collectiveBody}`);
  if (signer.form === 'deputy') lines.push(`KT. ${signer.headTitle}`, signer.deputyTitle ?? `PHÓ ${signer.headTitle}`);
  else if (signer.form === 'acting') lines.push(`Q. ${signer.headTitle}`);
  else lines.push(signer.headTitle);
  const right: Block[] = lines.map((line) => text([{ text: upper(line), bold: true }], 'center', 'title'));
  right.push(text(signer.name ? [{ text: signer.name, bold: true }] : [{ text: '\u00A0' }], 'center', 'title', 64));
  const recipients = data.recipients.map((line, index) =>
    text(`- ${line}${index === data.recipients.length - 1 ? '.' : ';'}`, 'left', 'recipients'),
  );
  return {
    kind: 'columns',
    leftWidthMm: 80,
    left: [text([{ text: 'Nơi nhận:', bold: true, italic: true }], 'left', 'recipientsLabel'), ...recipients],
    right,
  };
}

const ANNEX_COLUMNS: { label: string; widthMm: number; align: Align }[] = [
  { label: 'STT', widthMm: 12, align: 'center' },
  { label: 'Nhiệm vụ', widthMm: 44, align: 'left' },
  { label: 'Đơn vị chủ trì', widthMm: 27, align: 'left' },
  { label: 'Thời hạn', widthMm: 22, align: 'center' },
  { label: 'Tình trạng', widthMm: 20, align: 'center' },
  { label: 'Kết quả thực hiện', widthMm: 40, align: 'left' },
];

function annex(data: ProgressReportData): Item[] {
  const rows = data.tasks.map((task) => [
    task.ref,
    task.title,
    task.leadUnits.join(', ') || '—',
    task.deadline || '—',
    task.percent !== null && task.status !== 'done' ? `${task.statusLabel} (${task.percent}%)` : task.statusLabel,
    [...task.results.slice(-1), ...(task.evidence.length ? [`Minh chứng: ${task.evidence.join('; ')}`] : [])].join('\n') || '—',
  ]);
  return [
    { kind: 'pageBreak' },
    text([{ text: 'PHỤ LỤC', bold: true }], 'center', 'title'),
    text([{ text: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ', bold: true }], 'center', 'title'),
    text(
      [
        {
          text: `(Kèm theo Báo cáo số${NUMBER_BLANK}/BC-${data.issuingBody.symbol} ngày … tháng … năm 20… của ${data.issuingBody.shortName})`,
          italic: true,
        },
      ],
      'center',
      'body',
    ),
    { kind: 'table', columns: ANNEX_COLUMNS, rows },
  ];
}

/** What differs between the issuer's report on its plan and a lead unit's own report to the issuer (`reportsTo`). */
function wording(data: ProgressReportData, reference: string, period: string) {
  const unit = data.issuingBody.shortName;
  const issued = data.plan.date ? ` ${formatLongDate(data.plan.date)}` : '';
  const number = data.plan.number?.trim() ? ` số ${data.plan.number.trim()}` : '';
  const about = data.plan.title.replace(/^kế hoạch\s+/iu, '').trim();
  const reportsTo = data.reportsTo?.name;
  if (!reportsTo) {
    return {
      title: `Kết quả thực hiện ${reference}`,
      introduction: `Thực hiện Kế hoạch${number}${issued} về ${about}, ${unit} báo cáo kết quả thực hiện ${period} như sau:`,
      taskCount: `Kế hoạch có ${data.tasks.length} nhiệm vụ.`,
      noDifficulties: 'Trong kỳ, các đơn vị không báo cáo khó khăn, vướng mắc.',
      noProposals: 'Trong kỳ, các đơn vị không có đề xuất, kiến nghị.',
      closing: `Trên đây là báo cáo kết quả thực hiện ${reference} của ${unit} ${period}./.`,
    };
  }
  return {
    title: `Kết quả thực hiện ${reference} của ${reportsTo}`,
    introduction:
      `Thực hiện Kế hoạch${number}${issued} của ${reportsTo} về ${about}, ${unit} báo cáo kết quả thực hiện các nhiệm vụ` +
      ` được giao chủ trì ${period} như sau:`,
    taskCount: `${unit} được giao chủ trì ${data.tasks.length} nhiệm vụ.`,
    noDifficulties: `Trong kỳ, ${unit} không có khó khăn, vướng mắc.`,
    noProposals: `Trong kỳ, ${unit} không có đề xuất, kiến nghị.`,
    closing: `Trên đây là báo cáo kết quả thực hiện các nhiệm vụ được giao tại ${reference} ${period}, ${unit} kính báo cáo ${reportsTo}./.`,
  };
}

export function buildProgressReportLayout(data: ProgressReportData): { title: string; items: Item[] } {
  const reference = planReference(data.plan);
  const period = `từ ngày ${formatDate(data.from)} đến ngày ${formatDate(data.to)}`;
  const words = wording(data, reference, period);
  const { tasks } = data;
  const counts =
    `${words.taskCount} Tính đến ngày ${formatDate(data.to)}: hoàn thành ${statusCount(tasks, 'done')} nhiệm vụ;` +
    ` đang thực hiện ${statusCount(tasks, 'in_progress')}; quá hạn ${statusCount(tasks, 'overdue')};` +
    ` chưa triển khai ${statusCount(tasks, 'not_started')}${statusCount(tasks, 'cancelled') ? `; đã hủy ${statusCount(tasks, 'cancelled')}` : ''}.`;
  const items: Item[] = [
    masthead(data),
    text([{ text: 'BÁO CÁO', bold: true }], 'center', 'title', 18),
    text([{ text: words.title, bold: true }], 'center', 'title'),
    text([{ text: `(${period.charAt(0).toUpperCase()}${period.slice(1)})`, bold: true }], 'center', 'title'),
    { kind: 'rule', widthMm: 40, spaceBefore: 3 },
    body(words.introduction, 10),
    heading(`${toRoman(1)}. KẾT QUẢ THỰC HIỆN`),
    heading('1. Tình hình chung'),
    body(counts),
    heading('2. Các nhiệm vụ đã hoàn thành'),
    ...doneSection(tasks),
    heading(`${toRoman(2)}. NHIỆM VỤ ĐANG THỰC HIỆN`),
    ...inProgressSection(tasks),
    heading(`${toRoman(3)}. KHÓ KHĂN, VƯỚNG MẮC`),
    ...notesSection(data.difficulties, words.noDifficulties),
    heading(`${toRoman(4)}. ĐỀ XUẤT, KIẾN NGHỊ`),
    ...notesSection(data.proposals, words.noProposals),
    { kind: 'keepTogether', items: [body(words.closing, 8), closing(data)] },
    ...annex(data),
  ];
  return { title: `Báo cáo ${words.title.charAt(0).toLowerCase()}${words.title.slice(1)}`.normalize('NFC'), items };
}
