import { type SQL, sql } from 'drizzle-orm';
import { formatVietnamIso } from '../../core/vietnam-time';
import type { Executor } from '../../db/client';
import { dossiers } from '../../db/schema/dossiers';
import { jsonTextArray } from './counters';

/*
 * The auditor's CSV (docs/formats/dossier-facts.md): one row per dossier received in a period (Vietnam days), read in
 * key-ordered batches so that a province's millions of rows never sit in memory. The figures come from the facts row
 * the triggers of migration 0018 keep (what the index and Biểu 06 count), the identifiers and instants from the
 * dossier itself (the read-side join of ADR 0004).
 */

export const DOSSIER_FACTS_BATCH = 2000;

/** The columns, in order: their meaning is in docs/formats/dossier-facts.md. */
export const dossierFactsColumns = [
  'ma_ho_so',
  'ma_thu_tuc',
  'ten_thu_tuc',
  'linh_vuc',
  'cap',
  'ma_don_vi_giai_quyet',
  'ten_don_vi_giai_quyet',
  'ma_bo_phan_tiep_nhan',
  'kenh',
  'tiep_nhan_luc',
  'han_giai_quyet',
  'giai_quyet_luc',
  'tra_ket_qua_luc',
  'ngay_tiep_nhan',
  'ngay_ket_thuc',
  'ngay_den_han',
  'ket_qua_thoi_han',
  'thoi_gian_tam_dung_phut',
  'ngay_lam_viec_xu_ly',
  'ngay_lam_viec_cho_phep',
  'so_hoa',
  'tai_su_dung',
  'thanh_toan_truc_tuyen',
  'ket_qua_dien_tu',
  'dong_bo_cong_quoc_gia',
  'danh_gia',
] as const;

type FactRow = {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  field: string;
  level: string;
  handling_unit_id: string;
  receiving_unit_id: string | null;
  channel: string;
  received_at: Date | string;
  due_at: Date | string | null;
  resolved_at: Date | string | null;
  returned_at: Date | string | null;
  received_day: string;
  end_day: string | null;
  due_day: string | null;
  outcome: string | null;
  paused_working_minutes: number;
  processing_days: string | null;
  allotted_days: string | null;
  is_digitised: boolean;
  is_reused: boolean;
  has_electronic_result: boolean;
  is_synced: boolean;
};

export type UnitNames = ReadonlyMap<string, { code: string; name: string }>;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const instant = (value: Date | string | null) => (value === null ? '' : formatVietnamIso(new Date(value)));
const day = (value: Date | string | null) => (value === null ? '' : typeof value === 'string' ? value.slice(0, 10) : '');
const flag = (value: boolean) => (value ? '1' : '0');
const number = (value: string | null) => (value === null ? '' : String(Number(value)));

function toLine(row: FactRow, units: UnitNames): string {
  const handling = units.get(row.handling_unit_id);
  const desk = row.receiving_unit_id ? units.get(row.receiving_unit_id) : undefined;
  return csvLine([
    row.code,
    row.procedure_code,
    row.procedure_name,
    row.field,
    row.level,
    handling?.code ?? '',
    handling?.name ?? '',
    desk?.code ?? '',
    row.channel,
    instant(row.received_at),
    instant(row.due_at),
    instant(row.resolved_at),
    instant(row.returned_at),
    day(row.received_day),
    day(row.end_day),
    day(row.due_day),
    row.outcome ?? '',
    String(row.paused_working_minutes),
    number(row.processing_days),
    number(row.allotted_days),
    flag(row.is_digitised),
    flag(row.is_reused),
    '',
    flag(row.has_electronic_result),
    flag(row.is_synced),
    '',
  ]);
}

/**
 * The CSV of the dossiers received from `from` to `to` (Vietnam days, inclusive) handled by one of `unitIds` (all
 * units when null), chunk by chunk: the header (with the byte-order mark), then one chunk per batch. A consumer that
 * stops early (a download cancelled) ends the reading at the next batch.
 */
export async function* dossierFactsChunks(
  executor: Executor,
  options: { from: string; to: string; unitIds: readonly string[] | null; units: UnitNames; batchSize?: number },
): AsyncGenerator<string, number> {
  yield `\uFEFF${csvLine(dossierFactsColumns)}`;
  const scope = options.unitIds
    ? sql`and f.unit_id in (select (jsonb_array_elements_text(${jsonTextArray(options.unitIds)}::jsonb))::uuid)`
    : sql``;
  const batchSize = options.batchSize ?? DOSSIER_FACTS_BATCH;
  let after: { day: string; id: string } | null = null;
  let count = 0;
  for (;;) {
    const keyset: SQL = after ? sql`and (f.received_day, f.dossier_id) > (${after.day}::date, ${after.id}::uuid)` : sql``;
    const result: unknown = await executor.execute(sql`
      select d.id, d.code, d.procedure_code, d.procedure_name, f.field, f.level, d.handling_unit_id, d.receiving_unit_id,
        f.channel, d.received_at, d.due_at, d.resolved_at, d.returned_at, f.received_day::text as received_day,
        f.end_day::text as end_day, f.due_day::text as due_day, f.outcome, d.paused_working_minutes,
        f.processing_days::text as processing_days, f.allotted_days::text as allotted_days, f.is_digitised, f.is_reused,
        f.has_electronic_result, f.is_synced
      from metrics_dossier_facts f join ${dossiers} d on d.id = f.dossier_id
      where f.received_day between ${options.from}::date and ${options.to}::date ${scope} ${keyset}
      order by f.received_day, f.dossier_id
      limit ${batchSize}`);
    const rows: FactRow[] = (result as unknown as { rows: FactRow[] }).rows;
    if (!rows.length) return count;
    yield rows.map((row) => toLine(row, options.units)).join('');
    count += rows.length;
    const last: FactRow = rows[rows.length - 1]!;
    after = { day: last.received_day, id: last.id };
    if (rows.length < batchSize) return count;
  }
}

/** Writes every chunk of `dossierFactsChunks`; `write` may wait (a file stream's back-pressure). Returns the rows written. */
export async function writeDossierFacts(
  executor: Executor,
  options: { from: string; to: string; unitIds: readonly string[] | null; units: UnitNames; batchSize?: number },
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  const chunks = dossierFactsChunks(executor, options);
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    await write(next.value);
  }
}
