import { eq, sql } from 'drizzle-orm';
import type { ProcedureContent } from '../../contract/catalog';
import type { CommittedTimeView } from '../../contract/catalog-processes';
import type { Executor } from '../../db/client';
import { executeNamed } from '../../db/named';
import { procedureProcesses, procedures, procedureVersions } from '../../db/schema/catalog';
import { approvalFromJson, committedTimeFrom, inForceOn } from './read';
import * as repo from './repo';

/*
 * One version's whole content (components, process template, handling units, time…), for the dossiers module: a
 * dossier is checked against the version in force on the day it is received, and keeps that version's number.
 * Works in any executor (inside the intake's transaction).
 */

export type VersionContent = { versionNo: number; isAbolished: boolean; content: ProcedureContent };

/** The version in force on `day` (YYYY-MM-DD, Vietnam); undefined when the procedure or such a version does not exist. */
export async function versionContentOn(executor: Executor, code: string, day: string): Promise<VersionContent | undefined> {
  const procedure = await repo.findProcedureByCode(executor, code);
  if (!procedure) return undefined;
  const row = await repo.findVersionInForce(executor, procedure.id, day);
  return row
    ? { versionNo: row.version.versionNo, isAbolished: row.version.isAbolished, content: repo.joinContent(row.version) }
    : undefined;
}

export async function versionContent(executor: Executor, code: string, versionNo: number): Promise<VersionContent | undefined> {
  const procedure = await repo.findProcedureByCode(executor, code);
  if (!procedure) return undefined;
  const row = await repo.findVersion(executor, procedure.id, versionNo);
  return row
    ? { versionNo: row.version.versionNo, isAbolished: row.version.isAbolished, content: repo.joinContent(row.version) }
    : undefined;
}

/*
 * A published version never changes (a change is a new version; only `effective_to`, which is not content, is set
 * later), so its content is kept in memory per database: a dossier's view reads its component counts on every read
 * and every action. Keyed by the database's Drizzle dialect, which the database and its transactions share.
 */
const contentCache = new WeakMap<object, Map<string, VersionContent>>();
const CONTENT_CACHE_SIZE = 2_000;

export async function cachedVersionContent(executor: Executor, code: string, versionNo: number): Promise<VersionContent | undefined> {
  const owner = (executor as unknown as { dialect?: object }).dialect ?? executor;
  let cache = contentCache.get(owner);
  if (!cache) {
    cache = new Map();
    contentCache.set(owner, cache);
  }
  const key = `${code}\u0000${versionNo}`;
  const kept = cache.get(key);
  if (kept) return kept;
  const content = await versionContent(executor, code, versionNo);
  if (!content) return undefined;
  if (cache.size >= CONTENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, content);
  return content;
}

/*
 * What an intake needs of a procedure on a day (desk, online, national portal), in ONE statement: which version is in force (its id, number, abolished or not) and the approved process in force
 * with its end. The version's content comes from memory, keyed by the version's id: a version row's content never
 * changes once written (the catalog's only UPDATE of procedure_versions is `closeVersion`, which sets `effective_to`,
 * read here by that one statement on every intake, never from memory). Bounded: the oldest entry leaves first.
 */

export type IntakeTerms = { version: VersionContent; time: CommittedTimeView };

const byVersionId = new Map<string, VersionContent>();
const BY_VERSION_ID_SIZE = 2_000;

export async function intakeTermsOn(executor: Executor, code: string, day: string): Promise<IntakeTerms | undefined> {
  // By name: one text for every procedure and day, parsed and planned once per connection.
  const result = await executeNamed(
    executor,
    'catalog_intake_terms',
    sql`select v.id, v.version_no, v.is_abolished,
      (select to_jsonb(a) from (
        select p.*, lead(p.effective_from) over (order by p.effective_from) as next_from
        from ${procedureProcesses} p where p.procedure_code = ${code}) a
       where a.effective_from <= ${day} order by a.effective_from desc limit 1) as approval
    from ${procedures} pr join ${procedureVersions} v on v.procedure_id = pr.id
    where pr.code = ${code} and ${inForceOn(day, { from: sql`v.effective_from`, to: sql`v.effective_to` })}
    limit 1`,
  );
  const [row] = result.rows;
  if (!row) return undefined;
  const id = String(row.id);
  let version = byVersionId.get(id);
  if (!version) {
    const [stored] = await executor.select().from(procedureVersions).where(eq(procedureVersions.id, id));
    if (!stored) return undefined;
    version = { versionNo: stored.versionNo, isAbolished: stored.isAbolished, content: repo.joinContent(stored) };
    if (byVersionId.size >= BY_VERSION_ID_SIZE) byVersionId.delete(byVersionId.keys().next().value!);
    byVersionId.set(id, version);
  }
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null;
  const approval = json(row.approval);
  const { processingTime } = version.content;
  const time = committedTimeFrom(day, processingTime, approval ? approvalFromJson(approval) : null);
  return { version, time };
}
