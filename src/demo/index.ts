import { count } from 'drizzle-orm';
import type { FlagChange } from '../contract/catalog';
import { type ProcedureContent, procedureContentSchema } from '../contract/catalog';
import type { PhoneChannel } from '../contract/enums';
import { announcementsFromCalendarFile, type CalendarFile } from '../core/calendar';
import { chunksOf } from '../core/chunks';
import type { Database, Executor, Transaction } from '../db/client';
import { calendarAnnouncements, calendarYears, costWorksheets, procedures, settings, units, userRoles, users } from '../db/schema';
import { refreshPlannerStatistics } from '../db/statistics';
import type { Actor } from '../modules/auth';
import { DEMO_MARKER_KEY, hashPassword, isDemoInstallation } from '../modules/auth';
import { enterFlagDecision, insertDecision, insertItems, insertVersions, type NewItem, type NewVersion } from '../modules/catalog';
import { DEMO_PASSWORD, demoAccounts } from './accounts';
import {
  BASELINE_EFFECTIVE_FROM,
  CURRENT_EFFECTIVE_FROM,
  demoBaselineContent,
  demoWorksheet,
  hasDemoBaseline,
  hasDemoWorksheet,
} from './baselines';
import { type DemoDossierRun, type DemoProcedureRef, prepareDemoDossiers } from './dossiers';
import {
  type DemoProcedure,
  type DemoUnit,
  EVERY_COMMUNE,
  EVERY_COMMUNE_DESK,
  readCalendarFile,
  readDemoProcedures,
  readDemoUnits,
} from './fixtures';
import { type DemoPlans, loadDemoPlans } from './plans';
import { insertReformDemo } from './reform';
import { demoContactOf } from './unit-contacts';

export { DEMO_PASSWORD, demoAccounts } from './accounts';

/** The years of the announced calendar shipped with the demo (src/modules/calendar/fixtures). */
const DEMO_CALENDAR_YEARS = [2025, 2026, 2027];

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [unitCount] = await db.select({ value: count() }).from(units);
  const [userCount] = await db.select({ value: count() }).from(users);
  return unitCount?.value === 0 && userCount?.value === 0;
}

export function hasDemoMarker(db: Executor): Promise<boolean> {
  return isDemoInstallation(db);
}

export type DemoLoadOptions = {
  /** Load only these procedures (tests); default: the whole demo catalog. */
  procedureCodes?: string[];
  /** Generate the 2024 baseline versions and worksheets (default true; tests of catalog mechanics turn it off). */
  baselines?: boolean;
  /**
   * Demo dossiers made through the services (src/demo/dossiers.ts): how many in all (default DEMO_DOSSIERS; 0 for
   * none — most tests), and how many before loadDemoData returns (default: all); the rest are left to the summary's
   * `moreDossiers`, which the server runs in the background once it listens.
   */
  dossiers?: number;
  dossiersInline?: number;
  /** The moment the demo dossiers are made up to (default: now); tests fix it. */
  now?: Date;
  /** The channels of the demo applicants' texts to a phone (config.notifyPhoneChannels; SMS when not given). */
  phoneChannels?: readonly PhoneChannel[];
  /** The demo's two plans with their progress reports (src/demo/plans.ts; default true; most tests turn it off). */
  plans?: boolean;
};

/** The demo's dossiers on a first start: several thousand, the first DEMO_DOSSIERS_INLINE before the server listens. */
export const DEMO_DOSSIERS = 3000;
export const DEMO_DOSSIERS_INLINE = 100;

export type DemoSummary = {
  units: number;
  users: number;
  procedures: number;
  plans: DemoPlans;
  dossiers: DemoDossierRun;
  /** The dossiers not made inline: run it (once) after the server listens; an abort stops it between dossiers. */
  moreDossiers: ((signal?: AbortSignal) => Promise<DemoDossierRun>) | null;
};

