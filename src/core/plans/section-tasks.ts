import type { PlanDeadline, PlanTask } from '../../contract/plans';
import { toSearchForm } from '../text';
import { readExecutors, readFromSentences, readHeadingUnits, readSubjects } from './assignments';
import { type DeadlineContext, parseDeadlines } from './deadlines';
import type { OutlineNode } from './outline';
import { nodeRef } from './refs';
import { TARGET_HEADING } from './targets';
import { addUnits, splitUnits } from './units';

/**
 * Tasks in numbered sections (docs/plan-import.md, "Tasks in sections"). A numbered heading (1., 1.1., a)) is a task
 * when it carries its own fields ("- Cơ quan chủ trì: …", "- Thời hạn hoàn thành …", "* Thời hạn …") or, in a
 * section that assigns work (Nhiệm vụ, Nội dung, Giải pháp, Tổ chức thực hiện…), when it is the lowest numbered
 * heading. A heading over numbered sub-headings, or over items that carry fields, is a group: its fields pass down.
 * Items a) under a task are its items, unless one names its own lead ("c) Sở A chủ trì, …"): that one is a task of
 * its own with the parent's deadlines.
 */
export const WORK_SECTION = /nhiem vu|noi dung|giai phap|to chuc thuc hien|trach nhiem|phan cong|trien khai thuc hien|cong viec/;
/** A heading that only names the kind of what follows ("1.2. Nhiệm vụ:", "b) Giải pháp thực hiện"): its bullets are the tasks. */
const BARE_WORK_HEADING =
  /^(?:cac )?(?:nhiem vu|giai phap|noi dung|cong viec|hoat dong)(?:,? (?:va )?(?:nhiem vu|giai phap))?(?: (?:cu the|trong tam|chu yeu|thuc hien|can thuc hien))*[ .:]*$/;
const BULLETS = new Set(['dash', 'plus', 'star']);
/** Headings numbered 1. or 1.1. (a group when another sits under them). */
export const MAJOR = new Set(['number', 'dotted']);
export const NUMBERED = new Set(['number', 'dotted', 'letter']);

type Inherited = { lead: string[]; coordinating: string[]; deadlines: PlanDeadline[]; deliverables: string[] };
type Fields = Inherited & { hasFields: boolean };

export function collectSectionTasks(section: OutlineNode, context: DeadlineContext = {}): PlanTask[] {
  const isWorkSection = WORK_SECTION.test(toSearchForm(section.text));
  const inherited: Inherited = { lead: readSectionLead(section), coordinating: [], deadlines: [], deliverables: [] };
  return collectChildren(section, inherited, { isWorkSection, context });
}

/** How a section is read: whether it assigns work, and the document's deadline context (the plan's year). */
type Reading = { isWorkSection: boolean; context: DeadlineContext };

/** "Các Sở, ban, ngành tỉnh thực hiện các nội dung … sau:" under the section's heading: the lead of its tasks. */
function readSectionLead(section: OutlineNode): string[] {
  const intro = section.paragraphs[0];
  return intro && /:$/.test(intro) ? readSubjects(intro) : [];
}

function collectChildren(node: OutlineNode, inherited: Inherited, reading: Reading): PlanTask[] {
  return node.children
    .filter((child) => NUMBERED.has(child.kind) && !TARGET_HEADING.test(toSearchForm(child.text)))
    .flatMap((child) => collectNode(child, inherited, reading));
}

function collectNode(node: OutlineNode, inherited: Inherited, reading: Reading): PlanTask[] {
  const { context } = reading;
  const own = readFields(node, context);
  const numbered = node.children.filter((child) => NUMBERED.has(child.kind));
  const isGroup = numbered.some((child) => MAJOR.has(child.kind)) || numbered.some(hasFieldsBelow);
  if (isGroup) return collectChildren(node, passDown(inherited, own), reading);
  // "1.2. Nhiệm vụ:" over bullets "- Rà soát …": each bullet is a task, with the heading's fields.
  const bullets = node.children.filter((child) => BULLETS.has(child.kind) && !isLabelledField(child));
  if (numbered.length === 0 && bullets.length > 0 && BARE_WORK_HEADING.test(toSearchForm(node.text))) {
    // The heading's own field lines only: a bullet's sentence with its deadline is that bullet's.
    const base = passDown(inherited, readFields({ ...node, children: node.children.filter(isLabelledField) }, context));
    return bullets.map((bullet) => {
      const fields = readFields(bullet, context);
      const lead = fields.lead.length > 0 ? fields.lead : readLeadFromText(bullet);
      return buildTask(
        bullet,
        bullet.children.filter((child) => !child.field),
        fields,
        lead,
        base,
        context,
      );
    });
  }
  const ownLead = own.lead.length > 0 ? own.lead : readLeadFromText(node);
  if (!reading.isWorkSection && !own.hasFields && ownLead.length === 0) return [];
  const separate = numbered.filter((child) => readLeadFromText(child).length > 0);
  // Items that each name their lead under a heading with no fields of its own: the heading is a group.
  if (separate.length > 0 && separate.length === numbered.length && !own.hasFields) {
    return collectChildren(node, passDown(inherited, own), reading);
  }
  const itemNodes = node.children.filter((child) => !separate.includes(child) && !child.field);
  const task = buildTask(node, itemNodes, own, ownLead, inherited, context);
  const base = { ...inherited, lead: task.lead, deadlines: task.deadlines };
  return [
    task,
    ...separate.map((child) =>
      buildTask(
        child,
        child.children.filter((item) => !item.field),
        readFields(child, context),
        readLeadFromText(child),
        base,
        context,
      ),
    ),
  ];
}

