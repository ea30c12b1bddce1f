import type { PlanDeadline } from '../../../../src/contract/plans';
import { vi } from '../../i18n/vi';

/** Deadlines as the plan writes them, one per line. */
export function DeadlineText({ deadlines }: { deadlines: PlanDeadline[] }) {
  if (deadlines.length === 0) return <>{vi.plans.noDeadline}</>;
  return (
    <>
      {deadlines.map((deadline, index) => (
        <div key={index}>{deadline.text}</div>
      ))}
    </>
  );
}
