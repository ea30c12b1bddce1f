import { randomUUID } from 'node:crypto';
import type { Applicant } from '../../contract/dossiers';
import type { Channel, DossierSource, DossierStatus, PhoneChannel } from '../../contract/enums';
import type { WorkCalendar } from '../../core/calendar';
import type { Executor } from '../../db/client';
import type { RowsInsert } from '../../db/json-rows';
import { dossierComponents, dossierEvents, dossierSteps, dossiers } from '../../db/schema/dossiers';
import { auditEventRows } from '../audit';
import { notificationsRows } from '../notify';
import { runRowWritesReturning } from './batch';
import { reserveDossierCode } from './codes';
import { dossierFileRows } from './dossier-files';
import { holderOfSteps } from './holders';
import type { ComponentCheck, IntakeVersion, UnitRow } from './intake-checks';
import { dossierLevel, processTemplateOf } from './intake-checks';
import { applicantMessages, intakeNotice, type MessageDossier, portalMessage } from './intake-notify';
import { acceptedStepRows, buildDossierSteps, planSteps } from './intake-steps';
import type { DossierRow } from './read';
import { rowFromJson } from './state';

/*
 * Writes a new dossier, in the caller's transaction: code, components, files, (when accepted) due date and steps,
 * its first event, the audit event, the applicant's notification and the national-portal status message. Desk,
 * online and national-portal intakes all come through here, after their own checks. Two statements
 * (bench/lifecycle-statements.ts): the code with the first event's id, then everything else as one named statement
 * of jsonb rows (src/db/json-rows.ts, as the actions write).
 */

export type IntakeOutcome = 'accept' | 'request_supplement' | 'refuse' | 'submit';

export type IntakeWrite = {
  actor: { userId: string | null; fullName: string; unitId: string | null };
  now: Date;
  submittedAt?: Date;
  procedureCode: string;
  version: IntakeVersion;
  handlingUnit: UnitRow;
  receivingUnit: UnitRow | null;
  /** The units the process names, when the caller read them with its own (else read here, for an accepted dossier). */
  unitsByCode?: ReadonlyMap<string, UnitRow>;
  channel: Channel;
  source: DossierSource;
  applicant: Applicant;
  applicantUserId: string | null;
  requestSummary: string | null;
  components: ComponentCheck;
  outcome: IntakeOutcome;
  /** What the decision carried: reason, positions and items of a supplement request, comment. */
  decisionData: Record<string, unknown>;
  comment: string | null;
  nationalPortalRef?: string | null;
  /** The channels of the applicant's texts to a phone (config.notifyPhoneChannels). */
  phoneChannels: readonly PhoneChannel[];
};

const statusOf: Record<IntakeOutcome, DossierStatus> = {
  accept: 'processing',
  request_supplement: 'supplement_requested',
  refuse: 'refused',
  submit: 'submitted',
};

