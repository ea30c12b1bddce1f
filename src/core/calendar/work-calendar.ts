/**
 * The working calendar every deadline uses. Pure and in-memory: it is built from data
 * (announcements, sessions) and computes each year's table once, on first use, so
 * thousands of queries cost a few array lookups each.
 */
import { civilFromDayNumber, dayNumberOfInstant, formatIsoDate, instantOf, MS_PER_MINUTE, parseIsoDate } from './dates';
import {
  type CompletionStatus,
  classifyCompletionMs,
  computeDueDateMs,
  type DurationUnit,
  endOfWorkingDayMs,
  nextWorkingDayNumber,
  shiftDueByPauseMs,
} from './due-date';
import type { HolidayOptions } from './holidays';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from './lunar';
import { DEFAULT_WORK_SESSIONS, parseWorkSessions, type SessionSpan, type WorkSession, workingMsPerDay } from './sessions';
import { addWorkingMs, nextWorkingInstantMs, type WorkingTimeContext, workingMsBetweenExcludingPauses } from './working-time';
import {
  type AnnouncedYear,
  buildYearTable,
  type DayDescription,
  describeDayFromTable,
  indexAnnouncedYears,
  type YearTable,
} from './year-table';

export interface WorkCalendarOptions {
  /** Yearly announcements; years without an entry use computed holidays only. */
  announcedYears?: readonly AnnouncedYear[];
  /** Defaults to 08:00–12:00 and 13:30–17:30. */
  sessions?: readonly WorkSession[];
  /** Applies to computed holidays only. */
  holidayOptions?: HolidayOptions;
}

export interface PauseInterval {
  from: Date;
  to: Date;
}

export class WorkCalendar implements WorkingTimeContext {
  readonly sessions: readonly WorkSession[];
  readonly sessionSpans: readonly SessionSpan[];
  /** Working minutes in one working day (480 with the default sessions). */
  readonly minutesPerWorkingDay: number;
  private readonly announcedByYear: ReadonlyMap<number, AnnouncedYear>;
  private readonly holidayOptions: HolidayOptions;
  private readonly tables = new Map<number, YearTable>();
  private lastTable: YearTable | undefined;

  constructor(options: WorkCalendarOptions = {}) {
    this.sessions = Object.freeze([...(options.sessions ?? DEFAULT_WORK_SESSIONS)]);
    this.sessionSpans = Object.freeze(parseWorkSessions(this.sessions));
    this.minutesPerWorkingDay = workingMsPerDay(this.sessionSpans) / MS_PER_MINUTE;
    this.announcedByYear = indexAnnouncedYears(options.announcedYears ?? []);
    this.holidayOptions = { ...options.holidayOptions };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(parseIsoDate(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return formatIsoDate(nextWorkingDayNumber(this, parseIsoDate(date)));
  }

  describeDay(date: string): DayDescription {
    const dayNumber = parseIsoDate(date);
    return describeDayFromTable(this.tableForDay(dayNumber), dayNumber);
  }

  /** Days that differ from the plain Monday–Friday week: holidays, swaps, make-up Saturdays. */
  listExceptionalDays(year: number): DayDescription[] {
    const table = this.tableForYear(year);
    return [...table.exceptions.keys()].sort((a, b) => a - b).map((day) => describeDayFromTable(table, day));
  }

  isWorkingDayNumber(dayNumber: number): boolean {
    // Consecutive queries nearly always hit the same year: skip the year lookup for them.
    const cached = this.lastTable;
    const isCached = cached !== undefined && dayNumber >= cached.firstDay && dayNumber <= cached.lastDay;
    const table = isCached ? cached : this.tableForDay(dayNumber);
    return table.workingFlags[dayNumber - table.firstDay] === 1;
  }

  /** See due-date.ts for the counting rules of each unit. */
  computeDueDate(from: Date, amount: number, unit: DurationUnit): Date {
    return new Date(computeDueDateMs(this, instantOf(from, 'from'), amount, unit));
  }

  /** When counting starts for something received at `at` (DOMAIN §4). */
  nextWorkingInstant(at: Date): Date {
    return new Date(nextWorkingInstantMs(this, instantOf(at, 'at')));
  }

  /** End of the last session of a working day: where whole-day deadlines fall. */
  endOfWorkingDay(date: string): Date {
    const dayNumber = parseIsoDate(date);
    if (!this.isWorkingDayNumber(dayNumber)) throw new RangeError(`${date} is not a working day`);
    return new Date(endOfWorkingDayMs(this, dayNumber));
  }

  /** The earliest instant at which `minutes` working minutes have elapsed since `from`. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`Working minutes must be a finite number ≥ 0, got ${minutes}`);
    }
    return new Date(addWorkingMs(this, instantOf(from, 'from'), Math.round(minutes * MS_PER_MINUTE)));
  }

  /** Working minutes in [a, b] minus paused working time; 0 when b is not after a. */
  workingTimeBetween(a: Date, b: Date, paused: readonly PauseInterval[] = []): number {
    const pauses = paused.map((pause, index) => {
      const fromMs = instantOf(pause.from, `paused[${index}].from`);
      const toMs = instantOf(pause.to, `paused[${index}].to`);
      if (toMs < fromMs) throw new RangeError(`paused[${index}] ends before it starts`);
      return { fromMs, toMs };
    });
    const ms = workingMsBetweenExcludingPauses(this, instantOf(a, 'a'), instantOf(b, 'b'), pauses);
    return ms / MS_PER_MINUTE;
  }

  classifyCompletion(completedAt: Date, due: Date): CompletionStatus {
    return classifyCompletionMs(instantOf(completedAt, 'completedAt'), instantOf(due, 'due'));
  }

  shiftDueByPause(due: Date, pausedWorkingMinutes: number): Date {
    return new Date(shiftDueByPauseMs(this, instantOf(due, 'due'), pausedWorkingMinutes));
  }

  private tableForDay(dayNumber: number): YearTable {
    return this.tableForYear(civilFromDayNumber(dayNumber).year);
  }

  private tableForYear(year: number): YearTable {
    if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
      throw new RangeError(`The working calendar covers ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}, got ${year}`);
    }
    let table = this.tables.get(year);
    if (!table) {
      table = buildYearTable(year, this.announcedByYear.get(year), this.holidayOptions);
      this.tables.set(year, table);
    }
    this.lastTable = table;
    return table;
  }
}

export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  return new WorkCalendar(options);
}

/** Local calendar date (Vietnam time) of an instant, as `YYYY-MM-DD`. */
export function toVietnamDate(at: Date): string {
  return formatIsoDate(dayNumberOfInstant(instantOf(at, 'at')));
}
