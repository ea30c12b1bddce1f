/**
 * The authorization matrix (issue 9 §2): every operation of the live OpenAPI document × ten actors, the expected
 * answer of each cell generated from ONE table below. Allowed = a 2xx answer to a valid request (so that "allowed"
 * really runs the operation); denied = 401 for the anonymous visitor, 403 for everyone else. A new operation without
 * a row, or a row whose operation is gone, fails the first test.
 *
 * The unit-scoped resources (procedure, worksheet, proposal, condition) belong to department A, so that the
 * specialist of A is allowed where the specialist of B is denied. Writes get a fresh resource per cell, so that no
 * cell depends on what an earlier one did.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPortalBody } from '../modules/dossiers/national-portal';
import {
  type AuthHeaders,
  conditionInput,
  createFactories,
  type Factories,
  type PlanBodyOverrides,
  type ProcedureRef,
  type ProposalRef,
  proposalItemInput,
  regimeInput,
  strongPassword,
  type UserRef,
  worksheetInput,
} from './factories';
import { createTestApp, TEST_NATIONAL_PORTAL_SECRET, type TestApp, testBackends } from './harness';

const actors = [
  'anonymous',
  'citizen',
  'business',
  'deskOfficer',
  'specialistA',
  'specialistB',
  'divisionHead',
  'unitLeader',
  'procedureController',
  'admin',
] as const;
type ActorName = (typeof actors)[number];
type SignedInActor = Exclude<ActorName, 'anonymous'>;

const everyone: readonly ActorName[] = actors;
const signedIn = actors.filter((actor) => actor !== 'anonymous');
const staff: readonly ActorName[] = [
  'deskOfficer',
  'specialistA',
  'specialistB',
  'divisionHead',
  'unitLeader',
  'procedureController',
  'admin',
];
const admins: readonly ActorName[] = ['admin'];
const applicants: readonly ActorName[] = ['citizen', 'business'];

/** The app of the running matrix, for the rows that must read before they write (their own account's version). */
let currentApp: TestApp['app'];
let currentDatabase: TestApp['database'];
/** Codes sent more than a minute ago, so that one may be sent again. */
async function backdateCodes() {
  await currentDatabase.db.execute(sql`update account_codes set last_sent_at = last_sent_at - interval '2 minutes'`);
}
async function verifyRegistration({ token, code }: { token: string; code: string }) {
  const response = await currentApp.inject({ method: 'POST', url: '/api/auth/register/verify', payload: { token, code } });
  if (response.statusCode !== 200) throw new Error(`verify answered ${response.statusCode}: ${response.body}`);
}
const controllers: readonly ActorName[] = ['procedureController', 'admin'];
/** The KPI index and Biểu 06 of department A: its leader, procedure control (the province) and administrators. */
const metricsReadersOfA: readonly ActorName[] = ['unitLeader', 'procedureController', 'admin'];
/** Editors of department A's proposals: roles held over A. The division head's role covers only the division. */
const editorsOfA: readonly ActorName[] = ['specialistA', 'unitLeader', 'admin'];
/** Department A's drafts, worksheets and conditions: its editors and the province-wide procedure control. */
const reviewersOfA: readonly ActorName[] = ['specialistA', 'unitLeader', 'procedureController', 'admin'];

type World = {
  make: Factories;
  users: Record<SignedInActor, UserRef>;
  headers: Record<SignedInActor, AuthHeaders>;
  tree: Awaited<ReturnType<Factories['buildProvince']>>;
  /** A procedure handled by department A, with a worksheet on its version 1. */
  procedure: ProcedureRef;
  /** A draft proposal of department A with one item. */
  draft: ProposalRef;
};
type Row = { allowed: readonly ActorName[]; request: (world: World, actor: ActorName) => InjectOptions | Promise<InjectOptions> };

let announcementDay = 0;
/** A Monday of 2031 no earlier cell used (an extra day off must be a weekday, one announcement per day). */
function freshMonday(): string {
  const day = new Date(Date.UTC(2031, 0, 6 + 7 * announcementDay++));
  return `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
}

const freshDraftOfA = (world: World) => world.make.buildProposal({ unit: world.tree.departmentA, procedures: [world.procedure] });

/** The smallest file the form-file upload accepts (a PDF by its content). */
const MINIMAL_PDF = '%PDF-1.4\n%%EOF\n';

/** A form file uploaded by the admin, for the rows that read one. */
const uploadedFile = ({ make }: World) =>
  make.asAdmin<{ id: string }>({
    method: 'POST',
    url: '/api/procedure-files?name=m.pdf',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(MINIMAL_PDF),
  });

/** The 8 bytes of a PNG's signature: an emblem by its content. */
const MINIMAL_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The province's emblem uploaded by the admin, for the rows that read or remove it. */
const uploadedEmblem = ({ make }: World) =>
  make.asAdmin<unknown>({
    method: 'PUT',
    url: '/api/settings/portal/emblem?name=bieu-trung.png',
    headers: { 'content-type': 'application/octet-stream' },
    payload: MINIMAL_PNG,
  });

/** A decision publishing one new code of unit A (preview and entry send the same body). */
const newCodeDecision =
  (url: string) =>
  ({ make, tree }: World): InjectOptions => ({
    method: 'POST',
    url,
    payload: {
      decision: make.decisionHeader(),
      items: [
        {
          action: 'new',
          code: `8.${String(600_000 + make.next())}`,
          procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
        },
      ],
    },
  });

// dossiers (docs/api/dossiers.md): a dossier of department A received at the province's desk, its active step a
// specialist's of A. Its readers: the desk (receiving), A's staff (handling), administrators.
const readersOfDossierOfA: readonly ActorName[] = ['deskOfficer', 'specialistA', 'unitLeader', 'admin'];
/** Who may upload a dossier file: citizens and businesses online, the staff handling dossiers. */
const dossierUploaders: readonly ActorName[] = [
  'citizen',
  'business',
  'deskOfficer',
  'specialistA',
  'specialistB',
  'divisionHead',
  'unitLeader',
];
const dossierWorlds = new WeakMap<
  World,
  Promise<{ procedure: ProcedureRef; dossierId: string; fileId: string; code: string; idNumber: string }>
>();

/** One dossier (with a component file) per world, received by the desk officer: the rows that read it share it. */
function dossierOfA(world: World) {
  let built = dossierWorlds.get(world);
  if (!built) {
    built = (async () => {
      const { make, tree, headers } = world;
      const procedure = await make.buildProcedure({
        handlingUnits: [tree.departmentA],
        content: {
          onlineLevel: 'full',
          processTemplate: [
            { order: 1, name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, budget: { amount: 0.5, unit: 'working_days' } },
            { order: 2, name: 'Thẩm định', role: 'specialist', unitCode: null, budget: { amount: 9.5, unit: 'working_days' } },
          ],
        },
      });
      const file = await make.uploadDossierFile(headers.deskOfficer);
      const body = make.dossierBody(procedure, { components: [{ position: 0, presence: 'file', fileIds: [file.id] }] });
      const dossier = await make.buildDossier({ officer: headers.deskOfficer, procedure, body });
      return {
        procedure,
        dossierId: dossier.id,
        fileId: file.id,
        code: dossier.code,
        idNumber: (body.applicant as { idNumber: string }).idNumber,
      };
    })();
    dossierWorlds.set(world, built);
  }
  return built;
}

/** An online dossier of `actor` (a citizen or business), with its own uploaded file. */
async function onlineDossierOf(world: World, actor: 'citizen' | 'business'): Promise<string> {
  const { procedure } = await dossierOfA(world);
  const file = await world.make.uploadDossierFile(world.headers[actor]);
  return submitOnline(world, actor, procedure, file.id);
}

async function submitOnline(world: World, actor: 'citizen' | 'business', procedure: ProcedureRef, fileId: string): Promise<string> {
  const { make, headers } = world;
  const { applicant } = make.dossierBody(procedure);
  const { app } = matrixApp!;
  const response = await app.inject({
    method: 'POST',
    url: '/api/my/dossiers',
    headers: headers[actor],
    payload: { procedureCode: procedure.code, applicant, components: [{ position: 0, presence: 'file', fileIds: [fileId] }] },
  });
  if (response.statusCode !== 201) throw new Error(`online dossier: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

/** The app of the run (the rows build online dossiers through it). */
let matrixApp: TestApp | undefined;

/** A signed national-portal request with a fresh reference and key. */
async function portalRequest(world: World): Promise<InjectOptions> {
  const { procedure } = await dossierOfA(world);
  const body = JSON.stringify({
    portalRef: `G22-${world.make.next()}-${Date.now()}`,
    procedureCode: procedure.code,
    submittedAt: '2026-03-02T09:15:00+07:00',
    applicant: { kind: 'individual', fullName: 'Người nộp qua Cổng', idNumber: '001234567890' },
    components: [{ position: 0, files: [{ name: 'don.pdf', contentBase64: Buffer.from(MINIMAL_PDF).toString('base64') }] }],
  });
  return {
    method: 'POST',
    url: '/api/integrations/national-portal/dossiers',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `matrix-${world.make.next()}-${Date.now()}`,
      'x-motcua-signature': signPortalBody(TEST_NATIONAL_PORTAL_SECRET, body),
    },
    payload: body,
  };
}

