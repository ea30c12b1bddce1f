import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';
import type { Duration, ProcedureFee } from '../../../src/contract/catalog';
import { vi } from '../i18n/vi';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.locale('vi');

/** How a Vietnamese reader writes a day and a time, whatever the browser's language: 01/07/2025, 13:30. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
const TYPED_DATE_FORMATS = [
  'D/M/YYYY',
  'DD/MM/YYYY',
  'D/MM/YYYY',
  'DD/M/YYYY',
  'D-M-YYYY',
  'DD-MM-YYYY',
  'D.M.YYYY',
  'DD.MM.YYYY',
  'YYYY-MM-DD',
];

/**
 * A date typed as a Vietnamese reader writes it ("1/7/2025", "01/07/2025"; ISO is accepted too) → "2025-07-01";
 * null for anything else, an impossible day (31/02/2026) included. A four-digit year is required, so that the value
 * does not jump to the year 202 while someone is still typing.
 */
export function parseVietnameseDate(text: string): string | null {
  const parsed = dayjs(text.trim(), TYPED_DATE_FORMATS, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

/** Offices work on Vietnam time whatever the browser's time zone. */
const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
const HOURS_PER_WORKING_DAY = 8;

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A file's size as a reader says it: 830 B, 120 KB, 1,2 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
}

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A fraction as a percentage: 0.274 → "27,4 %" (a no-break space keeps the sign with the number). */
export function formatPercent(fraction: number): string {
  return `${percentFormat.format(fraction * 100)}\u00a0%`;
}

/** An amount of money, free or not: 0 → "0 đ", 3200000 → "3.200.000 đ". */
export function formatMoney(amount: number): string {
  return `${formatNumber(Math.round(amount))}\u00a0${vi.common.format.currency}`;
}

/** A number of hours: 80 → "80 giờ". */
export function formatHours(hours: number): string {
  return vi.common.format.hours(formatNumber(hours));
}

/** 50000 → "50.000 đ"; 0 → "Miễn phí". */
function formatVnd(amount: number): string {
  return amount === 0 ? vi.common.format.free : `${formatNumber(amount)} ${vi.common.format.currency}`;
}

/** The amount when it is fixed, otherwise the published wording. */
export function formatFeeAmount(fee: ProcedureFee): string {
  return fee.amountVnd === null ? (fee.text ?? '') : formatVnd(fee.amountVnd);
}

/** { amount: 10, unit: 'working_days' } → "10 ngày làm việc"; 0,125 day → "0,125 ngày làm việc (1 giờ)". */
export function formatDuration(duration: Duration): string {
  const text = `${formatNumber(duration.amount)} ${vi.labels.timeUnits[duration.unit]}`;
  const isPartDay = duration.unit === 'working_days' && !Number.isInteger(duration.amount * 2);
  return isPartDay ? `${text} (${vi.common.format.hours(formatNumber(duration.amount * HOURS_PER_WORKING_DAY))})` : text;
}

/** "2026-01-15" (or an ISO instant) → "15/01/2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  // A date alone names a Vietnamese calendar day; an instant is shown as the day it is in Vietnam.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : dayjs(value).tz(VIETNAM_TIME_ZONE);
  return day.format(DATE_FORMAT);
}

/** An instant shown in Vietnam time: "17:30, thứ sáu 23/01/2026". */
export function formatVietnamDateTime(iso: string): string {
  return dayjs(iso).tz(VIETNAM_TIME_ZONE).format('HH:mm, dddd DD/MM/YYYY');
}

/** A date-time field's value ("2026-01-15 13:30:00") read as Vietnam time → ISO 8601 with offset. */
export function vietnamLocalToIso(local: string): string {
  return dayjs.tz(local, VIETNAM_TIME_ZONE).format();
}

export function nowInVietnamLocal(): string {
  return dayjs().tz(VIETNAM_TIME_ZONE).format('YYYY-MM-DD HH:mm:00');
}

/** "2026-01-15" → "thứ năm, 15/01/2026". */
export function formatLongDate(value: string): string {
  return dayjs(value).format('dddd, DD/MM/YYYY');
}

/** This year in Vietnam (on 31/12 at 23:30 in Vietnam it is already the next year for nobody else). */
export function currentYearInVietnam(): number {
  return dayjs().tz(VIETNAM_TIME_ZONE).year();
}

/** Today's date in Vietnam, "YYYY-MM-DD". */
export function todayInVietnam(): string {
  return dayjs().tz(VIETNAM_TIME_ZONE).format('YYYY-MM-DD');
}
