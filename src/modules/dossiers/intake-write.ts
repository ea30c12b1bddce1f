import { eq } from 'drizzle-orm';
import type { Applicant } from '../../contract/dossiers';
import type { Channel, DossierSource, DossierStatus } from '../../contract/enums';
import type { WorkCalendar } from '../../core/calendar';
import { buildDefaultProcess } from '../../core/dossiers/default-process';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { dossierComponents, dossierEvents, dossiers } from '../../db/schema/dossiers';
import { recordAuditEvent } from '../audit';
import { committedTimeOn, type VersionContent } from '../catalog';
import { nextDossierCode } from './codes';
import { attachDossierFiles } from './dossier-files';
import { activeStepHolder } from './holders';
import type { ComponentCheck, UnitRow } from './intake-checks';
import { dossierLevel } from './intake-checks';
import { intakeNotice, notifyApplicant, notifyPortal } from './intake-notify';
import { buildDossierSteps, writeAcceptedSteps } from './intake-steps';
import type { DossierRow } from './read';

/*
 * Writes a new dossier, in the caller's transaction: code, components, files, (when accepted) due date and steps,
 * its first event, the audit event, the applicant's notification and the national-portal status message. Desk,
 * online and national-portal intakes all come through here, after their own checks.
 */

export type IntakeOutcome = 'accept' | 'request_supplement' | 'refuse' | 'submit';

export type IntakeWrite = {
  actor: { userId: string | null; fullName: string; unitId: string | null };
  now: Date;
  submittedAt?: Date;
  procedureCode: string;
  version: VersionContent;
  handlingUnit: UnitRow;
  receivingUnit: UnitRow | null;
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
};

const statusOf: Record<IntakeOutcome, DossierStatus> = {
  accept: 'processing',
  request_supplement: 'supplement_requested',
  refuse: 'refused',
  submit: 'submitted',
};

export async function writeIntake(tx: Executor, calendar: WorkCalendar, input: IntakeWrite): Promise<DossierRow> {
  const { now, version, handlingUnit, applicant } = input;
  const content = version.content;
  const day = vietnamDate(now);
  const time = await committedTimeOn(tx, input.procedureCode, day);
  const committed = time?.committed ?? { amount: content.processingTime.amount, unit: content.processingTime.unit };
  const statutory = time?.statutory ?? committed;
  const accepted = input.outcome === 'accept';
  const dueAt = accepted ? calendar.computeDueDate(now, committed.amount, committed.unit) : null;
  // The approved internal process, else the version's template, else the default process (docs/api/dossiers.md "Steps").
  const template = time?.approval?.steps.length
    ? time.approval.steps
    : content.processTemplate.length
      ? content.processTemplate
      : buildDefaultProcess(committed);
  const plan = accepted ? await buildDossierSteps(tx, template, { handling: handlingUnit, receiving: input.receivingUnit }) : [];
  const code = await nextDossierCode(tx, handlingUnit, now);
  const status = statusOf[input.outcome];
  const [dossier] = await tx
    .insert(dossiers)
    .values({
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
      createdBy: input.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  let row = dossier!;
  if (input.components.rows.length) {
    await tx.insert(dossierComponents).values(input.components.rows.map((component) => ({ ...component, dossierId: row.id })));
  }
  const steps = accepted
    ? await writeAcceptedSteps(tx, calendar, { dossierId: row.id, plan, acceptedAt: now, actorId: input.actor.userId })
    : { currentStepNo: null, deskStepTiming: null };
  if (steps.currentStepNo !== null) {
    const [updated] = await tx
      .update(dossiers)
      .set({ currentStepNo: steps.currentStepNo, ...activeStepHolder(row.id) })
      .where(eq(dossiers.id, row.id))
      .returning();
    row = updated!;
  }
  const action = input.source === 'desk' ? 'receive' : 'submit';
  const [event] = await tx
    .insert(dossierEvents)
    .values({
      dossierId: row!.id,
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
    })
    .returning({ id: dossierEvents.id });
  if (input.components.files.length) {
    await attachDossierFiles(tx, { dossierId: row!.id, actorId: input.actor.userId, files: input.components.files });
  }
  await recordAuditEvent(tx, {
    actorId: input.actor.userId,
    action: `dossier.${action}`,
    entityType: 'dossier',
    entityId: row!.id,
    data: { code, status, decision: input.outcome, procedureCode: input.procedureCode, handlingUnitId: handlingUnit.id },
  });
  const reason = typeof input.decisionData.reason === 'string' ? input.decisionData.reason : null;
  await notifyApplicant(tx, row!, intakeNotice(row!, reason), event!.id);
  await notifyPortal(tx, row!, { id: event!.id, action, occurredAt: now });
  return row!;
}
