import { and, asc, desc, eq, exists, getTableColumns, lte, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { ProcessStep } from '../../contract/catalog';
import type { CommittedTimeView, ProcessApprovalView } from '../../contract/catalog-processes';
import { type DecisionType, type ProcedureListFlag, procedureListFlags } from '../../contract/enums';
import type { Executor } from '../../db/client';
import {
  procedureFlagChanges,
  procedureProcesses,
  procedures,
  procedureVersions,
  publicationDecisionItems,
  publicationDecisions,
} from '../../db/schema/catalog';
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
      /** Old codes this version replaces (a "replaced" item): compare it with their versions, not as a new procedure. */
      replacesCodes: procedureVersions.replacesCodes,
      /** On an abolished version: the code that replaced this one (a replacement, not a plain abolition). */
      replacedByCode: procedureVersions.replacedByCode,
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

export type DecisionRef = {
  id: string;
  number: string;
  issuedOn: string;
  effectiveDate: string;
  issuerName: string | null;
  /** Entered after its effective date (the KPI on timely publication counts these). */
  isLatePublication: boolean;
};

const decisionRefColumns = {
  id: publicationDecisions.id,
  number: publicationDecisions.number,
  issuedOn: publicationDecisions.issuedOn,
  effectiveDate: publicationDecisions.effectiveDate,
  issuerName: publicationDecisions.issuerName,
  isLatePublication: publicationDecisions.isLatePublication,
};

/**
 * A publication decision by its number ("1234/QĐ-UBND"); numbers are unique per issuing authority, so when two
 * authorities used the same one, the earliest recorded.
 */
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

/** Decisions with at least one item of this action, oldest first (the demo loader picks one to mark a proposal as implemented). */
export async function listDecisions(executor: Executor, filter: { type: DecisionType; limit: number }): Promise<DecisionRef[]> {
  const hasItem = executor
    .select({ one: sql`1` })
    .from(publicationDecisionItems)
    .where(and(eq(publicationDecisionItems.decisionId, publicationDecisions.id), eq(publicationDecisionItems.action, filter.type)));
  return executor
    .select(decisionRefColumns)
    .from(publicationDecisions)
    .where(exists(hasItem))
    .orderBy(asc(publicationDecisions.issuedOn), asc(publicationDecisions.number))
    .limit(filter.limit);
}

export type Replacement = { oldCode: string; newCode: string; effectiveFrom: string; decisionNumber: string | null };

/**
 * Replacements recorded in the catalog (item "replaced"): the old code's abolished version names the new code. With
 * `codes`, only those whose old or new code is among them.
 */
export async function listReplacements(executor: Executor, codes?: string[]): Promise<Replacement[]> {
  const conditions = [sql`${procedureVersions.replacedByCode} is not null`];
  if (codes) {
    conditions.push(sql`(${procedures.code} = any(${textArray(codes)}) or ${procedureVersions.replacedByCode} = any(${textArray(codes)}))`);
  }
  const rows = await executor
    .select({
      oldCode: procedures.code,
      newCode: procedureVersions.replacedByCode,
      effectiveFrom: procedureVersions.effectiveFrom,
      decisionNumber: publicationDecisions.number,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .leftJoin(publicationDecisions, eq(publicationDecisions.id, procedureVersions.decisionId))
    .where(and(...conditions))
    .orderBy(asc(procedures.code));
  return rows.map((row) => ({ ...row, newCode: row.newCode! }));
}

export type ProcedureFlags = Record<ProcedureListFlag, boolean>;

/**
 * The flags the province publishes as lists (eligible for full online, one-stop desk, electronic result, national
 * portal, technical regulation), per procedure code, as list decisions set them on `day`: the latest change of each
 * flag effective on or before that day; a flag never changed is false. With `codes`, only those codes; without,
 * every code some list decision named. The NQ 66 figures and the KPI index take "eligible for full online" as a
 * denominator from here.
 */
export async function procedureFlagsOn(executor: Executor, day: string, codes?: string[]): Promise<Map<string, ProcedureFlags>> {
  const conditions = [lte(procedureFlagChanges.effectiveFrom, day)];
  if (codes) conditions.push(sql`${procedureFlagChanges.procedureCode} = any(${textArray(codes)})`);
  const rows = await executor
    .selectDistinctOn([procedureFlagChanges.procedureCode, procedureFlagChanges.flag], {
      code: procedureFlagChanges.procedureCode,
      flag: procedureFlagChanges.flag,
      value: procedureFlagChanges.value,
    })
    .from(procedureFlagChanges)
    .innerJoin(publicationDecisions, eq(publicationDecisions.id, procedureFlagChanges.decisionId))
    .where(and(...conditions))
    .orderBy(
      procedureFlagChanges.procedureCode,
      procedureFlagChanges.flag,
      desc(procedureFlagChanges.effectiveFrom),
      desc(publicationDecisions.issuedOn),
      desc(procedureFlagChanges.createdAt),
    );
  const flags = new Map<string, ProcedureFlags>();
  for (const code of codes ?? []) flags.set(code, noFlags());
  for (const row of rows) {
    const entry = flags.get(row.code) ?? noFlags();
    entry[row.flag] = row.value;
    flags.set(row.code, entry);
  }
  return flags;
}

/**
 * Whether some list decision in force on `day` has set this flag, for any procedure: without one, the province has
 * not published that list yet and a figure built on it has no data (a flag never changed reads false, which is not
 * the same as "published as not eligible").
 */
export async function isFlagPublishedOn(executor: Executor, flag: ProcedureListFlag, day: string): Promise<boolean> {
  const [row] = await executor
    .select({ code: procedureFlagChanges.procedureCode })
    .from(procedureFlagChanges)
    .where(and(eq(procedureFlagChanges.flag, flag), lte(procedureFlagChanges.effectiveFrom, day)))
    .limit(1);
  return !!row;
}

const noFlags = (): ProcedureFlags => Object.fromEntries(procedureListFlags.map((flag) => [flag, false])) as ProcedureFlags;

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
  const [row] = await executor
    .select()
    .from(procedureProcesses)
    .where(and(eq(procedureProcesses.procedureCode, code), lte(procedureProcesses.effectiveFrom, day)))
    .orderBy(desc(procedureProcesses.effectiveFrom))
    .limit(1);
  const approval = row ? (await listApprovals(executor, code)).find((entry) => entry.id === row.id)! : null;
  return committedTimeFrom(day, version, approval);
}

/**
 * The committed time on `day` from the version's statutory time and the approval in force that day (the latest one
 * effective on or before it, with its `effectiveTo`): the approval's time unless a later version made it longer than
 * the law allows. Pure: `committedTimeOn` and the intake's one read (`intakeTermsOn`) both end here.
 */
export function committedTimeFrom(
  day: string,
  version: { amount: number; unit: CommittedTimeView['statutory']['unit']; text: string | null | undefined },
  approval: ProcessApprovalView | null,
): CommittedTimeView {
  const statutory = { amount: version.amount, unit: version.unit, text: version.text ?? describeDuration(version.amount, version.unit) };
  const applies = approval && checkApprovedProcess(approval, statutory).length === 0;
  const committed = applies
    ? { ...approval.committedTime, text: describeDuration(approval.committedTime.amount, approval.committedTime.unit) }
    : statutory;
  return { day, statutory, committed, approval: applies ? approval : null };
}

/** An approval read back from `to_jsonb(row)` (plus `next_from`, the next approval's start: its `effectiveTo`). */
export function approvalFromJson(json: Record<string, unknown>): ProcessApprovalView {
  const columns = getTableColumns(procedureProcesses);
  const row = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => {
      const value = json[column.name];
      return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
    }),
  ) as ProcessRow;
  return toView(row, (json.next_from as string | null) ?? null);
}
