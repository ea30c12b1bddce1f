import { and, count, desc, eq, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ProposalAction, ProposalStatus } from '../../contract/enums';
import { proposalStatusLabels } from '../../contract/labels';
import { MAX_PROPOSAL_ITEMS, type ProposalItemInput, type ProposalSigning } from '../../contract/reform-proposals';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors';
import { escapeLikePattern, normalizeText } from '../../core/text';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { reformProposalItems, reformProposals } from '../../db/schema/reform';
import { recordAuditEvent } from '../audit';
import type { Actor } from '../auth';
import { findDecisionByNumber, hasProcedure } from '../catalog';
import { getUnitById, listSubtreeUnitIds } from '../org';
import { loadDeadlineCalendar } from './deadlines';
import { assertCanOnProposal, can, draftReadScope } from './policy';
import { proposalTransitions } from './proposal-rules';
import { loadCentralDecider, saveSigningChoice } from './proposal-signing';
import { buildProposalView, type ProposalRow, toProposalSummary } from './proposal-view';

async function loadProposal(executor: Executor, id: string, forUpdate = false) {
  const query = executor.select().from(reformProposals).where(eq(reformProposals.id, id));
  const [proposal] = forUpdate ? await query.for('update') : await query;
  if (!proposal) throw notFound('phương án');
  return { proposal, unit: await getUnitById(executor, proposal.unitId) };
}

export async function getProposal(db: Database, actor: Actor | null, id: string) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const { proposal, unit } = await loadProposal(db, id);
  assertCanOnProposal(actor, 'proposal.read', { unitPath: unit.path, status: proposal.status });
  return buildProposalView(db, actor, proposal, unit);
}

export async function listProposals(db: Database, actor: Actor | null, query: { unit?: string; year?: number; status?: ProposalStatus }) {
  if (!can(actor, 'reform.read')) throw forbidden();
  const conditions: SQL[] = [];
  if (query.unit) conditions.push(inArray(reformProposals.unitId, await listSubtreeUnitIds(db, query.unit)));
  if (query.year) conditions.push(eq(reformProposals.year, query.year));
  if (query.status) conditions.push(eq(reformProposals.status, query.status));
  const readableDrafts = draftReadScope(actor);
  if (readableDrafts !== 'all') {
    // Other units' drafts are filtered out here, not hidden later: they never leave the database.
    const inScope = readableDrafts.map((path) => like(units.path, `${escapeLikePattern(path)}%`));
    conditions.push(or(ne(reformProposals.status, 'draft'), ...inScope)!);
  }
  const rows = await db
    .select({ proposal: reformProposals, unit: units, itemCount: count(reformProposalItems.id) })
    .from(reformProposals)
    .innerJoin(units, eq(units.id, reformProposals.unitId))
    .leftJoin(reformProposalItems, eq(reformProposalItems.proposalId, reformProposals.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(reformProposals.id, units.id)
    .orderBy(desc(reformProposals.year), reformProposals.title);
  const deadlinesOf = await loadDeadlineCalendar(db);
  const items = rows.map((row) => toProposalSummary(row.proposal, row.unit, row.itemCount, deadlinesOf(row.proposal.year)));
  return { items };
}

export async function createProposal(db: Database, actor: Actor | null, input: { unitId: string; year: number; title: string }) {
  const unit = await getUnitById(db, input.unitId);
  assertCanOnProposal(actor, 'proposal.create', { unitPath: unit.path, status: 'draft' });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reformProposals)
      .values({ unitId: unit.id, year: input.year, title: normalizeText(input.title), createdBy: actor!.userId })
      .returning();
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'proposal.create',
      entityType: 'reform_proposal',
      entityId: row!.id,
      data: { title: row!.title },
    });
    return row!.id;
  });
  return getProposal(db, actor, id);
}

