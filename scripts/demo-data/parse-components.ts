// Dossier components: drop notes, fold sub-headings into `group`, flag conditional and reusable documents.

import type { ProcedureComponent } from './procedure-input';
import type { SourceRecord } from './read-source';
import { cleanLine, foldForMatch, truncate } from './text';

const GROUP_MAX = 500;
const NAME_MAX = 2000;

export interface ComponentStats {
  kept: number;
  droppedNotes: number;
  foldedHeadings: number;
}

const LIST_MARKER = /^(?:[-+*•–]+|\(?[a-zđ]\)|\(?\d{1,2}[).]|[ivx]{1,4}\.)\s*/i;
const NOTE_START = /^(\*?\s*luu y|vi du|so luong ho so|ghi chu|chu y)\b/;
const DOCUMENT_START = new RegExp(
  '^(don|to khai|to trinh|giay|ban |van ban|hoa don|chung tu|hop dong|quyet dinh|bao cao|danh sach|phieu|so |' +
    'chung cu|ho so|the |ho chieu|anh|tai lieu|bien ban|ke hoach|phuong an|du an|bang|so do|thong bao|dieu le|' +
    'chung chi|chung nhan|mau |trich luc|cong van|de an|thiet ke|cac giay to|cac van ban|cac tai lieu|ban sao|ban chup)',
);
/** Conditional document: starts with a condition, or is qualified by one ("…trong trường hợp ủy quyền", "(nếu có)").
 * "Giấy chứng sinh; trường hợp không có … thì …" names an alternative and stays required. */
const CONDITIONAL_START = /^(trong |doi voi |moi )?truong hop|^neu\b/;
const CONDITIONAL_ANYWHERE = /\(neu co\)|\bneu co\b|trong truong hop|doi voi truong hop|(doi voi|cho) (cac )?truong hop/;
const isConditional = (text: string): boolean => {
  const core = foldedCore(text);
  return CONDITIONAL_START.test(core) || CONDITIONAL_ANYWHERE.test(core);
};

/** Reusable document types ("provide once"): first match on the start of the component name. */
const REUSABLE_DOCUMENTS: [RegExp, string][] = [
  [/^(the can cuoc|can cuoc|cccd|chung minh nhan dan|giay to tuy than|giay chung nhan can cuoc)/, 'cccd'],
  [/^ho chieu\b.{0,60}can cuoc/, 'cccd'],
  [/^ho chieu/, 'passport'],
  [/^(giay khai sinh|trich luc khai sinh)/, 'birth_certificate'],
  [/^(giay chung nhan ket hon|trich luc (dang ky )?ket hon)/, 'marriage_certificate'],
  [/^giay xac nhan tinh trang hon nhan/, 'marital_status_certificate'],
  [/^(giay bao tu|giay chung tu|trich luc (dang ky )?khai tu)/, 'death_certificate'],
  [/^giay chung nhan dang ky (doanh nghiep|kinh doanh)/, 'business_registration'],
  [/^giay chung nhan dang ky ho kinh doanh/, 'household_business_registration'],
  [/^giay chung nhan dang ky (hop tac xa|lien hiep hop tac xa)/, 'cooperative_registration'],
  [/^giay chung nhan dang ky dau tu/, 'investment_registration'],
  [/^(giay chung nhan quyen su dung dat|giay chung nhan quyen so huu (nha o|cong trinh))/, 'land_use_certificate'],
  [/^phieu ly lich tu phap/, 'criminal_record'],
  [/^giay phep xay dung/, 'construction_permit'],
  [/^giay phep lai xe/, 'driving_licence'],
  [/^giay (chung nhan |kham )?suc khoe/, 'health_certificate'],
  [/^(giay chung nhan dang ky xe|giay dang ky xe)/, 'vehicle_registration'],
  [/^chung chi hanh nghe/, 'practising_certificate'],
  [/^(bang tot nghiep|van bang)/, 'diploma'],
];
const COPY_PREFIX = /^(\d+\s*)?(ban sao|ban chup|ban chinh|ban goc)( dien tu)?( hop le)?( co chung thuc)?( hoac ban chup)?( cua| tu)?\s*/;