/** Loads the demo province in one transaction; refuses a database that already holds data. */
export async function loadDemoData(db: Database, options: DemoLoadOptions = {}): Promise<DemoSummary> {
  const demoUnits = readDemoUnits();
  const allProcedures = readDemoProcedures();
  const selected = options.procedureCodes
    ? allProcedures.filter((procedure) => options.procedureCodes!.includes(procedure.code))
    : allProcedures;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await db.transaction(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) throw new Error('Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.');
    const unitIds = await insertUnits(tx, demoUnits);
    const actors = await insertAccounts(tx, demoUnits, unitIds, passwordHash);
    await insertCalendar(tx);
    const { flagChanges, current } = await insertProcedures(tx, demoUnits, selected, options.baselines ?? true);
    await insertListDecision(tx, actors.get('kiemsoat')!, flagChanges);
    await insertReformDemo(tx, unitIds);
    await tx.insert(settings).values({ key: DEMO_MARKER_KEY, value: { loadedAt: new Date().toISOString() } });
    return { units: demoUnits.length, users: demoAccounts.length, procedures: selected.length, unitIds, actors, current };
  });
  const plans =
    options.plans === false ? { plans: 0, tasks: 0, reports: 0 } : await loadDemoPlans(db, summary.actors, options.now ?? new Date());
  await refreshPlannerStatistics(db);
  const total = options.dossiers ?? DEMO_DOSSIERS;
  const base = { units: summary.units, users: summary.users, procedures: summary.procedures, plans };
  if (total <= 0) return { ...base, dossiers: { made: 0, failed: 0, firstError: null }, moreDossiers: null };
  const names = new Map(demoUnits.map((unit) => [unit.code, unit.name]));
  const generator = await prepareDemoDossiers({
    db,
    units: new Map([...summary.unitIds].map(([code, unit]) => [code, { ...unit, name: names.get(code)! }])),
    procedures: summary.current,
    actors: summary.actors,
    passwordHash,
    now: options.now ?? new Date(),
    phoneChannels: options.phoneChannels,
  });
  const inline = Math.min(total, options.dossiersInline ?? total);
  const made = await generator.run(0, inline);
  await refreshPlannerStatistics(db);
  const moreDossiers =
    inline < total
      ? async (signal?: AbortSignal) => {
          const more = await generator.run(inline, total, signal);
          if (!signal?.aborted) await refreshPlannerStatistics(db);
          return more;
        }
      : null;
  return { ...base, dossiers: made, moreDossiers };
}

/** Parents first, so that each unit's materialised path can be built from its parent's. */
async function insertUnits(tx: Executor, demoUnits: DemoUnit[]): Promise<Map<string, { id: string; path: string }>> {
  const placed = new Map<string, { id: string; path: string }>();
  let pending = [...demoUnits];
  while (pending.length > 0) {
    const ready = pending.filter((unit) => unit.parentCode === null || placed.has(unit.parentCode));
    if (ready.length === 0) throw new Error(`Demo units with unknown parents: ${pending.map((unit) => unit.code).join(', ')}`);
    for (const unit of ready) {
      const id = crypto.randomUUID();
      const parent = unit.parentCode ? placed.get(unit.parentCode)! : null;
      placed.set(unit.code, { id, path: `${parent?.path ?? '/'}${id}/` });
    }
    pending = pending.filter((unit) => !placed.has(unit.code));
  }
  await tx.insert(units).values(
    demoUnits.map((unit, position) => ({
      ...demoContactOf(unit, position),
      id: placed.get(unit.code)!.id,
      path: placed.get(unit.code)!.path,
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      type: unit.type,
      parentId: unit.parentCode ? placed.get(unit.parentCode)!.id : null,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      successorId: unit.successorCode ? (placed.get(unit.successorCode)?.id ?? null) : null,
      address: unit.address,
      isOffice: unit.parentCode !== null && /^Văn phòng /.test(unit.name),
    })),
  );
  return placed;
}

