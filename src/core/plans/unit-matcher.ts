import { editDistance, toSearchForm } from '../text';

/**
 * Unit names as a plan writes them ("UBND cấp xã", "Sở TT&TT", "VP UBND tỉnh", "STP") matched to a unit tree, for
 * the save side: accent- and case-insensitive, the abbreviations of Vietnamese administration written out, a
 * parenthesis ("(Phòng Tư pháp tham mưu)", "(nếu có)") left aside, the province's name the tree adds
 * ("Sở Tư pháp tỉnh Kiên Giang") not required. Pure: no database, usable in the web app.
 */
export type UnitCandidate = { id: string; name: string; shortName?: string | null };
export type UnitMatch = {
  /** The name as the plan writes it. */
  name: string;
  /** The unit when exactly one fits well; null leaves the choice to the user. */
  unitId: string | null;
  /** The best candidates, best first (at most five), for the user to choose from. */
  candidates: { id: string; name: string; score: number }[];
  /** A collective name ("các Sở, ban, ngành", "UBND cấp xã", "doanh nghiệp (nếu có)"): many units or none. */
  isCollective: boolean;
};

/**
 * Abbreviations of bodies and of the words in their names (as written, before accents are removed). Data, not
 * rules about any province: extend it when a plan uses another.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bVPUBND\b/gu, 'Văn phòng Ủy ban nhân dân'],
  [/\bVP\b/gu, 'Văn phòng'],
  [/\bSTP\b/gu, 'Sở Tư pháp'],
  [/\bSTC\b/gu, 'Sở Tài chính'],
  [/\bSNV\b/gu, 'Sở Nội vụ'],
  [/\bSYT\b/gu, 'Sở Y tế'],
  [/\bSXD\b/gu, 'Sở Xây dựng'],
  [/\bSCT\b/gu, 'Sở Công Thương'],
  [/\bTT\s*&\s*TT\b|\bTTTT\b/gu, 'Thông tin và Truyền thông'],
  [/\bKH\s*&\s*CN\b|\bKHCN\b/gu, 'Khoa học và Công nghệ'],
  [/\bKH\s*&\s*ĐT\b|\bKHĐT\b/gu, 'Kế hoạch và Đầu tư'],
  [/\bNN\s*&\s*PTNT\b|\bNNPTNT\b/gu, 'Nông nghiệp và Phát triển nông thôn'],
  [/\bNN\s*&\s*MT\b|\bNNMT\b/gu, 'Nông nghiệp và Môi trường'],
  [/\bTN\s*&\s*MT\b|\bTNMT\b/gu, 'Tài nguyên và Môi trường'],
  [/\bGD\s*&\s*ĐT\b|\bGDĐT\b/gu, 'Giáo dục và Đào tạo'],
  [/\bLĐ\s*-?\s*TB\s*&\s*XH\b|\bLĐTBXH\b/gu, 'Lao động - Thương binh và Xã hội'],
  [/\bVH\s*,?\s*TT\s*&\s*DL\b|\bVHTTDL\b/gu, 'Văn hóa, Thể thao và Du lịch'],
  [/\bGTVT\b/gu, 'Giao thông vận tải'],
  [/\bBHXH\b/gu, 'Bảo hiểm xã hội'],
  [/\bMTTQ\b/gu, 'Mặt trận Tổ quốc'],
  [/\bBCH\b/gu, 'Ban Chỉ huy'],
  [/\bBQL\b/gu, 'Ban quản lý'],
  [/\bTTPVHCC\b|\bTT\s*PVHCC\b/gu, 'Trung tâm Phục vụ hành chính công'],
  [/\bPVHCC\b/gu, 'Phục vụ hành chính công'],
  [/\bCNTT\b/gu, 'công nghệ thông tin'],
  [/\bTTHC\b/gu, 'thủ tục hành chính'],
  [/\bTP\.?\s/gu, 'thành phố '],
  [/\bTX\.?\s/gu, 'thị xã '],
];

/** The search form of a unit name with its abbreviations written out and its parentheses dropped. */
export function normalizeUnitName(name: string): string {
  let text = name.normalize('NFC').replace(/\([^)]*\)/g, ' ');
  for (const [pattern, expansion] of ABBREVIATIONS) text = text.replace(pattern, expansion);
  return toSearchForm(text)
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd')
    .replace(/^cac /, '');
}

const COLLECTIVE =
  /^cac |lien quan|\bcap (huyen|xa|tinh)$|^(so|ban|nganh|co quan|don vi)( (so|ban|nganh|co quan|don vi))+|doanh nghiep|to chuc ca nhan|dia phuong$/;

export function isCollectiveUnitName(name: string): boolean {
  const form = toSearchForm(name.replace(/\([^)]*\)/g, ' '));
  return COLLECTIVE.test(form) || /\(nếu có\)/iu.test(name);
}

/** Initials of a name's words ("Sở Tư pháp" → "stp"), as plans abbreviate units in document numbers. */
function initials(form: string): string {
  return form
    .split(' ')
    .filter((word) => word !== 'va')
    .map((word) => word.charAt(0))
    .join('');
}

function score(planForm: string, unit: UnitCandidate): number {
  const forms = [unit.name, unit.shortName ?? ''].filter(Boolean).map(normalizeUnitName);
  let best = 0;
  for (const form of forms) {
    if (form === planForm) return 1;
    // The tree adds the place: "so tu phap" fits "so tu phap tinh kien giang"; "van phong ubnd tinh" fits too.
    if (form.startsWith(`${planForm} `)) best = Math.max(best, 0.9);
    if (planForm.startsWith(`${form} `)) best = Math.max(best, 0.8);
    if (!planForm.includes(' ') && planForm.length >= 2 && initials(form) === planForm) best = Math.max(best, 0.85);
    const distance = editDistance(planForm, form, 4);
    if (distance <= 2 && form.length > 8) best = Math.max(best, 0.85 - distance * 0.05);
    const planWords = new Set(planForm.split(' '));
    const unitWords = form.split(' ');
    const shared = unitWords.filter((word) => planWords.has(word)).length;
    const dice = (2 * shared) / (planWords.size + unitWords.length);
    best = Math.max(best, dice * 0.7);
  }
  return best;
}

/** Matches one name against the units; a unit is chosen only when it alone fits well (score ≥ 0.8). */
export function matchUnitName(name: string, units: UnitCandidate[]): UnitMatch {
  const planForm = normalizeUnitName(name);
  const scored = units
    .map((unit) => ({ id: unit.id, name: unit.name, score: Math.round(score(planForm, unit) * 100) / 100 }))
    .filter((candidate) => candidate.score >= 0.4)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
  const [first, second] = scored;
  const isCollective = isCollectiveUnitName(name);
  const isClear = first !== undefined && first.score >= 0.8 && (second === undefined || second.score < first.score);
  return { name, unitId: isClear && !isCollective ? first.id : null, candidates: scored.slice(0, 5), isCollective };
}

/** Every distinct unit name of a plan's tasks, matched; the unmatched ones are for the user to map. */
export function matchPlanUnits(names: string[], units: UnitCandidate[]): UnitMatch[] {
  const seen = new Set<string>();
  const matches: UnitMatch[] = [];
  for (const name of names) {
    const key = normalizeUnitName(name);
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push(matchUnitName(name, units));
  }
  return matches;
}
