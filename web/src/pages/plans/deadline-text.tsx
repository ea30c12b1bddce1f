import type { PlanDeadline, PlanDeadlineDue } from '../../../../src/contract/plans';
import { vi } from '../../i18n/vi';

/**
 * Deadlines as the plan writes them, one per line; with `dues`, a deadline counted from an event says when it falls
 * due once its day is recorded, or that it waits for that day.
 */
export function DeadlineText({ deadlines, dues }: { deadlines: PlanDeadline[]; dues?: PlanDeadlineDue[] }) {
  if (deadlines.length === 0) return <>{vi.plans.noDeadline}</>;
  return (
    <>
      {deadlines.map((deadline, index) => {
        const due = dues?.[index];
        return (
          <div key={index}>
            {deadline.text}
            {due?.note && <em> ({due.note})</em>}
          </div>
        );
      })}
    </>
  );
}
