import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { browserAvailability, type E2eServer, signIn, useBrowserTests } from './browser';

const { isAvailable } = browserAvailability();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Signs in through the API (the setup of a journey, not what it tests). */
async function apiAs(server: E2eServer, username: string) {
  const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'motcua2026' } });
  const cookie = response.cookies.find((entry) => entry.name === 'motcua_session')!;
  const headers = { cookie: `motcua_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string };
  return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const isFile = Buffer.isBuffer(payload);
    const answer = await server.app.inject({
      method,
      url,
      headers: { ...headers, ...(isFile ? { 'content-type': 'application/octet-stream' } : {}) },
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    if (answer.statusCode >= 300) throw new Error(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json();
  };
}

/** The code in the last message the outbox holds for `recipient`, as the person reads it in their mail. */
async function codeSentTo(server: E2eServer, recipient: string): Promise<string> {
  const result = (await server.database.db.execute(
    sql`select body from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
  )) as unknown as { rows: { body: string }[] };
  const code = /\b(\d{6})\b/.exec(result.rows[0]?.body ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${recipient}`);
  return code;
}

describe.skipIf(!isAvailable)('a citizen’s account (chromium)', () => {
  const t = useBrowserTests();

  it('registers, verifies the code, lands on Hồ sơ của tôi, signs out, resets the password and signs in with it', async () => {
    const page = await t.newPage({ width: 360, height: 780 });
    const personalId = `0010950${String(Date.now()).slice(-5)}`;
    const email = `cong.dan.${personalId}@example.vn`;

    await page.goto(`${t.server.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await page.getByLabel('Số căn cước công dân (CCCD)').fill(personalId);
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sen-vang-no-2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Sen-vang-no-2026');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { name: 'Nhập mã xác minh' }).waitFor();
    await page.getByLabel('Mã xác minh').fill(await codeSentTo(t.server, email));
    await page.getByRole('button', { name: 'Xác minh và đăng nhập' }).click();

    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Hoa' }).waitFor();
    await page.getByText('Bạn chưa nộp hồ sơ nào.').waitFor();
    await page.getByRole('heading', { name: 'Thông tin tài khoản' }).waitFor();
    expect(await page.getByRole('table', { name: 'Thông tin tài khoản' }).textContent()).toContain(personalId);
    // The staff area is not theirs: its address sends them home.
    await page.goto(`${t.server.url}/can-bo`);
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    expect(await page.getByText('Vai trò: Công dân').count()).toBe(0);

    await page.getByRole('button', { name: 'Tài khoản: Nguyễn Thị Hoa' }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`${t.server.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill(email);
    await page.getByRole('button', { name: 'Gửi mã khôi phục' }).click();
    await page.getByLabel('Mã khôi phục').waitFor();
    await page.getByLabel('Mã khôi phục').fill(await codeSentTo(t.server, email));
    await page.getByLabel('Mật khẩu mới').fill('Mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu').fill('Mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
    await page.waitForURL((url) => url.pathname === '/dang-nhap');

    await page.getByLabel('Tên đăng nhập').fill(personalId);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await page.context().close();
  }, 120_000);

  it('sees the supplement asked of an online dossier, uploads the paper on its page, views it inline and sends it', async () => {
    const citizen = await apiAs(t.server, 'congdan');
    const desk = await apiAs(t.server, 'tiepnhan');
    // A procedure offered online with one handling unit: filed by the demo citizen with every required paper.
    const list = await citizen('GET', '/api/procedures?online=full&pageSize=50');
    let procedure: { code: string; components: { name: string; required: boolean }[] } | undefined;
    for (const item of list.items as { code: string }[]) {
      const detail = await citizen('GET', `/api/procedures/${item.code}`);
      if (detail.handlingUnits.length === 1 && detail.components.length > 0) {
        procedure = detail;
        break;
      }
    }
    if (!procedure) throw new Error('no demo procedure offered online with one handling unit');
    const profile = await citizen('GET', '/api/auth/me/profile');
    const components = [];
    for (const [position, component] of procedure.components.entries()) {
      if (!component.required && position > 0) continue;
      const file = await citizen('POST', '/api/dossier-files?name=to-khai.pdf', PDF);
      components.push({ position, presence: 'file', fileIds: [file.id] });
    }
    const filed = await citizen('POST', '/api/my/dossiers', {
      procedureCode: procedure.code,
      applicant: { kind: 'individual', fullName: profile.fullName, idNumber: profile.personalId },
      components,
    });
    const seen = await desk('GET', `/api/dossiers/${filed.id}`);
    await desk('POST', `/api/dossiers/${filed.id}/actions`, {
      action: 'request_supplement',
      version: seen.version,
      reason: 'Tờ khai chưa có chữ ký',
      positions: [0],
      items: ['Ký và ghi rõ họ tên ở trang 2'],
      comment: 'Chụp lại trang có chữ ký, rõ nét',
    });

    const page = await t.newPage({ width: 390, height: 844 });
    await signIn(page, t.server.url, 'congdan');
    await page.goto(`${t.server.url}/ho-so-cua-toi`);
    await page.getByText('Tờ khai chưa có chữ ký: Ký và ghi rõ họ tên ở trang 2').waitFor();
    await page.getByRole('link', { name: filed.code }).click();
    const request = page.getByRole('region', { name: 'Cơ quan yêu cầu bổ sung' });
    await request.getByText('Tờ khai chưa có chữ ký').waitFor();
    await request.getByText('Chụp lại trang có chữ ký, rõ nét').waitFor();
    await request.getByText(procedure.components[0]!.name).first().waitFor();
    expect(await request.getByRole('button', { name: 'Gửi bổ sung' }).isDisabled()).toBe(true);
    await request.locator('input[type=file]').setInputFiles({ name: 'to-khai-da-ky.pdf', mimeType: 'application/pdf', buffer: PDF });
    await request.getByText('to-khai-da-ky.pdf').waitFor();
    // The paper filed first opens in the viewer, inline, without leaving the page.
    await page
      .getByRole('button', { name: /^Xem to-khai\.pdf/ })
      .first()
      .click();
    const viewer = page.getByRole('dialog', { name: 'to-khai.pdf' });
    const frame = viewer.locator('iframe');
    await frame.waitFor();
    const source = await frame.getAttribute('src');
    expect(source).toMatch(/\/api\/dossiers\/.+\/files\/.+\?inline=1$/);
    const served = await page.request.get(`${t.server.url}${source}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-disposition']).toMatch(/^inline;/);
    await page.screenshot({ path: '.tmp/e2e-citizen-viewer.png' });
    await viewer.getByRole('button', { name: 'Đóng' }).click();
    await page.screenshot({ path: '.tmp/e2e-citizen-supplement.png', fullPage: true });
    await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Bộ phận Một cửa sẽ kiểm tra lại và tiếp nhận hồ sơ.').first().waitFor();
    await request.waitFor({ state: 'detached' });
    const after = await desk('GET', `/api/dossiers/${filed.id}`);
    expect(after.status).toBe('submitted');
    expect(
      after.files.some((file: { name: string; purpose: string }) => file.name === 'to-khai-da-ky.pdf' && file.purpose === 'supplement'),
    ).toBe(true);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await page.context().close();
  }, 120_000);
});
