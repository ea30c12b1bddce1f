import { readFile, stat } from 'node:fs/promises';
import { type ImportedPlan, type PlanDeadline, planMetricLabels } from './contract/plans';
import { importPlanDocument, PlanImportError, planFormatOf } from './core/plans';

/**
 * `motcua plan import FILE [--json] [--stats]`: reads a plan document offline (no database) and prints what the
 * importer found — a Vietnamese summary, or with --json exactly the ImportedPlan structure (src/contract/plans.ts).
 * Exit 2 for a wrong command line or a file that cannot be read.
 */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function runPlanCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import') return fail(`Lệnh plan cần "import": motcua plan import TEP [--json] [--stats].`);
  const flags = rest.filter((argument) => argument.startsWith('--'));
  const files = rest.filter((argument) => !argument.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--json' && flag !== '--stats');
  if (unknown.length) return fail(`Tham số không hợp lệ cho plan import: ${unknown.join(' ')}.`);
  if (files.length !== 1) return fail('Cần đúng một tệp kế hoạch: motcua plan import TEP [--json] [--stats].');
  const file = files[0] as string;
  if (!planFormatOf(file)) return fail(`Không đọc được tệp "${file}": chỉ nhận kế hoạch dạng .md, .txt, .docx hoặc .pdf.`);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail(`"${file}" không phải là một tệp.`);
    if (info.size > MAX_FILE_BYTES) return fail(`Tệp "${file}" quá lớn (tối đa 50 MB).`);
    bytes = await readFile(file);
  } catch {
    return fail(`Không mở được tệp "${file}": tệp không tồn tại hoặc không có quyền đọc.`);
  }
  let plan: ImportedPlan;
  try {
    plan = await importPlanDocument(bytes, file);
  } catch (error) {
    if (error instanceof PlanImportError) return fail(error.message);
    return fail(`Không đọc được tệp "${file}": tệp hỏng hoặc không đúng định dạng ${file.split('.').pop()}.`);
  }
  const isJson = flags.includes('--json');
  if (isJson) console.log(JSON.stringify(plan, null, 2));
  else console.log(formatSummary(plan));
  if (flags.includes('--stats')) (isJson ? console.error : console.log)(formatStats(file, plan));
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

export function formatStats(file: string, plan: ImportedPlan): string {
  const deadlines = plan.tasks.reduce((sum, task) => sum + task.deadlines.length, 0);
  return `${file}: ${plan.tasks.length} nhiệm vụ, ${plan.targets.length} mục tiêu, ${deadlines} thời hạn`;
}

function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export function formatDeadline(deadline: PlanDeadline): string {
  switch (deadline.kind) {
    case 'date':
      return `ngày ${formatDate(deadline.date)}`;
    case 'annual':
      return `hằng năm, ngày ${String(deadline.day).padStart(2, '0')}/${String(deadline.month).padStart(2, '0')}`;
    case 'year':
      return `năm ${deadline.year}`;
    case 'quarter':
      return `quý ${deadline.quarter}/${deadline.year}`;
    case 'month':
      return `tháng ${deadline.month}/${deadline.year}`;
    case 'periodic':
      return { week: 'hằng tuần', month: 'hằng tháng', quarter: 'hằng quý', year: 'hằng năm' }[deadline.every];
    case 'ongoing':
      return 'thường xuyên';
    case 'relative':
      return `${deadline.amount} ${{ days: 'ngày', working_days: 'ngày làm việc', months: 'tháng' }[deadline.unit]} sau ${deadline.after}`;
    case 'text':
      return `"${deadline.text}" (không tính được ngày)`;
  }
}

function formatSummary(plan: ImportedPlan): string {
  const { plan: meta } = plan;
  const lines = [
    `Kế hoạch ${meta.number ?? '(không có số)'} — ${meta.issuer ?? 'không rõ cơ quan ban hành'}`,
    `Trích yếu: ${meta.title ?? '(không tìm thấy)'}`,
    `Nơi, ngày ban hành: ${meta.place ?? '—'}, ${meta.date ? formatDate(meta.date) : 'chưa ghi ngày'}`,
    `Người ký: ${meta.signer ?? '—'}`,
  ];
  if (meta.implements.length) lines.push(`Thực hiện: ${meta.implements.join('; ')}`);
  lines.push('', `Mục tiêu (${plan.targets.length}):`);
  for (const target of plan.targets) {
    const measures = target.measures
      .map((measure) => `${planMetricLabels[measure.metric].replace(' (%)', '')}: ${measure.value}%`)
      .join('; ');
    lines.push(`  ${target.ref}${target.year ? ` (năm ${target.year})` : ''}: ${measures}`);
  }
  lines.push('', `Nhiệm vụ (${plan.tasks.length}):`);
  for (const task of plan.tasks) {
    lines.push(`  ${task.ref}. ${task.title}`);
    lines.push(`      Chủ trì: ${task.lead.join('; ') || '—'}`);
    if (task.coordinating.length) lines.push(`      Phối hợp: ${task.coordinating.join('; ')}`);
    if (task.deliverables.length) lines.push(`      Sản phẩm: ${task.deliverables.join('; ')}`);
    lines.push(`      Thời hạn: ${task.deadlines.map(formatDeadline).join('; ') || '—'}`);
  }
  return lines.join('\n');
}
