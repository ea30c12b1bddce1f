import type { Decision, ProcedureContent } from '../../contract/catalog';
import type { DecisionType } from '../../contract/enums';
import { AppError, conflict, forbidden, notFound } from '../../core/errors';
import { vietnamDate } from '../../core/vietnam-time';
import type { Database, Executor } from '../../db/client';
import type { Actor } from '../auth';
import { findUnitsByCodes, listReceivingPlaces } from '../org';
import { toDecisionHeader } from './decision-view';
import { can } from './policy';
import { publishProcedure } from './publish';
import * as repo from './repo';
import { describeDuration, summarizeFees, versionStatus } from './rules';
import { type ProcedureSearchQuery, searchProcedures } from './search';
import { loadSignedFiles, type SignedFiles } from './signed-files';

type UnitRef = { code: string; name: string };

async function unitNames(executor: Executor, codes: string[]): Promise<Map<string, string>> {
  const rows = await findUnitsByCodes(executor, [...new Set(codes)]);
  return new Map(rows.map((row) => [row.code, row.name]));
}

const toRefs = (codes: string[], names: Map<string, string>): UnitRef[] => codes.map((code) => ({ code, name: names.get(code) ?? code }));

export async function findProcedures(db: Database, query: ProcedureSearchQuery, today = vietnamDate()) {
  const { rows, total, suggestion, matchedWords, isApproximate, facets } = await searchProcedures(db, query, today);
  const names = await unitNames(db, [...rows.flatMap((row) => row.handlingUnitCodes), ...facets.units.map((unit) => unit.value)]);
  const items = rows.map((row) => {
    const details = row.details as Pick<ProcedureContent, 'fees' | 'processingTime'>;
    return {
      code: row.code,
      versionNo: row.versionNo,
      name: row.name,
      field: row.field,
      levels: row.levels,
      onlineLevel: row.onlineLevel,
      processingTime: {
        amount: row.timeAmount,
        unit: row.timeUnit,
        text: details.processingTime?.text ?? describeDuration(row.timeAmount, row.timeUnit),
      },
      handlingUnits: toRefs(row.handlingUnitCodes, names),
      businessRelated: row.businessRelated,
      locationIndependent: row.locationIndependent,
      feeSummary: summarizeFees(details.fees ?? []),
    };
  });
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    suggestion,
    matchedWords,
    isApproximate,
    facets: { ...facets, units: facets.units.map((unit) => ({ ...unit, name: names.get(unit.value) ?? unit.value })) },
  };
}

export async function listFields(db: Database, today = vietnamDate()) {
  return { items: await repo.listFieldCounts(db, today) };
}

type VersionEntry = { version: repo.VersionRow; decision: repo.DecisionRow | null; action: DecisionType | null };

/** What the decision did to this version: its item's action (rows loaded without items: read from the version). */
function actionOf(entry: VersionEntry): DecisionType {
  if (entry.action) return entry.action;
  if (entry.version.replacedByCode) return 'replaced';
  if (entry.version.isAbolished) return 'abolished';
  return entry.version.versionNo === 1 ? 'new' : 'amended';
}

type ProcedureRef = { code: string; name: string };

function toDecisionView(
  entry: VersionEntry,
  files: SignedFiles,
  links: { replaces: ProcedureRef[]; replacedBy: ProcedureRef | null } = noLinks,
) {
  if (!entry.decision) return null;
  return { ...toDecisionHeader(entry.decision, files), type: actionOf(entry), ...links };
}

const noLinks = { replaces: [], replacedBy: null };

async function procedureRefs(db: Executor, codes: string[]) {
  const refs: { code: string; name: string }[] = [];
  for (const code of codes) {
    const procedure = await repo.findProcedureByCode(db, code);
    // The latest name: an abolished (replaced) code's last version keeps the content it had in force.
    const row = procedure ? await repo.findVersion(db, procedure.id, procedure.latestVersionNo) : undefined;
    refs.push({ code, name: row?.version.name ?? code });
  }
  return refs;
}

