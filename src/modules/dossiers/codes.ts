import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { dossierCodeSequences } from '../../db/schema/dossiers';

/**
 * The next dossier code of `unit` for the Vietnam day of `at`: `<unit code>-YYMMDD-XXXX`. The counter row is
 * incremented in the caller's transaction (INSERT … ON CONFLICT DO UPDATE … RETURNING): the row stays locked until
 * that transaction ends, so concurrent intakes for the unit wait their turn, and a crash rolls the number back with
 * the dossier it was for — a code is never given to two dossiers (the unique index on dossiers.code is the last guard).
 */
export async function nextDossierCode(tx: Executor, unit: { id: string; code: string }, at: Date): Promise<string> {
  const day = vietnamDate(at);
  const [row] = await counterBump(tx, unit.id, day).returning({ value: dossierCodeSequences.lastValue });
  return formatDossierCode(unit.code, day, row!.value);
}

/**
 * What a new dossier is named by, in ONE statement: its code (`nextDossierCode`'s counter, same lock) and the id its
 * first event will have (the messages carry it).
 */
export async function reserveDossierCode(
  tx: Executor,
  unit: { id: string; code: string },
  at: Date,
): Promise<{ code: string; eventId: number }> {
  const day = vietnamDate(at);
  const bump = counterBump(tx, unit.id, day).returning();
  const result = await tx.execute(
    sql`with c as (${bump.getSQL()}) select c.last_value as value, nextval(pg_get_serial_sequence('dossier_events', 'id')) as event_id from c`,
  );
  const [row] = (result as unknown as { rows: { value: number | string; event_id: number | string }[] }).rows;
  return { code: formatDossierCode(unit.code, day, Number(row!.value)), eventId: Number(row!.event_id) };
}

/** INSERT … ON CONFLICT DO UPDATE of the unit's counter for the day: the row stays locked until the transaction ends. */
const counterBump = (tx: Executor, unitId: string, day: string) =>
  tx
    .insert(dossierCodeSequences)
    .values({ unitId, day, lastValue: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeSequences.unitId, dossierCodeSequences.day],
      set: { lastValue: sql`${dossierCodeSequences.lastValue} + 1` },
    });

export function formatDossierCode(unitCode: string, day: string, value: number): string {
  return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(value).padStart(4, '0')}`;
}
