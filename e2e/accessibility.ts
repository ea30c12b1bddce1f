import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type AxeFinding, findAccessibilityViolations } from './axe';
import { type BrowserTests, browserAvailability, signIn, trackRequests, useBrowserTests } from './browser';
import { findForeignText } from './vietnamese-text';

/*
 * The accessibility run (e2e/accessibility*.test.ts): every page of the web app, as every role that uses it — no
 * serious or critical axe-core violation, no table wider than a 1366 px laptop, no English, ISO date or AM/PM time, and
 * no console error on the public pages. The browser speaks English (en-US) in New York on purpose: dates and times must
 * still read the Vietnamese way. The roles are spread over several files so that the run's workers share them.
 */

const ROLES = ['anonymous', 'congdan', 'doanhnghiep', 'tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'kiemsoat', 'admin'] as const;
export type Role = (typeof ROLES)[number];
const EVERYONE: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'kiemsoat', 'admin'];
const CATALOG_MANAGERS: readonly Role[] = ['kiemsoat', 'admin'];
/** Those who handle dossiers (the administrator reads every one). */
const DOSSIER_HANDLERS: readonly Role[] = ['tiepnhan', 'chuyenvien', 'truongphong', 'lanhdao', 'admin'];
const APPLICANTS: readonly Role[] = ['congdan', 'doanhnghiep'];
/** Who reads the KPI index and Biểu 06: leaders, procedure control, the administrator. */
const METRICS_READERS: readonly Role[] = ['truongphong', 'lanhdao', 'kiemsoat', 'admin'];

/** Values for the route parameters, read from the demo data once a role has signed in. */
type DemoValues = {
  procedureCode: string;
  proposalId: string;
  proposalUnitId: string;
  dossierId: string;
  myDossierId: string;
  planId: string;
};
/** `url` may give several addresses of one route (the calendar of each year the data file holds). */
type Visit = { roles: readonly Role[]; url: (values: DemoValues) => string | string[]; isPublic?: boolean };

const PROCEDURE_CODE = '1.001193';
/** A dossier page for a role that has none yet still draws its heading and its "not found" message. */
const NO_DOSSIER = '00000000-0000-4000-8000-000000000000';

