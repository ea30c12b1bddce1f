import type { DossierActionBody } from '../../../contract/dossiers';
import type { WorkCalendar } from '../../../core/calendar';
import { stepDueAt } from '../../../core/dossiers/timing';
import type { Executor } from '../../../db/client';
import type { dossiers } from '../../../db/schema/dossiers';
import type { Actor } from '../../auth';
import type { FileAttachment } from '../dossier-files';
import type { ActionContext, StepRow } from './context';
import type { ActionEvent } from './record';
import type { ActionWrites } from './writes';

export type ActionInput<A extends DossierActionBody['action']> = {
  tx: Executor;
  calendar: WorkCalendar;
  actor: Actor;
  context: ActionContext;
  body: Extract<DossierActionBody, { action: A }>;
  now: Date;
  /** Step changes go here (merged, written with the event); `tx` is watched for any other write. */
  writes: ActionWrites;
};

/** What a handler decided: the dossier's changes, its event, and files to attach to that event. */
export type ActionOutcome = {
  changes: Partial<typeof dossiers.$inferInsert>;
  event: Omit<ActionEvent, 'action' | 'fromStatus'>;
  files?: FileAttachment[];
};

/** A step made active from `now`: its due is `now` + its budget in working time. */
export function activation(calendar: WorkCalendar, step: StepRow, now: Date) {
  return {
    status: 'active' as const,
    startedAt: now,
    dueAt: stepDueAt(calendar, now, { amount: step.budgetAmount, unit: step.budgetUnit }),
    completedAt: null,
    completedBy: null,
    timing: null,
  };
}

/** The active step done now, its timing against its due. */
export function completion(calendar: WorkCalendar, step: StepRow, now: Date, actorId: string) {
  const timing = step.dueAt ? calendar.classifyCompletion(now, step.dueAt) : null;
  return { status: 'done' as const, completedAt: now, completedBy: actorId, timing };
}
