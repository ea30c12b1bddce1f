import { readFileSync } from 'node:fs';
import { assetPath } from '../assets';
import type { PlanDetail, PlanTaskView } from '../contract/plans';
import { addDays } from '../core/plans/occurrences';
import { vietnamDate } from '../core/vietnam-time';
import type { Database } from '../db/client';
import type { Actor } from '../modules/auth';
import { importPlanFile, reportOnTask, savePlan } from '../modules/plans';

/**
 * The demo's plans (issue 14): the province's plan and the Sở Tư pháp's plan implementing it, two documents written
 * for the demo in the genre (src/demo/plans/: numbered sections in a hard-wrapped text, an appendix table in
 * markdown), read by the importer and saved as the upload page saves them — the units the importer matched, the
 * issuer it found, the department's plan under the province's — then a few progress reports by the demo's staff, so
 * that the unit's tasks, the overdue list, the calendar and the roll-up have something to show. Their year is the
 * one that began before the last 45 days (a plan dated 15/01 and 05/02 is never ahead of the day it is loaded).
 */
export type DemoPlans = { plans: number; tasks: number; reports: number };

type DemoDocument = { file: string; parent: 'province' | null; saver: 'kiemsoat' | 'admin' };
const DOCUMENTS: DemoDocument[] = [
  { file: 'ke-hoach-ubnd-tinh.txt', parent: null, saver: 'kiemsoat' },
  { file: 'ke-hoach-so-tu-phap.md', parent: 'province', saver: 'admin' },
];

/** A progress report of the demo: on the task with this reference, by this account, once the day has come. */
type DemoReport = {
  plan: number;
  ref: string;
  by: 'kiemsoat' | 'lanhdao' | 'truongphong';
  /** The report is made only when the Vietnam day of loading is past this day (month-day of the plan's year). */
  after: string;
  status: 'in_progress' | 'done';
  text: string;
  percent?: number;
  difficulties?: string;
  proposals?: string;
  period?: [string, string];
};

const REPORTS: DemoReport[] = [
  {
    plan: 0,
    ref: 'II.1.a',
    by: 'kiemsoat',
    after: '03-20',
    status: 'done',
    text: 'Đã tham mưu Chủ tịch UBND tỉnh ban hành Quyết định công bố danh mục thủ tục hành chính của các cấp chính quyền sau sắp xếp.',
  },
  {
    plan: 0,
    ref: 'II.1.c',
    by: 'lanhdao',
    after: '02-05',
    status: 'done',
    text: 'Sở Tư pháp đã ban hành Kế hoạch số 07/KH-STP triển khai trong ngành Tư pháp.',
  },
  {
    plan: 0,
    ref: 'II.1.b',
    by: 'lanhdao',
    after: '04-15',
    status: 'in_progress',
    percent: 60,
    text: 'Đã rà soát 42/70 thủ tục hành chính lĩnh vực tư pháp; dự thảo phương án cắt giảm thời gian giải quyết 12 thủ tục.',
    difficulties: 'Một số thủ tục phụ thuộc quy định của Trung ương, chưa thể cắt giảm ở cấp tỉnh.',
    proposals: 'Đề nghị Văn phòng UBND tỉnh tổng hợp kiến nghị gửi Bộ Tư pháp.',
  },
  {
    plan: 0,
    ref: 'II.4',
    by: 'lanhdao',
    after: '03-10',
    status: 'in_progress',
    period: ['01-01', '03-31'],
    text: 'Báo cáo quý I: hoàn thành 3/10 nhiệm vụ; các nhiệm vụ còn lại đang triển khai đúng tiến độ.',
  },
  {
    plan: 1,
    ref: 'PL.1',
    by: 'truongphong',
    after: '05-25',
    status: 'done',
    text: 'Đã rà soát 18 thủ tục hộ tịch, chứng thực; đề xuất đơn giản hóa thành phần hồ sơ của 5 thủ tục.',
  },
  {
    plan: 1,
    ref: 'PL.4',
    by: 'lanhdao',
    after: '02-18',
    status: 'in_progress',
    period: ['02-01', '02-28'],
    text: 'Báo cáo tháng 02: đã phân công nhiệm vụ cho các phòng; chưa phát sinh khó khăn.',
  },
];

export async function loadDemoPlans(db: Database, actors: Map<string, Actor>, now: Date): Promise<DemoPlans> {
  const today = vietnamDate(now);
  const year = Number(addDays(today, -45).slice(0, 4));
  const saved: PlanDetail[] = [];
  for (const document of DOCUMENTS) {
    const text = readFileSync(assetPath('src', 'demo', 'plans', document.file), 'utf8').replaceAll('{{YEAR}}', String(year));
    const saver = actors.get(document.saver)!;
    const read = await importPlanFile(db, saver, { bytes: Buffer.from(text, 'utf8'), name: document.file });
    if (!read.issuer) throw new Error(`Demo plan ${document.file}: its issuer is not in the demo units`);
    const { plan, targets, tasks } = read.imported;
    saved.push(
      await savePlan(db, saver, {
        plan: {
          number: plan.number,
          issuerUnitId: read.issuer.id,
          date: plan.date,
          title: plan.title ?? document.file,
          implements: plan.implements,
          parentPlanId: document.parent === 'province' ? saved[0]!.id : null,
          signer: plan.signer,
          sourceFileName: document.file,
        },
        targets,
        tasks,
        units: read.units.map(({ name, unitId }) => ({ name, unitId })),
      }),
    );
  }
  let reports = 0;
  for (const report of REPORTS) {
    if (today <= `${year}-${report.after}`) continue;
    const task = saved[report.plan]!.tasks.find((candidate: PlanTaskView) => candidate.ref === report.ref);
    if (!task) throw new Error(`Demo plan ${report.plan}: no task ${report.ref}`);
    const current = await reportOnTask(db, actors.get(report.by)!, task.id, {
      text: report.text,
      status: report.status,
      version: task.version,
      percent: report.percent ?? null,
      difficulties: report.difficulties ?? '',
      proposals: report.proposals ?? '',
      periodFrom: report.period ? `${year}-${report.period[0]}` : null,
      periodTo: report.period ? `${year}-${report.period[1]}` : null,
    });
    task.version = current.version;
    reports += 1;
  }
  return { plans: saved.length, tasks: saved.reduce((sum, plan) => sum + plan.tasks.length, 0), reports };
}
