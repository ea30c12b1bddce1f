import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deflated, writeArchive } from '../../test/zip-archive';
import { cleanFileName, contentDisposition } from './names';
import { mediaTypes, sniffMediaType } from './sniff';
import { blobPath, readBlob, writeBlob } from './storage';

const zipOf = (entries: Record<string, string>) =>
  writeArchive(Object.entries(entries).map(([name, text]) => ({ name, deflated: deflated(text), declaredSize: Buffer.byteLength(text) })));
const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(500),
    Buffer.from(stream, 'utf16le'),
    Buffer.alloc(100),
  ]);

describe('files: type from content', () => {
  it('tells the office formats apart by their parts, whatever the name', async () => {
    expect(await sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe(mediaTypes.pdf);
    expect(await sniffMediaType(zipOf({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<x/>' }))).toBe(mediaTypes.docx);
    expect(await sniffMediaType(zipOf({ '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<x/>' }))).toBe(mediaTypes.xlsx);
    expect(await sniffMediaType(zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).toBe(
      mediaTypes.odt,
    );
    expect(await sniffMediaType(zipOf({ 'a.txt': 'a' }))).toBe(mediaTypes.zip);
    expect(await sniffMediaType(ole('WordDocument'))).toBe(mediaTypes.doc);
    expect(await sniffMediaType(ole('Workbook'))).toBe(mediaTypes.xls);
    expect(await sniffMediaType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]))).toBe(mediaTypes.exe);
    expect(await sniffMediaType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBe(mediaTypes.exe);
    expect(await sniffMediaType(Buffer.from('<html><script>alert(1)</script>'))).toBe(mediaTypes.unknown);
    // A ZIP signature on bytes that are no archive is not an office document.
    expect(await sniffMediaType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]))).toBe(mediaTypes.unknown);
  });
});

describe('files: names and downloads', () => {
  it('keeps the Vietnamese name in NFC without folders or characters a header or Windows refuses', () => {
    expect(cleanFileName('C:\\Users\\cb\\Mẫu 01.docx')).toBe('Mẫu 01.docx');
    expect(cleanFileName('Tờ khai'.normalize('NFD'))).toBe('Tờ khai');
    expect(cleanFileName('a"b\r\nc<>|?*.pdf')).toBe('abc.pdf');
    expect(cleanFileName('../../..')).toBe('tep');
  });

  it('offers an ASCII fallback and the real name per RFC 5987', () => {
    expect(contentDisposition('Đơn đề nghị (Mẫu 01).docx')).toBe(
      `attachment; filename="Don de nghi (Mau 01).docx"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28M%E1%BA%ABu%2001%29.docx`,
    );
    expect(contentDisposition('100% "đúng".pdf')).toBe(
      `attachment; filename="100_ dung.pdf"; filename*=UTF-8''100%25%20%C4%91%C3%BAng.pdf`,
    );
  });
});

describe('files: content-addressed storage', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('stores the same bytes once under their SHA-256 and refuses to serve damaged ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-files-'));
    dirs.push(dir);
    const bytes = Buffer.from('%PDF-1.4 mẫu');
    const sha256 = await writeBlob(dir, bytes);
    expect(await writeBlob(dir, bytes)).toBe(sha256);
    expect(blobPath(dir, sha256)).toBe(join(dir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect((await readBlob(dir, sha256)).equals(bytes)).toBe(true);
    expect(await readFile(blobPath(dir, sha256))).toEqual(bytes);
    await writeFile(blobPath(dir, sha256), 'hỏng');
    await expect(readBlob(dir, sha256)).rejects.toThrow(/damaged/);
    await writeBlob(dir, bytes); // uploading the same bytes again repairs it
    expect((await readBlob(dir, sha256)).equals(bytes)).toBe(true);
    expect(() => blobPath(dir, '../etc/passwd')).toThrow();
  });
});
