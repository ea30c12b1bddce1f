import { inflateRawSync } from 'node:zlib';

/**
 * Test support: reads one file out of a ZIP archive (a DOCX is one) through its central directory. Enough for
 * archives the docx packer writes — stored or deflated entries, no ZIP64, no encryption.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(archive: Buffer): number {
  for (let offset = archive.length - 22; offset >= Math.max(0, archive.length - 22 - 0xffff); offset -= 1) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('Not a ZIP archive: no end of central directory record');
}

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

/** All entries, in archive order. */
export function listZipEntries(archive: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(archive);
  const entryCount = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < entryCount; index += 1) {
    if (archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`Corrupt central directory at ${offset}`);
    }
    const nameLength = archive.readUInt16LE(offset + 28);
    entries.push({
      name: archive.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: archive.readUInt16LE(offset + 10),
      compressedSize: archive.readUInt32LE(offset + 20),
      localHeaderOffset: archive.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The bytes of the entry `name`, decompressed. */
export function readZipEntry(archive: Buffer, name: string): Buffer {
  const entry = listZipEntries(archive).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the archive`);
  const header = entry.localHeaderOffset;
  if (archive.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new Error(`Corrupt local header for ${name}`);
  const dataStart = header + 30 + archive.readUInt16LE(header + 26) + archive.readUInt16LE(header + 28);
  const data = archive.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(data);
  if (entry.method === DEFLATED) return inflateRawSync(data);
  throw new Error(`Unsupported compression method ${entry.method} for ${name}`);
}
