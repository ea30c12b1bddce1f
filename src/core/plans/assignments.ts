import { addUnits, readUnitList, splitUnits, startsWithUnit } from './units';

/**
 * Who leads and who coordinates, read from a task's text when no "Cơ quan chủ trì:" field says it:
 * "giao Văn phòng UBND tỉnh chủ trì, phối hợp các cơ quan liên quan …", "Sở A chủ trì, phối hợp với Sở B thực hiện",
 * a heading that is a unit ("2. Sở Khoa học và Công nghệ") or opens with one ("4. Văn phòng UBND tỉnh: Thường xuyên
 * …"), a sentence whose subject is a unit ("Phòng Tư pháp chủ động tham mưu …").
 */
export type Assignment = { lead: string[]; coordinating: string[] };

/** The longest list of units read before "chủ trì" or after "phối hợp với". */
const MAX_LIST_LENGTH = 400;
const LEAD_WORD = /(?<![\p{L}])chủ trì(?![\p{L}])/gu;
const COORDINATION = /(?<![\p{L}])[Pp]hối hợp(?:\s+(?:với|cùng))?\s+/gu;
/** Verbs by which the subject hands the work to someone else: the subject is not the lead. */
const DELEGATING = /^(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công|ủy quyền|uỷ quyền)(?![\p{L}])/u;
const HANDING_OVER = /(?:^|\s)(?:giao(?:\s+cho)?|đề nghị|yêu cầu|phân công|chỉ đạo)\s+$/u;

/** The lead and coordinating units an "Đơn vị thực hiện: …" field names (all lead when it says nothing of roles). */
export function readExecutors(value: string): Assignment {
  const labelled = readLabelledRoles(value);
  if (labelled) return labelled;
  const found = readFromSentences(value);
  if (found.lead.length > 0 || found.coordinating.length > 0) return found;
  return { lead: splitUnits(value.replace(/\s+thực hiện\.?$/u, '').replace(/[.]$/, '')), coordinating: [] };
}

/**
 * Roles written beside the units: "Sở Nội vụ (chủ trì); Sở Tài chính (phối hợp)", or labels inside one cell:
 * "Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính, Sở Y tế".
 */
function readLabelledRoles(value: string): Assignment | null {
  const lead: string[] = [];
  const coordinating: string[] = [];
  const labels = [...value.matchAll(/(?:^|[;.\n]\s*)(chủ trì|phối hợp)\s*:\s*([^\n]*?)(?=[;.\n]\s*(?:chủ trì|phối hợp)\s*:|$)/giu)];
  if (labels.length > 0) {
    for (const label of labels) {
      const units = splitUnits((label[2] as string).replace(/[.;]$/, ''));
      addUnits(/^chủ/iu.test(label[1] as string) ? lead : coordinating, units);
    }
    return { lead, coordinating };
  }
  if (!/\((?:chủ trì|phối hợp)\)/iu.test(value)) return null;
  for (const entry of value.split(/\s*[;\n]\s*/u)) {
    const match = /^(.*?)\s*\((chủ trì|phối hợp)\)\s*[.,]?$/iu.exec(entry);
    if (match) addUnits(/^chủ/iu.test(match[2] as string) ? lead : coordinating, splitUnits(match[1] as string));
    else if (entry.trim()) addUnits(coordinating, splitUnits(entry.replace(/[.]$/, '')));
  }
  return { lead, coordinating };
}

/** The lead and coordinating units in running text (a heading, a paragraph, an item). */
export function readFromSentences(text: string): Assignment {
  const lead: string[] = [];
  const coordinating: string[] = [];
  for (const match of text.matchAll(LEAD_WORD)) {
    // A list of units is never that long: the window keeps a long paragraph linear.
    const before = text.slice(Math.max(0, (match.index ?? 0) - MAX_LIST_LENGTH), match.index);
    const units = unitsBefore(before);
    if (units.length > 0) addUnits(lead, units);
  }
  for (const match of text.matchAll(COORDINATION)) {
    const start = (match.index ?? 0) + match[0].length;
    addUnits(coordinating, readUnitList(text.slice(start, start + MAX_LIST_LENGTH)).units);
  }
  return { lead, coordinating };
}

/** The units a text ends with, back to the start of its clause: "…, Chủ tịch UBND tỉnh giao Văn phòng UBND tỉnh". */
function unitsBefore(before: string): string[] {
  let clause = before.replace(/\s+$/, '');
  const boundary = Math.max(clause.lastIndexOf('. '), clause.lastIndexOf(':'), clause.lastIndexOf('\n'));
  if (boundary >= 0) clause = clause.slice(boundary + 1);
  const handing = /(?:^|\s)(?:giao(?:\s+cho)?|đề nghị|yêu cầu|phân công|chỉ đạo)\s+/gu;
  let cut = -1;
  for (const match of clause.matchAll(handing)) cut = (match.index ?? 0) + match[0].length;
  if (cut >= 0) clause = clause.slice(cut);
  clause = clause.trim();
  // "Trên cơ sở đó, Sở A chủ trì": drop leading words up to a comma until the clause starts with a unit.
  while (clause && !startsWithUnit(clause)) {
    const comma = clause.indexOf(', ');
    if (comma < 0) return [];
    clause = clause.slice(comma + 2);
  }
  if (!clause) return [];
  const list = readUnitList(clause);
  return list.length >= clause.length - 1 ? list.units : [];
}

/**
 * A heading that names its unit: the whole heading ("Sở Khoa học và Công nghệ", "Giám đốc Sở, Thủ trưởng …") or
 * the part before a colon ("Văn phòng UBND tỉnh: Thường xuyên …").
 */
export function readHeadingUnits(heading: string): string[] {
  const text = heading.trim().replace(/[.:]$/, '');
  const colon = text.indexOf(':');
  const head = colon >= 0 ? text.slice(0, colon) : text;
  if (!startsWithUnit(head) || head.length > 200) return [];
  const list = readUnitList(head);
  return list.length >= head.trim().length - 1 ? list.units : [];
}

/** Units that are the subject of a sentence: "Phòng Tư pháp chủ động tham mưu …", "Lãnh đạo …; UBND cấp xã thực hiện …". */
export function readSubjects(text: string): string[] {
  const subjects: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const clause = sentence.replace(/^(?:Đồng thời|Bên cạnh đó|Trên cơ sở đó),\s*/u, '');
    if (!startsWithUnit(clause)) continue;
    const list = readUnitList(clause);
    if (list.units.length === 0 || list.length >= clause.length - 1) continue;
    const rest = clause.slice(list.length).trim();
    if (DELEGATING.test(rest) || HANDING_OVER.test(clause.slice(0, list.length))) continue;
    if (/^chủ trì/u.test(rest)) continue; // read by readFromSentences
    if (!/^[\p{Ll}]/u.test(rest)) continue;
    addUnits(subjects, list.units);
  }
  return subjects;
}
