import { gt, isNull, or } from 'drizzle-orm';
import { AppError, forbidden } from '../../core/errors';
import { importPlanDocument, PlanImportError } from '../../core/plans';
import { matchPlanUnits, matchUnitName } from '../../core/plans/unit-matcher';
import { vietnamDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import type { Actor } from '../auth';
import { canImportPlans } from './policy';

/** The size limit of a plan document (a plan with its appendix tables is a few hundred kilobytes). */
export const PLAN_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The units a plan's names are matched against: those in force today. */
export async function listUnitsInForce(db: Executor) {
  const today = vietnamDate();
  return db
    .select({ id: units.id, name: units.name, shortName: units.shortName, path: units.path, parentId: units.parentId })
    .from(units)
    .where(or(isNull(units.validTo), gt(units.validTo, today)));
}

/**
 * Reads an uploaded plan and matches its unit names to the tree, for the review page: nothing is saved. An
 * unreadable file is a 422 with the importer's Vietnamese message. The issuer the document names ("SỞ TƯ PHÁP") is
 * matched like the task units, and a name the whole tree leaves unclear — "Văn phòng Sở", "Phòng Hành chính tư
 * pháp": every department has its own — is matched again among the units under that issuer, where a plan's own
 * divisions are.
 */
export async function importPlanFile(db: Executor, actor: Actor | null, upload: { bytes: Buffer; name: string }) {
  if (!canImportPlans(actor)) throw forbidden('Chỉ bộ phận kiểm soát TTHC và quản trị viên nhập kế hoạch.');
  const fileName = upload.name.normalize('NFC');
  let imported: Awaited<ReturnType<typeof importPlanDocument>>;
  try {
    imported = await importPlanDocument(new Uint8Array(upload.bytes), fileName);
  } catch (error) {
    if (error instanceof PlanImportError) {
      const code = error.reason === 'unsupported' ? 'unsupported_media_type' : 'validation_failed';
      throw new AppError(code, error.message, [{ path: 'file', message: error.message }]);
    }
    throw error;
  }
  const candidates = await listUnitsInForce(db);
  const names = imported.tasks.flatMap((task) => [...task.lead, ...task.coordinating]);
  const nameOf = new Map(candidates.map((unit) => [unit.id, unit.name]));
  const issuerId = imported.plan.issuer ? matchUnitName(imported.plan.issuer, candidates).unitId : null;
  const issuerPath = candidates.find((unit) => unit.id === issuerId)?.path;
  const ownUnits = issuerPath ? candidates.filter((unit) => unit.path.startsWith(issuerPath) && unit.id !== issuerId) : [];
  const matches = matchPlanUnits(names, candidates).map((match) => {
    const own = match.unitId || match.isCollective || ownUnits.length === 0 ? null : matchUnitName(match.name, ownUnits);
    const chosen = own?.unitId ? { ...match, unitId: own.unitId, candidates: own.candidates } : match;
    return { ...chosen, unitName: chosen.unitId ? (nameOf.get(chosen.unitId) ?? null) : null };
  });
  return { fileName, imported, issuer: issuerId ? { id: issuerId, name: nameOf.get(issuerId)! } : null, units: matches };
}
