import ExcelJS from 'exceljs';
import { readZip, type ZipLimits, ZipRefusedError } from './zip';

/** Workbooks are ZIP archives of XML; a small archive can unpack to gigabytes (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** A whole province's catalog (1,649 procedures) unpacks to 19 MB, its XML packed at most 11:1. */
const WORKBOOK_LIMITS: ZipLimits = { maxEntries: 2000, maxTotalBytes: MAX_UNPACKED_BYTES, maxRatio: 200 };
const NOT_A_WORKBOOK = 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ.';

/**
 * Opens an XLSX file held in memory, or says in Vietnamese what is wrong with it. ExcelJS unpacks a workbook without
 * any limit, so the archive is first inflated by the guarded reader (every entry counted, none kept): ExcelJS then
 * gets an archive known to unpack to no more than the limits.
 */
export async function openWorkbook(content: Buffer): Promise<{ workbook: ExcelJS.Workbook } | { error: string }> {
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) return { error: NOT_A_WORKBOOK };
  try {
    await readZip(content, WORKBOOK_LIMITS, () => false);
  } catch (error) {
    if (!(error instanceof ZipRefusedError)) throw error;
    const isTooLarge = error.reason === 'too_large';
    return {
      error: isTooLarge ? `Sổ tính quá lớn khi giải nén (giới hạn ${MAX_UNPACKED_BYTES / 1024 / 1024} MB dữ liệu).` : NOT_A_WORKBOOK,
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type, which the Node 20 Buffer no longer matches; the value is what it expects.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return { error: 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ hoặc đã hỏng.' };
  }
  return { workbook };
}
