import { readZip, ZipRefusedError } from '../../core/zip';

/** Media types the files module recognises from a file's first bytes (and, for ZIP and OLE containers, its parts). */
export const mediaTypes = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
  exe: 'application/x-msdownload',
  zip: 'application/zip',
  ole: 'application/x-ole-storage',
  unknown: 'application/octet-stream',
} as const;

export type MediaType = (typeof mediaTypes)[keyof typeof mediaTypes];

/** The usual file name extension of each type, and what a Vietnamese reader calls it. */
export const mediaTypeInfo: Record<MediaType, { extensions: string[]; label: string }> = {
  [mediaTypes.pdf]: { extensions: ['pdf'], label: 'PDF' },
  [mediaTypes.doc]: { extensions: ['doc'], label: 'Word (DOC)' },
  [mediaTypes.docx]: { extensions: ['docx'], label: 'Word (DOCX)' },
  [mediaTypes.xls]: { extensions: ['xls'], label: 'Excel (XLS)' },
  [mediaTypes.xlsx]: { extensions: ['xlsx'], label: 'Excel (XLSX)' },
  [mediaTypes.odt]: { extensions: ['odt'], label: 'OpenDocument (ODT)' },
  [mediaTypes.png]: { extensions: ['png'], label: 'ảnh PNG' },
  [mediaTypes.jpeg]: { extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
  [mediaTypes.exe]: { extensions: ['exe', 'dll'], label: 'chương trình chạy được (EXE)' },
  [mediaTypes.zip]: { extensions: ['zip'], label: 'tệp nén ZIP' },
  [mediaTypes.ole]: { extensions: [], label: 'tài liệu Office cũ không rõ loại' },
  [mediaTypes.unknown]: { extensions: [], label: 'không rõ loại' },
};

/** The forms of a procedure (mẫu đơn, tờ khai) and result templates: documents citizens open and print. */
export const FORM_MEDIA_TYPES: readonly MediaType[] = [
  mediaTypes.pdf,
  mediaTypes.doc,
  mediaTypes.docx,
  mediaTypes.xls,
  mediaTypes.xlsx,
  mediaTypes.odt,
];

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Inflating an office document to list its parts is bounded like any other archive (src/core/zip.ts). */
const ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 300 * 1024 * 1024, maxRatio: 1000 };

/**
 * The type of a file from its content, never from its name or the type the client claimed: a ".pdf" that starts
 * with "MZ" is a Windows program. ZIP containers are told apart by their parts (word/, xl/, an ODF mimetype entry),
 * OLE containers (DOC, XLS) by the name of their main stream.
 */
export async function sniffMediaType(bytes: Buffer): Promise<MediaType> {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return mediaTypes.pdf; // %PDF-
  if (startsWith(bytes, [0x4d, 0x5a])) return mediaTypes.exe; // MZ
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return mediaTypes.exe; // ELF
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return mediaTypes.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return mediaTypes.jpeg;
  if (startsWith(bytes, OLE_SIGNATURE)) return sniffOle(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  return mediaTypes.unknown;
}

const utf16 = (name: string) => Buffer.from(name, 'utf16le');

/** Directory entries of a compound file name its streams in UTF-16: Word keeps "WordDocument", Excel "Workbook". */
function sniffOle(bytes: Buffer): MediaType {
  if (bytes.includes(utf16('WordDocument'))) return mediaTypes.doc;
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book\u0000'))) return mediaTypes.xls;
  return mediaTypes.ole;
}

async function sniffZip(bytes: Buffer): Promise<MediaType> {
  try {
    const { entries, files } = await readZip(bytes, ZIP_LIMITS, (name) => name === 'mimetype');
    const names = new Set(entries.map((entry) => entry.name));
    const mimetype = files.get('mimetype')?.toString('ascii').trim();
    if (mimetype === mediaTypes.odt) return mediaTypes.odt;
    if (names.has('[Content_Types].xml')) {
      if (names.has('word/document.xml')) return mediaTypes.docx;
      if (names.has('xl/workbook.xml')) return mediaTypes.xlsx;
    }
    return mediaTypes.zip;
  } catch (error) {
    if (error instanceof ZipRefusedError) return mediaTypes.unknown;
    throw error;
  }
}
