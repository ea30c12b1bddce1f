import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildTarget, buildIfStale, fingerprintSources, isStale } from './build-if-stale.mjs';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from './build-server.mjs';

const root = join(import.meta.dirname, '..');

describe('building only when stale', () => {
  const base = mkdtempSync(join(tmpdir(), 'motcua-stale-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const target: BuildTarget = {
    stamp: 'out/.build-stamp',
    outputs: ['out/app.js'],
    sources: ['src', 'config.json'],
    ignored: ['src/generated'],
    command: [process.execPath, '-e', "require('fs').writeFileSync('out/app.js', '')"],
  };
  const write = (path: string, text = 'x') => {
    mkdirSync(join(base, path, '..'), { recursive: true });
    writeFileSync(join(base, path), text);
  };

  it('builds when the output is missing, then not until a source is added, changed or removed', () => {
    write('src/a.ts');
    write('config.json', '{}');
    expect(isStale(target, base)).toBe(true);
    // buildIfStale knows only the project's own targets; write the stamp as it does, after "building".
    const stamp = () => {
      write('out/app.js');
      writeFileSync(join(base, target.stamp), fingerprintSources(target, base));
    };
    stamp();
    expect(isStale(target, base)).toBe(false);
    write('src/generated/cache.ts'); // ignored
    expect(isStale(target, base)).toBe(false);
    utimesSync(join(base, 'src/a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(isStale(target, base)).toBe(true);
    stamp();
    write('src/b.ts');
    expect(isStale(target, base)).toBe(true);
    stamp();
    rmSync(join(base, 'src/b.ts'));
    expect(isStale(target, base)).toBe(true);
    stamp();
    rmSync(join(base, 'out/app.js'));
    expect(isStale(target, base)).toBe(true);
    expect(() => buildIfStale('nothing' as 'web', base)).toThrow(/Unknown build target/);
  });
});

describe('the compiled server', () => {
  // Inside the package, so that node_modules and the files shipped with the code are found as from dist/.
  const outdir = join(root, '.tmp', `build-test-${process.pid}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-compiled-'));
  let server: ChildProcess | undefined;
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts from plain JavaScript, loads the demo and renders a proposal on its worker thread', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
    const port = 20_000 + (process.pid % 20_000);
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(outdir, 'cli.js'), 'serve'], {
      cwd: tmpdir(), // not the package: nothing may be found relative to the working directory
      env: {
        ...SERVER_ENVIRONMENT,
        PATH: process.env.PATH,
        MOTCUA_DEMO_DOSSIERS: '0',
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        MOTCUA_DEMO: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    let isUp = false;
    while (!isUp) {
      if (server.exitCode !== null) throw new Error(`server stopped: ${output}`);
      isUp = await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (!isUp) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toMatch(/Đã nạp \d+ đơn vị, \d+ thủ tục/);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kiemsoat', password: 'motcua2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const proposals = (await (await fetch(`${base}/api/reform/proposals`, { headers: { cookie } })).json()) as { items: { id: string }[] };
    const pdf = await fetch(`${base}/api/reform/proposals/${proposals.items[0]!.id}/document.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    const pdfText = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(pdfText.slice(0, 5)).toBe('%PDF-');
    // The bundled fonts (src/documents/fonts) are found from dist/ and its worker thread.
    expect(pdfText).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold/);
    // The web app is found from the package root too, not from the working directory.
    const hasWebApp = existsSync(join(root, 'web', 'dist', 'index.html'));
    expect((await fetch(`${base}/`)).status).toBe(hasWebApp ? 200 : 404);
  }, 240_000);
});
