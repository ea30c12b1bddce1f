import type { ProcedureContent } from '../../contract/catalog';
import type { Executor } from '../../db/client';
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
