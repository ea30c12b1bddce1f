import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../core/zip';
import { deflatedZeros, writeArchive } from '../../../test/zip-archive';
import { readProceduresXlsx } from './xlsx-read';
import { writeProceduresXlsx } from './xlsx-write';

const TOO_LARGE = 'Sổ tính quá lớn khi giải nén (giới hạn 400 MB dữ liệu).';

/** The catalog template with its procedure sheet replaced by `sheet` (raw deflate data declaring `declaredSize`). */
async function workbookWithSheet(sheet: Buffer, declaredSize: number): Promise<Buffer> {
  const template = await writeProceduresXlsx([], new Date());
  const { entries, files } = await readZip(template, { maxEntries: 100, maxTotalBytes: 10_000_000, maxRatio: 1000 });
  const procedureSheet = 'xl/worksheets/sheet1.xml';
  return writeArchive(
    entries
      .filter((entry) => !entry.name.endsWith('/'))
      .map((entry) =>
        entry.name === procedureSheet
          ? { name: entry.name, deflated: sheet, declaredSize }
          : { name: entry.name, deflated: deflateRawSync(files.get(entry.name)!), declaredSize: entry.uncompressedSize },
      ),
  );
}

describe('XLSX zip bombs', () => {
  const bomb = deflatedZeros(1.5e9);

  it('refuses a 1.4 MB workbook whose sheet unpacks to 1.5 GB, from its directory', async () => {
    const workbook = await workbookWithSheet(bomb.data, bomb.inflatedSize);
    expect(workbook.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(await readProceduresXlsx(workbook)).toEqual({ rows: [], errors: [expect.objectContaining({ message: TOO_LARGE })] });
  });

  it('refuses it while inflating when the directory understates the sheet', async () => {
    const workbook = await workbookWithSheet(bomb.data, 5 * 1024 * 1024);
    expect(await readProceduresXlsx(workbook)).toEqual({ rows: [], errors: [expect.objectContaining({ message: TOO_LARGE })] });
  });

  it('still reads the re-packed template', async () => {
    const template = await writeProceduresXlsx([], new Date());
    const { files } = await readZip(template, { maxEntries: 100, maxTotalBytes: 10_000_000, maxRatio: 1000 });
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(await readProceduresXlsx(await workbookWithSheet(deflateRawSync(sheet), sheet.length))).toEqual({ rows: [], errors: [] });
  });
});
