import type { Applicant } from '../contract/dossiers';
import type { ApplicantType } from '../contract/enums';

/*
 * Applicants of the demo dossiers (dữ liệu mẫu): Vietnamese names, 12-digit CCCD numbers of An Giang (089…),
 * businesses with 10-digit tax codes (17…, the province's prefix), addresses in the demo province. Drawn from a
 * seeded generator so the same demo is built every time.
 */

/** mulberry32: a small seeded PRNG, good enough for demo data and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, low: number, high: number) => low + random() * (high - low);
const digits = (random: Random, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương'];
const MIDDLE_MEN = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Công', 'Hoàng'];
const MIDDLE_WOMEN = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Bích', 'Hồng'];
const GIVEN_MEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hiếu',
  'Khang',
  'Long',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Trí',
  'Vinh',
];
const GIVEN_WOMEN = [
  'Anh',
  'Chi',
  'Diễm',
  'Giang',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
];
const STREETS = [
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Lê Lợi',
  'Hai Bà Trưng',
  'Tôn Đức Thắng',
  'Lý Thái Tổ',
  'Nguyễn Huệ',
  'Hùng Vương',
  'Trần Phú',
];
const PLACES = [
  'phường Long Xuyên',
  'phường Châu Đốc',
  'phường Rạch Giá',
  'phường Hà Tiên',
  'xã Phú Quốc',
  'xã Tịnh Biên',
  'phường Tân Châu',
  'xã Chợ Mới',
  'xã Thoại Sơn',
  'xã Châu Thành',
];
const COMPANY_KINDS = ['Công ty TNHH', 'Công ty cổ phần', 'Doanh nghiệp tư nhân', 'Hợp tác xã'];
const COMPANY_NAMES = [
  'Thương mại Mekong',
  'Nông sản Bảy Núi',
  'Xây dựng Long Xuyên',
  'Du lịch Hà Tiên',
  'Thủy sản Tân Châu',
  'Dịch vụ Phú Quốc',
];

export function personName(random: Random): string {
  const woman = random() < 0.5;
  return `${pick(random, FAMILY)} ${pick(random, woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${pick(random, woman ? GIVEN_WOMEN : GIVEN_MEN)}`;
}

export const demoAddress = (random: Random) =>
  `Số ${1 + Math.floor(random() * 250)} đường ${pick(random, STREETS)}, ${pick(random, PLACES)}, tỉnh An Giang`;

/** CCCD of someone born in An Giang (province code 089), century-and-sex digit and year of birth. */
export function personalId(random: Random): string {
  const year = 1950 + Math.floor(random() * 55);
  const sex = (year >= 2000 ? 2 : 0) + (random() < 0.5 ? 1 : 0);
  return `089${sex}${String(year % 100).padStart(2, '0')}${digits(random, 6)}`;
}

export const phone = (random: Random) =>
  `0${pick(random, ['90', '91', '93', '94', '96', '97', '98', '70', '76', '77'])}${digits(random, 7)}`;

/** Who may file for a procedure by its "đối tượng thực hiện": people, organisations, or either (null). */
export function applicantKindOf(applicantTypes: readonly ApplicantType[]): Applicant['kind'] | null {
  const people = applicantTypes.some((type) => type === 'citizen' || type === 'foreigner');
  const organisations = applicantTypes.some((type) => type === 'business' || type === 'organization' || type === 'state_agency');
  return people === organisations ? null : people ? 'individual' : 'organization';
}

/** An applicant of the given kind, else an organisation about a fifth of the time. */
export function demoApplicant(random: Random, kind: Applicant['kind'] | null = null): Applicant {
  const isOrganisation = random() < 0.22;
  if (kind === 'organization' || (kind === null && isOrganisation)) {
    return {
      kind: 'organization',
      fullName: `${pick(random, COMPANY_KINDS)} ${pick(random, COMPANY_NAMES)} ${1 + Math.floor(random() * 90)}`,
      idNumber: `17${digits(random, 8)}`,
      address: demoAddress(random),
      phone: phone(random),
      email: null,
      representative: { fullName: personName(random), idNumber: personalId(random), phone: null, authorisation: null },
    };
  }
  return {
    kind: 'individual',
    fullName: personName(random),
    idNumber: personalId(random),
    address: demoAddress(random),
    phone: random() < 0.8 ? phone(random) : null,
    email: null,
    representative: null,
  };
}
