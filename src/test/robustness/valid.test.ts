/**
 * Every operation of the OpenAPI document with a VALID request generated from its schema (valid-requests.ts), as a
 * logged-in admin: no answer is a 5xx, every error has the one shape, and most answers are 2xx — the floor keeps
 * the generator honest (a generator producing junk would pass "no 5xx" trivially).
 */
import { sql } from 'drizzle-orm';
import type { HTTPMethods } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo';
import { createTestApp, TEST_NATIONAL_PORTAL_SECRET, TEST_PROCEDURE_CODES } from '../harness';
import { describeExchange, observe, responseProblems } from './judge';
import { labelOf, listOperations, type OpenApiDocument, type Operation } from './openapi';
import { ACTING_USERS, type DossierContext, planSaveBody, ValidRequests } from './valid-requests';

/** Share of the operations whose valid request must succeed; those below it are listed in the failure. */
const SUCCESS_FLOOR = 0.9;

const t = await createTestApp('pglite');
afterAll(() => t.close());

const admin = await t.login('admin');
/** One's own account (GET and PATCH /api/auth/me/profile) is a citizen's or a business's. */
const citizen = await t.login('congdan');
const get = (url: string) => t.app.inject({ url, headers: admin });
const openApi = (await get('/api/openapi.json')).json() as OpenApiDocument;
const procedureCode = TEST_PROCEDURE_CODES[3]!;
const procedure = (await get(`/api/procedures/${procedureCode}`)).json() as { handlingUnitCodes: string[]; latestVersionNo: number };
const units = (await get('/api/units')).json().items as { id: string; code: string }[];
const handlingUnit = units.find((unit) => unit.code === procedure.handlingUnitCodes[0])!;
const firstId = async (url: string, pick: (item: { id: string; username?: string }) => boolean = () => true) =>
  ((await get(url)).json().items as { id: string; username?: string }[]).find(pick)!.id;

