import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type applicantKinds,
  channels,
  componentPresences,
  dossierSources,
  dossierStatuses,
  dossierStepStatuses,
  processRoles,
  returnMethods,
  timeUnits,
  timingClasses,
} from '../../contract/enums';
import { storedFiles } from './files';
import { units } from './org';

/** The applicant as received (validated at the edge, NFC). Personal data: read only by those handling the dossier. */
export type ApplicantRecord = {
  kind: (typeof applicantKinds)[number];
  fullName: string;
  /** 12-digit CCCD for an individual, 10- or 13-digit tax code for an organisation. */
  idNumber: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  representative: { fullName: string; idNumber: string | null; phone: string | null; authorisation: string | null } | null;
};

/**
 * One dossier (hồ sơ TTHC). Everything the monitoring reads later is recorded here when it happens: the procedure
 * version, field, level, handling unit and receiving desk, channel, the instants, paused working time, timing class,
 * electronic result and sync state. `version` is the optimistic-concurrency counter of every action.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** `<handling unit's electronic ID code>-YYMMDD-XXXX`, unique for ever. */
    code: text('code').notNull().unique(),
    procedureCode: text('procedure_code').notNull(),
    procedureVersionNo: integer('procedure_version_no').notNull(),
    procedureName: text('procedure_name').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    handlingUnitId: uuid('handling_unit_id')
      .notNull()
      .references(() => units.id),
    /** The desk that received it (any desk of the province); null for online and national-portal dossiers. */
    receivingUnitId: uuid('receiving_unit_id').references(() => units.id),
    channel: text('channel', { enum: channels }).notNull(),
    source: text('source', { enum: dossierSources }).notNull(),
    status: text('status', { enum: dossierStatuses }).notNull(),
    applicant: jsonb('applicant').$type<ApplicantRecord>().notNull(),
    /** Copies of applicant.idNumber / fullName for the public lookup and the inbox filters. */
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** The name's search form (motcua_norm), for the inbox's search box and its trigram index (migration 0036). */
    applicantNameNorm: text('applicant_name_norm').notNull().generatedAlwaysAs(sql`motcua_norm(applicant_name)`),
    /** The citizen or business account that filed it online (or whose identity matches), for "Hồ sơ của tôi". */
    applicantUserId: uuid('applicant_user_id'),
    /** What is asked for, in the applicant's words (optional). */
    requestSummary: text('request_summary'),
    /** The time the appointment uses: the committed time (≤ statutory) of the day of receipt. */
    timeAmount: numeric('time_amount', { mode: 'number' }),
    timeUnit: text('time_unit', { enum: timeUnits }),
    statutoryTimeAmount: numeric('statutory_time_amount', { mode: 'number' }),
    statutoryTimeUnit: text('statutory_time_unit', { enum: timeUnits }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Accepted as complete: the clock starts (null while submitted or waiting for a supplement before acceptance). */
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** The due instant now (moved by paused working time and by an apology). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The due instant of the receipt (Mẫu 01), never moved. */
    appointmentDueAt: timestamp('appointment_due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    pausedWorkingMinutes: integer('paused_working_minutes').notNull().default(0),
    /** Set when resolved (result issued, refused in processing) against dueAt, in working time. */
    timing: text('timing', { enum: timingClasses }),
    /** Marked by the sweep when dueAt passes with no result; cleared never (a late dossier stays late). */
    isOverdue: boolean('is_overdue').notNull().default(false),
    hasApology: boolean('has_apology').notNull().default(false),
    currentStepNo: integer('current_step_no'),
    /**
     * The active step's role, unit and assignee (null when no step is active), for the inbox's indexes: set in the
     * same UPDATE as every change of the steps (src/modules/dossiers/holders.ts), never on their own.
     */
    activeStepRole: text('active_step_role', { enum: processRoles }),
    activeStepUnitId: uuid('active_step_unit_id'),
    activeStepAssigneeId: uuid('active_step_assignee_id'),
    resultNumber: text('result_number'),
    resultIsElectronic: boolean('result_is_electronic').notNull().default(false),
    returnMethod: text('return_method', { enum: returnMethods }),
    /** The national portal's own id of a dossier that came from it. */
    nationalPortalRef: text('national_portal_ref').unique(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('dossiers_handling_status_idx').on(table.handlingUnitId, table.status, table.dueAt),
    index('dossiers_receiving_idx').on(table.receivingUnitId, table.submittedAt),
    index('dossiers_status_due_idx').on(table.status, table.dueAt),
    index('dossiers_applicant_id_idx').on(table.applicantIdNumber),
    index('dossiers_applicant_user_idx').on(table.applicantUserId),
    index('dossiers_procedure_idx').on(table.procedureCode, table.receivedAt),
    index('dossiers_received_idx').on(table.receivedAt),
    // The inbox (docs/api/dossiers.md "Reading", migration 0015): pages in due order; the scope's columns covered, so
    // that counting and ordering a large scope reads the index only; who holds the active step.
    index('dossiers_inbox_order_idx').on(sql`${table.dueAt} nulls last`, table.submittedAt, table.id),
    index('dossiers_inbox_scope_idx').on(
      table.handlingUnitId,
      table.receivingUnitId,
      table.activeStepRole,
      table.activeStepUnitId,
      table.activeStepAssigneeId,
      table.status,
      table.dueAt,
      table.submittedAt,
      table.id,
    ),
    index('dossiers_inbox_open_idx')
      .on(
        table.handlingUnitId,
        table.receivingUnitId,
        table.activeStepRole,
        table.activeStepUnitId,
        table.activeStepAssigneeId,
        table.status,
        table.dueAt,
        table.submittedAt,
        table.id,
      )
      .where(sql`status in ('submitted', 'supplement_requested', 'processing', 'result_ready')`),
    index('dossiers_active_step_idx').on(table.activeStepRole, table.activeStepUnitId).where(sql`active_step_role is not null`),
    index('dossiers_active_assignee_idx').on(table.activeStepAssigneeId).where(sql`active_step_assignee_id is not null`),
  ],
);

/** Per-unit daily sequence of dossier codes: incremented in the intake's transaction, so a code is never given twice. */
export const dossierCodeSequences = pgTable(
  'dossier_code_sequences',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.unitId, table.day] })],
);

