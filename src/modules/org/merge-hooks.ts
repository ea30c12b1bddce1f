import type { Executor } from '../../db/client';

/**
 * What other modules do when units are merged (a unit gets a successor and its validity ends): the plans module
 * moves the tasks of a merged unit to its successor (issue 14). Org knows nothing of them: a module registers its
 * handler (once, at start-up), and org runs every handler in the transaction that changed the units, so that the
 * move is written, or not, with the change itself. A handler is idempotent: it looks at every merged unit.
 */
export type UnitMergeHandler = (tx: Executor, context: { actorId: string | null }) => Promise<unknown>;

const handlers = new Set<UnitMergeHandler>();

export function registerUnitMergeHandler(handler: UnitMergeHandler): void {
  handlers.add(handler);
}

/** Runs the handlers after units were changed (the admin form, the units import). */
export async function runUnitMergeHandlers(tx: Executor, context: { actorId: string | null }): Promise<void> {
  for (const handler of handlers) await handler(tx, context);
}
