import { asc, eq, sql } from 'drizzle-orm';
import type { AnnouncementKind } from '../../contract/enums';
import {
  type AnnouncedYear,
  createWorkCalendar,
  DEFAULT_WORK_SESSIONS,
  type DurationUnit,
  type HolidayGroup,
  type WorkCalendar,
  type WorkSession,
} from '../../core/calendar';
import { AppError, forbidden, invalid, notFound } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { calendarAnnouncements, calendarYears } from '../../db/schema/calendar';
import { settings } from '../../db/schema/settings';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { can } from './policy';

const SESSIONS_KEY = 'calendar.sessions';
/** Other app nodes pick up an administrator's change within this time. */
const CACHE_TTL_MS = 30_000;

let cached: { calendar: WorkCalendar; loadedAt: number; db: Database } | undefined;

/** The working calendar every deadline uses, built from the announcements and sessions in the database. */
export async function getWorkCalendar(db: Database): Promise<WorkCalendar> {
  if (cached && cached.db === db && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.calendar;
  const calendar = await buildCalendar(db);
  cached = { calendar, loadedAt: Date.now(), db };
  return calendar;
}

function invalidateCalendar() {
  cached = undefined;
}

async function buildCalendar(db: Executor): Promise<WorkCalendar> {
  // In turn: `db` may be a transaction's client (one query at a time).
  const announcements = await db.select().from(calendarAnnouncements).orderBy(asc(calendarAnnouncements.date));
  const years = await db.select().from(calendarYears);
  const sessions = await readSessions(db);
  const byYear = new Map<number, AnnouncedYear & { announcements: AnnouncedYear['announcements'][number][] }>();
  const yearOf = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) {
      entry = { year, isComplete: years.find((row) => row.year === year)?.isAnnouncedListComplete ?? false, announcements: [] };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const row of years) yearOf(row.year);
  for (const row of announcements) {
    yearOf(Number(row.date.slice(0, 4))).announcements.push({
      date: row.date,
      kind: row.kind,
      name: row.name,
      basis: row.basis ?? undefined,
      replaces: (row.replaces ?? undefined) as HolidayGroup | undefined,
    });
  }
  return createWorkCalendar({ announcedYears: [...byYear.values()], sessions });
}

async function readSessions(db: Executor): Promise<WorkSession[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SESSIONS_KEY));
  return (row?.value as WorkSession[] | undefined) ?? [...DEFAULT_WORK_SESSIONS];
}

const kindByReason = {
  holiday: 'holiday',
  compensatory: 'compensatory',
  announced_day_off: 'day_off',
  make_up_working_day: 'working_day',
} as const;

export async function getCalendarYear(db: Database, year: number) {
  const calendar = await getWorkCalendar(db);
  const announcements = await db
    .select()
    .from(calendarAnnouncements)
    .where(sql`extract(year from ${calendarAnnouncements.date}) = ${year}`);
  const byDate = new Map(announcements.map((row) => [row.date, row]));
  const [yearRow] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const days = calendar.listExceptionalDays(year).map((day) => {
    const announcement = byDate.get(day.date);
    return {
      date: day.date,
      isWorking: day.isWorking,
      // An announcement that arranges a statutory holiday (e.g. the Tết days) is a holiday, not a swapped day.
      kind: announcement?.replaces && !day.isWorking ? 'holiday' : (kindByReason[day.reason as keyof typeof kindByReason] ?? 'day_off'),
      name: day.name ?? announcement?.name ?? '',
      source: announcement ? ('announced' as const) : ('computed' as const),
      announcementId: announcement?.id ?? null,
      basis: announcement?.basis ?? null,
    };
  });
  return {
    year,
    sessions: calendar.sessions.map((session) => ({ ...session })),
    days,
    isAnnouncedListComplete: yearRow?.isAnnouncedListComplete ?? false,
  };
}

export type AnnouncementInput = {
  date: string;
  kind: AnnouncementKind;
  name: string;
  basis?: string | null;
  replaces?: HolidayGroup | null;
};

export async function addAnnouncement(db: Database, actor: Actor | null, input: AnnouncementInput) {
  if (!can(actor, 'calendar.manage')) throw forbidden();
  const weekday = new Date(`${input.date}T00:00:00Z`).getUTCDay();
  if (input.kind === 'working_day' && weekday !== 6 && weekday !== 0) {
    throw invalid([{ path: 'date', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.' }]);
  }
  if (input.kind === 'day_off' && (weekday === 6 || weekday === 0)) {
    throw invalid([{ path: 'date', message: 'Ngày nghỉ thêm phải là ngày trong tuần (thứ Hai – thứ Sáu).' }]);
  }
  const row = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: calendarAnnouncements.id })
      .from(calendarAnnouncements)
      .where(eq(calendarAnnouncements.date, input.date));
    if (existing)
      throw new AppError('conflict', `Ngày ${formatVietnameseDate(input.date)} đã có thông báo.`, [
        { path: 'date', message: 'Đã có thông báo cho ngày này.' },
      ]);
    const [inserted] = await tx
      .insert(calendarAnnouncements)
      .values({
        date: input.date,
        kind: input.kind,
        name: input.name,
        basis: input.basis ?? null,
        replaces: input.replaces ?? null,
        createdBy: actor!.userId,
      })
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'calendar.announce',
      entityType: 'calendar_announcement',
      entityId: inserted!.id,
      data: { ...input },
    });
    return inserted!;
  });
  invalidateCalendar();
  return row;
}

export async function deleteAnnouncement(db: Database, actor: Actor | null, id: string) {
  if (!can(actor, 'calendar.manage')) throw forbidden();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarAnnouncements).where(eq(calendarAnnouncements.id, id)).returning();
    if (!row) throw notFound('thông báo lịch');
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'calendar.unannounce',
      entityType: 'calendar_announcement',
      entityId: id,
      data: { date: row.date, kind: row.kind, name: row.name },
    });
  });
  invalidateCalendar();
}

export async function setYearCompleteness(db: Database, actor: Actor | null, year: number, isComplete: boolean) {
  if (!can(actor, 'calendar.manage')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarYears)
      .values({ year, isAnnouncedListComplete: isComplete })
      .onConflictDoUpdate({ target: calendarYears.year, set: { isAnnouncedListComplete: isComplete } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'calendar.year',
      entityType: 'calendar_year',
      entityId: String(year),
      data: { isComplete },
    });
  });
  invalidateCalendar();
  return getCalendarYear(db, year);
}

export async function setWorkSessions(db: Database, actor: Actor | null, sessions: WorkSession[]) {
  if (!can(actor, 'calendar.manage')) throw forbidden();
  try {
    createWorkCalendar({ sessions });
  } catch {
    throw invalid([
      {
        path: 'sessions',
        message: 'Giờ làm việc không hợp lệ: mỗi buổi phải kết thúc sau khi bắt đầu, các buổi theo thứ tự và không chồng nhau.',
      },
    ]);
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: SESSIONS_KEY, value: sessions })
      .onConflictDoUpdate({ target: settings.key, set: { value: sessions, version: sql`${settings.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'calendar.sessions',
      entityType: 'setting',
      entityId: SESSIONS_KEY,
      data: { sessions },
    });
  });
  invalidateCalendar();
  return { sessions };
}

export async function computeDue(db: Database, from: Date, amount: number, unit: DurationUnit): Promise<Date> {
  const calendar = await getWorkCalendar(db);
  try {
    return calendar.computeDueDate(from, amount, unit);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw invalid([{ path: 'querystring.from', message: 'Không tính được hạn: thời điểm và hạn phải nằm trong các năm 1900–2199.' }]);
  }
}