/** The accounts, and each one as an actor (the demo's own decisions are entered by its procedure controller). */
async function insertAccounts(
  tx: Executor,
  demoUnits: DemoUnit[],
  unitIds: Map<string, { id: string; path: string }>,
  passwordHash: string,
): Promise<Map<string, Actor>> {
  const actors = new Map<string, Actor>();
  for (const account of demoAccounts) {
    const units = account.roles.map((grant) => {
      const unit = grant.unit?.(demoUnits);
      if (grant.unit && !unit) throw new Error(`Demo organisation has no unit for the account ${account.username}`);
      return unit;
    });
    const grants = account.roles.map((grant, index) => {
      const unit = units[index];
      return { role: grant.role, unitId: unit ? unitIds.get(unit.code)!.id : null };
    });
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        fullName: account.fullName,
        passwordHash,
        personalId: account.personalId,
        taxCode: account.taxCode,
        email: account.email,
        phone: account.phone,
      })
      .returning({ id: users.id });
    await tx.insert(userRoles).values(grants.map((grant) => ({ ...grant, userId: user!.id })));
    actors.set(account.username, {
      userId: user!.id,
      username: account.username,
      fullName: account.fullName,
      roles: grants.map((grant, index) => {
        const unit = units[index];
        return { ...grant, unitPath: unit ? unitIds.get(unit.code)!.path : null, unitName: unit?.name ?? null };
      }),
    });
  }
  return actors;
}

/**
 * The province's list decision of 2025 (dữ liệu mẫu): the procedures it publishes whose national record offers an
 * online service (full or partial) are "đủ điều kiện toàn trình", and its own procedures — not those of the central
 * vertical agencies — are received at the one-stop desk. Entered through the catalog's list decisions, on the day it
 * was issued, by the demo's procedure controller.
 */
const DEMO_LIST_DECISION = {
  number: '3000/QĐ-UBND (dữ liệu mẫu)',
  date: '2025-06-30',
  signer: 'Chủ tịch UBND tỉnh',
  effectiveDate: CURRENT_EFFECTIVE_FROM,
  issuerUnitCode: '000.00.00.H01',
  issuerName: 'UBND tỉnh An Giang',
  signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
  form: 'list' as const,
  nationalPublishedOn: null,
  signedFileUrl: null,
  signedFileId: null,
  isLatePublication: false,
};

async function insertListDecision(tx: Transaction, actor: Actor, changes: FlagChange[]) {
  if (changes.length === 0) return;
  await enterFlagDecision(tx, actor, { decision: DEMO_LIST_DECISION, changes }, DEMO_LIST_DECISION.date);
}

async function insertCalendar(tx: Executor) {
  const years = announcementsFromCalendarFile(readCalendarFile() as CalendarFile, DEMO_CALENDAR_YEARS);
  for (const year of years) {
    await tx.insert(calendarYears).values({ year: year.year, isAnnouncedListComplete: year.isComplete });
    if (year.announcements.length === 0) continue;
    await tx.insert(calendarAnnouncements).values(
      year.announcements.map((entry) => ({
        date: entry.date,
        kind: entry.kind,
        name: entry.name,
        basis: entry.basis || null,
        replaces: entry.replaces ?? null,
      })),
    );
  }
}

/**
 * One publication decision per field and year (as a province publishes its catalog): a generated 2024 version
 * (demo baseline, see baselines.ts) and the current version from the national catalog, effective 1/7/2025.
 */
