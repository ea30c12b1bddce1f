import { forbidden } from '../../core/errors';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { getRootUnit, getUnitById, listOfficeUnits } from '../org';
import { canReadReport, canWriteReport } from './policy';

type UnitRow = Awaited<ReturnType<typeof getUnitById>>;

export type ReportAccess = { unit: UnitRow; canRead: boolean; canWrite: boolean };

/** What the actor may do with the reports of the unit `unitId` (404 for an unknown unit). */
export async function accessTo(executor: Executor, actor: Actor | null, unitId: string): Promise<ReportAccess> {
  const unit = await getUnitById(executor, unitId);
  const root = await getRootUnit(executor);
  // Each unit's procedure-control office: the units flagged as its Văn phòng (org's office flag).
  const [offices, rootOffices] = await Promise.all([listOfficeUnits(executor, unit.id), listOfficeUnits(executor, root.id)]);
  const canWrite = canWriteReport(actor, unit, offices);
  return { unit, canWrite, canRead: canWrite || canReadReport(actor, unit, offices, root, rootOffices) };
}

export async function requireRead(executor: Executor, actor: Actor | null, unitId: string): Promise<ReportAccess> {
  const access = await accessTo(executor, actor, unitId);
  if (!access.canRead) throw forbidden('Bạn không có quyền xem báo cáo định kỳ của đơn vị này.');
  return access;
}

export async function requireWrite(executor: Executor, actor: Actor | null, unitId: string): Promise<ReportAccess> {
  const access = await accessTo(executor, actor, unitId);
  if (!access.canWrite) throw forbidden('Chỉ bộ phận kiểm soát thủ tục hành chính của đơn vị mới được lập, sửa và ký báo cáo này.');
  return access;
}
