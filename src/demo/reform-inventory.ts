/**
 * DEMO DATA (generated for the demo province): an inventory of business conditions and of business reporting
 * regimes for a few fields, shaped like the reviews NQ 66 asks departments to make. The texts paraphrase common
 * conditions of Vietnamese law; the assessments and statuses are invented and marked as demo data. Right practice:
 * the conditions of central laws, decrees and circulars are proposed for abolition (status 'proposed'), never
 * abolished by the province; the few provincial ones (a QĐ-UBND of the demo, invented) are the province's to abolish.
 */
type Form = 'licence' | 'certificate' | 'practising_certificate' | 'written_confirmation' | 'approval';
type Assessment = 'necessary' | 'unnecessary' | 'overlapping' | 'vague';
type Action = 'abolish' | 'simplify' | 'keep';
type Status = 'in_force' | 'proposed' | 'abolished' | 'simplified';

type DemoCondition = {
  unitCode: string;
  field: string;
  text: string;
  form: Form;
  sourceRegulation: string;
  sourceLevel: 'central' | 'provincial';
  isOutsideConditionalList: boolean;
  procedureCodes: string[];
  complianceCostVnd: number | null;
  assessment: Assessment;
  proposedAction: Action;
  reason: string | null;
  status: Status;
  statusChangedOn: string | null;
};

const condition = (
  unitCode: string,
  field: string,
  text: string,
  form: Form,
  sourceRegulation: string,
  assessment: Assessment,
  proposedAction: Action,
  status: Status,
  complianceCostVnd: number | null = null,
  reason: string | null = null,
  isOutsideConditionalList = false,
): DemoCondition => ({
  unitCode,
  field,
  text,
  form,
  sourceRegulation,
  // The province abolishes only the conditions of its own texts; it proposes the cut of a central one (NQ 66).
  sourceLevel: /QĐ-UBND|NQ-HĐND/.test(sourceRegulation) ? 'provincial' : 'central',
  isOutsideConditionalList,
  procedureCodes: [],
  complianceCostVnd,
  assessment,
  proposedAction,
  reason,
  status,
  statusChangedOn: status === 'abolished' || status === 'simplified' ? '2025-11-15' : null,
});

const TRADE = '000.00.07.H01';
const HEALTH = '000.00.08.H01';
const CONSTRUCTION = '000.00.05.H01';
const JUSTICE = '000.00.03.H01';
const CULTURE = '000.00.10.H01';