/** One entry per route of web/src/app.tsx (checked below): who uses it and which address to open. */
export const VISITS: Record<string, Visit> = {
  '/': { roles: EVERYONE, url: () => '/', isPublic: true },
  '/thu-tuc': { roles: EVERYONE, url: () => '/thu-tuc?q=khai%20sinh', isPublic: true },
  '/thu-tuc/:code': { roles: EVERYONE, url: ({ procedureCode }) => `/thu-tuc/${procedureCode}`, isPublic: true },
  '/thu-tuc/:code/phien-ban/:versionNo': {
    roles: EVERYONE,
    url: ({ procedureCode }) => `/thu-tuc/${procedureCode}/phien-ban/1`,
    isPublic: true,
  },
  '/dang-nhap': { roles: ['anonymous'], url: () => '/dang-nhap', isPublic: true },
  '/dang-ky': { roles: ['anonymous'], url: () => '/dang-ky', isPublic: true },
  '/quen-mat-khau': { roles: ['anonymous'], url: () => '/quen-mat-khau', isPublic: true },
  '/dang-ky/xac-nhan': { roles: ['anonymous'], url: () => '/dang-ky/xac-nhan', isPublic: true },
  '/ho-so-cua-toi': { roles: APPLICANTS, url: () => '/ho-so-cua-toi', isPublic: true },
  '/*': { roles: EVERYONE, url: () => '/trang-khong-co', isPublic: true },
  // Citizens and businesses are sent to /ho-so-cua-toi from every staff page.
  '/can-bo': { roles: STAFF, url: () => '/can-bo' },
  '/cai-cach/muc-tieu': { roles: STAFF, url: () => '/cai-cach/muc-tieu' },
  '/cai-cach/muc-tieu/chi-tiet': { roles: STAFF, url: ({ proposalUnitId }) => `/cai-cach/muc-tieu/chi-tiet?unit=${proposalUnitId}` },
  '/cai-cach/thu-tuc/:code': { roles: STAFF, url: ({ procedureCode }) => `/cai-cach/thu-tuc/${procedureCode}` },
  '/cai-cach/chi-phi': { roles: STAFF, url: () => '/cai-cach/chi-phi' },
  '/cai-cach/phuong-an': { roles: STAFF, url: () => '/cai-cach/phuong-an' },
  '/cai-cach/phuong-an/:id': { roles: STAFF, url: ({ proposalId }) => `/cai-cach/phuong-an/${proposalId}` },
  '/cai-cach/dieu-kien': { roles: STAFF, url: () => '/cai-cach/dieu-kien' },
  '/cai-cach/che-do-bao-cao': { roles: STAFF, url: () => '/cai-cach/che-do-bao-cao' },
  '/ke-hoach': { roles: STAFF, url: () => '/ke-hoach' },
  '/ke-hoach/nhap': { roles: CATALOG_MANAGERS, url: () => '/ke-hoach/nhap' },
  '/ke-hoach/viec-cua-don-vi': { roles: STAFF, url: () => ['/ke-hoach/viec-cua-don-vi', '/ke-hoach/viec-cua-don-vi?status=done'] },
  // The demo has no plan yet: the page draws its heading and its "not found" message.
  '/ke-hoach/qua-han': { roles: STAFF, url: () => '/ke-hoach/qua-han' },
  '/ke-hoach/lich': { roles: STAFF, url: () => ['/ke-hoach/lich', '/ke-hoach/lich?thang=2026-02'] },
  '/ke-hoach/tong-hop': { roles: STAFF, url: () => '/ke-hoach/tong-hop' },
  '/ke-hoach/:id': { roles: STAFF, url: ({ planId }) => `/ke-hoach/${planId}` },
  '/tra-cuu-ho-so': { roles: EVERYONE, url: () => '/tra-cuu-ho-so?ma=000.00.00.H00-260101-0001', isPublic: true },
  '/thu-tuc/:code/nop-truc-tuyen': {
    roles: ['anonymous', ...APPLICANTS],
    url: ({ procedureCode }) => `/thu-tuc/${procedureCode}/nop-truc-tuyen`,
    isPublic: true,
  },
  '/ho-so-cua-toi/:id': { roles: APPLICANTS, url: ({ myDossierId }) => `/ho-so-cua-toi/${myDossierId}` },
  '/can-bo/ho-so': { roles: DOSSIER_HANDLERS, url: () => ['/can-bo/ho-so', '/can-bo/ho-so?box=all&overdue=true'] },
  '/can-bo/ho-so/:id': { roles: DOSSIER_HANDLERS, url: ({ dossierId }) => `/can-bo/ho-so/${dossierId}` },
  '/can-bo/so-theo-doi': { roles: DOSSIER_HANDLERS, url: () => '/can-bo/so-theo-doi' },
  '/can-bo/tiep-nhan': { roles: ['tiepnhan'], url: () => '/can-bo/tiep-nhan' },
  '/can-bo/tinh-han': { roles: STAFF, url: () => '/can-bo/tinh-han' },
  '/giam-sat': { roles: METRICS_READERS, url: () => ['/giam-sat', '/giam-sat?ky=thang&nam=2026&so=3'] },
  '/giam-sat/chi-so/:code': { roles: METRICS_READERS, url: () => ['/giam-sat/chi-so/on_time', '/giam-sat/chi-so/satisfaction'] },
  '/giam-sat/bieu-06': { roles: METRICS_READERS, url: () => '/giam-sat/bieu-06' },
  '/giam-sat/thoi-gian-xu-ly': {
    roles: METRICS_READERS,
    url: () => ['/giam-sat/thoi-gian-xu-ly', '/giam-sat/thoi-gian-xu-ly?ky=quy&nam=2026&so=1&nhom=don-vi'],
  },
  '/giam-sat/bao-cao-dinh-ky': { roles: METRICS_READERS, url: () => '/giam-sat/bao-cao-dinh-ky' },
  // The demo has no periodic report: the page draws its heading and its "not found" message.
  '/giam-sat/bao-cao-dinh-ky/:id': { roles: METRICS_READERS, url: () => `/giam-sat/bao-cao-dinh-ky/${NO_DOSSIER}` },
  '/thong-ke': { roles: EVERYONE, url: () => '/thong-ke', isPublic: true },
  '/quan-tri/don-vi': { roles: ['admin'], url: () => '/quan-tri/don-vi' },
  '/quan-tri/nguoi-dung': { roles: ['admin'], url: () => '/quan-tri/nguoi-dung' },
  '/quan-tri/thong-bao': { roles: ['admin'], url: () => '/quan-tri/thong-bao' },
  '/quan-tri/cong-thong-tin': { roles: ['admin'], url: () => '/quan-tri/cong-thong-tin' },
  '/quan-tri/thu-tuc': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/thu-tuc' },
  '/quan-tri/thu-tuc/moi': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/thu-tuc/moi' },
  '/quan-tri/thu-tuc/:code': { roles: CATALOG_MANAGERS, url: ({ procedureCode }) => `/quan-tri/thu-tuc/${procedureCode}` },
  '/quan-tri/quyet-dinh': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/quyet-dinh' },
  '/quan-tri/quyet-dinh/moi': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/quyet-dinh/moi' },
  '/quan-tri/tu-dien-tim-kiem': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/tu-dien-tim-kiem' },
  '/quan-tri/cai-dat-giam-sat': { roles: CATALOG_MANAGERS, url: () => '/quan-tri/cai-dat-giam-sat' },
  '/quan-tri/lich': {
    roles: CATALOG_MANAGERS,
    url: () => ['/quan-tri/lich?nam=2025', '/quan-tri/lich?nam=2026', '/quan-tri/lich?nam=2027'],
  },
};

