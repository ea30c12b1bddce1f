import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

describe.each(testBackends())('portal identity on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  }, 120_000);
  afterAll(() => t?.close());

  const settings = {
    provinceName: '  Tỉnh  An Giang ',
    centreName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
    address: 'Số 1 đường Thử Nghiệm, phường Rạch Giá',
    phone: '0297 3 800 800',
    hotline: '',
    email: 'ttpvhcc@example.gov.vn',
  };

  it('shows neutral defaults until the administrator names the province and the centre, then shows them to everyone at once', async () => {
    const before = await t.app.inject({ url: '/api/portal' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ isDefault: true, centreName: null, phone: null });
    const etag = before.headers.etag as string;
    expect((await t.app.inject({ url: '/api/portal', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const admin = await t.login('admin');
    const saved = await t.app.inject({ method: 'PUT', url: '/api/settings/portal', headers: admin, payload: settings });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { ...settings, provinceName: 'Tỉnh An Giang', hotline: null, emblemUrl: null, isDefault: false };
    expect(saved.json()).toEqual(expected);
    const after = await t.app.inject({ url: '/api/portal', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual(expected);
    const audit = await t.database.db.execute(`select action, entity_id from audit_events where entity_id = 'portal.identity'`);
    expect((audit as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it('refuses a wrong e-mail or phone in Vietnamese, and anyone but the administrator', async () => {
    const admin = await t.login('admin');
    const wrong = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/portal',
      headers: admin,
      payload: { ...settings, email: 'khong-phai-thu', phone: 'gọi tôi' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    expect(wrong.body).toContain('Số điện thoại');
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/settings/portal', payload: settings });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves the emblem the administrator uploads (PNG or JPEG by its content), and the default again once removed', async () => {
    const admin = await t.login('admin');
    const upload = (payload: Buffer, name: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/settings/portal/emblem?name=${name}`,
        headers: { ...admin, 'content-type': 'application/octet-stream' },
        payload,
      });
    expect((await t.app.inject({ url: '/api/portal/emblem' })).statusCode).toBe(404);
    const notAnImage = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'bieu-trung.png');
    expect(notAnImage.statusCode).toBe(415);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const saved = await upload(png, 'bieu-trung.png');
    expect(saved.statusCode, saved.body).toBe(200);
    const emblemUrl = saved.json().emblemUrl as string;
    expect(emblemUrl).toMatch(/^\/api\/portal\/emblem\?v=/);
    expect((await t.app.inject({ url: '/api/portal' })).json().emblemUrl).toBe(emblemUrl);
    const image = await t.app.inject({ url: emblemUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(png)).toBe(true);
    const again = await t.app.inject({ url: emblemUrl, headers: { 'if-none-match': image.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/settings/portal/emblem', headers: admin });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().emblemUrl).toBeNull();
    expect((await t.app.inject({ url: '/api/portal/emblem' })).statusCode).toBe(404);
  });
});
