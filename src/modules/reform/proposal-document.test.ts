import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../core/vietnam-time';
import { readZipEntry } from '../../core/zip';
import { hasDemoBaseline } from '../../demo/baselines';
import { readDemoProcedures } from '../../demo/fixtures';
import { createTestApp, type TestApp, testBackends } from '../../test/harness';
import { formatDateLine } from './documents/format';

type Headers = { cookie: string; 'x-csrf-token': string };
const JUSTICE = '000.00.03.H01';
const FINANCE = '000.00.04.H01';
const POLICE = '000.00.20.H01';
/** The proposal's states and the review's vocabulary: none belongs in the text the unit signs. */
const WORKFLOW_WORDS = ['Tình trạng', 'Dự thảo', 'Đã trình', 'Đã tổng hợp', 'Đã phê duyệt', 'Đã thực hiện', 'Bị từ chối', 'QĐ-UBND'];
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
const workDirectory = mkdtempSync(join(tmpdir(), 'motcua-proposal-document-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** A few procedures with a 2024 baseline handled by the unit, so that its demo proposal has items. */
function demoCodesOf(unitCode: string, count: number): string[] {
  return readDemoProcedures()
    .filter((procedure) => procedure.handlingUnitCodes.includes(unitCode) && hasDemoBaseline(procedure.code))
    .map((procedure) => procedure.code)
    .slice(0, count);
}

function pdfText(pdf: Buffer, name: string): string {
  const path = join(workDirectory, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

async function docxText(docx: Buffer): Promise<string> {
  const xml = (await readZipEntry(docx, 'word/document.xml')).toString('utf8');
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '')
    .join('\n');
}

describe.each(testBackends())('proposal documents from the unit tree and the workflow on %s', (backend) => {
  let t: TestApp;
  let controller: Headers;
  let leader: Headers;
  let units: { id: string; code: string }[];

  beforeAll(async () => {
    const codes = [...demoCodesOf(JUSTICE, 8), ...demoCodesOf(FINANCE, 4), ...demoCodesOf(POLICE, 4)];
    t = await createTestApp(backend, { demo: { procedureCodes: codes } });
    controller = await t.login('kiemsoat');
    leader = await t.login('lanhdao');
    units = (await t.app.inject({ url: '/api/units' })).json().items;
  }, 120_000);
  afterAll(() => t?.close());

  const unitId = (code: string) => units.find((unit) => unit.code === code)!.id;
  const findProposal = async (unitCode: string, year: number) => {
    const list = await t.app.inject({ url: `/api/reform/proposals?unit=${unitId(unitCode)}&year=${year}`, headers: controller });
    return list.json().items[0] as { id: string; status: string; submittedAt: string | null };
  };
  const download = async (id: string, format: 'pdf' | 'docx', headers: Headers = controller) => {
    const response = await t.app.inject({ url: `/api/reform/proposals/${id}/document.${format}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.rawPayload;
  };

  it('heads the Công an tỉnh proposal with Bộ Công an, addresses it to Bộ Công an and numbers it as Công an', async (context) => {
    const proposal = await findProposal(POLICE, 2026);
    expect(proposal.status).toBe('consolidated');
    const docx = await docxText(await download(proposal.id, 'docx'));
    expect(docx.split('\n').slice(0, 2)).toEqual(['BỘ CÔNG AN', 'CÔNG AN TỈNH AN GIANG']);
    expect(docx).toContain('/PA-CAT');
    expect(docx).toContain('trình Bộ Công an xem xét, quyết định như sau:');
    expect(docx).toContain('- Bộ Công an (để xem xét, quyết định);');
    expect(docx).not.toContain('UBND TỈNH');
    if (!hasPdftotext) context.skip();
    const pdf = pdfText(await download(proposal.id, 'pdf'), 'police');
    expect(pdf).toContain('BỘ CÔNG AN CÔNG AN TỈNH AN GIANG');
    expect(pdf).not.toContain('UBND TỈNH');
    // Dated on the day it was signed and sent (submitted), whatever the day of the download.
    expect(pdf).toContain(formatDateLine('An Giang', vietnamDate(new Date(proposal.submittedAt!))));
    expect(pdf).toContain('An Giang, ngày 10 tháng 6 năm 2026');
    for (const word of WORKFLOW_WORDS) expect(pdf).not.toContain(word);
  });

  it('keeps the approval and the status out of an approved proposal, signed by the head of the Sở', async () => {
    const proposal = await findProposal(FINANCE, 2025);
    expect(proposal.status).toBe('approved');
    const docx = await docxText(await download(proposal.id, 'docx'));
    expect(docx.split('\n').slice(0, 2)).toEqual(['UBND TỈNH AN GIANG', 'SỞ TÀI CHÍNH']);
    expect(docx).toContain('An Giang, ngày 10 tháng 6 năm 2025');
    expect(docx).toContain('GIÁM ĐỐC');
    for (const word of [...WORKFLOW_WORDS, '1530', '(Ký, ghi rõ họ tên', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(docx).not.toContain(word);
  });

  it('leaves the date of a draft blank, and dates and names the unit leader once the leader submits it', async () => {
    const draft = await findProposal(JUSTICE, 2026);
    expect(draft.status).toBe('draft');
    const before = await docxText(await download(draft.id, 'docx', leader));
    expect(before).toContain('An Giang, ngày … tháng … năm 20…');
    expect(before).not.toContain('Phạm Quốc Hùng');

    const view = (await t.app.inject({ url: `/api/reform/proposals/${draft.id}`, headers: leader })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/reform/proposals/${draft.id}/actions`,
      headers: leader,
      payload: { action: 'submit', version: view.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const submittedAt = submitted.json().submittedAt as string;
    const after = (await docxText(await download(draft.id, 'docx', leader))).split('\n');
    expect(after).toContain(formatDateLine('An Giang', vietnamDate(new Date(submittedAt))));
    // The signature block: the head's title, then the name of the leader who signed and sent it.
    expect(after.slice(after.lastIndexOf('GIÁM ĐỐC'))).toEqual(['GIÁM ĐỐC', 'Phạm Quốc Hùng']);
  });
});
