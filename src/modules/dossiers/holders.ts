import { sql } from 'drizzle-orm';
import type { dossiers } from '../../db/schema/dossiers';

/*
 * Who holds a dossier now, kept on its row for the inbox (docs/api/dossiers.md "Reading", migration 0015): the role,
 * unit and assignee of its active step, null when no step is active. They are columns of the same UPDATE that records
 * the change (the version bump of an action, the intake's step number), read from the steps as that transaction has
 * just written them — so they cannot drift from the steps, and cost no statement of their own.
 */

const ofActiveStep = (dossierId: string, column: 'role' | 'unit_id' | 'assignee_id') =>
  sql`(select ${sql.raw(`"${column}"`)} from "dossier_steps" where "dossier_id" = ${dossierId} and "status" = 'active' order by "step_no" limit 1)`;

/** The `SET` of the holder columns of dossier `dossierId`, to spread into the UPDATE that changes its steps. */
export function activeStepHolder(dossierId: string) {
  return {
    activeStepRole: ofActiveStep(dossierId, 'role'),
    activeStepUnitId: ofActiveStep(dossierId, 'unit_id'),
    activeStepAssigneeId: ofActiveStep(dossierId, 'assignee_id'),
  };
}

type StepLike = { stepNo: number; status: string; role: string; unitId: string; assigneeId: string | null };

/**
 * The holder columns from the steps an action holds in memory (its own step changes applied): the same values the
 * SQL of `activeStepHolder` reads, for an action whose step writes go out in one statement with the dossier's update
 * (that statement's sub-queries would not see them).
 */
export function holderOfSteps(steps: readonly StepLike[]) {
  const active = steps.filter((step) => step.status === 'active').sort((a, b) => a.stepNo - b.stepNo)[0];
  return {
    activeStepRole: (active?.role ?? null) as typeof dossiers.$inferSelect.activeStepRole,
    activeStepUnitId: active?.unitId ?? null,
    activeStepAssigneeId: active?.assigneeId ?? null,
  };
}
