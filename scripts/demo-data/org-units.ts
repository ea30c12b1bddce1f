// Demo organisation of "Tỉnh An Giang" after the 2025 reform (An Giang + former Kiên Giang, two-tier
// government). Names follow the post-2025 pattern; codes and addresses are demo values, not the
// province's official electronic ID codes. The code scheme is documented in README.md:
//
//   province UBND                      000.00.00.H01
//   department-level body NN (01–49)   000.00.NN.H01   (01 = Văn phòng UBND tỉnh, 20–29 = central agencies)
//   division MM (01–89) of body NN     000.MM.NN.H01
//   own one-stop desk of body NN       000.90.NN.H01   (central agencies only)
//   provincial one-stop centre         000.00.90.H01
//   commune CCC (101–199)              CCC.00.00.H01
//   commune division MM                CCC.MM.00.H01
//   commune one-stop centre            CCC.90.00.H01
//   legacy district DDD (801–899)      DDD.00.00.H01

export const PROVINCE_SUFFIX = 'H01';
export const CURRENT_FROM = '2025-07-01';
export const LEGACY_FROM = '2004-01-01';
export const LEGACY_TO = '2025-06-30';

export interface DivisionSpec {
  key: string;
  name: string;
  shortName: string;
}

export interface BodySpec {
  key: string;
  number: number;
  name: string;
  shortName: string;
  ward: string;
  /** Central (vertical) agency located in the province, with its own one-stop desk. */
  isCentralAgency?: boolean;
  divisions: DivisionSpec[];
}

export interface CommuneSpec {
  number: number;
  kind: 'phường' | 'xã' | 'đặc khu';
  name: string;
}

export interface LegacyDistrictSpec {
  number: number;
  name: string;
  shortName: string;
  /** Address as it was before 1/7/2025. */
  address: string;
  successorCommune: number;
}

const office = (shortName = 'VP Sở'): DivisionSpec => ({ key: 'office', name: 'Văn phòng Sở', shortName });