async function insertProcedures(
  tx: Executor,
  demoUnits: DemoUnit[],
  demoProcedures: DemoProcedure[],
  withBaselines: boolean,
): Promise<{ flagChanges: FlagChange[]; current: DemoProcedureRef[] }> {
  const communeCodes = demoUnits.filter((unit) => unit.type === 'commune' && !unit.validTo).map((unit) => unit.code);
  const communeDeskCodes = demoUnits
    .filter((unit) => unit.type === 'desk' && communeCodes.includes(unit.parentCode ?? ''))
    .map((unit) => unit.code);
  const expand = (codes: string[]) =>
    codes.flatMap((code) => (code === EVERY_COMMUNE ? communeCodes : code === EVERY_COMMUNE_DESK ? communeDeskCodes : [code]));
  const decisions = new Map<string, string>();
  const decisionFor = async (field: string, handlingUnitCodes: string[], kind: 'baseline' | 'new' | 'amended') => {
    const issuer = demoIssuerOf(handlingUnitCodes);
    const key = `${issuer.symbol}:${field}:${kind}`;
    if (!decisions.has(key)) {
      const isBaseline = kind === 'baseline';
      const decision = await insertDecision(
        tx,
        {
          number: `${(isBaseline ? 800 : 1200) + decisions.size}/${issuer.symbol}${isBaseline ? ' (dữ liệu mẫu)' : ''}`,
          date: isBaseline ? '2023-12-20' : '2025-06-30',
          signer: issuer.signer,
          signerTitle: issuer.signerTitle,
          issuerUnitCode: issuer.unitCode,
          issuerName: issuer.name,
          form: 'full',
          effectiveDate: isBaseline ? BASELINE_EFFECTIVE_FROM : CURRENT_EFFECTIVE_FROM,
        },
        null,
      );
      decisions.set(key, decision.id);
    }
    return decisions.get(key)!;
  };
  const itemRows: NewItem[] = [];
  const procedureRows: (typeof procedures.$inferInsert)[] = [];
  const versionRows: { values: NewVersion; content: ProcedureContent }[] = [];
  const worksheetRows: (typeof costWorksheets.$inferInsert)[] = [];
  const flagChanges: FlagChange[] = [];
  const current: DemoProcedureRef[] = [];
  for (const demo of demoProcedures) {
    const { code, ...raw } = demo;
    const content = procedureContentSchema.parse({
      ...raw,
      handlingUnitCodes: expand(raw.handlingUnitCodes),
      receivingUnitCodes: expand(raw.receivingUnitCodes ?? []),
      processTemplate: (raw.processTemplate ?? []).map((step) => ({
        ...step,
        unitCode: step.unitCode === EVERY_COMMUNE || step.unitCode === EVERY_COMMUNE_DESK ? null : step.unitCode,
      })),
    });
    current.push({ code, content, inForceFrom: CURRENT_EFFECTIVE_FROM });
    if (content.onlineLevel !== 'none') flagChanges.push({ code, flag: 'fullOnlineEligible', value: true });
    // The one-stop desk receives citizens' and businesses' dossiers: internal procedures (between state bodies) are not on its list.
    const isInternal = content.internalGroup !== null || code.startsWith('5.');
    if (!isInternal && demoIssuerOf(content.handlingUnitCodes) === PROVINCE_ISSUER)
      flagChanges.push({ code, flag: 'oneStopDesk', value: true });
    const withBaseline = withBaselines && hasDemoBaseline(code);
    const procedureId = crypto.randomUUID();
    procedureRows.push({ id: procedureId, code, latestVersionNo: withBaseline ? 2 : 1 });
    const versions: { content: ProcedureContent; isBaseline: boolean }[] = withBaseline
      ? [
          { content: demoBaselineContent(code, content), isBaseline: true },
          { content, isBaseline: false },
        ]
      : [{ content, isBaseline: false }];
    for (const [index, version] of versions.entries()) {
      const id = crypto.randomUUID();
      const kind = version.isBaseline ? 'baseline' : withBaseline ? 'amended' : 'new';
      const decisionId = await decisionFor(content.field, content.handlingUnitCodes, kind);
      itemRows.push({ decisionId, action: kind === 'amended' ? 'amended' : 'new', code, versionId: id });
      versionRows.push({
        values: {
          id,
          procedureId,
          code,
          versionNo: index + 1,
          decisionId,
          effectiveFrom: version.isBaseline ? BASELINE_EFFECTIVE_FROM : CURRENT_EFFECTIVE_FROM,
          effectiveTo: version.isBaseline ? CURRENT_EFFECTIVE_FROM : null,
          isAbolished: false,
          createdBy: null,
        },
        content: version.content,
      });
      if (hasDemoWorksheet(code))
        worksheetRows.push({ ...demoWorksheet(code, version.content, version.isBaseline), procedureVersionId: id, subjectsSource: 'demo' });
    }
  }
  // Few large statements instead of thousands of small ones: the first start is dominated by this load.
  for (const chunk of chunksOf(procedureRows, 500)) await tx.insert(procedures).values(chunk);
  await insertVersions(tx, versionRows);
  await insertItems(tx, itemRows);
  for (const chunk of chunksOf(worksheetRows, 500)) await tx.insert(costWorksheets).values(chunk);
  return { flagChanges, current };
}