// plans (docs/api/plans.md): a plan of the province (saved by the admin) with one task led by department A (make.planBody).
const planOfAOverrides = ({ tree }: World): PlanBodyOverrides => ({
  tasks: [
    {
      ref: '1',
      title: 'Rà soát thủ tục hành chính',
      lead: ['Sở A'],
      coordinating: ['Các sở, ngành'],
      deadlines: [{ kind: 'annual', text: 'trước ngày 15/6 hằng năm', month: 6, day: 15 }],
    },
  ],
  units: [
    { name: 'Sở A', unitId: tree.departmentA.id },
    { name: 'Các sở, ngành', unitId: null },
  ],
});
const planOfA = async (world: World) =>
  world.make.buildPlan({ headers: await world.make.admin(), issuer: world.tree.province, body: planOfAOverrides(world) });
/** A comment on the task of a fresh plan of A, by `actor` when they may comment on it, else by the administrator. */
async function commentFor(world: World, actor: ActorName): Promise<{ id: string; version: number }> {
  const headers = actor !== 'anonymous' && reviewersOfA.includes(actor) ? world.headers[actor] : await world.make.admin();
  const [task] = (await planOfA(world)).tasks;
  const response = await currentApp.inject({
    method: 'POST',
    url: `/api/plans/tasks/${task!.id}/comments`,
    headers,
    payload: { text: 'Ý kiến kiểm thử.' },
  });
  if (response.statusCode !== 201) throw new Error(`comment: ${response.statusCode} ${response.body}`);
  return response.json();
}
// control reports (docs/api/control-reports.md): a draft report of department A, a period of its own each time,
// going back month by month from December 2025 (a report is made only for a period that has begun).
// Counted per world (one database per backend); 72 months from 2020 to 2025.
const controlReportPeriods = new WeakMap<object, number>();
const nextControlPeriod = (world: World) => {
  const count = (controlReportPeriods.get(world.tree) ?? 0) + 1;
  controlReportPeriods.set(world.tree, count);
  return { year: 2025 - Math.floor(count / 12), periodIndex: 12 - (count % 12) };
};
const controlReportOfA = (world: World) =>
  world.make.asAdmin<{ id: string; version: number }>({
    method: 'POST',
    url: '/api/control-reports',
    payload: { unitId: world.tree.departmentA.id, kind: 'monthly', ...nextControlPeriod(world) },
  });
/** A plan document the importer reads (a fixture of src/core/plans). */
const PLAN_DOCUMENT = readFileSync(new URL('../core/plans/fixtures/plans/numbered-sections.txt', import.meta.url));