export const BODIES: BodySpec[] = [
  {
    key: 'pco',
    number: 1,
    name: 'Văn phòng UBND tỉnh',
    shortName: 'VP UBND tỉnh',
    ward: 'phường Rạch Giá',
    divisions: [
      { key: 'kstthc', name: 'Phòng Kiểm soát thủ tục hành chính', shortName: 'Phòng KSTTHC' },
      { key: 'economy', name: 'Phòng Kinh tế', shortName: 'Phòng KT' },
      { key: 'internal', name: 'Phòng Nội chính', shortName: 'Phòng NC' },
      { key: 'social', name: 'Phòng Văn hóa - Xã hội', shortName: 'Phòng VX' },
    ],
  },
  {
    key: 'home',
    number: 2,
    name: 'Sở Nội vụ',
    shortName: 'SNV',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'civilservice', name: 'Phòng Tổ chức, biên chế và công chức, viên chức', shortName: 'Phòng TCBC' },
      { key: 'labour', name: 'Phòng Lao động, Tiền lương và Bảo hiểm xã hội', shortName: 'Phòng LĐTL' },
      { key: 'merit', name: 'Phòng Người có công', shortName: 'Phòng NCC' },
    ],
  },
  {
    key: 'justice',
    number: 3,
    name: 'Sở Tư pháp',
    shortName: 'STP',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'civil', name: 'Phòng Hành chính tư pháp', shortName: 'Phòng HCTP' },
      { key: 'support', name: 'Phòng Bổ trợ tư pháp', shortName: 'Phòng BTTP' },
      { key: 'legislation', name: 'Phòng Xây dựng và kiểm tra văn bản', shortName: 'Phòng XD&KTVB' },
    ],
  },
  {
    key: 'finance',
    number: 4,
    name: 'Sở Tài chính',
    shortName: 'STC',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'registration', name: 'Phòng Đăng ký kinh doanh', shortName: 'Phòng ĐKKD' },
      { key: 'assets', name: 'Phòng Quản lý giá và công sản', shortName: 'Phòng QLG&CS' },
      { key: 'investment', name: 'Phòng Kế hoạch, đầu tư và hợp tác', shortName: 'Phòng KHĐT' },
    ],
  },
  {
    key: 'construction',
    number: 5,
    name: 'Sở Xây dựng',
    shortName: 'SXD',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'building', name: 'Phòng Quản lý hoạt động xây dựng', shortName: 'Phòng QLHĐXD' },
      { key: 'transport', name: 'Phòng Quản lý giao thông vận tải', shortName: 'Phòng QLGTVT' },
      { key: 'housing', name: 'Phòng Phát triển đô thị và nhà ở', shortName: 'Phòng PTĐT&NO' },
    ],
  },
  {
    key: 'agriculture',
    number: 6,
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'SNNMT',
    ward: 'phường Long Xuyên',
    divisions: [
      { key: 'land', name: 'Văn phòng Đăng ký đất đai', shortName: 'VPĐKĐĐ' },
      { key: 'forest', name: 'Chi cục Kiểm lâm', shortName: 'CC Kiểm lâm' },
      { key: 'farming', name: 'Chi cục Trồng trọt, Chăn nuôi và Thú y', shortName: 'CC TTCNTY' },
      { key: 'fisheries', name: 'Chi cục Thủy sản, Thủy lợi và Biển đảo', shortName: 'CC TSTL' },
    ],
  },
  {
    key: 'trade',
    number: 7,
    name: 'Sở Công Thương',
    shortName: 'SCT',
    ward: 'phường Long Xuyên',
    divisions: [
      office(),
      { key: 'commerce', name: 'Phòng Quản lý thương mại', shortName: 'Phòng QLTM' },
      { key: 'industry', name: 'Phòng Quản lý công nghiệp và năng lượng', shortName: 'Phòng QLCN' },
    ],
  },
  {
    key: 'health',
    number: 8,
    name: 'Sở Y tế',
    shortName: 'SYT',
    ward: 'phường Long Xuyên',
    divisions: [
      office(),
      { key: 'medical', name: 'Phòng Nghiệp vụ Y - Dược', shortName: 'Phòng NVYD' },
      { key: 'welfare', name: 'Phòng Bảo trợ xã hội, Trẻ em và Phòng, chống tệ nạn xã hội', shortName: 'Phòng BTXH' },
    ],
  },
  {
    key: 'education',
    number: 9,
    name: 'Sở Giáo dục và Đào tạo',
    shortName: 'SGDĐT',
    ward: 'phường Long Xuyên',
    divisions: [
      office(),
      { key: 'schools', name: 'Phòng Giáo dục phổ thông', shortName: 'Phòng GDPT' },
      { key: 'vocational', name: 'Phòng Giáo dục nghề nghiệp và Giáo dục thường xuyên', shortName: 'Phòng GDNN' },
    ],
  },
  {
    key: 'culture',
    number: 10,
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'SVHTTDL',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'culture', name: 'Phòng Quản lý văn hóa và gia đình', shortName: 'Phòng QLVH' },
      { key: 'press', name: 'Phòng Báo chí, Xuất bản', shortName: 'Phòng BCXB' },
      { key: 'tourism', name: 'Phòng Quản lý du lịch', shortName: 'Phòng QLDL' },
    ],
  },
  {
    key: 'science',
    number: 11,
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'SKHCN',
    ward: 'phường Long Xuyên',
    divisions: [
      office(),
      { key: 'science', name: 'Phòng Quản lý khoa học, tiêu chuẩn đo lường chất lượng', shortName: 'Phòng QLKH' },
      { key: 'digital', name: 'Phòng Chuyển đổi số và Bưu chính, viễn thông', shortName: 'Phòng CĐS' },
    ],
  },
  {
    key: 'ethnic',
    number: 12,
    name: 'Sở Dân tộc và Tôn giáo',
    shortName: 'SDTTG',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'religion', name: 'Phòng Quản lý tôn giáo', shortName: 'Phòng QLTG' },
      { key: 'ethnic', name: 'Phòng Chính sách dân tộc', shortName: 'Phòng CSDT' },
    ],
  },
  {
    key: 'inspection',
    number: 13,
    name: 'Thanh tra tỉnh',
    shortName: 'TTr tỉnh',
    ward: 'phường Rạch Giá',
    divisions: [
      { key: 'office', name: 'Văn phòng Thanh tra tỉnh', shortName: 'VP TTr' },
      { key: 'reception', name: 'Phòng Tiếp công dân và Xử lý đơn thư', shortName: 'Phòng TCD' },
      { key: 'complaints', name: 'Phòng Giải quyết khiếu nại, tố cáo', shortName: 'Phòng KNTC' },
    ],
  },
  {
    key: 'foreign',
    number: 14,
    name: 'Sở Ngoại vụ',
    shortName: 'SNgV',
    ward: 'phường Rạch Giá',
    divisions: [
      office(),
      { key: 'consular', name: 'Phòng Lãnh sự và Người Việt Nam ở nước ngoài', shortName: 'Phòng LS' },
      { key: 'border', name: 'Phòng Biên giới và Hợp tác quốc tế', shortName: 'Phòng BG&HTQT' },
    ],
  },
  {
    key: 'ezone',
    number: 15,
    name: 'Ban Quản lý Khu kinh tế tỉnh',
    shortName: 'BQL KKT',
    ward: 'phường Rạch Giá',
    divisions: [
      { key: 'office', name: 'Văn phòng Ban', shortName: 'VP Ban' },
      { key: 'investment', name: 'Phòng Quản lý đầu tư và doanh nghiệp', shortName: 'Phòng QLĐT' },
      { key: 'planning', name: 'Phòng Quản lý quy hoạch, xây dựng và môi trường', shortName: 'Phòng QLQH' },
    ],
  },
  ...centralAgencies(),
];