export async function writeIntake(tx: Executor, calendar: WorkCalendar, input: IntakeWrite): Promise<DossierRow> {
  const { now, version, handlingUnit, applicant } = input;
  const { content, time } = version;
  const { committed, statutory } = time;
  const accepted = input.outcome === 'accept';
  const dueAt = accepted ? calendar.computeDueDate(now, committed.amount, committed.unit) : null;
  const template = processTemplateOf(version);
  const stepUnits = { handling: handlingUnit, receiving: input.receivingUnit };
  const plan = !accepted
    ? []
    : input.unitsByCode
      ? planSteps(template, stepUnits, input.unitsByCode)
      : await buildDossierSteps(tx, template, stepUnits);
  // The code and the id of the dossier's first event (it names the messages): one statement.
  const { code, eventId } = await reserveDossierCode(tx, handlingUnit, now);
  const status = statusOf[input.outcome];
  const dossierId = randomUUID();
  const steps = accepted
    ? acceptedStepRows(calendar, { dossierId, plan, acceptedAt: now, actorId: input.actor.userId })
    : { rows: [], currentStepNo: null, deskStepTiming: null };
  const values = {
    id: dossierId,
    code,
    procedureCode: input.procedureCode,
    procedureVersionNo: version.versionNo,
    procedureName: content.name,
    field: content.field,
    level: dossierLevel(content, handlingUnit),
    handlingUnitId: handlingUnit.id,
    receivingUnitId: input.receivingUnit?.id ?? null,
    channel: input.channel,
    source: input.source,
    status,
    applicant: {
      kind: applicant.kind,
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      address: applicant.address,
      phone: applicant.phone,
      email: applicant.email,
      representative: applicant.representative,
    },
    applicantIdNumber: applicant.idNumber.replace('-', ''),
    applicantName: applicant.fullName,
    applicantUserId: input.applicantUserId,
    requestSummary: input.requestSummary,
    timeAmount: committed.amount,
    timeUnit: committed.unit,
    statutoryTimeAmount: statutory.amount,
    statutoryTimeUnit: statutory.unit,
    submittedAt: input.submittedAt ?? now,
    receivedAt: accepted ? now : null,
    dueAt,
    appointmentDueAt: dueAt,
    closedAt: input.outcome === 'refuse' ? now : null,
    nationalPortalRef: input.nationalPortalRef ?? null,
    currentStepNo: steps.currentStepNo,
    // Who holds it now, for the inbox (holders.ts): the active step written with it.
    ...holderOfSteps(
      steps.rows.map((step) => ({
        stepNo: step.stepNo,
        status: step.status ?? 'pending',
        role: step.role,
        unitId: step.unitId,
        assigneeId: null,
      })),
    ),
    createdBy: input.actor.userId,
    createdAt: now,
    updatedAt: now,
  } satisfies typeof dossiers.$inferInsert;
  // What the messages name, as the row will hold it (a new dossier is neither resolved, returned nor timed).
  const named: MessageDossier = { ...values, resolvedAt: null, returnedAt: null, timing: null };
  const inserts: RowsInsert[] = [];
  if (input.components.rows.length) {
    inserts.push({ table: dossierComponents, rows: input.components.rows.map((component) => ({ ...component, dossierId })) });
  }
  if (steps.rows.length) inserts.push({ table: dossierSteps, rows: steps.rows });
  const action = input.source === 'desk' ? 'receive' : 'submit';
  inserts.push({
    table: dossierEvents,
    overridingSystemValue: true,
    rows: [
      {
        id: eventId,
        dossierId,
        occurredAt: now,
        actorId: input.actor.userId,
        actorName: input.actor.fullName,
        actorUnitId: input.actor.unitId,
        action,
        fromStatus: null,
        toStatus: status,
        stepNo: steps.deskStepTiming ? 1 : null,
        toStepNo: steps.currentStepNo,
        toUnitId: handlingUnit.id,
        stepTiming: steps.deskStepTiming,
        comment: input.comment,
        data: { decision: input.outcome, ...input.decisionData },
      },
    ],
  });
  const files = dossierFileRows({ dossierId, actorId: input.actor.userId, files: input.components.files, addedAt: now });
  if (files) inserts.push(files);
  inserts.push(
    auditEventRows({
      actorId: input.actor.userId,
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: dossierId,
      data: { code, status, decision: input.outcome, procedureCode: input.procedureCode, handlingUnitId: handlingUnit.id },
    }),
  );
  const reason = typeof input.decisionData.reason === 'string' ? input.decisionData.reason : null;
  const messages = [
    ...applicantMessages(named, intakeNotice(named, reason), eventId, input.phoneChannels),
    portalMessage(named, { id: eventId, action, occurredAt: now }),
  ];
  inserts.push(notificationsRows(messages)!);
  // The dossier, its components, steps, first event, files, audit event and messages: one named statement whose text
  // depends only on the columns written (src/db/json-rows.ts).
  return rowFromJson(dossiers, await runRowWritesReturning(tx, { table: dossiers, rows: [values] }, inserts));
}
