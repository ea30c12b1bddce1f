import { vi } from '../../../i18n/vi';

const m = vi.dossiers.countdown;
const MINUTES_PER_WORKING_DAY = 8 * 60;

/** A span of working minutes in words: 390 → "6 giờ 30 phút", 1000 → "2 ngày 1 giờ" (a working day is 8 hours). */
function spellWorkingMinutes(minutes: number, isOverdue: boolean): string {
  const days = Math.floor(minutes / MINUTES_PER_WORKING_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_WORKING_DAY) / 60);
  const rest = minutes % 60;
  // Late by days: the days say enough ("quá hạn 2 ngày").
  if (isOverdue && days > 0) return m.days(days);
  const parts = [days > 0 && m.days(days), hours > 0 && m.hours(hours), days === 0 && (rest > 0 || hours === 0) && m.minutes(rest)];
  return parts.filter(Boolean).join(' ');
}

/**
 * "còn 6 giờ 30 phút làm việc", "quá hạn 2 ngày"; null when the clock does not run. A dossier past its due instant
 * with no working time run since (the evening of the due day) is "đã quá hạn", not "còn 0 phút".
 */
export function formatRemaining(remainingWorkingMinutes: number | null, isOverdue = false): string | null {
  if (remainingWorkingMinutes === null) return null;
  const minutes = Math.round(remainingWorkingMinutes);
  if (minutes < 0) return m.overdue(spellWorkingMinutes(-minutes, true));
  if (isOverdue) return m.justOverdue;
  return m.left(spellWorkingMinutes(minutes, false));
}

export type Urgency = 'overdue' | 'near' | 'normal' | 'none';

/** Overdue, or less than one working day left: the lists colour them. */
export function urgencyOf(remainingWorkingMinutes: number | null, isOverdue: boolean): Urgency {
  if (isOverdue || (remainingWorkingMinutes !== null && remainingWorkingMinutes < 0)) return 'overdue';
  if (remainingWorkingMinutes === null) return 'none';
  return remainingWorkingMinutes < MINUTES_PER_WORKING_DAY ? 'near' : 'normal';
}
