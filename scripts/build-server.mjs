#!/usr/bin/env node
// Compiles the server into dist/ (`npm run build:server`): production runs plain JavaScript, not a transpile-on-load
// runner. esbuild (already brought by tsx and vite) bundles our sources into dist/cli.js and dist/render-worker.js and
// leaves every package external, so node_modules is resolved at run time as before (native argon2, PGlite's WASM);
// files read at run time (migrations, fixtures, the proposal PDF's fonts in src/documents/fonts/) stay
// in the repository and are found from the package root (src/assets.ts). Type checking stays with tsc. Also exports how the compiled server is to be run (bin/motcua.mjs, bench/memory.ts).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * V8 keeps garbage until its heap nears a limit sized for the machine (gigabytes here): a server that allocates
 * briskly (summaries, searches) then sits on hundreds of MB. These bound the young generation and the heap, so that
 * it collects sooner; the heap limit is well above what the server holds (under 100 MB after start and warm-up).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=256'];

/**
 * glibc's malloc raises its mmap threshold after each large block is freed, so that argon2's 19 MB per password
 * check (one per libuv thread) and similar buffers stay in the process for good; a fixed threshold returns them.
 * Read by glibc when the process starts: it has to be in the environment the server is started with.
 */
export const SERVER_ENVIRONMENT = { MALLOC_MMAP_THRESHOLD_: '131072' };

async function buildServer(outdir) {
  const { build } = await import('esbuild');
  const root = fileURLToPath(new URL('..', import.meta.url));
  rmSync(resolve(root, outdir), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      cli: './src/cli.ts',
      // Loaded by src/documents/render-pool.ts as ./render-worker.js next to the bundle.
      'render-worker': './src/documents/render-worker.ts',
    },
    outdir,
    bundle: true,
    // Code reached only through a dynamic import (CLI commands: imports, exports, seeding) stays out of the server's
    // start-up: its packages (ExcelJS...) are loaded when a command needs them.
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdirFlag = process.argv.indexOf('--outdir');
  try {
    await buildServer(outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist');
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
}
