import type { Config } from '../config';
import { openDatabase } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, loadDemoData } from './index';

/** `motcua seed`: loads the demo province into an empty database (never into one that holds data). */
export async function runSeed(config: Config): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await applyMigrations(database);
    if (!(await isDatabaseEmpty(database.db))) {
      console.error('Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.');
      return 1;
    }
    const summary = await loadDemoData(database.db, { phoneChannels: config.notifyPhoneChannels });
    console.log(
      `Đã nạp ${summary.units} đơn vị, ${summary.procedures} thủ tục, ${summary.users} tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}):`,
    );
    for (const account of demoAccounts) console.log(`  ${account.username.padEnd(12)} ${account.description}`);
    return 0;
  } finally {
    await database.close();
  }
}
