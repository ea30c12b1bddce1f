import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { costWorksheets } from '../../db/schema/reform';
import { listReplacements, versionsInForce } from '../catalog';
import type { ReformRow, Snapshot } from './figure-types';

/** New code → the codes it replaced (a "replaced" item of a publication decision links the old code to the new). */
export type ReplacementLinks = Map<string, string[]>;

/**
 * The replacement links of the procedures with these codes, both ways (the codes they replaced, and the codes that
 * replaced them), as the catalog records them: a "replaced" item of a publication decision closes the old code with
 * an abolished version naming the new code (catalog `listReplacements`). Only links effective on or before `day`: a
 * replacement announced for later leaves both codes as they are until then.
 */
export async function readReplacementLinks(executor: Executor, day: string, codes: string[]): Promise<ReplacementLinks> {
  if (codes.length === 0) return new Map();
  const links: ReplacementLinks = new Map();
  for (const link of await listReplacements(executor, codes)) {
    if (link.effectiveFrom > day || link.oldCode === link.newCode) continue;
    const oldCodes = links.get(link.newCode) ?? [];
    if (!oldCodes.includes(link.oldCode)) oldCodes.push(link.oldCode);
    links.set(link.newCode, oldCodes);
  }
  return links;
}

/**
 * A replacement is not an abolition (NQ 66): the new code is compared with the 2024 version of the code(s) it
 * replaced, and the replaced code leaves the figures instead of counting as a 100 % cut. Pure, so that the rule is
 * tested without a catalog holding links; `replacedBaselines` are the 2024 snapshots of the replaced codes.
 */
export function applyReplacements(rows: ReformRow[], links: ReplacementLinks, replacedBaselines: Map<string, Snapshot>): ReformRow[] {
  if (links.size === 0) return rows;
  const replacedCodes = new Set([...links.values()].flat());
  return rows
    .filter((row) => !(replacedCodes.has(row.code) && row.current.isAbolished))
    .map((row) => {
      const oldCodes = links.get(row.code);
      if (!oldCodes || row.baseline) return row;
      const baselines = oldCodes.map((code) => replacedBaselines.get(code)).filter((snapshot): snapshot is Snapshot => !!snapshot);
      if (baselines.length === 0) return row;
      return { ...row, baseline: mergeBaselines(baselines, oldCodes) };
    });
}

/** One replaced code: its 2024 snapshot. Several merged into one: their hours add up; cost only when each has a worksheet. */
function mergeBaselines(baselines: Snapshot[], oldCodes: string[]): Snapshot {
  const [first] = baselines;
  if (baselines.length === 1) return { ...first!, replacesCode: oldCodes.join(', ') };
  const hours = baselines.reduce((sum, snapshot) => sum + snapshot.hours, 0);
  const worksheets = baselines.map((snapshot) => snapshot.worksheet);
  const hasAllWorksheets = worksheets.every((worksheet) => worksheet !== null);
  const worksheet =
    hasAllWorksheets && first!.worksheet
      ? {
          ...first!.worksheet,
          result: {
            ...first!.worksheet.result,
            costPerDossier: worksheets.reduce((sum, item) => sum + item!.result.costPerDossier, 0),
            annualCost: worksheets.reduce((sum, item) => sum + item!.result.annualCost, 0),
          },
        }
      : null;
  return {
    ...first!,
    processingTime: { amount: hours, unit: 'working_hours' },
    hours,
    worksheet,
    replacesCode: oldCodes.join(', '),
  };
}

/** The 2024 snapshots of the replaced codes, with their worksheets, through the catalog's relation. */
export async function loadReplacedBaselines(
  executor: Executor,
  codes: string[],
  toSnapshot: (version: ReplacedVersion, worksheet: typeof costWorksheets.$inferSelect | null) => Snapshot,
  baselineDay: string,
): Promise<Map<string, Snapshot>> {
  if (codes.length === 0) return new Map();
  const baseline = versionsInForce('rbase', baselineDay, { codes });
  const worksheet = alias(costWorksheets, 'rw');
  const rows = await executor
    .select({
      version: {
        versionId: baseline.versionId,
        code: baseline.code,
        versionNo: baseline.versionNo,
        effectiveFrom: baseline.effectiveFrom,
        decisionNumber: baseline.decisionNumber,
        isAbolished: baseline.isAbolished,
        timeAmount: baseline.timeAmount,
        timeUnit: baseline.timeUnit,
      },
      worksheet,
    })
    .from(baseline)
    .leftJoin(worksheet, eq(worksheet.procedureVersionId, baseline.versionId));
  return new Map(rows.map((row) => [row.version.code, toSnapshot(row.version, row.worksheet)]));
}

export type ReplacedVersion = {
  versionId: string;
  code: string;
  versionNo: number;
  effectiveFrom: string;
  decisionNumber: string | null;
  isAbolished: boolean;
  timeAmount: number;
  timeUnit: 'working_days' | 'working_hours' | 'calendar_days';
};
