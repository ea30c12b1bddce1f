import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../../config';
import { isoDateSchema } from '../../contract/common';
import { type DecisionType, decisionTypes } from '../../contract/enums';
import { formatVietnameseDate, vietnamDate } from '../../core/vietnam-time';
import { type Database, openDatabase } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { collectProceduresInForce, type ExportRow } from './transfer/export';
import { describeRowError, formatFromFileName, MAX_FILE_BYTES, type ParsedFile, type TransferFormat } from './transfer/format';
import { type DefaultDecision, importProcedures } from './transfer/import';
import { readProceduresJson, writeProceduresJson } from './transfer/json';
import { readProceduresXlsx } from './transfer/xlsx-read';
import { writeProceduresXlsx } from './transfer/xlsx-write';

export const transferUsage = `Cách dùng:
  motcua import procedures TEP.json|TEP.xlsx [--dry-run]
      [--decision-number SO --decision-date YYYY-MM-DD --signer NGUOI_KY --effective-date YYYY-MM-DD [--decision-type new|amended|replaced|abolished]]
  motcua export procedures TEP.json|TEP.xlsx [--date YYYY-MM-DD] [--template]
Định dạng tệp: docs/formats/catalog.md`;

/** Errors printed at most; the rest are counted (a wrong column can make every row wrong). */
const MAX_PRINTED_ERRORS = 200;

type Output = { out(line: string): void; err(line: string): void };
const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

class UsageError extends Error {}

const options = {
  'dry-run': { type: 'boolean' },
  'decision-number': { type: 'string' },
  'decision-date': { type: 'string' },
  signer: { type: 'string' },
  'effective-date': { type: 'string' },
  'decision-type': { type: 'string' },
  date: { type: 'string' },
  template: { type: 'boolean' },
} as const;

/**
 * `motcua import|export procedures FILE`: returns the exit code (0 done, 1 file or data errors, 2 wrong usage).
 * `command` is typed loosely because cli.ts passes its argv word through unchanged (it switches on `command ?? ...`).
 */
export async function runCatalogTransfer(
  config: Config,
  command: string | undefined,
  args: string[],
  output: Output = consoleOutput,
): Promise<number> {
  try {
    if (command !== 'import' && command !== 'export') throw new UsageError(`Lệnh không hợp lệ: ${command}.`);
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    const [subject, file, ...extra] = parsed.positionals;
    if (subject !== 'procedures' || !file || extra.length) throw new UsageError('Thiếu hoặc thừa tham số.');
    const format = formatFromFileName(file);
    if (!format) throw new UsageError(`Không nhận ra loại tệp "${file}": dùng phần mở rộng .json hoặc .xlsx.`);
    if (command === 'import') return await runImport(config, file, format, parsed.values, output);
    return await runExport(config, file, format, parsed.values, output);
  } catch (error) {
    const isArgumentError = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !isArgumentError) throw error;
    output.err(isArgumentError ? `Tham số không hợp lệ (${error.message})` : error.message);
    output.err(transferUsage);
    return 2;
  }
}

type Flags = { [key in keyof typeof options]?: (typeof options)[key]['type'] extends 'boolean' ? boolean : string };

async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await applyMigrations(handle);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isoDateSchema.safeParse(value).success) throw new UsageError(`--${flag}: ngày phải có dạng YYYY-MM-DD và tồn tại.`);
  return value;
}

function readDefaultDecision(flags: Flags): DefaultDecision | null {
  const number = flags['decision-number']?.trim();
  const date = checkDate(flags['decision-date'], 'decision-date');
  const signer = flags.signer?.trim();
  const effectiveDate = checkDate(flags['effective-date'], 'effective-date');
  const type = flags['decision-type'];
  if (!number && !date && !signer && !effectiveDate && !type) return null;
  if (!number || !date || !signer || !effectiveDate) {
    throw new UsageError('Quyết định mặc định cần đủ --decision-number, --decision-date, --signer và --effective-date.');
  }
  if (type !== undefined && !(decisionTypes as readonly string[]).includes(type)) {
    throw new UsageError(`--decision-type phải là một trong: ${decisionTypes.join(', ')}.`);
  }
  return { number: number.normalize('NFC'), date, signer: signer.normalize('NFC'), effectiveDate, type: type as DecisionType | undefined };
}