type DemoIssuer = { symbol: string; unitCode: string | null; name: string; signer: string; signerTitle: string };

const PROVINCE_ISSUER: DemoIssuer = {
  symbol: 'QĐ-UBND',
  unitCode: '000.00.00.H01',
  name: 'UBND tỉnh An Giang',
  signer: 'Chủ tịch UBND tỉnh',
  signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
};

/**
 * Procedures of the central vertical agencies (units 000.xx.20–27.H01 of the demo tree: Công an, Thuế, Hải quan,
 * NHNN, Kho bạc, BHXH, THADS, courts) are published by their ministry or central body, not by the Chủ tịch UBND
 * tỉnh (docs/DOMAIN.md §2). Authorities outside the tree have no unit code.
 */
const VERTICAL_ISSUERS: Record<string, DemoIssuer> = {
  '20': { symbol: 'QĐ-BCA', unitCode: null, name: 'Bộ Công an', signer: 'Thứ trưởng Bộ Công an', signerTitle: 'KT. Bộ trưởng, Thứ trưởng' },
  '21': {
    symbol: 'QĐ-BTC',
    unitCode: null,
    name: 'Bộ Tài chính',
    signer: 'Thứ trưởng Bộ Tài chính',
    signerTitle: 'KT. Bộ trưởng, Thứ trưởng',
  },
  '22': {
    symbol: 'QĐ-BTC',
    unitCode: null,
    name: 'Bộ Tài chính',
    signer: 'Thứ trưởng Bộ Tài chính',
    signerTitle: 'KT. Bộ trưởng, Thứ trưởng',
  },
  '23': {
    symbol: 'QĐ-NHNN',
    unitCode: null,
    name: 'Ngân hàng Nhà nước Việt Nam',
    signer: 'Phó Thống đốc Ngân hàng Nhà nước',
    signerTitle: 'KT. Thống đốc, Phó Thống đốc',
  },
  '24': {
    symbol: 'QĐ-BTC',
    unitCode: null,
    name: 'Bộ Tài chính',
    signer: 'Thứ trưởng Bộ Tài chính',
    signerTitle: 'KT. Bộ trưởng, Thứ trưởng',
  },
  '25': {
    symbol: 'QĐ-BTC',
    unitCode: null,
    name: 'Bộ Tài chính',
    signer: 'Thứ trưởng Bộ Tài chính',
    signerTitle: 'KT. Bộ trưởng, Thứ trưởng',
  },
  '26': { symbol: 'QĐ-BTP', unitCode: null, name: 'Bộ Tư pháp', signer: 'Thứ trưởng Bộ Tư pháp', signerTitle: 'KT. Bộ trưởng, Thứ trưởng' },
  '27': {
    symbol: 'QĐ-TANDTC',
    unitCode: null,
    name: 'Tòa án nhân dân tối cao',
    signer: 'Phó Chánh án Tòa án nhân dân tối cao',
    signerTitle: 'KT. Chánh án, Phó Chánh án',
  },
};

function demoIssuerOf(handlingUnitCodes: string[]): DemoIssuer {
  for (const code of handlingUnitCodes) {
    const agency = /^000\.\d{2}\.(2[0-7])\.H01$/.exec(code)?.[1];
    if (agency) return VERTICAL_ISSUERS[agency]!;
  }
  return PROVINCE_ISSUER;
}
