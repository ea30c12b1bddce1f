import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors';
import type { Executor } from '../../db/client';
import { executeNamedBuilt } from '../../db/named';
import {
  dossierComponents,
  dossierConsultations,
  dossierEvents,
  dossierFiles,
  dossierPauses,
  dossierSteps,
  dossiers,
} from '../../db/schema/dossiers';
import { units } from '../../db/schema/org';
import { type DeliveryState, deliveryStateOf } from '../notify';

/*
 * Everything a dossier's view, its read rule and its actions work on, read in ONE statement: the dossier row (locked
 * FOR UPDATE inside an action's transaction), its steps, consultations, components, files, pauses and events, the
 * units they name (id, code, name, tree path: the read-side join every module may make, ADR 0002 4b), its
 * national-portal delivery state (the notify module's rule, as an SQL expression it exports) and, for an action,
 * the id its event will have. Rows come back as JSON and are mapped by the tables' own column mappers.
 */

export type DossierRow = typeof dossiers.$inferSelect;
export type StepRow = typeof dossierSteps.$inferSelect;
export type ConsultationRow = typeof dossierConsultations.$inferSelect;
export type ComponentRow = typeof dossierComponents.$inferSelect;
export type FileRow = typeof dossierFiles.$inferSelect;
export type PauseRow = typeof dossierPauses.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;
export type UnitRef = { id: string; code: string; name: string; path: string };

export type DossierState = {
  dossier: DossierRow;
  steps: StepRow[];
  consultations: ConsultationRow[];
  components: ComponentRow[];
  files: FileRow[];
  pauses: PauseRow[];
  events: EventRow[];
  /** The units the dossier, its steps, consultations and events name. */
  units: Map<string, UnitRef>;
  /** The national portal's messages about it: null when it has none. */
  portalSync: DeliveryState | null;
  /** The id reserved for the event of the action under way (`reserveEventId`), else null. */
  nextEventId: number | null;
  /**
   * The dossier row's `xmin` as read: any later update of the row (an action, the overdue mark, which does not bump
   * `version`) changes it — the guard of an action that read without a lock.
   */
  rowVersion: string;
};

/** A row of `table` read back from `to_jsonb(row)`: each column through the table's own driver-value mapper. */
export function rowFromJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

const rowsFromJson = <T extends PgTable>(table: T, list: unknown): T['$inferSelect'][] =>
  ((list as Record<string, unknown>[] | null) ?? []).map((json) => rowFromJson(table, json));

const agg = (table: PgTable, order: SQL) =>
  sql`(select coalesce(jsonb_agg(to_jsonb(t) order by ${order}), '[]'::jsonb) from ${table} t where t.dossier_id = d.id)`;

type StateReadOptions = { lock?: boolean; reserveEventId?: boolean };

/** The state read's text, the dossier's id a placeholder: built once a process for each set of options. */
function stateReadSql(options: StateReadOptions): SQL {
  const unitIds = sql`select d.handling_unit_id union all select d.receiving_unit_id
    union all select unit_id from ${dossierSteps} where dossier_id = d.id
    union all select unit_id from ${dossierConsultations} where dossier_id = d.id
    union all select actor_unit_id from ${dossierEvents} where dossier_id = d.id
    union all select to_unit_id from ${dossierEvents} where dossier_id = d.id`;
  return sql`select to_jsonb(d) as dossier, d.xmin::text as row_version,
    ${agg(dossierSteps, sql`t.step_no`)} as steps,
    ${agg(dossierConsultations, sql`t.requested_at`)} as consultations,
    ${agg(dossierComponents, sql`t.position`)} as components,
    ${agg(dossierFiles, sql`t.added_at, t.id`)} as files,
    ${agg(dossierPauses, sql`t.started_at`)} as pauses,
    ${agg(dossierEvents, sql`t.id`)} as events,
    (select coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'code', u.code, 'name', u.name, 'path', u.path)), '[]'::jsonb)
      from ${units} u where u.id in (${unitIds})) as units,
    ${deliveryStateOf('dossier', sql`d.id`, 'national_portal')} as portal_sync,
    ${options.reserveEventId ? sql`nextval(pg_get_serial_sequence('dossier_events', 'id'))` : sql`null`} as next_event_id
    from ${dossiers} d where d.id = ${sql.placeholder('id')}${options.lock ? sql` for update of d` : sql``}`;
}

export async function loadDossierState(executor: Executor, id: string, options: StateReadOptions = {}): Promise<DossierState> {
  // By name: the text depends only on the two options, so PostgreSQL parses and plans it once per connection
  // (measured on PostgreSQL 15: planning 0.65–0.9 ms of its ~1.5 ms each time, 0.04 ms with the kept plan).
  const name = `dossier_state_${options.lock ? 'l' : 'r'}${options.reserveEventId ? 'e' : ''}`;
  const result = await executeNamedBuilt(executor, name, () => stateReadSql(options), { id });
  const [row] = result.rows;
  if (!row) throw notFound('hồ sơ');
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return {
    dossier: rowFromJson(dossiers, json(row.dossier)),
    steps: rowsFromJson(dossierSteps, json(row.steps)),
    consultations: rowsFromJson(dossierConsultations, json(row.consultations)),
    components: rowsFromJson(dossierComponents, json(row.components)),
    files: rowsFromJson(dossierFiles, json(row.files)),
    pauses: rowsFromJson(dossierPauses, json(row.pauses)),
    events: rowsFromJson(dossierEvents, json(row.events)),
    units: new Map((json(row.units) as UnitRef[]).map((unit) => [unit.id, unit])),
    portalSync: (row.portal_sync as DeliveryState | null) ?? null,
    nextEventId: row.next_event_id === null || row.next_event_id === undefined ? null : Number(row.next_event_id),
    rowVersion: String(row.row_version),
  };
}

/** The files in the order the state reads them: when added, then by id (as PostgreSQL orders uuids). */
export function byAddition(a: FileRow, b: FileRow): number {
  return a.addedAt.getTime() - b.addedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The unit ids a state names that its `units` does not hold (after an action moved the dossier elsewhere). */
export function unknownUnits(state: DossierState): string[] {
  const ids = [
    state.dossier.handlingUnitId,
    state.dossier.receivingUnitId,
    ...state.steps.map((step) => step.unitId),
    ...state.consultations.map((entry) => entry.unitId),
    ...state.events.flatMap((event) => [event.actorUnitId, event.toUnitId]),
  ];
  return ids.filter((value): value is string => !!value && !state.units.has(value));
}