const SCREENS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/** The page has drawn its content: a level-1 heading, no loader, no request in flight. */
async function waitForPage(page: Page, requests: ReturnType<typeof trackRequests>) {
  await requests.waitForQuiet();
  await page.locator('h1').first().waitFor({ state: 'visible' });
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
  await requests.waitForQuiet();
}

/** Tables (and their scroll containers) that are wider than the room they have: the reader must scroll sideways. */
function findOverflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('main table')].flatMap((table) => {
    const box = table.closest('.mantine-ScrollArea-viewport, .mantine-Table-scrollContainer') ?? table.parentElement;
    const overflow = Math.max(box.scrollWidth - box.clientWidth, table.getBoundingClientRect().right - document.documentElement.clientWidth);
    const caption = table.getAttribute('aria-label') ?? table.querySelector('caption, th')?.textContent ?? '';
    return overflow > 1 ? [caption.trim().slice(0, 40) + ' (' + Math.round(overflow) + ' px)'] : [];
  })`);
}

/** The page itself is wider than the screen: the reader must scroll sideways to see all of it. */
async function findPageOverflow(page: Page): Promise<string[]> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  return overflow > 1 ? [`${overflow} px wider than the screen`] : [];
}

async function readDemoValues(page: Page, baseUrl: string): Promise<DemoValues> {
  const response = await page.request.get(`${baseUrl}/api/reform/proposals`);
  const proposals = response.ok() ? ((await response.json()) as { items: { id: string; unit: { id: string } }[] }).items : [];
  const firstId = async (path: string) => {
    const answer = await page.request.get(`${baseUrl}${path}`);
    return answer.ok() ? (((await answer.json()) as { items: { id: string }[] }).items[0]?.id ?? NO_DOSSIER) : NO_DOSSIER;
  };
  return {
    procedureCode: PROCEDURE_CODE,
    proposalId: proposals[0]?.id ?? 'none',
    proposalUnitId: proposals[0]?.unit.id ?? '',
    dossierId: await firstId('/api/dossiers?box=all&pageSize=1'),
    myDossierId: await firstId('/api/my/dossiers?pageSize=1'),
    planId: await firstId('/api/plans'),
  };
}

type Problems = { axe?: AxeFinding[]; wideTables?: string[]; pageOverflow?: string[]; foreignText?: string[]; consoleErrors?: string[] };

/** Opens every page that `role` uses at the given size and returns what is wrong with each, by address. */
async function auditPages(t: BrowserTests, role: Role, viewport: { width: number; height: number }): Promise<Record<string, Problems>> {
  const context: BrowserContext = await t.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const requests = trackRequests(page);
  if (role !== 'anonymous') await signIn(page, t.server.url, role);
  const values = await readDemoValues(page, t.server.url);
  const isLaptop = viewport.width >= SCREENS.laptop.width;

  const problems: Record<string, Problems> = {};
  for (const visit of Object.values(VISITS).filter((candidate) => candidate.roles.includes(role))) {
    for (const url of [visit.url(values)].flat()) {
      consoleErrors.length = 0;
      requests.reset();
      await page.goto(`${t.server.url}${url}`);
      await waitForPage(page, requests);
      const found: Problems = {
        axe: await findAccessibilityViolations(page),
        // On a phone a wide table scrolls inside its own frame; on a laptop it must fit.
        wideTables: isLaptop ? await findOverflowingTables(page) : [],
        pageOverflow: await findPageOverflow(page),
        foreignText: await findForeignText(page),
        consoleErrors: visit.isPublic ? [...consoleErrors] : [],
      };
      const failed = Object.entries(found).filter(([, list]) => list.length > 0);
      if (failed.length > 0) problems[url] = Object.fromEntries(failed);
    }
  }
  await context.close();
  return problems;
}

const { isAvailable } = browserAvailability();

type Audit = { role: Role; screen: keyof typeof SCREENS };

/**
 * Who is audited at which screen, one group per test file (e2e/accessibility*.test.ts) of about the same length: every
 * role on a laptop; on a phone the visitor, who sees every public page, and the administrator, every staff page.
 */
export const AUDIT_GROUPS = {
  public: [
    { role: 'anonymous', screen: 'laptop' },
    { role: 'congdan', screen: 'laptop' },
    { role: 'doanhnghiep', screen: 'laptop' },
    { role: 'anonymous', screen: 'phone' },
  ],
  desk: [
    { role: 'tiepnhan', screen: 'laptop' },
    { role: 'chuyenvien', screen: 'laptop' },
    { role: 'truongphong', screen: 'laptop' },
  ],
  leaders: [
    { role: 'lanhdao', screen: 'laptop' },
    { role: 'kiemsoat', screen: 'laptop' },
  ],
  admin: [{ role: 'admin', screen: 'laptop' }],
  adminPhone: [{ role: 'admin', screen: 'phone' }],
} as const satisfies Record<string, readonly Audit[]>;

/** Every role is audited on a laptop by one of the groups. */
export function rolesMissingFromAudits(): Role[] {
  const audited = Object.values(AUDIT_GROUPS)
    .flat()
    .filter((audit) => audit.screen === 'laptop')
    .map((audit) => audit.role as Role);
  return ROLES.filter((role) => !audited.includes(role));
}

/**
 * One group of the accessibility run: a server and a chromium of its own, and the audit of each role at its screen;
 * `more` adds the file's other browser tests to the block (they share its server).
 */
export function describePageAudits(group: keyof typeof AUDIT_GROUPS, more?: (t: BrowserTests) => void) {
  describe.skipIf(!isAvailable)(`every page (${group}): axe-core, laptop and phone widths, Vietnamese text, console (chromium)`, () => {
    const t = useBrowserTests();
    const audits = (AUDIT_GROUPS[group] as readonly Audit[]).map(({ role, screen }) => [screen, role] as const);
    it.each(audits)('on a %s as %s', async (screen, role) => expect(await auditPages(t, role, SCREENS[screen])).toEqual({}), 300_000);
    more?.(t);
  });
}
