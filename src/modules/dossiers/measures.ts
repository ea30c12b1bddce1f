import { and, count, eq, gte, inArray, isNotNull, lt, lte } from 'drizzle-orm';
import { processingWorkingMinutes } from '../../core/dossiers/timing';
import type { Executor } from '../../db/client';
import { dossierPauses, dossiers } from '../../db/schema/dossiers';
import { getWorkCalendar } from '../calendar';

/*
 * Real figures for the reform worksheets (issue 12 "Processing"): subjects per year and the median processing time
 * measured on the dossiers themselves.
 */

/** Dossiers of the procedure received (accepted) in the 12 months up to `asOf`. */
export async function measuredSubjectsPerYear(executor: Executor, procedureCode: string, asOf: Date): Promise<number> {
  const from = new Date(asOf);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const [row] = await executor
    .select({ n: count() })
    .from(dossiers)
    .where(and(eq(dossiers.procedureCode, procedureCode), gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, asOf)));
  return row?.n ?? 0;
}

/**
 * The median working time from receipt to result of the procedure's dossiers resolved in [from, to], paused time
 * excluded, in working minutes; null when none was resolved.
 */
export async function measuredMedianProcessingTime(
  executor: Executor,
  procedureCode: string,
  from: Date,
  to: Date,
): Promise<number | null> {
  const rows = await executor
    .select({ id: dossiers.id, receivedAt: dossiers.receivedAt, resolvedAt: dossiers.resolvedAt })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.procedureCode, procedureCode),
        isNotNull(dossiers.receivedAt),
        gte(dossiers.resolvedAt, from),
        lte(dossiers.resolvedAt, to),
      ),
    );
  if (rows.length === 0) return null;
  const calendar = await getWorkCalendar(executor);
  const pauses = await executor
    .select()
    .from(dossierPauses)
    .where(
      inArray(
        dossierPauses.dossierId,
        rows.map((row) => row.id),
      ),
    );
  const minutes = rows
    .map((row) =>
      processingWorkingMinutes(
        calendar,
        row.receivedAt!,
        row.resolvedAt!,
        pauses.filter((pause) => pause.dossierId === row.id),
      ),
    )
    .sort((a, b) => a - b);
  const middle = Math.floor(minutes.length / 2);
  return minutes.length % 2 ? minutes[middle]! : (minutes[middle - 1]! + minutes[middle]!) / 2;
}
