import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type DecisionList, type DecisionRecord, type ProcedureContent, procedureContentSchema } from '../../contract/catalog';
import { notFound } from '../../core/errors';
import type { Executor } from '../../db/client';
import {
  procedureFlagChanges,
  procedures,
  procedureVersions,
  publicationDecisionItems,
  publicationDecisions,
} from '../../db/schema/catalog';
import { changedParts } from './publish';
import * as repo from './repo';
import { loadSignedFiles, type SignedFiles, signedFileOf } from './signed-files';

/** `files`: the signed files of the decisions shown (`loadSignedFiles`). */
export function toDecisionHeader(decision: repo.DecisionRow, files: SignedFiles) {
  return {
    id: decision.id,
    number: decision.number,
    date: decision.issuedOn,
    signer: decision.signer,
    effectiveDate: decision.effectiveDate,
    issuerUnitCode: decision.issuerUnitCode,
    issuerName: decision.issuerName,
    signerTitle: decision.signerTitle,
    form: decision.form,
    nationalPublishedOn: decision.nationalPublishedOn,
    signedFileUrl: decision.signedFileUrl,
    signedFile: signedFileOf(decision, files),
    isLatePublication: decision.isLatePublication,
  };
}

/** A decision with its items (what each did, against the version before it) and its flag changes. */
export async function getDecision(executor: Executor, id: string): Promise<DecisionRecord> {
  const [decision] = await executor.select().from(publicationDecisions).where(eq(publicationDecisions.id, id));
  if (!decision) throw notFound('quyết định công bố');
  const items = await executor
    .select({ item: publicationDecisionItems, version: procedureVersions })
    .from(publicationDecisionItems)
    .innerJoin(procedureVersions, eq(procedureVersions.id, publicationDecisionItems.versionId))
    .where(eq(publicationDecisionItems.decisionId, id))
    .orderBy(asc(publicationDecisionItems.position));
  const previous = await previousVersions(
    executor,
    items.map(({ version }) => version),
  );
  const replacedCodes = [...new Set(items.flatMap(({ item }) => item.replacesCodes))];
  const replacedNames = await latestNames(executor, replacedCodes);
  const flagChanges = await executor
    .select({
      code: procedureFlagChanges.procedureCode,
      flag: procedureFlagChanges.flag,
      value: procedureFlagChanges.value,
      effectiveFrom: procedureFlagChanges.effectiveFrom,
    })
    .from(procedureFlagChanges)
    .where(eq(procedureFlagChanges.decisionId, id))
    .orderBy(asc(procedureFlagChanges.procedureCode), asc(procedureFlagChanges.flag));
  return {
    ...toDecisionHeader(decision, await loadSignedFiles(executor, [decision])),
    items: items.map(({ item, version }) => {
      const before = previous.get(`${version.procedureId}:${version.versionNo - 1}`);
      const isAbolished = version.isAbolished;
      return {
        position: item.position,
        action: item.action,
        code: item.procedureCode,
        name: version.name,
        versionNo: version.versionNo,
        baseVersionNo: before ? before.versionNo : null,
        effectiveFrom: version.effectiveFrom,
        changedParts: before && !isAbolished ? changedParts(contentOf(before), contentOf(version)) : [],
        replaces: item.replacesCodes.map((code) => ({ code, name: replacedNames.get(code) ?? code })),
      };
    }),
    flagChanges,
  };
}

const contentOf = (version: repo.VersionRow): ProcedureContent => procedureContentSchema.parse(repo.joinContent(version));

async function previousVersions(executor: Executor, versions: repo.VersionRow[]) {
  const wanted = versions.filter((version) => version.versionNo > 1);
  const found = new Map<string, repo.VersionRow>();
  if (wanted.length === 0) return found;
  const rows = await executor
    .select()
    .from(procedureVersions)
    .where(
      and(
        inArray(
          procedureVersions.procedureId,
          wanted.map((version) => version.procedureId),
        ),
        sql`${procedureVersions.versionNo} = any(${sql.raw(`array[${[...new Set(wanted.map((version) => version.versionNo - 1))].join(',')}]::int[]`)})`,
      ),
    );
  for (const row of rows) found.set(`${row.procedureId}:${row.versionNo}`, row);
  return found;
}

async function latestNames(executor: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await executor
    .select({ code: procedures.code, name: procedureVersions.name })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(eq(procedureVersions.procedureId, procedures.id), eq(procedureVersions.versionNo, procedures.latestVersionNo)),
    )
    .where(inArray(procedures.code, codes));
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** The decisions recorded, newest first, with how many items and flag changes each holds. */
export async function listDecisionRecords(executor: Executor, limit = 200): Promise<DecisionList> {
  const rows = await executor
    .select({
      decision: publicationDecisions,
      itemCount: sql<number>`(select count(*)::int from ${publicationDecisionItems} where ${publicationDecisionItems.decisionId} = ${publicationDecisions.id})`,
      flagChangeCount: sql<number>`(select count(*)::int from ${procedureFlagChanges} where ${procedureFlagChanges.decisionId} = ${publicationDecisions.id})`,
    })
    .from(publicationDecisions)
    .orderBy(desc(publicationDecisions.issuedOn), desc(publicationDecisions.createdAt))
    .limit(limit);
  const files = await loadSignedFiles(
    executor,
    rows.map((row) => row.decision),
  );
  return {
    items: rows.map((row) => ({
      ...toDecisionHeader(row.decision, files),
      itemCount: row.itemCount,
      flagChangeCount: row.flagChangeCount,
    })),
  };
}
