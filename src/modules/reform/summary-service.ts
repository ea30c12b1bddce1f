import { eq, inArray } from 'drizzle-orm';
import { type ReformIndicator, reformIndicators } from '../../contract/enums';
import { forbidden } from '../../core/errors';
import type { ReductionMethod } from '../../core/reform/cost';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { businessConditions, businessReportingRegimes, reformTargets } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { componentReuseOf } from '../catalog';
import { getRootUnit, getUnitById, listSubtreeUnits } from '../org';
import { getCostMethodView } from './cost-method';
import { readFullOnlineEligibility } from './eligibility';
import { loadReformRows, type ReformRow } from './figures';
import { computeIndicator, type IndicatorInput, type Target } from './indicators';
import { can } from './policy';

type UnitRow = Awaited<ReturnType<typeof getUnitById>>;

async function loadTargets(db: Database, year: number): Promise<Map<ReformIndicator, Target>> {
  const rows = await db.select().from(reformTargets).where(eq(reformTargets.year, year));
  return new Map(rows.map((row) => [row.indicator, { target: row.target, source: row.source }]));
}

/** Everything the indicators of one unit subtree are computed from. */
async function loadIndicatorInput(db: Database, unit: UnitRow, year: number, method: ReductionMethod) {
  const subtree = await listSubtreeUnits(db, unit.id);
  const ids = subtree.map((row) => row.id);
  const nameByCode = new Map(subtree.map((row) => [row.code, row.name]));
  const nameById = new Map(subtree.map((row) => [row.id, row.name]));
  const today = vietnamDate();
  const [rows, conditions, regimes, targets] = await Promise.all([
    loadReformRows(db, { unitCodes: subtree.map((row) => row.code) }, today),
    db.select().from(businessConditions).where(inArray(businessConditions.unitId, ids)),
    db.select().from(businessReportingRegimes).where(inArray(businessReportingRegimes.unitId, ids)),
    loadTargets(db, year),
  ]);
  const codes = rows.map((row) => row.code);
  const [fullOnlineEligible, reuseByVersion] = await Promise.all([
    readFullOnlineEligibility(db, today, codes),
    componentReuseOf(
      db,
      rows.map((row) => row.current.versionId),
    ),
  ]);
  const input: IndicatorInput = {
    rows,
    fullOnlineEligible,
    componentReuse: new Map(
      rows.flatMap((row) => {
        const reuse = reuseByVersion.get(row.current.versionId);
        return reuse ? [[row.code, reuse] as const] : [];
      }),
    ),
    conditions: conditions.map((row) => ({
      id: row.id,
      unitId: row.unitId,
      text: row.text,
      field: row.field,
      unitName: nameById.get(row.unitId) ?? '',
      assessment: row.assessment,
      status: row.status,
      sourceLevel: row.sourceLevel,
      abolishedByText: row.abolishedByText,
      isOutsideConditionalList: row.isOutsideConditionalList,
    })),
    regimes: regimes.map((row) => ({
      id: row.id,
      unitId: row.unitId,
      name: row.name,
      unitName: nameById.get(row.unitId) ?? '',
      isElectronic: row.isElectronic,
    })),
    targets,
    method,
    unitNameOf: (row: ReformRow) =>
      row.handlingUnitCodes
        .map((code) => nameByCode.get(code))
        .filter(Boolean)
        .slice(0, 2)
        .join(', '),
  };
  const hasDemoData =
    conditions.some((row) => row.isDemo) ||
    regimes.some((row) => row.isDemo) ||
    rows.some((row) => row.current.worksheet?.subjectsSource === 'demo' || row.baseline?.worksheet?.subjectsSource === 'demo');
  return { input, subtree, hasDemoData };
}

export async function getReformSummary(db: Database, actor: Actor | null, query: { unit?: string; year: number; method: ReductionMethod }) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const unit = query.unit ? await getUnitById(db, query.unit) : await getRootUnit(db);
  const { input, subtree, hasDemoData } = await loadIndicatorInput(db, unit, query.year, query.method);
  const indicators = reformIndicators.map((key) => computeIndicator(key, input).indicator);
  const scopeCount = (scope: ReformRow['scope']) => input.rows.filter((row) => row.scope === scope).length;
  const children = subtree
    .filter((row) => row.parentId === unit.id && !row.validTo)
    .map((child) => childRow(child, subtree, input))
    .filter((row) => row.procedures > 0)
    .sort((a, b) => b.indicatorsBehind - a.indicatorsBehind || (a.timeReduction ?? -1) - (b.timeReduction ?? -1));
  return {
    unit: { id: unit.id, name: unit.name, type: unit.type },
    year: query.year,
    method: query.method,
    hasDemoData,
    indicators,
    children,
    scopes: { province: scopeCount('province'), vertical: scopeCount('vertical'), internal: scopeCount('internal') },
    costMethod: await getCostMethodView(db),
  };
}

/** One direct child unit (e.g. a department) with the figures of its own subtree. */
function childRow(child: UnitRow, subtree: UnitRow[], input: IndicatorInput) {
  const members = subtree.filter((row) => row.path.startsWith(child.path));
  const codes = new Set(members.map((row) => row.code));
  const ids = new Set(members.map((row) => row.id));
  const childInput: IndicatorInput = {
    ...input,
    rows: input.rows.filter((row) => row.handlingUnitCodes.some((code) => codes.has(code))),
    conditions: input.conditions.filter((condition) => ids.has(condition.unitId)),
    regimes: input.regimes.filter((regime) => ids.has(regime.unitId)),
  };
  const indicators = reformIndicators.map((key) => computeIndicator(key, childInput).indicator);
  const indicatorValue = (key: ReformIndicator) => indicators.find((indicator) => indicator.key === key)?.value ?? null;
  return {
    unitId: child.id,
    unitName: child.name,
    unitType: child.type,
    procedures: childInput.rows.length,
    timeReduction: indicatorValue('time_reduction'),
    costReduction: indicatorValue('cost_reduction'),
    indicatorsBehind: indicators.filter((indicator) => indicator.status === 'behind').length,
  };
}

export async function drillReformIndicator(
  db: Database,
  actor: Actor | null,
  query: { unit?: string; year: number; method: ReductionMethod; indicator: ReformIndicator },
) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const unit = query.unit ? await getUnitById(db, query.unit) : await getRootUnit(db);
  const { input } = await loadIndicatorInput(db, unit, query.year, query.method);
  const { indicator, items } = computeIndicator(query.indicator, input);
  return { indicator, items };
}

export async function listTargets(db: Database) {
  const rows = await db.select().from(reformTargets).orderBy(reformTargets.year, reformTargets.indicator);
  return { items: rows.map(({ year, indicator, target, source }) => ({ year, indicator, target, source })) };
}

export async function setTarget(
  db: Database,
  actor: Actor | null,
  year: number,
  indicator: ReformIndicator,
  input: { target: number; source: string },
) {
  if (!can(actor, 'reform.configure')) throw forbidden();
  await db.transaction(async (tx) => {
    await tx
      .insert(reformTargets)
      .values({ year, indicator, ...input })
      .onConflictDoUpdate({ target: [reformTargets.year, reformTargets.indicator], set: input });
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'reform.target',
      entityType: 'reform_target',
      entityId: `${year}:${indicator}`,
      data: input,
    });
  });
  return listTargets(db);
}
