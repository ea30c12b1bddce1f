import type { DemoUnit } from './fixtures';

/**
 * Illustrative contacts of the demo units (like their codes and addresses, not official values): a phone number
 * with the province's area code, an e-mail under the reserved domain motcua.example, and the usual opening hours of
 * state offices — one-stop desks also open on Saturday mornings. Units no longer valid get none.
 */
export function demoContactOf(
  unit: DemoUnit,
  position: number,
): { phone: string | null; email: string | null; openingHours: string | null } {
  if (unit.validTo) return { phone: null, email: null, openingHours: null };
  const digits = String(3_860_000 + ((position * 7_919) % 99_000)).padStart(7, '0');
  const phone = `0297 ${digits.slice(0, 4)} ${digits.slice(4)}`;
  const mailbox = unit.code.toLowerCase().replaceAll('.', '-');
  const weekdays = 'Thứ Hai – Thứ Sáu: sáng 7h00–11h30, chiều 13h30–17h00';
  return {
    phone,
    email: `${unit.type === 'desk' ? 'tiepnhan' : 'vanthu'}.${mailbox}@motcua.example`,
    openingHours: unit.type === 'desk' ? `${weekdays}; sáng thứ Bảy 7h00–11h30` : weekdays,
  };
}