function centralAgencies(): BodySpec[] {
  const central = (spec: Omit<BodySpec, 'isCentralAgency'>): BodySpec => ({ ...spec, isCentralAgency: true });
  return [
    central({
      key: 'police',
      number: 20,
      name: 'Công an tỉnh',
      shortName: 'CAT',
      ward: 'phường Rạch Giá',
      divisions: [
        { key: 'admin', name: 'Phòng Cảnh sát quản lý hành chính về trật tự xã hội', shortName: 'PC06' },
        { key: 'immigration', name: 'Phòng Quản lý xuất nhập cảnh', shortName: 'PA08' },
        { key: 'traffic', name: 'Phòng Cảnh sát giao thông', shortName: 'PC08' },
        { key: 'records', name: 'Phòng Hồ sơ nghiệp vụ', shortName: 'PV06' },
      ],
    }),
    central({
      key: 'tax',
      number: 21,
      name: 'Thuế tỉnh An Giang',
      shortName: 'Thuế tỉnh',
      ward: 'phường Rạch Giá',
      divisions: [
        { key: 'business', name: 'Phòng Quản lý, hỗ trợ doanh nghiệp', shortName: 'Phòng QLDN' },
        { key: 'households', name: 'Phòng Quản lý hộ kinh doanh, cá nhân và thu khác', shortName: 'Phòng QLHKD' },
        { key: 'local', name: 'Thuế cơ sở 1 tỉnh An Giang', shortName: 'Thuế CS1' },
      ],
    }),
    central({
      key: 'customs',
      number: 22,
      name: 'Chi cục Hải quan khu vực (địa bàn An Giang)',
      shortName: 'Hải quan KV',
      ward: 'phường Rạch Giá',
      divisions: [
        { key: 'tinhbien', name: 'Hải quan cửa khẩu quốc tế Tịnh Biên', shortName: 'HQ Tịnh Biên' },
        { key: 'hatien', name: 'Hải quan cửa khẩu quốc tế Hà Tiên', shortName: 'HQ Hà Tiên' },
      ],
    }),
    central({
      key: 'sbv',
      number: 23,
      name: 'Ngân hàng Nhà nước Khu vực (địa bàn An Giang)',
      shortName: 'NHNN KV',
      ward: 'phường Long Xuyên',
      divisions: [
        { key: 'supervision', name: 'Phòng Quản lý, giám sát tổ chức tín dụng', shortName: 'Phòng QLGS' },
        { key: 'general', name: 'Phòng Tổng hợp, Quản lý ngoại hối và Kho quỹ', shortName: 'Phòng TH' },
      ],
    }),
    central({
      key: 'treasury',
      number: 24,
      name: 'Kho bạc Nhà nước khu vực (địa bàn An Giang)',
      shortName: 'KBNN KV',
      ward: 'phường Long Xuyên',
      divisions: [
        { key: 'accounting', name: 'Phòng Kế toán nhà nước', shortName: 'Phòng KTNN' },
        { key: 'spending', name: 'Phòng Kiểm soát chi', shortName: 'Phòng KSC' },
      ],
    }),
    central({
      key: 'insurance',
      number: 25,
      name: 'Bảo hiểm xã hội tỉnh An Giang',
      shortName: 'BHXH tỉnh',
      ward: 'phường Long Xuyên',
      divisions: [
        { key: 'collection', name: 'Phòng Quản lý thu, sổ, thẻ', shortName: 'Phòng Thu' },
        { key: 'benefits', name: 'Phòng Chế độ bảo hiểm xã hội', shortName: 'Phòng Chế độ' },
      ],
    }),
    central({
      key: 'enforcement',
      number: 26,
      name: 'Thi hành án dân sự tỉnh An Giang',
      shortName: 'THADS tỉnh',
      ward: 'phường Rạch Giá',
      divisions: [
        { key: 'office', name: 'Văn phòng Thi hành án dân sự tỉnh', shortName: 'VP THADS' },
        { key: 'operations', name: 'Phòng Nghiệp vụ và Tổ chức thi hành án', shortName: 'Phòng NV' },
      ],
    }),
    central({
      key: 'court',
      number: 27,
      name: 'Tòa án nhân dân tỉnh An Giang',
      shortName: 'TAND tỉnh',
      ward: 'phường Rạch Giá',
      divisions: [
        { key: 'office', name: 'Văn phòng Tòa án nhân dân tỉnh', shortName: 'VP TAND' },
        { key: 'review', name: 'Phòng Kiểm tra nghiệp vụ và thi hành án', shortName: 'Phòng KTNV' },
      ],
    }),
  ];
}

