import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { readTestSettings } from '../src/config';
import type { PlanDetail } from '../src/contract/plans';
import { type RunningServer, startServer } from '../src/main';
import { type PlanBodyOverrides, planBody } from '../src/test/factories';
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

/**
 * The real server as `npm start` runs it — embedded database in a temporary DATA_DIR, full demo data. Loading the
 * demo takes 20–45 s; the first browser test file of a run loads it once into a template folder (in the run's folder,
 * src/test/global-setup.ts), and every server starts from a copy of it.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  cpSync(await demoTemplate(), dataDir, { recursive: true });
  const server = await startServer(testConfig({ dataDir, port: 0, host: '127.0.0.1', loadDemo: true }), { print: () => undefined });
  return {
    ...server,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The run's demo installation, made by whichever worker asks first (a lock folder keeps the others waiting): the
 * server is started once on an empty folder, loads the demo with a few dossiers made before it listens (the inbox and
 * citizen pages have work to show), and is closed cleanly so that its folder can be copied.
 */
async function demoTemplate(): Promise<string> {
  const template = join(inject('testRunDir'), 'e2e-demo');
  const lock = `${template}.lock`;
  try {
    mkdirSync(lock);
  } catch {
    const deadline = Date.now() + 240_000;
    while (!existsSync(join(template, 'ready'))) {
      if (Date.now() > deadline) throw new Error(`the demo template ${template} was not made in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return template;
  }
  const building = `${template}.building`;
  const server = await startServer(testConfig({ dataDir: building, port: 0, host: '127.0.0.1', loadDemo: true }), {
    demo: { dossiers: 24, dossiersInline: 24 },
    print: () => undefined,
  });
  await server.close();
  renameSync(building, template);
  writeFileSync(join(template, 'ready'), '');
  return template;
}

export type BrowserTests = {
  /** The server and the browser, once the block's `beforeAll` has started them. */
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A page in a context of its own (Vietnamese locale, 20 s timeouts) at the given size. */
  newPage(viewport?: { width: number; height: number }, options?: BrowserContextOptions): Promise<Page>;
};

/**
 * The set-up every browser test file shares, for the `describe` block it is called in: a server from the run's demo
 * installation and a chromium, started before the block's tests and closed after them.
 */
export function useBrowserTests(): BrowserTests {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser tests have not started (useBrowserTests inside a describe block)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async newPage(viewport = { width: 1366, height: 900 }, options = {}) {
      const context = await started(browser).newContext({ viewport, locale: 'vi-VN', ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
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

/**
 * Saves a plan through the API as the page's signed-in user (the demo's procedure-control office, usually): issued by
 * the demo province, its tasks led by Sở Tư pháp, the rest as `body` sets it (planBody of the test factories).
 */
export async function saveDemoPlan(page: Page, baseUrl: string, body: Omit<PlanBodyOverrides, 'lead'>): Promise<PlanDetail> {
  const session = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const units = (
    (await (await page.request.get(`${baseUrl}/api/units`)).json()) as { items: { id: string; name: string; parentId: string | null }[] }
  ).items;
  const province = units.find((unit) => unit.parentId === null)!;
  const justice = units.find((unit) => unit.name === 'Sở Tư pháp')!;
  const saved = await page.request.post(`${baseUrl}/api/plans`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: planBody(province, { ...body, lead: justice }),
  });
  expect(saved.status(), await saved.text()).toBe(201);
  return (await saved.json()) as PlanDetail;
}

/**
 * Counts the page's requests in flight, so a test can wait until the page has stopped fetching. Playwright's
 * `networkidle` waits for 500 ms without a request after the last one — half a second on each of the few hundred
 * pages the accessibility run opens; here the quiet spell is the caller's (100 ms by default).
 */
export function trackRequests(page: Page) {
  const inFlight = new Set<Request>();
  let lastChange = performance.now();
  const change = (request: Request, isStarting: boolean) => {
    if (isStarting) inFlight.add(request);
    else inFlight.delete(request);
    lastChange = performance.now();
  };
  page.on('request', (request) => change(request, true));
  page.on('requestfinished', (request) => change(request, false));
  page.on('requestfailed', (request) => change(request, false));
  return {
    /** Resolves once no request has been in flight for `quietMs`; rejects after `timeoutMs`. */
    async waitForQuiet(quietMs = 100, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      while (inFlight.size > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() > deadline) throw new Error(`${inFlight.size} request(s) still in flight after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** Forgets requests of a page left behind (a navigation cancels them without always reporting it). */
    reset() {
      inFlight.clear();
      lastChange = performance.now();
    },
  };
}
