import type { PlanTask } from '../../contract/plans';
import { toSearchForm } from '../text';
import { readExecutors, readFromSentences } from './assignments';
import { type DeadlineContext, parseDeadlines } from './deadlines';
import { dedupeDeadlines, splitDeliverables } from './section-tasks';
import { addUnits, splitUnits } from './units';

/**
 * Tasks in a table (usually an appendix, "Phụ lục: Danh mục nhiệm vụ"): columns found by their headings — STT,
 * Nội dung/Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm (docs/plan-import.md,
 * "Tasks in tables"). A row with a roman or capital STT and no units is a group heading; a row with no STT carries
 * on the row above (a row split across two pages, or across two tables); a repeated heading row is skipped.
 */
export type ColumnRole = 'ref' | 'title' | 'lead' | 'coordinating' | 'executors' | 'deadline' | 'deliverables' | 'note';

function roleOf(cell: string): ColumnRole | null {
  const form = toSearchForm(cell);
  if (form === '') return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(form)) return 'ref';
  if (/chu tri/.test(form)) return 'lead';
  if (/phoi hop/.test(form)) return 'coordinating';
  if (/^(co quan|don vi|trach nhiem|phan cong)( thuc hien)?$/.test(form)) return 'executors';
  if (/thoi gian|thoi han|tien do|moc/.test(form)) return 'deadline';
  if (/san pham|ket qua/.test(form)) return 'deliverables';
  if (/ghi chu/.test(form)) return 'note';
  if (/noi dung|nhiem vu|cong viec|hoat dong|giai phap|ten (de an|van ban)/.test(form)) return 'title';
  return null;
}

/** The columns' roles when `rows` (from the top) are a task table's heading, with how many rows the heading takes. */
export function readTableHeading(rows: string[][]): { roles: (ColumnRole | null)[]; height: number } | null {
  const first = rows[0];
  if (!first) return null;
  let roles = first.map(roleOf);
  let height = 1;
  // A two-row heading: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp".
  const second = rows[1];
  if (second && !/^\s*[\dIVX]/.test(second[0] ?? '') && second.some((cell) => roleOf(cell) === 'lead' || roleOf(cell) === 'coordinating')) {
    roles = roles.map((role, index) => roleOf(second[index] ?? '') ?? role);
    height = 2;
  }
  const isTaskTable = roles.includes('title') && roles.some((role) => role === 'lead' || role === 'executors' || role === 'deadline');
  return isTaskTable ? { roles, height } : null;
}

type RowCells = Partial<Record<ColumnRole, string>>;
type Group = { label: string; cells: RowCells };

function cellsOf(row: string[], roles: (ColumnRole | null)[]): RowCells {
  const cells: RowCells = {};
  roles.forEach((role, index) => {
    if (!role) return;
    const text = (row[index] ?? '').trim();
    if (text) cells[role] = cells[role] ? `${cells[role]}\n${text}` : text;
  });
  return cells;
}

const GROUP_LABEL = /^(?:[IVXL]+|[A-Z])\.?$/;
const TASK_LABEL = /^\d{1,3}(?:\.\d{1,3})*\.?$|^[a-zđ]\)?$/u;

