export { lunarToSolar, solarToLunar, MIN_LUNAR_YEAR, MAX_LUNAR_YEAR, type LunarDate } from './lunar';
export type { CivilDate } from './dates';
export {
  computeStatutoryHolidays,
  CULTURE_DAY_FIRST_YEAR,
  HOLIDAY_GROUP_NAMES,
  type HolidayGroup,
  type HolidayKind,
  type HolidayOptions,
  type StatutoryHoliday,
} from './holidays';
export { DEFAULT_WORK_SESSIONS, type WorkSession } from './sessions';
export { MAX_DURATION_AMOUNT, type CompletionStatus, type DurationUnit } from './due-date';
export type {
  AnnouncedYear,
  AnnouncementKind,
  CalendarAnnouncement,
  DayDescription,
  DayReason,
} from './year-table';
export {
  createWorkCalendar,
  toVietnamDate,
  WorkCalendar,
  type PauseInterval,
  type WorkCalendarOptions,
} from './work-calendar';
export {
  announcementsFromCalendarFile,
  PROVISIONAL_YEAR_MARKER,
  type AnnouncedYearRecord,
  type AnnouncementRecord,
  type CalendarFile,
  type CalendarFileOffDetail,
  type CalendarFileYear,
} from './announcements';
