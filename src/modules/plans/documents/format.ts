/*
 * Small NĐ 30/2020 wording helpers of the plan's progress report. The reform module's own copies (reform/documents/
 * format.ts) are not reachable across the module wall; when a shared src/documents/ kit holds them, use that.
 */

/** NĐ 30 Phụ lục I: a leading zero for days below 10 and months 1 and 2. */
function pad(value: number, isMonth: boolean): string {
  return (isMonth ? value <= 2 : value < 10) ? `0${value}` : String(value);
}

/** "An Giang, ngày … tháng … năm 20…": a report is dated by hand when it is signed, never on the download day. */
export function formatDateLine(place: string): string {
  return `${place}, ngày … tháng … năm 20…`;
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function formatDate(value: string): string {
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** "ngày 16/4/2026" as running text writes a date (NĐ 30: "ngày 16 tháng 4 năm 2026" in full). */
export function formatLongDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return `ngày ${pad(day, false)} tháng ${pad(month, true)} năm ${year}`;
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function toRoman(value: number): string {
  let rest = value;
  let result = '';
  for (const [amount, digits] of ROMAN) {
    while (rest >= amount) {
      result += digits;
      rest -= amount;
    }
  }
  return result;
}

/** Upper case as Vietnamese writes it (đ → Đ). */
export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi-VN');
}
