import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed storage under DATA_DIR/files: a file's bytes live at files/ab/cd/<sha256>, written once (to a
 * temporary name, then renamed, so that a reader never sees half a file). Two uploads of the same bytes share them.
 */
export function blobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function writeBlob(dataDir: string, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  const path = blobPath(dataDir, sha256);
  const existing = await stat(path).catch(() => null);
  // Already stored, and intact: nothing to write (a damaged copy is replaced by the good bytes).
  if (existing?.size === bytes.length && sha256Of(await readFile(path)) === sha256) return sha256;
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
  return sha256;
}

/** The bytes of a stored file, checked against their address (a damaged file is an error, never served). */
export async function readBlob(dataDir: string, sha256: string): Promise<Buffer> {
  const bytes = await readFile(blobPath(dataDir, sha256));
  if (sha256Of(bytes) !== sha256) throw new Error(`Stored file ${sha256} is damaged`);
  return bytes;
}
