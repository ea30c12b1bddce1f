import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files shipped with the code and read at run time (SQL migrations, fixtures, lists) stay where they are in the
 * repository, and are found from the package root: the sources (tsx, vitest) live in src/, the compiled server is
 * one bundle in dist/, so a path relative to the importing file would differ between the two.
 */
function findPackageRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'motcua') {
      return directory;
    }
    if (dirname(directory) === directory) throw new Error(`motcua's package.json not found above ${start}`);
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The absolute path of a file shipped with the code, from the package root: `assetPath('src', 'db', 'migrations')`. */
export function assetPath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
