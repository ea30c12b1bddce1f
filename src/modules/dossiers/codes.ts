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
  const [row] = await tx
    .insert(dossierCodeSequences)
    .values({ unitId: unit.id, day, lastValue: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeSequences.unitId, dossierCodeSequences.day],
      set: { lastValue: sql`${dossierCodeSequences.lastValue} + 1` },
    })
    .returning({ value: dossierCodeSequences.lastValue });
  return formatDossierCode(unit.code, day, row!.value);
}

export function formatDossierCode(unitCode: string, day: string, value: number): string {
  return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(value).padStart(4, '0')}`;
}
