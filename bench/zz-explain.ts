import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { loadActor } from '../src/modules/auth';
import { listInbox } from '../src/modules/dossiers';
const handle = await openDatabase({ databaseUrl: process.env.KEPT! });
const { db } = handle;
const [row] = (await db.execute(sql`select id from users where username = ${process.env.WHO ?? 'tiepnhan'}`) as any).rows;
const actor = (await loadActor(db, row.id))!;
const texts: string[] = [];
const orig = (handle as any);
await db.execute(sql`set log_min_duration_statement = 0`);
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  const r = await listInbox(db, actor, { box: (process.env.BOX as any) ?? 'all', page: 1 + (i % 3), pageSize: 20 } as any);
  console.log('call', (performance.now() - t0).toFixed(1), 'ms total', r.total);
}
await handle.close();
