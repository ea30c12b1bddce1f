import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { createAdministrator } from './operator-service';
import { findPasswordProblem } from './password';

const strong = 'Sông-Hậu mùa nước nổi 2026';

describe('the password policy', () => {
  const real = { username: 'nguyen.van.a', isDemoInstallation: false };

  it('wants 10 characters (counted as a person counts them), no username, no common password, no demo password', () => {
    expect(findPasswordProblem('ngắn-quá', real)).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    // Ten characters, of which two are outside the basic plane: JavaScript's length says 12.
    expect(findPasswordProblem('🌾🌾abcdefgh', real)).toBeNull();
    expect(findPasswordProblem('🌾abcdefgh', real)).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    expect(findPasswordProblem('x'.repeat(201), real)).toBe('Mật khẩu dài tối đa 200 ký tự.');
    expect(findPasswordProblem('Nguyen.Van.A-2026', real)).toBe('Mật khẩu không được chứa tên đăng nhập.');
    for (const common of ['password123', 'PASSWORD123', '1qaz2wsx3edc', 'qwertyuiop']) {
      expect(findPasswordProblem(common, real)).toBe(
        'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị dò ra; hãy chọn mật khẩu khác.',
      );
    }
    expect(findPasswordProblem(DEMO_PASSWORD, real)).toBe(
      'Không dùng mật khẩu chung của dữ liệu mẫu cho một hệ thống thật; hãy chọn mật khẩu khác.',
    );
    expect(findPasswordProblem(DEMO_PASSWORD, { ...real, isDemoInstallation: true })).toBeNull();
    expect(findPasswordProblem(strong, real)).toBeNull();
  });
});

describe.each(testBackends())('passwords through the API of an installation without demo data (%s)', (backend) => {
  let t: TestApp;
  let headers: Awaited<ReturnType<TestApp['login']>>;

  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    await createAdministrator(t.database.db, { username: 'quantri', fullName: 'Quản trị', password: strong });
    headers = await t.login('quantri', strong);
  });

  afterAll(async () => {
    await t?.close();
  });

  const account = (password: string) => ({ username: 'chuyen.vien', fullName: 'Chuyên viên', password, roles: [] });

  it('refuses a weak password when creating an account, with the reason in Vietnamese', async () => {
    const cases: [string, string][] = [
      ['9-ky-tu-x', 'Mật khẩu phải có ít nhất 10 ký tự.'],
      ['chuyen.vien.2026', 'Mật khẩu không được chứa tên đăng nhập.'],
      ['password123', 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị dò ra; hãy chọn mật khẩu khác.'],
      [DEMO_PASSWORD, 'Không dùng mật khẩu chung của dữ liệu mẫu cho một hệ thống thật; hãy chọn mật khẩu khác.'],
    ];
    for (const [password, message] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: account(password) });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details).toEqual([{ path: 'password', message }]);
    }
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: account(strong) });
    expect(created.statusCode).toBe(201);
  });

  it('refuses a weak password when an administrator changes one, and keeps the old password', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=chuyen.vien', headers });
    const user = list.json().items[0];
    const weak = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers,
      payload: { password: 'CHUYEN.VIEN-moi', version: user.version },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details).toEqual([{ path: 'password', message: 'Mật khẩu không được chứa tên đăng nhập.' }]);
    await t.login('chuyen.vien', strong);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers,
      payload: { password: 'Mùa lúa chín vàng đồng', version: user.version },
    });
    expect(changed.statusCode).toBe(200);
    await t.login('chuyen.vien', 'Mùa lúa chín vàng đồng');
  });
});
