import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testBackends } from '../test/harness';
import { executeNamed, executeNamedBuilt, executeNamedText } from './named';

// Named prepared statements (src/db/named.ts): on PGlite through SQL PREPARE / EXECUTE with the values as literals.

describe.each(testBackends())('named prepared statements (%s)', (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await database.db.execute(sql`create table named_probe (id integer primary key, note text, at timestamptz, data jsonb)`);
  }, 120_000);
  afterAll(() => database?.dispose());

  const insert = (id: number, note: string | null, at: Date | null, data: unknown) =>
    executeNamedText(
      database.db,
      'insert into named_probe (id, note, at, data) values ($1, $2, $3, $4::jsonb) returning id, note, at, data',
      [id, note, at, data === undefined ? null : JSON.stringify(data)],
    );

  it('keeps each value as it was given: quotes, backslashes, Vietnamese, null, dates, json', async () => {
    const hard = 'O\'Brien \\ \\\' "Nguyễn Thị Ánh" 𝔸 -- ; drop table named_probe;';
    const at = new Date('2026-02-16T17:00:00.000Z');
    const { rows } = await insert(1, hard, at, { text: hard, n: 1 });
    expect(rows[0]).toMatchObject({ id: 1, note: hard, data: { text: hard, n: 1 } });
    expect(new Date(String(rows[0]!.at)).toISOString()).toBe(at.toISOString());
    const again = await insert(2, null, null, undefined);
    expect(again.rows[0]).toMatchObject({ id: 2, note: null, at: null, data: null });
    const count = await database.db.execute(sql`select count(*)::int as n from named_probe`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });

  it('runs the same name with other values, also after a transaction that rolled back its first use', async () => {
    const read = (executor: typeof database.db, id: number) =>
      executeNamed(executor, 'named_probe_read', sql`select id, note from named_probe where id = ${id}`);
    await expect(
      database.db.transaction(async (tx) => {
        expect((await read(tx, 1)).rows).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await read(database.db, 2)).rows).toEqual([{ id: 2, note: null }]);
    expect((await read(database.db, 3)).rows).toEqual([]);
    const built = (id: number) =>
      executeNamedBuilt(database.db, 'named_probe_built', () => sql`select note from named_probe where id = ${sql.placeholder('id')}`, {
        id,
      });
    expect((await built(2)).rows).toEqual([{ note: null }]);
    expect((await built(1)).rows[0]!.note).toContain("O'Brien");
  });

  it('is prepared once a session, and an error inside it is the statement’s own', async () => {
    if (backend === 'pglite') {
      const names = await database.db.execute(sql`select name from pg_prepared_statements where name = 'named_probe_read'`);
      expect((names as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    }
    // A duplicate key fails as the plain statement would, and leaves the prepared statement usable.
    await expect(insert(1, 'x', null, null)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    expect((await insert(3, 'ba', null, [1, 2])).rows[0]).toMatchObject({ id: 3, data: [1, 2] });
    // A NUL goes as a bound parameter: PostgreSQL's own refusal (invalid byte sequence), nothing written.
    await expect(insert(4, 'a\u0000b', null, null)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '22021' }) });
    const count = await database.db.execute(sql`select count(*)::int as n from named_probe where id = 4`);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