async function toProcedureView(db: Executor, procedure: repo.ProcedureRow, row: VersionEntry, today: string) {
  const content = repo.joinContent(row.version);
  const names = await unitNames(db, [...content.handlingUnitCodes, ...content.receivingUnitCodes]);
  const versions = await repo.listVersions(db, procedure.id);
  const files = await loadSignedFiles(db, [row.decision, ...versions.map((entry) => entry.decision)]);
  const links = async (version: repo.VersionRow) => ({
    replaces: await procedureRefs(db, version.replacesCodes),
    replacedBy: version.replacedByCode ? (await procedureRefs(db, [version.replacedByCode]))[0]! : null,
  });
  // One after another: `db` may be a transaction's client, which runs one query at a time.
  const summaries = [];
  for (const entry of versions) {
    summaries.push({
      versionNo: entry.version.versionNo,
      status: versionStatus(entry.version, today),
      effectiveFrom: entry.version.effectiveFrom,
      effectiveTo: entry.version.effectiveTo,
      decision: toDecisionView(
        entry,
        files,
        entry.version.replacesCodes.length || entry.version.replacedByCode ? await links(entry.version) : noLinks,
      ),
    });
  }
  return {
    code: procedure.code,
    versionNo: row.version.versionNo,
    latestVersionNo: procedure.latestVersionNo,
    status: versionStatus(row.version, today),
    ...content,
    handlingUnits: toRefs(content.handlingUnitCodes, names),
    receivingUnits: toRefs(content.receivingUnitCodes, names),
    receivingPlaces: await listReceivingPlaces(db, content, today),
    decision: toDecisionView(row, files, await links(row.version)),
    effectiveFrom: row.version.effectiveFrom,
    effectiveTo: row.version.effectiveTo,
    versions: summaries,
  };
}

export type ProcedureView = Awaited<ReturnType<typeof toProcedureView>>;

/** What the public sees: the version in force today (a procedure published for a future date is not yet visible). */
export async function getProcedure(db: Database, code: string, today = vietnamDate()): Promise<ProcedureView> {
  const procedure = await repo.findProcedureByCode(db, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const row = await repo.findVersionInForce(db, procedure.id, today);
  if (!row) throw notFound(`phiên bản đang có hiệu lực của thủ tục ${code}`);
  return toProcedureView(db, procedure, row, today);
}

export async function getProcedureVersion(db: Database, code: string, versionNo: number, today = vietnamDate()) {
  const procedure = await repo.findProcedureByCode(db, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const row = await repo.findVersion(db, procedure.id, versionNo);
  if (!row) throw notFound(`phiên bản ${versionNo} của thủ tục ${code}`);
  return toProcedureView(db, procedure, row, today);
}

export async function createProcedure(
  db: Database,
  actor: Actor | null,
  input: { code: string; decision: Decision; procedure: ProcedureContent },
) {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  await db.transaction(async (tx) => {
    const existing = await repo.findProcedureByCode(tx, input.code, true);
    if (existing) {
      throw new AppError('conflict', `Thủ tục mã ${input.code} đã có trong danh mục.`, [{ path: 'code', message: 'Mã đã tồn tại.' }]);
    }
    // A first version closes nothing here: it may carry its historical dates (decision-dates.ts).
    await publishProcedure(tx, { actorId: actor?.userId ?? null, allowsHistory: true }, { ...input, existing });
  });
  return getProcedureVersion(db, input.code, 1);
}

/**
 * A publication decision creates a new version effective from its date; the previous version stays readable
 * and ends the day before. `baseVersionNo` must be the latest version (optimistic lock: 409 otherwise).
 */
export async function publishVersion(
  db: Database,
  actor: Actor | null,
  code: string,
  input: { baseVersionNo: number; decision: Decision; procedure?: ProcedureContent },
) {
  if (!can(actor, 'procedure.publish')) throw forbidden();
  const { versionNo } = await db.transaction(async (tx) => {
    const existing = await repo.findProcedureByCode(tx, code, true);
    if (!existing) throw notFound(`thủ tục ${code}`);
    if (existing.latestVersionNo !== input.baseVersionNo) {
      throw conflict(`Thủ tục đã có phiên bản mới hơn (phiên bản ${existing.latestVersionNo}). Vui lòng tải lại trước khi công bố.`);
    }
    return publishProcedure(
      tx,
      { actorId: actor?.userId ?? null },
      { code, decision: input.decision, procedure: input.procedure, existing },
    );
  });
  return getProcedureVersion(db, code, versionNo);
}