/** A field line with its label ("- Cơ quan chủ trì: …"), not a sentence that only mentions a deadline. */
function isLabelledField(node: OutlineNode): boolean {
  return node.field !== null && node.field.value !== node.text;
}

function hasFieldsBelow(node: OutlineNode): boolean {
  return node.children.some((child) => child.field !== null || (NUMBERED.has(child.kind) && hasFieldsBelow(child)));
}

function passDown(inherited: Inherited, own: Fields): Inherited {
  return {
    lead: own.lead.length > 0 ? own.lead : inherited.lead,
    coordinating: own.coordinating.length > 0 ? own.coordinating : inherited.coordinating,
    deadlines: own.deadlines.length > 0 ? own.deadlines : inherited.deadlines,
    deliverables: own.deliverables.length > 0 ? own.deliverables : inherited.deliverables,
  };
}

/** The fields a node's own field lines give. */
export function readFields(node: OutlineNode, context: DeadlineContext = {}): Fields {
  const fields: Fields = { lead: [], coordinating: [], deadlines: [], deliverables: [], hasFields: false };
  for (const child of node.children) {
    if (!child.field) continue;
    fields.hasFields = true;
    const value = child.field.value;
    switch (child.field.kind) {
      case 'lead': {
        const roles = /phối hợp/u.test(value) ? readExecutors(value) : { lead: splitUnits(value.replace(/\.$/, '')), coordinating: [] };
        addUnits(fields.lead, roles.lead);
        addUnits(fields.coordinating, roles.coordinating);
        break;
      }
      case 'coordinating':
        addUnits(fields.coordinating, splitUnits(value.replace(/\.$/, '')));
        break;
      case 'executors': {
        const roles = readExecutors(value);
        addUnits(fields.lead, roles.lead);
        addUnits(fields.coordinating, roles.coordinating);
        break;
      }
      case 'deadline':
        fields.deadlines.push(...parseDeadlines(value, 'field', context));
        break;
      case 'deliverables':
        fields.deliverables.push(...splitDeliverables(value));
        break;
    }
  }
  return fields;
}

export function splitDeliverables(value: string): string[] {
  return value
    .split(/\s*[;\n]\s*/u)
    .map((part) =>
      part
        .replace(/^[-–+•]\s*/u, '')
        .replace(/[.;,]+$/, '')
        .trim(),
    )
    .filter((part) => part.length > 0);
}

/** The lead a node's own heading or text names, when no field does. */
function readLeadFromText(node: OutlineNode): string[] {
  const heading = readHeadingUnits(node.text);
  if (heading.length > 0) return heading;
  const text = [node.text, ...node.paragraphs].join('\n');
  const sentences = readFromSentences(text);
  if (sentences.lead.length > 0) return sentences.lead;
  return readSubjects(text);
}

function buildTask(
  node: OutlineNode,
  itemNodes: OutlineNode[],
  own: Fields,
  ownLead: string[],
  inherited: Inherited,
  context: DeadlineContext,
): PlanTask {
  const { title, rest } = splitTitle(node.text);
  const content = [rest, ...node.paragraphs].filter((text) => text.length > 0).join('\n');
  const items = flattenItems(itemNodes);
  const lead = ownLead.length > 0 ? [...ownLead] : [...inherited.lead];
  const coordinating = [...(own.coordinating.length > 0 ? own.coordinating : inherited.coordinating)];
  for (const text of [node.text, ...node.paragraphs, ...items]) addUnits(coordinating, readFromSentences(text).coordinating);
  const deadlines = [...(own.deadlines.length > 0 ? own.deadlines : inherited.deadlines)];
  for (const text of [title, content, ...items]) deadlines.push(...parseDeadlines(text, 'content', context));
  return {
    ref: nodeRef(node),
    title,
    content,
    items,
    lead,
    coordinating: coordinating.filter((unit) => !lead.some((leader) => toSearchForm(leader) === toSearchForm(unit))),
    deliverables: own.deliverables.length > 0 ? own.deliverables : [...inherited.deliverables],
    deadlines: dedupeDeadlines(deadlines),
  };
}

function splitTitle(text: string): { title: string; rest: string } {
  const match = /(?<=[.!?])\s+(?=\p{Lu})/u.exec(text);
  if (!match) return { title: text.trim(), rest: '' };
  return { title: text.slice(0, match.index).trim(), rest: text.slice(match.index).trim() };
}

/** The items below a task as written, in reading order; an introducing line ("- Nhiệm vụ, giải pháp:") is left out. */
function flattenItems(nodes: OutlineNode[]): string[] {
  const items: string[] = [];
  for (const node of nodes) {
    if (node.field) continue;
    const text = [node.text, ...node.paragraphs].join(' ').trim();
    const isIntroduction = text.endsWith(':') && node.children.length > 0;
    if (text && !isIntroduction) items.push(text);
    items.push(...flattenItems(node.children));
  }
  return items;
}

export function dedupeDeadlines(deadlines: PlanDeadline[]): PlanDeadline[] {
  const seen = new Set<string>();
  return deadlines.filter((deadline) => {
    const { text: _text, ...value } = deadline;
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
