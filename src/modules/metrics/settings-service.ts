import { ratingBandLabels } from '../../contract/metrics';
import type { MetricsSettingsInput, MetricsSettingsView } from '../../contract/metrics-settings';
import { forbidden } from '../../core/errors';
import { DEFAULT_RATING_BANDS, type RatingThreshold } from '../../core/metrics/score';
import type { Database, Executor } from '../../db/client';
import { recordAuditEvent } from '../audit';
import { type Actor, isStaff } from '../auth';
import { getRootUnit, listOfficeUnits } from '../org';
import { canConfigureMetrics } from './policy';
import {
  DEFAULT_MONTH_START_DAY,
  MONTH_START_DAY_KEY,
  RATING_BANDS_KEY,
  readMonthStartDay,
  readRatingBands,
  writeMonthStartDay,
  writeRatingBands,
} from './settings';

/*
 * `GET` and `PUT /api/metrics/settings` (docs/api/metrics.md, "Settings"). Every staff member reads them (the
 * monitoring pages compute their months from the start day); the province's procedure-control office and
 * administrators change them. A new start day rebuilds the monthly rollup in the same transaction as the setting and
 * its audit event; bands only change the rating shown from the next computation on.
 */

const view = (bands: readonly RatingThreshold[]) =>
  [...bands].sort((a, b) => b.minScore - a.minScore).map((entry) => ({ ...entry, label: ratingBandLabels[entry.band] }));

async function mayConfigure(executor: Executor, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (actor.roles.some((held) => held.role === 'admin')) return true;
  const root = await getRootUnit(executor).catch(() => null);
  if (!root) return false;
  return canConfigureMetrics(actor, root, await listOfficeUnits(executor, root.id));
}

export async function getMetricsSettings(db: Database, actor: Actor | null): Promise<MetricsSettingsView> {
  if (!isStaff(actor)) throw forbidden('Chỉ cán bộ, công chức mới xem được cài đặt giám sát.');
  const [monthStartDay, bands, canEdit] = await Promise.all([readMonthStartDay(db), readRatingBands(db), mayConfigure(db, actor)]);
  return {
    monthStartDay,
    ratingBands: view(bands),
    defaults: { monthStartDay: DEFAULT_MONTH_START_DAY, ratingBands: view(DEFAULT_RATING_BANDS) },
    canEdit,
  };
}

const sameBands = (a: readonly RatingThreshold[], b: readonly RatingThreshold[]) =>
  JSON.stringify(view(a).map(({ band, minScore }) => [band, minScore])) ===
  JSON.stringify(view(b).map(({ band, minScore }) => [band, minScore]));

export async function saveMetricsSettings(db: Database, actor: Actor | null, input: MetricsSettingsInput): Promise<MetricsSettingsView> {
  if (!(await mayConfigure(db, actor)))
    throw forbidden('Chỉ quản trị viên và bộ phận kiểm soát thủ tục hành chính của tỉnh mới được sửa cài đặt giám sát.');
  await db.transaction(async (tx) => {
    const [startDayBefore, bandsBefore] = [await readMonthStartDay(tx), await readRatingBands(tx)];
    if (input.monthStartDay !== startDayBefore) {
      await writeMonthStartDay(tx, input.monthStartDay);
      await recordAuditEvent(tx, {
        actorId: actor!.userId,
        action: 'setting.update',
        entityType: 'setting',
        entityId: MONTH_START_DAY_KEY,
        data: { before: startDayBefore, after: input.monthStartDay },
      });
    }
    if (!sameBands(input.ratingBands, bandsBefore)) {
      await writeRatingBands(tx, view(input.ratingBands));
      await recordAuditEvent(tx, {
        actorId: actor!.userId,
        action: 'setting.update',
        entityType: 'setting',
        entityId: RATING_BANDS_KEY,
        data: { before: bandsBefore.map(({ band, minScore }) => ({ band, minScore })), after: input.ratingBands },
      });
    }
  });
  return getMetricsSettings(db, actor);
}
