import { forbidden } from '../../core/errors';
import type { Executor } from '../../db/client';
import type { Actor } from '../auth';
import { getRootUnit, getUnitById, listOfficeUnits } from '../org';
import { canReadReport, canWriteReport, type ReportUnit } from './policy';

type UnitRow = Awaited<ReturnType<typeof getUnitById>>;

/** The units flagged as the office (Văn phòng) of `unit`: its procedure-control focal point. */
function officesOf(executor: Executor, unit: UnitRow): Promise<ReportUnit[]> {
  return listOfficeUnits(executor, unit.id);
}

export type ReportAccess = { unit: UnitRow; canRead: boolean; canWrite: boolean };

/** What the actor may do with the reports of the unit `unitId` (404 for an unknown unit). */
export async function accessTo(executor: Executor, actor: Actor | null, unitId: string): Promise<ReportAccess> {
  const unit = await getUnitById(executor, unitId);
  const root = await getRootUnit(executor);
  const [offices, rootOffices] = await Promise.all([officesOf(executor, unit), officesOf(executor, root)]);
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
