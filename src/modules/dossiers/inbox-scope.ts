import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../contract/enums';
import type { Executor } from '../../db/client';
import { dossierConsultations, dossierSteps, dossiers } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { listAncestorUnitIds, listSubtreeUnitIds } from '../org';
import { deskServedUnitIds } from './desk-scope';
import { within } from './uuid-list';

/*
 * Which dossiers an actor's inbox holds (docs/api/dossiers.md "Reading"), as SQL conditions on `dossiers`:
 * `all` — every dossier the actor may read; `todo` — waiting for the actor's roles now.
 */

type Grant = { role: Role; subtree: string[] | null; reach: string[] | null };

/** Each staff role with the units it covers (null: the whole tree, a role without a unit) and the units above. */
async function grantsOf(executor: Executor, actor: Actor): Promise<Grant[]> {
  return Promise.all(
    actor.roles
      .filter((held) => held.role !== 'citizen' && held.role !== 'business')
      .map(async (held) => {
        if (!held.unitId) return { role: held.role, subtree: null, reach: null };
        const [subtree, above] = await Promise.all([listSubtreeUnitIds(executor, held.unitId), listAncestorUnitIds(executor, held.unitId)]);
        return { role: held.role, subtree, reach: [...new Set([...subtree, ...above])] };
      }),
  );
}

const handlingRoles = ['specialist', 'division_head', 'unit_leader'] as const;

/**
 * Active steps the actor holds: their role over the step's unit or over a unit inside it, or assigned to them. The
 * active step's role, unit and assignee are columns of the dossier (holders.ts), so each branch is an index lookup.
 */
function heldStepParts(grants: Grant[], actor: Actor): SQL[] {
  const parts: SQL[] = [eq(dossiers.activeStepAssigneeId, actor.userId)];
  for (const grant of grants) {
    if (grant.role === 'desk_officer') {
      parts.push(and(inArray(dossiers.activeStepRole, ['desk_officer', 'clerk']), within(dossiers.activeStepUnitId, grant.subtree))!);
    } else if ((handlingRoles as readonly Role[]).includes(grant.role)) {
      const roles: ('unit_leader' | 'clerk' | 'specialist' | 'division_head')[] =
        grant.role === 'unit_leader' ? ['unit_leader', 'clerk'] : [grant.role as 'specialist' | 'division_head'];
      parts.push(
        and(
          inArray(dossiers.activeStepRole, roles),
          within(dossiers.activeStepUnitId, grant.reach),
          or(isNull(dossiers.activeStepAssigneeId), eq(dossiers.activeStepAssigneeId, actor.userId)),
        )!,
      );
    }
  }
  return parts;
}

/** Consultations addressed to `units` (only the open ones when `open`): one hashed look-up per row, not a sub-query. */
const consultedIn = (units: string[] | null, open: boolean) =>
  sql`${dossiers.id} in (select ${dossierConsultations.dossierId} from ${dossierConsultations} where ${within(dossierConsultations.unitId, units)}${open ? sql` and ${dossierConsultations.repliedAt} is null` : sql``})`;

/** Online and national-portal dossiers (no receiving desk) of the units the actor's desks serve (desk-scope.ts). */
async function waitingAtMyDesks(executor: Executor, actor: Actor): Promise<SQL> {
  const served = await deskServedUnitIds(executor, actor);
  return served.length ? and(isNull(dossiers.receivingUnitId), within(dossiers.handlingUnitId, served))! : sql`false`;
}

/** The dossiers the actor may read: by unit (handling, receiving, consulted), or holding a step. */
export async function readableCondition(executor: Executor, actor: Actor): Promise<SQL> {
  // Both look-ups at once (the scope is built before the inbox's own queries, each round trip counts).
  const [grants, waiting] = await Promise.all([grantsOf(executor, actor), waitingAtMyDesks(executor, actor)]);
  if (grants.some((grant) => grant.subtree === null)) return sql`true`;
  const units = [...new Set(grants.flatMap((grant) => grant.subtree ?? []))];
  if (grants.length === 0) return sql`false`;
  return or(
    waiting,
    within(dossiers.handlingUnitId, units),
    within(dossiers.receivingUnitId, units),
    consultedIn(units, false),
    sql`${dossiers.id} in (select ${dossierSteps.dossierId} from ${dossierSteps} where ${dossierSteps.assigneeId} = ${actor.userId})`,
    ...heldStepParts(grants, actor),
  )!;
}

/**
 * Waiting for the actor now: the desk's checks (submitted, waiting for a supplement, result to return), the active
 * steps the actor holds, open consultations addressed to the actor's units. Administrators act on nothing.
 */
export async function todoCondition(executor: Executor, actor: Actor): Promise<SQL> {
  const [all, waiting] = await Promise.all([grantsOf(executor, actor), waitingAtMyDesks(executor, actor)]);
  const grants = all.filter((grant) => grant.role === 'desk_officer' || (handlingRoles as readonly Role[]).includes(grant.role));
  const parts = heldStepParts(grants, actor);
  parts.push(and(inArray(dossiers.status, ['submitted', 'supplement_requested', 'result_ready']), waiting)!);
  for (const grant of grants) {
    if (grant.role === 'desk_officer') {
      parts.push(
        and(
          inArray(dossiers.status, ['submitted', 'supplement_requested', 'result_ready']),
          or(within(dossiers.handlingUnitId, grant.subtree), within(dossiers.receivingUnitId, grant.subtree)),
        )!,
      );
    }
    parts.push(consultedIn(grant.subtree, true));
  }
  return and(inArray(dossiers.status, ['submitted', 'supplement_requested', 'processing', 'result_ready']), or(...parts))!;
}
