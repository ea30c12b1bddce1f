import { and, eq, inArray, isNull, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Role } from '../../contract/enums';
import type { Executor } from '../../db/client';
import { dossierConsultations, dossierSteps, dossiers } from '../../db/schema/dossiers';
import type { Actor } from '../auth';
import { listAncestorUnitIds, listSubtreeUnitIds } from '../org';

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

/** `column` is one of `ids` (null: any unit, a role over the whole tree). */
const within = (column: SQLWrapper, ids: string[] | null): SQL =>
  ids === null
    ? sql`true`
    : ids.length
      ? sql`${column} = any(${sql`array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid[]`})`
      : sql`false`;

const activeStep = (condition: SQL) =>
  sql`exists (select 1 from ${dossierSteps} where ${dossierSteps.dossierId} = ${dossiers.id} and ${dossierSteps.status} = 'active' and ${condition})`;

const handlingRoles = ['specialist', 'division_head', 'unit_leader'] as const;

/** Active steps the actor holds: their role over the step's unit or over a unit inside it, or assigned to them. */
function heldStepParts(grants: Grant[], actor: Actor): SQL[] {
  const parts: SQL[] = [activeStep(eq(dossierSteps.assigneeId, actor.userId))];
  for (const grant of grants) {
    if (grant.role === 'desk_officer') {
      parts.push(activeStep(and(inArray(dossierSteps.role, ['desk_officer', 'clerk']), within(dossierSteps.unitId, grant.subtree))!));
    } else if ((handlingRoles as readonly Role[]).includes(grant.role)) {
      const roles: ('unit_leader' | 'clerk' | 'specialist' | 'division_head')[] =
        grant.role === 'unit_leader' ? ['unit_leader', 'clerk'] : [grant.role as 'specialist' | 'division_head'];
      parts.push(
        activeStep(
          and(
            inArray(dossierSteps.role, roles),
            within(dossierSteps.unitId, grant.reach),
            or(isNull(dossierSteps.assigneeId), eq(dossierSteps.assigneeId, actor.userId)),
          )!,
        ),
      );
    }
  }
  return parts;
}

const openConsultation = (subtree: string[] | null) =>
  sql`exists (select 1 from ${dossierConsultations} where ${dossierConsultations.dossierId} = ${dossiers.id} and ${dossierConsultations.repliedAt} is null and ${within(dossierConsultations.unitId, subtree)})`;

/** The dossiers the actor may read: by unit (handling, receiving, consulted), or holding a step. */
export async function readableCondition(executor: Executor, actor: Actor): Promise<SQL> {
  const grants = await grantsOf(executor, actor);
  if (grants.some((grant) => grant.subtree === null)) return sql`true`;
  const units = [...new Set(grants.flatMap((grant) => grant.subtree ?? []))];
  if (grants.length === 0) return sql`false`;
  return or(
    within(dossiers.handlingUnitId, units),
    within(dossiers.receivingUnitId, units),
    sql`exists (select 1 from ${dossierConsultations} where ${dossierConsultations.dossierId} = ${dossiers.id} and ${within(dossierConsultations.unitId, units)})`,
    sql`exists (select 1 from ${dossierSteps} where ${dossierSteps.dossierId} = ${dossiers.id} and ${dossierSteps.assigneeId} = ${actor.userId})`,
    ...heldStepParts(grants, actor),
  )!;
}

/**
 * Waiting for the actor now: the desk's checks (submitted, waiting for a supplement, result to return), the active
 * steps the actor holds, open consultations addressed to the actor's units. Administrators act on nothing.
 */
export async function todoCondition(executor: Executor, actor: Actor): Promise<SQL> {
  const grants = (await grantsOf(executor, actor)).filter(
    (grant) => grant.role === 'desk_officer' || (handlingRoles as readonly Role[]).includes(grant.role),
  );
  const parts = heldStepParts(grants, actor);
  for (const grant of grants) {
    if (grant.role === 'desk_officer') {
      parts.push(
        and(
          inArray(dossiers.status, ['submitted', 'supplement_requested', 'result_ready']),
          or(within(dossiers.handlingUnitId, grant.subtree), within(dossiers.receivingUnitId, grant.subtree)),
        )!,
      );
    }
    parts.push(openConsultation(grant.subtree));
  }
  return and(inArray(dossiers.status, ['submitted', 'supplement_requested', 'processing', 'result_ready']), or(...parts))!;
}