export const COMMUNES: CommuneSpec[] = [
  { number: 101, kind: 'phường', name: 'Long Xuyên' },
  { number: 102, kind: 'phường', name: 'Bình Đức' },
  { number: 103, kind: 'phường', name: 'Châu Đốc' },
  { number: 104, kind: 'phường', name: 'Tân Châu' },
  { number: 105, kind: 'phường', name: 'Tịnh Biên' },
  { number: 106, kind: 'phường', name: 'Rạch Giá' },
  { number: 107, kind: 'phường', name: 'Hà Tiên' },
  { number: 108, kind: 'đặc khu', name: 'Phú Quốc' },
  { number: 109, kind: 'đặc khu', name: 'Kiên Hải' },
  { number: 110, kind: 'đặc khu', name: 'Thổ Châu' },
  { number: 111, kind: 'xã', name: 'Tri Tôn' },
  { number: 112, kind: 'xã', name: 'Châu Thành' },
  { number: 113, kind: 'xã', name: 'Chợ Mới' },
  { number: 114, kind: 'xã', name: 'Kiên Lương' },
  { number: 115, kind: 'xã', name: 'Hòn Đất' },
  { number: 116, kind: 'xã', name: 'Giồng Riềng' },
];

// District-level units of the former An Giang (its province UBND continues as the root). Former
// Kiên Giang's units are not modelled as legacy units: that would need a second, ended province.
export const LEGACY_DISTRICTS: LegacyDistrictSpec[] = [
  {
    number: 801,
    name: 'UBND thành phố Long Xuyên',
    shortName: 'TP Long Xuyên',
    address: 'thành phố Long Xuyên, tỉnh An Giang',
    successorCommune: 101,
  },
  {
    number: 802,
    name: 'UBND thành phố Châu Đốc',
    shortName: 'TP Châu Đốc',
    address: 'thành phố Châu Đốc, tỉnh An Giang',
    successorCommune: 103,
  },
  {
    number: 803,
    name: 'UBND huyện Tri Tôn',
    shortName: 'H. Tri Tôn',
    address: 'thị trấn Tri Tôn, huyện Tri Tôn, tỉnh An Giang',
    successorCommune: 111,
  },
];

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export const provinceCode = (): string => `000.00.00.${PROVINCE_SUFFIX}`;
export const provincialCentreCode = (): string => `000.00.90.${PROVINCE_SUFFIX}`;
export const bodyCode = (body: number): string => `000.00.${pad(body, 2)}.${PROVINCE_SUFFIX}`;
export const divisionCode = (body: number, division: number): string => `000.${pad(division, 2)}.${pad(body, 2)}.${PROVINCE_SUFFIX}`;
export const bodyDeskCode = (body: number): string => `000.90.${pad(body, 2)}.${PROVINCE_SUFFIX}`;
export const communeCode = (commune: number): string => `${pad(commune, 3)}.00.00.${PROVINCE_SUFFIX}`;
export const communeDivisionCode = (commune: number, division: number): string =>
  `${pad(commune, 3)}.${pad(division, 2)}.00.${PROVINCE_SUFFIX}`;
export const communeDeskCode = (commune: number): string => `${pad(commune, 3)}.90.00.${PROVINCE_SUFFIX}`;

export function findBody(key: string): BodySpec {
  const body = BODIES.find((candidate) => candidate.key === key);
  if (!body) throw new Error(`Unknown demo body key: ${key}`);
  return body;
}

/** "justice" → Sở Tư pháp's code; "justice.civil" → its Phòng Hành chính tư pháp. */
export function unitCodeOf(ref: string): string {
  const [bodyKey, divisionKey] = ref.split('.');
  const body = findBody(bodyKey ?? '');
  if (!divisionKey) return bodyCode(body.number);
  const index = body.divisions.findIndex((division) => division.key === divisionKey);
  if (index < 0) throw new Error(`Unknown division ${divisionKey} of ${bodyKey}`);
  return divisionCode(body.number, index + 1);
}
