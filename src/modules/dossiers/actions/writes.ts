import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { dossierSteps } from '../../../db/schema/dossiers';
import type { Batchable } from '../batch';
import type { ActionContext, StepRow } from './context';

/*
 * The step changes of an action, merged per step (a step changed twice in one action is written once) and applied
 * to the context's steps at once, so that the answer is built from what the action holds; written with the event in
 * one statement (record.ts). A handler that writes anything else itself goes through `watch(tx)`: the answer is then
 * read again after the commit instead.
 */

export type StepSet = Partial<typeof dossierSteps.$inferInsert>;

export class ActionWrites {
  private readonly sets = new Map<string, StepSet>();
  /** The handler wrote rows the context does not hold (consultations, pauses, components…). */
  wroteElsewhere = false;

  constructor(private readonly context: ActionContext) {}

  updateStep(step: StepRow, set: StepSet): void {
    this.sets.set(step.id, { ...this.sets.get(step.id), ...set });
    const index = this.context.steps.findIndex((entry) => entry.id === step.id);
    if (index >= 0) this.context.steps[index] = { ...this.context.steps[index]!, ...set } as StepRow;
  }

  stepUpdates(tx: Executor): Batchable[] {
    return [...this.sets].map(([id, set]) => tx.update(dossierSteps).set(set).where(eq(dossierSteps.id, id)));
  }

  /** `tx` for the handler: reads go through; an insert, update, delete or raw statement marks the context stale. */
  watch(tx: Executor): Executor {
    return new Proxy(tx, {
      get: (target, property, receiver) => {
        if (property === 'insert' || property === 'update' || property === 'delete' || property === 'execute') this.wroteElsewhere = true;
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
