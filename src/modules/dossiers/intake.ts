import type { ReceiveDossierBody } from '../../contract/dossiers';
import { forbidden, invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import { findUnitsByCodes, findUnitsByIds } from '../org';
import { checkOwnUploads } from './dossier-files';
import { checkComponents, requireComplete, resolveHandlingUnit, type UnitRow, versionForIntake } from './intake-checks';
import { type IntakeOutcome, writeIntake } from './intake-write';
import { canReceiveAt } from './policy';
import type { DossierRow } from './read';

export type IntakeOptions = { now?: Date };

/** The desk where the officer receives: the one named, or the desk of their desk-officer role. */
async function receivingDesk(db: Database, actor: Actor, code: string | null): Promise<UnitRow> {
  if (code) {
    const [unit] = await findUnitsByCodes(db, [code]);
    if (!unit) throw invalid([{ path: 'receivingUnitCode', message: `Không có đơn vị mã ${code}.` }]);
    if (!canReceiveAt(actor, unit.path)) throw forbidden(`Bạn không phải cán bộ tiếp nhận của ${unit.name}.`);
    return unit;
  }
  const role = actor.roles.find((held) => held.role === 'desk_officer' && held.unitId);
  if (!role) throw forbidden('Chỉ cán bộ tiếp nhận của bộ phận một cửa mới tiếp nhận hồ sơ.');
  const [unit] = await findUnitsByIds(db, [role.unitId!]);
  return unit!;
}

/**
 * `POST /api/dossiers`: a desk officer receives a dossier at any desk of the province, for any procedure in force
 * (location-independent), and decides at once: accept (receipt, due date, steps), request a supplement, or refuse.
 */
export async function receiveDossier(
  db: Database,
  actor: Actor,
  body: ReceiveDossierBody,
  options: IntakeOptions = {},
): Promise<DossierRow> {
  const now = options.now ?? new Date();
  const desk = await receivingDesk(db, actor, body.receivingUnitCode);
  const version = await versionForIntake(db, body.procedureCode, vietnamDate(now));
  const handlingUnit = await resolveHandlingUnit(db, version.content, body.handlingUnitCode, vietnamDate(now));
  const components = checkComponents(version.content, body.components, ['file', 'paper', 'reused', 'missing']);
  const { decision } = body;
  if (decision.action === 'accept') requireComplete(components, version.content);
  if (decision.action === 'request_supplement') {
    const bad = decision.positions.filter((position) => position >= version.content.components.length);
    if (bad.length)
      throw invalid(bad.map((position) => ({ path: 'decision.positions', message: `Thủ tục không có thành phần số ${position + 1}.` })));
    if (decision.positions.length === 0 && decision.items.length === 0 && components.missingRequired.length === 0) {
      throw invalid([{ path: 'decision.items', message: 'Nêu thành phần hoặc nội dung cần bổ sung, hoàn thiện.' }]);
    }
  }
  const calendar = await getWorkCalendar(db);
  const decisionData: Record<string, unknown> =
    decision.action === 'request_supplement'
      ? {
          reason: decision.reason,
          positions: decision.positions.length ? decision.positions : components.missingRequired,
          items: decision.items,
        }
      : decision.action === 'refuse'
        ? { reason: decision.reason }
        : {};
  return db.transaction(async (tx) => {
    await checkOwnUploads(tx, actor, components.fileIds, 'components');
    return writeIntake(tx, calendar, {
      actor: { userId: actor.userId, fullName: actor.fullName, unitId: desk.id },
      now,
      procedureCode: body.procedureCode,
      version,
      handlingUnit,
      receivingUnit: desk,
      channel: body.channel,
      source: 'desk',
      applicant: body.applicant,
      applicantUserId: null,
      requestSummary: body.requestSummary,
      components,
      outcome: decision.action as IntakeOutcome,
      decisionData,
      comment: decision.action === 'accept' ? decision.comment : null,
    });
  });
}
