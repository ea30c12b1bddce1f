import { describe, expect, it } from 'vitest';
import { describePageAudits, rolesMissingFromAudits, VISITS } from './accessibility';
import { findAccessibilityViolations } from './axe';
import { readWebRoutePaths } from './web-routes';

// The accessibility run (e2e/accessibility.ts): its coverage, group "public", and the server's own 404 page.

describe('the accessibility run covers the web router and every role', () => {
  it('has one visit for each route of web/src/app.tsx, and none for a route that is gone', () => {
    expect(Object.keys(VISITS).sort()).toEqual(readWebRoutePaths());
  });

  it('audits every role on a laptop in one of its files', () => {
    expect(rolesMissingFromAudits()).toEqual([]);
  });
});

describePageAudits('public', (t) => {
  it("the server's page for a missing file, opened in the browser: 404, Vietnamese, no serious axe-core violation", async () => {
    const page = await t.browser.newPage();
    const response = await page.goto(`${t.server.url}/tai-lieu/huong-dan.pdf`);
    expect(response?.status()).toBe(404);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    expect(await page.locator('main h1').textContent()).toBe('Không tìm thấy trang');
    expect(await page.evaluate('document.documentElement.lang')).toBe('vi');
    await page.close();
  });
});