export const demoConditions: DemoCondition[] = [
  condition(
    TRADE,
    'Lưu thông hàng hóa trong nước',
    'Cửa hàng bán lẻ xăng dầu phải có bồn chứa đặt ngầm với dung tích tối thiểu theo quy định',
    'certificate',
    'Nghị định 83/2014/NĐ-CP (đã sửa đổi)',
    'necessary',
    'keep',
    'in_force',
    15_000_000,
  ),
  condition(
    TRADE,
    'Lưu thông hàng hóa trong nước',
    'Thương nhân phân phối xăng dầu phải có hệ thống phân phối gồm tối thiểu 10 cửa hàng bán lẻ thuộc sở hữu',
    'licence',
    'Nghị định 83/2014/NĐ-CP (đã sửa đổi)',
    'unnecessary',
    'abolish',
    'proposed',
    120_000_000,
    'Hạn chế gia nhập thị trường, không gắn với an toàn',
  ),
  condition(
    TRADE,
    'Lưu thông hàng hóa trong nước',
    'Người quản lý cửa hàng bán lẻ khí phải có giấy chứng nhận huấn luyện kỹ thuật an toàn',
    'certificate',
    'Nghị định 87/2018/NĐ-CP',
    'overlapping',
    'simplify',
    'proposed',
    3_000_000,
    'Trùng với yêu cầu huấn luyện an toàn lao động',
  ),
  condition(
    TRADE,
    'Xúc tiến thương mại',
    'Thương nhân tổ chức hội chợ, triển lãm phải đăng ký trước với Sở Công Thương bằng văn bản',
    'written_confirmation',
    'Nghị định 81/2018/NĐ-CP',
    'unnecessary',
    'abolish',
    'proposed',
    2_000_000,
    'Chuyển sang thông báo trực tuyến, hậu kiểm',
  ),
  condition(
    TRADE,
    'Điện',
    'Đơn vị tư vấn điện phải có chuyên gia với kinh nghiệm tối thiểu 5 năm',
    'licence',
    'Thông tư 10/2023/TT-BCT',
    'vague',
    'simplify',
    'in_force',
    8_000_000,
    'Tiêu chí kinh nghiệm chưa rõ cách chứng minh',
  ),
  condition(
    HEALTH,
    'Dược phẩm',
    'Người chịu trách nhiệm chuyên môn về dược phải có chứng chỉ hành nghề dược',
    'practising_certificate',
    'Luật Dược 2016, Điều 32',
    'necessary',
    'keep',
    'in_force',
    5_000_000,
  ),
  condition(
    HEALTH,
    'Dược phẩm',
    'Cơ sở bán lẻ thuốc phải có diện tích tối thiểu 10 m² và đủ thiết bị bảo quản',
    'certificate',
    'Thông tư 02/2018/TT-BYT',
    'vague',
    'simplify',
    'proposed',
    20_000_000,
    'Diện tích không quyết định chất lượng bảo quản',
  ),
  condition(
    HEALTH,
    'Khám bệnh, chữa bệnh',
    'Phòng khám chuyên khoa phải có xác nhận thời gian thực hành 54 tháng của người đứng đầu',
    'written_confirmation',
    'Luật Khám bệnh, chữa bệnh 2023',
    'overlapping',
    'abolish',
    'proposed',
    4_000_000,
    'Đã thể hiện trong giấy phép hành nghề',
  ),
  condition(
    HEALTH,
    'An toàn thực phẩm',
    'Cơ sở dịch vụ ăn uống phải có giấy xác nhận kiến thức an toàn thực phẩm của chủ cơ sở',
    'written_confirmation',
    'Nghị định 15/2018/NĐ-CP',
    'unnecessary',
    'abolish',
    'proposed',
    1_500_000,
    'Thay bằng cam kết và hậu kiểm',
  ),
  condition(
    CONSTRUCTION,
    'Hoạt động xây dựng',
    'Tổ chức khảo sát xây dựng hạng III phải có chủ nhiệm khảo sát có chứng chỉ hành nghề phù hợp',
    'practising_certificate',
    'Nghị định 175/2024/NĐ-CP',
    'necessary',
    'keep',
    'in_force',
    6_000_000,
  ),
  condition(
    CONSTRUCTION,
    'Hoạt động xây dựng',
    'Tổ chức tư vấn giám sát phải có chứng chỉ năng lực hoạt động xây dựng do Sở Xây dựng cấp',
    'certificate',
    'Nghị định 175/2024/NĐ-CP',
    'overlapping',
    'simplify',
    'in_force',
    25_000_000,
    'Trùng với yêu cầu chứng chỉ hành nghề cá nhân',
  ),
  condition(
    CONSTRUCTION,
    'Kinh doanh bất động sản',
    'Sàn giao dịch bất động sản phải có quy chế hoạt động được Sở Xây dựng chấp thuận',
    'approval',
    'Luật Kinh doanh bất động sản 2023',
    'unnecessary',
    'abolish',
    'in_force',
    10_000_000,
    'Chuyển sang công khai quy chế, hậu kiểm',
  ),
  condition(
    JUSTICE,
    'Công chứng',
    'Văn phòng công chứng phải có trụ sở đáp ứng điều kiện do UBND tỉnh quy định',
    'approval',
    'Luật Công chứng 2024',
    'vague',
    'simplify',
    'proposed',
    12_000_000,
    'Điều kiện trụ sở chưa được lượng hóa',
  ),
  condition(
    JUSTICE,
    'Đấu giá tài sản',
    'Tổ chức đấu giá tài sản phải có cơ sở vật chất, trang thiết bị cần thiết theo quy định',
    'certificate',
    'Luật Đấu giá tài sản 2016 (sửa đổi 2024)',
    'vague',
    'simplify',
    'in_force',
    9_000_000,
    'Không rõ tiêu chí "cần thiết"',
  ),
  condition(
    JUSTICE,
    'Luật sư',
    'Luật sư thành lập tổ chức hành nghề phải có ít nhất 2 năm hành nghề liên tục',
    'practising_certificate',
    'Luật Luật sư 2006 (sửa đổi 2012)',
    'necessary',
    'keep',
    'in_force',
    null,
  ),
  condition(
    CULTURE,
    'Du lịch',
    'Doanh nghiệp lữ hành nội địa phải ký quỹ tại ngân hàng',
    'licence',
    'Luật Du lịch 2017, Nghị định 94/2021/NĐ-CP',
    'necessary',
    'keep',
    'in_force',
    20_000_000,
  ),
  condition(
    CULTURE,
    'Du lịch',
    'Người phụ trách kinh doanh lữ hành phải có bằng tốt nghiệp chuyên ngành lữ hành',
    'certificate',
    'Luật Du lịch 2017, Điều 31',
    'unnecessary',
    'simplify',
    'proposed',
    7_000_000,
    'Cho phép thay bằng chứng chỉ nghiệp vụ',
  ),
  condition(
    CULTURE,
    'Quảng cáo',
    'Doanh nghiệp quảng cáo ngoài trời phải thông báo sản phẩm quảng cáo trước 15 ngày',
    'written_confirmation',
    'Luật Quảng cáo 2012',
    'overlapping',
    'abolish',
    'in_force',
    1_000_000,
    'Trùng với cấp phép xây dựng công trình quảng cáo',
  ),
  condition(
    CONSTRUCTION,
    'Vật liệu xây dựng',
    'Cửa hàng kinh doanh vật liệu xây dựng phải cách trường học, cơ sở y tế tối thiểu 200 m',
    'approval',
    'Quyết định 25/2019/QĐ-UBND của UBND tỉnh (dữ liệu mẫu)',
    'unnecessary',
    'abolish',
    'abolished',
    5_000_000,
    'Ngành nghề không thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện: tỉnh không được đặt điều kiện',
    true,
  ),
  condition(
    TRADE,
    'Dịch vụ',
    'Cơ sở kinh doanh dịch vụ rửa xe phải có văn bản chấp thuận địa điểm của UBND xã, phường',
    'written_confirmation',
    'Quyết định 12/2020/QĐ-UBND của UBND tỉnh (dữ liệu mẫu)',
    'unnecessary',
    'abolish',
    'in_force',
    1_000_000,
    'Ngành nghề không thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện',
    true,
  ),
  condition(
    CULTURE,
    'Quảng cáo',
    'Biển hiệu của cơ sở kinh doanh phải được Sở Văn hóa, Thể thao và Du lịch chấp thuận mẫu trước khi lắp đặt',
    'approval',
    'Quyết định 30/2018/QĐ-UBND của UBND tỉnh (dữ liệu mẫu)',
    'overlapping',
    'simplify',
    'simplified',
    2_000_000,
    'Chỉ cần thông báo, hậu kiểm theo Luật Quảng cáo',
  ),
];

