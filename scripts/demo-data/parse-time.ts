// Statutory processing time of a procedure, with documented defaults when the source has none.

import type { ProcessingTime, TimeUnit } from './procedure-input';
import type { CatalogRow, SourceChannel, SourceRecord } from './read-source';
import { cleanOptional } from './text';

const TIME_UNITS: readonly string[] = ['working_days', 'working_hours', 'calendar_days'];

/**
 * Defaults by field when the source gives no usable time (isDefault = true). Chosen from the law
 * that usually governs the field; documented in README.md.
 */
export const DEFAULT_TIME_BY_FIELD: Record<string, { amount: number; unit: TimeUnit }> = {
  'Hải quan': { amount: 8, unit: 'working_hours' }, // Luật Hải quan Đ23: kiểm tra hồ sơ ≤ 2 giờ, thực tế ≤ 8 giờ
  Thuế: { amount: 3, unit: 'working_days' },
  'Hộ tịch': { amount: 1, unit: 'working_days' }, // most civil-status events: same or next working day
  'Chứng thực': { amount: 1, unit: 'working_days' }, // NĐ 23/2015 Đ7: trong ngày hoặc ngày làm việc tiếp theo
  'Nuôi con nuôi': { amount: 30, unit: 'working_days' },
  'Quốc tịch': { amount: 20, unit: 'working_days' },
  'Thành lập và hoạt động của doanh nghiệp': { amount: 3, unit: 'working_days' }, // Luật Doanh nghiệp Đ26
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': { amount: 3, unit: 'working_days' },
  'Công chứng': { amount: 10, unit: 'working_days' },
  'Thủy sản': { amount: 5, unit: 'working_days' },
};
export const DEFAULT_TIME_PROVINCE = { amount: 10, unit: 'working_days' as TimeUnit };
export const DEFAULT_TIME_COMMUNE = { amount: 5, unit: 'working_days' as TimeUnit };
const DAYS_PER_MONTH = 30;

const hasAmount = (channel: SourceChannel): boolean =>
  typeof channel.time?.amount === 'number' && channel.time.amount > 0 && TIME_UNITS.includes(channel.time.unit ?? '');

function channelTime(channel: SourceChannel): ProcessingTime {
  return {
    amount: channel.time?.amount ?? 0,
    unit: channel.time?.unit as TimeUnit,
    text: cleanOptional(channel.time?.text),
    isDefault: false,
  };
}

/** Direct channel first, else the first channel that carries a parsed amount. */
function timeFromChannels(channels: SourceChannel[]): ProcessingTime | null {
  const direct = channels.find((channel) => channel.kind === 'direct' && hasAmount(channel));
  const any = direct ?? channels.find(hasAmount);
  return any ? channelTime(any) : null;
}

function firstTimeText(channels: SourceChannel[]): string | null {
  const ordered = [...channels.filter((c) => c.kind === 'direct'), ...channels.filter((c) => c.kind !== 'direct')];
  for (const channel of ordered) {
    const text = cleanOptional(channel.time?.text);
    if (text) return text;
  }
  return null;
}

/** A bare number ("1", "5"): the portal dropped the unit; read as working days, flagged as default. */
function timeFromBareText(text: string | null): ProcessingTime | null {
  if (!text) return null;
  const bare = /^(\d{1,3})$/.exec(text);
  if (bare && Number(bare[1]) > 0) return { amount: Number(bare[1]), unit: 'working_days', text, isDefault: true };
  const months = /^(\d{1,2}) Tháng$/i.exec(text);
  if (months && Number(months[1]) > 0) {
    const days = Number(months[1]) * DAYS_PER_MONTH;
    return { amount: days, unit: 'calendar_days', text: `${months[1]} tháng (${days} ngày)`, isDefault: true };
  }
  return null;
}

export function defaultTimeFor(field: string, isCommuneOnly: boolean): { amount: number; unit: TimeUnit } {
  return DEFAULT_TIME_BY_FIELD[field] ?? (isCommuneOnly ? DEFAULT_TIME_COMMUNE : DEFAULT_TIME_PROVINCE);
}

export function parseProcessingTime(record: SourceRecord | undefined, row: CatalogRow, isCommuneOnly: boolean): ProcessingTime {
  const channels = record?.channels ?? [];
  const fromChannels = timeFromChannels(channels);
  if (fromChannels) return fromChannels;
  const text = firstTimeText(channels);
  const catalogAmount = Number(row.time_amount);
  if (catalogAmount > 0 && TIME_UNITS.includes(row.time_unit)) {
    return { amount: catalogAmount, unit: row.time_unit as TimeUnit, text, isDefault: false };
  }
  const fromText = timeFromBareText(text);
  if (fromText) return fromText;
  // The text would contradict the default ("Không có thông tin" beside "10 ngày làm việc"): it is left out.
  return { ...defaultTimeFor(row.field, isCommuneOnly), text: null, isDefault: true };
}
