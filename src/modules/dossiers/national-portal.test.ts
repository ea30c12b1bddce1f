import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFactories, type ProcedureRef } from '../../test/factories';
import { createTestApp, TEST_NATIONAL_PORTAL_SECRET, type TestApp, testBackends } from '../../test/harness';
import { signPortalBody } from './national-portal';

// The national portal's door (docs/api/national-portal.md): signed body, idempotency key, base64 files sniffed.

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(testBackends())('national portal intake on %s', (backend) => {
  let t: TestApp;
  let make: ReturnType<typeof createFactories>;
  let procedure: ProcedureRef;
  let sequence = 0;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    make = createFactories(t);
    const province = await make.buildProvince();
    procedure = await make.buildProcedure({ handlingUnits: [province.departmentA] });
  });
  afterAll(() => t?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    portalRef: `G22.99-${++sequence}`,
    procedureCode: procedure.code,
    submittedAt: '2026-03-02T09:15:00+07:00',
    applicant: { kind: 'individual', fullName: 'Trần Thị Cổng', idNumber: '001234567890', email: 'cong@example.vn' },
    components: [{ position: 0, files: [{ name: 'don.pdf', contentBase64: pdf.toString('base64') }] }],
    ...overrides,
  });

  const send = (payload: unknown, options: { key?: string; secret?: string; signature?: string } = {}) => {
    const raw = JSON.stringify(payload);
    return t.app.inject({
      method: 'POST',
      url: '/api/integrations/national-portal/dossiers',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': options.key ?? `khoa-${sequence}-${Math.random()}`,
        'x-motcua-signature': options.signature ?? signPortalBody(options.secret ?? TEST_NATIONAL_PORTAL_SECRET, raw),
      },
      payload: raw,
    });
  };

  it('creates one online dossier per key: the same body answers it again, another body 409', async () => {
    const payload = body();
    const first = await send(payload, { key: 'khoa-lap-lai-0001' });
    expect(first.statusCode).toBe(201);
    const answer = first.json();
    expect(answer).toMatchObject({ status: 'submitted', portalRef: payload.portalRef });
    const again = await send(payload, { key: 'khoa-lap-lai-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(answer);
    const changed = await send({ ...payload, requestSummary: 'Khác' }, { key: 'khoa-lap-lai-0001' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.message).toContain('Idempotency-Key');
    const sameRefOtherKey = await send(payload, { key: 'khoa-lap-lai-0002' });
    expect(sameRefOtherKey.statusCode).toBe(409);
  });

  it('refuses an unsigned or wrongly signed body before reading it', async () => {
    const payload = body();
    expect((await send(payload, { secret: 'another-secret-that-is-long-enough-000000' })).statusCode).toBe(401);
    const unsigned = await send(payload, { signature: 'sha256=00' });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.message).toBe('Chữ ký của yêu cầu không hợp lệ.');
    // Not even validated: a signed-looking garbage body answers 401, not 422.
    expect((await send({ nonsense: true }, { signature: `sha256=${'0'.repeat(64)}` })).statusCode).toBe(401);
  });

  it('sniffs base64 files like uploads and validates the applicant in Vietnamese', async () => {
    const forged = await send(body({ components: [{ position: 0, files: [{ name: 'don.pdf', contentBase64: exe.toString('base64') }] }] }));
    expect(forged.statusCode).toBe(415);
    const notBase64 = await send(body({ components: [{ position: 0, files: [{ name: 'don.pdf', contentBase64: '%%%' }] }] }));
    expect(notBase64.statusCode).toBe(422);
    expect(JSON.stringify(notBase64.json())).toContain('base64');
    const badTaxCode = await send(body({ applicant: { kind: 'organization', fullName: 'Công ty A', idNumber: '123' } }));
    expect(badTaxCode.statusCode).toBe(422);
    expect(JSON.stringify(badTaxCode.json())).toContain('Mã số thuế phải gồm 10 hoặc 13 chữ số.');
    const missing = await send(body({ components: [] }));
    expect(missing.statusCode).toBe(422);
    expect(JSON.stringify(missing.json())).toContain('Thiếu thành phần bắt buộc số 1');
  });
});
