import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * The one ZIP reader (XLSX and DOCX files are ZIP archives of XML). A small archive can unpack to gigabytes (a
 * "zip bomb"), so an archive is refused, before anything is inflated, when its central directory declares too many
 * entries, too many bytes in all, or an entry packed implausibly tightly; and while inflating, as soon as an entry
 * yields more bytes than it declared or the total passes the limit. yauzl reads the directory and inflates.
 */
export type ZipLimits = {
  /** Most entries the directory may list. */
  maxEntries: number;
  /** Most bytes all entries may unpack to: as declared, and as actually inflated. */
  maxTotalBytes: number;
  /** Highest declared unpacked ÷ packed size of an entry that unpacks to more than `RATIO_FLOOR_BYTES`. */
  maxRatio: number;
};

/** Small entries (a few KB of repetitive XML) may legitimately pack very tightly. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export type ZipRefusal = 'not_zip' | 'too_large' | 'unsupported';

export class ZipRefusedError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    message: string,
    /** How many bytes had been inflated when the archive was refused (0: refused from its directory alone). */
    readonly inflatedBytes: number,
  ) {
    super(message);
    this.name = 'ZipRefusedError';
  }
}

export type ZipEntryInfo = { name: string; compressedSize: number; uncompressedSize: number };
export type ZipContents = { entries: ZipEntryInfo[]; files: Map<string, Buffer> };

/**
 * Checks and inflates every entry of an archive held in memory; returns the directory and the bytes of the entries
 * `keep` selects (the others are inflated only to be counted, so that a parser given the same archive afterwards,
 * such as ExcelJS, is known to get no more than the limits allow).
 */
export async function readZip(archive: Buffer, limits: ZipLimits, keep: (name: string) => boolean = () => true): Promise<ZipContents> {
  const zip = await openArchive(archive);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipRefusedError('too_large', `The archive lists ${zip.entryCount} entries (limit ${limits.maxEntries})`, 0);
    }
    const entries = await readDirectory(zip);
    checkDeclaredSizes(entries, limits);
    const files = new Map<string, Buffer>();
    const counter = { inflated: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue; // a folder
      const isKept = keep(entry.fileName);
      const bytes = await inflateEntry(zip, entry, limits, counter, isKept);
      if (isKept) {
        if (files.has(entry.fileName)) throw new ZipRefusedError('not_zip', `${entry.fileName} is listed twice`, counter.inflated);
        files.set(entry.fileName, bytes);
      }
    }
    const directory = entries.map(({ fileName, compressedSize, uncompressedSize }) => ({
      name: fileName,
      compressedSize,
      uncompressedSize,
    }));
    return { entries: directory, files };
  } finally {
    zip.close();
  }
}

/** The bytes of one entry (limits suited to documents this application writes itself, e.g. a DOCX). */
export async function readZipEntry(archive: Buffer, name: string, limits: ZipLimits = DOCUMENT_LIMITS): Promise<Buffer> {
  const { files } = await readZip(archive, limits, (candidate) => candidate === name);
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the archive`);
  return file;
}

const DOCUMENT_LIMITS: ZipLimits = { maxEntries: 1000, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };

function checkDeclaredSizes(entries: Entry[], limits: ZipLimits): void {
  let declared = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) throw new ZipRefusedError('unsupported', `${entry.fileName} is encrypted`, 0);
    declared += entry.uncompressedSize;
    if (declared > limits.maxTotalBytes) {
      throw new ZipRefusedError('too_large', `The archive declares more than ${limits.maxTotalBytes} unpacked bytes`, 0);
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
      throw new ZipRefusedError('too_large', `${entry.fileName} declares a packing ratio of ${Math.round(ratio)}:1`, 0);
    }
  }
}

function openArchive(archive: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Sizes are checked here rather than by yauzl, so that an oversized declaration is reported as such.
    const options = { lazyEntries: true, validateEntrySizes: false, strictFileNames: false, decodeStrings: true };
    yauzl.fromBuffer(archive, options, (error, zip) => {
      if (error || !zip) reject(new ZipRefusedError('not_zip', `Not a ZIP archive: ${error?.message}`, 0));
      else resolve(zip);
    });
  });
}

function readDirectory(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(new ZipRefusedError('not_zip', `Corrupt ZIP directory: ${error.message}`, 0)));
    zip.readEntry();
  });
}

/** Inflates one entry, counting its bytes against what it declared and against the archive's total. */
async function inflateEntry(zip: ZipFile, entry: Entry, limits: ZipLimits, counter: { inflated: number }, isKept: boolean) {
  const chunks: Buffer[] = [];
  let entryBytes = 0;
  try {
    for await (const chunk of await openEntry(zip, entry)) {
      const bytes = chunk as Buffer;
      entryBytes += bytes.length;
      counter.inflated += bytes.length;
      if (entryBytes > entry.uncompressedSize) {
        throw new ZipRefusedError(
          'too_large',
          `${entry.fileName} unpacks to more than the ${entry.uncompressedSize} bytes it declares`,
          counter.inflated,
        );
      }
      if (counter.inflated > limits.maxTotalBytes) {
        throw new ZipRefusedError('too_large', `The archive unpacks to more than ${limits.maxTotalBytes} bytes`, counter.inflated);
      }
      if (isKept) chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof ZipRefusedError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const reason = /compression method/i.test(message) ? 'unsupported' : 'not_zip';
    throw new ZipRefusedError(reason, `${entry.fileName}: ${message}`, counter.inflated);
  }
  return Buffer.concat(chunks);
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream)));
  });
}
