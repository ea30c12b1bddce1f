import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toSearchForm } from '../../core/text';
import { readDemoProcedures } from '../../demo/fixtures';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { readVersions } from './search-cache';
import { measureRecall, readQueryCases } from './search-quality';

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
    return response.json() as {
      items: Item[];
      total: number;
      page: number;
      pageSize: number;
      suggestion: string | null;
      matchedWords: string[];
      isApproximate: boolean;
      facets: {
        levels: { value: string; count: number }[];
        fields: { value: string; count: number }[];
        units: { value: string; name: string }[];
      };
    };
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

  it('finds what citizens type: the shipped query set, tuning and held-out parts, with no empty page', async () => {
    const cases = readQueryCases();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const rankings: string[][] = [];
    for (const entry of cases) rankings.push((await search({ q: entry.query, pageSize: '10' })).items.map((item) => item.code));
    const held = cases.flatMap((entry, position) => (entry.isHeldOut ? [position] : []));
    const all = measureRecall(cases, rankings);
    const heldOut = measureRecall(
      held.map((position) => cases[position]!),
      held.map((position) => rankings[position]!),
    );
    // Measured 86 % / 97 % (all) and 86 % / 98 % (held out) when the set was shipped: a regression fails here.
    expect(all.atFive, JSON.stringify(all.failures)).toBeGreaterThanOrEqual(0.94);
    expect(all.atOne).toBeGreaterThanOrEqual(0.82);
    expect(heldOut.atFive).toBeGreaterThanOrEqual(0.92);
    expect(rankings.filter((ranking) => ranking.length === 0)).toEqual([]);
  }, 120_000);

  it('suggests the catalog spelling of a misspelt query ("Có phải bạn muốn tìm …") and highlights what matched', async () => {
    const result = await search({ q: 'ly lihc tu phap' });
    expect(result.suggestion).toBe('lý lịch tư pháp');
    expect(result.items[0]!.code).toBe('3.000333');
    expect(result.matchedWords).toEqual(expect.arrayContaining(['li', 'lich', 'tu', 'phap']));
    const exact = await search({ q: 'lý lịch tư pháp' });
    expect(exact.suggestion).toBeNull();
    expect(exact.isApproximate).toBe(false);
  });

  it('expands abbreviations, everyday names and fillers, and corrects telex leftovers and run-together words', async () => {
    expect((await search({ q: 'lltb' })).items[0]!.code).toBe('3.000333');
    expect((await search({ q: 'cấp lại gplx' })).items[0]!.code).toBe('3.000348');
    expect((await search({ q: 'nhập hộ khẩu' })).items[0]!.code).toBe('1.004222');
    expect((await search({ q: 'đăng ký kết hôn ở đâu' })).items[0]!.code).toBe('1.000894');
    expect((await search({ q: 'ddawng kys keets hoon' })).items[0]!.code).toBe('1.000894');
    expect((await search({ q: 'dangkykethon' })).items.slice(0, 2).map((item) => item.code)).toContain('1.000894');
  });

  it('shows the closest procedures, flagged approximate, for a garbled query rather than an empty page', async () => {
    const result = await search({ q: 'khaisnhh' });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.suggestion).not.toBeNull();
  });

  it('counts the matches per level, field and unit under the other filters', async () => {
    const result = await search({ q: 'đăng ký khai sinh', field: 'Hộ tịch' });
    expect(result.items.every((item) => item.field === 'Hộ tịch')).toBe(true);
    const fieldCount = result.facets.fields.find((facet) => facet.value === 'Hộ tịch')?.count;
    expect(fieldCount).toBe(result.total);
    expect(result.facets.fields.length).toBeGreaterThan(1);
    expect(result.facets.units.every((unit) => unit.name.length > 0)).toBe(true);
  });

  it('lets controllers grow the dictionary, effective on the next query without a restart; others may not', async () => {
    const admin = await t.login('admin');
    const citizen = await t.login('congdan');
    const before = await search({ q: 'giấy chào đời' });
    expect(before.items[0]?.code).not.toBe('1.001193');
    expect((await t.app.inject({ url: '/api/search/synonyms' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/search/synonyms', headers: citizen })).statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/search/synonyms',
      headers: admin,
      payload: { term: 'giấy chào đời', expansion: 'đăng ký khai sinh', note: 'Kiểm thử' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json() as { id: string; version: number; isShipped: boolean };
    expect(entry.isShipped).toBe(false);
    expect((await search({ q: 'giấy chào đời' })).items[0]!.code).toBe('1.001193');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/search/synonyms',
      headers: admin,
      payload: { term: 'Giay chao doi', expansion: 'dang ky khai sinh' },
    });
    expect(duplicate.statusCode).toBe(409);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/search/synonyms',
      headers: admin,
      payload: { term: ' ', expansion: 'x' },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toMatch(/[ạ-ỹ]/);
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/search/synonyms/${entry.id}`,
      headers: admin,
      payload: { term: 'giấy chào đời', expansion: 'đăng ký khai tử', version: entry.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/search/synonyms/${entry.id}`,
      headers: admin,
      payload: { term: 'giấy chào đời', expansion: 'đăng ký khai tử', version: entry.version },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await search({ q: 'giấy chào đời' })).items[0]!.code).toBe('1.000656');
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/search/synonyms/${entry.id}`, headers: admin });
    expect(removed.statusCode).toBe(204);
    expect((await search({ q: 'giấy chào đời' })).items[0]?.code).toBe(before.items[0]?.code);
    const listed = (await t.app.inject({ url: '/api/search/synonyms', headers: admin })).json() as {
      items: { term: string; isShipped: boolean }[];
    };
    expect(listed.items.some((item) => item.term === 'LLTP' && item.isShipped)).toBe(true);
    expect(listed.items.some((item) => item.term === 'giấy chào đời')).toBe(false);
  });

  it('logs queries with no or poor results for the administrators, without personal data', async () => {
    const admin = await t.login('kiemsoat');
    await search({ q: 'qqzzxx kwyjibo' });
    await search({ q: 'qqzzxx kwyjibo' });
    await search({ q: 'căn cước 001204012345' });
    const response = await t.app.inject({ url: '/api/search/misses?days=7', headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { query: string; searches: number; withoutResult: number }[];
    expect(items.find((item) => item.query === 'qqzzxx kwyjibo')).toMatchObject({ searches: 2, withoutResult: 2 });
    expect(items.some((item) => item.query.includes('001204012345'))).toBe(false);
  });

  it('answers 304 Not Modified to a browser that holds the current answer (search, procedure page, fields)', async () => {
    for (const url of ['/api/procedures?q=khai%20sinh', '/api/procedures/1.001193', '/api/fields']) {
      const first = await t.app.inject({ url });
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      const other = await t.app.inject({ url, headers: { 'if-none-match': '"something-else"' } });
      expect(other.statusCode).toBe(200);
      expect(other.json()).toEqual(first.json());
    }
  });

  it('reads the search counters only after a change is announced, and sees a change made by any path as soon as it is announced', async () => {
    await t.app.ready();
    const db = t.database.db;
    const before = await readVersions(db);
    // Nothing was announced: the answer is the one already read, without a query.
    const execute = vi.spyOn(db, 'execute');
    expect(await readVersions(db)).toEqual(before);
    expect(execute).not.toHaveBeenCalled();
    execute.mockRestore();
    await db.execute(sql`update search_state set catalog_version = catalog_version + 1 where id = 1`);
    // PGlite announces it within the statement; PostgreSQL a moment later, on the listening connection.
    await vi.waitFor(async () => expect((await readVersions(db)).catalog).toBe(before.catalog + 1), { timeout: 3000, interval: 20 });
    const fields = await t.app.inject({ url: '/api/fields' });
    expect(fields.statusCode).toBe(200);
  });
});
