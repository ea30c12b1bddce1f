import type { Executor } from '../../../db/client';
import type { dossierSteps } from '../../../db/schema/dossiers';
import type { ActionContext, StepRow } from './context';

/*
 * The step changes of an action, merged per step (a step changed twice in one action is written once) and applied
 * to the context's steps at once, so that the answer is built from what the action holds; written with the event in
 * one statement (record.ts). A handler that writes anything else itself goes through `watch(tx)`: the answer is then
 * read again after the commit instead — or, when the action runs without a transaction (perform.ts), the write is
 * stopped before it starts (`NeedsTransactionError`) and the action runs again in one.
 */

/** A handler tried to write outside the action's one statement while no transaction was open: nothing was written. */
export class NeedsTransactionError extends Error {}

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

  /** The merged changes, one row per step with its id (written by id, batch.ts). */
  stepRows(): Record<string, unknown>[] {
    return [...this.sets].map(([id, set]) => ({ ...set, id }));
  }

  /**
   * `tx` for the handler: reads go through; an insert, update, delete or raw statement marks the context stale —
   * or, with `inTransaction` false, throws `NeedsTransactionError` before it runs.
   */
  watch(tx: Executor, inTransaction = true): Executor {
    return new Proxy(tx, {
      get: (target, property, receiver) => {
        if (property === 'insert' || property === 'update' || property === 'delete' || property === 'execute') {
          if (!inTransaction) throw new NeedsTransactionError(String(property));
          this.wroteElsewhere = true;
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
