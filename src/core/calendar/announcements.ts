/**
 * Turns the announced-calendar file (fixtures/vn-calendar-2025-2027.json) into the
 * announcement records a WorkCalendar takes. Pure: the caller reads and parses the file.
 *
 * - Every weekday in `off` becomes a `day_off`, every date in `workingSaturdays` a
 *   `working_day`.
 * - Each day off is classified from its English description in `offDetail` into a holiday
 *   group; a classified entry carries `replaces: group`, because the file lists the full
 *   arrangement of that holiday (e.g. the announced 2027 Tết days must drop the computed
 *   Tết days and their compensatory days, or Thursday 11/2/2027 would wrongly be off).
 * - Names are Vietnamese, built from the group, so they read the same as computed holidays;
 *   the file's own description is kept in `detail`.
 * - A year is complete unless its `notes` start with the file's marker "PARTLY PROVISIONAL"
 *   (2027: only Tết and Quốc khánh were announced; the rest are statutory defaults).
 * - Requested years absent from the file are left out: those years use computed holidays.
 */
import { civilFromDayNumber, parseIsoDate } from './dates';
import { HOLIDAY_GROUP_NAMES, type HolidayGroup } from './holidays';
import type { AnnouncedYear, CalendarAnnouncement } from './year-table';

export interface CalendarFileOffDetail {
  date: string;
  name: string;
  basis: string;
}

export interface CalendarFileYear {
  off: readonly string[];
  workingSaturdays: readonly string[];
  offDetail: readonly CalendarFileOffDetail[];
  notes?: string;
}

export interface CalendarFile {
  years: Readonly<Record<string, CalendarFileYear>>;
}

export interface AnnouncementRecord extends CalendarAnnouncement {
  basis: string;
  /** The file's own description of the day. */
  detail: string;
}

export interface AnnouncedYearRecord extends AnnouncedYear {
  announcements: readonly AnnouncementRecord[];
}

export const PROVISIONAL_YEAR_MARKER = 'PARTLY PROVISIONAL';

/** Order matters: "Tết Dương lịch" must be read as New Year before the Tết pattern. */
const GROUP_PATTERNS: readonly [HolidayGroup, RegExp][] = [
  ['new_year', /Dương lịch/],
  ['tet', /Tết Âm lịch|mùng \d/],
  ['hung_kings', /Giỗ Tổ/],
  ['reunification', /Chiến thắng|\b30\/4\b/],
  ['labour', /Lao động|(?<![\d/])1\/5\b/],
  ['national_day', /Quốc khánh|\b2\/9\b/],
  ['culture_day', /Văn hóa/],
];

export function announcementsFromCalendarFile(file: CalendarFile, years: readonly number[]): AnnouncedYearRecord[] {
  const result: AnnouncedYearRecord[] = [];
  for (const year of years) {
    if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer, got ${year}`);
    const fileYear = file.years[String(year)];
    if (!fileYear) continue;
    result.push({
      year,
      isComplete: !(fileYear.notes ?? '').trimStart().startsWith(PROVISIONAL_YEAR_MARKER),
      announcements: [...daysOff(fileYear), ...makeUpSaturdays(fileYear)],
    });
  }
  return result;
}

function daysOff(fileYear: CalendarFileYear): AnnouncementRecord[] {
  const details = resolveDetails(fileYear.offDetail);
  return fileYear.off.map((date) => {
    const detail = details.get(date);
    if (!detail) return { date, kind: 'day_off', name: 'Ngày nghỉ theo thông báo', basis: '', detail: '' };
    const group = classifyGroup(detail.name);
    const record: AnnouncementRecord = {
      date,
      kind: 'day_off',
      name: vietnameseName(detail.name, group),
      basis: detail.basis,
      detail: detail.name,
    };
    return group ? { ...record, replaces: group } : record;
  });
}

/** Make-up Saturdays take their basis from the swap entry that names them. */
function makeUpSaturdays(fileYear: CalendarFileYear): AnnouncementRecord[] {
  const details = [...resolveDetails(fileYear.offDetail).values()];
  return fileYear.workingSaturdays.map((date) => {
    const { month, day } = civilFromDayNumber(parseIsoDate(date));
    const swap = details.find((detail) => detail.name.includes(`Saturday ${day}/${month}`));
    if (!swap) return { date, kind: 'working_day', name: 'Làm bù (thứ Bảy)', basis: '', detail: '' };
    return {
      date,
      kind: 'working_day',
      name: `Làm bù cho ngày nghỉ hoán đổi ${shortDate(swap.date)}`,
      basis: swap.basis,
      detail: swap.name,
    };
  });
}

/** The file writes "same" for a basis repeated from the entry above. */
function resolveDetails(offDetail: readonly CalendarFileOffDetail[]): Map<string, CalendarFileOffDetail> {
  const byDate = new Map<string, CalendarFileOffDetail>();
  let previousBasis = '';
  for (const detail of offDetail) {
    const isRepeat = detail.basis.trim().toLowerCase() === 'same';
    const basis = isRepeat ? previousBasis : detail.basis;
    byDate.set(detail.date, { ...detail, basis });
    previousBasis = basis;
  }
  return byDate;
}

function classifyGroup(description: string): HolidayGroup | undefined {
  if (/^Swapped day off/i.test(description)) return undefined;
  return GROUP_PATTERNS.find(([, pattern]) => pattern.test(description))?.[0];
}

function vietnameseName(description: string, group: HolidayGroup | undefined): string {
  if (/^Swapped day off/i.test(description)) {
    const saturday = /Saturday (\d{1,2}\/\d{1,2})/.exec(description);
    return saturday ? `Nghỉ hoán đổi (làm bù thứ Bảy ${saturday[1]})` : 'Nghỉ hoán đổi';
  }
  if (!group) return description;
  if (/^Compensatory day off/i.test(description)) return `Nghỉ bù ${HOLIDAY_GROUP_NAMES[group]}`;
  if (/adjacent day/i.test(description)) return 'Quốc khánh (ngày liền kề)';
  return HOLIDAY_GROUP_NAMES[group];
}

function shortDate(isoDate: string): string {
  const { month, day } = civilFromDayNumber(parseIsoDate(isoDate));
  return `${day}/${month}`;
}
