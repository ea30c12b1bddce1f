import { and, asc, desc, eq, lte, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { ProcessStep } from '../../contract/catalog';
import type { CommittedTimeView, ProcessApprovalView } from '../../contract/catalog-processes';
import type { DecisionType } from '../../contract/enums';
import type { Executor } from '../../db/client';
import { procedureProcesses, procedures, procedureVersions, publicationDecisions } from '../../db/schema/catalog';
import { checkApprovedProcess, describeDuration } from './rules';

/*
 * What other modules may read of the catalog (docs/adr/0002-module-walls.md). They never name its tables: they call
 * these functions, or join their own tables to the relation `versionsInForce` returns.
 */

/**
 * The version in force on `day` (a Vietnamese calendar day, YYYY-MM-DD) is the one with
 * effective_from <= day < effective_to, an open end (null) meaning "until replaced". The one place this rule is
 * written: `columns` lets raw SQL with a table alias (search) use it too.
 */
export function inForceOn(day: string, columns: { from: SQLWrapper; to: SQLWrapper } = defaultColumns): SQL {
  return sql`(${columns.from} <= ${day} and (${columns.to} is null or ${columns.to} > ${day}))`;
}

const defaultColumns = { from: procedureVersions.effectiveFrom, to: procedureVersions.effectiveTo };

/** A list of texts as one parameter, whatever its length (thousands of unit codes for a province). */
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

export type VersionFilter = {
  /** Only these procedure codes. */
  codes?: string[];
  /** Only procedures handled by at least one of these units. */
  handledBy?: string[];
};

/**
 * The versions in force on `day`, one row per procedure, as a relation named `alias` that another module joins its
 * own tables to (reform joins its cost worksheets on `versionId`, and the baseline relation on `code`). An abolished
 * procedure's abolishing version is in force from its date: `isAbolished` tells. Postgres flattens the relation
 * into the outer query, so joining it costs the same as joining the tables. Join two such relations on `code`
 * (unique index of procedures): on PGlite, which never gathers statistics, that keeps the plan to index lookups.
 */
export function versionsInForce<Alias extends string>(alias: Alias, day: string, filter: VersionFilter = {}) {
  const conditions = [inForceOn(day)];
  if (filter.codes) conditions.push(sql`${procedures.code} = any(${textArray(filter.codes)})`);
  if (filter.handledBy) conditions.push(sql`${procedureVersions.handlingUnitCodes} && ${textArray(filter.handledBy)}`);
  return new QueryBuilder()
    .select({
      // First a column that is never null in a row that exists: Drizzle reads a left-joined relation as null from it.
      versionId: procedureVersions.id,
      code: procedures.code,
      versionNo: procedureVersions.versionNo,
      effectiveFrom: procedureVersions.effectiveFrom,
      isAbolished: procedureVersions.isAbolished,
      decisionNumber: publicationDecisions.number,
      name: procedureVersions.name,
      field: procedureVersions.field,
      businessRelated: procedureVersions.businessRelated,
      internalGroup: procedureVersions.internalGroup,
      onlineLevel: procedureVersions.onlineLevel,
      locationIndependent: procedureVersions.locationIndependent,
      handlingUnitCodes: procedureVersions.handlingUnitCodes,
      timeAmount: procedureVersions.timeAmount,
      timeUnit: procedureVersions.timeUnit,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(and(...conditions))
    .as(alias);
}

export type VersionsInForce<Alias extends string = string> = ReturnType<typeof versionsInForce<Alias>>;

/** One version of a procedure by its number, with the units that handle it (whose staff may edit its figures). */
export async function findVersionRef(
  executor: Executor,
  code: string,
  versionNo: number,
): Promise<{ versionId: string; handlingUnitCodes: string[] } | undefined> {
  const [row] = await executor
    .select({ versionId: procedureVersions.id, handlingUnitCodes: procedureVersions.handlingUnitCodes })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.code, code), eq(procedureVersions.versionNo, versionNo)));
  return row;
}

/** True when the catalog holds a procedure with this code, in force or not. */
export async function hasProcedure(executor: Executor, code: string): Promise<boolean> {
  const [row] = await executor.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, code));
  return !!row;
}

