import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../config';
import { formatVietnameseDate } from '../../core/vietnam-time';
import type { Database } from '../../db/client';
import { openDatabase } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { listUnits } from '../org';
import { writeDossierFacts } from './dossier-facts';

export const dossierFactsUsage = `  motcua export dossier-facts --from YYYY-MM-DD --to YYYY-MM-DD TEP.csv
      xuất mỗi hồ sơ tiếp nhận trong kỳ (ngày theo giờ Việt Nam) một dòng CSV (UTF-8 có BOM) để kiểm tra lại chỉ số
      và Biểu 06; các cột: docs/formats/dossier-facts.md`;

type Output = { out(line: string): void; err(line: string): void };
const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

class UsageError extends Error {}

/** A calendar day written YYYY-MM-DD that exists (no 30/02). */
export function parseCalendarDay(text: string | undefined): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const [year, month, dayOfMonth] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth ? text : null;
}

export type DossierFactsRequest = { from: string; to: string; file: string };

/** The arguments after `export`, checked: a Vietnamese message on any mistake. */
export function parseDossierFactsArgs(args: string[]): DossierFactsRequest {
  let parsed: ReturnType<typeof parseArgs<{ options: { from: { type: 'string' }; to: { type: 'string' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`Tham số không hợp lệ (${(error as Error).message}).`);
  }
  const [subject, file, ...extra] = parsed.positionals;
  if (subject !== 'dossier-facts' || !file || extra.length) throw new UsageError('Thiếu hoặc thừa tham số.');
  if (!file.toLowerCase().endsWith('.csv')) throw new UsageError(`Tệp "${file}" phải có phần mở rộng .csv.`);
  const from = parseCalendarDay(parsed.values.from);
  const to = parseCalendarDay(parsed.values.to);
  if (!from) throw new UsageError(`Ngày bắt đầu (--from) không hợp lệ: "${parsed.values.from ?? ''}" (viết YYYY-MM-DD).`);
  if (!to) throw new UsageError(`Ngày kết thúc (--to) không hợp lệ: "${parsed.values.to ?? ''}" (viết YYYY-MM-DD).`);
  if (from > to) throw new UsageError(`Ngày bắt đầu ${formatVietnameseDate(from)} sau ngày kết thúc ${formatVietnameseDate(to)}.`);
  return { from, to, file };
}

/**
 * Writes the CSV to a temporary file beside FILE and renames it only once complete: a failure leaves no partial file.
 * Returns the number of dossiers written; throws UsageError when the file cannot be created.
 */
export async function exportDossierFactsFile(db: Database, request: DossierFactsRequest, batchSize?: number): Promise<number> {
  const temporary = join(dirname(request.file), `.${randomBytes(6).toString('hex')}.dossier-facts.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx');
  } catch (error) {
    throw new UsageError(`Không ghi được tệp "${request.file}" (${(error as NodeJS.ErrnoException).code ?? 'lỗi'}).`);
  }
  try {
    const units = new Map((await listUnits(db)).map((unit) => [unit.id, { code: unit.code, name: unit.name }]));
    const count = await writeDossierFacts(db, { from: request.from, to: request.to, unitIds: null, units, batchSize }, async (chunk) => {
      await handle.write(chunk);
    });
    await handle.close();
    await rename(temporary, request.file);
    return count;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code && !(error instanceof UsageError))
      throw new UsageError(`Không ghi được tệp "${request.file}" (${(error as NodeJS.ErrnoException).code}).`);
    throw error;
  }
}

/** `motcua export dossier-facts …`: 0 done, 1 database error, 2 wrong usage or a file that cannot be written. */
export async function runDossierFactsExport(config: Config, args: string[], output = consoleOutput): Promise<number> {
  try {
    const request = parseDossierFactsArgs(args);
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await applyMigrations(handle);
      const count = await exportDossierFactsFile(handle.db, request);
      output.out(
        `Đã xuất ${count.toLocaleString('vi-VN')} hồ sơ tiếp nhận từ ${formatVietnameseDate(request.from)} đến ${formatVietnameseDate(request.to)} vào "${request.file}".`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(error.message);
    output.err(`Cách dùng:\n${dossierFactsUsage}`);
    return 2;
  }
}
