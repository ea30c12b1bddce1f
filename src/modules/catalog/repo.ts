import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Decision, ProcedureContent } from '../../contract/catalog';
import type { DecisionType } from '../../contract/enums';
import { chunksOf } from '../../core/chunks';
import type { Executor } from '../../db/client';
import { procedures, procedureVersions, publicationDecisionItems, publicationDecisions } from '../../db/schema/catalog';
import { inForceOn } from './read';

export type VersionRow = typeof procedureVersions.$inferSelect;
export type DecisionRow = typeof publicationDecisions.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type ItemRow = typeof publicationDecisionItems.$inferSelect;

/** Columns kept outside the JSON document because lists, filters and search use them. */
const columnKeys = [
  'name',
  'field',
  'levels',
  'handlingUnitCodes',
  'receivingUnitCodes',
  'onlineLevel',
  'locationIndependent',
  'postalEligible',
  'businessRelated',
  'internalGroup',
] as const;

export function splitContent(content: ProcedureContent) {
  const columns = Object.fromEntries(columnKeys.map((key) => [key, content[key]])) as Pick<ProcedureContent, (typeof columnKeys)[number]>;
  const details = Object.fromEntries(Object.entries(content).filter(([key]) => !(columnKeys as readonly string[]).includes(key)));
  return { columns, details };
}

export function joinContent(row: VersionRow): ProcedureContent {
  const details = row.details as Omit<ProcedureContent, (typeof columnKeys)[number]>;
  return {
    ...details,
    name: row.name,
    field: row.field,
    levels: row.levels as ProcedureContent['levels'],
    handlingUnitCodes: row.handlingUnitCodes,
    receivingUnitCodes: row.receivingUnitCodes,
    onlineLevel: row.onlineLevel,
    locationIndependent: row.locationIndependent,
    postalEligible: row.postalEligible,
    businessRelated: row.businessRelated,
    internalGroup: row.internalGroup,
  };
}

export async function findProcedureByCode(executor: Executor, code: string, forUpdate = false): Promise<ProcedureRow | undefined> {
  const query = executor.select().from(procedures).where(eq(procedures.code, code));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The version in force on `day`, or — for an abolished procedure — the abolishing version. */
const versionWithDecision = { version: procedureVersions, decision: publicationDecisions, action: publicationDecisionItems.action };

export async function findVersionInForce(executor: Executor, procedureId: string, day: string) {
  const [row] = await executor
    .select(versionWithDecision)
    .from(procedureVersions)
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .leftJoin(publicationDecisionItems, eq(publicationDecisionItems.versionId, procedureVersions.id))
    .where(and(eq(procedureVersions.procedureId, procedureId), inForceOn(day)));
  return row;
}

export async function findVersion(executor: Executor, procedureId: string, versionNo: number) {
  const [row] = await executor
    .select(versionWithDecision)
    .from(procedureVersions)
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .leftJoin(publicationDecisionItems, eq(publicationDecisionItems.versionId, procedureVersions.id))
    .where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.versionNo, versionNo)));
  return row;
}

export async function listVersions(executor: Executor, procedureId: string) {
  return executor
    .select(versionWithDecision)
    .from(procedureVersions)
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .leftJoin(publicationDecisionItems, eq(publicationDecisionItems.versionId, procedureVersions.id))
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(desc(procedureVersions.versionNo));
}

/** The record of a decision; `type` (what it does to one procedure) belongs to its items and is not stored here. */
export type DecisionRecordInput = Pick<Decision, 'number' | 'date' | 'signer' | 'effectiveDate'> &
  Partial<Omit<Decision, 'number' | 'date' | 'signer' | 'effectiveDate'>>;

export async function insertDecision(executor: Executor, decision: DecisionRecordInput, createdBy: string | null): Promise<DecisionRow> {
  const [row] = await executor
    .insert(publicationDecisions)
    .values({
      number: decision.number,
      issuedOn: decision.date,
      signer: decision.signer,
      effectiveDate: decision.effectiveDate,
      issuerUnitCode: decision.issuerUnitCode ?? null,
      issuerName: decision.issuerName ?? null,
      signerTitle: decision.signerTitle ?? null,
      form: decision.form ?? 'full',
      nationalPublishedOn: decision.nationalPublishedOn ?? null,
      signedFileUrl: decision.signedFileUrl ?? null,
      signedFileId: decision.signedFileId ?? null,
      isLatePublication: decision.isLatePublication ?? false,
      createdBy,
    })
    .returning();
  return row!;
}

