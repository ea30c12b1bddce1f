import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../../../config';
import { AppError } from '../../../core/errors';
import { type Database, openDatabase } from '../../../db/client';
import { applyMigrations } from '../../../db/migrate';
import { readUnitsCsv, writeUnitsCsv } from './csv';
import { collectUnits } from './export';
import { describeRowError, formatFromFileName, MAX_FILE_BYTES, type ParsedUnitFile, type UnitFileFormat } from './format';
import { importUnits } from './import';
import { readUnitsJson, writeUnitsJson } from './json';
import { readUnitsXlsx, writeUnitsXlsx } from './xlsx';

export const unitTransferUsage = `  motcua import units TEP.json|TEP.xlsx|TEP.csv [--dry-run]
      nhập cây đơn vị (mã định danh, cấp trên, loại, hiệu lực, đơn vị kế thừa); tệp có lỗi thì không nhập gì
  motcua export units TEP.json|TEP.xlsx|TEP.csv
      xuất mọi đơn vị (cả đơn vị đã hết hiệu lực); định dạng: docs/formats/units.md`;

/** Errors printed at most; the rest are counted (a wrong column can make every row wrong). */
const MAX_PRINTED_ERRORS = 200;

type Output = { out(line: string): void; err(line: string): void };
const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

class UsageError extends Error {}

/** `motcua import|export units FILE`: returns the exit code (0 done, 1 file or data errors, 2 wrong usage). */
export async function runUnitTransfer(config: Config, command: 'import' | 'export', args: string[], output = consoleOutput) {
  try {
    const parsed = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
    const [subject, file, ...extra] = parsed.positionals;
    if (subject !== 'units' || !file || extra.length) throw new UsageError('Thiếu hoặc thừa tham số.');
    const format = formatFromFileName(file);
    if (!format) throw new UsageError(`Không nhận ra loại tệp "${file}": dùng phần mở rộng .json, .xlsx hoặc .csv.`);
    if (command === 'export' && parsed.values['dry-run']) throw new UsageError('--dry-run chỉ dùng khi nhập.');
    if (command === 'import') return await runImport(config, file, format, !!parsed.values['dry-run'], output);
    return await runExport(config, file, format, output);
  } catch (error) {
    const isArgumentError = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !isArgumentError) throw error;
    output.err(isArgumentError ? `Tham số không hợp lệ (${error.message})` : error.message);
    output.err(`Cách dùng:\n${unitTransferUsage}`);
    return 2;
  }
}

async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await applyMigrations(handle);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function readUnitFile(file: string, format: UnitFileFormat): Promise<ParsedUnitFile | string> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return `"${file}" không phải là tệp.`;
    if (info.size > MAX_FILE_BYTES)
      return `Tệp quá lớn (${Math.ceil(info.size / 1024 / 1024)} MB); giới hạn ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  } catch {
    return `Không tìm thấy tệp "${file}".`;
  }
  const content = await readFile(file);
  if (format === 'json') return readUnitsJson(content);
  if (format === 'csv') return readUnitsCsv(content);
  return readUnitsXlsx(content);
}

async function runImport(config: Config, file: string, format: UnitFileFormat, isDryRun: boolean, output: Output): Promise<number> {
  const parsed = await readUnitFile(file, format);
  if (typeof parsed === 'string') {
    output.err(parsed);
    return 1;
  }
  let result: Awaited<ReturnType<typeof importUnits>>;
  try {
    result = await withDatabase(config, (db) => importUnits(db, parsed, { actor: 'system', isDryRun, source: file }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    output.err(error.message);
    return 1;
  }
  if (!result.ok) {
    output.err(`Không nhập được: tệp có ${result.errors.length} lỗi. Chưa có đơn vị nào được ghi vào cơ sở dữ liệu.`);
    for (const error of result.errors.slice(0, MAX_PRINTED_ERRORS)) output.err(`  - ${describeRowError(error)}`);
    if (result.errors.length > MAX_PRINTED_ERRORS) output.err(`  … và ${result.errors.length - MAX_PRINTED_ERRORS} lỗi khác.`);
    return 1;
  }
  const total = result.created + result.updated + result.unchanged;
  const verb = result.isDryRun ? 'Kiểm tra xong (chưa ghi gì): có thể nhập' : 'Đã nhập';
  output.out(`${verb} ${total} đơn vị: ${result.created} thêm mới, ${result.updated} cập nhật, ${result.unchanged} không thay đổi.`);
  return 0;
}

async function runExport(config: Config, file: string, format: UnitFileFormat, output: Output): Promise<number> {
  const records = await withDatabase(config, collectUnits);
  const now = new Date();
  const content =
    format === 'json' ? writeUnitsJson(records, now) : format === 'csv' ? writeUnitsCsv(records) : await writeUnitsXlsx(records, now);
  // Written beside the target and renamed, so that a failed export never leaves half a file under the real name.
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    output.err(`Không ghi được tệp "${file}": ${(error as Error).message}`);
    return 1;
  }
  output.out(`Đã xuất ${records.length} đơn vị vào ${file}.`);
  return 0;
}
