/**
 * Working sessions of a day (giờ làm việc). Hours differ between agencies, so they are
 * configuration; internally a session is a pair of millisecond offsets from local midnight.
 */
import { MS_PER_MINUTE } from './dates';

export interface WorkSession {
  /** Local time `HH:MM`, Asia/Ho_Chi_Minh. */
  start: string;
  /** Local time `HH:MM`, exclusive; `24:00` allowed. */
  end: string;
}

export interface SessionSpan {
  startMs: number;
  endMs: number;
}

/** DOMAIN §4 default: 08:00–12:00 and 13:30–17:30, 8 hours a day. */
export const DEFAULT_WORK_SESSIONS: readonly WorkSession[] = Object.freeze([
  { start: '08:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
]);

const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

export function parseWorkSessions(sessions: readonly WorkSession[]): SessionSpan[] {
  if (sessions.length === 0) throw new RangeError('At least one working session is required');
  const spans = sessions.map((session) => ({
    startMs: parseLocalTime(session.start),
    endMs: parseLocalTime(session.end),
  }));
  spans.forEach((span, index) => {
    if (span.endMs <= span.startMs) {
      throw new RangeError(`Working session ${index + 1} must end after it starts`);
    }
    const previous = spans[index - 1];
    if (previous && span.startMs < previous.endMs) {
      throw new RangeError('Working sessions must be in order and must not overlap');
    }
  });
  return spans;
}

export function workingMsPerDay(spans: readonly SessionSpan[]): number {
  return spans.reduce((total, span) => total + span.endMs - span.startMs, 0);
}

function parseLocalTime(text: string): number {
  const match = TIME_PATTERN.exec(text);
  if (!match) throw new RangeError(`Invalid time "${text}": expected HH:MM from 00:00 to 24:00`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}