export type NewItem = { decisionId: string; action: DecisionType; code: string; versionId: string; replacesCodes?: string[] };

/** Appends an item to its decision (positions count from 1 in the order the items were published). */
export async function insertItem(executor: Executor, item: NewItem): Promise<void> {
  await executor.insert(publicationDecisionItems).values({
    decisionId: item.decisionId,
    position: sql`(select coalesce(max(${publicationDecisionItems.position}), 0) + 1 from ${publicationDecisionItems} where ${publicationDecisionItems.decisionId} = ${item.decisionId})`,
    action: item.action,
    procedureCode: item.code,
    versionId: item.versionId,
    replacesCodes: item.replacesCodes ?? [],
  });
}

/** Many items in few statements (bulk loads), numbered in the order given within each decision. */
export async function insertItems(executor: Executor, items: NewItem[], chunkSize = 500) {
  const positions = new Map<string, number>();
  const rows = items.map((item) => {
    const position = (positions.get(item.decisionId) ?? 0) + 1;
    positions.set(item.decisionId, position);
    return { ...item, position, procedureCode: item.code, replacesCodes: item.replacesCodes ?? [] };
  });
  for (const chunk of chunksOf(rows, chunkSize)) {
    await executor.insert(publicationDecisionItems).values(
      chunk.map((row) => ({
        decisionId: row.decisionId,
        position: row.position,
        action: row.action,
        procedureCode: row.procedureCode,
        versionId: row.versionId,
        replacesCodes: row.replacesCodes,
      })),
    );
  }
}

export type NewVersion = {
  id?: string;
  procedureId: string;
  code: string;
  versionNo: number;
  decisionId: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
  isAbolished: boolean;
  createdBy: string | null;
  replacesCodes?: string[];
  replacedByCode?: string | null;
};

function toVersionRow(values: NewVersion, content: ProcedureContent): typeof procedureVersions.$inferInsert {
  const { columns, details } = splitContent(content);
  return {
    ...(values.id ? { id: values.id } : {}),
    procedureId: values.procedureId,
    versionNo: values.versionNo,
    decisionId: values.decisionId,
    effectiveFrom: values.effectiveFrom,
    effectiveTo: values.effectiveTo ?? null,
    isAbolished: values.isAbolished,
    createdBy: values.createdBy,
    replacesCodes: values.replacesCodes ?? [],
    replacedByCode: values.replacedByCode ?? null,
    codeText: values.code,
    timeAmount: content.processingTime.amount,
    timeUnit: content.processingTime.unit,
    details,
    ...columns,
  };
}

export async function insertVersion(executor: Executor, values: NewVersion, content: ProcedureContent): Promise<VersionRow> {
  const [row] = await executor.insert(procedureVersions).values(toVersionRow(values, content)).returning();
  return row!;
}

/** Many versions in few statements (bulk loads: demo data, benchmarks). */
export async function insertVersions(executor: Executor, versions: { values: NewVersion; content: ProcedureContent }[], chunkSize = 200) {
  for (const chunk of chunksOf(versions, chunkSize)) {
    await executor.insert(procedureVersions).values(chunk.map(({ values, content }) => toVersionRow(values, content)));
  }
}

export async function closeVersion(executor: Executor, versionId: string, effectiveTo: string) {
  await executor.update(procedureVersions).set({ effectiveTo }).where(eq(procedureVersions.id, versionId));
}

export async function listFieldCounts(executor: Executor, day: string) {
  return executor
    .select({ name: procedureVersions.field, count: sql<number>`count(*)::int` })
    .from(procedureVersions)
    .where(and(inForceOn(day), eq(procedureVersions.isAbolished, false)))
    .groupBy(procedureVersions.field)
    .orderBy(asc(procedureVersions.field));
}
