import { describe, expect, it } from 'vitest';
import { deflated, deflatedZeros, writeArchive } from '../test/zip-archive';
import { readZip, readZipEntry, type ZipLimits, ZipRefusedError } from './zip';

const limits: ZipLimits = { maxEntries: 100, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };
const MiB = 1024 * 1024;

async function refusal(archive: Buffer, custom: ZipLimits = limits): Promise<ZipRefusedError> {
  const error = await readZip(archive, custom).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ZipRefusedError);
  return error as ZipRefusedError;
}

describe('guarded ZIP reader', () => {
  const bomb = deflatedZeros(1.5e9); // about 1.4 MB that inflates to 1.5 GB

  it('reads the entries of an ordinary archive', async () => {
    const archive = writeArchive([
      { name: 'word/document.xml', deflated: deflated('<w:document>Độc lập</w:document>'), declaredSize: 40 },
      { name: 'a/', deflated: deflated(''), declaredSize: 0 },
    ]);
    const contents = await readZip(archive, limits);
    expect(contents.entries.map((entry) => entry.name)).toEqual(['word/document.xml', 'a/']);
    expect(contents.files.get('word/document.xml')?.toString('utf8')).toBe('<w:document>Độc lập</w:document>');
    expect((await readZipEntry(archive, 'word/document.xml')).toString('utf8')).toContain('Độc lập');
  });

  it('refuses a 1.4 MB archive declaring 1.5 GB before inflating anything', async () => {
    expect(bomb.data.length).toBeLessThan(1.5 * MiB);
    const archive = writeArchive([{ name: 'xl/worksheets/sheet1.xml', deflated: bomb.data, declaredSize: bomb.inflatedSize }]);
    const error = await refusal(archive);
    expect(error.reason).toBe('too_large');
    expect(error.inflatedBytes).toBe(0);
  });

  it('stops inflating an entry as soon as it yields more than it declared', async () => {
    const archive = writeArchive([{ name: 'xl/worksheets/sheet1.xml', deflated: bomb.data, declaredSize: 2 * MiB }]);
    const error = await refusal(archive);
    expect(error.reason).toBe('too_large');
    expect(error.inflatedBytes).toBeGreaterThan(2 * MiB);
    expect(error.inflatedBytes).toBeLessThan(3 * MiB);
  });

  it('refuses entries that together declare more than the limit, each of them plausible', async () => {
    const part = deflatedZeros(16 * MiB);
    const entries = Array.from({ length: 8 }, (_, index) => ({ name: `part-${index}.xml`, deflated: part.data, declaredSize: 16 * MiB }));
    const error = await refusal(writeArchive(entries), { ...limits, maxRatio: 10_000 });
    expect(error.message).toMatch(/declares more than/);
    expect(error.inflatedBytes).toBe(0);
  });

  it('refuses an entry packed implausibly tightly, and what is not a ZIP archive', async () => {
    const tight = deflatedZeros(16 * MiB);
    const error = await refusal(writeArchive([{ name: 'sheet.xml', deflated: tight.data, declaredSize: tight.inflatedSize }]));
    expect(error.message).toMatch(/packing ratio/);
    expect(error.inflatedBytes).toBe(0);
    expect((await refusal(Buffer.from('not an archive'))).reason).toBe('not_zip');
    expect((await refusal(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]))).reason).toBe('not_zip');
  });

  it('refuses an archive listing more entries than allowed', async () => {
    const entries = Array.from({ length: 3 }, (_, index) => ({ name: `${index}.xml`, deflated: deflated('x'), declaredSize: 1 }));
    expect((await refusal(writeArchive(entries), { ...limits, maxEntries: 2 })).reason).toBe('too_large');
  });
});