/** Runs `change` on a draft the actor may edit, with the optimistic version checked and bumped. */
async function editDraft(
  db: Database,
  actor: Actor | null,
  id: string,
  version: number,
  change: (tx: Executor, proposal: ProposalRow) => Promise<Record<string, unknown>>,
) {
  await db.transaction(async (tx) => {
    const { proposal, unit } = await loadProposal(tx, id, true);
    assertCanOnProposal(actor, 'proposal.edit', { unitPath: unit.path, status: proposal.status });
    if (proposal.version !== version) throw conflict();
    if (proposal.status !== 'draft') {
      throw new AppError('validation_failed', 'Chỉ sửa được phương án ở trạng thái dự thảo.', [
        { path: 'status', message: `Phương án đang ở trạng thái "${proposalStatusLabels[proposal.status]}".` },
      ]);
    }
    const audit = await change(tx, proposal);
    await tx
      .update(reformProposals)
      .set({ version: version + 1, updatedAt: new Date() })
      .where(eq(reformProposals.id, id));
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: 'proposal.edit',
      entityType: 'reform_proposal',
      entityId: id,
      data: audit,
    });
  });
  return getProposal(db, actor, id);
}

export function renameProposal(db: Database, actor: Actor | null, id: string, input: { title: string; version: number }) {
  return editDraft(db, actor, id, input.version, async (tx) => {
    await tx
      .update(reformProposals)
      .set({ title: normalizeText(input.title) })
      .where(eq(reformProposals.id, id));
    return { title: input.title };
  });
}

export function putProposalItem(db: Database, actor: Actor | null, id: string, code: string, input: ProposalItemInput) {
  const { version, ...values } = input;
  return editDraft(db, actor, id, version, async (tx) => {
    if (!(await hasProcedure(tx, code))) throw invalid([{ path: 'code', message: `Không có thủ tục mã ${code}.` }]);
    const [last] = await tx
      .select({
        position: sql<number>`coalesce(max(${reformProposalItems.position}), 0)::int`,
        others: sql<number>`(count(*) filter (where ${reformProposalItems.procedureCode} <> ${code}))::int`,
      })
      .from(reformProposalItems)
      .where(eq(reformProposalItems.proposalId, id));
    if ((last?.others ?? 0) >= MAX_PROPOSAL_ITEMS) {
      const message = `Một phương án có tối đa ${MAX_PROPOSAL_ITEMS} thủ tục. Hãy lập thêm phương án cho các thủ tục còn lại.`;
      throw invalid([{ path: 'code', message }], message);
    }
    await tx
      .insert(reformProposalItems)
      .values({ proposalId: id, procedureCode: code, position: (last?.position ?? 0) + 1, ...values })
      .onConflictDoUpdate({ target: [reformProposalItems.proposalId, reformProposalItems.procedureCode], set: values });
    return { note: `Cập nhật thủ tục ${code}`, item: { code, ...values } };
  });
}

export function deleteProposalItem(db: Database, actor: Actor | null, id: string, code: string, version: number) {
  return editDraft(db, actor, id, version, async (tx) => {
    const deleted = await tx
      .delete(reformProposalItems)
      .where(and(eq(reformProposalItems.proposalId, id), eq(reformProposalItems.procedureCode, code)))
      .returning();
    if (deleted.length === 0) throw notFound(`thủ tục ${code} trong phương án`);
    return { note: `Bỏ thủ tục ${code}` };
  });
}

export type ActionInput = {
  action: ProposalAction;
  version: number;
  reason?: string;
  approvalReference?: string;
  decisionNumber?: string;
  signing?: ProposalSigning;
  centralDecision?: { number: string; date: string; issuerName: string; outcome: 'approved' | 'rejected' };
};

