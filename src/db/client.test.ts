import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, openDatabase } from './client';

describe('embedded database folder', () => {
  it('may be opened by one process at a time, and again once closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-lock-'));
    try {
      const first = await openDatabase({ dataDir });
      // Same process: the lock names our own PID, so simulate a second process by faking another live PID.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dataDir, 'db', 'motcua.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir })).rejects.toThrow(DatabaseBusyError);
      writeFileSync(join(dataDir, 'db', 'motcua.lock'), String(process.pid));
      await first.close();
      const second = await openDatabase({ dataDir });
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-lock-'));
    try {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(join(dataDir, 'db'), { recursive: true });
      writeFileSync(join(dataDir, 'db', 'motcua.lock'), '999999');
      const handle = await openDatabase({ dataDir });
      await handle.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
