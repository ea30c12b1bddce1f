import { inArray, or } from 'drizzle-orm';
import type { ProcedureContent, ProcessStep } from '../../contract/catalog';
import type { CommittedTimeView } from '../../contract/catalog-processes';
import type { IntakeComponent } from '../../contract/dossiers';
import type { ComponentPresence, Level } from '../../contract/enums';
import { buildDefaultProcess } from '../../core/dossiers/default-process';
import { type ErrorDetail, invalid } from '../../core/errors';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema/org';
import { intakeTermsOn, type VersionContent } from '../catalog';
import type { findUnitsByCodes } from '../org';
import type { FileAttachment } from './dossier-files';

/* The checks every intake makes (desk, online, national portal) against the version in force on the day. */

export type UnitRow = Awaited<ReturnType<typeof findUnitsByCodes>>[number];

/** The version in force on the day, with the committed time and the approved process of that day. */
export type IntakeVersion = VersionContent & { time: CommittedTimeView };

/** The version in force on `day` (one statement, the content from memory), not yet checked: see `requireVersionInForce`. */
export async function readIntakeVersion(executor: Executor, code: string, day: string): Promise<IntakeVersion | undefined> {
  const terms = await intakeTermsOn(executor, code, day);
  return terms ? { ...terms.version, time: terms.time } : undefined;
}

/** A procedure without a version in force on `day` (or abolished) receives no dossier. */
export function requireVersionInForce(version: IntakeVersion | undefined, code: string, day: string): IntakeVersion {
  if (!version || version.isAbolished) {
    throw invalid([
      {
        path: 'procedureCode',
        message: `Thủ tục ${code} không có phiên bản đang có hiệu lực vào ngày ${formatVietnameseDate(day)}: không tiếp nhận được hồ sơ.`,
      },
    ]);
  }
  return version;
}

/** The version in force on `day`; a procedure without one (or abolished) receives no dossier. */
export async function versionForIntake(executor: Executor, code: string, day: string): Promise<IntakeVersion> {
  return requireVersionInForce(await readIntakeVersion(executor, code, day), code, day);
}

/**
 * The dossier's internal process (docs/api/dossiers.md "Steps"): the approved process in force, else the version's
 * process template, else the default process of the committed time.
 */
export function processTemplateOf(version: IntakeVersion): ProcessStep[] {
  const { time, content } = version;
  if (time.approval?.steps.length) return time.approval.steps;
  return content.processTemplate.length ? content.processTemplate : buildDefaultProcess(time.committed);
}

/** Units by code or id in one statement (org's units: the read-side table every module may read, ADR 0002). */
export async function readUnits(executor: Executor, lookup: { codes: readonly string[]; ids?: readonly string[] }): Promise<UnitRow[]> {
  const codes = [...new Set(lookup.codes)];
  const ids = [...new Set(lookup.ids ?? [])];
  if (codes.length === 0 && ids.length === 0) return [];
  const conditions = [...(codes.length ? [inArray(units.code, codes)] : []), ...(ids.length ? [inArray(units.id, ids)] : [])];
  return executor
    .select()
    .from(units)
    .where(conditions.length === 1 ? conditions[0] : or(...conditions));
}

/**
 * The handling unit: one of the version's handling units, or a unit below one of them (a commune for a commune
 * procedure published as "UBND cấp xã"); required when the version has several.
 */
export async function resolveHandlingUnit(
  executor: Executor,
  content: ProcedureContent,
  code: string | null,
  day: string,
): Promise<UnitRow> {
  const found = await readUnits(executor, { codes: [...content.handlingUnitCodes, ...(code ? [code] : [])] });
  return handlingUnitOf(content, code, day, new Map(found.map((unit) => [unit.code, unit])));
}

/** Pure `resolveHandlingUnit`: the units it names looked up in `byCode`. */
export function handlingUnitOf(content: ProcedureContent, code: string | null, day: string, byCode: ReadonlyMap<string, UnitRow>): UnitRow {
  const handlers = [...new Set(content.handlingUnitCodes)].flatMap((handler) => {
    const unit = byCode.get(handler);
    return unit ? [unit] : [];
  });
  let unit: UnitRow | undefined;
  if (!code) {
    if (handlers.length !== 1) {
      throw invalid([{ path: 'handlingUnitCode', message: 'Thủ tục có nhiều cơ quan giải quyết: chọn cơ quan giải quyết hồ sơ.' }]);
    }
    unit = handlers[0]!;
  } else {
    unit = byCode.get(code);
    if (!unit || !handlers.some((handler) => unit!.path.startsWith(handler.path))) {
      throw invalid([{ path: 'handlingUnitCode', message: `Đơn vị ${code} không phải cơ quan giải quyết thủ tục này.` }]);
    }
  }
  // A unit merged away (validTo passed) receives nothing: its successor does.
  if (unit.validTo !== null && unit.validTo <= day) {
    throw invalid([{ path: 'handlingUnitCode', message: `${unit.name} đã thôi hoạt động từ ngày ${formatVietnameseDate(unit.validTo)}.` }]);
  }
  return unit;
}

