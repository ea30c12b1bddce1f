import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { readTestSettings } from '../src/config';
import { type RunningServer, startServer } from '../src/main';
import { testConfig } from '../src/test/harness';

/** Browser journeys need Debian's chromium; without it they are skipped, loudly, unless E2E=required. */
export function browserAvailability(): { isAvailable: boolean; reason?: string } {
  const settings = readTestSettings();
  if (existsSync(settings.chromiumPath)) return { isAvailable: true };
  const reason = `chromium not found at ${settings.chromiumPath}`;
  if (settings.e2eRequired) throw new Error(`E2E=required but ${reason}`);
  console.warn(`\n⚠ Browser journeys SKIPPED: ${reason} (install Debian's chromium to run them).\n`);
  return { isAvailable: false, reason };
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: readTestSettings().chromiumPath, args: chromiumArgs });
}

export type E2eServer = RunningServer & { dispose(): Promise<void> };

/** The real server as `npm start` runs it — embedded database in a temporary DATA_DIR, full demo data. */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  // A few demo dossiers (the inbox and citizen pages have work to show), all made before the server listens.
  const server = await startServer(testConfig({ dataDir, port: 0, host: '127.0.0.1', loadDemo: true }), {
    demo: { dossiers: 24, dossiersInline: 24 },
    print: () => undefined,
  });
  return {
    ...server,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page, as a person would, and waits for the page the account lands on. */
export async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('motcua2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/dang-nhap');
}
