import type { ProcessStep } from '../../contract/catalog';
import type { ProcessRole, TimeUnit } from '../../contract/enums';
import type { WorkCalendar } from '../../core/calendar';
import { stepDueAt } from '../../core/dossiers/timing';
import { invalid } from '../../core/errors';
import type { Executor } from '../../db/client';
import { dossierSteps } from '../../db/schema/dossiers';
import { findUnitsByCodes } from '../org';

/*
 * The dossier's internal process (docs/api/dossiers.md "Steps"): the approved process of the procedure, else the
 * version's process template, else the default process. A step's unit is its `unitCode`, or the handling unit (the
 * receiving desk for desk-officer steps).
 */

export type StepPlan = {
  stepNo: number;
  name: string;
  role: ProcessRole;
  unitId: string;
  budgetAmount: number;
  budgetUnit: TimeUnit;
};

type UnitLike = { id: string; code: string };

/** The unit codes a template names (its steps' `unitCode`s), each once. */
export function stepUnitCodes(template: readonly ProcessStep[]): string[] {
  return [...new Set(template.flatMap((step) => (step.unitCode ? [step.unitCode] : [])))];
}

/** The steps of a dossier from a template (ordered by `order`), their units resolved. */
export async function buildDossierSteps(
  executor: Executor,
  template: readonly ProcessStep[],
  units: { handling: UnitLike; receiving: UnitLike | null },
): Promise<StepPlan[]> {
  const codes = stepUnitCodes(template);
  return planSteps(template, units, new Map((await findUnitsByCodes(executor, codes)).map((unit) => [unit.code, unit])));
}

/** Pure: the steps of a template, the units it names looked up in `byCode` (a unit missing there is an error). */
export function planSteps(
  template: readonly ProcessStep[],
  units: { handling: UnitLike; receiving: UnitLike | null },
  byCode: ReadonlyMap<string, UnitLike>,
): StepPlan[] {
  const ordered = [...template].sort((a, b) => a.order - b.order);
  return ordered.map((step, index) => {
    const unit = step.unitCode
      ? byCode.get(step.unitCode)
      : step.role === 'desk_officer'
        ? (units.receiving ?? units.handling)
        : units.handling;
    if (!unit) {
      throw invalid([
        { path: `processTemplate.${index}.unitCode`, message: `Quy trình nội bộ nêu đơn vị mã ${step.unitCode} không có trong hệ thống.` },
      ]);
    }
    return {
      stepNo: index + 1,
      name: step.name,
      role: step.role,
      unitId: unit.id,
      budgetAmount: step.budget.amount,
      budgetUnit: step.budget.unit,
    };
  });
}

type AcceptedSteps = {
  rows: (typeof dossierSteps.$inferInsert)[];
  currentStepNo: number | null;
  deskStepTiming: 'early' | 'on_time' | 'late' | null;
};

/**
 * The steps of an accepted dossier: the desk's first step (when the process starts with one) is done at the
 * acceptance, by the officer who accepted; the next step is active from then. Pure: the intake writes them with
 * the dossier, the acceptance of an online dossier through `writeAcceptedSteps`.
 */
export function acceptedStepRows(
  calendar: WorkCalendar,
  input: { dossierId: string; plan: StepPlan[]; acceptedAt: Date; actorId: string | null },
): AcceptedSteps {
  const { plan, acceptedAt } = input;
  if (plan.length === 0) return { rows: [], currentStepNo: null, deskStepTiming: null };
  const firstIsDesk = plan[0]!.role === 'desk_officer';
  const activeIndex = firstIsDesk && plan.length > 1 ? 1 : 0;
  let deskStepTiming: 'early' | 'on_time' | 'late' | null = null;
  const rows = plan.map((step, index) => {
    const base = { ...step, dossierId: input.dossierId };
    if (firstIsDesk && index === 0 && plan.length > 1) {
      const dueAt = stepDueAt(calendar, acceptedAt, { amount: step.budgetAmount, unit: step.budgetUnit });
      deskStepTiming = calendar.classifyCompletion(acceptedAt, dueAt);
      return {
        ...base,
        status: 'done' as const,
        startedAt: acceptedAt,
        dueAt,
        completedAt: acceptedAt,
        completedBy: input.actorId,
        timing: deskStepTiming,
      };
    }
    if (index === activeIndex) {
      return {
        ...base,
        status: 'active' as const,
        startedAt: acceptedAt,
        dueAt: stepDueAt(calendar, acceptedAt, { amount: step.budgetAmount, unit: step.budgetUnit }),
      };
    }
    return { ...base, status: 'pending' as const };
  });
  return { rows, currentStepNo: plan[activeIndex]!.stepNo, deskStepTiming };
}

/** Writes the steps of an accepted dossier (`acceptedStepRows`); returns the active step's number. */
export async function writeAcceptedSteps(
  tx: Executor,
  calendar: WorkCalendar,
  input: { dossierId: string; plan: StepPlan[]; acceptedAt: Date; actorId: string | null },
): Promise<{ currentStepNo: number | null; deskStepTiming: 'early' | 'on_time' | 'late' | null }> {
  const { rows, currentStepNo, deskStepTiming } = acceptedStepRows(calendar, input);
  if (rows.length) await tx.insert(dossierSteps).values(rows);
  return { currentStepNo, deskStepTiming };
}