export async function actOnProposal(db: Database, actor: Actor | null, id: string, input: ActionInput) {
  const transition = proposalTransitions[input.action];
  await db.transaction(async (tx) => {
    const { proposal, unit } = await loadProposal(tx, id, true);
    const decidedBy = await loadCentralDecider(tx, unit.id);
    assertCanOnProposal(actor, `proposal.${input.action}`, { unitPath: unit.path, status: proposal.status, decidedBy });
    if (proposal.version !== input.version) throw conflict();
    if (input.signing && input.action !== 'submit') {
      throw invalid([{ path: 'signing', message: 'Hình thức ký chỉ chọn khi trình phương án.' }]);
    }
    if (input.centralDecision && input.action !== 'record_central_decision') {
      throw invalid([
        { path: 'centralDecision', message: 'Quyết định của bộ, ngành chỉ ghi bằng thao tác "Ghi quyết định của bộ, ngành".' },
      ]);
    }
    if (!transition.from.includes(proposal.status)) {
      const label = proposalStatusLabels[proposal.status];
      throw new AppError('validation_failed', `Không thể thực hiện thao tác này khi phương án đang ở trạng thái "${label}".`, [
        { path: 'action', message: `Thao tác không áp dụng cho phương án "${label}".` },
      ]);
    }
    const changes = await transitionChanges(tx, input, proposal);
    if (input.action === 'submit') {
      const [items] = await tx.select({ value: count() }).from(reformProposalItems).where(eq(reformProposalItems.proposalId, id));
      if (!items?.value) throw invalid([{ path: 'items', message: 'Phương án chưa có thủ tục nào.' }]);
      await saveSigningChoice(tx, id, input.signing);
    }
    // The ministry's decision takes the proposal where its outcome says.
    const to = input.action === 'record_central_decision' && input.centralDecision?.outcome === 'rejected' ? 'rejected' : transition.to;
    await tx
      .update(reformProposals)
      .set({ ...changes, status: to, version: proposal.version + 1, updatedAt: new Date() })
      .where(eq(reformProposals.id, id));
    const central = input.centralDecision;
    const note =
      input.reason ??
      input.approvalReference ??
      input.decisionNumber ??
      (central ? `${central.number} (${central.issuerName}, ${formatVietnameseDate(central.date)})` : null);
    await recordAuditEvent(tx, {
      actorId: actor!.userId,
      action: `proposal.${input.action}`,
      entityType: 'reform_proposal',
      entityId: id,
      data: { from: proposal.status, to, note, ...(input.signing ? { signing: input.signing } : {}) },
    });
  });
  return getProposal(db, actor, id);
}

async function transitionChanges(tx: Executor, input: ActionInput, proposal: ProposalRow): Promise<Partial<ProposalRow>> {
  const now = new Date();
  switch (input.action) {
    case 'submit':
      return { submittedAt: now };
    case 'reopen':
      return { submittedAt: null };
    case 'consolidate':
      return { consolidatedAt: now };
    case 'approve':
      if (!input.approvalReference)
        throw invalid([{ path: 'approvalReference', message: 'Nhập số quyết định phê duyệt của Chủ tịch UBND tỉnh.' }]);
      return { decidedAt: now, approvalReference: input.approvalReference };
    case 'reject':
      if (!input.reason) throw invalid([{ path: 'reason', message: 'Nêu lý do từ chối.' }]);
      return { decidedAt: now, rejectionReason: input.reason };
    case 'record_central_decision': {
      const central = input.centralDecision;
      if (!central) throw invalid([{ path: 'centralDecision', message: 'Nhập quyết định của bộ, ngành về phương án.' }]);
      if (central.date > vietnamDate())
        throw invalid([{ path: 'centralDecision.date', message: 'Ngày quyết định không được sau hôm nay.' }]);
      return {
        decidedAt: now,
        centralDecisionNumber: central.number,
        centralDecisionDate: central.date,
        centralDecisionIssuer: central.issuerName,
      };
    }
    case 'implement': {
      if (!input.decisionNumber) throw invalid([{ path: 'decisionNumber', message: 'Nhập số quyết định công bố đã thực thi phương án.' }]);
      const decision = await findDecisionByNumber(tx, input.decisionNumber);
      if (!decision)
        throw invalid([{ path: 'decisionNumber', message: `Không có quyết định công bố số ${input.decisionNumber} trong hệ thống.` }]);
      if (decision.issuedOn < `${proposal.year}-01-01`)
        throw invalid([{ path: 'decisionNumber', message: 'Quyết định công bố ban hành trước năm của phương án.' }]);
      return { implementedDecisionId: decision.id };
    }
  }
}
