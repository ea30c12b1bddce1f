/**
 * Which days of one year are working days, merging computed holidays with the yearly
 * announcements that administrators enter.
 *
 * Precedence, per year:
 * 1. `isComplete: true` — the announced list of days off is the whole truth for the year
 *    (2025 and 2026 in the data file): computed holidays are not used at all.
 * 2. Otherwise computed holidays apply, except every group named in some announcement's
 *    `replaces` (e.g. announced Tết days carry `replaces: 'tet'`, so the computed Tết
 *    days AND their compensatory days are dropped); then announcements are applied on top.
 * 3. Announcements always win on their own date: `day_off` makes a date a day off,
 *    `working_day` makes it a working day (make-up Saturdays).
 */
import { civilFromDayNumber, dayNumberFromCivil, formatIsoDate, isWeekendDayNumber, parseIsoDate } from './dates';
import { computeStatutoryHolidays, type HolidayGroup, type HolidayOptions } from './holidays';

export type AnnouncementKind = 'day_off' | 'working_day';

export interface CalendarAnnouncement {
  date: string;
  kind: AnnouncementKind;
  name: string;
  basis?: string;
  /** This entry is the announced arrangement of that holiday: drop its computed days. */
  replaces?: HolidayGroup;
}

export interface AnnouncedYear {
  year: number;
  /** True when the announced days off are the year's complete list. */
  isComplete: boolean;
  announcements: readonly CalendarAnnouncement[];
}

export type DayReason = 'working_day' | 'make_up_working_day' | 'weekend' | 'holiday' | 'compensatory' | 'announced_day_off';

export interface DayDescription {
  date: string;
  isWorking: boolean;
  reason: DayReason;
  name?: string;
}

interface DayException {
  isWorking: boolean;
  reason: DayReason;
  name: string;
}

export interface YearTable {
  year: number;
  firstDay: number;
  lastDay: number;
  /** 1 = working day, 0 = day off, indexed by dayNumber - firstDay. */
  workingFlags: Uint8Array;
  exceptions: ReadonlyMap<number, DayException>;
}

export function buildYearTable(year: number, announced: AnnouncedYear | undefined, holidayOptions: HolidayOptions): YearTable {
  const exceptions = new Map<number, DayException>();
  if (!announced?.isComplete) addComputedHolidays(exceptions, year, announced, holidayOptions);
  for (const announcement of announced?.announcements ?? []) {
    const isWorking = announcement.kind === 'working_day';
    exceptions.set(parseIsoDate(announcement.date), {
      isWorking,
      reason: isWorking ? 'make_up_working_day' : 'announced_day_off',
      name: announcement.name,
    });
  }
  const firstDay = dayNumberFromCivil(year, 1, 1);
  const lastDay = dayNumberFromCivil(year, 12, 31);
  const workingFlags = new Uint8Array(lastDay - firstDay + 1);
  for (let day = firstDay; day <= lastDay; day += 1) {
    const isWorking = exceptions.get(day)?.isWorking ?? !isWeekendDayNumber(day);
    workingFlags[day - firstDay] = isWorking ? 1 : 0;
  }
  return { year, firstDay, lastDay, workingFlags, exceptions };
}

function addComputedHolidays(
  exceptions: Map<number, DayException>,
  year: number,
  announced: AnnouncedYear | undefined,
  holidayOptions: HolidayOptions,
): void {
  const replaced = new Set(announced?.announcements.map((announcement) => announcement.replaces));
  for (const holiday of computeStatutoryHolidays(year, holidayOptions)) {
    if (replaced.has(holiday.group)) continue;
    exceptions.set(parseIsoDate(holiday.date), { isWorking: false, reason: holiday.kind, name: holiday.name });
  }
}

export function describeDayFromTable(table: YearTable, dayNumber: number): DayDescription {
  const date = formatIsoDate(dayNumber);
  const exception = table.exceptions.get(dayNumber);
  if (exception) return { date, isWorking: exception.isWorking, reason: exception.reason, name: exception.name };
  return isWeekendDayNumber(dayNumber) ? { date, isWorking: false, reason: 'weekend' } : { date, isWorking: true, reason: 'working_day' };
}

/** Rejects malformed announcement data up front so lookups never meet it. */
export function indexAnnouncedYears(announcedYears: readonly AnnouncedYear[]): Map<number, AnnouncedYear> {
  const byYear = new Map<number, AnnouncedYear>();
  for (const announcedYear of announcedYears) {
    if (byYear.has(announcedYear.year)) {
      throw new RangeError(`Year ${announcedYear.year} is announced more than once`);
    }
    const kindByDate = new Map<string, AnnouncementKind>();
    for (const announcement of announcedYear.announcements) {
      assertAnnouncement(announcement, announcedYear.year);
      const previousKind = kindByDate.get(announcement.date);
      if (previousKind && previousKind !== announcement.kind) {
        throw new RangeError(`${announcement.date} is announced both as a day off and as a working day`);
      }
      kindByDate.set(announcement.date, announcement.kind);
    }
    // Copied so a caller editing its array later cannot change a calendar already built.
    byYear.set(announcedYear.year, { ...announcedYear, announcements: [...announcedYear.announcements] });
  }
  return byYear;
}

function assertAnnouncement(announcement: CalendarAnnouncement, year: number): void {
  const dayNumber = parseIsoDate(announcement.date);
  if (civilFromDayNumber(dayNumber).year !== year) {
    throw new RangeError(`Announcement ${announcement.date} is filed under year ${year}`);
  }
  if (announcement.kind !== 'day_off' && announcement.kind !== 'working_day') {
    throw new RangeError(`Announcement ${announcement.date} has unknown kind "${String(announcement.kind)}"`);
  }
}
