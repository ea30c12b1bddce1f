/**
 * Identity numbers of applicants: the 12-digit citizen ID (CCCD, Thông tư 59/2021/TT-BCA: 3 digits of the province
 * of birth registration, 1 of century and sex, 2 of the birth year, 6 random) and the tax code of an organisation
 * (10 digits, or 13 for a branch, written NNNNNNNNNN-NNN). Plausibility only: no checksum is published for the CCCD.
 */

/** Province codes of the CCCD (the 63 provinces' codes before the 2025 merger; merged provinces kept one of them). */
const CCCD_PROVINCE_CODES = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52,
    54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, '0')),
);

/** Why `value` is not a plausible CCCD number, in Vietnamese, or null. */
export function findPersonalIdProblem(value: string): string | null {
  if (!/^\d{12}$/.test(value)) return 'Số CCCD gồm đúng 12 chữ số.';
  if (!CCCD_PROVINCE_CODES.has(value.slice(0, 3))) return 'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố.';
  // Century and sex: 0/1 born in the 1900s, 2/3 in the 2000s; later centuries are not born yet.
  if (!'0123'.includes(value[3]!)) return 'Chữ số thứ tư của số CCCD (thế kỷ sinh, giới tính) không hợp lệ.';
  return null;
}

/** A tax code written as the tax authority prints it: 13 digits become NNNNNNNNNN-NNN; anything else unchanged. */
export function normalizeTaxCode(value: string): string {
  const compact = value.replace(/[\s.]/g, '');
  return /^\d{13}$/.test(compact) ? `${compact.slice(0, 10)}-${compact.slice(10)}` : compact;
}

/** Why `value` (normalised) is not a tax code, in Vietnamese, or null. */
export function findTaxCodeProblem(value: string): string | null {
  if (!/^\d{10}(-\d{3})?$/.test(value)) return 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số (NNNNNNNNNN-NNN) đối với chi nhánh.';
  if (value.endsWith('-000')) return 'Ba chữ số cuối của mã số thuế chi nhánh từ 001 đến 999.';
  return null;
}
