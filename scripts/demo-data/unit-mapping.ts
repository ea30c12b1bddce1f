// Which demo unit handles a procedure: field (lĩnh vực) → body or division of the demo province,
// refined by a few agency/name rules. Refs are "body" or "body.division" keys of org-units.ts.
// The source's `agency` column is unreliable for a demo province (often empty, sometimes another
// province's department, e.g. "Sở Tư pháp Thành phố Hà Nội"), so the field decides and the agency refines.

import { foldForMatch } from './text';

export const FIELD_UNITS: Record<string, string> = {
  // Sở Tư pháp
  'Hộ tịch': 'justice.civil',
  'Quốc tịch': 'justice.civil',
  'Nuôi con nuôi': 'justice.civil',
  'Chứng thực': 'justice.civil',
  'Tư pháp': 'justice.civil',
  'Công chứng': 'justice.support',
  'Luật sư': 'justice.support',
  'Đấu giá tài sản': 'justice.support',
  'Giám định tư pháp': 'justice.support',
  'Thừa phát lại': 'justice.support',
  'Trọng tài thương mại': 'justice.support',
  'Hòa giải thương mại': 'justice.support',
  'Quản tài viên': 'justice.support',
  'Tư vấn pháp luật': 'justice.support',
  'Trợ giúp pháp lý': 'justice.support',
  'Bồi thường nhà nước': 'justice.legislation',
  'Hòa giải ở cơ sở': 'justice.legislation',
  'Hỗ trợ pháp lý cho doanh nghiệp nhỏ và vừa': 'justice.legislation',
  // Sở Tài chính
  'Thành lập và hoạt động của doanh nghiệp': 'finance.registration',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': 'finance.registration',
  'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': 'finance.registration',
  'Thành lập và hoạt động của tổ hợp tác': 'finance.registration',
  'Thành lập và hoạt động doanh nghiệp xã hội': 'finance.registration',
  'Khoa học công nghệ': 'finance.registration', // source: business registration of S&T organisations
  'Quản lý công sản': 'finance.assets',
  'Quản lý giá': 'finance.assets',
  'Dự trữ': 'finance.assets',
  'Tài chính doanh nghiệp': 'finance.assets',
  'Chứng khoán': 'finance.assets',
  'Tài chính ngân hàng': 'finance.assets',
  'Bảo hiểm': 'finance.assets',
  'Chuyển đổi công ty nhà nước được thành lập và hoạt động theo Luật Doanh nghiệp nhà nước thành công ty trách nhiệm hữu hạn một thành viên tổ chức và hoạt động theo quy định tại Luật Doanh nghiệp':
    'finance.assets',
  'Tin học - Thống kê': 'finance.office',
  'Đầu tư tại Việt nam': 'finance.investment',
  'Đầu tư theo phương thức đối tác công tư': 'finance.investment',
  'Đầu tư bằng vốn hỗ trợ phát triển chính thức (ODA) và viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức':
    'finance.investment',
  'Đấu thầu': 'finance.investment',
  'Đấu thầu lựa chọn nhà đầu tư': 'finance.investment',
  'Hỗ trợ doanh nghiệp nhỏ và vừa': 'finance.investment',
  'Hỗ trợ đầu tư': 'finance.investment',
  'Hỗ trợ doanh nghiệp': 'finance.investment',
  'Hỗ trợ tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': 'finance.investment',
  'Quản lý chương trình mục tiêu quốc gia': 'finance.investment',
  'Đầu tư vào nông nghiệp, nông thôn': 'finance.investment',
  // Ban Quản lý Khu kinh tế
  'Quản lý nhà nước về khu công nghiệp, khu kinh tế': 'ezone.investment',
  // Sở Xây dựng
  'Hoạt động xây dựng': 'construction.building',
  'Quản lý chất lượng công trình xây dựng': 'construction.building',
  'Vật liệu xây dựng': 'construction.building',
  'Kiểm định kỹ thuật an toàn lao động': 'construction.building',
  'Đường bộ': 'construction.transport',
  'Hàng hải và đường thủy nội địa': 'construction.transport',
  'Đường sắt': 'construction.transport',
  'Đăng kiểm': 'construction.transport',
  'Nhà ở và công sở': 'construction.housing',
  'Kinh doanh bất động sản': 'construction.housing',
  'Kiến trúc': 'construction.housing',
  'Quy hoạch đô thị và nông thôn': 'construction.housing',
  'Hạ tầng kỹ thuật': 'construction.housing',
  'Phát triển đô thị': 'construction.housing',
  // Sở Nông nghiệp và Môi trường
  'Đất đai': 'agriculture.land',
  'Tài chính đất đai': 'agriculture.land',
  'Đo đạc, bản đồ và thông tin địa lý': 'agriculture.land',
  'Đăng ký biện pháp bảo đảm': 'agriculture.land',
  'Tổng hợp': 'agriculture.land',
  'Lâm nghiệp': 'agriculture.forest',
  'Kiểm lâm': 'agriculture.forest',
  'Bảo tồn thiên nhiên và Đa dạng sinh học': 'agriculture.forest',
  'Trồng trọt và Bảo vệ thực vật': 'agriculture.farming',
  'Trồng trọt': 'agriculture.farming',
  'Chăn nuôi': 'agriculture.farming',
  'Thú y': 'agriculture.farming',
  'Nông nghiệp': 'agriculture.farming',
  'Quản lý chất lượng nông lâm sản và thủy sản': 'agriculture.farming',
  'Kinh tế hợp tác và Phát triển nông thôn': 'agriculture.farming',
  'Khoa học và Công nghệ': 'agriculture.farming',
  'Quản lý doanh nghiệp': 'agriculture.farming',
  'Giảm nghèo': 'agriculture.farming',
  'Thủy sản': 'agriculture.fisheries',
  'Thủy lợi': 'agriculture.fisheries',
  'Quản lý Đê điều và Phòng, chống thiên tai': 'agriculture.fisheries',
  'Biển và hải đảo': 'agriculture.fisheries',
  'Địa chất và khoáng sản': 'agriculture',
  'Tài nguyên nước': 'agriculture',
  'Môi trường': 'agriculture',
  'Biến đổi khí hậu': 'agriculture',
  'Khí tượng, thủy văn': 'agriculture',
  'Quản lý thuế, phí, lệ phí và thu khác của ngân sách nhà nước': 'agriculture', // environmental-protection fees
  // other departments
  'Xuất nhập khẩu': 'trade.commerce',
  'Khám chữa bệnh': 'health.medical',
  'Bảo trợ xã hội': 'health.welfare',
  'Trẻ em': 'health.welfare',
  'Giáo dục và đào tạo': 'education.schools',
  'Báo chí': 'culture.press',
  'Nội vụ': 'home.civilservice',
  'Việc làm': 'home.labour',
  'Lao động': 'home.labour',
  'Quản lý lao động ngoài nước': 'home.labour',
  'Người có công': 'home.merit',
  'Xử lý đơn': 'inspection.reception',
  'Tiếp công dân': 'inspection.reception',
  'Tố cáo': 'inspection.complaints',
  'Khiếu nại': 'inspection.complaints',
  // central agencies in the province
  'Lý lịch tư pháp': 'police.records',
  'Quản lý xuất nhập cảnh': 'police.immigration',
  'Bảo đảm an ninh hàng không': 'police.immigration',
  'Quản lý vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo': 'police.admin',
  'Cấp, quản lý căn cước': 'police.admin',
  'Đăng ký, quản lý cư trú': 'police.admin',
  'Định danh và xác thực điện tử': 'police.admin',
  'Đăng ký, quản lý con dấu': 'police.admin',
  'Quản lý ngành nghề đầu tư, kinh doanh có điều kiện về an ninh, trật tự': 'police.admin',
  'Tổ chức cai nghiên ma túy và quản lý sau cai nghiện': 'police.admin',
  'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng': 'police.traffic',
  'Sát hạch, cấp giấy phép lái xe': 'police.traffic',
  'Bảo đảm trật tự, an toàn giao thông đường bộ': 'police.traffic',
  'Kiểm tra kiến thức pháp luật về trật tự, an toàn giao thông đường bộ': 'police.traffic',
  'Phòng cháy, chữa cháy': 'police',
  'Chính sách': 'police',
  'Tổ chức, cán bộ': 'police',
  'Khiếu nại, tố cáo': 'police',
  Thuế: 'tax.business',
  'Hải quan': 'customs.tinhbien',
  'Thành lập và hoạt động ngân hàng': 'sbv.supervision',
  'Hoạt động thông tin tín dụng': 'sbv.supervision',
  'Hoạt động tín dụng': 'sbv.supervision',
  'Hoạt động ngoại hối': 'sbv.general',
  'Hoạt động thanh toán': 'sbv.general',
  'Hoạt động tiền tệ': 'sbv.general',
  'Hoạt động kho quỹ': 'sbv.general',
  'Hoạt động khác': 'sbv.general',
  'Kho bạc Nhà nước': 'treasury.accounting',
  'Thực hiện chính sách BHXH': 'insurance.benefits',
  'Chi trả các chế độ BHXH': 'insurance.benefits',
  'Thực hiện chính sách BHYT': 'insurance.collection',
  'Cấp sổ BHXH, thẻ BHYT': 'insurance.collection',
  'Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN': 'insurance.collection',
  'Thi hành án dân sự': 'enforcement.operations',
  'Tòa án': 'court.office',
};

