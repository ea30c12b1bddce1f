import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../core/vietnam-time';
import { procedureFlagsOn } from '../modules/catalog';
import { createTestDatabase, type TestDatabase } from '../test/harness';
import { loadDemoData } from '.';

// Two internal procedures of the province (nhóm B, codes 5.) beside two it handles for citizens.
const INTERNAL = ['5.900001', '5.003806'];
const PUBLIC = ['3.000333', '1.001193'];

describe('the demo list decision of 2025 (dữ liệu mẫu)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemoData(database.db, { dossiers: 0, plans: false, procedureCodes: [...INTERNAL, ...PUBLIC], baselines: false });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("puts the province's own procedures on the one-stop-desk list, not its internal ones", async () => {
    const flags = await procedureFlagsOn(database.db, vietnamDate(), [...INTERNAL, ...PUBLIC]);
    for (const code of INTERNAL) expect(flags.get(code)?.oneStopDesk ?? false, code).toBe(false);
    expect(PUBLIC.filter((code) => flags.get(code)?.oneStopDesk)).not.toEqual([]);
  });
});
