import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchForm } from '../../core/text';
import { readDemoProcedures } from '../../demo/fixtures';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';

type Item = { code: string; name: string; field: string; levels: string[]; onlineLevel: string; handlingUnits: { code: string }[] };

describe.each(testBackends())('Vietnamese procedure search over the whole demo catalog on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: {} });
  }, 120_000);
  afterAll(() => t?.close());

  const search = async (query: Record<string, string>) => {
    const response = await t.app.inject({ url: '/api/procedures', query });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };

  it('finds "Cấp Phiếu lý lịch tư pháp..." from an accent-free query, best match first', async () => {
    const result = await search({ q: 'ly lich tu phap' });
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(result.items.slice(0, 3).every((item) => /lý lịch tư pháp/i.test(item.name))).toBe(true);
  });

  it('is case-insensitive, word-order tolerant and treats i/y alike', async () => {
    const reference = (await search({ q: 'ly lich tu phap' })).items.map((item) => item.code);
    for (const q of ['LÝ LỊCH TƯ PHÁP', 'tư pháp lý lịch', 'lí lịch tư pháp', 'Ly Lich Tu Phap']) {
      const codes = (await search({ q })).items.map((item) => item.code);
      expect(new Set(codes.slice(0, 3)), q).toEqual(new Set(reference.slice(0, 3)));
    }
    const withY = (await search({ q: 'đăng ký kết hôn' })).items.map((item) => item.code);
    const withI = (await search({ q: 'đăng kí kết hôn' })).items.map((item) => item.code);
    expect(withI).toEqual(withY);
  });

  it('handles đ/Đ both ways', async () => {
    const accented = await search({ q: 'Đăng ký khai sinh' });
    const plain = await search({ q: 'dang ky khai sinh' });
    expect(plain.items.map((item) => item.code)).toEqual(accented.items.map((item) => item.code));
    expect(accented.items[0]!.name).toMatch(/đăng ký khai sinh/i);
  });

  it('tolerates a typo', async () => {
    const result = await search({ q: 'ly lihc tu phap' });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items[0]!.name).toMatch(/lý lịch tư pháp/i);
    const other = await search({ q: 'chung thuc ban sao tu ban chinh' });
    const typo = await search({ q: 'chung thuc ban sao tu ban chinhh' });
    expect(typo.items[0]?.code).toBe(other.items[0]?.code);
  });

  it('ranks the exact code first', async () => {
    const result = await search({ q: '1.001193' });
    expect(result.items[0]!.code).toBe('1.001193');
  });

  it('filters by field, level, unit and online level, and paginates', async () => {
    const byField = await search({ field: 'Hộ tịch', pageSize: '100' });
    expect(byField.total).toBeGreaterThan(5);
    expect(byField.items.every((item) => item.field === 'Hộ tịch')).toBe(true);
    const commune = await search({ level: 'commune', pageSize: '50' });
    expect(commune.items.every((item) => item.levels.includes('commune'))).toBe(true);
    const online = await search({ online: 'full', pageSize: '50' });
    expect(online.items.every((item) => item.onlineLevel === 'full')).toBe(true);
    const unit = byField.items[0]!.handlingUnits[0]!.code;
    const byUnit = await search({ unit, pageSize: '100' });
    expect(byUnit.items.every((item) => item.handlingUnits.some((handling) => handling.code === unit))).toBe(true);
    const page1 = await search({ level: 'province', page: '1', pageSize: '10' });
    const page2 = await search({ level: 'province', page: '2', pageSize: '10' });
    expect(page2.total).toBe(page1.total);
    expect(page2.items.map((item) => item.code)).not.toEqual(page1.items.map((item) => item.code));
    const beyond = await search({ level: 'province', page: '10000', pageSize: '10' });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(page1.total);
  });

  it('returns nothing, not an error, for nonsense and for LIKE wildcards', async () => {
    expect((await search({ q: 'zzzqqqxxx' })).total).toBe(0);
    expect((await search({ q: '%%%' })).total).toBeGreaterThan(0);
    expect((await search({ q: '_' })).total).toBeGreaterThan(0);
  });

  it('normalises text in SQL exactly as in JavaScript (motcua_norm and toSearchForm are twins)', async () => {
    const samples = [
      ...readDemoProcedures()
        .slice(0, 300)
        .map((procedure) => procedure.name),
      'Đăng ký KĨ thuật — quý/quí, tỷ; y tế; giấy; thủy; \u200Eẩn',
      'Chứng thực'.normalize('NFD'),
    ];
    const result = await t.database.db.execute(
      sql`select motcua_norm(value) as form from jsonb_array_elements_text(${JSON.stringify(samples)}::jsonb) with ordinality as s(value, n) order by n`,
    );
    const forms = (result as unknown as { rows: { form: string }[] }).rows.map((row) => row.form);
    expect(forms).toEqual(samples.map(toSearchForm));
  });

  it('lists the fields with their counts', async () => {
    const response = await t.app.inject({ url: '/api/fields' });
    const fields = response.json().items as { name: string; count: number }[];
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.find((field) => field.name === 'Hộ tịch')?.count).toBeGreaterThan(5);
  });
});