/** Rules on the folded agency or name that override the field, first match wins. */
const OVERRIDES: { test: (agency: string, name: string) => boolean; ref: string; why: string }[] = [
  { test: (agency) => agency.startsWith('ban quan ly'), ref: 'ezone.investment', why: 'agency is the economic-zone board' },
  {
    test: (agency, name) => name.includes('tu phap xay dung') || (agency.startsWith('so xay dung') && name.includes('giam dinh')),
    ref: 'construction.building',
    why: 'construction forensic experts',
  },
  {
    test: (_agency, name) => name.includes('kiem tra chat luong hang hoa nhap khau'),
    ref: 'science.science',
    why: 'field "Nội vụ" is wrong in the source',
  },
];

/** Commune-level work of central agencies goes to these divisions instead of the province one. */
export const COMMUNE_LEVEL_DIVISION: Record<string, string> = {
  tax: 'tax.local',
};

/** Central agencies whose dossiers are received only at their own desk (not at one-stop centres). */
export const OWN_DESK_ONLY: readonly string[] = ['tax', 'customs', 'sbv', 'treasury', 'enforcement', 'court'];
/** Central agencies: own desk for province-level work, commune centres for commune-level work. */
export const CENTRAL_AGENCIES: readonly string[] = [...OWN_DESK_ONLY, 'police', 'insurance'];

