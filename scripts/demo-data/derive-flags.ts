// Flags the source does not hold (online level, location independence) and the normalised
// applicant types. Every rule is deterministic and documented in README.md.

import type { ApplicantType, OnlineLevel, ProcedureLevel } from './procedure-input';
import { foldForMatch, percentileOf } from './text';

/** Fields whose online service is end-to-end (electronic result) when an online channel exists. */
export const FULL_ONLINE_FIELDS: readonly string[] = [
  'Lý lịch tư pháp',
  'Thuế',
  'Hải quan',
  'Đăng ký, quản lý cư trú',
  'Thành lập và hoạt động của doanh nghiệp',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
  'Đăng ký biện pháp bảo đảm',
];
/** Names whose result can be electronic: civil-status extracts, copies, renewals. */
const FULL_ONLINE_NAME =
  /dang ky khai sinh|dang ky khai tu|trich luc|cap ban sao|ban sao dien tu|xac nhan tinh trang hon nhan|^(thu tuc )?cap lai|gia han|cap doi giay phep lai xe|doi giay phep lai xe/;
/** Needs the applicant in person (interview, biometrics, ceremony): never full online. */
const NEEDS_PRESENCE = /ket hon|nhan cha|nhan me|nuoi con nuoi|giam ho|quoc tich|can cuoc|ho chieu|sat hach|khai thac thong tin/;

export function deriveOnlineLevel(field: string, name: string, hasOnlineChannel: boolean): OnlineLevel {
  if (!hasOnlineChannel) return 'none';
  const folded = foldForMatch(name);
  if (NEEDS_PRESENCE.test(folded) && !folded.includes('xac nhan tinh trang hon nhan')) return 'partial';
  return FULL_ONLINE_FIELDS.includes(field) || FULL_ONLINE_NAME.test(folded) ? 'full' : 'partial';
}

/** Always location-independent: the plans and NĐ 118 name these first. */
const ALWAYS_INDEPENDENT: readonly string[] = ['Hộ tịch', 'Chứng thực', 'Lý lịch tư pháp', 'Đăng ký, quản lý cư trú'];
/** Share (percent) of the rest that stays tied to one desk: province plans reach ~100%, communes lag. */
export const TIED_SHARE_PROVINCE = 8;
export const TIED_SHARE_COMMUNE = 30;

export function deriveLocationIndependent(code: string, field: string, levels: ProcedureLevel[]): boolean {
  if (ALWAYS_INDEPENDENT.includes(field)) return true;
  const tiedShare = levels.includes('province') ? TIED_SHARE_PROVINCE : TIED_SHARE_COMMUNE;
  return percentileOf(code, 'location-independent') >= tiedShare;
}

const APPLICANT_MAP: Record<string, ApplicantType> = {
  citizen: 'citizen',
  overseas_vietnamese: 'citizen',
  civil_servant: 'citizen',
  party_member: 'citizen',
  business: 'business',
  foreign_invested_business: 'business',
  cooperative: 'business',
  organization: 'organization',
  foreign_organization: 'organization',
  party_organization: 'organization',
  foreigner: 'foreigner',
};
const APPLICANT_ORDER: ApplicantType[] = ['citizen', 'business', 'organization', 'foreigner'];

export function normaliseApplicants(source: string[]): ApplicantType[] {
  const mapped = new Set<ApplicantType>();
  for (const value of source) {
    const type = APPLICANT_MAP[value];
    if (!type) throw new Error(`Unknown applicant type in source: ${value}`);
    mapped.add(type);
  }
  return APPLICANT_ORDER.filter((type) => mapped.has(type));
}

/** For the catalog-only rows (no full record): applicants by field, generated. */
const APPLICANTS_BY_FIELD: Record<string, ApplicantType[]> = {
  'Xuất nhập khẩu': ['business'],
  'Nội vụ': ['business'],
  'Báo chí': ['business', 'organization'],
  'Khám chữa bệnh': ['organization'],
  'Giáo dục và đào tạo': ['organization'],
  'Việc làm': ['citizen', 'business'],
  'Quản lý lao động ngoài nước': ['citizen'],
  'Bảo trợ xã hội': ['citizen'],
  'Trẻ em': ['citizen'],
  'Lao động': ['citizen'],
  'Tư pháp': ['citizen'],
};

export const generatedApplicants = (field: string): ApplicantType[] => APPLICANTS_BY_FIELD[field] ?? ['citizen', 'organization'];

/** Source internal procedures (code 5.*): group A when several agencies take part. */
/**
 * Internal procedures (codes 5.*) of the demo are those of the provincial system: nhóm B, in the province's own
 * scope and published by the Chủ tịch UBND tỉnh (docs/DOMAIN.md §2); nhóm A is the ministries' to publish.
 */
export function deriveInternalGroup(code: string): 'A' | 'B' | null {
  return code.startsWith('5.') ? 'B' : null;
}
