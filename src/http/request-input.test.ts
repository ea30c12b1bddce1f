/**
 * The answers of request-input.ts and error-handler.ts to each class of hostile input the fuzzer of issue 9 found,
 * on the routes where it found them (the robustness battery in src/test/robustness tries each class on every
 * operation; this file checks the exact answers and that valid input still goes through).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PROCEDURE_CODES, type TestApp, testBackends } from '../test/harness';

describe.each(testBackends())('hostile input classes (%s)', (backend) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let unitId: string;
  let condition: { id: string; version: number };
  const code = TEST_PROCEDURE_CODES[3]!;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.login('admin');
    unitId = (await t.app.inject({ url: '/api/units', headers: admin })).json().items[0].id;
    condition = (await t.app.inject({ url: '/api/reform/conditions', headers: admin })).json().items[0];
  });
  afterAll(() => t?.close());

  const conditionBody = (overrides: Record<string, unknown> = {}) => ({
    unitId,
    field: 'Lĩnh vực kiểm thử',
    text: 'Điều kiện kiểm thử đầu vào',
    form: 'licence',
    sourceRegulation: 'Luật Đầu tư 2020',
    assessment: 'necessary',
    proposedAction: 'keep',
    ...overrides,
  });
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload, headers: { ...admin, 'content-type': 'application/json', ...headers } });
  const createCondition = (payload: string | Buffer, headers?: Record<string, string>) =>
    send('POST', '/api/reform/conditions', payload, headers);
  const currentCondition = async () =>
    ((await t.app.inject({ url: '/api/reform/conditions', headers: admin })).json().items as { id: string; version: number }[]).find(
      (item) => item.id === condition.id,
    )!;
  const worksheetUrl = `/api/reform/procedures/${code}/versions/2/worksheet`;
  const worksheetBody = async () => {
    const current = (await t.app.inject({ url: `/api/reform/procedures/${code}`, headers: admin })).json().current.worksheet;
    const { activities, feesVnd, otherCostsVnd, timesPerYear, subjectsPerYear, incomeYear, note, version } = current;
    return { activities, feesVnd, otherCostsVnd, timesPerYear, subjectsPerYear, incomeYear, note, version };
  };
  const errorOf = (response: { json(): unknown }) => (response.json() as { error: { code: string; details: { path: string }[] } }).error;

  it('refuses a lone UTF-16 surrogate, escaped or as raw bytes, in values and keys with 400 naming the field', async () => {
    const escaped = JSON.stringify(conditionBody({ sourceRegulation: 'Luật \ud800' }));
    expect(escaped).toContain('\\ud800');
    const response = await createCondition(escaped);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details[0]!.path).toBe('sourceRegulation');

    const patch = await send(
      'PATCH',
      `/api/reform/conditions/${condition.id}`,
      JSON.stringify({ text: 'Điều kiện \udc00 mới', version: condition.version }),
    );
    expect(patch.statusCode).toBe(400);
    expect(errorOf(patch).details[0]!.path).toBe('text');

    const worksheet = await worksheetBody();
    worksheet.activities[0].name = 'Nộp \ud83d';
    const put = await send('PUT', worksheetUrl, JSON.stringify(worksheet));
    expect(put.statusCode).toBe(400);
    expect(errorOf(put).details[0]!.path).toBe('activities.0.name');

    // Bytes ED A0 80 are the surrogate U+D800 written as if it were a character: not UTF-8.
    const [before, after] = escaped.split('\\ud800') as [string, string];
    expect(
      (await createCondition(Buffer.concat([Buffer.from(before), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(after)]))).statusCode,
    ).toBe(400);

    expect((await createCondition(escaped.replace('"unitId"', '"x\\udbff":1,"unitId"'))).statusCode).toBe(400);
  });

  it('accepts a leading byte-order mark and drops it', async () => {
    const response = await createCondition(`\ufeff${JSON.stringify(conditionBody({ field: 'Lĩnh vực có BOM' }))}`);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().field).toBe('Lĩnh vực có BOM');
  });

  it('refuses an object that repeats a key with 400 naming it, at any depth', async () => {
    const body = JSON.stringify(conditionBody()).replace('{', '{"status":"abolished",').replace('"form"', '"status":"in_force","form"');
    const response = await createCondition(body);
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details[0]!.path).toBe('status');
    const worksheet = JSON.stringify(await worksheetBody()).replace('"hours"', '"hours":1,"hours"');
    const put = await send('PUT', worksheetUrl, worksheet);
    expect(put.statusCode).toBe(400);
    expect(errorOf(put).details[0]!.path).toBe('activities.0.hours');
  });

  it('reads JSON in UTF-8 only: another charset is 415, a quoted or upper-case UTF-8 is fine', async () => {
    const body = JSON.stringify(conditionBody({ field: 'Bảng mã UTF-8' }));
    for (const charset of ['utf-16', 'UTF-16LE', 'iso-8859-1', 'us-ascii', 'utf-8; charset=utf-16']) {
      const response = await createCondition(body, { 'content-type': `application/json; charset=${charset}` });
      expect(response.statusCode, charset).toBe(415);
      expect(errorOf(response).code).toBe('unsupported_media_type');
    }
    expect((await createCondition(Buffer.from(body, 'utf16le'), { 'content-type': 'application/json; charset=utf-16' })).statusCode).toBe(
      415,
    );
    expect((await createCondition(body, { 'content-type': 'application/json; charset="UTF-8"' })).statusCode).toBe(201);
    expect((await createCondition(body, { 'content-type': 'text/plain' })).statusCode).toBe(415);
  });

  it('refuses a compressed body (any Content-Encoding but identity) with 415', async () => {
    const body = JSON.stringify(conditionBody({ field: 'Nội dung nén' }));
    for (const [encoding, payload] of [
      ['gzip', body],
      ['gzip', gzipSync(body)],
      ['br', body],
      ['x-unknown', body],
    ] as const) {
      const response = await createCondition(payload, { 'content-encoding': encoding });
      expect(response.statusCode, encoding).toBe(415);
    }
    expect((await createCondition(body, { 'content-encoding': 'identity' })).statusCode).toBe(201);
  });

  it('does not read Accept-Language: odd values change nothing', async () => {
    for (const value of ['*;q=1e999, vi-VN;q=-1, xx-', ';;;,,,', 'x'.repeat(4000), 'ÿ']) {
      const response = await createCondition(JSON.stringify(conditionBody({ field: 'Ngôn ngữ lạ' })), { 'accept-language': value });
      expect(response.statusCode).toBe(201);
    }
  });

  it('refuses query parameters that a write does not declare with 422 naming them; reads ignore them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/reform/conditions?dryRun=1&version=3',
      payload: conditionBody({ field: 'Tham số lạ' }),
      headers: admin,
    });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).details.map((detail) => detail.path)).toEqual(['querystring.dryRun', 'querystring.version']);
    const worksheet = await send('PUT', `${worksheetUrl}?page=1e12`, JSON.stringify(await worksheetBody()));
    expect(worksheet.statusCode).toBe(422);
    expect(errorOf(worksheet).details[0]!.path).toBe('querystring.page');
    // A write with a declared query parameter still refuses the others.
    const item = await t.app.inject({
      method: 'DELETE',
      url: `/api/reform/proposals/00000000-0000-4000-8000-000000000000/items/${code}?version=1&force=1`,
      headers: admin,
    });
    expect(item.statusCode).toBe(422);
    expect(errorOf(item).details.map((detail) => detail.path)).toEqual(['querystring.force']);
    expect((await t.app.inject({ url: '/api/reform/conditions?_=123&utm_source=zalo', headers: admin })).statusCode).toBe(200);
  });

  it('refuses page=1e12 with 422', async () => {
    for (const url of ['/api/procedures?page=1e12', '/api/users?page=1e12', '/api/procedures?pageSize=1e12']) {
      const response = await t.app.inject({ url, headers: admin });
      expect(response.statusCode, url).toBe(422);
    }
  });

  it('refuses impossible dates with 422 in bodies of every kind, not 500', async () => {
    for (const date of ['2026-02-31', '2026-02-29', '2025-04-31', '2026-13-01', '0000-01-01']) {
      const created = await createCondition(JSON.stringify(conditionBody({ statusChangedOn: date })));
      expect(created.statusCode, date).toBe(422);
      expect(errorOf(created).details[0]!.path).toBe('statusChangedOn');
      const current = await currentCondition();
      const patched = await send(
        'PATCH',
        `/api/reform/conditions/${condition.id}`,
        JSON.stringify({ statusChangedOn: date, version: current.version }),
      );
      expect(patched.statusCode, date).toBe(422);
      const announced = await send('POST', '/api/calendar/announcements', JSON.stringify({ date, kind: 'day_off', name: 'Nghỉ thử' }));
      expect(announced.statusCode, date).toBe(422);
    }
    const leap = await createCondition(JSON.stringify(conditionBody({ statusChangedOn: '2028-02-29' })));
    expect(leap.statusCode).toBe(201);
    expect(leap.json().statusChangedOn).toBe('2028-02-29');
  });

  it('refuses impossible dates in query strings with 422', async () => {
    const response = await t.app.inject({ url: '/api/calendar/due?from=2026-02-31T09:00&amount=1&unit=working_days', headers: admin });
    expect(response.statusCode).toBe(422);
  });
});
