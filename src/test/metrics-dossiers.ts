import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { dossierComponents, dossiers } from '../db/schema/dossiers';

/*
 * Dossiers written straight into the dossier tables with the instants a metrics test needs (test support: the
 * triggers of migration 0018 see them exactly as they see the lifecycle's writes).
 */

export type ComponentSpec = { presence: 'file' | 'paper' | 'reused' | 'missing'; isDigitised?: boolean; reusedFrom?: string | null };

export type DossierSpec = {
  unitId: string;
  field: string;
  level?: string;
  channel?: 'direct' | 'online' | 'postal';
  status?: string;
  receivedAt: string | null;
  dueAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  timing?: 'early' | 'on_time' | 'late' | null;
  pausedWorkingMinutes?: number;
  resultIsElectronic?: boolean;
  components?: ComponentSpec[];
  procedureCode?: string;
};

let sequence = 0;
const tag = randomBytes(3).toString('hex').toUpperCase();

export async function insertDossier(executor: Executor, spec: DossierSpec): Promise<{ id: string; code: string }> {
  const code = `M.${tag}-260101-${String(++sequence).padStart(6, '0')}`;
  const at = (value: string | null | undefined) => (value ? new Date(value) : null);
  const status = spec.status ?? (spec.resolvedAt ? 'result_ready' : spec.receivedAt ? 'processing' : 'submitted');
  const [row] = await executor
    .insert(dossiers)
    .values({
      code,
      procedureCode: spec.procedureCode ?? '1.000001',
      procedureVersionNo: 1,
      procedureName: `Thủ tục ${spec.field}`,
      field: spec.field,
      level: spec.level ?? 'province',
      handlingUnitId: spec.unitId,
      channel: spec.channel ?? 'direct',
      source: spec.channel === 'online' ? 'online' : 'desk',
      status: status as 'processing',
      applicant: {
        kind: 'individual',
        fullName: 'Nguyễn Văn An',
        idNumber: '001090012345',
        address: null,
        phone: null,
        email: null,
        representative: null,
      },
      applicantIdNumber: '001090012345',
      applicantName: 'Nguyễn Văn An',
      receivedAt: at(spec.receivedAt),
      dueAt: at(spec.dueAt),
      appointmentDueAt: at(spec.dueAt),
      resolvedAt: at(spec.resolvedAt),
      closedAt: at(spec.closedAt),
      timing: spec.timing ?? null,
      pausedWorkingMinutes: spec.pausedWorkingMinutes ?? 0,
      resultIsElectronic: spec.resultIsElectronic ?? false,
    })
    .returning({ id: dossiers.id, code: dossiers.code });
  if (spec.components?.length) {
    await executor.insert(dossierComponents).values(
      spec.components.map((component, position) => ({
        dossierId: row!.id,
        position,
        name: `Thành phần ${position + 1}`,
        isRequired: true,
        presence: component.presence,
        isDigitised: component.isDigitised ?? component.presence === 'file',
        reusedFrom: component.reusedFrom ?? (component.presence === 'reused' ? 'KQ-0001' : null),
      })),
    );
  }
  return row!;
}

/** A national-portal message of the dossier, in a given delivery state (what the outbox job would leave). */
export async function insertPortalMessage(executor: Executor, dossierId: string, status: 'pending' | 'sent' | 'failed') {
  await executor.execute(sql`
    insert into notify_outbox (channel, recipient, template, body, ref_type, ref_id, status)
    values ('national_portal', 'cong-dvcqg', 'dossier.status', '{}', 'dossier', ${dossierId}, ${status})`);
}
