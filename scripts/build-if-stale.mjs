#!/usr/bin/env node
// Builds the web app and the server only when their output is missing or older than a source, so that a restart
// of an unchanged installation starts at once: `node scripts/build-if-stale.mjs web server`.
// Also imported by bin/motcua.mjs, which runs the compiled server only when it is up to date.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * What each build reads and writes. After a successful build, a stamp file in the output folder records a
 * fingerprint of the sources as they were when the build started: any source added, removed or saved since (during
 * the build included) makes the next start build again.
 */
export const targets = {
  web: {
    stamp: 'web/dist/.build-stamp',
    outputs: ['web/dist/index.html'],
    // src/contract holds the request and response schemas that the web app shares with the server.
    sources: ['web', 'src/contract', 'vite.config.ts', 'postcss.config.cjs', 'package-lock.json'],
    ignored: ['web/dist'],
    command: [npm, 'run', '--silent', 'build:web'],
  },
  server: {
    stamp: 'dist/.build-stamp',
    outputs: ['dist/cli.js', 'dist/render-worker.js'],
    sources: ['src', 'scripts/build-server.mjs', 'tsconfig.json', 'package-lock.json'],
    ignored: [],
    command: [process.execPath, 'scripts/build-server.mjs'],
  },
};

/** Every source file's path, size and modification time, hashed: cheap (no file is read) and exact enough. */
export function fingerprintSources(target, base = root) {
  const lines = [];
  const visit = (path) => {
    if (target.ignored.includes(relative(base, path)) || basename(path) === 'node_modules') return;
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return; // an optional source, e.g. a config file this project does not have
    }
    if (stats.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else lines.push(`${relative(base, path)}\t${stats.size}\t${stats.mtimeMs}`);
  };
  for (const path of target.sources) visit(join(base, path));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** True when an output or the stamp is missing, or the sources differ from those of the last build. */
export function isStale(target, base = root) {
  const stampPath = join(base, target.stamp);
  if (!existsSync(stampPath) || target.outputs.some((output) => !existsSync(join(base, output)))) return true;
  return readFileSync(stampPath, 'utf8').trim() !== fingerprintSources(target, base);
}

/** Builds the target when stale; returns whether it built. Throws when the build fails. */
export function buildIfStale(name, base = root) {
  const target = targets[name];
  if (!target) throw new Error(`Unknown build target "${name}" (known: ${Object.keys(targets).join(', ')})`);
  if (!isStale(target, base)) return false;
  const fingerprint = fingerprintSources(target, base);
  const [command, ...args] = target.command;
  const result = spawnSync(command, args, { cwd: base, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Build of ${name} failed (${result.error?.message ?? `exit ${result.status}`})`);
  writeFileSync(join(base, target.stamp), `${fingerprint}\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  try {
    for (const name of names.length ? names : Object.keys(targets)) {
      const startedAt = Date.now();
      if (buildIfStale(name)) console.log(`Đã dựng lại ${name} (${((Date.now() - startedAt) / 1000).toFixed(1)} giây).`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
