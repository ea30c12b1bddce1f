/**
 * Dates and times on the forms, in Vietnam's time (UTC+7 all year, no daylight saving): to the minute, the way the
 * circular's forms write them ("08 giờ 30 phút, ngày 03 tháng 12 năm 2026").
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

const two = (value: number) => String(value).padStart(2, '0');

function vietnamParts(iso: string) {
  const shifted = new Date(new Date(iso).getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** "ngày 03 tháng 12 năm 2026"; NĐ 30/2020: a zero before days < 10 and months 1–2. */
export function formatFormDate(iso: string): string {
  const { year, month, day } = vietnamParts(iso);
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${year}`;
}

/** "08 giờ 30 phút, ngày 03 tháng 12 năm 2026". */
export function formatFormDateTime(iso: string): string {
  const { hour, minute } = vietnamParts(iso);
  return `${two(hour)} giờ ${two(minute)} phút, ${formatFormDate(iso)}`;
}

/** Short form for table cells: "08:30 03/12/2026". */
export function formatCellDateTime(iso: string | null): string {
  if (iso === null) return '';
  const { year, month, day, hour, minute } = vietnamParts(iso);
  return `${two(hour)}:${two(minute)} ${two(day)}/${two(month)}/${year}`;
}

/** "An Giang, ngày 03 tháng 12 năm 2026". */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place}, ${formatFormDate(iso)}`;
}
