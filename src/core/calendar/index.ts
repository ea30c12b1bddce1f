export {
  type AnnouncedYearRecord,
  type AnnouncementRecord,
  announcementsFromCalendarFile,
  type CalendarFile,
  type CalendarFileOffDetail,
  type CalendarFileYear,
  PROVISIONAL_YEAR_MARKER,
} from './announcements';
export type { CivilDate } from './dates';
export { type CompletionStatus, type DurationUnit, MAX_DURATION_AMOUNT } from './due-date';
export {
  CULTURE_DAY_FIRST_YEAR,
  computeStatutoryHolidays,
  HOLIDAY_GROUP_NAMES,
  type HolidayGroup,
  type HolidayKind,
  type HolidayOptions,
  type StatutoryHoliday,
} from './holidays';
export { type LunarDate, lunarToSolar, MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, solarToLunar } from './lunar';
export { DEFAULT_WORK_SESSIONS, type WorkSession } from './sessions';
export {
  createWorkCalendar,
  type PauseInterval,
  toVietnamDate,
  WorkCalendar,
  type WorkCalendarOptions,
} from './work-calendar';
export type {
  AnnouncedYear,
  AnnouncementKind,
  CalendarAnnouncement,
  DayDescription,
  DayReason,
} from './year-table';
