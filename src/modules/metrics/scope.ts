import type { MetricsPeriodQuery } from '../../contract/metrics';
import { forbidden, notFound } from '../../core/errors';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { findUnitsByCodes, listSubtreeUnits } from '../org';
import { canReadMetrics } from './policy';

export type MetricsScope = {
  unit: { id: string; code: string; name: string };
  unitIds: string[];
  unitCodes: string[];
};

/** The unit of a query (by code) and its subtree, once the actor may read its figures (404 unknown, 403 not allowed). */
export async function resolveScope(
  executor: Executor,
  actor: Actor | null,
  query: Pick<MetricsPeriodQuery, 'unit'>,
): Promise<MetricsScope> {
  const [unit] = await findUnitsByCodes(executor, [query.unit]);
  if (!unit) throw notFound('đơn vị');
  if (!canReadMetrics(actor, unit.path)) throw forbidden('Bạn không có quyền xem chỉ số và báo cáo của đơn vị này.');
  const subtree = await listSubtreeUnits(executor, unit.id);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    unitIds: subtree.map((row) => row.id),
    unitCodes: subtree.map((row) => row.code),
  };
}
