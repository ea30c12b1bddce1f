/** Workbooks are ZIP archives of XML; a small archive can unpack to gigabytes (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * Sums the sizes the archive's central directory declares, before anything is unpacked. Returns an error message
 * (Vietnamese) or null. An archive that understates its sizes is still refused by the unpacker (JSZip compares
 * each entry with its declared size), though only once that entry is unpacked.
 */
export function checkZipArchive(content: Buffer): string | null {
  const notWorkbook = 'Tệp không phải sổ tính Excel (.xlsx) hợp lệ.';
  if (content.length < 22 || content.readUInt32LE(0) !== 0x04034b50) return notWorkbook;
  const searchFrom = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= searchFrom; offset -= 1) {
    if (content.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return notWorkbook;
  const entries = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== DIRECTORY_ENTRY) return notWorkbook;
    const size = content.readUInt32LE(offset + 24);
    // 0xFFFFFFFF means a ZIP64 size: more than 4 GB, far over any limit.
    if (size === 0xffffffff) return tooLarge();
    total += size;
    if (total > MAX_UNPACKED_BYTES) return tooLarge();
    offset += 46 + content.readUInt16LE(offset + 28) + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  return null;
}

const tooLarge = () => `Sổ tính quá lớn khi giải nén (giới hạn ${MAX_UNPACKED_BYTES / 1024 / 1024} MB dữ liệu).`;
