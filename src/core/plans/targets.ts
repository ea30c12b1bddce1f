import type { PlanMeasure, PlanMetric, PlanTarget } from '../../contract/plans';
import { toSearchForm } from '../text';
import type { OutlineNode } from './outline';
import { nodeRef } from './refs';

/**
 * Targets: the items of a "Mục tiêu" (or "Mục đích, yêu cầu", "Chỉ tiêu") section that state a share ("ít nhất
 * 30% thời gian giải quyết …", "100% TTHC … trực tuyến toàn trình"); the year is the one the item's heading names
 * ("1. Mục tiêu năm 2025"). Each share becomes a measure whose metric is read from the words after it
 * (docs/plan-import.md, "Metrics").
 */
export const TARGET_SECTION = /muc tieu|chi tieu|muc dich|yeu cau/;
/** A heading that is only a target's ("1.1. Mục tiêu", "a) Chỉ tiêu cụ thể:"), inside a section that assigns work. */
export const TARGET_HEADING =
  /^(?:muc tieu|chi tieu|muc dich|yeu cau)(?: (?:chung|cu the|tong quat|nam 20\d\d))*[ .:]*$|^muc (?:dich|tieu),? yeu cau[ .:]*$/;

export function collectTargets(section: OutlineNode): PlanTarget[] {
  const targets: PlanTarget[] = [];
  const visit = (node: OutlineNode) => {
    const texts = [node.text, ...node.paragraphs].filter((text) => /\d\s*%/.test(text));
    // The section itself is a target when only its paragraphs state shares ("1.1. Mục tiêu" over "100% …").
    if (texts.length > 0 && !node.children.some(hasShare) && (node !== section || node.children.length === 0)) {
      const text = texts.join(' ');
      targets.push({ year: yearOf(node), ref: nodeRef(node), text, measures: readMeasures(text) });
    }
    for (const child of node.children) visit(child);
  };
  visit(section);
  return targets;
}

function hasShare(node: OutlineNode): boolean {
  return /\d\s*%/.test(node.text) || node.paragraphs.some((text) => /\d\s*%/.test(text)) || node.children.some(hasShare);
}

function yearOf(node: OutlineNode): number | null {
  for (let current = node.parent; current; current = current.parent) {
    const match = /(?:năm|Năm|NĂM)\s+(20\d{2})(?!\s*[-–])/u.exec(current.text);
    if (match) return Number(match[1]);
  }
  return null;
}

/** Every "N%" of a target, with the metric the words after it name. */
export function readMeasures(text: string): PlanMeasure[] {
  const measures: PlanMeasure[] = [];
  const shares = [...text.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s*%/g)];
  shares.forEach((share, index) => {
    const start = (share.index ?? 0) + share[0].length;
    const next = shares[index + 1]?.index ?? text.length;
    let after = text.slice(start, next);
    const semicolon = after.indexOf(';');
    if (semicolon >= 0) after = after.slice(0, semicolon);
    const previousEnd = index === 0 ? 0 : (shares[index - 1]?.index ?? 0) + (shares[index - 1] as RegExpMatchArray)[0].length;
    const before = text.slice(previousEnd, share.index);
    measures.push({ metric: classify(toSearchForm(before), toSearchForm(after)), value: Number((share[1] as string).replace(',', '.')) });
  });
  return measures;
}

function classify(before: string, after: string): PlanMetric {
  const head = after.split(' ').slice(0, 12).join(' ');
  if (/^thoi gian/.test(head)) return 'processing_time_cut_percent';
  if (/^chi phi/.test(head)) return 'compliance_cost_cut_percent';
  if (/dieu kien (dau tu )?kinh doanh|dieu kien dau tu/.test(head)) return 'business_conditions_cut_percent';
  if (/phuong an/.test(head) && /phan cap|phan quyen/.test(after)) return 'decentralisation_plans_percent';
  if (/^(ho so|ket qua)/.test(head) && /so hoa/.test(`${before} ${after}`)) return 'digitised_dossiers_percent';
  if (/che do bao cao/.test(head)) return 'electronic_business_reports_percent';
  if (/quy chuan|tieu chuan/.test(head)) return 'technical_regulation_procedures_percent';
  if (/thong tin|giay to/.test(head) && /mot lan/.test(after)) return 'once_only_information_percent';
  if (/noi bo/.test(head)) {
    return /moi truong dien tu|quan tri noi bo/.test(after)
      ? 'internal_procedures_electronic_percent'
      : 'internal_procedures_reviewed_percent';
  }
  if (/toan trinh/.test(after)) return 'online_full_process_percent';
  if (/dia gioi hanh chinh/.test(after)) return 'location_independent_percent';
  if (/truc tuyen/.test(after) && /doanh nghiep/.test(head)) return 'online_business_procedures_percent';
  return 'other_percent';
}