/** The components of the version in force, as checked at intake: present as a file, as paper, reused, or missing. */
export const dossierComponents = pgTable(
  'dossier_components',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    /** Position in the version's component list (0-based). */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    isRequired: boolean('is_required').notNull(),
    presence: text('presence', { enum: componentPresences }).notNull(),
    /** A digitised copy exists (a file uploaded, or paper scanned at the desk). */
    isDigitised: boolean('is_digitised').notNull().default(false),
    /** Reused from an earlier result of the same applicant: the code of that dossier, or a document reference. */
    reusedFrom: text('reused_from'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('dossier_components_position_unique').on(table.dossierId, table.position)],
);

/** Files of a dossier: component scans, supplements, action attachments and results (bytes in the files module). */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** 'component' | 'supplement' | 'attachment' | 'result' */
    purpose: text('purpose').notNull(),
    componentPosition: integer('component_position'),
    /** The event that brought the file (null for files given at intake). */
    eventId: bigint('event_id', { mode: 'number' }),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('dossier_files_dossier_idx').on(table.dossierId), index('dossier_files_file_idx').on(table.fileId)],
);

/** The internal process of the dossier: the version's approved template (or the default one), one row per step. */
export const dossierSteps = pgTable(
  'dossier_steps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    stepNo: integer('step_no').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: processRoles }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    assigneeId: uuid('assignee_id'),
    budgetAmount: numeric('budget_amount', { mode: 'number' }).notNull(),
    budgetUnit: text('budget_unit', { enum: timeUnits }).notNull(),
    status: text('status', { enum: dossierStepStatuses }).notNull().default('pending'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    timing: text('timing', { enum: timingClasses }),
  },
  (table) => [
    unique('dossier_steps_no_unique').on(table.dossierId, table.stepNo),
    index('dossier_steps_active_idx').on(table.unitId, table.status, table.dueAt),
    index('dossier_steps_assignee_idx').on(table.assigneeId, table.status),
  ],
);

/**
 * The append-only trail of a dossier: one row per action, in the action's transaction. Mẫu 06 (control slip) and
 * every KPI are produced from it. `data` holds what the action carried (reason, new due, consultation, files…).
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** The actor's unit for this action (the giver in Mẫu 06). */
    actorUnitId: uuid('actor_unit_id'),
    /** A dossier action, or 'receive' / 'submit' for the intake itself, 'mark_overdue' for the sweep. */
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: dossierStatuses }),
    toStatus: text('to_status', { enum: dossierStatuses }).notNull(),
    stepNo: integer('step_no'),
    /** The step or person the dossier goes to (the receiver in Mẫu 06). */
    toStepNo: integer('to_step_no'),
    toUserId: uuid('to_user_id'),
    toUnitId: uuid('to_unit_id'),
    /** Timing of the step completed by this action (Mẫu 06 "kết quả"). */
    stepTiming: text('step_timing', { enum: timingClasses }),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('dossier_events_dossier_idx').on(table.dossierId, table.id), index('dossier_events_time_idx').on(table.occurredAt)],
);

/** Waiting for the applicant's supplement after acceptance: the clock stops; the due moves by the paused working time. */
export const dossierPauses = pgTable(
  'dossier_pauses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    workingMinutes: integer('working_minutes'),
    reason: text('reason').notNull(),
    /** What the applicant must add (component positions and free text), as in Mẫu 02. */
    requested: jsonb('requested').$type<{ positions: number[]; items: string[] }>().notNull(),
  },
  (table) => [index('dossier_pauses_dossier_idx').on(table.dossierId)],
);

/** Consultations (liên thông) of other agencies, in parallel, each with its own deadline. */
export const dossierConsultations = pgTable(
  'dossier_consultations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    stepNo: integer('step_no').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    agencyName: text('agency_name').notNull(),
    question: text('question').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    reply: text('reply'),
    repliedBy: uuid('replied_by'),
    timing: text('timing', { enum: timingClasses }),
  },
  (table) => [
    index('dossier_consultations_dossier_idx').on(table.dossierId),
    index('dossier_consultations_unit_idx').on(table.unitId, table.repliedAt),
  ],
);

/** Each read of a dossier's personal data by staff (NĐ 13/2023): who, when, which dossier, through which door. */
export const dossierAccessLog = pgTable(
  'dossier_access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
    /** 'detail' | 'form' | 'file' | 'action' (the view an action answers) */
    purpose: text('purpose').notNull(),
  },
  (table) => [index('dossier_access_log_dossier_idx').on(table.dossierId, table.readAt)],
);

/** Requests from the national portal by idempotency key: the same request twice creates one dossier. */
export const nationalPortalRequests = pgTable('national_portal_requests', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  bodySha256: text('body_sha256').notNull(),
  dossierId: uuid('dossier_id')
    .notNull()
    .references(() => dossiers.id),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