export type DecisionRef = { id: string; number: string; issuedOn: string; type: DecisionType; effectiveDate: string };

const decisionRefColumns = {
  id: publicationDecisions.id,
  number: publicationDecisions.number,
  issuedOn: publicationDecisions.issuedOn,
  type: publicationDecisions.type,
  effectiveDate: publicationDecisions.effectiveDate,
};

/** A publication decision by its number ("1234/QĐ-UBND"); the earliest recorded when a number was reused. */
export async function findDecisionByNumber(executor: Executor, number: string): Promise<DecisionRef | undefined> {
  const [row] = await executor
    .select(decisionRefColumns)
    .from(publicationDecisions)
    .where(eq(publicationDecisions.number, number))
    .orderBy(asc(publicationDecisions.createdAt))
    .limit(1);
  return row;
}

export async function findDecisionById(executor: Executor, id: string): Promise<DecisionRef | undefined> {
  const [row] = await executor.select(decisionRefColumns).from(publicationDecisions).where(eq(publicationDecisions.id, id));
  return row;
}

/** Decisions of one type, oldest first (the demo loader picks one to mark a proposal as implemented). */
export async function listDecisions(executor: Executor, filter: { type: DecisionType; limit: number }): Promise<DecisionRef[]> {
  return executor
    .select(decisionRefColumns)
    .from(publicationDecisions)
    .where(eq(publicationDecisions.type, filter.type))
    .orderBy(asc(publicationDecisions.issuedOn), asc(publicationDecisions.number))
    .limit(filter.limit);
}

// Internal processes and the committed time (docs/DOMAIN.md §4): dossiers and appointments read these.

type ProcessRow = typeof procedureProcesses.$inferSelect;

function toView(row: ProcessRow, effectiveTo: string | null): ProcessApprovalView {
  return {
    id: row.id,
    code: row.procedureCode,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    signer: row.signer,
    effectiveFrom: row.effectiveFrom,
    effectiveTo,
    committedTime: { amount: row.committedAmount, unit: row.committedUnit },
    steps: row.steps as ProcessStep[],
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listApprovals(executor: Executor, code: string): Promise<ProcessApprovalView[]> {
  const rows = await executor
    .select()
    .from(procedureProcesses)
    .where(eq(procedureProcesses.procedureCode, code))
    .orderBy(asc(procedureProcesses.effectiveFrom));
  return rows.map((row, index) => toView(row, rows[index + 1]?.effectiveFrom ?? null)).reverse();
}

/**
 * The statutory and committed time of a procedure on `day` (YYYY-MM-DD, Vietnam): the statutory time of the version
 * in force, and the committed time of the approval in force — or the statutory time when there is none, or when a
 * later version made the approved time longer than the law allows (an approval never lengthens the statutory time).
 * Undefined when no version is in force on that day.
 */
export async function committedTimeOn(executor: Executor, code: string, day: string): Promise<CommittedTimeView | undefined> {
  const [version] = await executor
    .select({
      amount: procedureVersions.timeAmount,
      unit: procedureVersions.timeUnit,
      text: sql<string | null>`${procedureVersions.details}->'processingTime'->>'text'`,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.code, code), inForceOn(day), eq(procedureVersions.isAbolished, false)));
  if (!version) return undefined;
  const statutory = { amount: version.amount, unit: version.unit, text: version.text ?? describeDuration(version.amount, version.unit) };
  const [row] = await executor
    .select()
    .from(procedureProcesses)
    .where(and(eq(procedureProcesses.procedureCode, code), lte(procedureProcesses.effectiveFrom, day)))
    .orderBy(desc(procedureProcesses.effectiveFrom))
    .limit(1);
  const approval = row ? (await listApprovals(executor, code)).find((entry) => entry.id === row.id)! : null;
  const applies = approval && checkApprovedProcess(approval, statutory).length === 0;
  const committed = applies
    ? { ...approval.committedTime, text: describeDuration(approval.committedTime.amount, approval.committedTime.unit) }
    : statutory;
  return { day, statutory, committed, approval: applies ? approval : null };
}
