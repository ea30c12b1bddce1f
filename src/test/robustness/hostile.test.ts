/**
 * Every operation of the OpenAPI document, attacked with hostile input, anonymously and as admin: the answer is
 * never a 5xx, an error always has the one shape {error:{code,message,details}} with a Vietnamese message, and a
 * rejected write leaves the database as it was. The cases come from cases.ts (one file per kind of fault).
 */
import { sql } from 'drizzle-orm';
import type { HTTPMethods } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PROCEDURE_CODES } from '../harness';
import { buildCases } from './cases';
import { describeExchange, ENGLISH_WORD, observe, responseProblems, VIETNAMESE_LETTER } from './judge';
import { labelOf, listOperations, type OpenApiDocument, type Operation } from './openapi';
import type { Fixtures } from './samples';

const t = await createTestApp('pglite');
afterAll(() => t.close());

const admin = await t.login('admin');
const openApi = (await t.app.inject({ url: '/api/openapi.json' })).json() as OpenApiDocument;

async function firstId(url: string, pick: (item: { id: string; username?: string }) => boolean = () => true): Promise<string> {
  const response = await t.app.inject({ url, headers: admin });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  const item = (response.json() as { items: { id: string; username?: string }[] }).items.find(pick);
  if (!item) throw new Error(`${url}: the demo data has no record to aim at`);
  return item.id;
}

const fixtures: Fixtures = {
  bodyLimitBytes: t.config.bodyLimitBytes,
  unitId: await firstId('/api/units'),
  userId: await firstId('/api/users', (user) => user.username !== 'admin'),
  proposalId: await firstId('/api/reform/proposals?status=draft'),
  lockedProposalId: await firstId('/api/reform/proposals?status=approved'),
  conditionId: await firstId('/api/reform/conditions'),
  regimeId: await firstId('/api/reform/reporting-regimes'),
  procedureCode: TEST_PROCEDURE_CODES[3]!,
};

const operations = listOperations(openApi);
const table = operations.map((operation) => ({ operation, label: labelOf(operation), cases: buildCases(operation, fixtures) }));

/**
 * A digest of everything a rejected request must not change. Left out: sessions and login throttles, the time of
 * the last login and the audit trail of logins and logouts (this test logs in to get fresh sessions for logout), and
 * the search query log, which earlier searches write in batches on a timer, whatever request runs then.
 */
