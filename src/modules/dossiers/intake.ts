import type { ReceiveDossierBody } from '../../contract/dossiers';
import { defaultPhoneChannels, type PhoneChannel } from '../../contract/enums';
import { forbidden, invalid } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import type { Actor } from '../auth';
import { getWorkCalendar } from '../calendar';
import { checkOwnUploads } from './dossier-files';
import {
  checkComponents,
  handlingUnitOf,
  processTemplateOf,
  readIntakeVersion,
  readUnits,
  requireComplete,
  requireVersionInForce,
  type UnitRow,
} from './intake-checks';
import { stepUnitCodes } from './intake-steps';
import { type IntakeOutcome, writeIntake } from './intake-write';
import { canReceiveAt } from './policy';
import type { DossierRow } from './read';

/** `phoneChannels`: of the applicant's texts to a phone (config.notifyPhoneChannels; SMS when not given). */
export type IntakeOptions = { now?: Date; phoneChannels?: readonly PhoneChannel[] };

/**
 * The desk where the officer receives: the one named, or the desk of their desk-officer role. `byCode` and `byId`
 * hold the units the intake read (one statement for the desk, the handling units and the units of the process).
 */
function receivingDesk(actor: Actor, code: string | null, units: { byCode: Map<string, UnitRow>; byId: Map<string, UnitRow> }): UnitRow {
  if (code) {
    const unit = units.byCode.get(code);
    if (!unit) throw invalid([{ path: 'receivingUnitCode', message: `Không có đơn vị mã ${code}.` }]);
    if (!canReceiveAt(actor, unit.path)) throw forbidden(`Bạn không phải cán bộ tiếp nhận của ${unit.name}.`);
    return unit;
  }
  return units.byId.get(deskRoleOf(actor)!.unitId!)!;
}

const deskRoleOf = (actor: Actor) => actor.roles.find((held) => held.role === 'desk_officer' && held.unitId);

/**
 * `POST /api/dossiers`: a desk officer receives a dossier at any desk of the province, for any procedure in force
 * (location-independent), and decides at once: accept (receipt, due date, steps), request a supplement, or refuse.
 * Two reads (the version in force with its approved process — content from memory —, then every unit the intake
 * names), then the transaction's two statements (intake-write.ts).
 */
export async function receiveDossier(
  db: Database,
  actor: Actor,
  body: ReceiveDossierBody,
  options: IntakeOptions = {},
): Promise<DossierRow> {
  const now = options.now ?? new Date();
  const day = vietnamDate(now);
  if (!body.receivingUnitCode && !deskRoleOf(actor)) throw forbidden('Chỉ cán bộ tiếp nhận của bộ phận một cửa mới tiếp nhận hồ sơ.');
  const found = await readIntakeVersion(db, body.procedureCode, day);
  const content = found && !found.isAbolished ? found.content : null;
  const read = await readUnits(db, {
    codes: [
      ...(body.receivingUnitCode ? [body.receivingUnitCode] : []),
      ...(content ? content.handlingUnitCodes : []),
      ...(body.handlingUnitCode ? [body.handlingUnitCode] : []),
      ...(found && content ? stepUnitCodes(processTemplateOf(found)) : []),
    ],
    ids: body.receivingUnitCode ? [] : [deskRoleOf(actor)!.unitId!],
  });
  const units = { byCode: new Map(read.map((unit) => [unit.code, unit])), byId: new Map(read.map((unit) => [unit.id, unit])) };
  // The checks in their order: the desk, the version, the handling unit, the components.
  const desk = receivingDesk(actor, body.receivingUnitCode, units);
  const version = requireVersionInForce(found, body.procedureCode, day);
  const handlingUnit = handlingUnitOf(version.content, body.handlingUnitCode, day, units.byCode);
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
      phoneChannels: options.phoneChannels ?? defaultPhoneChannels,
      actor: { userId: actor.userId, fullName: actor.fullName, unitId: desk.id },
      now,
      procedureCode: body.procedureCode,
      version,
      handlingUnit,
      receivingUnit: desk,
      unitsByCode: units.byCode,
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
