import { and, asc, desc, eq } from 'drizzle-orm';
import type { YearDeadlines } from '../../contract/reform-proposals';
import { aggregateReduction, computeComplianceCost, processingHours, reductionRatio } from '../../core/reform/cost';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../db/schema/audit';
import { userRoles, users } from '../../db/schema/auth';
import type { units } from '../../db/schema/org';
import { reformProposalItems, type reformProposals } from '../../db/schema/reform';
import type { Actor } from '../auth';
import { findDecisionById } from '../catalog';
import { getYearDeadlines } from './deadlines';
import { BASELINE_YEAR, incomeRateFor, loadIncomeRates, loadReformRows, type ReformRow } from './figures';
import { proposalAbilities } from './policy';
import { isApprovalOverdue, isProposalOverdue } from './proposal-rules';
import { loadCentralDecider, loadSigningChoice } from './proposal-signing';

export type ProposalRow = typeof reformProposals.$inferSelect;
export type ProposalItemRow = typeof reformProposalItems.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export function toProposalSummary(row: ProposalRow, unit: UnitRow, itemCount: number, deadlines: YearDeadlines, today = vietnamDate()) {
  return {
    id: row.id,
    unit: { id: unit.id, name: unit.name },
    year: row.year,
    title: row.title,
    status: row.status,
    itemCount,
    isOverdue: isProposalOverdue(row.status, deadlines.submissionDeadline, today),
    deadline: deadlines.submissionDeadline,
    approvalDeadline: deadlines.approvalDeadline,
    isApprovalOverdue: isApprovalOverdue(row.status, deadlines.approvalDeadline, today),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    isDemo: row.isDemo,
  };
}

/**
 * Before = the procedure's 2024 baseline (time, worksheet); after = the proposed figures, costed with the same
 * hourly income and the same dossier volume as the baseline so that only the proposal's own changes show.
 */
export function itemFigures(item: ProposalItemRow, row: ReformRow | undefined, rates: Awaited<ReturnType<typeof loadIncomeRates>>) {
  const baselineWorksheet = row?.baseline?.worksheet ?? row?.current.worksheet ?? null;
  // The baseline worksheet is costed at the baseline year's income (figures.ts): the proposal is costed alike.
  const hourlyIncome = baselineWorksheet?.hourlyIncomeVnd ?? incomeRateFor(rates, BASELINE_YEAR)?.hourlyIncomeVnd ?? 0;
  const isAbolished = item.measures.includes('abolish');
  const proposedCost = computeComplianceCost({
    hourlyIncome,
    activities: isAbolished ? [] : item.proposed.activities,
    fees: isAbolished ? 0 : item.proposed.feesVnd,
    otherCosts: isAbolished ? 0 : item.proposed.otherCostsVnd,
    timesPerYear: baselineWorksheet?.timesPerYear ?? 1,
    subjectsPerYear: baselineWorksheet?.subjectsPerYear ?? 1,
  });
  const proposedHours = isAbolished ? 0 : processingHours(item.proposed.timeAmount, item.proposed.timeUnit);
  const baseline = row?.baseline
    ? {
        timeAmount: row.baseline.processingTime.amount,
        timeUnit: row.baseline.processingTime.unit,
        hours: row.baseline.hours,
        costPerDossier: row.baseline.worksheet?.result.costPerDossier ?? null,
        annualCost: row.baseline.worksheet?.result.annualCost ?? null,
      }
    : null;
  return {
    id: item.id,
    procedureCode: item.procedureCode,
    procedureName: row?.name ?? item.procedureCode,
    field: row?.field ?? '',
    measures: item.measures,
    baseline,
    proposed: { ...item.proposed, hours: proposedHours, costPerDossier: proposedCost.costPerDossier, annualCost: proposedCost.annualCost },
    timeReduction: reductionRatio(baseline?.hours ?? null, proposedHours),
    costReduction: reductionRatio(baseline?.annualCost ?? null, proposedCost.annualCost),
    legalText: item.legalText,
    reason: item.reason,
  };
}

