import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Config } from '../../config';
import { AppError } from '../../core/errors';
import { type Database, openDatabase } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { createAdministrator, resetPassword } from './operator-service';
import { findPasswordProblem, isDemoInstallation } from './password';

export const adminUsage = `  motcua admin create TEN_DANG_NHAP [--full-name "Họ và tên"]
      tạo tài khoản quản trị (mật khẩu được hỏi hai lần, không hiện khi gõ; hoặc đọc dòng đầu của đầu vào chuẩn)
  motcua admin password TEN_DANG_NHAP
      đặt mật khẩu mới cho một tài khoản (kết thúc mọi phiên đăng nhập của tài khoản đó)`;

/** Where the command reads the password and writes its messages; tests and cli.ts pass the process's streams. */
export type AdminIo = {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  prompt: NodeJS.WritableStream;
  out(line: string): void;
  err(line: string): void;
};

const processIo: AdminIo = {
  input: process.stdin,
  prompt: process.stderr,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

const DEFAULT_FULL_NAME = 'Quản trị hệ thống';
/** A typed password is asked again after a refusal, this many times in all. */
const MAX_TYPED_ATTEMPTS = 3;
/** A password is one line; more than this on standard input is not a password. */
const MAX_PIPED_BYTES = 4096;

class UsageError extends Error {}
class InputError extends Error {}

/** `motcua admin create|password USERNAME`: returns the exit code (0 done, 1 refused, 2 wrong usage). */
export async function runAdminCommand(config: Config, args: string[], io: AdminIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parseCommand>;
  try {
    parsed = parseCommand(args);
  } catch (error) {
    const isArgumentError = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!(error instanceof UsageError) && !isArgumentError) throw error;
    io.err(isArgumentError ? `Tham số không hợp lệ (${error.message})` : error.message);
    io.err(`Cách dùng:\n${adminUsage}`);
    return 2;
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await applyMigrations(handle);
    const password = await readNewPassword(handle.db, parsed.username, io);
    if (parsed.action === 'create') {
      const created = await createAdministrator(handle.db, { username: parsed.username, fullName: parsed.fullName, password });
      io.out(`Đã tạo tài khoản quản trị "${created.username}". Đăng nhập tại trang /dang-nhap của hệ thống.`);
    } else {
      await resetPassword(handle.db, parsed.username, password);
      io.out(`Đã đặt mật khẩu mới cho tài khoản "${parsed.username.trim().toLowerCase()}".`);
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) io.err(error.message);
    else if (error instanceof AppError) io.err(describeAppError(error));
    else throw error;
    return 1;
  } finally {
    await handle.close();
  }
}

function parseCommand(args: string[]) {
  const parsed = parseArgs({ args, options: { 'full-name': { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, username, ...extra] = parsed.positionals;
  if (action !== 'create' && action !== 'password') throw new UsageError(`Lệnh admin không hợp lệ: ${action ?? '(trống)'}.`);
  if (!username || extra.length) throw new UsageError('Thiếu hoặc thừa tham số: cần đúng một tên đăng nhập.');
  if (action === 'password' && parsed.values['full-name'] !== undefined) throw new UsageError('--full-name chỉ dùng với admin create.');
  return { action, username, fullName: (parsed.values['full-name'] ?? DEFAULT_FULL_NAME).normalize('NFC') } as const;
}

/** A refused field names what is wrong with it (the password rule); other refusals say it in their message. */
function describeAppError(error: AppError): string {
  if (error.code !== 'validation_failed' || error.details.length === 0) return error.message;
  return error.details.map((detail) => detail.message).join('\n');
}

/** On a terminal: asked twice without echo, and again after a refusal; otherwise the first line of standard input. */
async function readNewPassword(db: Database, username: string, io: AdminIo): Promise<string> {
  if (!io.input.isTTY) {
    const password = await readFirstLine(io.input);
    if (!password)
      throw new InputError('Không đọc được mật khẩu: đầu vào chuẩn trống (ví dụ: printf "%s\\n" "$MAT_KHAU" | motcua admin ...).');
    return password;
  }
  const context = { username, isDemoInstallation: await isDemoInstallation(db) };
  for (let attempt = 1; ; attempt += 1) {
    const password = await askHidden('Mật khẩu mới: ', io);
    const problem = findPasswordProblem(password, context);
    const repeated = problem ? null : await askHidden('Nhập lại mật khẩu: ', io);
    const refusal = problem ?? (repeated === password ? null : 'Hai lần nhập không khớp.');
    if (!refusal) return password;
    if (attempt === MAX_TYPED_ATTEMPTS) throw new InputError(refusal);
    io.err(`${refusal} Hãy nhập lại.`);
  }
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_PIPED_BYTES)
      throw new InputError(`Đầu vào chuẩn quá dài (quá ${MAX_PIPED_BYTES} byte): chỉ ghi mật khẩu trên một dòng.`);
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').normalize('NFC');
}

/** Reads one line from the terminal without echoing it: readline edits the line, its output goes nowhere. */
function askHidden(question: string, io: AdminIo): Promise<string> {
  io.prompt.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: io.input, output: silent, terminal: true });
  return new Promise<string>((resolve, reject) => {
    let isAnswered = false;
    reader.on('SIGINT', () => reader.close());
    reader.once('close', () => {
      io.prompt.write('\n');
      if (!isAnswered) reject(new InputError('Đã hủy.'));
    });
    reader.question('', (answer) => {
      isAnswered = true;
      reader.close();
      resolve(answer.normalize('NFC'));
    });
  });
}