/** The table: operation key "METHOD /path" (as in the OpenAPI document) → who is allowed, and a valid request. */
const matrix: Record<string, Row> = {
  'GET /api/health': { allowed: everyone, request: () => ({ url: '/api/health' }) },

  'POST /api/auth/login': {
    allowed: everyone,
    request: ({ users }, actor) => {
      const user = users[actor === 'anonymous' ? 'citizen' : actor];
      return { method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } };
    },
  },
  'POST /api/auth/logout': {
    allowed: signedIn,
    request: async ({ users }, actor) => ({
      method: 'POST',
      url: '/api/auth/logout',
      headers: actor === 'anonymous' ? {} : await users[actor].login(),
    }),
  },
  // A visitor gets 200 {"user": null} (issue 9 §6), not 401.
  'GET /api/auth/me': { allowed: everyone, request: () => ({ url: '/api/auth/me' }) },
  // Registration and the forgotten password need no session: anyone may start them (each cell from its own address).
  'POST /api/auth/register': {
    allowed: everyone,
    request: ({ make }) => ({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: `10.200.${make.next() % 250}.1`,
      payload: {
        kind: 'citizen',
        identityNumber: make.personalId(),
        fullName: 'Nguyễn Văn Ma Trận',
        phone: '0912345678',
        password: strongPassword(),
      },
    }),
  },
  'POST /api/auth/register/verify': {
    allowed: everyone,
    request: async ({ make }) => {
      const { token, code } = await make.buildRegistration();
      return { method: 'POST', url: '/api/auth/register/verify', payload: { token, code } };
    },
  },
  'POST /api/auth/register/resend': {
    allowed: everyone,
    request: async ({ make }) => {
      const { token } = await make.buildRegistration();
      // A code may be sent again a minute after the last one.
      await backdateCodes();
      return { method: 'POST', url: '/api/auth/register/resend', payload: { token } };
    },
  },
  'POST /api/auth/password-reset': {
    allowed: everyone,
    request: ({ make }) => ({
      method: 'POST',
      url: '/api/auth/password-reset',
      remoteAddress: `10.201.${make.next() % 250}.1`,
      payload: { login: `khong.ai.${make.next()}@example.vn` },
    }),
  },
  'POST /api/auth/password-reset/confirm': {
    allowed: everyone,
    request: async ({ make }) => {
      const registration = await make.buildRegistration();
      await verifyRegistration(registration);
      const { token, code } = await make.buildPasswordReset({ login: registration.identityNumber, recipient: registration.email });
      return { method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, code, newPassword: strongPassword() } };
    },
  },
  'GET /api/auth/me/profile': { allowed: applicants, request: () => ({ url: '/api/auth/me/profile' }) },
  'PATCH /api/auth/me/profile': {
    allowed: applicants,
    request: async ({ headers }, actor) => {
      const own = actor === 'anonymous' ? undefined : await currentApp.inject({ url: '/api/auth/me/profile', headers: headers[actor] });
      const version = own?.statusCode === 200 ? (own.json() as { version: number }).version : 1;
      return { method: 'PATCH', url: '/api/auth/me/profile', payload: { address: 'Số 2 đường Hùng Vương', version } };
    },
  },

  'GET /api/users': { allowed: admins, request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allowed: admins,
    request: ({ make, tree }) => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `moi.${make.next()}.${Date.now()}`,
        fullName: 'Cán bộ mới',
        password: strongPassword(),
        roles: [{ role: 'specialist', unitId: tree.departmentA.id }],
      },
    }),
  },
  'PATCH /api/users/{id}': {
    allowed: admins,
    request: async ({ make }) => {
      const user = await make.buildUser({ roles: [] });
      return { method: 'PATCH', url: `/api/users/${user.id}`, payload: { fullName: 'Tên đã sửa', version: 1 } };
    },
  },

  'GET /api/units': { allowed: everyone, request: () => ({ url: '/api/units' }) },
  'POST /api/units': {
    allowed: admins,
    request: ({ make, tree }) => ({
      method: 'POST',
      url: '/api/units',
      payload: { code: make.unitCode(), name: 'Phòng mới', type: 'division', parentId: tree.departmentB.id, validFrom: '2025-01-01' },
    }),
  },
  'PATCH /api/units/{id}': {
    allowed: admins,
    request: async ({ make, tree }) => {
      const unit = await make.buildUnit({ parent: tree.departmentB, type: 'division' });
      return { method: 'PATCH', url: `/api/units/${unit.id}`, payload: { name: 'Phòng đổi tên', version: unit.version } };
    },
  },

  'GET /api/procedures': { allowed: everyone, request: () => ({ url: '/api/procedures?q=th%E1%BB%A7%20t%E1%BB%A5c' }) },
  'POST /api/procedures': {
    allowed: controllers,
    request: ({ make, tree }) => ({
      method: 'POST',
      url: '/api/procedures',
      payload: {
        code: `8.${String(800_000 + make.next())}`,
        decision: make.procedureDecision('new', { date: '2025-03-01', effectiveDate: '2025-03-01' }),
        procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
      },
    }),
  },
  'GET /api/fields': { allowed: everyone, request: () => ({ url: '/api/fields' }) },
  'GET /api/decisions': { allowed: everyone, request: () => ({ url: '/api/decisions' }) },
  'GET /api/decisions/{id}': {
    allowed: everyone,
    request: async ({ make, tree }) => ({ url: `/api/decisions/${(await make.buildDecision({ handlingUnits: [tree.departmentA] })).id}` }),
  },
  'POST /api/decisions/preview': { allowed: controllers, request: newCodeDecision('/api/decisions/preview') },
  'POST /api/decisions': { allowed: controllers, request: newCodeDecision('/api/decisions') },
  'POST /api/decision-files': {
    allowed: controllers,
    request: ({ headers }, actor) => ({
      method: 'POST',
      url: '/api/decision-files?name=Q%C4%90%201%2FQ%C4%90-UBND.pdf',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(MINIMAL_PDF),
    }),
  },
  'PUT /api/decisions/{id}/signed-file': {
    allowed: controllers,
    request: async ({ make, tree, headers }, actor) => ({
      method: 'PUT',
      url: `/api/decisions/${(await make.buildDecision({ handlingUnits: [tree.departmentA] })).id}/signed-file?name=ban-ky.pdf`,
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(MINIMAL_PDF),
    }),
  },
  'GET /api/decisions/{id}/signed-file': {
    allowed: everyone,
    request: async ({ make, tree }) => {
      const signedFile = await make.uploadSignedFile();
      const decision = await make.asAdmin<{ id: string }>({
        method: 'POST',
        url: '/api/decisions',
        payload: {
          decision: make.decisionHeader({ signedFileId: signedFile.id }),
          items: [
            {
              action: 'new',
              code: `8.${String(600_000 + make.next())}`,
              procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
            },
          ],
        },
      });
      return { url: `/api/decisions/${decision.id}/signed-file` };
    },
  },
  'POST /api/decisions/flags': {
    allowed: controllers,
    request: ({ make, procedure }) => ({
      method: 'POST',
      url: '/api/decisions/flags',
      payload: { decision: make.decisionHeader(), changes: [{ code: procedure.code, flag: 'fullOnlineEligible', value: true }] },
    }),
  },
  'GET /api/procedures/{code}/flags': {
    allowed: everyone,
    request: ({ procedure }) => ({ url: `/api/procedures/${procedure.code}/flags` }),
  },
  'GET /api/procedures/{code}': { allowed: everyone, request: ({ procedure }) => ({ url: `/api/procedures/${procedure.code}` }) },
  'GET /api/procedures/{code}/versions/{versionNo}': {
    allowed: everyone,
    request: ({ procedure }) => ({ url: `/api/procedures/${procedure.code}/versions/1` }),
  },
  'POST /api/procedures/{code}/versions': {
    allowed: controllers,
    request: async ({ make, tree }) => {
      const procedure = await make.buildProcedure({ handlingUnits: [tree.departmentA] });
      return {
        method: 'POST',
        url: `/api/procedures/${procedure.code}/versions`,
        payload: {
          baseVersionNo: 1,
          // Entered today: no door closes the version in force in the past.
          decision: make.procedureDecision('amended'),
          procedure: make.procedureContent({ handlingUnits: [tree.departmentA] }),
        },
      };
    },
  },

  // The search dictionary and the log of poor queries (issue 11): procedure controllers and administrators.
  'GET /api/search/settings': { allowed: admins, request: () => ({ url: '/api/search/settings' }) },
  'PUT /api/search/settings': {
    allowed: admins,
    request: () => ({ method: 'PUT', url: '/api/search/settings', payload: { popularityWeight: 0.3 } }),
  },
  'GET /api/search/synonyms': { allowed: controllers, request: () => ({ url: '/api/search/synonyms' }) },
  'POST /api/search/synonyms': {
    allowed: controllers,
    request: ({ make }) => ({
      method: 'POST',
      url: '/api/search/synonyms',
      payload: { term: `tu thu ${make.next()}`, expansion: 'đăng ký khai sinh' },
    }),
  },
  'PUT /api/search/synonyms/{id}': {
    allowed: controllers,
    request: async ({ make }) => {
      const synonym = await make.asAdmin<{ id: string; version: number }>({
        method: 'POST',
        url: '/api/search/synonyms',
        payload: { term: `tu sua ${make.next()}`, expansion: 'đăng ký kết hôn' },
      });
      return {
        method: 'PUT',
        url: `/api/search/synonyms/${synonym.id}`,
        payload: { term: `tu da sua ${make.next()}`, expansion: 'đăng ký kết hôn', version: synonym.version },
      };
    },
  },
  'DELETE /api/search/synonyms/{id}': {
    allowed: controllers,
    request: async ({ make }) => {
      const synonym = await make.asAdmin<{ id: string }>({
        method: 'POST',
        url: '/api/search/synonyms',
        payload: { term: `tu xoa ${make.next()}`, expansion: 'đăng ký khai tử' },
      });
      return { method: 'DELETE', url: `/api/search/synonyms/${synonym.id}` };
    },
  },
  'GET /api/search/misses': { allowed: controllers, request: () => ({ url: '/api/search/misses' }) },
  'GET /api/procedures/{code}/processes': {
    allowed: everyone,
    request: ({ procedure }) => ({ url: `/api/procedures/${procedure.code}/processes` }),
  },
  'POST /api/procedures/{code}/processes': {
    allowed: controllers,
    request: async ({ make, tree }) => {
      const procedure = await make.buildProcedure({ handlingUnits: [tree.departmentA] });
      const step = (order: number, amount: number) => ({
        order,
        name: `Bước ${order}`,
        role: 'specialist',
        unitCode: null,
        budget: { amount, unit: 'working_days' },
      });
      return {
        method: 'POST',
        url: `/api/procedures/${procedure.code}/processes`,
        payload: {
          decisionNumber: '7/QĐ-UBND',
          decisionDate: '2025-02-01',
          signer: 'Chủ tịch UBND tỉnh',
          effectiveFrom: '2025-03-01',
          committedTime: { amount: 8, unit: 'working_days' },
          steps: [step(1, 3), step(2, 5)],
        },
      };
    },
  },
  'POST /api/procedure-files': {
    allowed: controllers,
    request: ({ headers }, actor) => ({
      method: 'POST',
      url: '/api/procedure-files?name=M%E1%BA%ABu%2001.pdf',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(MINIMAL_PDF),
    }),
  },
  'GET /api/procedure-files/{fileId}': {
    allowed: controllers,
    request: async (world) => {
      const file = await uploadedFile(world);
      return { url: `/api/procedure-files/${file.id}` };
    },
  },
  'GET /api/procedures/{code}/versions/{versionNo}/files/{fileId}': {
    allowed: everyone,
    request: async (world) => {
      const { make, tree } = world;
      const file = await uploadedFile(world);
      const code = `8.${String(700_000 + make.next())}`;
      const content = make.procedureContent({ handlingUnits: [tree.departmentA] });
      await make.asAdmin({
        method: 'POST',
        url: '/api/procedures',
        payload: {
          code,
          decision: { number: '8/QĐ-UBND', date: '2025-03-01', signer: 'Chủ tịch UBND tỉnh', type: 'new', effectiveDate: '2025-03-01' },
          procedure: { ...content, components: [{ name: 'Đơn đề nghị', formFile: { fileId: file.id, name: 'Đơn đề nghị' } }] },
        },
      });
      return { url: `/api/procedures/${code}/versions/1/files/${file.id}` };
    },
  },

  'GET /api/calendar/due': {
    allowed: everyone,
    request: () => ({ url: '/api/calendar/due?from=2026-03-02T09:00%2B07:00&amount=3&unit=working_days' }),
  },
  'GET /api/calendar/years/{year}': { allowed: everyone, request: () => ({ url: '/api/calendar/years/2026' }) },
  'PUT /api/calendar/years/{year}': {
    allowed: admins,
    request: () => ({ method: 'PUT', url: '/api/calendar/years/2031', payload: { isAnnouncedListComplete: false } }),
  },
  'POST /api/calendar/announcements': {
    allowed: admins,
    request: () => ({
      method: 'POST',
      url: '/api/calendar/announcements',
      payload: { date: freshMonday(), kind: 'day_off', name: 'Nghỉ thêm (kiểm thử)' },
    }),
  },
  'DELETE /api/calendar/announcements/{id}': {
    allowed: admins,
    request: async ({ make }) => {
      const announcement = await make.asAdmin<{ id: string }>({
        method: 'POST',
        url: '/api/calendar/announcements',
        payload: { date: freshMonday(), kind: 'day_off', name: 'Sẽ xóa' },
      });
      return { method: 'DELETE', url: `/api/calendar/announcements/${announcement.id}` };
    },
  },
  'GET /api/portal': { allowed: everyone, request: () => ({ url: '/api/portal' }) },
  'GET /api/portal/emblem': {
    allowed: everyone,
    request: async (world) => {
      await uploadedEmblem(world);
      return { url: '/api/portal/emblem' };
    },
  },
  'PUT /api/settings/portal/emblem': {
    allowed: admins,
    request: ({ headers }, actor) => ({
      method: 'PUT',
      url: '/api/settings/portal/emblem?name=bieu-trung.png',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: MINIMAL_PNG,
    }),
  },
  'DELETE /api/settings/portal/emblem': {
    allowed: admins,
    request: async (world) => {
      await uploadedEmblem(world);
      return { method: 'DELETE', url: '/api/settings/portal/emblem' };
    },
  },
  'PUT /api/settings/portal': {
    allowed: admins,
    request: () => ({
      method: 'PUT',
      url: '/api/settings/portal',
      payload: { provinceName: 'Tỉnh An Giang', centreName: null, address: null, phone: null, hotline: null, email: null },
    }),
  },
  'PUT /api/calendar/sessions': {
    allowed: admins,
    request: () => ({
      method: 'PUT',
      url: '/api/calendar/sessions',
      payload: {
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
    }),
  },

  'GET /api/notify/outbox': { allowed: admins, request: () => ({ url: '/api/notify/outbox?status=failed' }) },
  'POST /api/notify/outbox/{id}/retry': {
    allowed: admins,
    request: async ({ make }) => {
      const message = await make.buildFailedNotification();
      return { method: 'POST', url: `/api/notify/outbox/${message.id}/retry` };
    },
  },

  'POST /api/reform/cost': {
    allowed: everyone,
    request: () => ({
      method: 'POST',
      url: '/api/reform/cost',
      payload: {
        hourlyIncome: 40_000,
        activities: [{ name: 'Chờ', hours: 8 }],
        fees: 0,
        otherCosts: 0,
        timesPerYear: 1,
        subjectsPerYear: 10,
      },
    }),
  },
  'GET /api/reform/income-rates': { allowed: everyone, request: () => ({ url: '/api/reform/income-rates' }) },
  'PUT /api/reform/income-rates/{year}': {
    allowed: controllers,
    request: () => ({
      method: 'PUT',
      url: '/api/reform/income-rates/2025',
      payload: { hourlyIncomeVnd: 42_000, hoursPerDay: 8, source: null },
    }),
  },
  'GET /api/reform/cost-method': { allowed: everyone, request: () => ({ url: '/api/reform/cost-method' }) },
  'PUT /api/reform/cost-method': {
    allowed: controllers,
    request: () => ({ method: 'PUT', url: '/api/reform/cost-method', payload: { waitingIncomeShare: 1 } }),
  },
  'GET /api/reform/procedures/{code}': {
    allowed: staff,
    request: ({ procedure }) => ({ url: `/api/reform/procedures/${procedure.code}` }),
  },
  'GET /api/reform/procedures/{code}/measures': {
    allowed: staff,
    request: ({ procedure }) => ({ url: `/api/reform/procedures/${procedure.code}/measures` }),
  },
  'PUT /api/reform/procedures/{code}/versions/{versionNo}/worksheet': {
    allowed: reviewersOfA,
    request: async ({ make, tree }) => {
      const procedure = await make.buildProcedure({ handlingUnits: [tree.departmentA] });
      return { method: 'PUT', url: `/api/reform/procedures/${procedure.code}/versions/1/worksheet`, payload: worksheetInput() };
    },
  },
  'GET /api/reform/summary': { allowed: staff, request: () => ({ url: '/api/reform/summary?year=2026' }) },
  'GET /api/reform/summary/drill': {
    allowed: staff,
    request: () => ({ url: '/api/reform/summary/drill?year=2026&indicator=time_reduction' }),
  },
  'GET /api/reform/targets': { allowed: everyone, request: () => ({ url: '/api/reform/targets' }) },
  'PUT /api/reform/targets/{year}/{indicator}': {
    allowed: controllers,
    request: () => ({
      method: 'PUT',
      url: '/api/reform/targets/2026/time_reduction',
      payload: { target: 0.5, source: 'Nghị quyết 66/NQ-CP' },
    }),
  },

  'GET /api/reform/proposals': { allowed: staff, request: () => ({ url: '/api/reform/proposals' }) },
  'POST /api/reform/proposals': {
    allowed: editorsOfA,
    request: ({ tree }) => ({
      method: 'POST',
      url: '/api/reform/proposals',
      payload: { unitId: tree.departmentA.id, year: 2026, title: 'Phương án của Sở A' },
    }),
  },
  'GET /api/reform/proposals/{id}': { allowed: reviewersOfA, request: ({ draft }) => ({ url: `/api/reform/proposals/${draft.id}` }) },
  'PATCH /api/reform/proposals/{id}': {
    allowed: editorsOfA,
    request: async (world) => {
      const draft = await freshDraftOfA(world);
      return { method: 'PATCH', url: `/api/reform/proposals/${draft.id}`, payload: { title: 'Tiêu đề mới', version: draft.version } };
    },
  },
  'PUT /api/reform/proposals/{id}/items/{code}': {
    allowed: editorsOfA,
    request: async (world) => {
      const draft = await world.make.buildProposal({ unit: world.tree.departmentA });
      return {
        method: 'PUT',
        url: `/api/reform/proposals/${draft.id}/items/${world.procedure.code}`,
        payload: { ...proposalItemInput(), version: draft.version },
      };
    },
  },
  'DELETE /api/reform/proposals/{id}/items/{code}': {
    allowed: editorsOfA,
    request: async (world) => {
      const draft = await freshDraftOfA(world);
      return { method: 'DELETE', url: `/api/reform/proposals/${draft.id}/items/${world.procedure.code}?version=${draft.version}` };
    },
  },
  // One lifecycle step per operation: submitting a draft (the unit's editors), signed KT. by a deputy. The province's
  // steps, and a vertical agency's proposal that nobody in the province approves or rejects, are checked in
  // src/modules/reform/reform-permissions.test.ts.
  'POST /api/reform/proposals/{id}/actions': {
    allowed: editorsOfA,
    request: async (world) => {
      const draft = await freshDraftOfA(world);
      return {
        method: 'POST',
        url: `/api/reform/proposals/${draft.id}/actions`,
        payload: { action: 'submit', version: draft.version, signing: { form: 'deputy', title: 'Phó Giám đốc' } },
      };
    },
  },
  'GET /api/reform/proposals/{id}/document.{format}': {
    allowed: reviewersOfA,
    request: ({ draft }) => ({ url: `/api/reform/proposals/${draft.id}/document.docx` }),
  },
  'GET /api/reform/settings': { allowed: everyone, request: () => ({ url: '/api/reform/settings' }) },
  'PUT /api/reform/settings': {
    allowed: admins,
    request: () => ({ method: 'PUT', url: '/api/reform/settings', payload: { submissionDeadline: '06-15', approvalDeadline: '06-30' } }),
  },
  'GET /api/reform/deadlines/{year}': { allowed: everyone, request: () => ({ url: '/api/reform/deadlines/2031' }) },
  // One year's deadlines: the procedure-control office sets them, as it does targets and income rates.
  'PUT /api/reform/deadlines/{year}': {
    allowed: controllers,
    request: () => ({
      method: 'PUT',
      url: '/api/reform/deadlines/2031',
      payload: { submissionDeadline: '2031-06-16', approvalDeadline: '2031-07-01' },
    }),
  },

  'GET /api/reform/conditions': { allowed: staff, request: () => ({ url: '/api/reform/conditions' }) },
  'POST /api/reform/conditions': {
    allowed: reviewersOfA,
    request: ({ tree }) => ({ method: 'POST', url: '/api/reform/conditions', payload: conditionInput({ unitId: tree.departmentA.id }) }),
  },
  'PATCH /api/reform/conditions/{id}': {
    allowed: reviewersOfA,
    request: async ({ make, tree }) => {
      const condition = await make.buildCondition({ unit: tree.departmentA });
      return {
        method: 'PATCH',
        url: `/api/reform/conditions/${condition.id}`,
        payload: { status: 'proposed', version: condition.version },
      };
    },
  },

  // Reporting regimes: the permissions of business conditions.
  'GET /api/reform/reporting-regimes': { allowed: staff, request: () => ({ url: '/api/reform/reporting-regimes' }) },
  'GET /api/reform/reporting-regimes/{id}': {
    allowed: staff,
    request: async ({ make, tree }) => ({
      url: `/api/reform/reporting-regimes/${(await make.buildRegime({ unit: tree.departmentA })).id}`,
    }),
  },
  'POST /api/reform/reporting-regimes': {
    allowed: reviewersOfA,
    request: ({ tree }) => ({
      method: 'POST',
      url: '/api/reform/reporting-regimes',
      payload: regimeInput({ unitId: tree.departmentA.id }),
    }),
  },
  'PATCH /api/reform/reporting-regimes/{id}': {
    allowed: reviewersOfA,
    request: async ({ make, tree }) => {
      const regime = await make.buildRegime({ unit: tree.departmentA });
      return {
        method: 'PATCH',
        url: `/api/reform/reporting-regimes/${regime.id}`,
        payload: { isElectronic: true, version: regime.version },
      };
    },
  },
  'DELETE /api/reform/reporting-regimes/{id}': {
    allowed: reviewersOfA,
    request: async ({ make, tree }) => {
      const regime = await make.buildRegime({ unit: tree.departmentA });
      return { method: 'DELETE', url: `/api/reform/reporting-regimes/${regime.id}?version=${regime.version}` };
    },
  },

  // dossiers
  'POST /api/dossiers': {
    allowed: ['deskOfficer'],
    request: async (world) => {
      const { procedure } = await dossierOfA(world);
      return { method: 'POST', url: '/api/dossiers', payload: world.make.dossierBody(procedure) };
    },
  },
  'GET /api/dossiers': { allowed: staff, request: () => ({ url: '/api/dossiers?box=all' }) },
  'GET /api/dossiers/{id}': {
    allowed: readersOfDossierOfA,
    request: async (world) => ({ url: `/api/dossiers/${(await dossierOfA(world)).dossierId}` }),
  },
  'GET /api/dossiers/{id}/files/{fileId}': {
    allowed: readersOfDossierOfA,
    request: async (world) => {
      const { dossierId, fileId } = await dossierOfA(world);
      return { url: `/api/dossiers/${dossierId}/files/${fileId}` };
    },
  },
  // Whoever holds the active (specialist) step of the dossier of A, or manages its handling unit.
  'GET /api/dossiers/{id}/assignees': {
    allowed: ['specialistA', 'divisionHead', 'unitLeader'],
    request: async (world) => ({ url: `/api/dossiers/${(await dossierOfA(world)).dossierId}/assignees` }),
  },
  // h-actions: a fresh dossier of A whose active step is the specialist's: only a specialist of A submits it.
  'POST /api/dossiers/{id}/actions': {
    allowed: ['specialistA'],
    request: async (world) => {
      const { procedure } = await dossierOfA(world);
      const dossier = await world.make.buildDossier({ officer: world.headers.deskOfficer, procedure });
      return {
        method: 'POST',
        url: `/api/dossiers/${dossier.id}/actions`,
        payload: { action: 'submit_for_review', version: dossier.version },
      };
    },
  },
  'POST /api/dossier-files': {
    allowed: dossierUploaders,
    request: ({ headers }, actor) => ({
      method: 'POST',
      url: '/api/dossier-files?name=ban-scan.pdf',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(MINIMAL_PDF),
    }),
  },
  // An upload not yet attached: its uploader reads it; the others ask for the desk officer's.
  'GET /api/dossier-files/{fileId}': {
    allowed: dossierUploaders,
    request: async ({ make, headers }, actor) => {
      const owner = dossierUploaders.includes(actor) ? (actor as SignedInActor) : 'deskOfficer';
      return { url: `/api/dossier-files/${(await make.uploadDossierFile(headers[owner])).id}` };
    },
  },
  'GET /api/my/dossiers': { allowed: applicants, request: () => ({ url: '/api/my/dossiers' }) },
  'GET /api/my/dossiers/{id}': {
    allowed: applicants,
    request: async (world, actor) => {
      const owner = actor === 'business' ? 'business' : 'citizen';
      return { url: `/api/my/dossiers/${await onlineDossierOf(world, owner)}` };
    },
  },
  'POST /api/my/dossiers': {
    allowed: applicants,
    request: async (world, actor) => {
      const { procedure } = await dossierOfA(world);
      const fileId =
        actor === 'citizen' || actor === 'business'
          ? (await world.make.uploadDossierFile(world.headers[actor])).id
          : '00000000-0000-4000-8000-000000000000';
      const { applicant } = world.make.dossierBody(procedure);
      return {
        method: 'POST',
        url: '/api/my/dossiers',
        payload: { procedureCode: procedure.code, applicant, components: [{ position: 0, presence: 'file', fileIds: [fileId] }] },
      };
    },
  },
  'GET /api/public/dossier-status': {
    allowed: everyone,
    request: async (world) => {
      const { code, idNumber } = await dossierOfA(world);
      return { url: `/api/public/dossier-status?code=${encodeURIComponent(code)}&idNumber=${idNumber}` };
    },
  },
  // Authenticated by its signature, not by a session: every caller with a signed body gets through.
  'POST /api/integrations/national-portal/dossiers': { allowed: everyone, request: (world) => portalRequest(world) },
  // Dossier forms (docs/formats/dossier-forms.md): whoever may read the dossier; the tracking book: staff over the
  // unit it is kept for.
  'GET /api/dossiers/{id}/forms/{form}': {
    allowed: readersOfDossierOfA,
    request: async (world) => ({ url: `/api/dossiers/${(await dossierOfA(world)).dossierId}/forms/01` }),
  },
  'GET /api/plans': { allowed: staff, request: () => ({ url: '/api/plans' }) },
  'GET /api/plans/{id}': { allowed: staff, request: async (world) => ({ url: `/api/plans/${(await planOfA(world)).id}` }) },
  'GET /api/plans/tasks': { allowed: staff, request: ({ tree }) => ({ url: `/api/plans/tasks?unit=${tree.departmentA.id}` }) },
  // The province's plan: its office's procedure controller (Văn phòng UBND tỉnh) and administrators.
  'POST /api/plans': {
    allowed: controllers,
    request: (world) => ({ method: 'POST', url: '/api/plans', payload: world.make.planBody(world.tree.province, planOfAOverrides(world)) }),
  },
  'POST /api/plans/import': {
    allowed: controllers,
    request: ({ headers }, actor) => ({
      method: 'POST',
      url: '/api/plans/import?name=ke-hoach.txt',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: PLAN_DOCUMENT,
    }),
  },
  // A task led by department A: staff with a role over A (not its division's head) and administrators.
  'POST /api/plans/tasks/{id}/reports': {
    allowed: editorsOfA,
    request: async (world) => {
      const [task] = (await planOfA(world)).tasks;
      return {
        method: 'POST',
        url: `/api/plans/tasks/${task!.id}/reports`,
        payload: { text: 'Đã rà soát xong', status: 'in_progress', version: task!.version },
      };
    },
  },
  // Editing a saved plan (docs/api/plans.md "Editing a saved plan"): the issuer's office (the province's: its
  // procedure controller at Văn phòng UBND tỉnh) and administrators; the live figures of its targets: staff.
  'PATCH /api/plans/{id}': {
    allowed: controllers,
    request: async (world) => {
      const plan = await planOfA(world);
      return { method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 1, title: 'Kế hoạch kiểm thử (sửa)' } };
    },
  },
  'GET /api/plans/{id}/targets/live': {
    allowed: staff,
    request: async (world) => ({ url: `/api/plans/${(await planOfA(world)).id}/targets/live` }),
  },
  'POST /api/plans/{id}/tasks': {
    allowed: controllers,
    request: async (world) => ({
      method: 'POST',
      url: `/api/plans/${(await planOfA(world)).id}/tasks`,
      payload: { ref: '2', title: 'Nhiệm vụ bổ sung', lead: [{ name: 'Sở A', unitId: world.tree.departmentA.id }] },
    }),
  },
  'PATCH /api/plans/tasks/{id}': {
    allowed: controllers,
    request: async (world) => {
      const [task] = (await planOfA(world)).tasks;
      return { method: 'PATCH', url: `/api/plans/tasks/${task!.id}`, payload: { version: task!.version, title: 'Rà soát (sửa)' } };
    },
  },
  // The day of a deadline's event (docs/api/plans.md "The day of an event"): the lead unit's staff (A), the issuer's
  // office and administrators; a plan of 2025 so that the day is past whenever the suite runs.
  'PUT /api/plans/tasks/{id}/deadlines/{index}/event': {
    allowed: reviewersOfA,
    request: async (world) => {
      const overrides = planOfAOverrides(world);
      const deadline = {
        kind: 'relative',
        text: 'trong 10 ngày kể từ ngày tiếp nhận văn bản',
        amount: 10,
        unit: 'days',
        after: 'tiếp nhận văn bản',
      } as const;
      const plan = await world.make.buildPlan({
        headers: await world.make.admin(),
        issuer: world.tree.province,
        body: { ...overrides, plan: { date: '2025-01-02' }, tasks: [{ ...overrides.tasks![0]!, deadlines: [deadline] }] },
      });
      const [task] = plan.tasks;
      return {
        method: 'PUT',
        url: `/api/plans/tasks/${task!.id}/deadlines/0/event`,
        payload: { date: '2025-01-06', version: task!.version },
      };
    },
  },
  'DELETE /api/plans/tasks/{id}': {
    allowed: controllers,
    request: async (world) => {
      const [task] = (await planOfA(world)).tasks;
      return { method: 'DELETE', url: `/api/plans/tasks/${task!.id}?version=${task!.version}` };
    },
  },
  // control reports: the province's office (its procedure controller) and administrators write the province's;
  // department A's report is read by A's leader, the province's office and administrators, written by administrators.
  'GET /api/control-reports': { allowed: staff, request: () => ({ url: '/api/control-reports' }) },
  // Their settings (due day, reminders): read by staff, changed by the province's office and administrators.
  'GET /api/control-reports/settings': { allowed: staff, request: () => ({ url: '/api/control-reports/settings' }) },
  'PUT /api/control-reports/settings': {
    allowed: controllers,
    request: () => ({ method: 'PUT', url: '/api/control-reports/settings', payload: { dueDay: 23, reminderWorkingDays: 3 } }),
  },
  'POST /api/control-reports': {
    allowed: controllers,
    request: (world) => ({
      method: 'POST',
      url: '/api/control-reports',
      payload: { unitId: world.tree.province.id, kind: 'monthly', ...nextControlPeriod(world) },
    }),
  },
  'GET /api/control-reports/{id}': {
    allowed: metricsReadersOfA,
    request: async (world) => ({ url: `/api/control-reports/${(await controlReportOfA(world)).id}` }),
  },
  'PATCH /api/control-reports/{id}': {
    allowed: admins,
    request: async (world) => {
      const report = await controlReportOfA(world);
      return {
        method: 'PATCH',
        url: `/api/control-reports/${report.id}`,
        payload: { version: report.version, narrative: { causes: 'Nguyên nhân' } },
      };
    },
  },
  'POST /api/control-reports/{id}/sign': {
    allowed: admins,
    request: async (world) => {
      const report = await controlReportOfA(world);
      return {
        method: 'POST',
        url: `/api/control-reports/${report.id}/sign`,
        payload: { version: report.version, number: '1', signedOn: '2025-12-31' },
      };
    },
  },
  'GET /api/control-reports/{id}/document.{format}': {
    allowed: metricsReadersOfA,
    request: async (world) => ({ url: `/api/control-reports/${(await controlReportOfA(world)).id}/document.pdf` }),
  },
  // Evidence, comments, responsible people, progress report exports (docs/api/plans.md): staff read; lead and
  // coordinating units' staff and the issuer's office comment; A's leaders and the issuer's office assign.
  'POST /api/plans/evidence-files': {
    allowed: staff,
    request: ({ headers }, actor) => ({
      method: 'POST',
      url: '/api/plans/evidence-files?name=bien-ban.pdf',
      headers: { ...(actor === 'anonymous' ? {} : headers[actor]), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(MINIMAL_PDF),
    }),
  },
  'GET /api/plans/evidence-files/{fileId}': {
    allowed: staff,
    request: async (world) => {
      const file = await world.make.asAdmin<{ id: string }>({
        method: 'POST',
        url: '/api/plans/evidence-files?name=bien-ban.pdf',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(MINIMAL_PDF),
      });
      const [task] = (await planOfA(world)).tasks;
      await world.make.asAdmin({
        method: 'POST',
        url: `/api/plans/tasks/${task!.id}/reports`,
        payload: { text: 'Đã rà soát', status: 'in_progress', version: task!.version, fileIds: [file.id] },
      });
      return { url: `/api/plans/evidence-files/${file.id}` };
    },
  },
  'GET /api/plans/tasks/{id}/comments': {
    allowed: staff,
    request: async (world) => ({ url: `/api/plans/tasks/${(await planOfA(world)).tasks[0]!.id}/comments` }),
  },
  'POST /api/plans/tasks/{id}/comments': {
    allowed: reviewersOfA,
    request: async (world) => ({
      method: 'POST',
      url: `/api/plans/tasks/${(await planOfA(world)).tasks[0]!.id}/comments`,
      payload: { text: 'Đề nghị bổ sung số liệu.' },
    }),
  },
  // A comment is edited by its author only, deleted by its author or an administrator: each cell edits its own
  // comment when it may comment on the task (reviewersOfA), else the administrator's.
  'PATCH /api/plans/comments/{id}': {
    allowed: reviewersOfA,
    request: async (world, actor) => {
      const comment = await commentFor(world, actor);
      return { method: 'PATCH', url: `/api/plans/comments/${comment.id}`, payload: { text: 'Ý kiến đã sửa.', version: comment.version } };
    },
  },
  'DELETE /api/plans/comments/{id}': {
    allowed: reviewersOfA,
    request: async (world, actor) => {
      const comment = await commentFor(world, actor);
      return { method: 'DELETE', url: `/api/plans/comments/${comment.id}?version=${comment.version}` };
    },
  },
  'GET /api/plans/tasks/{id}/units/{taskUnitId}/candidates': {
    allowed: staff,
    request: async (world) => {
      const [task] = (await planOfA(world)).tasks;
      return { url: `/api/plans/tasks/${task!.id}/units/${task!.units.find((unit) => unit.role === 'lead')!.taskUnitId}/candidates` };
    },
  },
  'PUT /api/plans/tasks/{id}/units/{taskUnitId}/responsible': {
    allowed: ['unitLeader', 'procedureController', 'admin'],
    request: async (world) => {
      const [task] = (await planOfA(world)).tasks;
      return {
        method: 'PUT',
        url: `/api/plans/tasks/${task!.id}/units/${task!.units.find((unit) => unit.role === 'lead')!.taskUnitId}/responsible`,
        payload: { userId: world.users.specialistA.id, version: 1 },
      };
    },
  },
  ...Object.fromEntries(
    (['docx', 'pdf', 'xlsx'] as const).map((format) => [
      `GET /api/plans/{id}/progress-report.${format}`,
      {
        allowed: staff,
        request: async (world: World) => ({
          url: `/api/plans/${(await planOfA(world)).id}/progress-report.${format}?from=2026-01-01&to=2026-12-31`,
        }),
      },
    ]),
  ),
  // Occurrences (docs/api/plans.md "Occurrences, reminders, overdue"): every staff member of the province reads them.
  'GET /api/plans/overdue': { allowed: staff, request: ({ tree }) => ({ url: `/api/plans/overdue?unit=${tree.departmentA.id}` }) },
  'GET /api/plans/calendar': {
    allowed: staff,
    request: ({ tree }) => ({ url: `/api/plans/calendar?month=2026-12&unit=${tree.departmentA.id}` }),
  },
  'GET /api/plans/rollup': { allowed: staff, request: async (world) => ({ url: `/api/plans/rollup?plan=${(await planOfA(world)).id}` }) },
  'GET /api/dossiers/frequent-procedures': {
    allowed: ['deskOfficer', 'admin'],
    request: () => ({ url: '/api/dossiers/frequent-procedures' }),
  },
  'GET /api/dossiers/tracking-book': {
    allowed: ['deskOfficer', 'admin'],
    request: ({ tree }) => ({ url: `/api/dossiers/tracking-book?unit=${tree.desk.code}&from=2026-12-01&to=2026-12-31&format=json` }),
  },
  // metrics (docs/api/metrics.md): department A's figures — its leader, procedure control and administrators.
  'GET /api/metrics/index': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/index?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/metrics/index/drill': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({
      url: `/api/metrics/index/drill?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-12-31&indicator=on_time&part=denominator`,
    }),
  },
  'GET /api/reports/bieu-06': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/reports/bieu-06?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-12-31` }),
  },
  // Biểu 06 as the printed form and the dashboards' series (docs/api/metrics-exports.md): the readers of the JSON.
  'GET /api/reports/bieu-06.xlsx': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/reports/bieu-06.xlsx?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/reports/bieu-06.pdf': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/reports/bieu-06.pdf?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-01-20` }),
  },
  'GET /api/metrics/trend': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/trend?unit=${tree.departmentA.code}&from=2025-12-21&to=2026-02-20` }),
  },
  'GET /api/metrics/ranking': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/ranking?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-03-20` }),
  },
  'GET /api/metrics/dossiers': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/dossiers?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-03-20&list=overdue` }),
  },
  // The settings of monitoring (month start day, rating bands): read by staff, changed by the province's
  // procedure-control office and administrators; the auditor's CSV of department A: the readers of its index.
  'GET /api/metrics/settings': { allowed: staff, request: () => ({ url: '/api/metrics/settings' }) },
  'PUT /api/metrics/settings': {
    allowed: controllers,
    request: () => ({
      method: 'PUT',
      url: '/api/metrics/settings',
      payload: {
        monthStartDay: 21,
        ratingBands: [
          { band: 'xuat_sac', minScore: 90 },
          { band: 'tot', minScore: 80 },
          { band: 'kha', minScore: 70 },
          { band: 'trung_binh', minScore: 50 },
          { band: 'yeu', minScore: 0 },
        ],
      },
    }),
  },
  'GET /api/metrics/dossier-facts.csv': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/dossier-facts.csv?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-03-20` }),
  },
  // Measured processing time (docs/api/metrics.md): the readers of the KPI index.
  'GET /api/metrics/processing-times': {
    allowed: metricsReadersOfA,
    request: ({ tree }) => ({ url: `/api/metrics/processing-times?unit=${tree.departmentA.code}&from=2026-01-01&to=2026-03-20` }),
  },
  // The province's results are public (công khai): figures only.
  'GET /api/public/statistics': { allowed: everyone, request: () => ({ url: '/api/public/statistics?year=2025' }) },
};

