import { constants, deflateRawSync } from 'node:zlib';

/** Test support: ZIP archives written byte by byte, so that their directory can say what a test needs it to. */
export type ArchiveEntry = {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** What the directory declares; a zip bomb may understate it. */
  declaredSize: number;
};

/** A ZIP archive of deflated entries, local headers and central directory both declaring `declaredSize`. */
export function writeArchive(entries: ArchiveEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    directory.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export const deflated = (text: string): Buffer => deflateRawSync(Buffer.from(text, 'utf8'));

/**
 * Raw deflate data that inflates to `totalBytes` zeros (rounded up to 16 MiB) while taking about a thousandth of
 * that: one 16 MiB block compressed once, ended by a sync flush so that copies of it chain into one stream, and a
 * final empty block. Building it costs one 16 MiB compression, not the gigabytes it unpacks to.
 */
export function deflatedZeros(totalBytes: number): { data: Buffer; inflatedSize: number } {
  const block = 16 * 1024 * 1024;
  const copies = Math.ceil(totalBytes / block);
  const chunk = deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalBlock = deflateRawSync(Buffer.alloc(0));
  return { data: Buffer.concat([...Array.from({ length: copies }, () => chunk), finalBlock]), inflatedSize: copies * block };
}
