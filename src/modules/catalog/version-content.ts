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
