#!/usr/bin/env node
// Runs the compiled server (dist/, written by `npm start` or `npm run build:server`) when it is up to date with the
// sources; otherwise the TypeScript sources through tsx, so that `npx motcua ...` in a working copy needs no build.
import { isStale, targets } from '../scripts/build-if-stale.mjs';

if (isStale(targets.server)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
} else {
  await import('../dist/cli.js');
}