const DECIDED_BY_PROVINCE = /(chu tich )?(uy ban nhan dan|ubnd)( cap)? tinh|hoi dong nhan dan tinh/;
const COMMUNE_UBND = /(uy ban nhan dan|ubnd)( cap)? xa|chu tich (uy ban nhan dan|ubnd)( cap)? xa/;

export interface UnitAssignment {
  ref: string;
  reason: 'field' | 'override' | 'fallback';
}

export function assignUnit(field: string, agency: string, name: string): UnitAssignment {
  const foldedAgency = foldForMatch(agency);
  const foldedName = foldForMatch(name);
  const override = OVERRIDES.find((rule) => rule.test(foldedAgency, foldedName));
  if (override) return { ref: override.ref, reason: 'override' };
  const ref = FIELD_UNITS[field];
  return ref ? { ref, reason: 'field' } : { ref: 'pco', reason: 'fallback' };
}

/** "Chủ tịch UBND cấp tỉnh", "Ủy ban nhân dân cấp tỉnh", "HĐND tỉnh" among the agencies. */
export const isDecidedByProvince = (agency: string): boolean => DECIDED_BY_PROVINCE.test(foldForMatch(agency));
export const namesCommuneUbnd = (agency: string): boolean => COMMUNE_UBND.test(foldForMatch(agency));

/** Which VP UBND division reviews a department's submission. */
export function reviewingDivisionOf(bodyKey: string): string {
  const internalAffairs = ['justice', 'home', 'inspection', 'police', 'foreign', 'ethnic', 'enforcement', 'court'];
  const socialAffairs = ['health', 'education', 'culture', 'science'];
  if (internalAffairs.includes(bodyKey)) return 'pco.internal';
  if (socialAffairs.includes(bodyKey)) return 'pco.social';
  return 'pco.economy';
}