/** Dossier records the run's requests name (valid-requests.ts `DossierContext`), made the real way. */
async function dossierContext(): Promise<DossierContext> {
  const desk = await t.login('tiepnhan');
  const citizen = await t.login('congdan');
  const upload = async (headers: Record<string, string>) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/dossier-files?name=ban-scan.pdf',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  // A procedure of its own: the run publishes new versions of `procedureCode`, whose components then differ.
  const dossierProcedureCode = TEST_PROCEDURE_CODES[4]!;
  const dossierProcedure = (await get(`/api/procedures/${dossierProcedureCode}`)).json() as {
    handlingUnitCodes: string[];
    components: { required: boolean }[];
  };
  const dossierUnitCode = dossierProcedure.handlingUnitCodes[0]!;
  const { components } = dossierProcedure;
  const required = components.flatMap((component, position) => (component.required ? [position] : []));
  const positions = required.length ? required : [0];
  const deskFiles = await Promise.all(positions.map(() => upload(desk)));
  const idNumber = '001234567890';
  const received = await t.app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: desk,
    payload: {
      procedureCode: dossierProcedureCode,
      handlingUnitCode: dossierUnitCode,
      channel: 'direct',
      applicant: { kind: 'individual', fullName: 'Người nộp kiểm thử độ bền', idNumber },
      components: positions.map((position, index) => ({ position, presence: 'file', fileIds: [deskFiles[index]] })),
      decision: { action: 'accept' },
    },
  });
  if (received.statusCode !== 201) throw new Error(`dossier: ${received.statusCode} ${received.body}`);
  const dossier = received.json() as { id: string; code: string };
  return {
    dossierId: dossier.id,
    fileId: deskFiles[0]!,
    code: dossier.code,
    idNumber,
    handlingUnitCode: dossierUnitCode,
    procedureCode: dossierProcedureCode,
    ownUploadId: await upload(desk),
    positions,
    citizenUploadIds: await Promise.all(positions.map(() => upload(citizen))),
    portalSecret: TEST_NATIONAL_PORTAL_SECRET,
  };
}
const dossiers = await dossierContext();
/** A registration made through the API and the code the outbox holds for it. */
async function registration(identityNumber: string, email: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { kind: 'citizen', identityNumber, fullName: 'Người kiểm thử độ bền', email, password: 'Mat-khau-ban-dau-2026' },
  });
  return { token: response.json().token as string, code: await codeSentTo(email) };
}
async function codeSentTo(recipient: string): Promise<string> {
  const result = (await t.database.db.execute(
    sql`select body from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  return /\b(\d{6})\b/.exec(result.rows[0]!.body)![1]!;
}
const toVerify = await registration('001095009871', 'xacminh@example.vn');
const toResend = await registration('001095009872', 'guilai@example.vn');
await t.database.db.execute(sql`update account_codes set last_sent_at = last_sent_at - interval '2 minutes'`);
const toReset = await registration('001095009873', 'khoiphuc@example.vn');
await t.app.inject({ method: 'POST', url: '/api/auth/register/verify', payload: toReset });
const reset = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { login: 'khoiphuc@example.vn' } });
const codes = {
  verify: toVerify,
  resendToken: toResend.token,
  reset: { token: reset.json().token as string, code: await codeSentTo('khoiphuc@example.vn') },
};

/** A plan with a task led by the handling unit, made the real way: the report and the plan reads name them. */
const savedPlan = (
  await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin, payload: planSaveBody(handlingUnit.id, 'Kế hoạch có sẵn') })
).json() as { id: string; tasks: { id: string; units: { taskUnitId: string }[] }[] };
dossiers.taskUnitId = savedPlan.tasks[0]!.units[0]!.taskUnitId;
const sparePlan = (
  await t.app.inject({
    method: 'POST',
    url: '/api/plans',
    headers: admin,
    payload: planSaveBody(handlingUnit.id, 'Kế hoạch có nhiệm vụ để xóa'),
  })
).json() as { tasks: { id: string }[] };
dossiers.spareTaskId = sparePlan.tasks[0]!.id;
const commentOnSavedTask = async (text: string) =>
  (
    await t.app.inject({ method: 'POST', url: `/api/plans/tasks/${savedPlan.tasks[0]!.id}/comments`, headers: admin, payload: { text } })
  ).json().id as string;
dossiers.commentIds = { edit: await commentOnSavedTask('Ý kiến để sửa'), delete: await commentOnSavedTask('Ý kiến để xóa') };
const eventPlanBody = planSaveBody(handlingUnit.id, 'Kế hoạch có thời hạn tính từ sự kiện');
eventPlanBody.tasks[0]!.deadlines = [
  { kind: 'relative', text: 'trong 10 ngày kể từ ngày tiếp nhận văn bản', amount: 10, unit: 'days', after: 'tiếp nhận văn bản' },
];
const eventPlan = (await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin, payload: eventPlanBody })).json() as {
  tasks: { id: string }[];
};
dossiers.eventTaskId = eventPlan.tasks[0]!.id;
const evidence = await t.app.inject({
  method: 'POST',
  url: '/api/plans/evidence-files?name=bien-ban.pdf',
  headers: { ...admin, 'content-type': 'application/octet-stream' },
  payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
});
if (evidence.statusCode !== 201) throw new Error(`evidence: ${evidence.statusCode} ${evidence.body}`);
dossiers.evidenceFileId = evidence.json().id as string;

// Logging out ends the session: last, with a session of its own.
const operations = listOperations(openApi).sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
const generator = new ValidRequests(
  operations,
  {
    unitId: handlingUnit.id,
    unitCode: handlingUnit.code,
    procedureCode,
    latestVersionNo: procedure.latestVersionNo,
    fallbackIds: {
      '/api/users': await firstId('/api/users', (user) => user.username !== 'admin'),
      '/api/units': handlingUnit.id,
      '/api/reform/proposals': await firstId('/api/reform/proposals?status=draft'),
      '/api/reform/conditions': await firstId('/api/reform/conditions'),
      '/api/reform/reporting-regimes': await firstId('/api/reform/reporting-regimes'),
      '/api/dossiers': dossiers.dossierId,
      '/api/plans': savedPlan.id,
      '/api/plans/tasks': savedPlan.tasks[0]!.id,
    },
    dossiers,
    adminUsername: 'admin',
    adminPassword: DEMO_PASSWORD,
    codes,
  },
  get,
);

const sessions = new Map<string, Promise<Record<string, string>>>();
const sessionOf = (username: string) => {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
};

const outcomes = new Map<string, { statusCode: number; exchange: string }>();

async function send(operation: Operation) {
  const request = await generator.build(operation);
  const actingUser = ACTING_USERS[labelOf(operation)];
  const session =
    operation.path === '/api/auth/logout'
      ? await t.login('admin')
      : operation.path === '/api/auth/me/profile'
        ? citizen
        : actingUser
          ? await sessionOf(actingUser)
          : admin;
  const headers = { ...request.headers, ...session };
  const response = await t.app.inject({ method: request.method as HTTPMethods, url: request.url, headers, payload: request.payload });
  const body = response.headers['content-type']?.toString().includes('application/json') ? response.json() : undefined;
  await generator.observe(operation, response.statusCode, body);
  const observed = observe(response);
  const exchange = describeExchange({ ...request, headers }, observed);
  outcomes.set(labelOf(operation), { statusCode: response.statusCode, exchange });
  return { observed, exchange };
}

describe('a valid request to every operation', () => {
  it.each(operations.map((operation) => [labelOf(operation), operation] as const))('%s', async (_label, operation) => {
    const { observed, exchange } = await send(operation);
    expect(responseProblems(observed, true), exchange).toEqual([]);
  });

  it(`succeeds for at least ${SUCCESS_FLOOR * 100} % of the operations`, () => {
    expect(outcomes.size).toBe(operations.length);
    const failed = [...outcomes.values()].filter((outcome) => outcome.statusCode >= 300);
    const succeeded = outcomes.size - failed.length;
    expect(
      succeeded,
      `2xx for ${succeeded} of ${outcomes.size}; the others:\n${failed.map((f) => f.exchange).join('\n')}`,
    ).toBeGreaterThanOrEqual(Math.ceil(SUCCESS_FLOOR * outcomes.size));
  });
});
