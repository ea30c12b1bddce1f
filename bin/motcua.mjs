#!/usr/bin/env node
// Runs the compiled server (dist/, written by `npm start` or `npm run build:server`) when it is up to date with the
// sources; otherwise the TypeScript sources through tsx, so that `npx motcua ...` in a working copy needs no build.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isStale, targets } from '../scripts/build-if-stale.mjs';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../scripts/build-server.mjs';

const [command] = process.argv.slice(2);

if (isStale(targets.server)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
} else if (command === 'serve' && !process.env.MOTCUA_SERVER_TUNED) {
  // The server's memory settings must be in place when its process starts (scripts/build-server.mjs): it runs as a
  // child with them, this process passing signals on and exiting with its code.
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, cli, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...SERVER_ENVIRONMENT, ...process.env, MOTCUA_SERVER_TUNED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import('../dist/cli.js');
}