describe.each(testBackends())('authorization matrix on %s', (backend) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    matrixApp = t;
    currentApp = t.app;
    currentDatabase = t.database;
    const make = createFactories(t);
    const tree = await make.buildProvince();
    const grants: Record<SignedInActor, Parameters<Factories['buildUser']>[0]['roles']> = {
      citizen: [{ role: 'citizen' }],
      business: [{ role: 'business' }],
      deskOfficer: [{ role: 'desk_officer', unit: tree.desk }],
      specialistA: [{ role: 'specialist', unit: tree.departmentA }],
      specialistB: [{ role: 'specialist', unit: tree.departmentB }],
      divisionHead: [{ role: 'division_head', unit: tree.divisionA }],
      unitLeader: [{ role: 'unit_leader', unit: tree.departmentA }],
      procedureController: [{ role: 'procedure_controller', unit: tree.office }],
      admin: [{ role: 'admin', unit: null }],
    };
    const users = {} as World['users'];
    const headers = {} as World['headers'];
    for (const actor of signedIn) {
      users[actor] = await make.buildUser({ roles: grants[actor] });
      headers[actor] = await users[actor].login();
    }
    const procedure = await make.buildProcedure({ handlingUnits: [tree.departmentA] });
    await make.buildWorksheet({ procedure });
    const draft = await make.buildProposal({ unit: tree.departmentA, procedures: [procedure] });
    world = { make, users, headers, tree, procedure, draft };
  }, 180_000);
  afterAll(() => t?.close());

  it('has one row for every operation of the OpenAPI document, and none for an operation that is gone', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rows = Object.keys(matrix);
    expect(
      operations.filter((operation) => !rows.includes(operation)),
      'operations without a row in the authorization matrix',
    ).toEqual([]);
    expect(
      rows.filter((row) => !operations.includes(row)),
      'rows of the authorization matrix naming an operation that no longer exists',
    ).toEqual([]);
  });

  for (const [operation, row] of Object.entries(matrix)) {
    it(`${operation}: allowed for ${row.allowed.length === actors.length ? 'everyone' : row.allowed.join(', ')}`, async () => {
      const wrong: string[] = [];
      for (const actor of actors) {
        const options = await row.request(world, actor);
        const headers = options.headers ?? (actor === 'anonymous' ? {} : world.headers[actor]);
        const response = await t.app.inject({ ...options, headers });
        const status = response.statusCode;
        const isAllowed = row.allowed.includes(actor);
        const expected = isAllowed ? '2xx' : actor === 'anonymous' ? '401' : '403';
        const isRight = isAllowed ? status >= 200 && status < 300 : status === Number(expected);
        if (!isRight) wrong.push(`${actor}: expected ${expected}, got ${status} ${response.body.slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
