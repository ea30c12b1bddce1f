import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DossierAction, Role } from '../../../contract/enums';
import { type ActorCapabilities, allowedActionsFor, type DossierRuleState } from '../../../core/dossiers/transitions';
import { AppError, conflict, forbidden, notFound } from '../../../core/errors';
import type { Executor } from '../../../db/client';
import { dossierConsultations, dossierSteps, dossiers } from '../../../db/schema/dossiers';
import type { Actor } from '../../auth';
import { findUnitsByIds } from '../../org';
import { deskServedPaths } from '../desk-scope';
import { holdsStepRole } from '../policy';
import type { DossierRow } from '../read';

/*
 * What an action works on, read inside its transaction: the dossier row locked (SELECT … FOR UPDATE), its steps and
 * consultations, the units' paths, and what the actor can do on it (the capabilities the transitions table needs).
 */

export type StepRow = typeof dossierSteps.$inferSelect;
export type ConsultationRow = typeof dossierConsultations.$inferSelect;

export type ActionContext = {
  dossier: DossierRow;
  steps: StepRow[];
  activeIndex: number | null;
  consultations: ConsultationRow[];
  paths: Map<string, string>;
  can: ActorCapabilities;
  rules: DossierRuleState;
};

/** A role held over a unit (or a unit inside it): administrators (no unit) read everything but act on nothing. */
export function holdsOver(actor: Actor | null, roles: readonly Role[], unitPath: string | undefined): boolean {
  if (!actor || !unitPath) return false;
  return actor.roles.some((held) => roles.includes(held.role) && held.unitPath !== null && unitPath.startsWith(held.unitPath));
}

/** Holds the role over the unit, or over a unit inside it (a division's head acts on a department's step). */
function holdsWithin(actor: Actor, roles: readonly Role[], unitPath: string | undefined): boolean {
  if (!unitPath) return false;
  return actor.roles.some(
    (held) =>
      roles.includes(held.role) && held.unitPath !== null && (unitPath.startsWith(held.unitPath) || held.unitPath.startsWith(unitPath)),
  );
}

export async function lockDossier(tx: Executor, id: string): Promise<DossierRow> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!row) throw notFound('hồ sơ');
  return row;
}

export async function loadActionContext(tx: Executor, actor: Actor, dossier: DossierRow): Promise<ActionContext> {
  // One query after the other: inside a transaction the pg client runs one query at a time.
  const steps = await tx.select().from(dossierSteps).where(eq(dossierSteps.dossierId, dossier.id)).orderBy(asc(dossierSteps.stepNo));
  const consultations = await tx
    .select()
    .from(dossierConsultations)
    .where(eq(dossierConsultations.dossierId, dossier.id))
    .orderBy(asc(dossierConsultations.requestedAt));
  const unitIds = [dossier.handlingUnitId, dossier.receivingUnitId, ...steps.map((s) => s.unitId), ...consultations.map((c) => c.unitId)];
  const ids = [...new Set(unitIds.filter((value): value is string => !!value))];
  const paths = new Map((await findUnitsByIds(tx, ids)).map((unit) => [unit.id, unit.path]));
  const activeIndex = steps.findIndex((step) => step.status === 'active');
  const active = activeIndex >= 0 ? steps[activeIndex] : undefined;
  const handlingPath = paths.get(dossier.handlingUnitId);
  const receivingPath = dossier.receivingUnitId ? paths.get(dossier.receivingUnitId) : undefined;
  const open = consultations.filter((entry) => entry.repliedAt === null);
  const staff = actor.roles.some((held) => held.unitPath !== null);
  const activePath = active ? paths.get(active.unitId) : undefined;
  const can: ActorCapabilities = {
    deskOfficer:
      holdsOver(actor, ['desk_officer'], handlingPath) ||
      holdsOver(actor, ['desk_officer'], receivingPath) ||
      // An online or national-portal dossier (no receiving desk yet) waits at every desk that serves its handling unit.
      (!receivingPath && !!handlingPath && (await deskServedPaths(tx, actor)).some((path) => handlingPath.startsWith(path))),
    stepHolder:
      !!active &&
      staff &&
      (active.assigneeId === actor.userId || (!!activePath && holdsStepRole(actor, { role: active.role, unitPath: activePath }))),
    handlingLeader: holdsOver(actor, ['unit_leader'], handlingPath),
    handlingLeaderOrHead: holdsOver(actor, ['unit_leader'], handlingPath) || holdsWithin(actor, ['division_head'], handlingPath),
    applicant: dossier.applicantUserId !== null && dossier.applicantUserId === actor.userId,
    consultedStaff: open.some(
      (entry) =>
        entry.unitId !== null && holdsOver(actor, ['specialist', 'division_head', 'unit_leader', 'desk_officer'], paths.get(entry.unitId)),
    ),
  };
  const rules: DossierRuleState = {
    status: dossier.status,
    accepted: dossier.receivedAt !== null,
    hasApology: dossier.hasApology,
    steps,
    activeIndex: activeIndex >= 0 ? activeIndex : null,
    openConsultations: open.length,
  };
  return { dossier, steps, activeIndex: rules.activeIndex, consultations, paths, can, rules };
}

/** A refusal of the transitions table as the API's error: 403 for the actor, 409 for the dossier's state. */
export function refusal(kind: 'state' | 'actor', reason: string): AppError {
  return kind === 'actor' ? forbidden(reason) : new AppError('conflict', reason);
}

export function requireVersion(dossier: DossierRow, version: number): void {
  if (dossier.version !== version) {
    throw conflict(`Hồ sơ đã được cập nhật (phiên bản ${dossier.version}, anh/chị gửi phiên bản ${version}). Vui lòng tải lại hồ sơ.`);
  }
}

/** Bumps the version only if nobody else did in between (the row lock makes it certain; this is the last guard). */
export async function bumpVersion(
  tx: Executor,
  dossier: DossierRow,
  changes: PgUpdateSetSource<typeof dossiers>,
  now: Date,
): Promise<DossierRow> {
  const [row] = await tx
    .update(dossiers)
    .set({ ...changes, version: sql`${dossiers.version} + 1`, updatedAt: now })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, dossier.version)))
    .returning();
  if (!row) throw conflict();
  return row;
}

/** The actions `actor` may take now on a dossier (the view's `allowedActions`). */
export async function allowedActionsOn(executor: Executor, actor: Actor | null, dossier: DossierRow): Promise<DossierAction[]> {
  if (!actor) return [];
  const context = await loadActionContext(executor, actor, dossier);
  return allowedActionsFor(context.rules, context.can);
}
