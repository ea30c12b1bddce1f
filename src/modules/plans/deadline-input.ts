import type { PlanDeadline } from '../../contract/plans';
import { parseDeadlines } from '../../core/plans/deadlines';
import { planYear } from '../../core/plans/parse';
import { normalizeText } from '../../core/text';

/**
 * The deadlines a task is saved with. One sent as text only — what a user types in the task form: "Quý III/2026",
 * "trước ngày 20 hằng tháng", "15/6 hằng năm" — is read as the importer reads a deadline cell (the plan's year for a
 * yearless day in an annual plan), so that it falls due; unread, it stays text. A relative deadline sent without its
 * event's day keeps the day already recorded for the same event (the form sends the deadlines back as text).
 */
export function readDeadlines(deadlines: PlanDeadline[], previous: PlanDeadline[], planTitle: string): PlanDeadline[] {
  const context = { year: planYear(planTitle) };
  const read = deadlines.flatMap((deadline): PlanDeadline[] => {
    const text = normalizeText(deadline.text);
    if (deadline.kind !== 'text') return [{ ...deadline, text }];
    const parsed = parseDeadlines(text, 'field', context);
    return parsed.length > 0 ? parsed : [{ kind: 'text', text }];
  });
  return read.map((deadline) => {
    if (deadline.kind !== 'relative' || deadline.eventDate) return deadline;
    const same = previous.find(
      (old) =>
        old.kind === 'relative' &&
        old.eventDate &&
        old.amount === deadline.amount &&
        old.unit === deadline.unit &&
        normalizeText(old.after).toLowerCase() === normalizeText(deadline.after).toLowerCase(),
    );
    return same?.kind === 'relative' && same.eventDate ? { ...deadline, eventDate: same.eventDate } : deadline;
  });
}
