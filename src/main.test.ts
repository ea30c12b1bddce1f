import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './main';
import { testConfig } from './test/harness';

// The first start of `npm start`: the server listens while the rest of the demo dossiers are made in the background
// (src/demo/dossiers.ts), and answers its requests meanwhile — on PGlite, whose queries resolve in microtasks, a
// generator that never gave the event loop a turn kept every request waiting until its last dossier.

describe('the first start with demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers requests while the background demo dossiers are still being made', async () => {
    const lines: string[] = [];
    const server = await startServer(testConfig({ dataDir, port: 0, host: '127.0.0.1', loadDemo: true }), {
      demo: { dossiers: 80, dossiersInline: 2 },
      print: (line) => lines.push(line),
    });
    try {
      expect(lines.join('\n')).toContain('Đang tạo thêm hồ sơ mẫu trong nền');
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const page = await fetch(`${server.url}/api/procedures?q=khai%20sinh`);
      expect(page.status).toBe(200);
      // Both answered before the generator finished (it prints when it does).
      expect(lines.join('\n')).not.toContain('Đã tạo thêm');
    } finally {
      await server.close();
    }
  }, 300_000);
});
