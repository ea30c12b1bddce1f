import type { DossierAction, Role } from '../../../contract/enums';
import { type ActorCapabilities, allowedActionsFor, type DossierRuleState } from '../../../core/dossiers/transitions';
import { AppError, conflict, forbidden } from '../../../core/errors';
import type { Executor } from '../../../db/client';
import type { Actor } from '../../auth';
import { deskServedPaths } from '../desk-scope';
import { holdsStepRole } from '../policy';
import type { ConsultationRow, DossierRow, DossierState, StepRow } from '../state';

/*
 * What an action works on, read inside its transaction in one statement (state.ts: the dossier row locked FOR
 * UPDATE, its steps, consultations, … and the units' paths), and what the actor can do on it (the capabilities the
 * transitions table needs).
 */

export type { ConsultationRow, StepRow } from '../state';

export type ActionContext = {
  state: DossierState;
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

/**
 * The desks that serve the dossier's handling unit matter only while it has no receiving desk (online, national
 * portal): read then, once per action (`served` keeps them for the view's actions after it).
 */
export type DeskServed = { paths: string[] | null };

async function servedPaths(executor: Executor, actor: Actor, dossier: DossierRow, served: DeskServed): Promise<string[]> {
  if (dossier.receivingUnitId || !actor.roles.some((held) => held.role === 'desk_officer')) return [];
  served.paths ??= await deskServedPaths(executor, actor);
  return served.paths;
}

export async function loadActionContext(
  executor: Executor,
  actor: Actor,
  state: DossierState,
  served: DeskServed = { paths: null },
): Promise<ActionContext> {
  return contextOf(actor, state, await servedPaths(executor, actor, state.dossier, served));
}

/** Pure: the context of a state, given the paths the actor's desks serve. */
export function contextOf(actor: Actor, state: DossierState, deskServed: readonly string[]): ActionContext {
  const { dossier, steps, consultations } = state;
  const paths = new Map([...state.units.values()].map((unit) => [unit.id, unit.path]));
  const activeIndex = steps.findIndex((step) => step.status === 'active');
  const active = activeIndex >= 0 ? steps[activeIndex] : undefined;
  const handlingPath = paths.get(dossier.handlingUnitId);
  const receivingPath = dossier.receivingUnitId ? paths.get(dossier.receivingUnitId) : undefined;
  const open = consultations.filter((entry) => entry.repliedAt === null);
  const staff = actor.roles.some((held) => held.unitPath !== null);
  const activePath = active ? paths.get(active.unitId) : undefined;
  // The issuing step: the one the last issue_result completed.
  const issuedAt = dossier.status === 'result_ready' ? state.events.findLast((event) => event.action === 'issue_result') : undefined;
  const issuing = issuedAt ? steps.find((step) => step.stepNo === issuedAt.stepNo) : undefined;
  const issuingPath = issuing ? paths.get(issuing.unitId) : undefined;
  const can: ActorCapabilities = {
    deskOfficer:
      holdsOver(actor, ['desk_officer'], handlingPath) ||
      holdsOver(actor, ['desk_officer'], receivingPath) ||
      // An online or national-portal dossier (no receiving desk yet) waits at every desk that serves its handling unit.
      (!receivingPath && !!handlingPath && deskServed.some((path) => handlingPath.startsWith(path))),
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
    resultIssuer:
      !!issuing &&
      staff &&
      (issuing.completedBy === actor.userId || (!!issuingPath && holdsStepRole(actor, { role: issuing.role, unitPath: issuingPath }))),
  };
  const rules: DossierRuleState = {
    status: dossier.status,
    accepted: dossier.receivedAt !== null,
    hasApology: dossier.hasApology,
    steps,
    activeIndex: activeIndex >= 0 ? activeIndex : null,
    openConsultations: open.length,
    onlineResult: dossier.channel === 'online' && dossier.resultIsElectronic,
  };
  return { state, dossier, steps, activeIndex: rules.activeIndex, consultations, paths, can, rules };
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

/** The actions `actor` may take now on a dossier (the view's `allowedActions`). */
export async function allowedActionsOn(
  executor: Executor,
  actor: Actor | null,
  state: DossierState,
  served: DeskServed = { paths: null },
): Promise<DossierAction[]> {
  if (!actor) return [];
  const context = await loadActionContext(executor, actor, state, served);
  return allowedActionsFor(context.rules, context.can);
}