export type ProposalItemView = ReturnType<typeof itemFigures>;

export async function buildProposalView(executor: Executor, actor: Actor | null, proposal: ProposalRow, unit: UnitRow) {
  const items = await executor
    .select()
    .from(reformProposalItems)
    .where(eq(reformProposalItems.proposalId, proposal.id))
    .orderBy(asc(reformProposalItems.position));
  // In turn, not at once: the executor may be a transaction's client (one query at a time).
  const rows = await loadReformRows(executor, { codes: items.map((item) => item.procedureCode) }, vietnamDate());
  const rates = await loadIncomeRates(executor);
  const deadlines = await getYearDeadlines(executor, proposal.year);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const itemViews = items.map((item) => itemFigures(item, byCode.get(item.procedureCode), rates));
  const decidedBy = await loadCentralDecider(executor, unit.id);
  const signing = proposal.status === 'draft' ? null : await loadSigningChoice(executor, proposal.id);
  const abilities = proposalAbilities(actor, { unitPath: unit.path, status: proposal.status, decidedBy });
  const events = await executor
    .select({ at: auditEvents.occurredAt, actorName: users.fullName, action: auditEvents.action, data: auditEvents.data })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, 'reform_proposal'), eq(auditEvents.entityId, proposal.id)))
    .orderBy(asc(auditEvents.id));
  const decision = proposal.implementedDecisionId ? await findDecisionById(executor, proposal.implementedDecisionId) : undefined;
  return {
    ...toProposalSummary(proposal, unit, items.length, deadlines),
    version: proposal.version,
    approvalReference: proposal.approvalReference,
    rejectionReason: proposal.rejectionReason,
    centralDecision:
      proposal.centralDecisionNumber && proposal.centralDecisionDate
        ? {
            number: proposal.centralDecisionNumber,
            date: proposal.centralDecisionDate,
            issuerName: proposal.centralDecisionIssuer ?? '',
            outcome: proposal.status === 'rejected' ? ('rejected' as const) : ('approved' as const),
          }
        : null,
    implementedDecision: decision ? { number: decision.number, date: decision.issuedOn } : null,
    items: itemViews,
    totals: proposalTotals(itemViews),
    allowedActions: abilities.allowedActions,
    canEdit: abilities.canEdit,
    signing,
    decidedBy,
    events: events.map((event) => ({
      at: event.at.toISOString(),
      actorName: event.actorName ?? '',
      action: event.action,
      note: (event.data?.note as string | undefined) ?? null,
    })),
  };
}

export function proposalTotals(items: ProposalItemView[]) {
  const time = aggregateReduction(
    items.map((item) => ({ baseline: item.baseline?.hours ?? null, current: item.proposed.hours, weight: 1 })),
    'unweighted',
  );
  const cost = aggregateReduction(
    items.map((item) => ({ baseline: item.baseline?.annualCost ?? null, current: item.proposed.annualCost, weight: 1 })),
    'unweighted',
  );
  return {
    timeReduction: time.ratio,
    costReduction: cost.ratio,
    annualCostBefore: cost.baselineTotal,
    annualCostAfter: cost.currentTotal,
    procedures: items.length,
    withoutBaseline: items.filter((item) => item.baseline === null).length,
  };
}

/**
 * The name to print under the signature of a submitted proposal: the account that last submitted it, when that account
 * is a leader of the proposing unit (a specialist's name must not stand under the head's title); otherwise null.
 */
export async function findSubmittingLeaderName(executor: Executor, proposalId: string, unitId: string): Promise<string | null> {
  const [submission] = await executor
    .select({ actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, 'reform_proposal'), eq(auditEvents.entityId, proposalId), eq(auditEvents.action, 'proposal.submit')),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!submission?.actorId) return null;
  const [leader] = await executor
    .select({ fullName: users.fullName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.userId, submission.actorId), eq(userRoles.role, 'unit_leader'), eq(userRoles.unitId, unitId)));
  return leader?.fullName ?? null;
}
