#!/usr/bin/env node
// Compiles the server into dist/ (`npm run build:server`): production runs plain JavaScript, not a transpile-on-load
// runner. esbuild (already brought by tsx and vite) bundles our sources into one file per entry point and leaves
// every package external, so node_modules is resolved at run time as before (native argon2, PGlite's WASM, pdfmake's
// fonts); files read at run time are found from the package root (src/assets.ts). Type checking stays with tsc.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';

rmSync(resolve(root, outdir), { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: {
      cli: './src/cli.ts',
      // Loaded by src/modules/reform/documents/render-pool.ts as ./render-worker.js next to the bundle.
      'render-worker': './src/modules/reform/documents/render-worker.ts',
    },
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