/** The level of the dossier: the commune level when a commune handles it, else the version's first level. */
export function dossierLevel(content: ProcedureContent, unit: UnitRow): Level {
  if (unit.type === 'commune' && content.levels.includes('commune')) return 'commune';
  return content.levels[0] ?? 'province';
}

export type CheckedComponent = {
  position: number;
  name: string;
  isRequired: boolean;
  presence: ComponentPresence;
  isDigitised: boolean;
  reusedFrom: string | null;
};

export type ComponentCheck = { rows: CheckedComponent[]; files: FileAttachment[]; missingRequired: number[]; fileIds: string[] };

/**
 * Each component of the version, as given (a component not given is missing): `file` needs at least one file,
 * `reused` its source; `allowed` limits the presences (online: no paper). Missing required components are listed,
 * the decision decides whether that is allowed.
 */
export function checkComponents(
  content: ProcedureContent,
  given: IntakeComponent[],
  allowed: readonly ComponentPresence[],
  path = 'components',
): ComponentCheck {
  const details: ErrorDetail[] = [];
  const byPosition = new Map<number, IntakeComponent>();
  given.forEach((component, index) => {
    const at = `${path}.${index}`;
    if (component.position >= content.components.length) {
      details.push({ path: `${at}.position`, message: `Thủ tục không có thành phần hồ sơ số ${component.position + 1}.` });
    } else if (byPosition.has(component.position)) {
      details.push({ path: `${at}.position`, message: `Thành phần hồ sơ số ${component.position + 1} được nêu hai lần.` });
    }
    if (!allowed.includes(component.presence)) {
      details.push({ path: `${at}.presence`, message: 'Hồ sơ nộp trực tuyến chỉ gồm tệp đã số hóa hoặc giấy tờ tái sử dụng.' });
    }
    if (component.presence === 'file' && component.fileIds.length === 0) {
      details.push({ path: `${at}.fileIds`, message: 'Thành phần nộp bằng tệp phải có ít nhất một tệp.' });
    }
    if (component.presence !== 'file' && component.fileIds.length > 0 && component.presence !== 'paper') {
      details.push({ path: `${at}.fileIds`, message: 'Chỉ thành phần nộp bằng tệp hoặc bản giấy đã quét mới kèm tệp.' });
    }
    if (component.presence === 'reused' && !component.reusedFrom) {
      details.push({ path: `${at}.reusedFrom`, message: 'Nêu mã hồ sơ hoặc giấy tờ được tái sử dụng.' });
    }
    byPosition.set(component.position, component);
  });
  const allFileIds = given.flatMap((component) => component.fileIds);
  if (new Set(allFileIds).size !== allFileIds.length) details.push({ path, message: 'Một tệp được gắn cho nhiều thành phần.' });
  if (details.length) throw invalid(details, 'Thành phần hồ sơ không hợp lệ.');
  const rows = content.components.map((component, position) => {
    const entry = byPosition.get(position);
    return {
      position,
      name: component.name,
      isRequired: component.required,
      presence: entry?.presence ?? 'missing',
      isDigitised: (entry?.fileIds.length ?? 0) > 0,
      reusedFrom: entry?.presence === 'reused' ? entry.reusedFrom : null,
    };
  });
  return {
    rows,
    files: given.flatMap((component) =>
      component.fileIds.map((fileId) => ({ fileId, purpose: 'component' as const, componentPosition: component.position })),
    ),
    missingRequired: rows.filter((row) => row.isRequired && row.presence === 'missing').map((row) => row.position),
    fileIds: allFileIds,
  };
}

/** Accepting needs every required component present (file, paper or reused). */
export function requireComplete(
  check: ComponentCheck,
  content: ProcedureContent,
  message = 'Hồ sơ chưa đủ thành phần bắt buộc để tiếp nhận: chỉ có thể yêu cầu bổ sung hoặc từ chối.',
): void {
  if (check.missingRequired.length === 0) return;
  throw invalid(
    check.missingRequired.map((position) => ({
      path: 'components',
      message: `Thiếu thành phần bắt buộc số ${position + 1}: ${content.components[position]!.name}.`,
    })),
    message,
  );
}