async function readTransferFile(file: string, format: TransferFormat): Promise<ParsedFile | string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return `"${file}" không phải là tệp.`;
    size = info.size;
  } catch {
    return `Không tìm thấy tệp "${file}".`;
  }
  if (size > MAX_FILE_BYTES) return `Tệp quá lớn (${Math.ceil(size / 1024 / 1024)} MB); giới hạn ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
  const content = await readFile(file);
  return format === 'json' ? readProceduresJson(content) : readProceduresXlsx(content);
}

async function runImport(config: Config, file: string, format: TransferFormat, flags: Flags, output: Output): Promise<number> {
  if (flags.date || flags.template) throw new UsageError('--date và --template chỉ dùng khi xuất.');
  const defaultDecision = readDefaultDecision(flags);
  const parsed = await readTransferFile(file, format);
  if (typeof parsed === 'string') {
    output.err(parsed);
    return 1;
  }
  const isDryRun = !!flags['dry-run'];
  const result = await withDatabase(config, (db) =>
    importProcedures(db, parsed, { actor: 'system', defaultDecision, isDryRun, source: file }),
  );
  if (!result.ok) {
    output.err(`Không nhập được: tệp có ${result.errors.length} lỗi. Chưa có thủ tục nào được ghi vào cơ sở dữ liệu.`);
    for (const error of result.errors.slice(0, MAX_PRINTED_ERRORS)) output.err(`  - ${describeRowError(error)}`);
    if (result.errors.length > MAX_PRINTED_ERRORS) output.err(`  … và ${result.errors.length - MAX_PRINTED_ERRORS} lỗi khác.`);
    return 1;
  }
  const total = result.created + result.published + result.unchanged;
  const verb = result.isDryRun ? 'Kiểm tra xong (chưa ghi gì): có thể nhập' : 'Đã nhập';
  output.out(
    `${verb} ${total} thủ tục: ${result.created} thêm mới, ${result.published} công bố phiên bản mới, ${result.unchanged} không thay đổi.`,
  );
  if (result.notices.length) output.out(`Lưu ý (${result.notices.length}):`);
  for (const notice of result.notices.slice(0, MAX_PRINTED_ERRORS)) output.out(`  - ${describeRowError(notice)}`);
  if (result.notices.length > MAX_PRINTED_ERRORS) output.out(`  … và ${result.notices.length - MAX_PRINTED_ERRORS} lưu ý khác.`);
  return 0;
}

async function runExport(config: Config, file: string, format: TransferFormat, flags: Flags, output: Output): Promise<number> {
  if (flags['dry-run'] || readDefaultDecision(flags)) throw new UsageError('Các tham số quyết định và --dry-run chỉ dùng khi nhập.');
  const day = checkDate(flags.date, 'date') ?? vietnamDate();
  const exported = flags.template
    ? { rows: [] as ExportRow[], skippedAbolished: 0 }
    : await withDatabase(config, (db) => collectProceduresInForce(db, day));
  const now = new Date();
  const content = format === 'json' ? writeProceduresJson(exported.rows, now) : await writeProceduresXlsx(exported.rows, now);
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
  if (flags.template) output.out(`Đã ghi mẫu trống vào ${file}.`);
  else {
    const skipped = exported.skippedAbolished ? ` (bỏ qua ${exported.skippedAbolished} thủ tục đã bãi bỏ)` : '';
    output.out(`Đã xuất ${exported.rows.length} thủ tục có hiệu lực ngày ${formatVietnameseDate(day)} vào ${file}${skipped}.`);
  }
  return 0;
}