/** Tasks of consecutive task tables (a table continued on a new page is often a second table with the same heading). */
export function collectTableTasks(tables: { rows: string[][]; prefix: string }[], context: DeadlineContext = {}): PlanTask[] {
  const tasks: PlanTask[] = [];
  let roles: (ColumnRole | null)[] | null = null;
  let group: Group | null = null;
  let current: { ref: string; cells: RowCells; group: Group | null } | null = null;
  let prefix = '';
  const flush = () => {
    if (current) tasks.push(buildTask(current.ref, current.cells, current.group, prefix, context));
    current = null;
  };
  for (const { rows: table, prefix: tablePrefix } of tables) {
    const heading = readTableHeading(table);
    let rows = table;
    // A table with the same columns continues the one before (its first rows may carry on the last row).
    const isSameColumns = heading !== null && roles !== null && heading.roles.join() === roles.join();
    if ((heading && !isSameColumns) || tablePrefix !== prefix) {
      flush();
      group = null;
    }
    prefix = tablePrefix;
    if (heading) {
      roles = heading.roles;
      rows = table.slice(heading.height);
    } else if (!roles || table[0]?.length !== roles.length) continue;
    for (const row of rows) {
      const activeRoles = roles as (ColumnRole | null)[];
      if (readTableHeading([row])) continue; // a heading repeated on the next page
      if (row.every((cell) => /^\s*\(?\d+\)?\s*$/.test(cell) || cell.trim() === '')) continue; // column numbers (1) (2) …
      const cells = cellsOf(row, activeRoles);
      const label = (cells.ref ?? '').replace(/\s+/g, '');
      const hasUnits = Boolean(cells.lead || cells.coordinating || cells.executors || cells.deadline);
      if (label && GROUP_LABEL.test(label) && !TASK_LABEL.test(label) && !hasUnits) {
        flush();
        group = { label: label.replace(/\.$/, ''), cells };
        continue;
      }
      if (label && (TASK_LABEL.test(label) || hasUnits)) {
        flush();
        current = { ref: label.replace(/[.)]$/, ''), cells, group };
        continue;
      }
      if (current) {
        const target: RowCells = (current as { cells: RowCells }).cells;
        for (const [role, text] of Object.entries(cells) as [ColumnRole, string][]) {
          target[role] = target[role] ? `${target[role]}\n${text}` : text;
        }
      } else if (group && cells.title) group.cells.title = `${group.cells.title ?? ''} ${cells.title}`.trim();
    }
  }
  flush();
  return tasks;
}

/** Units in a cell: one per line or separated as in running text. */
function cellUnits(text: string | undefined): string[] {
  if (!text) return [];
  return text.split('\n').flatMap((line) => splitUnits(line.replace(/^[-–+•]\s*/u, '').replace(/\.$/, '')));
}

function buildTask(ref: string, cells: RowCells, group: Group | null, prefix: string, context: DeadlineContext): PlanTask {
  const lines = (cells.title ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const isBullet = (line: string) => /^[-–+•*]\s*/u.test(line) || /^\(?[a-zđ0-9ivx]{1,3}\)\s/u.test(line);
  const [first = '', ...others] = lines;
  const items = others.filter(isBullet).map((line) => line.replace(/^[-–+•*]\s*/u, ''));
  const content = others.filter((line) => !isBullet(line)).join('\n');
  const lead: string[] = [];
  const coordinating: string[] = [];
  if (cells.lead) {
    const roles = /phối hợp/u.test(cells.lead) ? readExecutors(cells.lead) : { lead: cellUnits(cells.lead), coordinating: [] };
    addUnits(lead, roles.lead);
    addUnits(coordinating, roles.coordinating);
  }
  if (cells.executors) {
    const roles = readExecutors(cells.executors.replace(/\n/g, '; '));
    addUnits(lead, roles.lead);
    addUnits(coordinating, roles.coordinating);
  }
  addUnits(coordinating, cellUnits(cells.coordinating));
  if (lead.length === 0) addUnits(lead, cellUnits(group?.cells.lead));
  for (const text of [first, content, ...items]) addUnits(coordinating, readFromSentences(text).coordinating);
  const deadlines = cells.deadline ? parseDeadlines(cells.deadline.replace(/\n/g, ' '), 'field', context) : [];
  for (const text of [first, content, ...items]) deadlines.push(...parseDeadlines(text, 'content', context));
  return {
    ref: [prefix, group?.label, ref].filter(Boolean).join('.'),
    title: first,
    content,
    items,
    lead,
    coordinating,
    deliverables: cells.deliverables ? splitDeliverables(cells.deliverables) : [],
    deadlines: dedupeDeadlines(deadlines),
  };
}