/** Accent-free name without list markers, for keyword rules. */
function foldedCore(name: string): string {
  let core = name;
  for (let guard = 0; guard < 3 && LIST_MARKER.test(core); guard += 1) core = core.replace(LIST_MARKER, '');
  return foldForMatch(core).replace(/^["“(]+/, '');
}

export function reusableDocumentTypeOf(name: string): string | null {
  const core = foldedCore(name).replace(COPY_PREFIX, '');
  for (const [pattern, type] of REUSABLE_DOCUMENTS) if (pattern.test(core)) return type;
  return null;
}

function cleanHeading(title: string | null | undefined): string | null {
  if (!title) return null;
  const cleaned = cleanLine(title)
    .replace(/^[-+*•\s]+/, '')
    .replace(/[:：]\s*$/, '')
    .trim();
  return cleaned.length > 0 ? truncate(cleaned, GROUP_MAX) : null;
}

function countsFromText(name: string): { originals: number; copies: number } {
  const folded = foldForMatch(name);
  const originals = /(\d+)\s*ban\s*(chinh|goc)/.exec(folded);
  const copies = /(\d+)\s*ban\s*(sao|chup)/.exec(folded);
  if (!originals && !copies) return { originals: 1, copies: 0 };
  return { originals: Number(originals?.[1] ?? 0), copies: Number(copies?.[1] ?? 0) };
}

function groupIndex(record: SourceRecord): Map<number, string | null> {
  const byIndex = new Map<number, string | null>();
  for (const group of record.componentGroups ?? []) {
    for (const index of group.componentIndexes) byIndex.set(index, cleanHeading(group.title));
  }
  return byIndex;
}

function buildComponent(
  name: string,
  counts: { originals: number; copies: number },
  form: string | null,
  group: string | null,
): ProcedureComponent {
  const conditional = isConditional(name) || (group !== null && isConditional(group));
  return {
    name,
    originals: counts.originals,
    copies: counts.copies,
    required: !conditional,
    formTemplate: form && cleanLine(form) ? formNameOf(name) : null,
    mustDigitise: !conditional,
    reusableDocumentType: reusableDocumentTypeOf(name),
    group,
    formFile: null,
  };
}

const FORM_START = /^(don|to khai|ban khai|phieu|giay de nghi|van ban de nghi|cong van|danh sach|bao cao|bien ban|bang ke|ban ke|mau )/;

/**
 * The national data names a form by its raw file name, accents stripped ("1.MuCT01banhnhkmtheoThngts53 (3).doc"):
 * the demo names it after the component instead — the component itself when it is a form ("Tờ khai đề nghị cấp thị
 * thực (mẫu NA5)"), else "Mẫu đơn, tờ khai: " and the component — cut before "ban hành kèm theo …".
 */
export function formNameOf(componentName: string): string {
  let name = componentName;
  for (let guard = 0; guard < 3 && LIST_MARKER.test(name); guard += 1) name = name.replace(LIST_MARKER, '');
  name = name
    .replace(/\s*\(?\s*(được )?ban hành kèm( theo)?\b.*$/i, '')
    .replace(/[\s;:,.]+$/, '')
    .trim();
  if (!name) name = componentName;
  const opened = (name.match(/\(/g) ?? []).length - (name.match(/\)/g) ?? []).length;
  if (opened > 0) name = `${name})`;
  const readable = name.charAt(0).toUpperCase() + name.slice(1);
  return truncate(FORM_START.test(foldForMatch(readable)) ? readable : `Mẫu đơn, tờ khai: ${readable}`, 500);
}

/** "Số lượng hồ sơ: 01 bộ" among the component rows (17 records say it); null when the record does not. */
export function dossierSetsOf(record: SourceRecord): number | null {
  for (const source of record.components) {
    const folded = foldForMatch(cleanLine(source.name ?? ''));
    const match = /^so luong ho so\s*:?\s*(\d{1,2})/.exec(folded);
    if (match && Number(match[1]) > 0) return Number(match[1]);
  }
  return null;
}

export function parseComponents(record: SourceRecord, stats: ComponentStats): ProcedureComponent[] {
  const groups = groupIndex(record);
  const hasSourceGroups = groups.size > 0;
  let inlineGroup: string | null = null;
  const components: ProcedureComponent[] = [];
  record.components.forEach((source, index) => {
    const name = source.name ? truncate(cleanLine(source.name), NAME_MAX) : '';
    const core = foldedCore(name);
    if (!name || NOTE_START.test(core)) {
      stats.droppedNotes += 1;
      return;
    }
    const originals = source.originals ?? 0;
    const copies = source.copies ?? 0;
    let counts = { originals, copies };
    if (originals === 0 && copies === 0) {
      if (name.endsWith(':') && name.length <= 300) {
        if (!hasSourceGroups) inlineGroup = cleanHeading(name);
        stats.foldedHeadings += 1;
        return;
      }
      if (!DOCUMENT_START.test(core)) {
        stats.droppedNotes += 1;
        return;
      }
      counts = countsFromText(name);
    }
    const group = hasSourceGroups ? (groups.get(index) ?? null) : inlineGroup;
    if (group !== null && NOTE_START.test(foldedCore(group))) {
      stats.droppedNotes += 1;
      return;
    }
    stats.kept += 1;
    components.push(buildComponent(name, counts, source.form, group));
  });
  return components;
}

export const GENERATED_COMPONENT: ProcedureComponent = {
  name: 'Đơn (tờ khai) đề nghị giải quyết thủ tục hành chính theo mẫu quy định',
  originals: 1,
  copies: 0,
  required: true,
  formTemplate: null,
  mustDigitise: true,
  reusableDocumentType: null,
  group: null,
  formFile: null,
};
