import type { ImportedPlan, PlanTarget, PlanTask } from '../../contract/plans';
import { toSearchForm } from '../text';
import type { DeadlineContext } from './deadlines';
import { finishBlocks, joinLines, type PlanBlock } from './lines';
import { extractMetadata } from './metadata';
import { buildOutline, type OutlineNode } from './outline';
import { nodeRef } from './refs';
import { collectSectionTasks, MAJOR, NUMBERED, WORK_SECTION } from './section-tasks';
import { collectTableTasks, readTableHeading } from './table-tasks';
import { collectTargets, TARGET_HEADING, TARGET_SECTION } from './targets';

/**
 * From a document's lines and tables to the imported plan: paragraphs rebuilt, metadata taken out, the outline
 * built, targets read from the target sections, tasks from the other sections and from task tables.
 */
export function parsePlan(input: (string | PlanBlock)[], options: { isWrapped?: boolean } = {}): ImportedPlan {
  const flattened = input.flatMap((item) =>
    typeof item !== 'string' && item.kind === 'table' && !readTableHeading(item.rows) && !isContinuation(item)
      ? tableToLines(item.rows)
      : [item],
  );
  const blocks = finishBlocks(joinLines(flattened, options));
  const { metadata, body } = extractMetadata(blocks);
  const { root } = buildOutline(body);
  const targets: PlanTarget[] = [];
  const tasks: PlanTask[] = [];
  const context: DeadlineContext = { year: planYear(metadata.title) };
  for (const section of sectionsOf(root)) {
    const heading = toSearchForm(section.text);
    // "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" assigns work: its "1.1. Mục tiêu" headings hold the targets.
    const isTargetSection = TARGET_SECTION.test(heading) && !WORK_SECTION.test(heading) && section.kind !== 'appendix';
    if (isTargetSection) targets.push(...collectTargets(section));
    else {
      for (const node of targetHeadings(section)) targets.push(...collectTargets(node));
      // A plan with no sections, its tasks numbered on top ("1. Sở A chủ trì …, hoàn thành trước ngày …"): a top-level
      // item with nothing numbered under it is read as an item of a section, a task when it names its lead or fields.
      const isLoneItem = MAJOR.has(section.kind) && !section.children.some((child) => NUMBERED.has(child.kind));
      tasks.push(...collectSectionTasks(isLoneItem ? { ...section, text: '', paragraphs: [], children: [section] } : section, context));
    }
  }
  tasks.push(...collectTableTasks(allTables(root), context));
  // A task that names no lead is the issuer's own ("Phối hợp với Sở A triển khai …" in a Sở's plan).
  const issuer = metadata.issuer;
  if (issuer) for (const task of tasks) if (task.lead.length === 0) task.lead.push(issuer);
  return { plan: metadata, targets, tasks };
}

/**
 * The year of an annual plan: its title ends with "năm 2026" ("Kế hoạch cải cách hành chính năm 2026"), not with a
 * horizon ("đến năm 2030", "tầm nhìn đến năm 2035") and names no range of years ("giai đoạn 2026 - 2030").
 */
export function planYear(title: string | null): number | null {
  if (!title || /20\d{2}\s*[-–]\s*20\d{2}/u.test(title)) return null;
  const match = /(?<!(?:đến|tầm nhìn|định hướng|hướng tới)\s+)năm\s+(20\d{2})[\s.)]*$/iu.exec(title);
  return match ? Number(match[1]) : null;
}

/** The headings inside a work section that are only a target's ("1.1. Mục tiêu"). */
function targetHeadings(node: OutlineNode): OutlineNode[] {
  return node.children.flatMap((child) => (TARGET_HEADING.test(toSearchForm(child.text)) ? [child] : targetHeadings(child)));
}

/** Top-level sections; a document without roman headings has its numbered headings on top. */
function sectionsOf(root: OutlineNode): OutlineNode[] {
  return root.children.filter((child) => child.kind !== 'dash' && child.kind !== 'plus' && child.kind !== 'star');
}

/** Every table, with the reference of the appendix it stands in ("PL", "PLII"), so that its STT stay unique. */
function allTables(node: OutlineNode, prefix = ''): { rows: string[][]; prefix: string }[] {
  const own = node.kind === 'appendix' ? nodeRef(node) : prefix;
  return [...node.tables.map((rows) => ({ rows, prefix: own })), ...node.children.flatMap((child) => allTables(child, own))];
}

/** A table with no heading row whose rows go on a task table (its first cell empty or a number). */
function isContinuation(block: PlanBlock): boolean {
  return (
    block.kind === 'table' &&
    block.rows.length > 0 &&
    block.rows.every((row) => row.length >= 3) &&
    /^\s*(\d{1,3}(\.\d+)*\.?)?\s*$/.test(block.rows[0]?.[0] ?? '')
  );
}

/** A layout table (the header's two columns, the signature block): its cells read as lines, column by column. */
function tableToLines(rows: string[][]): string[] {
  const lines: string[] = [];
  const columns = Math.max(...rows.map((row) => row.length));
  for (let column = 0; column < columns; column++) {
    for (const row of rows) for (const line of (row[column] ?? '').split('\n')) lines.push(line, '');
  }
  return lines;
}
