import { type SQL, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { createTestDatabase, type TestDatabase, testBackends } from '../test/harness';
import { describeErrorForLog, registerErrorHandling, toAppError } from './error-handler';

describe('mapping errors to the one error shape', () => {
  const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('db'), { code }) });

  it('turns database races into 409 and broken references into 422, not 500', () => {
    expect(toAppError(wrapped('23505')).status).toBe(409);
    expect(toAppError(wrapped('23503')).status).toBe(422);
    expect(toAppError(wrapped('40001')).status).toBe(409);
    expect(toAppError(wrapped('XX000')).status).toBe(500);
  });

  it('turns every data exception (class 22) into a client error', () => {
    for (const code of ['22001', '22003', '22007', '22008', '22P02', '22012', '22023']) expect(toAppError(wrapped(code)).status).toBe(422);
    for (const code of ['22021', '22P05']) expect(toAppError(wrapped(code)).status).toBe(400);
    expect(toAppError(wrapped('23502')).status).toBe(422);
    expect(toAppError(wrapped('23514')).status).toBe(422);
    // An unwrapped driver error carries its SQLSTATE itself; a network error code of five letters is not one.
    expect(toAppError(Object.assign(new Error('x'), { code: '22P02', severity: 'ERROR' })).status).toBe(422);
    expect(toAppError(Object.assign(new Error('x'), { code: 'EPIPE' })).status).toBe(500);
  });

  it('maps the request-decompression errors of @fastify/compress', () => {
    const compressError = (code: string, statusCode: number) => Object.assign(new Error('x'), { code, statusCode });
    expect(toAppError(compressError('FST_CP_ERR_INVALID_CONTENT_ENCODING', 415)).code).toBe('unsupported_media_type');
    expect(toAppError(compressError('FST_CP_ERR_INVALID_CONTENT', 400)).message).toMatch(/giải nén/);
  });

  it('keeps application errors and hides unknown ones behind a Vietnamese message', () => {
    const own = new AppError('forbidden', 'Không được.');
    expect(toAppError(own)).toBe(own);
    const unknown = toAppError(new TypeError('x is undefined'));
    expect(unknown.toBody()).toEqual({ error: { code: 'internal', message: expect.stringMatching(/Lỗi hệ thống/), details: [] } });
  });

  it('describes a failed query for the log without its parameters', () => {
    const error = Object.assign(new Error('Failed query: select $1\nparams: 089095001234'), {
      query: 'select $1',
      params: ['089095001234'],
      cause: Object.assign(new Error('invalid input syntax: "089095001234"'), { code: '42883', severity: 'ERROR', detail: '089095001234' }),
    });
    const described = describeErrorForLog(error);
    expect(JSON.stringify(described)).not.toContain('089095001234');
    expect(described).toMatchObject({ query: 'select $1', sqlState: '42883' });
    expect(described.stack).toMatch(/at /);
  });
});

/** A personal ID number: it must reach neither the answer nor the log. */
const PERSONAL = '089095001234';

describe.each(testBackends())('database errors through HTTP (%s)', (backend) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const queries: Record<string, (value: string) => SQL> = {
    'invalid-text-representation': (value) => sql`select ${value}::uuid`,
    'numeric-out-of-range': (value) => sql`select (${value} || '99999999999')::int`,
    'string-right-truncation': (value) => sql`insert into error_handler_probe (short) values (${value})`,
    'datetime-field-overflow': (value) => sql`select (${value.slice(0, 4)} || '-02-31')::date`,
    'character-not-in-repertoire': (value) => sql`select convert_from(decode(${value.slice(0, 0)} || 'ff', 'hex'), 'UTF8')`,
    'division-by-zero': (value) => sql`select length(${value}) / 0`,
    'not-null-violation': (value) => sql`insert into error_handler_probe (short, required) values (left(${value}, 1), null)`,
    'undefined-table': (value) => sql`select * from no_such_table where a = ${value}`,
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await database.db.execute(sql`create table error_handler_probe (short varchar(2), required text default 'x' not null)`);
    app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } } });
    registerErrorHandling(app);
    app.get<{ Params: { kind: string } }>('/probe/:kind', async (request) => {
      await database.db.execute(queries[request.params.kind]!(PERSONAL));
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const probe = async (kind: string) => {
    logLines.length = 0;
    const response = await app.inject({ url: `/probe/${kind}` });
    return { status: response.statusCode, body: response.body, log: logLines.join('') };
  };

  it.each([
    ['invalid-text-representation', 422],
    ['numeric-out-of-range', 422],
    ['string-right-truncation', 422],
    ['datetime-field-overflow', 422],
    ['character-not-in-repertoire', 400],
    ['division-by-zero', 422],
    ['not-null-violation', 422],
  ])('answers %s with %i, without the value or the SQL, and logs only its SQLSTATE', async (kind, status) => {
    const { status: observed, body, log } = await probe(kind);
    expect(observed, body).toBe(status);
    expect(JSON.parse(body).error.message).toMatch(/[àáảãạăâđêôơư]/i);
    expect(body).not.toContain(PERSONAL);
    expect(body).not.toMatch(/select|insert/i);
    expect(log).toMatch(/"sqlState":"(22|23)/);
    expect(log).not.toContain(PERSONAL);
    expect(log).not.toMatch(/select|insert/i);
  });

  it('answers a defect with 500 and logs it with its SQL and SQLSTATE but without its parameters', async () => {
    const { status, body, log } = await probe('undefined-table');
    expect(status).toBe(500);
    expect(JSON.parse(body).error.code).toBe('internal');
    expect(body).not.toContain('no_such_table');
    expect(log).toContain('"sqlState":"42P01"');
    expect(log).toContain('no_such_table');
    expect(log).not.toContain(PERSONAL);
  });
});