const tableNames = (
  (await t.database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as {
    rows: { table_name: string }[];
  }
).rows
  .map((row) => row.table_name)
  .filter((name) => !['sessions', 'login_throttles', 'search_query_log'].includes(name));

const digestQuery = tableNames
  .map((name) => {
    const row = name === 'users' ? `to_jsonb(r) - 'last_login_at'` : `to_jsonb(r)`;
    const where = name === 'audit_events' ? ` where r.action not in ('auth.login', 'auth.logout')` : '';
    return `select '${name}' as name, count(*)::int as rows, md5(coalesce(string_agg((${row})::text, '|' order by (${row})::text), '')) as digest from "${name}" r${where}`;
  })
  .join(' union all ');

async function databaseDigest(): Promise<Record<string, string>> {
  const result = (await t.database.db.execute(sql.raw(digestQuery))) as unknown as {
    rows: { name: string; rows: number; digest: string }[];
  };
  return Object.fromEntries(result.rows.map((row) => [row.name, `${row.rows} rows, ${row.digest}`]));
}

let digestBefore = await databaseDigest();

/**
 * The next transaction id to be assigned: PostgreSQL assigns one only to a transaction that writes (or tries to,
 * and rolls back), so an unchanged value proves that nothing was written and spares the digest (most of the run).
 */
async function nextTransactionId(): Promise<string> {
  const result = (await t.database.db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`)) as unknown as {
    rows: { xmax: string }[];
  };
  return result.rows[0]!.xmax;
}

async function headersOf(actor: 'anonymous' | 'admin', operation: Operation): Promise<Record<string, string>> {
  if (actor === 'anonymous') return {};
  // Logging out ends the session: each logout case gets a session of its own.
  if (operation.path === '/api/auth/logout') return t.login('admin');
  return admin;
}

describe('the robustness battery itself', () => {
  it('covers every operation of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    const paths = new Set(operations.map((operation) => operation.path));
    for (const path of ['/api/auth/login', '/api/units/{id}', '/api/reform/proposals/{id}/items/{code}', '/api/calendar/due'])
      expect(paths).toContain(path);
    expect(table.filter((row) => !row.cases.length).map((row) => row.label)).toEqual([]);
  });

  // The classes an independent fuzzer turned into 500s (issue 9 §4), on the routes where it found them.
  it.each([
    'POST /api/reform/conditions',
    'PATCH /api/reform/conditions/{id}',
    'PUT /api/reform/procedures/{code}/versions/{versionNo}/worksheet',
  ])('tries every class the fuzzer found on %s', (label) => {
    const names = table.find((row) => row.label === label)!.cases.map((testCase) => testCase.name);
    for (const expected of [
      /lone UTF-16 surrogate \(escaped\)/,
      /raw bytes of a surrogate/,
      /byte-order mark/,
      /key given twice/,
      /charset=utf-16/,
      /content-encoding: gzip on a plain body/,
      /accept-language/,
      /query: unknown parameters/,
      /page=1e12/,
    ])
      expect(
        names.some((name) => expected.test(name)),
        String(expected),
      ).toBe(true);
    if (label.includes('conditions')) expect(names).toContain("body: every date '2026-02-31' (no such day)");
  });

  it('recognises a server error, a foreign shape and an English message', () => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const good = {
      statusCode: 422,
      headers: json,
      body: JSON.stringify({ error: { code: 'validation_failed', message: 'Dữ liệu không hợp lệ.', details: [] } }),
    };
    expect(responseProblems(good, false)).toEqual([]);
    expect(
      responseProblems(
        { ...good, statusCode: 500, body: JSON.stringify({ error: { code: 'internal', message: 'Lỗi hệ thống.', details: [] } }) },
        true,
      ),
    ).not.toEqual([]);
    expect(responseProblems({ ...good, body: JSON.stringify({ statusCode: 422, message: 'body/name Required' }) }, false)).not.toEqual([]);
    expect(
      responseProblems(
        { ...good, body: JSON.stringify({ error: { code: 'validation_failed', message: 'Invalid input', details: [] } }) },
        false,
      ),
    ).not.toEqual([]);
    expect(
      responseProblems(
        {
          ...good,
          body: JSON.stringify({
            error: { code: 'validation_failed', message: 'Dữ liệu không hợp lệ.', details: [{ path: 'a', message: 'Required' }] },
          }),
        },
        false,
      ),
    ).not.toEqual([]);
    expect(responseProblems({ ...good, statusCode: 400 }, false)).not.toEqual([]); // status and code disagree
    expect(responseProblems({ ...good, headers: { 'content-type': 'text/plain' }, body: 'Bad Request' }, false)).not.toEqual([]);
    expect(responseProblems({ ...good, statusCode: 201, body: '{}' }, false)).not.toEqual([]); // hostile write accepted
    expect(responseProblems({ ...good, statusCode: 200, body: '{}' }, true)).toEqual([]); // harmless read
    const leak = {
      error: {
        code: 'validation_failed',
        message: 'Dữ liệu không hợp lệ.',
        details: [{ path: 'sessions', message: 'Giờ làm việc không hợp lệ: Working session 1 must end after it starts' }],
      },
    };
    expect(responseProblems({ ...good, body: JSON.stringify(leak) }, false)).not.toEqual([]); // English behind a Vietnamese prefix
    expect(VIETNAMESE_LETTER.test('Nội dung JSON không hợp lệ.')).toBe(true);
    expect(ENGLISH_WORD.test('Mã thủ tục phải có dạng 1.000948; đơn vị không tồn tại.')).toBe(false);
  });

  it('notices a row written behind a rejected request', async () => {
    const before = await databaseDigest();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['units', 'users', 'reform_proposals', 'settings']));
    const transactionBefore = await nextTransactionId();
    await t.database.db.execute(sql`select count(*) from settings`);
    expect(await nextTransactionId()).toBe(transactionBefore); // a read assigns no transaction id
    await t.database.db.execute(sql`insert into settings (key, value) values ('robustness.probe', '{}'::jsonb)`);
    expect(await nextTransactionId()).not.toBe(transactionBefore);
    const during = await databaseDigest();
    await t.database.db.execute(sql`delete from settings where key = 'robustness.probe'`);
    expect(during.settings).not.toBe(before.settings);
    expect(await databaseDigest()).toEqual(before);
  });
});

describe.each(table.map((row) => [row.label, row] as const))('%s', (_label, { operation, cases }) => {
  describe.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    it.each(['anonymous', 'admin'] as const)('as %s', async (actor) => {
      const request = testCase.request();
      const headers = { ...request.headers, ...(await headersOf(actor, operation)) };
      const transactionBefore = operation.isRead ? undefined : await nextTransactionId();
      const response = await t.app.inject({ method: request.method as HTTPMethods, url: request.url, headers, payload: request.payload });
      const observed = observe(response);
      // Soft: a wrong answer must not hide a half-written database (checked below).
      expect.soft(responseProblems(observed, testCase.allowSuccess), describeExchange({ ...request, headers }, observed)).toEqual([]);

      if (!operation.isRead && (await nextTransactionId()) !== transactionBefore) {
        const digestAfter = await databaseDigest();
        const changed = Object.keys(digestAfter).filter((name) => digestAfter[name] !== digestBefore[name]);
        digestBefore = digestAfter; // one failure must not make every later case fail
        if (response.statusCode >= 400) expect(changed, `rejected, yet changed: ${describeExchange(request, observed)}`).toEqual([]);
      }
    });
  });
});
