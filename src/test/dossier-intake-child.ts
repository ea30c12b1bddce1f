/*
 * A child process for src/modules/dossiers/codes.test.ts: receives dossiers one after the other, forever, on the
 * database it is given, printing "begin" before each intake and "code <code>" after each commit, until it is killed.
 * Usage: node --import tsx src/test/dossier-intake-child.ts <databaseUrl | dataDir> <userId> <procedureCode>
 */
import { receiveDossierBodySchema } from '../contract/dossiers';
import { openDatabase } from '../db/client';
import { loadActor } from '../modules/auth/repo';
import { receiveDossier } from '../modules/dossiers';

const [target, userId, procedureCode] = process.argv.slice(2);
if (!target || !userId || !procedureCode) throw new Error('usage: dossier-intake-child <databaseUrl | dataDir> <userId> <procedureCode>');
const database = await openDatabase(/^postgres(ql)?:/.test(target) ? { databaseUrl: target } : { dataDir: target });
const actor = await loadActor(database.db, userId);
if (!actor) throw new Error(`no active user ${userId}`);
const body = receiveDossierBodySchema.parse({
  procedureCode,
  channel: 'direct',
  applicant: { kind: 'individual', fullName: 'Người nộp kiểm thử', idNumber: '001234567890' },
  components: [{ position: 0, presence: 'paper' }],
  decision: { action: 'accept' },
});
for (;;) {
  process.stdout.write('begin\n');
  const dossier = await receiveDossier(database.db, actor, body);
  process.stdout.write(`code ${dossier.code}\n`);
}
