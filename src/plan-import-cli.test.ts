import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importedPlanSchema } from './contract/plans';

/* `motcua plan import` as an operator runs it: a child process, no database, no configuration. */
vi.setConfig({ testTimeout: 120_000 });

const seed = join(import.meta.dirname, 'core', 'plans', 'fixtures', 'seeds', '004_0a16f6a60033735b.txt');
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'motcua-plan-'));
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('motcua plan import', () => {
  it('prints exactly the ImportedPlan structure with --json, and the counts with --stats', async () => {
    const result = await runCli(['plan', 'import', seed, '--json', '--stats']);
    expect(result.code).toBe(0);
    const plan = importedPlanSchema.strict().parse(JSON.parse(result.stdout));
    expect(Object.keys(plan)).toEqual(['plan', 'targets', 'tasks']);
    expect(plan.tasks.map((task) => task.ref)).toContain('II.2.c');
    const deadlines = plan.tasks.reduce((sum, task) => sum + task.deadlines.length, 0);
    expect(result.stderr.trim()).toBe(`${seed}: ${plan.tasks.length} nhiệm vụ, ${plan.targets.length} mục tiêu, ${deadlines} thời hạn`);
  });

  it('prints a Vietnamese summary without --json', async () => {
    const result = await runCli(['plan', 'import', seed]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kế hoạch /KH-UBND — ỦY BAN NHÂN DÂN TỈNH HẬU GIANG');
    expect(result.stdout).toContain('II.2.c. Sở Khoa học và Công nghệ chủ trì');
    expect(result.stdout).toContain('Thời hạn: ngày 31/12/2025; năm 2026');
    expect(result.stdout).toContain('Cắt giảm thời gian giải quyết TTHC: 30%');
  });

  it('exits with 2 and a Vietnamese message for an unsupported, missing or unreadable file', async () => {
    const broken = join(directory, 'hong.pdf');
    await writeFile(broken, 'không phải PDF');
    const brokenDocx = join(directory, 'hong.docx');
    await writeFile(brokenDocx, 'không phải DOCX');
    const [unsupported, missing, pdf, docx, wrongFlag] = await Promise.all([
      runCli(['plan', 'import', join(directory, 'ke-hoach.odt')]),
      runCli(['plan', 'import', join(directory, 'khong-co.txt')]),
      runCli(['plan', 'import', broken]),
      runCli(['plan', 'import', brokenDocx]),
      runCli(['plan', 'import', seed, '--xml']),
    ]);
    expect(unsupported).toMatchObject({ code: 2, stdout: '' });
    expect(unsupported.stderr).toContain('chỉ nhận kế hoạch dạng .md, .txt, .docx hoặc .pdf');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('Không mở được tệp');
    expect(pdf).toMatchObject({ code: 2 });
    expect(pdf.stderr).toContain('Tệp PDF hỏng hoặc không phải tệp PDF.');
    expect(docx).toMatchObject({ code: 2 });
    expect(docx.stderr).toContain('Tệp .docx không đọc được');
    expect(wrongFlag).toMatchObject({ code: 2 });
    expect(wrongFlag.stderr).toContain('Tham số không hợp lệ cho plan import: --xml.');
  });
});
