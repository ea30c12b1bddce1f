/**
 * The settings of monitoring (docs/api/metrics.md, "Settings") and of the periodic reports (docs/api/control-reports.md,
 * "Settings"): the first day of a reporting month (TT 01/2020: the 21st), the rating bands of the KPI index
 * (QĐ 766: Xuất sắc ≥ 90 …), the day a monthly report is due and how many working days before it the office is
 * reminded. Shared by the server and the admin page.
 */
import { z } from 'zod';
import { type RatingBand, ratingBandLabels, ratingBands } from './metrics';

export const monthStartDayRange = { min: 1, max: 28 } as const;
export const dueDayRange = { min: 1, max: 28 } as const;
export const reminderWorkingDaysRange = { min: 0, max: 20 } as const;

const dayOfMonth = (label: string, range: { min: number; max: number }) =>
  z
    .number({ error: `${label} phải là một số nguyên từ ${range.min} đến ${range.max}.` })
    .int(`${label} phải là một số nguyên từ ${range.min} đến ${range.max}.`)
    .min(range.min, `${label} phải là một số nguyên từ ${range.min} đến ${range.max}.`)
    .max(range.max, `${label} phải là một số nguyên từ ${range.min} đến ${range.max}.`);

export const ratingThresholdSchema = z.strictObject({
  band: z.enum(ratingBands, 'Mức xếp loại phải là xuat_sac, tot, kha, trung_binh hoặc yeu.'),
  minScore: z
    .number({ error: 'Điểm thấp nhất của một mức là một số từ 0 đến 100.' })
    .min(0, 'Điểm thấp nhất của một mức là một số từ 0 đến 100.')
    .max(100, 'Điểm thấp nhất của một mức là một số từ 0 đến 100.'),
});
export type RatingThresholdInput = z.infer<typeof ratingThresholdSchema>;

/**
 * The five bands, each once, best first by strictly lower scores, the last ("Yếu") from 0: every score on the
 * 100-point scale then has exactly one band. The problems are named in Vietnamese, each at its place in the list.
 */
export function checkRatingBands(
  bands: readonly { band: RatingBand; minScore: number }[],
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set(bands.map((entry) => entry.band));
  if (bands.length !== ratingBands.length || seen.size !== ratingBands.length) {
    issues.push({
      path: [],
      message: `Cần đủ ${ratingBands.length} mức xếp loại (${ratingBands.map((band) => ratingBandLabels[band]).join(', ')}), mỗi mức một lần.`,
    });
    return issues;
  }
  const byBand = new Map(bands.map((entry, position) => [entry.band, { ...entry, position }]));
  ratingBands.forEach((band, order) => {
    const entry = byBand.get(band)!;
    if (order === ratingBands.length - 1) {
      if (entry.minScore !== 0)
        issues.push({ path: [entry.position, 'minScore'], message: `Mức "${ratingBandLabels[band]}" phải bắt đầu từ 0 điểm.` });
      return;
    }
    const lower = byBand.get(ratingBands[order + 1]!)!;
    if (!(entry.minScore > lower.minScore)) {
      issues.push({
        path: [entry.position, 'minScore'],
        message: `Điểm thấp nhất của mức "${ratingBandLabels[band]}" phải lớn hơn của mức "${ratingBandLabels[ratingBands[order + 1]!]}".`,
      });
    }
  });
  return issues;
}

const ratingBandsInput = z.array(ratingThresholdSchema).superRefine((bands, context) => {
  for (const issue of checkRatingBands(bands)) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** `PUT /api/metrics/settings`: both settings at once (what the page shows is what is saved). */
export const metricsSettingsInputSchema = z.strictObject({
  monthStartDay: dayOfMonth('Ngày bắt đầu tháng báo cáo', monthStartDayRange),
  ratingBands: ratingBandsInput,
});
export type MetricsSettingsInput = z.infer<typeof metricsSettingsInputSchema>;

const ratingThresholdView = z.object({ band: z.enum(ratingBands), label: z.string(), minScore: z.number() });

export const metricsSettingsSchema = z.object({
  /** The first day of a reporting month (1–28; 1 gives calendar months): a month runs to the day before it. */
  monthStartDay: z.number().int(),
  /** Best first. */
  ratingBands: z.array(ratingThresholdView),
  defaults: z.object({ monthStartDay: z.number().int(), ratingBands: z.array(ratingThresholdView) }),
  /** Whether the one asking may change them (administrators, the province's procedure-control office). */
  canEdit: z.boolean(),
});
export type MetricsSettingsView = z.infer<typeof metricsSettingsSchema>;

/** `PUT /api/control-reports/settings`. */
export const controlReportSettingsInputSchema = z.strictObject({
  dueDay: dayOfMonth('Ngày hạn gửi báo cáo', dueDayRange),
  reminderWorkingDays: z
    .number({ error: 'Số ngày làm việc nhắc trước phải là một số nguyên từ 0 đến 20.' })
    .int('Số ngày làm việc nhắc trước phải là một số nguyên từ 0 đến 20.')
    .min(reminderWorkingDaysRange.min, 'Số ngày làm việc nhắc trước phải là một số nguyên từ 0 đến 20.')
    .max(reminderWorkingDaysRange.max, 'Số ngày làm việc nhắc trước phải là một số nguyên từ 0 đến 20.'),
});
export type ControlReportSettingsInput = z.infer<typeof controlReportSettingsInputSchema>;

export const controlReportSettingsSchema = z.object({
  /** The day of the month a report is due (23: "gửi trước ngày 23"), never before the day after its period. */
  dueDay: z.number().int(),
  /** Working days (of the work calendar: holidays and days off skipped) before the due day the office is reminded. */
  reminderWorkingDays: z.number().int(),
  defaults: z.object({ dueDay: z.number().int(), reminderWorkingDays: z.number().int() }),
  canEdit: z.boolean(),
});
export type ControlReportSettingsView = z.infer<typeof controlReportSettingsSchema>;