export const demoRegimes = [
  { unitCode: TRADE, name: 'Báo cáo tình hình kinh doanh xăng dầu hằng tháng', legalBasis: 'Nghị định 83/2014/NĐ-CP', isElectronic: true },
  { unitCode: TRADE, name: 'Báo cáo tình hình thực hiện hoạt động khuyến mại', legalBasis: 'Nghị định 81/2018/NĐ-CP', isElectronic: false },
  {
    unitCode: HEALTH,
    name: 'Báo cáo hoạt động kinh doanh dược định kỳ 6 tháng',
    legalBasis: 'Thông tư 03/2018/TT-BYT',
    isElectronic: true,
  },
  { unitCode: HEALTH, name: 'Báo cáo an toàn thực phẩm của cơ sở sản xuất', legalBasis: 'Nghị định 15/2018/NĐ-CP', isElectronic: false },
  {
    unitCode: CONSTRUCTION,
    name: 'Báo cáo tình hình kinh doanh bất động sản',
    legalBasis: 'Luật Kinh doanh bất động sản 2023',
    isElectronic: true,
  },
  {
    unitCode: CONSTRUCTION,
    name: 'Báo cáo công tác an toàn trong thi công xây dựng',
    legalBasis: 'Nghị định 06/2021/NĐ-CP',
    isElectronic: false,
  },
  { unitCode: JUSTICE, name: 'Báo cáo tình hình tổ chức và hoạt động công chứng', legalBasis: 'Luật Công chứng 2024', isElectronic: true },
  { unitCode: CULTURE, name: 'Báo cáo thống kê của doanh nghiệp lữ hành', legalBasis: 'Thông tư 06/2017/TT-BVHTTDL', isElectronic: true },
];
